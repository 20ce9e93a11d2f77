"""The data that crosses newsfacet's boundaries.

Everything the pipeline produces, the stores keep and the API returns is one of these models. They
know nothing of Lambda, S3 events or a particular search engine.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from newsfacet.query_policy import size_problem
from newsfacet.query_syntax import parse


class Model(BaseModel):
    """Base for every model: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- What an article is ------------------------------------------------------------------------


class Origin(Model):
    """Where an uploaded object came from. `sequencer` orders events of one S3 key."""

    bucket: str
    key: str
    version_id: str | None = None
    sequencer: str | None = None
    source_url: str | None = None


ActorType = Literal["person", "organization", "group"]


class Actor(Model):
    """A person, organisation or group the article is about, under one canonical name; `aliases`
    are the other forms the article names it by ("Assad", "Syrian President Bashar al-Assad")."""

    name: str
    aliases: list[str] = []
    type: ActorType
    mentions: int = Field(ge=1)
    salience: float = Field(ge=0.0, le=1.0)


LocationKind = Literal[
    "city", "region", "country", "continent", "sea", "area", "river", "lake", "mountain", "facility"
]


class Location(Model):
    """A place the article is about, resolved to a canonical name and, where known, a point."""

    name: str
    kind: LocationKind
    country_code: str | None = None  # ISO 3166-1 alpha-2
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    mentions: int = Field(ge=1)


class Topic(Model):
    """An IPTC Media Topic. `parent` is the top-level code of a finer subject, None for a top level."""

    code: str  # e.g. "medtop:16000000"
    label: str  # e.g. "conflict, war and peace"
    score: float = Field(ge=0.0, le=1.0)
    parent: str | None = None


ARTICLE_ID_PATTERN = r"^[0-9a-f]{32}$"
"""Every article id: 32 lower-case hex digits (see `newsfacet.ids.article_id`)."""


class EnrichmentCoverage(Model):
    """What enrichment was attempted on an article, so that an empty facet list says "none found"
    rather than "not looked for": the language it was read as, and whether actors (a NER model
    for that language), locations and topics were looked for."""

    language: str | None = None
    actors: bool = False
    locations: bool = False
    topics: bool = False


class Article(Model):
    """One cleaned, enriched news article, ready to be indexed.

    `version` is the store's external version: a later S3 event of the same key has a larger one, so
    a late or repeated event never overwrites newer state.
    """

    id: str
    version: int = Field(ge=0)
    title: str
    text: str  # the article body only, paragraphs separated by blank lines
    lede: str
    url: str | None = None
    source: str | None = None  # the publisher's site name
    authors: list[str] = []
    published_at: datetime | None = None
    modified_at: datetime | None = None
    language: str | None = None  # ISO 639-1
    word_count: int = Field(ge=0)
    content_sha256: str
    simhash: str  # 64-bit near-duplicate fingerprint of the text, 16 hex digits
    actors: list[Actor] = []
    locations: list[Location] = []
    topics: list[Topic] = []
    enrichment: EnrichmentCoverage = EnrichmentCoverage()
    ingested_at: datetime
    origin: Origin
    story: str = ""  # the story cluster it belongs to (see `newsfacet.stories`); its own id if alone

    @model_validator(mode="before")
    @classmethod
    def _own_story(cls, data: object) -> object:
        # An article stored before stories existed, or not clustered yet, is a story of its own.
        if isinstance(data, dict) and not data.get("story") and data.get("id"):
            return {**data, "story": data["id"]}
        return data


class StoryCandidate(Model):
    """What the story rule reads of a stored article that a new one might join (`newsfacet.stories`)."""

    id: str
    story: str
    simhash: str
    title: str
    published_at: datetime | None = None
    actors: list[str] = []
    locations: list[str] = []


# --- Why an upload is not an article -----------------------------------------------------------


class RejectionReason(StrEnum):
    """Why an upload was not turned into an article. Rejections are final: retrying cannot help."""

    UNSUPPORTED_KEY = "unsupported_key"  # the key's suffix is not one of an article page
    TOO_LARGE = "too_large"
    DECOMPRESSION_BOMB = "decompression_bomb"
    CORRUPT_ARCHIVE = "corrupt_archive"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    EMPTY = "empty"
    NOT_HTML = "not_html"
    ERROR_PAGE = "error_page"
    NO_ARTICLE_BODY = "no_article_body"
    INDEX_REFUSED = "index_refused"  # the search engine refused the article for good


