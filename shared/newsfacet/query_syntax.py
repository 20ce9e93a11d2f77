"""The search box syntax, parsed once into a typed AST that every engine translates.

Users type what they would type into any search box::

    syria ceasefire            both words (every clause is required)
    "united nations"           a phrase: the words next to each other, in order
    -rumour  -"opinion piece"  exclusions: no article containing the word / phrase matches
    gaza OR rafah OR "west bank"   at least one of the alternatives

`parse(q)` turns that into a `ParsedQuery`: a list of clauses, each a `Term`, a `Phrase` or an
`AnyOf` (alternatives joined by `OR`), each possibly `negated`. A query matches an article when every
positive clause matches and no negated one does. A query with no positive clause (`is_empty`) matches
every article except the excluded ones; an empty query matches everything.

Words are what the engines' tokenizers see: runs of letters and digits, lower-cased, after Unicode
NFC normalisation. Anything else separates words, so one typed token with several words becomes a
phrase ("al-Assad" -> `Phrase(["al", "assad"])`, "covid-19" -> `Phrase(["covid", "19"])`).

Malformed input never raises; it degrades to plain words:

- an unbalanced quote is ignored (`"peace talks` -> two terms),
- a lone `-`, an empty `""` or a token of punctuation only contributes nothing,
- an `OR` that does not stand between two positive clauses (first, last, doubled, next to an
  exclusion) is the plain word "or"; lower-case "or" is always a plain word,
- the operators of either engine (`AND`, `NOT`, `NEAR`, `*`, `^`, `:`, `(`, `)`, `field:value`) have
  no meaning here: they are words or separators like any other text.

Engines must build their query from this AST only, never from the user's text, so nothing the
user types can reach an engine's own query language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["AnyOf", "Clause", "ParsedQuery", "Phrase", "Term", "parse", "words_of"]


@dataclass(frozen=True)
class Term:
    """One required (or, if `negated`, excluded) word."""

    text: str
    negated: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words that must appear next to each other, in this order. Always two words or more."""

    words: list[str]
    negated: bool = False


@dataclass(frozen=True)
class AnyOf:
    """At least one of the options (from `a OR b OR "c d"`). Always two options or more.

    `negated` is part of the shape every clause has; `parse` never sets it (an `OR` next to an
    exclusion is read as the word "or"), but engines should honour it if they receive one.
    """

    options: list[Term | Phrase]
    negated: bool = False


Clause = Term | Phrase | AnyOf


@dataclass(frozen=True)
class ParsedQuery:
    """The clauses of a query: all positive ones must match, no negated one may match."""

    clauses: list[Clause] = field(default_factory=list)

    @property
    def positive(self) -> list[Clause]:
        """The clauses an article must match."""
        return [clause for clause in self.clauses if not clause.negated]

    @property
    def negated(self) -> list[Clause]:
        """The clauses an article must not match."""
        return [clause for clause in self.clauses if clause.negated]

    @property
    def is_empty(self) -> bool:
        """True when nothing positive remains: the query restricts only by its exclusions, if any."""
        return not self.positive

    def highlight_words(self) -> list[str]:
        """The words of the positive clauses, in order, without repeats (what a snippet marks)."""
        seen: dict[str, None] = {}
        for clause in self.positive:
            for word in _clause_words(clause):
                seen.setdefault(word, None)
        return list(seen)

    def canonical(self) -> str:
        """A normalised text form that parses back to this query.

        Used to fingerprint a query (paging cursors), so two spellings of one query share pages.
        """
        return " ".join(_render(clause) for clause in self.clauses)


# A quoted phrase (only when its closing quote exists) or a run of anything but whitespace.
_TOKEN = re.compile(r'(?P<neg>-*)"(?P<phrase>[^"]*)"|(?P<word>\S+)')
WORD = re.compile(r"[^\W_]+")
"""A word: letters and digits (`\\w` minus the underscore, which both engines' tokenizers treat as a
separator). Queries and facet values are split by it alike."""
# Typographic quotes count as the ASCII one: people paste them from articles.
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})


def words_of(text: str) -> list[str]:
    """The lower-cased words of `text`, split the way `parse` splits a token."""
    return WORD.findall(unicodedata.normalize("NFC", text).lower())


def parse(q: str) -> ParsedQuery:
    """Parse a search box string. Never raises; see the module docstring for the syntax."""
    text = unicodedata.normalize("NFC", q).translate(_QUOTES)
    items: list[Term | Phrase | _Or] = []
    for match in _TOKEN.finditer(text):
        if match.group("word") == "OR":
            items.append(_OR)
            continue
        if match.group("word") is not None:
            raw = match.group("word")
            negated = raw.startswith("-")
            clause = _clause(words_of(raw.lstrip("-")), negated)
        else:
            clause = _clause(words_of(match.group("phrase")), bool(match.group("neg")))
        if clause is not None:
            items.append(clause)
    return ParsedQuery(_join_alternatives(items))


class _Or:
    """The `OR` operator while parsing; it never reaches the AST."""


_OR = _Or()


def _clause(words: list[str], negated: bool) -> Term | Phrase | None:
    if not words:
        return None
    if len(words) == 1:
        return Term(words[0], negated)
    return Phrase(words, negated)


def _join_alternatives(items: list[Term | Phrase | _Or]) -> list[Clause]:
    """Group `x OR y OR z` runs into `AnyOf`; every other `OR` becomes the plain word "or"."""
    clauses: list[Clause] = []
    i = 0
    while i < len(items):
        item = items[i]
        if isinstance(item, _Or):
            clauses.append(Term("or"))
            i += 1
            continue
        options: list[Term | Phrase] = [item]
        j = i + 1
        while (
            not item.negated
            and j + 1 < len(items)
            and isinstance(items[j], _Or)
            and isinstance(nxt := items[j + 1], Term | Phrase)
            and not nxt.negated
        ):
            options.append(nxt)
            j += 2
        clauses.append(AnyOf(options) if len(options) > 1 else item)
        i = j
    return clauses


def _clause_words(clause: Clause) -> list[str]:
    if isinstance(clause, Term):
        return [clause.text]
    if isinstance(clause, Phrase):
        return list(clause.words)
    return [word for option in clause.options for word in _clause_words(option)]


def _render(clause: Clause) -> str:
    sign = "-" if clause.negated else ""
    if isinstance(clause, Term):
        return sign + clause.text
    if isinstance(clause, Phrase):
        return f'{sign}"{" ".join(clause.words)}"'
    return sign + " OR ".join(_render(option) for option in clause.options)
