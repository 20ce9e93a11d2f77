"""Remove what a reader never reads as the article, before trafilatura chooses the body.

General rules only, never per-site ones: hidden elements and dialogs, consent/paywall/newsletter
boxes, share bars, related and most-read lists, navigation, footers, ad slots and skip links. One
guard keeps every rule honest: an element holding most of the page's paragraph text is never removed
by a class/id rule, because a name like "article-share-wrapper" sometimes wraps the article itself.
"""

from __future__ import annotations

import itertools
import re

from lxml import html

__all__ = ["preclean"]

# Elements that never hold article text.
_ALWAYS_DROP = ("script", "style", "template", "dialog", "nav", "footer", "button", "select", "svg")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_DROP_ROLES = frozenset({"dialog", "alertdialog", "navigation", "contentinfo", "complementary", "banner"})

# Class or id tokens of boilerplate containers. Matched against whole tokens split on - and _.
_BOILERPLATE_TOKENS = re.compile(
    r"^(?:cookie|cookies|consent|gdpr|cmp|paywall|regwall|piano|newsletter|newsletters|signup|subscribe"
    r"|subscription|share|sharing|sharebar|social|socials|related|relatedposts|readmore|recommended"
    r"|recommendations|recirculation|recirc|popular|mostread|mostpopular|trending|outbrain|taboola"
    r"|advert|advertisement|ads|adslot|dfp|sponsored|promo|modal|popup|overlay|breadcrumb|breadcrumbs"
    r"|skiplink|skip|sidebar|toolbar|tags|newsletterbox|comments|comment|disqus)$",
    re.IGNORECASE,
)
# Reader comments are removed even when they outweigh the article (long threads under short posts).
_COMMENT_TOKENS = re.compile(r"^(?:comments|comment|commentlist|disqus|replies|discussion)$", re.IGNORECASE)
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
# Two-token names that are boilerplate only together ("read-more", "most-read", "skip-link").
_BOILERPLATE_PAIRS = frozenset(
    {
        ("read", "more"),
        ("read", "also"),
        ("most", "read"),
        ("most", "popular"),
        ("more", "stories"),
        ("skip", "link"),
        ("skip", "to"),
        ("ad", "slot"),
        ("ad", "container"),
        ("ad", "wrapper"),
        ("author", "bio"),
        ("site", "header"),
        ("site", "footer"),
    }
)
# Headings that introduce lists of other articles rather than the article's own sections.
_RELATED_HEADING = re.compile(
    r"^\s*(?:read (?:also|more|next)|see also|related(?: articles| stories| content| news| coverage)?"
    r"|more (?:on|from|about|stories|news)\b.*|most (?:read|popular|viewed|shared)|trending(?: now)?"
    r"|you (?:may|might) (?:also )?(?:like|be interested in)|recommended(?: for you)?|popular(?: now)?"
    r"|latest(?: news| stories)?|top stories|editor'?s picks|further reading)\s*:?\s*$",
    re.IGNORECASE,
)
_SKIP_LINK = re.compile(r"^\s*skip to (?:main )?(?:content|navigation|main|article)\s*$", re.IGNORECASE)
_GUARD_SHARE = 0.5
_MAX_RELATED_BLOCK_WORDS = 400


def preclean(tree: html.HtmlElement) -> html.HtmlElement:
    """Strip boilerplate from `tree` in place and return it."""
    body = tree.find("body")
    root = body if body is not None else tree
    for tag in _ALWAYS_DROP:
        for element in list(root.iter(tag)):
            _drop(element)
    total = _paragraph_chars(root)
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        removable = _is_boilerplate_container(element) and not _holds_article(element, total)
        if removable or _is_hidden(element) or _is_comments(element):
            _drop(element)
    _drop_related_lists(root)
    _drop_skip_links(root)
    return tree


def _drop(element: html.HtmlElement) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    element.drop_tree()


def _is_hidden(element: html.HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden", "").lower() == "true":
        return element.tag not in {"html", "body"}
    style = element.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    return (element.get("role") or "").lower() in _DROP_ROLES or element.get("aria-modal") == "true"


def _name_tokens(element: html.HtmlElement) -> list[list[str]]:
    """The class and id names of an element, each split into lower-cased tokens."""
    names = f"{element.get('class', '')} {element.get('id', '')}".split()
    return [[token.lower() for token in _TOKEN_SPLIT.split(name) if token] for name in names]


def _is_comments(element: html.HtmlElement) -> bool:
    """ "comments", "comment-list", "disqus_thread": names that start with a comment word."""
    if element.tag in {"html", "body", "main"}:
        return False
    return any(tokens and _COMMENT_TOKENS.match(tokens[0]) for tokens in _name_tokens(element))


def _is_boilerplate_container(element: html.HtmlElement) -> bool:
    if element.tag in {"html", "body", "main", "article", "p", "h1"}:
        return False
    for tokens in _name_tokens(element):
        if any(_BOILERPLATE_TOKENS.match(token) for token in tokens):
            return True
        if any(pair in _BOILERPLATE_PAIRS for pair in itertools.pairwise(tokens)):
            return True
    return False


def _paragraph_chars(element: html.HtmlElement) -> int:
    return sum(len(paragraph.text_content()) for paragraph in element.iter("p"))


def _holds_article(element: html.HtmlElement, total: int) -> bool:
    return total > 0 and _paragraph_chars(element) > _GUARD_SHARE * total


def _drop_related_lists(root: html.HtmlElement) -> None:
    """A "Related" / "Most read" heading and the list of links after it go together."""
    for heading in list(root.xpath(".//h2|.//h3|.//h4|.//h5|.//h6|.//strong|.//b|.//span")):
        if heading.getparent() is None or not _RELATED_HEADING.match(heading.text_content()):
            continue
        container = heading.getparent()
        sibling = heading.getnext()
        if sibling is not None and sibling.tag in {"ul", "ol", "div"} and _link_dense(sibling):
            _drop(sibling)
            _drop(heading)
        elif (
            container is not None
            and container.tag not in {"body", "article", "main"}
            and _link_dense(container)
        ):
            _drop(container)


def _link_dense(element: html.HtmlElement) -> bool:
    text = " ".join(element.text_content().split())
    if not text or len(text.split()) > _MAX_RELATED_BLOCK_WORDS:
        return False
    linked = sum(len(" ".join(link.text_content().split())) for link in element.iter("a"))
    return linked >= 0.5 * len(text)


def _drop_skip_links(root: html.HtmlElement) -> None:
    for link in list(root.iter("a")):
        if link.getparent() is not None and _SKIP_LINK.match(link.text_content()):
            _drop(link)
