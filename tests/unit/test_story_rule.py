"""The story rule (`newsfacet.stories`) and the id scheme it relies on, as pure functions."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from newsfacet.extract.fingerprint import simhash
from newsfacet.ids import article_id, key_marker_id
from newsfacet.model import Actor, Article, Location, Origin, StoryCandidate
from newsfacet.store.base import LookupFailed, StoreUnavailable
from newsfacet.stories import (
    NEAR_DUPLICATE_BITS,
    STORY_WINDOW,
    StoryAssigner,
    choose_story,
    hamming,
    simhash_bands,
)

NOON = datetime(2026, 10, 12, 12, tzinfo=UTC)
TEXT = (
    "Dock workers at the port of Lisbon walked out on Monday over night-shift pay, halting container "
    "traffic at the largest terminal. The union said the strike would last until the port authority "
    "made a written offer, and shipping lines diverted four vessels to Sines."
)


def article(
    id: str = "a" * 32,
    *,
    title: str = "Lisbon dock workers strike",
    text: str = TEXT,
    published_at: datetime | None = NOON,
    actors: tuple[str, ...] = (),
    locations: tuple[str, ...] = ("Lisbon",),
) -> Article:
    return Article(
        id=id,
        version=1,
        title=title,
        text=text,
        lede=text,
        published_at=published_at,
        word_count=len(text.split()),
        content_sha256="0" * 64,
        simhash=simhash(text),
        actors=[Actor(name=name, type="organization", mentions=1, salience=0.5) for name in actors],
        locations=[Location(name=name, kind="city", mentions=1) for name in locations],
        ingested_at=NOON,
        origin=Origin(bucket="raw", key=f"{id}.html"),
    )


def candidate(of: Article, story: str = "s" * 32) -> StoryCandidate:
    return StoryCandidate(
        id=of.id,
        story=story,
        simhash=of.simhash,
        title=of.title,
        published_at=of.published_at,
        actors=[actor.name for actor in of.actors],
        locations=[location.name for location in of.locations],
    )


def test_an_article_alone_is_a_story_of_its_own() -> None:
    alone = article()
    assert alone.story == alone.id  # filled from the id when not given
    assert choose_story(alone, []) == alone.id


def test_a_near_duplicate_joins_the_story_of_its_original() -> None:
    original = article("b" * 32)
    copy = article(text=f"LISBON (Wire) - {TEXT}")
    assert hamming(original.simhash, copy.simhash) <= NEAR_DUPLICATE_BITS
    assert choose_story(copy, [candidate(original)]) == "s" * 32
    # Undated copies still join by their text alone.
    undated = article(text=f"LISBON (Wire) - {TEXT}", published_at=None)
    assert choose_story(undated, [candidate(original)]) == "s" * 32


def test_a_copy_published_outside_the_window_starts_its_own_story() -> None:
    original = article("b" * 32, published_at=NOON - STORY_WINDOW - timedelta(hours=1))
    assert choose_story(article(), [candidate(original)]) == "a" * 32


def test_the_same_event_needs_a_shared_title_and_three_shared_names() -> None:
    other_text = "Ships queued off Lisbon as the harbour strike entered its second day, officials said."
    names = ("Port Union", "Lisbon Port Authority")  # with the city, three names
    report = article("b" * 32, title="Lisbon dock strike enters second day", text=other_text, actors=names)
    mine = article(title="Lisbon dock strike enters a second day", actors=names)
    assert hamming(report.simhash, mine.simhash) > NEAR_DUPLICATE_BITS
    assert choose_story(mine, [candidate(report)]) == "s" * 32
    # Fewer shared names are not enough (two here), nor are names without a shared title.
    fewer = article(title="Lisbon dock strike enters a second day", actors=names[:1])
    assert choose_story(fewer, [candidate(report)]) == "a" * 32
    unrelated_title = article(title="Union votes on a pay offer", actors=names)
    assert choose_story(unrelated_title, [candidate(report)]) == "a" * 32


def test_the_closest_near_duplicate_wins_and_an_article_never_joins_itself() -> None:
    near = article("b" * 32, text=f"LISBON (Wire) - {TEXT}")
    nearer = article("c" * 32, text=f"{TEXT} ")
    me = article()
    assert choose_story(me, [candidate(near, "n" * 32), candidate(nearer, "m" * 32)]) == "m" * 32
    assert choose_story(me, [candidate(me, "x" * 32)]) == me.id


def test_bands_find_every_near_duplicate() -> None:
    # Within NEAR_DUPLICATE_BITS of each other, two simhashes share at least one band, wherever the
    # differing bits fall; an unrelated simhash usually shares none.
    rng = random.Random(13)
    base = int(simhash(TEXT), 16)
    for _ in range(500):
        flipped = base
        for bit in rng.sample(range(64), NEAR_DUPLICATE_BITS):
            flipped ^= 1 << bit
        assert set(simhash_bands(f"{base:016x}")) & set(simhash_bands(f"{flipped:016x}"))
    assert len(simhash_bands(f"{base:016x}")) == NEAR_DUPLICATE_BITS + 1


class _NoStore:
    """A store that shows nothing yet (OpenSearch before its refresh)."""

    def story_candidates(self, article: Article, limit: int) -> list[StoryCandidate]:
        return []


def test_the_assigner_remembers_the_articles_it_just_placed() -> None:
    assigner = StoryAssigner(_NoStore())  # type: ignore[arg-type]
    first = assigner.assign(article("b" * 32))
    second = assigner.assign(article(text=f"LISBON (Wire) - {TEXT}"))
    assert first.story == "b" * 32 and second.story == "b" * 32


class _FlakyStore:
    """A store whose candidate lookups fail for one article (its request cannot be made)."""

    def __init__(self, failing: str) -> None:
        self.failing = failing
        self.asked: list[list[str]] = []

    def story_candidates_batch(self, articles: list[Article], limit: int) -> list[list[StoryCandidate]]:
        self.asked.append([one.id for one in articles])
        if any(one.id == self.failing for one in articles):
            raise StoreUnavailable("node restarting")
        return [[] for _ in articles]


def test_early_lookups_go_in_groups_and_a_failed_one_fails_its_group_alone() -> None:
    store = _FlakyStore(failing="b" * 32)
    assigner = StoryAssigner(store, early_group=2)  # type: ignore[arg-type]
    # A copy of the first; the others ten days apart: each a story of its own.
    copy = article("c" * 32, text=f"LISBON (Wire) - {TEXT}")
    first, failing, other, last = (
        article(letter * 32, published_at=NOON + timedelta(days=10 * number))
        for number, letter in enumerate("abef")
    )
    batch = [first, copy, failing, other, last]
    for each in batch:
        assigner.look_up_early(each)
    placed = assigner.assign_batch(batch)
    assert isinstance(placed[2], LookupFailed) and "node restarting" in placed[2].reason
    assert [getattr(each, "story", None) for each in placed] == ["a" * 32, "a" * 32, None, None, "f" * 32]
    # Two groups looked up early; the last article, alone, with the batch.
    assert sorted(store.asked) == [["a" * 32, "c" * 32], ["b" * 32, "e" * 32], ["f" * 32]]


def test_articles_not_looked_up_early_are_looked_up_together_and_stale_early_lookups_dropped() -> None:
    store = _FlakyStore(failing="none")
    assigner = StoryAssigner(store, early_group=2)  # type: ignore[arg-type]
    # Ten days apart: each is a story of its own.
    dropped, early, first, second = (
        article(letter * 32, published_at=NOON + timedelta(days=10 * number))
        for number, letter in enumerate("defc")
    )
    assigner.look_up_early(dropped)  # its batch never came (its record failed)
    assigner.look_up_early(early)
    placed = assigner.assign_batch([first, early, second])
    assert [getattr(each, "story", None) for each in placed] == ["f" * 32, "e" * 32, "c" * 32]
    assert sorted(store.asked) == [["d" * 32, "e" * 32], ["f" * 32, "c" * 32]]  # the others together
    assigner.look_up_early(first)  # waits for a group the next batch never completes
    assigner.assign_batch([dropped])
    assert store.asked[-1] == ["d" * 32]  # its early lookup was dropped with its batch
    assert sorted(store.asked) == [["d" * 32], ["d" * 32, "e" * 32], ["f" * 32, "c" * 32]]


def test_an_id_comes_from_the_canonical_url_else_from_the_words_of_the_body() -> None:
    assert article_id("https://www.news.example/a?utm_source=x", "one") == article_id(
        "http://news.example/a", "two"
    )
    assert article_id(None, "Dock workers  walked out.") == article_id(None, "dock workers walked\nout")
    assert article_id(None, "Dock workers walked out.") != article_id(None, "Dock workers stayed.")
    assert key_marker_id("raw", "a.html") not in {article_id(None, "a.html"), article_id("a.html", "")}
