"""Hand-written pages of different shapes -> exact metadata and a body free of boilerplate."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from newsfacet.extract import ExtractedPage, decode_upload, extract_article
from newsfacet.model import ArticleRejected, RejectionReason

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
LIMITS = {"max_upload_bytes": 10_000_000, "max_decompressed_bytes": 50_000_000}
NOW = datetime(2025, 1, 1, tzinfo=UTC)


def extract(name: str, url: str | None = None) -> ExtractedPage:
    return extract_article(decode_upload((PAGES / name).read_bytes(), **LIMITS), url, now=NOW)


def assert_absent(text: str, *phrases: str) -> None:
    for phrase in phrases:
        assert phrase.lower() not in text.lower(), phrase


@pytest.mark.parametrize("name", ["modern_news.html", "modern_news.html.gz"])
def test_modern_news_site_with_jsonld(name: str) -> None:
    page = extract(name)
    meta = page.metadata
    assert meta.title == "Rotterdam dockers strike over automation plans"
    assert meta.published_at == datetime(2024, 3, 12, 8, 15, tzinfo=timezone(timedelta(hours=1)))
    assert meta.modified_at == datetime(2024, 3, 12, 11, 2, 30, tzinfo=timezone(timedelta(hours=1)))
    assert meta.authors == ["Maria Lopez", "Tom Reed"]
    assert meta.source == "The Harbour Times"
    assert meta.language == "en"
    assert (
        meta.canonical_url
        == "https://www.harbourtimes.example/europe/rotterdam-dockers-strike?utm_source=homepage"
    )
    paragraphs = page.text.split("\n\n")
    assert paragraphs[0].startswith("ROTTERDAM (AFP) — Thousands of dock workers walked off the job")
    assert paragraphs[-1].endswith("no worker would be dismissed against their will.")
    assert len(paragraphs) == 5
    assert_absent(
        page.text,
        "Skip to main content",
        "cookies",
        "Angela Merkel",
        "Share on",
        "Advertisement",
        "Read also",
        "Emmanuel Macron",
        "Morning Briefing",
        "limit of free articles",
        "Most read",
        "Mbappé",
        "Nairobi",
        "All rights reserved",
        "By Maria Lopez",
        "Idle cranes",
    )


def test_wordpress_blog_without_its_comments() -> None:
    page = extract("wordpress_blog.html")
    meta = page.metadata
    assert meta.title == "Why our bees survived the wet winter"
    assert meta.published_at == datetime(2023, 6, 14, 8, 30, tzinfo=timezone(timedelta(hours=12)))
    assert meta.modified_at is None
    assert meta.authors == ["Hemi Walker"]
    assert meta.source == "Hive Notes from Otago"
    assert meta.language == "en"
    assert meta.canonical_url == "https://hivenotes.example.nz/2023/06/14/why-our-bees-survived/"
    assert page.text.startswith("This was the wettest winter most beekeepers around Dunedin can remember")
    assert "Ventilation matters more than warmth" in page.text
    assert page.text.endswith("before the next wet winter arrives.")
    assert_absent(
        page.text,
        "Greta Thunberg",
        "Reykjavik",
        "Queenstown",
        "Leave a Reply",
        "thoughts on",
        "Jacinda Ardern",
        "Winston Peters",
        "Auckland",
        "Share this",
        "Skip to content",
        "Proudly powered",
        "Posted in",
    )


def test_old_table_layout_in_windows_1252() -> None:
    page = extract("legacy_table_cp1252.html")
    meta = page.metadata
    assert meta.title == "Mill to reopen after flood repairs"
    assert meta.published_at == datetime(2004, 3, 3)
    assert meta.authors == ["Ruth Castellano"]
    assert meta.source == "Valley Gazette"
    assert meta.language == "en"
    assert meta.canonical_url is None
    assert page.text.split("\n\n")[0] == (
        "The Brennan textile mill on Water Street will reopen on Monday, five months after the Juniata "
        "River flooded its ground floor and forced the owners to lay off 140 workers."
    )
    assert "“We owe this to the people who stayed with us,” said owner Elena Brennan" in page.text
    assert "€2 million of her family’s savings" in page.text
    assert "hired a café owner from Lewistown" in page.text
    assert_absent(page.text, "Obituaries", "Dan Ellis", "Harrisburg", "Copyright", "staff writer", "March 3")


def test_script_heavy_page_of_divs_only() -> None:
    page = extract("js_heavy.html")
    meta = page.metadata
    assert meta.title == "Chile approves lithium deal with state miner"
    assert meta.published_at == datetime(2023, 12, 27, 16, 40, tzinfo=UTC)
    assert meta.modified_at == datetime(2023, 12, 28, 9, 5, tzinfo=UTC)
    assert meta.authors == ["Camila Rojas"]
    assert meta.source == "Andes Wire Daily"
    assert meta.language == "en"
    assert meta.canonical_url == "https://andeswire.example/business/chile-lithium-deal"
    paragraphs = page.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("SANTIAGO — Chile's government approved on Wednesday")
    assert_absent(
        page.text,
        "Rishi Sunak",
        "Montevideo",
        "Subscribe for",
        "Javier Milei",
        "Lima",
        "More from",
        "pageProps",
    )


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("error_page.html", RejectionReason.ERROR_PAGE),
        ("cookie_wall.html", RejectionReason.NO_ARTICLE_BODY),
        ("tiny.html", RejectionReason.NO_ARTICLE_BODY),
        ("photo.png", RejectionReason.BINARY),
    ],
)
def test_pages_that_are_not_articles_are_rejected(name: str, reason: RejectionReason) -> None:
    with pytest.raises(ArticleRejected) as caught:
        extract(name)
    assert caught.value.reason is reason
