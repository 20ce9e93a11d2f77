"""Mentions of names in an article: where the model and the text say a person, organisation,
group or place is named, with what the words around each occurrence tell about it.

`find_mentions` takes the model's entities (`nlp.model_entities`), counts every name the model found
wherever else it occurs (the model misses some repeats, and a surname stands for a full name), and
asks the gazetteer about capitalised word runs no entity covers. Each occurrence becomes a
`Mention` carrying its context: after "the", "in" or "at", inside a job title, introduced as a
place, followed by an age or a game's result.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from newsfacet.enrich.geo_aliases import FACILITY_WORDS
from newsfacet.enrich.joined_names import joined_parts
from newsfacet.enrich.kind_cues import (
    apposition_noun,
    follows_kind_noun,
    head_noun,
    is_quoted_title,
)
from newsfacet.enrich.names import acronym
from newsfacet.enrich.nlp import NER_LANGUAGES, model_entities
from newsfacet.enrich.person_patterns import FULL_NAME, PERSON_ROLES, people_by_pattern
from newsfacet.enrich.place_compounds import compound_place_spans
from newsfacet.enrich.place_datelines import dateline_place_spans
from newsfacet.enrich.span_rules import (
    add_known_organizations,
    apposition_parts,
    is_furniture,
    known_label,
    split_possessive,
)
from newsfacet.enrich.whole_words import WholeWords, has_phrase

# Entity labels enrichment uses; the rest (DATE, MONEY, CARDINAL, WORK_OF_ART, LAW...) are dropped.
USED_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a name. `position` is 0.0 at the start of the body and 1.0 at its end; a
    title mention has position 0.0 and `in_title` set. `next_word` is the word that follows the
    span ("border" in "the Syrian border"), used to tell a demonym used as a place; `with_age` marks
    a name followed by an age (", 43,"), which only people have."""

    text: str
    label: str
    position: float
    in_title: bool
    next_word: str = ""
    with_age: bool = False  # followed by ", 43," as news gives a person's age
    opens_sentence: bool = False  # capitalised for grammar, so weaker evidence of a name
    # After "the town of", "near", "north of": a place, whatever the model says.
    introduced_as_place: bool = False
    introduced_kind: str = ""  # the kind the introducer names ("town" of "the town of"), if any
    # Written after "the" ("the Browns", "the Wild"): a team, party or body, not a person.
    after_the: bool = False
    # Part of a job title ("Secretary of State", "Head of Fundamental Research", "Advocacy
    # Director"): a department's name, not an organisation acting.
    in_job_title: bool = False
    # A side in a game ("Liverpool beat Chelsea 2-1", "Chicago coach Billy Donovan"): a team
    # named after its city, an organisation, not that city.
    as_team: bool = False
    # After a word that puts a place after it ("the game in Pittsburgh", "flew to Denver"): the
    # place, even where the article also names its team by it; in a sports story a city named
    # without one is a team ("our focus is on Cincinnati now").
    after_place_word: bool = False
    # The stock ticker that follows ("LOW" in "Lowe's (LOW)", "HD" in "Home Depot (ticker: HD)"):
    # a listed company, and an "'s" before the ticker is part of its name (kept in `text`).
    ticker: str = ""
    # Before a staff noun and a name ("Jefferies analyst Jane Roe"): the employer, an organisation.
    before_staff: bool = False
    # A platform the page asks to follow or share on ("Follow us on Twitter"): furniture, no actor.
    in_furniture: bool = False
    # What the words around it say it is (`kind_cues`): the lower-case noun it is set before ("the
    # COTS program"), the noun of an apposition after it (", the U.S. military operation"), a title
    # in quotation marks ("“Mary Poppins”").
    head_noun: str = ""
    apposition_noun: str = ""
    quoted_title: bool = False
    after_kind_noun: bool = False  # "the journal JAMA Psychiatry", "the album Lover"


_NEXT_WORD = re.compile(r"\W*([A-Za-z]+)")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_DIGIT = re.compile(r"\d")
_AGE = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,3}\s*,")


