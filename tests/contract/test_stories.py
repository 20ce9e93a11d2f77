"""Stories on every engine: clustering at ingest, `collapse=story`, a story's versions, related articles.

The wire story: one agency text about a port strike, copied by five outlets (each with small edits:
a different first line, a dropped sentence), plus two articles of other stories that name the same
port. Its copies' simhashes are computed the way ingest computes them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from contract_corpus import CORPUS, _article
from newsfacet.extract.fingerprint import simhash
from newsfacet.model import (
    Actor,
    Article,
    Dimension,
    FacetFilter,
    Location,
    SearchQuery,
)
from newsfacet.store.base import ArticleStore, InvalidCursor
from newsfacet.stories import StoryAssigner

ROTTERDAM = Location(name="Rotterdam", kind="city", country_code="NL", mentions=2)
UNION = Actor(name="FNV Havens", type="organization", mentions=2, salience=0.7)

WIRE = (
    "Dock workers at the port of Rotterdam walked out on Tuesday over pay and automation, halting "
    "container traffic at Europe's largest port. The FNV Havens union said the strike would last 48 "
    "hours unless terminal operators reopened talks. Shipping lines diverted vessels to Antwerp and "
    "Hamburg, and freight forwarders warned of delays for retailers ahead of the holiday season. "
    "Terminal operators called the walkout disproportionate and said automation would create skilled "
    "jobs. The port authority said ships already at anchor would be handled once the strike ended."
)
OUTLETS = ["Harbour Times", "Daily Ledger", "Eurowire", "The Courier", "Metro Post"]
FIRST_LINES = [
    "",
    "UPDATED. ",
    "From our correspondents. ",
    "Breaking: ",
    "Trade news. ",
]


def _copies() -> list[Article]:
    """Five outlets' copies of the wire text, an hour apart, each edited a little."""
    copies = []
    for number, (outlet, first_line) in enumerate(zip(OUTLETS, FIRST_LINES, strict=True)):
        text = first_line + WIRE
        if number == 3:  # one outlet drops the last sentence
            text = text.rsplit(". The port authority", 1)[0] + "."
        copy = _article(
            f"w{number}",
            "Rotterdam dock workers strike over pay and automation",
            text,
            source=outlet,
            published_at=datetime(2024, 2, 6, 9 + number, tzinfo=UTC),
            actors=(UNION,),
            locations=(ROTTERDAM,),
        )
        copies.append(copy.model_copy(update={"simhash": simhash(text), "story": ""}))
    return copies


def _others() -> list[Article]:
    """Two other stories naming Rotterdam: not copies, not the same event."""
    texts = [
        ("Rotterdam opens a floating farm", "A floating dairy farm opened in the harbour of Rotterdam."),
        ("Rotterdam marathon draws record field", "Runners from forty countries raced through Rotterdam."),
    ]
    return [
        _article(
            f"r{number}",
            title,
            text,
            source="City Desk",
            published_at=datetime(2024, 2, 6, 12, tzinfo=UTC) + timedelta(days=number),
            locations=(ROTTERDAM,),
        ).model_copy(update={"simhash": simhash(text), "story": ""})
        for number, (title, text) in enumerate(texts)
    ]


@pytest.fixture
def clustered(empty_store: ArticleStore) -> ArticleStore:
    """The copies and the others, each placed in its story as ingest places it, one write each."""
    assigner = StoryAssigner(empty_store, remember=0)  # the store alone must find the story
    for article in _copies() + _others():
        empty_store.upsert([assigner.assign(article)])
    return empty_store


def test_five_outlets_copies_form_one_story(clustered: ArticleStore) -> None:
    stories = {clustered.get(f"w{number}").story for number in range(5)}  # type: ignore[union-attr]
    assert stories == {"w0"}  # the first copy founded it
    assert {clustered.get(f"r{number}").story for number in range(2)} == {"r0", "r1"}  # type: ignore[union-attr]


def test_collapse_gives_one_hit_per_story_with_its_size_and_sources(clustered: ArticleStore) -> None:
    result = clustered.search(SearchQuery(q="rotterdam", collapse="story", sort="date"))
    assert result.total == 7  # articles
    assert result.stories == 3
    assert len(result.hits) == 3
    strike = next(hit for hit in result.hits if hit.story and hit.story.id == "w0")
    assert strike.story is not None and strike.story.size == 5
    assert strike.id == "w4"  # newest first: the story's newest version represents it
    assert [other.source for other in strike.story.others] == OUTLETS[:4]  # oldest first
    # Facets count articles, not stories.
    sources = {facet.value: facet.count for facet in result.facets[Dimension.SOURCE]}
    assert sources == {**dict.fromkeys(OUTLETS, 1), "City Desk": 2}
    singles = [hit for hit in result.hits if hit.story and hit.story.id != "w0"]
    assert all(hit.story and hit.story.size == 1 and not hit.story.others for hit in singles)


def test_a_filter_counts_only_the_matching_versions(clustered: ArticleStore) -> None:
    chosen = FacetFilter(values=["Eurowire", "Metro Post"])
    result = clustered.search(SearchQuery(collapse="story", filters={Dimension.SOURCE: chosen}))
    assert result.total == 2 and result.stories == 1
    (hit,) = result.hits
    assert hit.story is not None and hit.story.size == 2
    assert [other.source for other in hit.story.others] == ["Eurowire"]


