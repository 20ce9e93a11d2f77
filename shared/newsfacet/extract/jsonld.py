"""Read the schema.org article object a page declares in `<script type="application/ld+json">`.

Pages nest it in `@graph`, in lists, or next to WebSite/Organization/BreadcrumbList objects; this
module finds the article among them and reads its fields into plain, typed values.
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from lxml import html

__all__ = ["JsonLdArticle", "read_jsonld"]

# schema.org types that describe the page's own article.
_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "scholarlyarticle",
        "techarticle",
        "report",
    }
)
_MAX_OBJECTS = 200
_MAX_VISITS = 2000


@dataclass(frozen=True)
class JsonLdArticle:
    """The fields of the page's article object (empty strings / lists when absent)."""

    headline: str = ""
    date_published: str = ""
    date_modified: str = ""
    authors: list[str] = field(default_factory=list)
    publisher: str = ""
    language: str = ""
    url: str = ""
    website_name: str = ""


def read_jsonld(tree: html.HtmlElement) -> JsonLdArticle:
    """The first article object found in the page's JSON-LD blocks, or an empty one."""
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common and never fatal
        _collect(data, objects)
    website_name = next((_text(obj.get("name")) for obj in objects if _has_type(obj, {"website"})), "")
    article = next((obj for obj in objects if _has_type(obj, _ARTICLE_TYPES)), None)
    if article is None:
        return JsonLdArticle(website_name=website_name)
    # Graphs name a person once and refer to them by "@id" elsewhere ({"author": {"@id": "#/person/1"}}).
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str) and "name" in obj}
    return JsonLdArticle(
        headline=_text(article.get("headline")) or _text(article.get("name")),
        date_published=_text(article.get("datePublished")) or _text(article.get("dateCreated")),
        date_modified=_text(article.get("dateModified")),
        authors=_names(article.get("author"), by_id) or _names(article.get("creator"), by_id),
        publisher=(_names(article.get("publisher"), by_id) or [""])[0],
        language=_text(article.get("inLanguage")),
        url=_url(article.get("url")) or _url(article.get("mainEntityOfPage")),
        website_name=website_name,
    )


def _collect(data: object, out: list[dict[str, Any]]) -> None:
    """Flatten lists and `@graph` containers into `out`, bounded against hostile inputs."""
    queue: deque[object] = deque([data])
    visited = 0
    while queue and len(out) < _MAX_OBJECTS and visited < _MAX_VISITS:
        item = queue.popleft()
        visited += 1
        if isinstance(item, list):
            queue.extend(item[:_MAX_OBJECTS])
        elif isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                queue.extend(graph[:_MAX_OBJECTS])


def _has_type(obj: dict[str, Any], types: frozenset[str] | set[str]) -> bool:
    declared = obj.get("@type")
    names = declared if isinstance(declared, list) else [declared]
    return any(isinstance(name, str) and name.rsplit("/", 1)[-1].lower() in types for name in names)


def _text(value: object) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list) and value:
        return _text(value[0])
    if isinstance(value, dict):
        return _text(value.get("@value") or value.get("name"))
    return ""


def _names(value: object, by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Names of a Person/Organization value, which may be a string, an object, a reference to an
    object elsewhere in the page's graph ({"@id": ...}) or a list of those."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for listed in items:
        item = listed
        if isinstance(listed, dict) and "name" not in listed and isinstance(listed.get("@id"), str):
            item = by_id.get(listed["@id"], listed)
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name:
            names.append(name)
    return names


def _url(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return _url(value.get("@id") or value.get("url"))
    return ""
