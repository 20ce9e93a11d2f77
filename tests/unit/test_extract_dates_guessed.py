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