class Rejection(Model):
    """A typed, final verdict on an upload, with a human-readable detail."""

    reason: RejectionReason
    detail: str
    origin: Origin | None = None


class ArticleRejected(Exception):  # noqa: N818 - a rejection is not an error of ours
    """Raised inside the pipeline; converted to a `Rejection` at its edge."""

    def __init__(self, reason: RejectionReason, detail: str) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail


# --- Searching ---------------------------------------------------------------------------------


class Dimension(StrEnum):
    """The facet dimensions an article can be filtered and counted by."""

    ACTOR = "actor"
    LOCATION = "location"
    TOPIC = "topic"
    SOURCE = "source"
    LANGUAGE = "language"  # ISO 639-1, as detected at ingest


class FacetFilter(Model):
    """Selected values of one dimension: `any` matches one of them (OR), `all` requires each (AND)."""

    values: list[str] = []
    match: Literal["any", "all"] = "any"


HistogramInterval = Literal["day", "week", "month"]
SortOrder = Literal["relevance", "date"]
Collapse = Literal["story"]

MAX_PAGE_SIZE = 100
MAX_FACET_SIZE = 100


class SearchQuery(Model):
    """A search as a frontend asks it. Dimensions combine with AND; see `FacetFilter` within one.

    `sort=None` means relevance when `q` has words, else date. Dates are inclusive days in UTC.
    """

    q: str = ""
    filters: dict[Dimension, FacetFilter] = {}
    date_from: date | None = None
    date_to: date | None = None
    sort: SortOrder | None = None
    size: int = Field(default=20, ge=1, le=MAX_PAGE_SIZE)
    cursor: str | None = None
    facet_size: int = Field(default=10, ge=1, le=MAX_FACET_SIZE)
    histogram: HistogramInterval | None = None
    collapse: Collapse | None = None  # "story": one hit per story (its best version), with `story`

    @field_validator("q")
    @classmethod
    def _strip(cls, value: str) -> str:
        problem = size_problem(parse(value))
        if problem is not None:
            raise ValueError(f"query too large: {problem}")
        return value.strip()

    def effective_sort(self) -> SortOrder:
        return self.sort or ("relevance" if self.q else "date")

    def selected(self, dimension: Dimension) -> FacetFilter:
        return self.filters.get(dimension, FacetFilter())


class StoryMember(Model):
    """Another version of a hit's story: one outlet's copy, or another article on the same event."""

    id: str
    title: str
    source: str | None
    url: str | None
    published_at: datetime | None


MAX_STORY_OTHERS = 5


class HitStory(Model):
    """The story of a collapsed hit: `size` versions match the search (the hit included); `others`
    are up to `MAX_STORY_OTHERS` of the other matching ones, oldest first."""

    id: str
    size: int = Field(ge=1)
    others: list[StoryMember] = []


class SearchHit(Model):
    """One article in a result page. `snippet` is HTML-escaped with matches wrapped in `<mark>`.
    `story` is set when the search collapses by story."""

    id: str
    title: str
    url: str | None
    source: str | None
    published_at: datetime | None
    snippet: str
    actors: list[str]
    locations: list[str]
    topics: list[str]
    story: HitStory | None = None


class FacetValue(Model):
    value: str
    count: int = Field(ge=0)


class HistogramBucket(Model):
    """Matching articles whose `published_at` falls in the period starting on `start`."""

    start: date
    count: int = Field(ge=0)


class SearchResult(Model):
    """The body of a search response, identical on every engine and over HTTP.

    `total` and the facet counts count articles; with `collapse=story`, `stories` counts the stories
    those articles form, which is how many hits the pages hold in all."""

    total: int
    stories: int | None = None
    hits: list[SearchHit]
    facets: dict[Dimension, list[FacetValue]]
    next_cursor: str | None = None
    histogram: list[HistogramBucket] | None = None


class Story(Model):
    """The body of `GET /stories/{id}`: every live version of one story, oldest first."""

    id: str
    size: int
    articles: list[StoryMember]


# --- Writing -----------------------------------------------------------------------------------


WriteStatus = Literal["written", "stale", "kept"]


class WriteOutcome(Model):
    """What a versioned write did: `stale` means the store already held this or a newer version;
    `kept` (a delete only) means the object let go of the article but other objects still hold it."""

    id: str
    status: WriteStatus


class StoredVersion(Model):
    """The version a store holds for an id; `deleted` marks a tombstone left by a delete."""

    id: str
    version: int
    deleted: bool


class Holder(Model):
    """One S3 object that holds a live article, with the version of its newest event applied."""

    bucket: str
    key: str
    version: int
