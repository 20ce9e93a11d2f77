"""What every engine does with a parsed query, decided once: both adapters import these rules.

- **Stop words.** Both engines index every word (stop words included), so a quoted phrase means the
  same everywhere: `"killed by"` finds those two words side by side, `"the ceasefire"` needs the
  "the". A clause made *only* of English stop words (`the`, `"of the"`, an `OR` with such an
  option) restricts nothing and is ignored, positive or negated: it would match nearly everything.
- **Weights.** A match counts by the part of the article it is in (`FIELD_WEIGHTS`): bm25 column
  weights on SQLite, field boosts on OpenSearch.
- **Size.** A query of more than `MAX_QUERY_CLAUSES` words and phrases (each option of an `OR`
  counts) cannot be run faithfully everywhere (OpenSearch caps a query at 1024 leaf clauses, and each
  costs one per searched field), so it is refused, never shortened: `SearchQuery` refuses it, which
  the API answers with a 400 naming `q`.
"""

from __future__ import annotations

from newsfacet.query_syntax import AnyOf, Clause, ParsedQuery, Phrase, Term

__all__ = [
    "ENGLISH_STOP_WORDS",
    "FIELD_WEIGHTS",
    "MAX_QUERY_CLAUSES",
    "clause_count",
    "searchable",
    "size_problem",
]

# Lucene's English stop set (`_english_`).
# fmt: off
ENGLISH_STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they",
    "this", "to", "was", "will", "with",
})
# fmt: on

FIELD_WEIGHTS = {"title": 5.0, "lede": 2.0, "text": 1.0, "authors": 1.0, "entities": 2.0, "source": 1.0}
"""How much a match in each searched part of an article counts; the title most. Entities are the
names of its actors, locations and topics."""

MAX_QUERY_CLAUSES = 80
"""Words and phrases a query may hold: each becomes one leaf query per field OpenSearch searches
(12, with the French and German fields), and 80 x 12 stays under OpenSearch's 1024."""


def searchable(clauses: list[Clause]) -> list[Clause]:
    """The clauses that restrict something: those not made only of stop words."""
    return [clause for clause in clauses if _restricts(clause)]


def clause_count(parsed: ParsedQuery) -> int:
    """Words and phrases of the query, each option of an `OR` counted."""
    return sum(len(clause.options) if isinstance(clause, AnyOf) else 1 for clause in parsed.clauses)


def size_problem(parsed: ParsedQuery) -> str | None:
    """Why the query is too large to run, or None."""
    count = clause_count(parsed)
    if count > MAX_QUERY_CLAUSES:
        return f"{count} words and phrases; at most {MAX_QUERY_CLAUSES} can be searched at once"
    return None


def _restricts(clause: Clause) -> bool:
    if isinstance(clause, Term):
        return clause.text not in ENGLISH_STOP_WORDS
    if isinstance(clause, Phrase):
        return not all(word in ENGLISH_STOP_WORDS for word in clause.words)
    return all(_restricts(option) for option in clause.options)
