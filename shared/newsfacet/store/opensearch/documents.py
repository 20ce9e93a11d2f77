"""The documents OpenSearch holds: an article as indexed (the article itself plus the fields search
derives from it: facet values and their folded words, geo points, language-analysed copies), a
tombstone, and the fields that say which objects hold an article. Pure functions over plain data."""

from __future__ import annotations

import json
from typing import Any

from newsfacet.model import Article, Dimension, Holder
from newsfacet.store.facets import article_facet_values, fold, searchable_forms
from newsfacet.store.opensearch.stories import story_fields

Body = dict[str, Any]

# Languages whose articles are also indexed under `<field>_<language>` with that language's analyzer.
ANALYSED_LANGUAGES = ("fr", "de")
# The keyword field holding each dimension's values (actor and location names, topic labels, source).
FACET_FIELD = {
    Dimension.ACTOR: "actor",
    Dimension.LOCATION: "location",
    Dimension.TOPIC: "topic",
    Dimension.SOURCE: "source",
    Dimension.LANGUAGE: "language",
}
# "<value>\x1f<folded words of value>" per value, for prefix search. The separator sorts before every
# printable character, so these keys order exactly as the values themselves do.
FACET_WORDS_FIELD = {dimension: f"facet_words.{field}" for dimension, field in FACET_FIELD.items()}
FACET_WORDS_SEPARATOR = "\x1f"


def article_source(article: Article, holders: list[Holder]) -> str:
    """The indexed document of `article`, as the JSON text a bulk write sends: the article itself (so
    `get` returns it whole) plus the derived fields search needs (facet values, their folded words,
    geo points).

    Every write runs this, so the article is serialised once, by pydantic's own serialiser, and the
    small derived object is spliced in: building a dict and dumping it again cost twice as much."""
    derived = json.dumps({**_derived_fields(article), **holder_fields(holders)}, ensure_ascii=False)
    return f"{article.model_dump_json()[:-1]},{derived[1:]}"


def article_document(article: Article, holders: list[Holder] | None = None) -> Body:
    """`article_source` as a dict (for callers that hand documents to a client themselves); held by
    its origin unless `holders` says otherwise."""
    held = holders or [Holder(bucket=article.origin.bucket, key=article.origin.key, version=article.version)]
    document: Body = json.loads(article_source(article, held))
    return document


def holder_fields(holders: list[Holder]) -> Body:
    """The fields that record which objects hold an article: the holds themselves, and one keyword
    per object (`bucket`, the separator, `key`) for `find_by_origin`."""
    return {
        "holders": [held.model_dump() for held in holders],
        "holder_keys": [holder_key(held.bucket, held.key) for held in holders],
    }


def holder_key(bucket: str, key: str) -> str:
    return f"{bucket}{FACET_WORDS_SEPARATOR}{key}"


def _derived_fields(article: Article) -> Body:
    values = article_facet_values(article)
    return {
        "deleted": False,
        "actor": values[Dimension.ACTOR],
        "location": values[Dimension.LOCATION],
        "topic": values[Dimension.TOPIC],
        "facet_words": {
            FACET_FIELD[dimension]: [
                f"{value}{FACET_WORDS_SEPARATOR}{fold(form)}"
                for value in values[dimension]
                for form in dict.fromkeys(searchable_forms(article, dimension, value))
            ]
            for dimension in Dimension
        },
        "location_point": [
            {"lat": location.latitude, "lon": location.longitude}
            for location in article.locations
            if location.latitude is not None and location.longitude is not None
        ],
        **(
            {f"title_{article.language}": article.title, f"text_{article.language}": article.text}
            if article.language in ANALYSED_LANGUAGES
            else {}
        ),
        **story_fields(article),
    }


def tombstone_document(article_id: str, version: int, bucket: str, key: str) -> Body:
    """What a delete leaves: enough to block older writes and to be found by origin."""
    return {"id": article_id, "version": version, "deleted": True, "origin": {"bucket": bucket, "key": key}}


def article_from_source(source: Body) -> Article:
    """The `Article` stored in a live document's `_source` (derived fields dropped)."""
    return Article.model_validate({name: source[name] for name in Article.model_fields if name in source})
