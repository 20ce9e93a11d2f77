"""Institutional actors the way news writes them: "the Afghan government", "China's commerce
ministry", "Germany's defence ministry", "Vietnam's coast guard", "Forest Hill police".

The model rarely tags these (the body is a lower-case noun), so they are found by pattern: a
country, a demonym or (for police forces) any capitalised name, then a government body. Each
becomes an organisation mention under a canonical name: the country's demonym and the body in title
case ("Chinese Commerce Ministry", "Afghan Government"), or the name and the force ("Forest Hill
Police"); the place in it stays a place mention as well.

Companies are found the same way where news lists them under their kind ("apps like Chime, Dave
and Earnin", "rivals such as Lyft"), names their kind beside them ("Robinhood, the trading app"),
or sets them before a noun only companies take ("Tesla CEO", "Uber and Lyft drivers"); names listed
with such a company are companies too. The model often takes such a name for a person or misses it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterator
from typing import Final

from newsfacet.enrich.gazetteer import Gazetteer
from newsfacet.enrich.geo_aliases import DEMONYMS
from newsfacet.enrich.mentions import Mention, mention_at, opens_sentence
from newsfacet.enrich.names import fold, list_item_spans
from newsfacet.enrich.span_rules import split_possessive

# Bodies of a state, after a country or demonym: "government", "commerce ministry", "army".
_STATE_BODY = (
    r"(?:[a-z]+\s+)?ministry|government|coast\s+guard|army|navy|air\s+force|armed\s+forces"
    r"|military|parliament|supreme\s+court|central\s+bank|foreign\s+office|cabinet"
)
# Forces of a place or an organisation, after any capitalised name, written in lower case or as
# part of the name: "Forest Hill police", "the Orange County Sheriff's Department".
_FORCE_BODY = (
    r"(?i:police(?:\s+department|\s+force)?|sheriff['’]?s\s+(?:office|department)|fire\s+department)"
)
# The state news sets between a county and its force: "the Orange County, Calif., sheriff's office".
_STATE_BETWEEN = r"(?:,\s+[A-Z][a-z]*\.(?:\s?[A-Z][a-z]*\.)?,)?"
# (The first capital before the look-behind: a pattern that opens with a letter is scanned for
# much faster, here 0.43 -> 0.30 ms a page.)
_INSTITUTION = re.compile(
    rf"(?P<name>[A-Z](?<![\w'’-][A-Z])[\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,2}}?)(?:['’]s)?{_STATE_BETWEEN}\s+"
    rf"(?P<body>{_STATE_BODY}|{_FORCE_BODY})(?![\w-])"
)
_FORCE = re.compile(_FORCE_BODY)
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_BEFORE_ARTICLE = re.compile(r".*[a-z]\.\s+(?=(?:The|A|An)\s)")
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An|In|On|At|For|By)\s+")
# The first demonym written for each country ("Afghan" for AF).
_COUNTRY_DEMONYM: Final[dict[str, str]] = {}
for _word, _iso in DEMONYMS.items():
    _COUNTRY_DEMONYM.setdefault(_iso, _word)


# Nouns that say the names listed or set beside them are companies.
_COMPANY_KIND = (
    r"(?i:compan(?:y|ies)|firms?|start-?ups?|apps?|banks?|neobanks?|fintechs?|services|platforms?|brands?"
    r"|retailers?|rivals?|competitors?|lenders?|carmakers?|automakers?|airlines?|giants?|chains?"
    r"|newspapers?|papers|publications|outlets|broadcasters?)"
)
# A dot only inside a word ("U.S.") or after a company suffix ("McClatchy Co."), so that a name
# does not run on over a sentence's end ("... the Tallahassee Democrat. Readers").
_COMPANY_WORD = r"[A-Z](?:[\w&'’-]|\.(?=\w))*"
_COMPANY_NAME = rf"{_COMPANY_WORD}(?:\s+{_COMPANY_WORD}){{0,2}}(?:\s+(?:Inc|Corp|Co|Ltd)\.)?"


def _list_of(name: str) -> str:
    """A pattern for a list of names: "A", "A and B", "A, B, and C", "A or B"."""
    return rf"{name}(?:,\s+{name})*(?:,?\s+(?:and|or|&)\s+{name})?"


# Nouns that only a company's name comes before: "Tesla CEO", "SoFi shares", "Uber drivers" (and
# after which it follows: "drivers for Uber and Lyft"). A plural one may follow several names
# ("Uber and Lyft drivers"), a singular one only one name ("Trump and Tesla CEO Elon Musk" names
# no company Trump).
_COMPANY_STAFF_OR_STOCK = r"CEO|chief\s+executive|co-?founder|founder|stock|app"
_COMPANY_PEOPLE_OR_SHARES = r"shares|drivers|customers|subscribers|shareholders"
# Here a name holds no dot, which would let it run on over a sentence's end ("... Honey. Chime").
_NAME_BEFORE_NOUN = r"[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2}"
_NAMES_BEFORE_NOUN = _list_of(_NAME_BEFORE_NOUN)

# Each way of naming companies is found from its cue, the rarer words after or between the names,
# and the names are then read backwards or forwards from there: scanning for the names first tried
# a match at every capital letter, several times slower.
_LOOKBACK: Final = 120
# "apps like Chime, Dave and Earnin", "newspapers including the Sacramento Bee": kind, cue, names.
_LIST_CUE = re.compile(r"\s(?:like|such\s+as|including)\s+(?:the\s+)?")
_KIND_BEFORE = re.compile(rf"\b{_COMPANY_KIND}$")
_LISTED = re.compile(_list_of(_COMPANY_NAME))
# "Robinhood, the trading app, ...": the name opens its sentence or clause, the kind closes the
# apposition.
_APPOSITION_CUE = re.compile(rf",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}}{_COMPANY_KIND}(?=[,;.])")
_NAME_OPENING_CLAUSE = re.compile(
    rf"(?:^|(?<=[.;:!?]\s)|(?<=\band\s)|(?<=\bbut\s))(?P<names>{_COMPANY_NAME})$", re.MULTILINE
)
# "Brisket CEO", "Uber and Lyft drivers"; "drivers for Uber and Lyft".
_NOUN_CUE = re.compile(
    rf"(?<![\w-])(?:(?P<one>{_COMPANY_STAFF_OR_STOCK})|{_COMPANY_PEOPLE_OR_SHARES})(?![\w-])"
)
_ONE_NAME_BEFORE = re.compile(rf"(?<![\w'’&.-])(?P<names>{_NAME_BEFORE_NOUN})(?:['’]s)?\s+$")
_NAMES_BEFORE = re.compile(rf"(?<![\w'’&.-])(?P<names>{_NAMES_BEFORE_NOUN})\s+$")
_EMPLOYER_CUE = re.compile(r"\b(?i:drivers|workers|employees)\s+for\s+")
_EMPLOYERS = re.compile(rf"{_NAMES_BEFORE_NOUN}(?![\w-])")


# A list of names ("Chime, Varo and SoFi", "Uber or Lyft"): where one is a company, all are.
_NAME_LIST = re.compile(
    rf"(?<![\w'’&.-])(?P<names>{_NAME_BEFORE_NOUN}(?:,\s+{_NAME_BEFORE_NOUN})*,?\s+(?:and|or|&)\s+"
    rf"{_NAME_BEFORE_NOUN})(?![\w'’-])"
)


def company_mentions(
    title: str, text: str, gazetteer: Gazetteer, common_words: Collection[str]
) -> list[Mention]:
    """Organisation mentions for the companies an article lists under their kind, sets beside it
    (see the module docstring) or names before a noun only companies have ("Uber drivers"), and
    for the names listed with any of those ("Uber and Lyft" where the article writes "Uber
    drivers"). A place or a demonym is not a company ("California drivers", "Uber and Germany"),
    nor is a word that opens the sentence and is written in lower case elsewhere ("When Uber
    drivers...")."""
    found = _named_as_companies(title, text, gazetteer, common_words)
    known = {fold(mention.text) for mention in found}
    if not known:
        return found
    for source, origin in ((0, title), (1, text)):
        for match in _NAME_LIST.finditer(origin):
            items = list_item_spans(origin, match.start("names"), match.end("names"))
            if not any(fold(origin[start:end]) in known for start, end in items):
                continue
            for item in items:
                span = without_sentence_opener(origin, *item, common_words)
                if span is None:
                    continue
                name = origin[span[0] : span[1]]
                if fold(name) not in known and _may_be_company(name, gazetteer):
                    found.append(mention_at(origin, *span, "ORG", in_title=source == 0))
    return found


def _named_as_companies(
    title: str, text: str, gazetteer: Gazetteer, common_words: Collection[str]
) -> list[Mention]:
    found = []
    for source, origin in ((0, title), (1, text)):
        spans = []
        for cue in _APPOSITION_CUE.finditer(origin):
            spans += _names_ending_at(origin, cue.start(), _NAME_OPENING_CLAUSE)
        for cue in _LIST_CUE.finditer(origin):
            if _KIND_BEFORE.search(origin, max(0, cue.start() - 20), cue.start()):
                spans += _names_starting_at(origin, cue.end(), _LISTED)
        checked = []
        for cue in _NOUN_CUE.finditer(origin):
            pattern = _ONE_NAME_BEFORE if cue.group("one") else _NAMES_BEFORE
            checked += _names_ending_at(origin, cue.start(), pattern)
        for cue in _EMPLOYER_CUE.finditer(origin):
            checked += _names_starting_at(origin, cue.end(), _EMPLOYERS)
        spans += [
            span
            for span in (without_sentence_opener(origin, *item, common_words) for item in checked)
            if span and _may_be_company(origin[span[0] : span[1]], gazetteer)
        ]
        # "Alibaba's New York-listed shares": the owner is the company, not the whole phrase.
        spans = [
            (start, end)
            for whole in spans
            for start, end, _label in split_possessive(
                origin, *whole, "ORG", gazetteer.is_place_name, texts=(title, text)
            )
        ]
        found += [mention_at(origin, start, end, "ORG", in_title=source == 0) for start, end in spans]
    return found


def _names_ending_at(origin: str, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The (start, end) of each name of the list `pattern` reads backwards from `end`."""
    match = pattern.search(origin, max(0, end - _LOOKBACK), end)
    return list_item_spans(origin, match.start("names"), match.end("names")) if match else []


def _names_starting_at(origin: str, start: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The (start, end) of each name of the list `pattern` reads forwards from `start`."""
    match = pattern.match(origin, start)
    return list_item_spans(origin, match.start(), match.end()) if match else []


def without_sentence_opener(
    origin: str, start: int, end: int, common_words: Collection[str]
) -> tuple[int, int] | None:
    """The span without its first word where that word opens a sentence and the article writes it
    in lower case elsewhere: capitalised for grammar, not part of a name."""
    first = origin[start:end].split(maxsplit=1)[0].casefold()
    if not opens_sentence(origin, start) or (first not in common_words and first not in _SENTENCE_OPENERS):
        return start, end
    rest = origin.find(" ", start, end)
    return None if rest < 0 else (rest + 1, end)


# Words that open sentences before a name and are none ("When Uber drivers...").
_SENTENCE_OPENERS: Final = frozenset(
    {"when", "if", "as", "but", "and", "or", "while", "after", "before", "since", "though"}
    | {"although", "because", "so", "then", "now", "why", "how", "what", "where", "some", "many"}
    | {"all", "most", "both", "only", "even", "like", "for", "with", "about", "of"}
)


def _may_be_company(name: str, gazetteer: Gazetteer) -> bool:
    return not gazetteer.is_place_name(name) and gazetteer.demonym_country(name) is None


def institution_mentions(title: str, text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Organisation mentions for the institutions named in the title and body."""
    return [
        mention for source, origin in ((0, title), (1, text)) for mention in _found(origin, source, gazetteer)
    ]


# Nouns that "military" modifies as an adjective ("U.S. military personnel", "Iranian military
# aid", "the military operation"): the phrase names no armed force acting.
_MILITARY_MODIFIES = re.compile(
    r"\s+(?:aid|personnel|operations?|bases?|officials?|officers?|action|equipment|exercises?"
    r"|leaders?|commanders?|spending|budget|presence|intervention|campaign|strikes?|hardware"
    r"|assistance|advisers?|advisors?|sources?|training|vehicles?|aircraft|service|power|might"
    r"|solution|option|threat|ties|cooperation|coup|rule|court|junta|escalation)\b"
)
# Bodies that a nationality adjective only describes ("British police", "the Chinese military"), as
# in "Iranian security forces": news names a force that acts after its country ("the US military").
_DESCRIBED_BY_DEMONYM: Final = frozenset({"military", "police", "army", "armed forces"})


def _found(origin: str, source: int, gazetteer: Gazetteer) -> Iterator[Mention]:
    for match in _INSTITUTION.finditer(origin):
        # "... on Tuesday. The US government": the name starts after the sentence's end
        opener = _SENTENCE_BEFORE_ARTICLE.match(match.group("name"))
        start = match.start("name") + (opener.end() if opener else 0)
        name = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", origin[start : match.end("name")])).rstrip(".")
        body = " ".join(match.group("body").split()).replace("’", "'")
        if body == "military" and _MILITARY_MODIFIES.match(origin, match.end()):
            continue
        # "Nigeria Police", "Ghana Police Service": a force's proper name after its country, kept
        # as written (no possessive: "Bolivia's Police" is still a country's police)
        before_body = origin[match.start("name") : match.start("body")]
        proper = body[:1].isupper() and not any(mark in before_body for mark in "'’,")
        canonical = f"{name} {body}" if proper and gazetteer.is_place_name(name) else None
        canonical = canonical or _canonical(name, body, gazetteer)
        if canonical is None:
            continue
        mention = mention_at(origin, start, match.end(), "ORG", in_title=source == 0)
        yield dataclasses.replace(mention, text=canonical)


def _canonical(name: str, body: str, gazetteer: Gazetteer) -> str | None:
    titled = body.title().replace("'S", "'s")
    country = gazetteer.demonym_country(name) if not name.endswith("s") else None
    if country is None:
        places = gazetteer.candidates(name)
        if places and places[0].kind == "country" and places[0].country_code:
            country = places[0].country_code
    if country is not None:
        # Coast guards go by the country's name ("Japan Coast Guard"), other bodies by its
        # demonym ("Chinese Commerce Ministry"), however the article wrote it.
        written_as_country = gazetteer.demonym_country(name) is None
        if body in _DESCRIBED_BY_DEMONYM and not written_as_country:
            return None  # "British police", "the Chinese military": a description, no one body
        if body == "coast guard" and written_as_country:
            return f"{name} {titled}"
        if body in {"military", "armed forces"}:
            # "the US military": the country's armed forces, under the name they go by.
            place = gazetteer.country(country)
            return f"{place.name if place else name} Armed Forces"
        # The United States' bodies go by its name ("United States Government", as "United
        # States Navy"), never "American Government"
        nation = "United States" if country == "US" else _COUNTRY_DEMONYM.get(country, name)
        return f"{nation} {titled}"
    if _FORCE.fullmatch(body) and name[:1].isupper() and len(name) > 1:
        return f"{name} {titled}"
    return None


# Bodies named in full by a capitalised name ending in a body's noun, with what it is of or for:
# "NASA's Science Mission Directorate", "the U.S. Attorney's Office for the Western District of
# New York". The small model often leaves such long names untyped. Found from the noun, then read
# backwards and forwards (see `_LOOKBACK`).
# A dot only inside a word or closing an initialism ("U.S."), so that a name does not run on over
# a sentence's end ("... the Oval Office. The Home Office").
_BODY_WORD = r"[A-Z](?:[\w&-]|\.(?=\w))*(?:(?<=[A-Z])\.)?"
_BODY_HEAD = re.compile(
    r"(?<=\s)(?:Office|Directorate|Commission|Committee|Department|Agency|Bureau|Authority|Council|Ministry"
    r"|Administration)(?![\w-])"
)
# "Administration" after one word is a president's government ("the Trump Administration"), no
# agency; agencies take two words or more ("Federal Aviation Administration").
_WORDS_BEFORE_HEAD: Final = {"Administration": 2}
_BODY_NAME_BEFORE = re.compile(rf"(?<![\w'’.-])(?:{_BODY_WORD}\s+){{1,5}}(?:{_BODY_WORD}['’]s\s+)?$")
_BODY_COMPLEMENT = re.compile(
    rf"\s+(?:of|for|on)\s+(?:the\s+)?{_BODY_WORD}(?:\s+(?:of\s+|for\s+|and\s+)?{_BODY_WORD}){{0,4}}(?![\w-])"
)
# Compounds of a body's noun that name a room, a place or a figure, not a body ("Oval Office").
_NOT_A_BODY_FIRST_WORDS: Final = frozenset({"Oval", "Box", "Post", "Head", "Front", "Back"})


def named_body_mentions(title: str, text: str, common_words: Collection[str]) -> list[Mention]:
    """Organisation mentions for bodies named in full (see `_BODY_HEAD`), without a word that only
    opens the sentence ("The", "Key")."""
    found = []
    for source, origin in ((0, title), (1, text)):
        for head in _BODY_HEAD.finditer(origin):
            before = _BODY_NAME_BEFORE.search(origin, max(0, head.start() - _LOOKBACK), head.start())
            if before is None:
                continue
            complement = _BODY_COMPLEMENT.match(origin, head.end())
            end = complement.end() if complement else head.end()
            span = without_sentence_opener(origin, before.start(), end, common_words)
            if span is None or origin.count(" ", span[0], head.start()) < _WORDS_BEFORE_HEAD.get(
                head.group(), 1
            ):
                continue
            if origin[span[0] : span[1]].split(" ", 1)[0] not in _NOT_A_BODY_FIRST_WORDS:
                found.append(mention_at(origin, *span, "ORG", in_title=source == 0))
    return found