_AFTER_THE = re.compile(r"(?<![\w-])[Tt]he\s+$")
# "away to West Ham", "at home to Leeds": the football fixture's opponent, a team, not a place.
# German "aus", "nach", "bei" too ("der Angeklagte aus Lüneburg").
_AFTER_PLACE_WORD = re.compile(
    r"(?<![\w-])(?:(?i:in|at|from|into|near|outside|aus|nach|bei)|(?<!away )(?<!home )(?i:to))\s+$"
)
_TITLE_OF = re.compile(
    r"\b(?:Secretary|Head|Director|Minister|Chief|Chair|Dean|Professor|Commissioner|Undersecretary)"
    r"\s+of\s+(?:the\s+)?$"
)
_TITLE_AFTER = re.compile(r"\s+(?:Director|Officer|Manager|Editor|Correspondent|Analyst|Chief)\b")


def _next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.match(text, end)
    return match.group(1).lower() if match else ""


def find_mentions(
    title: str,
    text: str,
    *,
    language: str | None = "en",
    is_place_name: Callable[[str], bool] | None = None,
) -> list[Mention]:
    """Every mention of a person, organisation, group or place in the title and body.

    Names the model found anywhere are counted everywhere (the small model misses some repeats),
    and so are the people named by pattern (`people_by_pattern`). `language` picks the model; a
    language without one (not in `NER_LANGUAGES`) gets only the gazetteer's mentions below.
    `is_place_name`, when given, is asked about capitalised word runs no entity covers ("Aleppo"
    in "shelled Aleppo"); those it accepts become `GAZETTEER` mentions, which `places` accepts only
    on firm evidence.
    """
    found: list[Mention] = []
    covered = (_Spans(), _Spans())
    labels: defaultdict[str, Counter[str]] = defaultdict(Counter)
    read_as = language or "en"
    origins = (title, text)
    entities = model_entities(title, text, read_as) if read_as in NER_LANGUAGES else []
    if read_as == "en":
        # Names after a person's role outrank the model's label ("researchers Wen Li and Haruto Sato").
        after_role, after_person = people_by_pattern(origins, entities)
        entities = after_role + entities + after_person
        if is_place_name is not None:  # first, so that a compound takes the text the model cut up
            entities = (
                compound_place_spans(origins, is_place_name)
                + dateline_place_spans(text, is_place_name)
                + entities
            )
    for source, whole_start, whole_end, whole_label in entities:
        origin = origins[source]
        if whole_label not in USED_LABELS or covered[source].overlaps(whole_start, whole_end):
            continue
        covered[source].add(whole_start, whole_end)
        parts = [
            part
            for apposed in apposition_parts(origin, whole_start, whole_end)
            for start, end in joined_parts(origin, *apposed, whole_label, text)
            for part in split_possessive(origin, start, end, whole_label, is_place_name, texts=origins)
        ]
        for start, end, model_label in parts:
            label = known_label(origin[start:end].strip(), model_label)
            found.append(mention_at(origin, start, end, label, in_title=source == 0))
            labels[origin[start:end].strip()][label] += 1
    if read_as in NER_LANGUAGES:
        add_known_organizations(origins, labels)
    found += _repeats(origins, labels, covered)
    if is_place_name is not None:
        found += _gazetteer_runs(origins, covered, is_place_name)
    return found


def _repeats(
    origins: tuple[str, str], labels: defaultdict[str, Counter[str]], covered: tuple[_Spans, _Spans]
) -> list[Mention]:
    """Every other occurrence of a name found once, and of a person's surname: news names a person
    in full once, then by surname."""
    for surface, counts in list(labels.items()):
        words = _POSSESSIVE_END.sub("", surface).split()
        # A name with a number is no person's ("LC 500 Convertible"): its last word is no surname.
        if counts.most_common(1)[0][0] == "PERSON" and len(words) > 1 and not _DIGIT.search(surface):
            surname = words[-1]
            if len(surname) > 2 and surname[0].isupper() and surname not in labels:
                labels[surname]["PERSON"] += 1
    surfaces = sorted((s for s in labels if len(s) > 1), key=len, reverse=True)
    if not surfaces:
        return []
    pattern = WholeWords(surfaces)
    found = []
    for source, origin in enumerate(origins):
        for match in pattern.finditer(origin):
            if covered[source].overlaps(match.start(), match.end()):
                continue
            label = labels[match.group(0)].most_common(1)[0][0]
            covered[source].add(match.start(), match.end())
            found.append(mention_at(origin, match.start(), match.end(), label, in_title=source == 0))
    return found


