"""build_article: every Article field filled, ids stable, only the article's own names enriched."""

from __future__ import annotations

import gzip
import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from newsfacet.config import Settings
from newsfacet.extract import ExtractedPage
from newsfacet.extract.fingerprint import simhash
from newsfacet.extract.metadata import PageMetadata
from newsfacet.model import Article, Origin, Rejection, RejectionReason
from newsfacet.pipeline import build_article, exclusions, lede_of, warm_up

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
SETTINGS = Settings()
NOW = datetime(2025, 2, 3, 4, 5, 6, tzinfo=UTC)
ORIGIN = Origin(bucket="uploads", key="2025/02/page.html", version_id="v1", sequencer="00A1")


def build(raw: bytes, origin: Origin = ORIGIN, settings: Settings = SETTINGS) -> Article | Rejection:
    return build_article(raw, origin, 7, settings, now=NOW)


def article(name: str, origin: Origin = ORIGIN) -> Article:
    result = build((PAGES / name).read_bytes(), origin)
    assert isinstance(result, Article), result
    return result


def names(result: Article) -> set[str]:
    return {actor.name for actor in result.actors} | {location.name for location in result.locations}


def page_with_canonical(
    canonical: str, story: str = "The harbour reopened today after a long strike. " * 8
) -> bytes:
    return (
        f'<html lang="en"><head><link rel="canonical" href="{canonical}">'
        "<title>Harbour reopens</title></head>"
        f"<body><article><h1>Harbour reopens</h1><p>{story}</p></article></body></html>"
    ).encode()


def test_every_field_is_filled_from_a_news_page() -> None:
    result = article("modern_news.html")
    assert result.version == 7
    assert result.origin == ORIGIN
    assert result.ingested_at == NOW
    assert result.title == "Rotterdam dockers strike over automation plans"
    assert (
        result.url == "https://www.harbourtimes.example/europe/rotterdam-dockers-strike?utm_source=homepage"
    )
    assert result.source == "The Harbour Times"
    assert result.authors == ["Maria Lopez", "Tom Reed"]
    assert result.published_at is not None and result.published_at.isoformat() == "2024-03-12T08:15:00+01:00"
    assert result.language == "en"
    assert result.lede == result.text.split("\n\n")[0]
    assert result.content_sha256 == hashlib.sha256(result.text.encode("utf-8")).hexdigest()
    assert len(result.simhash) == 16 and int(result.simhash, 16) >= 0
    assert len(result.id) == 32


def test_word_count_counts_the_words_of_the_body() -> None:
    result = build(
        page_with_canonical("https://h.example/a", "The harbour reopened today after a long strike. " * 8)
    )
    assert isinstance(result, Article)
    assert result.word_count == 8 * 8


def test_gzip_upload_gives_the_same_article_as_the_plain_page() -> None:
    plain = article("modern_news.html")
    packed = article("modern_news.html.gz")
    assert packed == plain


def test_id_comes_from_the_normalised_canonical_url() -> None:
    variants = [
        "https://www.harbour.example/news/reopens",
        "http://harbour.example/news/reopens/",
        "https://WWW.Harbour.example/news/reopens?utm_source=x&utm_medium=y#top",
        "https://harbour.example:443/news/reopens",
    ]
    ids = set()
    for index, canonical in enumerate(variants):
        result = build(page_with_canonical(canonical), Origin(bucket="b", key=f"copy-{index}.html"))
        assert isinstance(result, Article)
        ids.add(result.id)
    assert len(ids) == 1
    other = build(page_with_canonical("https://harbour.example/news/other"))
    assert isinstance(other, Article) and other.id not in ids
    with_query = build(page_with_canonical("https://harbour.example/news?id=2"))
    other_query = build(page_with_canonical("https://harbour.example/news?id=3"))
    assert isinstance(with_query, Article) and isinstance(other_query, Article)
    assert with_query.id != other_query.id


