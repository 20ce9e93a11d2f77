"""Upload bytes -> text: size limit, gzip (bombs, corruption), binary refusal, charsets."""

from __future__ import annotations

import codecs
import gzip

import pytest
from newsfacet.extract.decode import decode_text, decode_upload
from newsfacet.model import ArticleRejected, RejectionReason

LIMITS = {"max_upload_bytes": 1_000_000, "max_decompressed_bytes": 2_000_000}
PAGE = "<html><head><title>Café</title></head><body><p>Crème brûlée — “quoted” €5</p></body></html>"


def rejection(raw: bytes, **limits: int) -> RejectionReason:
    with pytest.raises(ArticleRejected) as caught:
        decode_upload(raw, **{**LIMITS, **limits})
    return caught.value.reason


def test_utf8_page_decodes_unchanged() -> None:
    assert decode_upload(PAGE.encode("utf-8"), **LIMITS) == PAGE


def test_upload_over_the_size_limit_is_rejected_before_anything_else() -> None:
    assert rejection(b"<p>" + b"x" * 2000, max_upload_bytes=1000) is RejectionReason.TOO_LARGE


def test_gzip_is_recognised_by_magic_bytes_and_inflated() -> None:
    assert decode_upload(gzip.compress(PAGE.encode("utf-8")), **LIMITS) == PAGE


def test_multi_member_gzip_is_inflated_whole() -> None:
    first, second = PAGE[:20].encode(), PAGE[20:].encode()
    assert decode_upload(gzip.compress(first) + gzip.compress(second), **LIMITS) == PAGE


def test_gzip_bomb_is_stopped_at_the_decompressed_cap() -> None:
    bomb = gzip.compress(b"<p>" + b"\0" * 5_000_000)
    assert len(bomb) < LIMITS["max_upload_bytes"]
    assert rejection(bomb) is RejectionReason.DECOMPRESSION_BOMB


def test_corrupt_and_truncated_gzip_are_corrupt_archives() -> None:
    packed = gzip.compress(PAGE.encode() * 50)
    corrupt = packed[:10] + bytes(byte ^ 0xFF for byte in packed[10:40]) + packed[40:]
    assert rejection(corrupt) is RejectionReason.CORRUPT_ARCHIVE
    assert rejection(packed[: len(packed) // 2]) is RejectionReason.CORRUPT_ARCHIVE


@pytest.mark.parametrize("raw", [b"", b"   \n\t ", gzip.compress(b"")])
def test_empty_uploads_are_rejected_as_empty(raw: bytes) -> None:
    assert rejection(raw) is RejectionReason.EMPTY


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04" + b"\x14\x00" * 20,
        b"<html>\x00\x01\x02\x03 binary junk</html>",
    ],
)
def test_binary_content_is_rejected_as_binary(raw: bytes) -> None:
    assert rejection(raw) is RejectionReason.BINARY


def test_control_bytes_count_as_binary_only_beyond_a_few() -> None:
    text = "<html><body><p>" + "The harbour wall will be rebuilt in spring. " * 20 + "</p></body></html>"
    junk = bytes([0x01, 0x02, 0x1B, 0x1F])
    assert rejection(junk * 100 + text.encode()) is RejectionReason.BINARY
    assert decode_upload(junk + text.encode(), **LIMITS).endswith("</html>")  # a stray escape or two stays


def test_byte_order_marks_win_over_everything() -> None:
    assert decode_text(codecs.BOM_UTF8 + PAGE.encode("utf-8")) == PAGE
    assert decode_text(codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le")) == PAGE
    assert decode_text(codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be")) == PAGE


def test_meta_charset_is_honoured() -> None:
    page = '<html><head><meta charset="shift_jis"></head><body><p>東京で会議</p></body></html>'
    assert "東京で会議" in decode_text(page.encode("shift_jis"))


def test_http_equiv_latin1_is_read_as_windows_1252() -> None:
    """Pages labelled latin-1 use windows-1252's curly quotes and euro sign (WHATWG does the same)."""
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        "</head><body><p>“Prix” : 5 € — café</p></body></html>"
    )
    assert "“Prix” : 5 € — café" in decode_text(page.encode("cp1252"))


def test_undeclared_legacy_page_is_detected() -> None:
    page = "<html><body><p>" + "Le café “Chez Hélène” a fermé ses portes après trente années. " * 5
    assert "“Chez Hélène”" in decode_text((page + "</p></body></html>").encode("cp1252"))


def test_mislabelled_utf8_page_is_still_decoded() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>Zürich – “Fondue”</p></body></html>'
    assert "Zürich – “Fondue”" in decode_text(page.encode("cp1252"))


def test_undeclared_cyrillic_page_is_not_forced_into_windows_1252() -> None:
    page = "<html><body><p>" + "Москва — столица России, крупнейший город страны. " * 5 + "</p></body></html>"
    assert "Москва — столица России" in decode_text(page.encode("cp1251"))


def test_bytes_that_contradict_their_byte_order_mark_are_undecodable() -> None:
    raw = codecs.BOM_UTF8 + b"<html><body><p>" + bytes(range(0x80, 0x100)) * 20 + b"</p></body></html>"
    assert rejection(raw) is RejectionReason.UNDECODABLE


@pytest.mark.parametrize("declaration", ['<meta charset="utf-8">', ""])
def test_utf8_with_a_few_bad_bytes_stays_utf8_with_replacements(declaration: str) -> None:
    words = "Zürich, Genève et Köln: “la réunion” s’est tenue à Bruxelles — €5 " * 30
    good = f"<html><head>{declaration}<title>Réunion</title></head><body><p>{words}</p></body></html>"
    raw = good.encode("utf-8")
    middle = len(raw) // 2
    broken = raw[:middle] + b"\xff\xfe\x81" + raw[middle:]

    text = decode_upload(broken, **LIMITS)

    assert "Genève" in text and "“la réunion”" in text
    assert text.count("\ufffd") == 3
    assert not any("\u0400" <= char <= "\u04ff" for char in text)  # no Cyrillic read into it


def test_a_latin1_page_with_no_valid_utf8_is_still_read_as_latin1() -> None:
    raw = "<html><body><p>Crème brûlée à la française, été comme hiver.</p></body></html>".encode("cp1252")
    assert "Crème brûlée" in decode_upload(raw, **LIMITS)
