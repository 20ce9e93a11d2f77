"""Authors read from the ways blogs, guides and company sites print them when they declare none."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import html
from newsfacet.extract.metadata import PageMetadata, read_metadata

NOW = datetime(2025, 1, 1, tzinfo=UTC)


def metadata_of(head: str, body: str) -> PageMetadata:
    head = f"<title>Planting garlic in autumn</title>{head}"
    page = f'<html lang="en"><head>{head}</head><body>{body}</body></html>'
    return read_metadata(html.document_fromstring(page), "https://gardenrow.example/blog/garlic", NOW)


ARTICLE = "<h1>Planting garlic in autumn</h1><p>Garlic goes in the ground when the soil cools.</p>"


@pytest.mark.parametrize(
    "byline",
    [
        # A label and the name in elements of their own (site builders print them side by side).
        '<div class="meta"><p class="label">Written by</p><p class="name">Harriet Okafor</p></div>',
        '<div class="post-info"><div class="eyebrow">By</div><div class="eyebrow">Harriet Okafor</div></div>',
        '<p class="by-line-text"><span class="muted">By </span>Harriet Okafor</p>',
        '<div class="item"><h3>Author</h3><p>  Harriet Okafor</p></div>',
        # "Written by" or a bold "By" around the name, in one element.
        '<h3 class="wp-block-heading">Written by Harriet Okafor</h3>',
        '<div><b>By <span class="name">Harriet Okafor</span></b><div>Published on July 18, 2024</div></div>',
        # No label at all: only the element's class says it holds the author's name.
        '<div class="post-header__author"><img src="/h.jpg" alt=""><span>Harriet Okafor</span></div>',
        '<div class="card"><p class="blogAuthorName">Harriet Okafor</p>'
        '<p class="author-title">Head Gardener</p></div>',
    ],
)
def test_an_author_printed_without_byline_markup_is_found(byline: str) -> None:
    assert metadata_of("", f"{byline}{ARTICLE}").authors == ["Harriet Okafor"]


@pytest.mark.parametrize(
    "byline",
    [
        # The author box's other parts: a job title, a bio; and a label followed by a long text.
        '<p class="author-title">Head Gardener</p><div class="author-bio">Harriet Okafor grows garlic.</div>',
        "<p>Written by</p><p>the members of our allotment society over many seasons of trial and error.</p>",
        '<span class="author">Staff Writer</span>',
    ],
)
def test_parts_of_an_author_box_that_are_not_a_name_give_no_author(byline: str) -> None:
    assert metadata_of("", f"{byline}{ARTICLE}").authors == []


def test_an_author_box_with_a_style_sheet_beside_the_name_is_not_read_as_names() -> None:
    styled = (
        '<div class="byline"><style>.css-1x{align-self:flex-start;margin-right:1.5rem}</style>'
        "<script>for(const e of document.querySelectorAll('img')){e.setAttribute('src', e.dataset.src)}"
        "</script>Harriet Okafor is our head gardener; she has grown garlic on the allotment since 2009 and "
        "writes about soil, seed and weather for the blog every week of the year.</div>"
    )
    assert metadata_of("", f"{styled}{ARTICLE}").authors == []


def test_an_author_escaped_twice_reads_as_printed() -> None:
    declared = (
        '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Planting garlic",'
        ' "author": {"@type": "Person", "name": "Harriet Okafor &amp; Tom Reyes"}}</script>'
    )
    assert metadata_of(declared, ARTICLE).authors == ["Harriet Okafor", "Tom Reyes"]


def test_declared_authors_win_over_names_printed_in_the_page() -> None:
    declared = '<meta name="author" content="Tom Reyes">'
    body = f'<p class="name-label">Written by</p><p>Harriet Okafor</p>{ARTICLE}'
    assert metadata_of(declared, body).authors == ["Tom Reyes"]


def test_the_first_byline_decides_and_commenters_are_not_authors() -> None:
    body = (
        f'{ARTICLE}<span class="story-meta">Posted by <a href="/~gardener">Okafor</a> on Monday</span>'
        '<div class="comments"><p class="c">Posted by <a href="/~tom">Tom Reyes</a> on Monday</p></div>'
    )
    assert metadata_of("", body).authors == []


def test_a_name_printed_beside_its_job_title_is_not_read_as_one_name() -> None:
    card = '<div class="post-author"><span>Harriet Okafor</span><span>Head Gardener</span></div>'
    assert metadata_of("", f"{card}{ARTICLE}").authors == []


@pytest.mark.parametrize(
    "elsewhere",
    [
        '<nav><div class="menu"><h4>By Harbour Hotels Group</h4><a href="/stay">Stay</a></div></nav>',
        '<aside><h3>Recent posts</h3><ul><li><a href="/p1">Soil tests</a>'
        ' <span class="author">Tom Reyes</span></li></ul></aside>',
        '<ul class="recent"><li><a href="/p2">Seed swaps</a><span class="author">Tom Reyes</span></li></ul>',
        '<div class="recent-comments"><span class="comment-author-link">'
        '<a href="/">Tom Reyes</a></span></div>',
    ],
)
def test_names_in_menus_sidebars_and_lists_of_other_posts_are_not_the_author(elsewhere: str) -> None:
    assert metadata_of("", f"{ARTICLE}{elsewhere}").authors == []


def test_a_byline_whose_name_we_cannot_read_is_not_replaced_by_a_name_further_down() -> None:
    body = f'<p class="entry-meta">by <a href="/author/amara">Amara</a> · May 2</p>{ARTICLE}'
    related = '<div class="related"><p class="post-author">Tom Reyes</p></div>'
    assert metadata_of("", f"{body}{related}").authors == []


def test_an_author_the_json_ld_graph_names_by_reference_is_read() -> None:
    graph = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "BlogPosting", "headline": "Planting garlic in autumn",'
        ' "author": {"@id": "https://gardenrow.example/#/schema/person/7f3a"}},'
        '{"@type": "Person", "@id": "https://gardenrow.example/#/schema/person/7f3a",'
        ' "name": "Harriet Okafor"}'
        "]}</script>"
    )
    body = f'<div class="entry-meta"><span class="byline">Posted in Vegetables</span></div>{ARTICLE}'
    assert metadata_of(graph, body).authors == ["Harriet Okafor"]


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="meta"><a href="/authors/harriet-okafor">Harriet Okafor</a> · 6 min read</div>',
        '<p>By <a href="/magazine/contributor/h._k._okafor">H. K. Okafor</a>&nbsp;'
        ' <a href="/pdf">View edition</a></p>',
        '<div class="m"><a href="https://gardenrow.example/contributor/Harriet-Okafor/93412">'
        "Harriet Okafor</a></div>",
    ],
)
def test_a_link_to_the_authors_page_that_spells_their_name_is_a_byline(byline: str) -> None:
    authors = metadata_of("", f"{byline}{ARTICLE}").authors
    assert authors in (["Harriet Okafor"], ["H. K. Okafor"])


def test_links_to_author_pages_that_do_not_spell_a_name_are_no_byline() -> None:
    body = f'{ARTICLE}<a href="/authors/harriet-okafor">More articles</a><a href="/author/team">Our Team</a>'
    assert metadata_of("", body).authors == []


def test_a_person_printed_on_the_page_wins_over_the_publisher_declared_as_author() -> None:
    declared = (
        '<meta property="og:site_name" content="Garden Row">'
        '<script type="application/ld+json">{"@type": "Article", "headline": "Planting garlic in autumn",'
        ' "author": {"@type": "Organization", "name": "Garden Row"}}</script>'
    )
    body = f'{ARTICLE}<div class="bio-card"><p>Written by Harriet Okafor</p></div>'
    assert metadata_of(declared, body).authors == ["Harriet Okafor"]


def test_the_publisher_stays_the_author_when_the_page_prints_no_person() -> None:
    declared = (
        '<meta property="og:site_name" content="Garden Row">'
        '<script type="application/ld+json">{"@type": "Article", "headline": "Planting garlic in autumn",'
        ' "author": {"@type": "Organization", "name": "Garden Row"}}</script>'
    )
    assert metadata_of(declared, ARTICLE).authors == ["Garden Row"]


def test_a_weekday_printed_after_the_names_is_not_part_of_a_name() -> None:
    body = f"<p>By Harriet Okafor and Tom Reyes Monday, October 14, 2024</p>{ARTICLE}"
    assert metadata_of("", body).authors == ["Harriet Okafor", "Tom Reyes"]