def test_id_comes_from_the_words_when_the_page_names_no_url() -> None:
    raw = (PAGES / "legacy_table_cp1252.html").read_bytes()
    first = build(raw, Origin(bucket="b", key="a.html"))
    again = build(
        raw, Origin(bucket="b", key="a.html", version_id="v9", source_url="https://gazette.example/a")
    )
    moved = build(raw, Origin(bucket="local", key="/home/me/a.html"))
    edited = build(
        raw.replace(b"Mill to reopen", b"Mill to reopen soon").replace(b"The ", b"A ", 1),
        Origin(bucket="b", key="a.html"),
    )
    assert isinstance(first, Article) and isinstance(again, Article) and isinstance(moved, Article)
    assert isinstance(edited, Article)
    assert first.id == again.id == moved.id  # the same page by any path: one document
    assert edited.text != first.text and edited.id != first.id
    assert again.url == "https://gazette.example/a"


def test_simhash_is_close_for_near_duplicates_and_far_for_other_texts() -> None:
    story = "The harbour reopened today after a long strike by dock workers over automation plans. " * 6
    edited = story.replace("long strike", "lengthy strike", 1)
    other = "Heavy snow closed mountain passes across the Alps, stranding hundreds of drivers overnight. " * 6
    base, near, far = (
        build(page_with_canonical("https://h.example/a", text)) for text in (story, edited, other)
    )
    assert isinstance(base, Article) and isinstance(near, Article) and isinstance(far, Article)

    def distance(a: Article, b: Article) -> int:
        return (int(a.simhash, 16) ^ int(b.simhash, 16)).bit_count()

    assert distance(base, near) < distance(base, far)
    assert distance(base, near) <= 12
    assert distance(base, far) >= 16
    assert base.content_sha256 != near.content_sha256


def test_lede_is_the_first_real_paragraph_cut_at_a_sentence() -> None:
    long_paragraph = "First sentence is here and it is long enough to matter. " * 12
    assert lede_of("PARIS\n\n" + long_paragraph + "\n\nSecond.").startswith("First sentence")
    lede = lede_of(long_paragraph)
    assert len(lede) <= 400 and lede.endswith(".")
    assert lede_of("") == ""


FOREIGN_NAMES = {
    "modern_news.html": {
        "Angela Merkel",
        "Nairobi",
        "Emmanuel Macron",
        "Lisbon",
        "Kylian Mbappé",
        "Madrid",
        "Kenya",
    },
    "wordpress_blog.html": {
        "Greta Thunberg",
        "Reykjavik",
        "Queenstown",
        "Jacinda Ardern",
        "Winston Peters",
        "Auckland",
        "Aroha",
        "Lars",
    },
    "js_heavy.html": {
        "Rishi Sunak",
        "Montevideo",
        "Javier Milei",
        "Buenos Aires",
        "Lima",
        "Andes Wire Media Group",
    },
    "legacy_table_cp1252.html": {"Dan Ellis", "Harrisburg"},
}


@pytest.mark.parametrize("name", sorted(FOREIGN_NAMES))
def test_names_only_in_navigation_sidebars_comments_or_related_links_are_never_enriched(name: str) -> None:
    found = names(article(name))
    assert not found & FOREIGN_NAMES[name]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("modern_news.html", {"Mark Harbers", "Rotterdam"}),
        ("js_heavy.html", {"Gabriel Boric"}),
        ("legacy_table_cp1252.html", {"Elena Brennan"}),
    ],
)
def test_names_in_the_article_itself_are_enriched(name: str, expected: set[str]) -> None:
    assert expected <= names(article(name))


def test_publisher_authors_and_wire_credits_are_not_actors() -> None:
    actors = {actor.name.casefold() for actor in article("modern_news.html").actors}
    assert not actors & {"afp", "the harbour times", "harbour times", "maria lopez", "tom reed"}


def test_enrichment_is_told_to_leave_out_the_publisher_bylines_and_wire_credits() -> None:
    page = ExtractedPage(
        text="PARIS — Talks resumed on Monday.\n\nMore talks are planned.\n\nFRANCE 24 with wires",
        metadata=PageMetadata(
            title="Talks resume", authors=["Jane Doe"], source="France 24", credits=["Reuters"]
        ),
    )
    excluded = set(exclusions(page, "https://www.france24.com/en/story"))
    assert {
        "France 24",
        "france24.com",
        "france24",
        "Jane Doe",
        "Reuters",
        "FRANCE 24 with wires",
    } <= excluded
    dateline = ExtractedPage(
        text="ROTTERDAM (AFP) — Dock workers walked out.\n\nThe strike goes on.",
        metadata=PageMetadata(title="Strike"),
    )
    assert "AFP" in exclusions(dateline, None)


