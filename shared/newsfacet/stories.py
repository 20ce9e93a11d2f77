"""Story clusters: which earlier article's story a new article joins, if any.

An article joins the story of a live article published within `STORY_WINDOW` of it that is

- a near-duplicate: the Hamming distance of the two 64-bit simhashes is at most
  `NEAR_DUPLICATE_BITS` (one outlet's copy of another's wire text, re-edited); or
- about the same event: published within the window, their titles share at least
  `SAME_EVENT_TITLE_JACCARD` of their significant words and they name at least
  `SAME_EVENT_SHARED_ENTITIES` actors or places in common.

Otherwise it starts its own story, whose id is its own article id. The thresholds were measured on
the corpora (`bench/stories.py`, docs/BENCHMARKS.md "Story clusters"). Candidates come from the
store (`ArticleStore.story_candidates`): articles sharing one of the simhash's bands (every article
within `NEAR_DUPLICATE_BITS` shares at least one, by the pigeonhole principle), most shared bands
first and undated or inside the date window, or sharing an actor or place inside the window. The
rule itself lives here, once, for every engine.

Ingest asks a `StoryAssigner`, which adds the articles it placed recently to the store's candidates:
the store may not show them yet (OpenSearch makes writes searchable within its refresh interval,
and a batch is written after all its articles are built), and asking it to refresh for every upload
would cost what batching saves.

Ingest also has the assigner look up the articles' candidates as soon as they are built
(`StoryAssigner.look_up_early`, a few articles per request), on a background thread, while it builds
the batch's next articles: on OpenSearch the node answers on its own core instead of the worker
waiting for one request of the whole batch at its end. The answers are the ones that request would
get: the batch is written only once all its articles are placed, so the store does not change in
between (but for other writers, whose timing no order can fix), and the articles are still placed
one after the other, in order, from those answers and the recent articles.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from newsfacet.model import Article, Model, StoryCandidate
from newsfacet.store.base import LookupFailed, StoreUnavailable

if TYPE_CHECKING:
    from newsfacet.store.base import ArticleStore

__all__ = [
    "NEAR_DUPLICATE_BITS",
    "SIMHASH_BANDS",
    "STORY_WINDOW",
    "StoryAssigner",
    "choose_story",
    "hamming",
    "simhash_bands",
    "story_window",
]

STORY_WINDOW = timedelta(days=3)
NEAR_DUPLICATE_BITS = 9
SIMHASH_BANDS = NEAR_DUPLICATE_BITS + 1  # 10 bands: within 9 bits, at least one band is equal
# 4 bands of 7 bits and 6 of 6: an unrelated article shares one with probability 4/128 + 6/64.
_BAND_WIDTHS = (7, 7, 7, 7, 6, 6, 6, 6, 6, 6)
SAME_EVENT_TITLE_JACCARD = 0.5
SAME_EVENT_SHARED_ENTITIES = 3
MAX_CANDIDATES = 50

_TITLE_WORD = re.compile(r"\w{3,}")
# Words too common in headlines to say two are about the same event.
_TITLE_STOP_WORDS = frozenset(
    re.findall(
        r"\w+",
        "the and for with from that this after over into says said new will has have are was were its"
        " not but than more about what when who how why amid",
    )
)


def simhash_bands(simhash: str) -> list[str]:
    """The simhash's 64 bits cut into `SIMHASH_BANDS` bands, each tagged with its position."""
    value, shift, bands = int(simhash, 16), 64, []
    for band, width in enumerate(_BAND_WIDTHS):
        shift -= width
        bands.append(f"{band}:{(value >> shift) & ((1 << width) - 1):x}")
    return bands


def hamming(first: str, second: str) -> int:
    """Bits that differ between two simhashes (16 hex digits each)."""
    return (int(first, 16) ^ int(second, 16)).bit_count()


def story_window(article: Article) -> tuple[datetime, datetime] | None:
    """The publication dates an article's story-mates fall in; None when it has no date (then only
    near-duplicates, found by band alone, can join it to a story)."""
    if article.published_at is None:
        return None
    published = utc(article.published_at)
    return published - STORY_WINDOW, published + STORY_WINDOW


def utc(moment: datetime) -> datetime:
    """`moment` in UTC; a naive one is taken as UTC (as the stores take it)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def title_words(title: str) -> set[str]:
    return {word for word in (w.lower() for w in _TITLE_WORD.findall(title)) if word not in _TITLE_STOP_WORDS}


def entity_names(actors: list[str], locations: list[str]) -> set[str]:
    return {name.lower() for name in [*actors, *locations]}


class StoryMatch(Model):
    """Why a candidate's story was chosen: its simhash distance and its title and entity overlap."""

    candidate: StoryCandidate
    distance: int
    title_overlap: float
    shared_entities: int

    @property
    def near_duplicate(self) -> bool:
        return self.distance <= NEAR_DUPLICATE_BITS

    @property
    def same_event(self) -> bool:
        return (
            self.title_overlap >= SAME_EVENT_TITLE_JACCARD
            and self.shared_entities >= SAME_EVENT_SHARED_ENTITIES
        )


