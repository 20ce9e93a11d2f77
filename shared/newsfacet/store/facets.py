"""Facet and histogram rules every engine applies the same way, as small pure functions.

- An article's facet values per dimension (actor and location names, topic labels, source), once
  each, in the article's order.
- Folding for facet value search: casefold + accents stripped, split into words; a prefix matches a
  value when some word of the value, with the words after it, starts with the folded prefix
  ("assad" and "al ass" find "Bashar al-Assad", "sao" finds "São Paulo").
- The order of a facet: count desc, then value asc (code point order, as OpenSearch orders keys),
  `size` values, plus every selected value (count 0 if nothing matched), wherever it ranks.
- Histogram buckets: UTC day, ISO week starting Monday, or month, oldest first, zero buckets filled
  between the first and the last non-empty one.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from newsfacet.model import Article, Dimension, FacetValue, HistogramBucket, HistogramInterval
from newsfacet.query_syntax import WORD

__all__ = [
    "article_facet_values",
    "bucket_start",
    "fill_histogram",
    "fold",
    "matches_prefix",
    "ordered_facet",
    "searchable_forms",
    "value_suffixes",
]


def article_facet_values(article: Article) -> dict[Dimension, list[str]]:
    """The values `article` is counted under, per dimension, without repeats, in its own order."""
    return {
        Dimension.ACTOR: _unique(actor.name for actor in article.actors),
        Dimension.LOCATION: _unique(location.name for location in article.locations),
        Dimension.TOPIC: _unique(topic.label for topic in article.topics),
        Dimension.SOURCE: [article.source] if article.source else [],
        Dimension.LANGUAGE: [article.language] if article.language else [],
    }


def searchable_forms(article: Article, dimension: Dimension, value: str) -> list[str]:
    """The forms facet value search finds `value` by: the value and, for an actor, the other names
    the article gave it ("NATO" finds "North Atlantic Treaty Organization")."""
    if dimension is not Dimension.ACTOR:
        return [value]
    aliases = next((actor.aliases for actor in article.actors if actor.name == value), [])
    return [value, *aliases]


@functools.lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form of `text`: its folded words joined by single spaces.

    Cached: it runs for every facet value of every article written, and those values (names of
    people, places, topics, sites) recur across articles far more than they vary."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(WORD.findall(unicodedata.normalize("NFC", stripped)))


def value_suffixes(value: str) -> list[str]:
    """Each word of the folded value with the words after it: what a prefix is matched against."""
    words = fold(value).split(" ")
    return [" ".join(words[i:]) for i in range(len(words)) if words[i]]


def matches_prefix(value: str, prefix: str) -> bool:
    """True when a word of `value` (with what follows) starts with the folded `prefix`."""
    folded = fold(prefix)
    return any(suffix.startswith(folded) for suffix in value_suffixes(value))


def ordered_facet(counts: Mapping[str, int], selected: Iterable[str], size: int) -> list[FacetValue]:
    """The top `size` values by count desc then value asc, plus every selected value."""
    ranked = sorted(((value, n) for value, n in counts.items() if n > 0), key=_facet_order)[:size]
    shown = {value for value, _ in ranked}
    extra = [(value, counts.get(value, 0)) for value in dict.fromkeys(selected) if value not in shown]
    return [FacetValue(value=value, count=n) for value, n in sorted(ranked + extra, key=_facet_order)]


def bucket_start(day: date, interval: HistogramInterval) -> date:
    """The first day of the bucket `day` falls in."""
    if interval == "day":
        return day
    if interval == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def fill_histogram(day_counts: Mapping[date, int], interval: HistogramInterval) -> list[HistogramBucket]:
    """Per-day counts folded into buckets, oldest first, empty buckets filled between the ends."""
    buckets: dict[date, int] = {}
    for day, n in day_counts.items():
        if n > 0:
            start = bucket_start(day, interval)
            buckets[start] = buckets.get(start, 0) + n
    if not buckets:
        return []
    first, last = min(buckets), max(buckets)
    result: list[HistogramBucket] = []
    current = first
    while current <= last:
        result.append(HistogramBucket(start=current, count=buckets.get(current, 0)))
        current = _next_bucket(current, interval)
    return result


def _next_bucket(start: date, interval: HistogramInterval) -> date:
    if interval == "day":
        return start + timedelta(days=1)
    if interval == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def _facet_order(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))
