"""Datelines in capitals or title case at the start of a body or a wire story's paragraph (session
16, s16-places): "MUMBAI —", "LONDON (Reuters) -", "ST. LOUIS (AP) —", "Mumbai, Nov 20:" name the
place the story was filed from, which the model reads as an organisation or misses. Stories
written for each in the style of a news site; the pipeline runs with the real model and gazetteer."""

from __future__ import annotations

from newsfacet.enrich.gazetteer import load_gazetteer
from newsfacet.enrich.place_datelines import dateline_place_spans

from tests.unit.enrich_helpers import actor_names, enriched, places


def test_a_dateline_in_capitals_is_the_place_and_no_actor() -> None:
    result = enriched(
        "Markets rally on budget",
        "MUMBAI — Markets rallied on Friday as investors cheered the budget's spending plans, with "
        "the benchmark index closing at a record high.",
    )
    assert places(result)["Mumbai"] == ("city", "IN")
    assert "MUMBAI" not in actor_names(result)


def test_a_wire_dateline_before_a_company_word_is_still_the_place() -> None:
    # "(Reuters)" is blanked as a credit; "Shares" after the dash makes no company of London.
    result = enriched(
        "Lender warns on profit",
        "LONDON            - Shares in the lender fell 4% on Tuesday after it warned that profit "
        "would fall short of forecasts.",
    )
    assert places(result)["London"] == ("city", "GB")
    assert "LONDON" not in actor_names(result)


def test_a_dateline_with_an_abbreviation_its_state_or_a_date_names_its_places() -> None:
    result = enriched(
        "Jury convicts man in shooting",
        "ST. LOUIS (AP) — A jury on Thursday convicted a man of murder in the 2022 shooting of a "
        "store clerk.\n\nJERUSALEM, Nov 20 (AP) — In another case, a court ordered a retrial.",
    )
    found = places(result)
    assert found["St. Louis"] == ("city", "US") and found["Jerusalem"] == ("city", "IL")
    assert not {"LOUIS", "JERUSALEM"} & actor_names(result)


def test_a_title_case_dateline_opens_the_body_only() -> None:
    is_place_name = load_gazetteer().is_place_name
    assert dateline_place_spans("Mumbai, Nov 20: Markets rallied.", is_place_name) == [(1, 0, 6, "GPE")]
    assert dateline_place_spans("He said.\nMumbai: Markets rallied.", is_place_name) == []
    # A line in capitals that names no place is no dateline.
    assert dateline_place_spans("UPDATE — The minister resigned.", is_place_name) == []


def test_a_news_agency_dateline_with_its_country_in_brackets_or_a_year_names_its_places() -> None:
    is_place_name = load_gazetteer().is_place_name
    body = "Kathmandu [Nepal], Nov 20 (ANI): The government said on Monday that talks would resume."
    assert [body[start:end] for _, start, end, _ in dateline_place_spans(body, is_place_name)] == [
        "Kathmandu",
        "Nepal",
    ]
    release = "NEW YORK, Nov. 20, 2024 /PRNewswire/ -- The company today announced results."
    assert [release[start:end] for _, start, end, _ in dateline_place_spans(release, is_place_name)] == [
        "NEW YORK"
    ]
