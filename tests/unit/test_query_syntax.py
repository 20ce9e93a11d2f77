"""The search box syntax: what users type becomes a typed AST; nothing they type raises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsfacet.query_syntax import AnyOf, ParsedQuery, Phrase, Term, parse


@pytest.mark.parametrize(
    ("q", "clauses"),
    [
        ("Syria ceasefire", [Term("syria"), Term("ceasefire")]),
        ('"United Nations" vote', [Phrase(["united", "nations"]), Term("vote")]),
        ("-rumour", [Term("rumour", negated=True)]),
        ('talks -"opinion piece"', [Term("talks"), Phrase(["opinion", "piece"], negated=True)]),
        (
            'gaza OR rafah OR "west bank" aid',
            [AnyOf([Term("gaza"), Term("rafah"), Phrase(["west", "bank"])]), Term("aid")],
        ),
        ("al-Assad", [Phrase(["al", "assad"])]),
        ("covid-19 vaccine", [Phrase(["covid", "19"]), Term("vaccine")]),
        ("São Paulo", [Term("são"), Term("paulo")]),
        ("\u201cpeace deal\u201d", [Phrase(["peace", "deal"])]),
    ],
)
def test_the_documented_syntax(q: str, clauses: list[object]) -> None:
    assert parse(q).clauses == clauses


@pytest.mark.parametrize(
    ("q", "clauses"),
    [
        # An unbalanced quote is ignored, the words stay.
        ('"peace talks', [Term("peace"), Term("talks")]),
        ('peace "talks', [Term("peace"), Term("talks")]),
        # A lone dash, empty quotes and punctuation contribute nothing.
        ("war - peace", [Term("war"), Term("peace")]),
        ('"" war', [Term("war")]),
        ("!!! ... war ???", [Term("war")]),
        # A stray OR is the plain word; lower-case "or" always is.
        ("OR war", [Term("or"), Term("war")]),
        ("war OR", [Term("war"), Term("or")]),
        ("war or peace", [Term("war"), Term("or"), Term("peace")]),
        ("war OR -peace", [Term("war"), Term("or"), Term("peace", negated=True)]),
        ("-war OR peace", [Term("war", negated=True), Term("or"), Term("peace")]),
        # Operators of OpenSearch's and FTS5's languages are just words or separators.
        (
            "title:war AND (peace NOT talks)",
            [
                Phrase(["title", "war"]),
                Term("and"),
                Term("peace"),
                Term("not"),
                Term("talks"),
            ],
        ),
        ("war* NEAR/3 peace^2", [Term("war"), Phrase(["near", "3"]), Phrase(["peace", "2"])]),
        ("under_score", [Phrase(["under", "score"])]),
    ],
)
def test_malformed_syntax_degrades_to_plain_words(q: str, clauses: list[object]) -> None:
    assert parse(q).clauses == clauses


def test_a_query_of_only_exclusions_is_empty_but_keeps_them() -> None:
    parsed = parse('-war -"peace talks"')
    assert parsed.is_empty
    assert parsed.negated == [Term("war", negated=True), Phrase(["peace", "talks"], negated=True)]


@pytest.mark.parametrize("q", ["", "   ", "-", '""', "!!!", "- - -", '"'])
def test_nothing_searchable_is_empty(q: str) -> None:
    assert parse(q) == ParsedQuery([])
    assert parse(q).is_empty


def test_highlight_words_are_the_positive_words_once() -> None:
    parsed = parse('war "war crimes" -peace gaza OR rafah')
    assert parsed.highlight_words() == ["war", "crimes", "gaza", "rafah"]


def test_canonical_form_ignores_spelling_differences() -> None:
    assert parse("  Syria   CEASEFIRE ").canonical() == parse("syria ceasefire").canonical()
    assert parse("syria ceasefire").canonical() != parse("ceasefire -syria").canonical()
    assert parse("a OR b").canonical() != parse("a b").canonical()


@given(st.text())
def test_any_string_parses_into_words_of_letters_and_digits(q: str) -> None:
    parsed = parse(q)
    for clause in parsed.clauses:
        options = clause.options if isinstance(clause, AnyOf) else [clause]
        assert options
        for option in options:
            words = [option.text] if isinstance(option, Term) else option.words
            assert len(words) >= (1 if isinstance(option, Term) else 2)
            for word in words:
                assert word and all(ch.isalnum() for ch in word)
                assert word == word.lower()


@given(st.lists(st.sampled_from(["war", "peace", "OR", "-", '"', "-war", "x-y", "(", ":"]), max_size=12))
def test_operator_soup_parses(tokens: list[str]) -> None:
    parsed = parse(" ".join(tokens))
    assert isinstance(parsed.is_empty, bool)
    assert parse(parsed.canonical()).canonical() == parsed.canonical()