def test_collapsed_pages_cover_every_story_once(clustered: ArticleStore) -> None:
    seen: list[str] = []
    query = SearchQuery(collapse="story", size=1, sort="date")
    while True:
        result = clustered.search(query)
        seen += [hit.story.id for hit in result.hits if hit.story]
        if result.next_cursor is None:
            break
        query = query.model_copy(update={"cursor": result.next_cursor})
    assert sorted(seen) == ["r0", "r1", "w0"]
    # A cursor of the collapsed search is no cursor of the plain one (and the other way round).
    first = clustered.search(SearchQuery(collapse="story", size=1, sort="date"))
    with pytest.raises(InvalidCursor):
        clustered.search(SearchQuery(size=1, sort="date", cursor=first.next_cursor))
    plain = clustered.search(SearchQuery(size=1, sort="date"))
    with pytest.raises(InvalidCursor):
        clustered.search(SearchQuery(collapse="story", size=1, sort="date", cursor=plain.next_cursor))


def test_a_story_lists_its_versions_oldest_first(clustered: ArticleStore) -> None:
    story = clustered.story("w0", 100)
    assert story is not None and story.size == 5
    assert [member.source for member in story.articles] == OUTLETS
    assert clustered.story("w0", 2).articles == story.articles[:2]  # type: ignore[union-attr]
    assert clustered.story("f" * 32, 10) is None


def test_candidates_are_near_duplicates_or_share_a_name_in_the_window(empty_store: ArticleStore) -> None:
    copies, others = _copies(), _others()
    empty_store.upsert([copies[0], *others])
    found = {candidate.id for candidate in empty_store.story_candidates(copies[1], 10)}
    assert {"w0", "r0", "r1"} <= found  # w0 by its simhash, r0 and r1 by Rotterdam
    late = copies[1].model_copy(
        update={"id": "late", "published_at": datetime(2024, 3, 1, tzinfo=UTC), "simhash": "f" * 16}
    )
    assert empty_store.story_candidates(late, 10) == []  # far away in time, and no shared band


def test_near_duplicates_placed_in_one_batch_share_a_story(empty_store: ArticleStore) -> None:
    """Ingest places a batch's articles before writing any of them: the store cannot show the
    batch's earlier copies to the later ones, the assigner must."""
    copies = _copies()
    placed = StoryAssigner(empty_store).assign_batch(copies[:3])
    assert all(isinstance(article, Article) for article in placed)
    empty_store.upsert(placed)  # type: ignore[arg-type]
    assert {empty_store.get(copy.id).story for copy in copies[:3]} == {"w0"}  # type: ignore[union-attr]
    # The store's candidates of a batch, in one go, are its candidates of each article.
    later = [*copies[3:], *_others()]
    found = empty_store.story_candidates_batch(later, 10)
    assert found == [empty_store.story_candidates(article, 10) for article in later]
    assert {candidate.id for candidate in found[0]} >= {"w0", "w1", "w2"}  # type: ignore[union-attr]
    later_placed = StoryAssigner(empty_store, remember=0).assign_batch(later)
    assert [article.story for article in later_placed] == ["w0", "w0", "r0", "r1"]  # type: ignore[union-attr]


def test_candidates_looked_up_early_place_a_batch_as_one_lookup_at_its_end(empty_store: ArticleStore) -> None:
    """Ingest looks up each article's candidates as soon as it is built, in the background; the
    batch is placed exactly as one lookup made once the whole batch is built places it: copies of a
    stored article join its story, copies within the batch share one, the others stand alone."""
    copies, others = _copies(), _others()
    stored = StoryAssigner(empty_store, remember=0)
    empty_store.upsert([stored.assign(copies[0]), stored.assign(others[0])])  # each its own story
    later = [  # the wire story again ten days later: too late for w0's story, one of its own
        copy.model_copy(update={"id": f"l{number}", "published_at": copy.published_at + timedelta(days=10)})  # type: ignore[operator]
        for number, copy in enumerate(copies[:3])
    ]
    batch = [copies[1], later[0], copies[2], later[1], others[1], later[2]]
    early = StoryAssigner(empty_store)
    for article in batch:
        early.look_up_early(article)
    placed_early = early.assign_batch(batch)
    placed_at_end = StoryAssigner(empty_store).assign_batch(batch)
    assert placed_early == placed_at_end
    assert [article.story for article in placed_early] == ["w0", "l0", "w0", "l0", "r1", "l0"]  # type: ignore[union-attr]


def test_related_articles_are_of_other_stories_most_related_first(store: ArticleStore) -> None:
    first = store.get("c01")
    assert first is not None
    related = store.related(first, 3)
    assert 0 < len(related) <= 3
    ids = [hit.id for hit in related]
    assert "c01" not in ids
    # Articles about the same actors and places come first: each of the top three names Syria.
    assert all("Syria" in hit.locations for hit in related)
    assert "c02" in ids  # the other ceasefire article about Assad and Syria
    assert len(store.related(first, 1)) == 1


def test_related_leaves_out_the_articles_own_story(empty_store: ArticleStore) -> None:
    corpus = [
        article.model_copy(update={"story": "c02"}) if article.id == "c01" else article for article in CORPUS
    ]
    empty_store.upsert(corpus)
    first = empty_store.get("c01")
    assert first is not None and first.story == "c02"
    assert "c02" not in {hit.id for hit in empty_store.related(first, 10)}


def test_related_lists_one_article_per_story(empty_store: ArticleStore) -> None:
    # c02 and c23 (both about Assad and Syria) are made one story: only one of them is listed.
    corpus = [
        article.model_copy(update={"story": "c02"}) if article.id == "c23" else article for article in CORPUS
    ]
    empty_store.upsert(corpus)
    first = empty_store.get("c01")
    assert first is not None
    ids = [hit.id for hit in empty_store.related(first, 10)]
    assert len({"c02", "c23"} & set(ids)) == 1
    assert len(ids) == len(set(ids))
