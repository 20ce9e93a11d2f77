"""Titles read as the reader sees them: no site name, no section, no escaped entities."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import html
from newsfacet.extract.metadata import read_metadata
from newsfacet.extract.title import strip_site_affix

NOW = datetime(2025, 1, 1, tzinfo=UTC)


def title_of(head: str, body: str) -> str:
    page = f'<html lang="en"><head>{head}</head><body>{body}<p>Text.</p></body></html>'
    return read_metadata(html.document_fromstring(page), "https://www.harbourpost.example/a", NOW).title


def test_a_section_named_before_the_site_is_stripped_too() -> None:
    title = "Ferry timetable changes for winter | Travel Advice | Harbour Post"
    assert strip_site_affix(title, ["Harbour Post"]) == "Ferry timetable changes for winter"


def test_a_pipe_inside_a_short_title_is_kept_when_only_it_would_be_left() -> None:
    assert strip_site_affix("Ferry | Bus | Harbour Post", ["Harbour Post"]) == "Ferry | Bus"


@pytest.mark.parametrize(
    "h1",
    [
        "Ferry timetable changes for winter – Harbour Post",
        "Ferry timetable changes for winter | Harbour Post",
    ],
)
def test_a_heading_that_prints_the_site_name_is_read_without_it(h1: str) -> None:
    head = (
        "<title>Ferry timetable changes for winter - Harbour Post</title>"
        '<meta property="og:site_name" content="Harbour Post">'
    )
    assert title_of(head, f"<h1>{h1}</h1>") == "Ferry timetable changes for winter"


def test_entities_a_page_escaped_twice_read_as_printed() -> None:
    head = "<title>Tides &amp;#x26; currents: the skipper&amp;#8217;s guide</title>"
    assert title_of(head, "<h1>Tides &amp;#x26; currents: the skipper&amp;#8217;s guide</h1>") == (
        "Tides & currents: the skipper’s guide"
    )


def test_a_heading_that_prints_the_whole_declared_title_reads_as_the_headline() -> None:
    full = "Ferry timetable changes for winter | Travel Advice | Harbour Ferries Group"
    assert title_of(f"<title>{full}</title>", f"<h1>{full}</h1>") == "Ferry timetable changes for winter"