def compare(article: Article, candidate: StoryCandidate) -> StoryMatch:
    mine, theirs = title_words(article.title), title_words(candidate.title)
    overlap = len(mine & theirs) / len(mine | theirs) if mine and theirs else 0.0
    entities = entity_names([a.name for a in article.actors], [loc.name for loc in article.locations])
    shared = len(entities & entity_names(candidate.actors, candidate.locations))
    return StoryMatch(
        candidate=candidate,
        distance=hamming(article.simhash, candidate.simhash),
        title_overlap=overlap,
        shared_entities=shared,
    )


def choose_story(article: Article, candidates: list[StoryCandidate]) -> str:
    """The story `article` joins: the closest near-duplicate's, else the closest same-event
    article's, else its own (`article.id`)."""
    window = story_window(article)
    matches = []
    for candidate in candidates:
        if candidate.id == article.id:
            continue
        match = compare(article, candidate)
        published = None if candidate.published_at is None else utc(candidate.published_at)
        in_window = window is not None and published is not None and window[0] <= published <= window[1]
        undated = window is None or published is None
        if (match.near_duplicate and (in_window or undated)) or (match.same_event and in_window):
            matches.append(match)
    if not matches:
        return article.id
    best = min(
        matches,
        key=lambda m: (
            not m.near_duplicate,
            m.distance,
            -m.title_overlap,
            -m.shared_entities,
            m.candidate.id,
        ),
    )
    return best.candidate.story


def candidate_of(article: Article) -> StoryCandidate:
    return StoryCandidate(
        id=article.id,
        story=article.story,
        simhash=article.simhash,
        title=article.title,
        published_at=article.published_at,
        actors=[actor.name for actor in article.actors],
        locations=[location.name for location in article.locations],
    )


Candidates = list[StoryCandidate] | LookupFailed
"""The store's candidates of one article, or the transient failure of their lookup."""

EARLY_LOOKUP_GROUP = 4
"""Articles looked up early together, in one request. A request costs the node about as much as two
articles' lookups (docs/BENCHMARKS.md, "Ingest store calls"): groups keep its load close to one
request per batch, while the worker waits at the end of a batch only for its last few articles."""


class StoryAssigner:
    """Gives each new article its story (`choose_story`) from the store's candidates and the
    `remember` articles this assigner placed last (those of the same batch included)."""

    def __init__(
        self, store: ArticleStore, remember: int = 500, early_group: int = EARLY_LOOKUP_GROUP
    ) -> None:
        self._store = store
        self._recent: deque[StoryCandidate] = deque(maxlen=remember)
        self._early_group = early_group
        self._lookups: ThreadPoolExecutor | None = None  # one thread, started by the first early lookup
        self._waiting: list[Article] = []  # to look up early, once they make a group
        # Each article looked up early (by identity: the very object `assign_batch` will be given),
        # with its group's lookup and its place in the group.
        self._early: dict[int, tuple[Article, Future[list[Candidates]], int]] = {}

    def assign(self, article: Article) -> Article:
        stored = self._store.story_candidates(article, MAX_CANDIDATES)
        return self._place(article, stored)

    def look_up_early(self, article: Article) -> None:
        """Have the store's lookup of `article`'s candidates made on a background thread (with the
        next articles, once `early_group` are waiting), for the next `assign_batch`, which places
        it (see the module docstring). The store must not be written in between: the batch is
        written once `assign_batch` has placed it."""
        self._waiting.append(article)
        if len(self._waiting) < self._early_group:
            return
        group, self._waiting = self._waiting, []
        if self._lookups is None:
            self._lookups = ThreadPoolExecutor(max_workers=1, thread_name_prefix="story-candidates")
        lookup = self._lookups.submit(self._look_up, group)
        for place, each in enumerate(group):
            self._early[id(each)] = (each, lookup, place)

    def _look_up(self, articles: list[Article]) -> list[Candidates]:
        try:
            return self._store.story_candidates_batch(articles, MAX_CANDIDATES)
        except StoreUnavailable as error:
            return [LookupFailed(reason=str(error))] * len(articles)

    def assign_batch(self, articles: Sequence[Article]) -> list[Article | LookupFailed]:
        """`assign` for each article, in order: an article sees the ones placed before it in the
        batch. The store's answers are those `look_up_early` had made, and for the others one
        request (`ArticleStore.story_candidates_batch`). An article whose lookup failed is answered
        `LookupFailed` and not placed. Early lookups of articles not in `articles` are dropped."""
        early, self._early, self._waiting = self._early, {}, []
        started: dict[int, tuple[Future[list[Candidates]], int]] = {}
        for position, article in enumerate(articles):
            looked_up = early.get(id(article))
            if looked_up is not None and looked_up[0] is article:
                started[position] = looked_up[1:]
        rest = [article for position, article in enumerate(articles) if position not in started]
        answers = iter(self._store.story_candidates_batch(rest, MAX_CANDIDATES) if rest else [])
        placed: list[Article | LookupFailed] = []
        for position, article in enumerate(articles):
            if position in started:
                lookup, place = started[position]
                stored = lookup.result()[place]
            else:
                stored = next(answers)
            placed.append(stored if isinstance(stored, LookupFailed) else self._place(article, stored))
        return placed

    def _place(self, article: Article, stored: list[StoryCandidate]) -> Article:
        found = {candidate.id: candidate for candidate in stored}
        found.update({candidate.id: candidate for candidate in self._recent})
        placed = article.model_copy(update={"story": choose_story(article, list(found.values()))})
        self._recent.append(candidate_of(placed))
        return placed
