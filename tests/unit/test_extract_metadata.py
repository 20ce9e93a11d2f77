"""Metadata read from literal pages: titles, dates, authors, source, language, canonical URL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from lxml import html
from newsfacet.extract.authors import clean_authors, wire_credits
from newsfacet.extract.dates import parse_datetime
from newsfacet.extract.language import detect_language, normalise_language
from newsfacet.extract.metadata import read_metadata
from newsfacet.extract.title import strip_site_affix

NOW = datetime(2025, 1, 1, tzinfo=UTC)


def metadata_of(head: str, body: str = "", url: str | None = None, lang: str = "en"):  # type: ignore[no-untyped-def]
    page = f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'
    return read_metadata(html.document_fromstring(page), url, NOW)


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Floods hit Valencia - Example News", ["Example News"], "Floods hit Valencia"),
        ("Example News | Floods hit Valencia", ["Example News"], "Floods hit Valencia"),
        ("Floods hit Valencia – EXAMPLENEWS.COM", ["examplenews.com"], "Floods hit Valencia"),
        ("Floods hit Valencia | World", [], "Floods hit Valencia"),
        ("Brexit - what happens next?", ["Example News"], "Brexit - what happens next?"),
        ("No separator here", ["Example"], "No separator here"),
    ],
)
def test_site_affix_is_stripped_but_headlines_keep_their_dashes(
    title: str, sites: list[str], expected: str
) -> None:
    assert strip_site_affix(title, sites) == expected


def test_visible_h1_wins_when_it_agrees_with_the_declared_title() -> None:
    meta = metadata_of(
        "<title>Storm closes ports | Coast Herald</title>"
        '<meta property="og:site_name" content="Coast Herald">',
        "<h1>Storm Closes Ports</h1><p>x</p>",
    )
    assert meta.title == "Storm Closes Ports"
    assert meta.source == "Coast Herald"


@pytest.mark.parametrize(
    "declared",
    [
        "Harbour Evening Post :: Dock workers vote to end the strike",
        "Dock workers vote to end the strike :: Harbour Evening Post",
    ],
)
def test_an_old_layout_that_prints_both_site_and_headline_in_bold_gets_the_headline(declared: str) -> None:
    meta = metadata_of(
        f"<title>{declared}</title>",
        "<table><tr><td><b>&nbsp;Harbour Evening Post</b></td></tr>"
        "<tr><td><font size=5><b>Dock workers vote to end the strike</b></font><p>x</p></td></tr></table>",
    )
    assert meta.title == "Dock workers vote to end the strike"
    assert meta.source == "Harbour Evening Post"


def test_a_printed_byline_without_markup_names_the_author_but_not_the_site() -> None:
    meta = metadata_of(
        "<title>Harbour Evening Post :: Dock workers vote to end the strike</title>",
        "<b>Harbour Evening Post</b><font size=5><b>Dock workers vote to end the strike</b></font><br>"
        "<font size=1>By Mona El-Sayed and Omar Haddad, Harbour Evening Post &middot; Posted 16/10/2026"
        "</font>"
        "<p>By the time the vote was counted, the port had been closed for a week.</p>",
    )
    assert meta.authors == ["Mona El-Sayed", "Omar Haddad"]


@pytest.mark.parametrize(
    "byline",
    ["By Harbour Post Staff", "By <b>MONA ELSAYED</b><i>Associated Press</i>", "By the harbour desk"],
)
def test_printed_bylines_that_name_no_person_give_no_author(byline: str) -> None:
    meta = metadata_of("<title>Dock workers vote</title>", f"<div>{byline}</div><p>The port reopens.</p>")
    assert meta.authors == []


def test_a_printed_byline_reads_names_in_any_script() -> None:
    meta = metadata_of(
        '<title>Le port rouvre</title><meta property="og:site_name" content="Le Courrier">',
        "<font size=1>By Élise Dupont and Ömer Yıldız, Le Courrier</font><p>The port reopens.</p>",
    )
    assert meta.authors == ["Élise Dupont", "Ömer Yıldız"]


def test_byline_markup_wins_over_printed_by_lines() -> None:
    meta = metadata_of(
        "<title>Storm closes ports</title>",
        '<span class="byline">By Jane Smith</span><p>By Order Of The Council, the port is shut.</p>',
    )
    assert meta.authors == ["Jane Smith"]


def test_jsonld_headline_is_preferred_over_a_logo_h1() -> None:
    meta = metadata_of(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council backs tram"}'
        "</script><title>Home</title>",
        "<h1>Coast Herald</h1>",
    )
    assert meta.title == "Council backs tram"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-12T08:15:00+01:00", datetime(2024, 3, 12, 8, 15, tzinfo=timezone(timedelta(hours=1)))),
        ("2024-03-12T08:15:00Z", datetime(2024, 3, 12, 8, 15, tzinfo=UTC)),
        (
            "2024-03-12T08:15:00.123456789+0530",
            datetime(2024, 3, 12, 8, 15, 0, 123456, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        ),
        ("2024-03-12 08:15:00-05", datetime(2024, 3, 12, 8, 15, tzinfo=timezone(timedelta(hours=-5)))),
        ("2024-03-12", datetime(2024, 3, 12)),
        ("Tue, 12 Mar 2024 08:15:00 GMT", datetime(2024, 3, 12, 8, 15, tzinfo=UTC)),
    ],
)
def test_dates_keep_their_offset(value: str, expected: datetime) -> None:
    parsed = parse_datetime(value, now=NOW)
    assert parsed == expected
    assert parsed is not None and parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("value", ["", "yesterday", "0000-00-00", "1970-01-01T00:00:00Z", "2999-01-01"])
def test_absent_or_implausible_dates_are_none(value: str) -> None:
    assert parse_datetime(value, now=NOW) is None


def test_dates_come_from_jsonld_before_meta_and_time() -> None:
    meta = metadata_of(
        '<script type="application/ld+json">{"@type": "Article",'
        ' "datePublished": "2024-05-01T10:00:00+02:00",'
        ' "dateModified": "2024-05-02T09:00:00+02:00"}</script>'
        '<meta property="article:published_time" content="2024-04-30T00:00:00Z">',
        '<time datetime="2020-01-01">old</time>',
    )
    assert meta.published_at == datetime(2024, 5, 1, 10, tzinfo=timezone(timedelta(hours=2)))
    assert meta.modified_at == datetime(2024, 5, 2, 9, tzinfo=timezone(timedelta(hours=2)))


def test_time_element_is_used_when_nothing_is_declared() -> None:
    meta = metadata_of(
        "<title>t</title>", '<article><time datetime="2023-06-14T08:30:00+12:00">June</time></article>'
    )
    assert meta.published_at == datetime(2023, 6, 14, 8, 30, tzinfo=timezone(timedelta(hours=12)))


def test_htmldate_finds_the_date_in_the_url_as_a_last_resort() -> None:
    meta = metadata_of(
        "<title>t</title>", "<p>No date here.</p>", url="https://example.org/2021/07/09/story.html"
    )
    assert meta.published_at == datetime(2021, 7, 9)


@pytest.mark.parametrize(
    ("written", "lang"),
    [("November 20 15:23 2023", "en"), ("20 de noviembre de 2023", "es"), ("20 ноября 2023", "ru")],
)
def test_a_date_written_in_words_is_found_when_nothing_is_declared(written: str, lang: str) -> None:
    meta = metadata_of("<title>t</title>", f"<p>The story.</p><span>{written}</span>", lang=lang)
    assert meta.published_at is not None
    assert meta.published_at.date() == datetime(2023, 11, 20).date()


def test_looking_for_a_date_in_the_page_leaves_the_page_whole() -> None:
    # htmldate prunes scripts, navigation and footers from the tree it searches; the body is cleaned
    # from the same tree afterwards and must still find every part of the page.
    page = (
        "<html><head><title>Harbour plan</title><script>var x = 1;</script></head><body>"
        "<nav><a href='/'>Home</a></nav><article><p>The council approved the plan.</p>"
        "<span>November 20 15:23 2023</span></article><footer>Contact us</footer></body></html>"
    )
    tree = html.document_fromstring(page)
    before = html.tostring(tree)
    assert read_metadata(tree, None, NOW).published_at is not None  # found by htmldate
    assert html.tostring(tree) == before


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["By Jane Doe and John Smith"], ["Jane Doe", "John Smith"]),
        (["JANE DOE; https://twitter.com/jd"], ["Jane Doe"]),
        (["Reuters", "Staff", "Jane Doe", "jane doe"], ["Jane Doe"]),
        (["Maria Lopez, Tom Reed | AFP"], ["Maria Lopez", "Tom Reed"]),
        (["The Editorial Board Of A Very Long Named Newspaper Group"], []),
    ],
)
def test_authors_are_cleaned_to_personal_names(raw: list[str], expected: list[str]) -> None:
    assert clean_authors(raw) == expected


def test_wire_credits_are_found_in_bylines_and_datelines() -> None:
    credits = wire_credits("PARIS (AFP) — The talks resumed.", "FRANCE 24 with wires", "— Reuters")
    assert {"AFP", "Reuters", "FRANCE 24 with wires", "FRANCE 24"} <= set(credits)
    assert wire_credits("The app is a good deal.") == []


def test_an_agency_in_a_visible_byline_is_a_credit() -> None:
    meta = metadata_of("<title>t</title>", '<p class="byline">By Jane Doe, Reuters</p>')
    assert meta.authors == ["Jane Doe"]
    assert meta.credits == ["Reuters"]


def test_agency_authors_become_credits_not_authors() -> None:
    meta = metadata_of('<meta name="author" content="AFP">')
    assert meta.authors == []
    assert meta.credits == ["AFP"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("en-GB", "en"), ("pt_BR", "pt"), ("FR", "fr"), ("eng", "en"), ("", None), ("x!", None)],
)
def test_language_tags_normalise_to_iso_639_1(value: str, expected: str | None) -> None:
    assert normalise_language(value) == expected


def test_language_comes_from_html_lang_then_meta() -> None:
    assert metadata_of("").language == "en"
    assert metadata_of('<meta property="og:locale" content="de_DE">', lang="").language == "de"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister said that the plan was ready and it would be presented to the parliament.", "en"),
        ("Le ministre a dit que le plan est prêt et qu'il sera présenté pour la séance du parlement.", "fr"),
        ("서울에서 열린 회의에서 장관은 계획이 준비되었다고 말했다.", "ko"),
        ("東京で開かれた会議で、大臣は計画の準備ができたと述べた。", "ja"),
        ("Министр сказал, что план готов и будет представлен парламенту.", "ru"),
        ("12 34 56", None),
    ],
)
def test_language_is_guessed_from_text(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_canonical_url_is_resolved_and_source_falls_back_to_the_domain() -> None:
    meta = metadata_of(
        '<link rel="canonical" href="/world/story-1">', url="https://www.coastherald.example/x?id=1"
    )
    assert meta.canonical_url == "https://www.coastherald.example/world/story-1"
    assert meta.source == "coastherald.example"


def test_no_canonical_url_when_the_page_names_none() -> None:
    assert metadata_of("<title>t</title>", url="https://example.org/a").canonical_url is None


def test_broken_jsonld_is_ignored() -> None:
    meta = metadata_of(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
        '<meta property="og:title" content="Fallback title">'
    )
    assert meta.title == "Fallback title"
