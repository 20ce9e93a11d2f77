"""Cleaning never crashes: any page ends as a body or as a typed rejection with its reason.

Mutations a crawler meets: pages cut short, tags lost, absurd nesting, text decoded with the wrong
charset, blocks repeated. The corpus-wide run (every page of both corpora) is in
bench/extraction.py, which lists any exception that escaped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsfacet import extract
from newsfacet.extract import ExtractedPage, extract_article
from newsfacet.model import ArticleRejected, RejectionReason

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
SEEDS = [
    (PAGES / name).read_bytes().decode("utf-8", errors="replace")
    for name in ("modern_news.html", "wordpress_blog.html", "js_heavy.html")
]
PARAGRAPH = (
    "<p>The council voted on Tuesday to rebuild the harbour wall that the winter storms broke, "
    "and the work will start in the spring once the contracts are signed by the mayor.</p>"
)


def clean(page: str) -> ExtractedPage | ArticleRejected:
    try:
        result = extract_article(page, "https://example.org/news/story")
    except ArticleRejected as rejection:
        assert isinstance(rejection.reason, RejectionReason) and rejection.detail
        return rejection
    assert isinstance(result, ExtractedPage)
    assert result.text.strip()
    return result


def cut_tags(page: str, data: st.DataObject) -> str:
    """Remove some '<' or '>' characters: tags run into text or swallow it."""
    for _ in range(data.draw(st.integers(1, 12))):
        marks = [i for i, char in enumerate(page) if char in "<>"]
        if not marks:
            break
        at = data.draw(st.sampled_from(marks))
        page = page[:at] + page[at + 1 :]
    return page


def truncate(page: str, data: st.DataObject) -> str:
    return page[: data.draw(st.integers(0, len(page)))]


def nest(page: str, data: st.DataObject) -> str:
    """Wrap a slice of the page in hundreds of unclosed or closed containers."""
    start = data.draw(st.integers(0, len(page)))
    depth = data.draw(st.integers(50, 600))
    tag = data.draw(st.sampled_from(["div", "section", "nav", "table", "li", "b", "p"]))
    closed = data.draw(st.booleans())
    return (
        page[:start] + f"<{tag} class='modal share'>" * depth + page[start:] + (f"</{tag}>" * depth) * closed
    )


def misdecode(page: str, data: st.DataObject) -> str:
    """The page's bytes read in another charset: mojibake, or odd control characters."""
    encoding = data.draw(st.sampled_from(["utf-8", "utf-16-le", "cp1252", "latin-1"]))
    reading = data.draw(st.sampled_from(["latin-1", "cp1252", "utf-8", "utf-16-be", "koi8-r"]))
    return page.encode(encoding, errors="replace").decode(reading, errors="replace")


def splice(page: str, data: st.DataObject) -> str:
    """A random block of the page, or a nasty fragment, inserted somewhere else."""
    fragment = data.draw(
        st.sampled_from(
            [
                "</body></html>",
                "<html><body>",
                "<![CDATA[",
                "<!--",
                "<script>",
                "\x00\x0b\ufffe",
                "<h3>Related stories</h3><h3>Most read</h3>",
                "<nav>" + PARAGRAPH * 5,
                "<div hidden>",
                "<blockquote class='twitter-tweet'>",
                "&#0; &#xD800;",
            ]
        )
        | st.builds(
            lambda a, b: page[min(a, b) : max(a, b)], st.integers(0, len(page)), st.integers(0, len(page))
        )
    )
    at = data.draw(st.integers(0, len(page)))
    return page[:at] + fragment + page[at:]


MUTATIONS = [cut_tags, truncate, nest, misdecode, splice]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.sampled_from(SEEDS), st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3), st.data())
def test_mutated_pages_give_a_body_or_a_typed_rejection(
    page: str, mutations: list, data: st.DataObject
) -> None:
    for mutate in mutations:
        page = mutate(page, data)
    clean(page)


def test_two_related_headings_in_one_block_do_not_crash_cleaning() -> None:
    """The first heading removes their shared block; the second must not remove it again."""
    related = (
        "<div class='box'><h3>Related stories</h3><a href='/a'>Harbour plans</a>"
        "<h3>Most read</h3><a href='/b'>Tide tables for the week</a></div>"
    )
    page = f"<html><body><article><h1>Harbour wall</h1>{PARAGRAPH * 4}</article>{related}</body></html>"
    result = clean(page)
    assert isinstance(result, ExtractedPage)
    assert "harbour wall that the winter storms broke" in result.text
    assert "Tide tables" not in result.text


def test_a_failing_cleaning_step_falls_back_to_the_untouched_page(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(tree: object) -> object:
        raise AssertionError("a bug in a pre-cleaning rule")

    monkeypatch.setattr(extract, "preclean", broken)
    page = f"<html><body><article><h1>Harbour wall</h1>{PARAGRAPH * 4}</article></body></html>"
    result = clean(page)
    assert isinstance(result, ExtractedPage)
    assert "rebuild the harbour wall" in result.text


def test_a_page_no_way_of_cleaning_can_read_is_rejected_with_the_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(extract, "extract_body", broken)
    page = f"<html><body><article>{PARAGRAPH * 4}</article></body></html>"
    with pytest.raises(ArticleRejected) as rejected:
        extract_article(page)
    assert rejected.value.reason is RejectionReason.NO_ARTICLE_BODY
    assert "cleaning failed" in rejected.value.detail and "RecursionError" in rejected.value.detail