def _gazetteer_runs(
    origins: tuple[str, str], covered: tuple[_Spans, _Spans], is_place_name: Callable[[str], bool]
) -> list[Mention]:
    """Capitalised word runs no entity covers that the gazetteer knows as places."""
    found = []
    text = origins[1]
    for source, origin in enumerate(origins):
        for match in _CAPITALISED_RUN.finditer(origin):
            start, end = match.start(), match.end()
            if covered[source].overlaps(start, end):
                continue
            # A capitalised word opening a sentence may be any word ("Reading the report..."); a
            # preposition there is not part of the name after it ("On Wall Street"). Two or more
            # capitalised words are a name there too ("Wall Street analysts say...").
            if opens_sentence(origin, start):
                first, _, rest = match.group(0).partition(" ")
                if first.casefold() in _SENTENCE_OPENING_WORDS and rest:
                    start = end - len(rest)
                elif not rest:
                    continue
            name = origin[start:end]
            # "Enterprise" beside "enterprise software", "Mobile" beside "mobile apps": a common
            # word capitalised by a heading or a list, not the town of that name.
            if is_place_name(name) and (" " in name or not has_phrase(text, name.lower())):
                found.append(mention_at(origin, start, end, GAZETTEER, in_title=source == 0))
    return found


# Prepositions that open a sentence before a place name ("In Kabul", "On Wall Street"; German,
# French, Spanish, Portuguese, Italian and Dutch ones too: "Aus Moskau kam Kritik", "No Porto e em
# Lisboa"). Not "The": "The Atlantic reported" names a magazine; not "Da", "Do": "Da Nang".
_SENTENCE_OPENING_WORDS: Final = frozenset(
    {"in", "on", "at", "from", "to", "across", "near", "outside", "inside", "throughout"}
    | {"aus", "nach", "bei", "im", "dans", "en", "desde", "em", "no", "na", "nel", "nella", "uit", "naar"}
)


GAZETTEER: Final = "GAZETTEER"
# One to four capitalised words, possibly joined by a particle ("Rio Grande do Sul"), not preceded
# by another capitalised word. (The first capital before the look-behinds: a pattern that opens
# with a letter is scanned for much faster, 0.40 -> 0.16 ms a page.)
_CAPITALISED_RUN = re.compile(
    r"[A-ZÀ-ÖØ-Þ](?<![\w.'-][A-ZÀ-ÖØ-Þ])(?<![A-Z][a-z] [A-ZÀ-ÖØ-Þ])[a-zß-öø-ÿ]+"
    r"(?:(?:[ -]|\s(?:do|da|de|del|dos|das|of|al|el|am|im|an der|upon|sur)\s)"
    r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+){0,3}(?![\w-])"
)


def mention_at(origin: str, start: int, end: int, label: str, *, in_title: bool) -> Mention:
    """The mention of `origin[start:end]` with what its surroundings tell (see `Mention`). A
    capitalised facility word right after the span is part of the name the model cut short
    ("WoodSpring" of "WoodSpring Suites")."""
    facility_word = _NEXT_CAPITALISED_WORD.match(origin, end)
    if facility_word and label != "NORP" and facility_word.group(1).casefold() in FACILITY_WORDS:
        end = facility_word.end()
    ticker = _TICKER.match(origin, end)
    if ticker is not None and _is_ticker(origin[start:end], ticker):
        end = ticker.start("ticker_open")  # with the name's own "'s", if it has one
    else:
        ticker = None
    introducer = _place_introducer(origin, start)
    return Mention(
        text=origin[start:end].strip(),
        label=label,
        position=0.0 if in_title else start / max(len(origin), 1),
        in_title=in_title,
        next_word=_next_word(origin, end),
        after_the=_AFTER_THE.search(origin, max(0, start - 5), start) is not None,
        in_job_title=_TITLE_OF.search(origin, max(0, start - 30), start) is not None
        or _TITLE_AFTER.match(origin, end) is not None,
        with_age=_AGE.match(origin, end) is not None,
        opens_sentence=opens_sentence(origin, start),
        introduced_as_place=introducer is not None,
        introduced_kind=(introducer.group("kind") or introducer.group("site") or "").casefold()
        if introducer
        else "",
        as_team=_names_a_team(origin, start, end),
        after_place_word=_AFTER_PLACE_WORD.search(origin, max(0, start - 9), start) is not None,
        ticker=ticker.group("ticker") if ticker else "",
        before_staff=_STAFF_AFTER.match(origin, end) is not None,
        in_furniture=is_furniture(origin, start, end),
        head_noun=head_noun(origin, end),
        apposition_noun=apposition_noun(origin, end),
        quoted_title=is_quoted_title(origin, start, end),
        after_kind_noun=follows_kind_noun(origin, start),
    )


