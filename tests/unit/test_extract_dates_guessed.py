"""A page that shows no date gets none: a copyright year is not the day an article was published."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import html
from newsfacet.extract.metadata import read_metadata

NOW = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    "footer",
    [
        "© 2024 Garden Row Supplies. All rights reserved.",
        "Copyright 2024 Garden Row Supplies",
        "<span>2024</span>",
    ],
)
def test_a_year_in_the_footer_is_not_a_publication_date(footer: str) -> None:
    page = (
        "<html lang='en'><head><title>Choosing a garden hose</title></head><body>"
        "<h1>Choosing a garden hose</h1><p>A hose should reach every bed of the garden.</p>"
        f"<footer><p>{footer}</p></footer></body></html>"
    )
    tree = html.document_fromstring(page)
    assert read_metadata(tree, "https://gardenrow.example/guides/hose", NOW).published_at is None


def test_a_date_printed_in_words_is_still_found() -> None:
    page = (
        "<html lang='en'><head><title>Choosing a garden hose</title></head><body>"
        "<h1>Choosing a garden hose</h1><p class='date'>March 14, 2024</p>"
        "<p>A hose should reach every bed.</p>"
        "<footer><p>© 2024 Garden Row Supplies</p></footer></body></html>"
    )
    published = read_metadata(html.document_fromstring(page), None, NOW).published_at
    assert published is not None and published.date() == datetime(2024, 3, 14).date()


@pytest.mark.parametrize(
    "dateline",
    ["January 1, 2024", "Jan. 1, 2024", "1 January 2024", "01/01/2024", "1er janvier 2024", "1. Januar 2024"],
)
def test_new_years_day_printed_on_the_page_is_kept(dateline: str) -> None:
    page = (
        "<html lang='en'><head><title>Fireworks light up the harbour</title></head><body>"
        f"<h1>Fireworks light up the harbour</h1><p class='date'>{dateline}</p>"
        "<p>Crowds gathered on the quay at midnight to watch the display.</p>"
        "<footer><p>© 2024 Harbour Gazette</p></footer></body></html>"
    )
    published = read_metadata(html.document_fromstring(page), None, NOW).published_at
    assert published is not None and published.date() == datetime(2024, 1, 1).date()


def test_new_years_day_in_the_address_is_kept() -> None:
    page = (
        "<html lang='en'><head><title>Fireworks light up the harbour</title></head><body>"
        "<h1>Fireworks light up the harbour</h1><p>Crowds gathered on the quay at midnight.</p>"
        "<footer><p>© 2024 Harbour Gazette</p></footer></body></html>"
    )
    tree = html.document_fromstring(page)
    published = read_metadata(tree, "https://harbourgazette.example/2024/01/01/fireworks", NOW).published_at
    assert published is not None and published.date() == datetime(2024, 1, 1).date()
