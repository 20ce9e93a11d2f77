"""Bytes of an upload -> HTML text, or a typed rejection.

Order matters: the size limit is checked before anything is inflated or decoded; gzip is recognised
by its magic bytes (not by a file name) and inflated in bounded steps so a bomb is caught after at
most `max_decompressed_bytes` of output; binary content is refused before any charset guessing; the
charset comes from a BOM, then the page's own declaration (unless the bytes are valid UTF-8 beyond
ASCII, which legacy text never is by chance), then strict UTF-8, then UTF-8 with a few
bad bytes replaced, then detection, with
windows-1252 as the WHATWG-sanctioned stand-in for latin-1 and undeclared legacy pages.
"""

from __future__ import annotations

import codecs
import re
import zlib

from newsfacet.extract.mojibake import repair_mojibake
from newsfacet.model import ArticleRejected, RejectionReason

__all__ = ["decode_text", "decode_upload", "inflate_gzip"]

GZIP_MAGIC = b"\x1f\x8b"
_INFLATE_STEP = 256 * 1024
_SNIFF_BYTES = 8192
_DECLARATION_BYTES = 4096

# Magic numbers of formats that are certainly not a web page.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"(\xb5/\xfd", "zstd archive"),
    (b"7z\xbc\xaf'\x1c", "7z archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">` both
# reduce to a `charset=` inside a meta tag.
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([a-zA-Z0-9_:.+-]+)", re.IGNORECASE)

# WHATWG maps these labels to windows-1252: pages labelled latin-1 routinely use its extra glyphs.
_WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "latin-1", "ascii", "cp819", "iso-ir-100", "l1"})

# C0 controls other than tab, newline, form feed and carriage return never occur in real text.
_CONTROL_BYTES = frozenset(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D})
# The same set as bytes to delete and as a character class: counted in C, not byte by byte in Python.
_CONTROL_DELETE = bytes(sorted(_CONTROL_BYTES))
_CONTROL_CHAR = re.compile("[" + re.escape("".join(map(chr, sorted(_CONTROL_BYTES)))) + "]")
_MAX_CONTROL_SHARE = 0.02
_MAX_REPLACEMENT_SHARE = 0.01


def decode_upload(raw: bytes, *, max_upload_bytes: int, max_decompressed_bytes: int) -> str:
    """Turn the bytes of one upload into text, inflating gzip first. Raises `ArticleRejected`."""
    if len(raw) > max_upload_bytes:
        raise ArticleRejected(
            RejectionReason.TOO_LARGE, f"{len(raw)} bytes is over the {max_upload_bytes}-byte limit"
        )
    if raw.startswith(GZIP_MAGIC):
        raw = inflate_gzip(raw, max_decompressed_bytes)
    if not raw.strip():
        raise ArticleRejected(RejectionReason.EMPTY, "the upload holds no content")
    return decode_text(raw)


def inflate_gzip(raw: bytes, limit: int) -> bytes:
    """Inflate a (possibly multi-member) gzip stream, never producing more than `limit` bytes."""
    out = bytearray()
    data = raw
    while data:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        pending = data
        try:
            while pending and not inflater.eof:
                out += inflater.decompress(pending, _INFLATE_STEP)
                if len(out) > limit:
                    raise _bomb(limit)
                pending = inflater.unconsumed_tail
            while not inflater.eof:
                # Input is exhausted but the inflater may still hold output; drain it in steps.
                chunk = inflater.decompress(b"", _INFLATE_STEP)
                if not chunk:
                    break
                out += chunk
                if len(out) > limit:
                    raise _bomb(limit)
        except zlib.error as error:
            raise ArticleRejected(RejectionReason.CORRUPT_ARCHIVE, f"corrupt gzip data: {error}") from None
        if not inflater.eof:
            raise ArticleRejected(RejectionReason.CORRUPT_ARCHIVE, "truncated gzip data")
        data = inflater.unused_data
        if data and not data.startswith(GZIP_MAGIC):
            break  # trailing garbage after the last member is ignored, as gzip(1) does
    return bytes(out)


def _bomb(limit: int) -> ArticleRejected:
    return ArticleRejected(
        RejectionReason.DECOMPRESSION_BOMB, f"inflates to more than the {limit}-byte limit"
    )


def decode_text(raw: bytes) -> str:
    """Decode page bytes to text: BOM, declared charset, strict UTF-8, detection, windows-1252; then
    repair runs of UTF-8 that were double-encoded upstream ("Ã©tÃ©" -> "été"), so the title, the
    body and the metadata all read (and are searched) as the writer wrote them."""
    return repair_mojibake(_decoded(raw))


def _decoded(raw: bytes) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(raw[len(bom) :].decode(encoding, errors="replace"))
    utf16 = _sniff_utf16_without_bom(raw)
    if utf16 is not None:
        return _checked(raw.decode(utf16, errors="replace"))
    _refuse_binary(raw)
    declared = declared_charset(raw)
    if declared is not None and declared != "utf-8" and not _is_utf8_beyond_ascii(raw):
        try:
            return _checked(raw.decode(declared))
        except UnicodeDecodeError:
            pass  # a wrong label: fall through to what the bytes say
    try:
        return _checked(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    lenient = _mostly_utf8(raw, declared=declared == "utf-8")
    if lenient is not None:
        return _checked(lenient)
    detected = _detect(raw)
    if detected is not None:
        return _checked(detected)
    return _checked(raw.decode("windows-1252", errors="replace"))


def declared_charset(raw: bytes) -> str | None:
    """The Python codec named by the page's `<meta>` charset declaration, if any and known."""
    match = _META_CHARSET.search(raw[:_DECLARATION_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii", errors="ignore").strip().lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _WINDOWS_1252_ALIASES or label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    if name.startswith("utf-16") or name.startswith("utf-32"):
        # A page that reached us as bytes without a BOM and declares UTF-16 is really ASCII-compatible.
        return "utf-8"
    return "utf-8" if name == "utf-8" else name


def _is_utf8_beyond_ascii(raw: bytes) -> bool:
    """Whether the bytes are valid UTF-8 holding non-ASCII characters. Legacy text is almost never
    valid UTF-8 by chance, so such a page is UTF-8 whatever it declares: a page labelled
    windows-1252 but written in UTF-8 would otherwise read "thatâ€™s" throughout."""
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _sniff_utf16_without_bom(raw: bytes) -> str | None:
    head = raw[:64]
    if len(head) >= 4 and head[0] == 0x3C and head[1] == 0 and head[2] != 0 and head[3] == 0:
        return "utf-16-le"
    if len(head) >= 4 and head[0] == 0 and head[1] == 0x3C and head[2] == 0 and head[3] != 0:
        return "utf-16-be"
    return None


def _refuse_binary(raw: bytes) -> None:
    for magic, kind in _BINARY_MAGIC:
        if raw.startswith(magic):
            raise ArticleRejected(RejectionReason.BINARY, f"looks like a {kind}")
    sample = raw[:_SNIFF_BYTES]
    if b"\x00" in sample:
        raise ArticleRejected(RejectionReason.BINARY, "contains NUL bytes")
    controls = len(sample) - len(sample.translate(None, _CONTROL_DELETE))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise ArticleRejected(RejectionReason.BINARY, f"{controls} control bytes in the first {len(sample)}")


def _mostly_utf8(raw: bytes, *, declared: bool) -> str | None:
    """UTF-8 with a few bad bytes (a truncated paste, one stray latin-1 byte) decoded as UTF-8, each
    bad byte a replacement character; None for text that is not UTF-8 at all.

    Without this a page that is UTF-8 but for a few bytes reaches detection, which may read the
    whole page as a Cyrillic code page. It is UTF-8 when its valid multi-byte characters outnumber
    its bad bytes, or when it says it is UTF-8 and has no more bad bytes than a clean decode tolerates.
    """
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for char in text if ord(char) > 0x7F) - bad
    if bad < multibyte:
        return text
    if declared and bad <= _MAX_REPLACEMENT_SHARE * len(text[:_SNIFF_BYTES]) + 2:
        return text
    return None


def _detect(raw: bytes) -> str | None:
    """Best guess by statistical detection; None when nothing plausible is found."""
    from charset_normalizer import from_bytes  # noqa: PLC0415 - lazily: only undeclared legacy pages need it

    matches = from_bytes(raw[: 256 * 1024])
    best = matches.best()
    if best is None or best.encoding is None:
        return None
    encoding = best.encoding
    # Ties are common between Western code pages; windows-1252 is the web's default, so it wins a
    # tie (otherwise "è" in a French page may come out as the Czech "č" of windows-1250).
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            encoding = "cp1252"
    if encoding in {"latin_1", "iso8859_1", "ascii"}:
        encoding = "cp1252"
    try:
        return raw.decode(encoding, errors="replace")
    except LookupError:
        return None


def _checked(text: str) -> str:
    """Refuse text whose decoding went badly wrong (many replacement characters or controls)."""
    sample = text[:_SNIFF_BYTES]
    if not sample.strip():
        raise ArticleRejected(RejectionReason.EMPTY, "the upload holds no content")
    replaced = sample.count("\ufffd")
    if replaced > _MAX_REPLACEMENT_SHARE * len(sample) + 2:
        raise ArticleRejected(
            RejectionReason.UNDECODABLE, f"{replaced} undecodable characters in the first {len(sample)}"
        )
    controls = len(_CONTROL_CHAR.findall(sample))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise ArticleRejected(RejectionReason.BINARY, f"{controls} control characters in the text")
    return text