# Not before a further capitalised word: "Capitol" of "U.S. Capitol Police" opens another name.
_NEXT_CAPITALISED_WORD = re.compile(r"\s+([A-Z][a-z]+)(?![\w-])(?!\s+[A-Z])")
_TICKER = re.compile(
    r"(?:['’]s)?(?P<ticker_open>\s*\((?P<exchange>(?:ticker|NYSE|NASDAQ|Nasdaq|LSE|TSX|NSE|BSE)\s*:\s*)?)"
    r"(?P<ticker>[A-Z]{1,5}(?:\.[A-Z]{1,2})?)\)"
)


def _is_ticker(name: str, ticker: re.Match[str]) -> bool:
    """Whether "(XYZ)" after a name is its stock ticker: so marked ("ticker: HD", "NYSE: LOW"), or
    letters of the name, first letter first, that are not its initials ("Lowe's (LOW)", but not "World Health
    Organization (WHO)", nor a credit such as "Hanoi (AP)")."""
    symbol = ticker.group("ticker")
    if ticker.group("exchange"):
        return True
    letters = set(name.upper())
    return symbol[0] == name[:1].upper() and letters.issuperset(symbol) and symbol != acronym(name)


_STAFF_AFTER = re.compile(r"\s+(?:analysts?|economists?|strategists?|spokes(?:man|woman|person))\s+[A-Z]")


# Verbs of a game's result, and nouns of a team's staff, that follow a team's name ("Liverpool
# beat...", "Chicago coach...") or, for the verbs, precede it ("...beat Chelsea"); a score after it.
_RESULT_VERBS = r"beat|beats|defeated|edged|thrashed|routed|trounced|drew\s+with|lost\s+to"
_TEAM_FOLLOWER = re.compile(
    rf"\s+(?:(?:{_RESULT_VERBS}|coach|manager|striker|midfielder|goalkeeper|quarterback)\b|\d{{1,3}}-\d{{1,3}}\b"
    rf"|(?:{PERSON_ROLES}|QB|RB|WR|TE|OL|DL|LB|CB|DB)\s+{FULL_NAME})"  # "Pittsburgh center Jane Roe"
)
_TEAM_LEADER = re.compile(rf"\b(?:{_RESULT_VERBS})\s+$")


def _names_a_team(origin: str, start: int, end: int) -> bool:
    return (
        _TEAM_FOLLOWER.match(origin, end) is not None
        or _TEAM_LEADER.search(origin, max(0, start - 12), start) is not None
    )


# Nouns of sites that "in" follows with the place they are in ("the fuel plant in Senkata": a site
# is in a place, not in a firm).
SITES_BEFORE_IN: Final = ("plant", "factory", "refinery", "facility", "mine", "depot", "terminal", "camp")
# Words that introduce a place name right after them: "the Israeli town of", "near", "north-east of",
# and a site's noun with "in".
_PLACE_INTRODUCER = re.compile(
    r"\b(?:(?P<kind>town|city|village|port|region|province|district|suburb|capital|area|state)\s+of"
    rf"|(?P<site>{'|'.join(SITES_BEFORE_IN)})\s+in"
    r"|near|outside|(?:north|south|east|west|north-east|north-west|south-east|south-west)\s+of)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_INTRODUCER_REACH = 40


def _place_introducer(origin: str, start: int) -> re.Match[str] | None:
    return _PLACE_INTRODUCER.search(origin, max(0, start - _INTRODUCER_REACH), start)


_BEFORE_SENTENCE_START: Final = frozenset(" \t\"'“‘(")


def opens_sentence(origin: str, start: int) -> bool:
    """Whether `start` is the first word of a sentence. Walks back from `start` rather than slicing
    the prefix, which made long bodies quadratic (thousands of candidates, each copying the text)."""
    at = start - 1
    while at >= 0 and origin[at] in _BEFORE_SENTENCE_START:
        at -= 1
    return at < 0 or origin[at] in ".!?:\n"


class _Spans:
    """Non-overlapping character spans already taken by a mention, sorted for O(log n) checks
    (a long body can hold thousands of mentions)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect.bisect_left(self.starts, end)  # spans starting before `end`...
        return at > 0 and self.ends[at - 1] > start  # ...the last of which may reach past `start`

    def add(self, start: int, end: int) -> None:
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)
