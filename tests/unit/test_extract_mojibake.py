"""Double-encoded UTF-8 ("doesnâ€™t", "Ã©tÃ©") is repaired run by run; genuine text is not touched."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from newsfacet.config import Settings
from newsfacet.extract.decode import decode_text
from newsfacet.extract.mojibake import repair_mojibake
from newsfacet.model import Article, Origin
from newsfacet.pipeline import build_article


def garbled(text: str, codec: str = "cp1252") -> str:
    """Text as it reads after its UTF-8 bytes went through `codec` and back out as UTF-8 (a byte
    windows-1252 leaves undefined comes out as the latin-1 character, as browsers and PHP do)."""
    return "".join(_byte_as(byte, codec) for byte in text.encode("utf-8"))


def _byte_as(byte: int, codec: str) -> str:
    try:
        return bytes([byte]).decode(codec)
    except UnicodeDecodeError:
        return chr(byte)


def test_a_double_encoded_paragraph_is_repaired_and_the_good_paragraph_beside_it_kept() -> None:
    good = "<p>Crème brûlée at the café, “quoted” — 5 € and 20 °C ©</p>"
    bad = "<p>The summer (été) doesn’t end — “quote” and a no-break space:\xa0done</p>"
    page = f"<html><body>{good}{garbled(bad)}</body></html>"
    assert "doesnâ€™t" in page
    assert decode_text(page.encode("utf-8")) == f"<html><body>{good}{bad}</body></html>"


def test_latin1_spelling_with_c1_controls_is_repaired() -> None:
    assert repair_mojibake(garbled("doesn’t: “yes”", "latin-1")) == "doesn’t: “yes”"
    assert repair_mojibake("doesn\u00e2\u0080\u0099t") == "doesn’t"


@pytest.mark.parametrize(
    "text",
    [
        "SÃO PAULO — A MAÇÃ caiu. Ãgua? Não: IRMÃ” e AMANHÃ\xa0!",
        "L'été à Paris, où ça « va » ; « Âme » et « Ô » ; pâté, château, forêt.",
        "În România, CÂND începe școala? Câteva țări; ÎNTÂLNIRE la Brâncuși.",
        "Đà Nẵng, Huế, Hà Nội: người Việt ở đây.",
        "NESCAFÉ® GOLD — Rosa\xa0×\xa0hybrida — ‘K’/‘ß’ — ÉCOLE” — © 2025, 21 °C, 5 €, 3½ × 2.",
    ],
)
def test_genuine_accented_text_and_symbols_stay_untouched(text: str) -> None:
    page = f"<html><body><p>{text}</p></body></html>"
    assert decode_text(page.encode("utf-8")) == page


def test_a_cited_example_of_mojibake_stays_as_written() -> None:
    text = 'I saw "Ã¤" instead of "ä"; in markup, &quot;Ã©&quot; for &quot;é&quot;.'
    assert repair_mojibake(text) == text


def test_triple_encoded_text_is_repaired_in_repeated_passes() -> None:
    assert repair_mojibake(garbled(garbled("été, doesn’t"))) == "été, doesn’t"


def test_other_scripts_are_repaired_in_runs() -> None:
    assert repair_mojibake(garbled("привет, 日本語 and 𝕏")) == "привет, 日本語 and 𝕏"


def test_a_page_declared_windows_1252_but_written_in_utf8_is_read_as_utf8() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Thatʼs the café’s été</p></body></html>'
    assert decode_text(page.encode("utf-8")) == page


def test_a_page_really_in_windows_1252_is_still_read_as_declared() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>café’s “été”</p></body></html>'
    assert decode_text(page.encode("cp1252")) == page


def test_the_article_title_and_text_come_out_clean() -> None:
    story = (
        "The harbour doesn’t reopen this été, the mayor said — “not before autumn”. "
        "Dockers in Saint-Étienne-du-Rouvray weighed the offer.\xa0"
    ) * 6
    raw = (
        '<html lang="en"><head><title>Harbour doesn’t reopen — “not before autumn”</title></head>'
        f"<body><article><h1>Harbour doesn’t reopen</h1><p>{story}</p><p>{story}</p></article></body></html>"
    )
    result = build_article(
        garbled(raw).encode("utf-8"),
        Origin(bucket="uploads", key="page.html"),
        1,
        Settings(),
        now=datetime(2025, 2, 3, tzinfo=UTC),
    )
    assert isinstance(result, Article), result
    assert result.title == "Harbour doesn’t reopen"
    assert "doesn’t reopen this été" in result.text
    assert "â" not in result.text + result.title and "Ã" not in result.text


def test_mojibake_written_as_character_references_is_repaired() -> None:
    page = (
        "<p>It isn&acirc;&euro;&trade;t over&acirc;&euro;&rdquo;the caf&Atilde;&copy; "
        "&#195;&#169;t&#195;&#169;</p>"
    )
    assert repair_mojibake(page) == "<p>It isn’t over—the café été</p>"


@pytest.mark.parametrize(
    "markup",
    [
        "caf&eacute; &amp; cr&egrave;me &copy; 2025&nbsp;&nbsp;&euro;5 &mdash; S&Atilde;O PAULO",
        "IRM&Atilde;&rdquo; and AMANH&Atilde;&nbsp;!",
        "I saw &quot;&Atilde;&curren;&quot; instead of &quot;&auml;&quot;",
    ],
)
def test_genuine_character_references_stay_as_written(markup: str) -> None:
    assert repair_mojibake(markup) == markup