def test_a_french_article_is_enriched_in_french_and_says_so() -> None:
    story = (
        "<p>Le conseil régional a voté lundi la construction d'une ligne de tramway entre le port et "
        "l'université de Marseille, après dix ans de débats. Les travaux doivent commencer au printemps "
        "prochain et durer quatre ans, selon le président Renaud Muselier.</p>"
    )
    result = build(f"<html lang='fr'><body><article><h1>Tramway</h1>{story}</article></body></html>".encode())
    assert isinstance(result, Article)
    assert result.language == "fr"
    assert "Renaud Muselier" in {actor.name for actor in result.actors}
    assert "Marseille" in {location.name for location in result.locations}
    assert result.enrichment.language == "fr" and result.enrichment.actors and result.enrichment.topics


def test_an_article_in_a_language_without_a_model_records_that_actors_were_not_looked_for() -> None:
    story = (
        "<p>El ayuntamiento de Madrid aprobó el lunes la construcción de una nueva línea de tranvía "
        "hasta el puerto de Valencia, después de diez años de debate, según el alcalde Juan García.</p>"
    )
    result = build(f"<html lang='es'><body><article><h1>Tranvía</h1>{story}</article></body></html>".encode())
    assert isinstance(result, Article)
    assert result.actors == []
    assert (result.enrichment.language, result.enrichment.actors, result.enrichment.locations) == (
        "es",
        False,
        True,
    )
    assert "Madrid" in {location.name for location in result.locations}


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", RejectionReason.EMPTY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", RejectionReason.BINARY),
        (b"just words, no markup at all", RejectionReason.NOT_HTML),
        (gzip.compress(b"<p>" + b" " * 3_000_000), RejectionReason.DECOMPRESSION_BOMB),
        ((PAGES / "error_page.html").read_bytes(), RejectionReason.ERROR_PAGE),
        ((PAGES / "cookie_wall.html").read_bytes(), RejectionReason.NO_ARTICLE_BODY),
        ((PAGES / "tiny.html").read_bytes(), RejectionReason.NO_ARTICLE_BODY),
    ],
)
def test_bad_uploads_become_rejections_that_carry_their_origin(raw: bytes, reason: RejectionReason) -> None:
    settings = Settings(max_decompressed_bytes=1_000_000)
    result = build(raw, settings=settings)
    assert isinstance(result, Rejection)
    assert result.reason is reason
    assert result.origin == ORIGIN
    assert result.detail


def test_size_limit_comes_from_settings() -> None:
    raw = (PAGES / "modern_news.html").read_bytes()
    result = build(raw, settings=Settings(max_upload_bytes=len(raw) - 1))
    assert isinstance(result, Rejection) and result.reason is RejectionReason.TOO_LARGE
    assert isinstance(build(raw, settings=Settings(max_upload_bytes=len(raw))), Article)


def test_warm_up_runs_a_real_article_through_every_stage() -> None:
    """A warm-up page that got rejected would load nothing beyond the decoder."""
    result = warm_up(SETTINGS)
    assert isinstance(result, Article)
    assert result.locations, "the warm-up page must reach enrichment (and its geo tables)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The harbour council of Lisbon approved the plan on Monday, after a long debate.",
            "4e80b40bd5ac6466",
        ),
        ("Two words", "b0ce94d70c1661cc"),
        ("One", "34f2ddaa8b7615c9"),
        ("", "0000000000000000"),
        ("İstanbul’s mayor met ΑΘΗΝΑ officials", "625882cbe025152a"),
    ],
)
def test_simhash_of_a_text_never_changes(text: str, expected: str) -> None:
    # Stored articles keep the simhash they were indexed with: near-duplicates of them are only
    # found while the same text still gives the same bits.
    assert simhash(text) == expected
