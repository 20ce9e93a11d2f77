"""Organisations news names by the words it sets around them, which the small model often misses,
cuts short or takes for a person or a place:

- a firm after a person's job: "chief executive of Paris Baguette North America", "head of
  research at ICICI Securities", "a spokesperson for Dunmore Freight";
- a company by its legal form: "Moving System Holdings Inc.", "Harrow & Vale Ltd";
- a medium named as a source: "Bloomberg reported", "according to the Intelligencer".

Each is found from its cue (the job, the suffix, the reporting verb), and the name is read forwards
or backwards from there, as `institutions` does for companies listed under their kind.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from typing import Final

from newsfacet.enrich.gazetteer import Gazetteer
from newsfacet.enrich.institutions import without_sentence_opener
from newsfacet.enrich.mentions import Mention, mention_at
from newsfacet.enrich.names import clean_name, fold, normalize_text

# A word of an organisation's name: capitalised, or an initialism with dots ("U.S."); a dot only
# inside a word, so that a name does not run on over a sentence's end ("... at Dunmore. Then").
_NAME_WORD = r"(?:[A-Z](?:[\w&'’-]|\.(?=\w))*|&)"
# Up to seven words, with "and", "of", "for" or "on" between two of them ("Procter and Gamble").
_ORGANIZATION_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:and|of|for|on|de)\s+)?{_NAME_WORD}){{0,6}}"
# Legal forms only companies take after their name. Not "AG" or "SA" (an attorney general, South
# Africa), not "Co" without its dot.
_LEGAL_FORM = r"(?:Inc|Corp|Co|Ltd|L\.L\.C|S\.A|N\.V)\.|Inc|Corp|Ltd|LLC|LLP|PLC|plc|GmbH|Corporation"
# What each legal form of `_LEGAL_FORM` holds, as written ("Corporation" holds "Corp").
_LEGAL_FORM_WORDS: Final = (
    "Inc", "Corp", "Co.", "Ltd", "L.L.C", "S.A", "N.V", "LLC", "LLP", "PLC", "plc", "GmbH",
)  # fmt: skip
_ENDS_WITH_LEGAL_FORM = re.compile(rf"\s(?:{_LEGAL_FORM})$")
_LEGAL_FORM_CUE = re.compile(rf"(?<=[\w.]),?\s+(?:{_LEGAL_FORM})(?![\w-])")
_TAX_STATUS = re.compile(r"(?:^|\s)[A-Z]$")
# Read backwards, a name takes no "and": "Logitech International and HTC Corporation" are two.
_NAME_BEFORE_FORM = re.compile(
    rf"(?<![\w&'’.-]){_NAME_WORD}(?:\s+(?:(?:of|for|on|de)\s+)?{_NAME_WORD}){{0,6}}$"
)
_BARE_LEGAL_FORM = re.compile(rf"(?:{_LEGAL_FORM})")
_FORM_AT_END = re.compile(rf",?\s+(?:{_LEGAL_FORM})$")

# Jobs whose holder is named with the firm or body they work for. "of" goes only with the jobs
# that head a whole organisation ("chief executive of X"): "professor of Economics", "director of
# Communications" and "Vice President of Sales" name a field, not an employer. "with" goes only
# with the analysts' jobs ("an analyst with Wedbush"): "partner with" is a verb.
_HEADS = r"CEO|chief\s+executive(?:\s+officer)?|co-?founder|founder|chair(?:man|woman)?|owner"
_STAFF = (
    r"analyst|economist|strategist|spokes(?:man|woman|person)|manager|director|engineer|scientist"
    r"|researcher|professor|executive|officer|head\s+of\s+[a-z]+(?:\s+[a-z]+)?"
)
_JOB_CUE = re.compile(
    rf"(?<![\w-])(?i:(?:{_HEADS})\s+(?:of|at)|(?:{_STAFF})\s+at|(?:analyst|economist|strategist)\s+with"
    rf"|spokes(?:man|woman|person)\s+for)\s+(?:the\s+)?(?=[A-Z])"
)
# The whole name: not a part of a longer one ("the Event Planner Expo 2024").
_NAME_AFTER_CUE = re.compile(rf"{_ORGANIZATION_NAME}(?![\w'’-]|\s+[A-Z\d])")
# Words capitalised after a job that name a time or a field, not an employer.
_NOT_EMPLOYERS: Final = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

# "Bloomberg reported", "the Intelligencer reported"; "according to the Morning Ledger". Without
# "the", a single name before the verb is also a reporter's surname ("Smith reported"): that
# reading wins wherever the model took the name for a person. Not "reports", a noun as often
# ("Related reports"). After "according to the" a name is a medium's only by its last word: a
# document is cited so too ("according to the Dietary Guidelines for Americans").
_REPORTED = re.compile(r"\s+(?:reported|first\s+reported)\b")
_SOURCE_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<the>[Tt]he\s+)?(?P<name>{_ORGANIZATION_NAME})$")
_ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+the\s+(?=[A-Z])")
_MEDIUM_LAST_WORD = re.compile(
    r"\s(?:Times|Post|Journal|News|Herald|Tribune|Telegraph|Guardian|Gazette|Independent|Observer"
    r"|Standard|Express|Mail|Mirror|Chronicle|Examiner|Inquirer|Intelligencer|Courier|Ledger|Globe"
    r"|Press|Record|Register|Dispatch|Bulletin|Insider|Reporter|Radio|Television|Magazine|Monitor)$"
)
_LOOKBACK: Final = 80
# "told Ruptly that ...", "told The Associated Press": a medium a source spoke to. A single name
# only where the model took it for no person (a reporter is told things too: "told Smith").
_TOLD = re.compile(r"\btold\s+(?=[A-Z])")
_TOLD_GOES_ON = re.compile(r"\s+that\b|[,.;](?:\s|$)")


def is_bare_legal_form(name: str) -> bool:
    """Whether a name is only a legal form ("LLC" of "At Pastore LLC" cut by the model): no actor."""
    return _BARE_LEGAL_FORM.fullmatch(name) is not None


def has_legal_form(name: str) -> bool:
    """Whether a name ends with a company's legal form ("Quellmark Holdings Inc."): a company's,
    even in quotation marks, where a name is more often a work's title."""
    return _ENDS_WITH_LEGAL_FORM.search(name) is not None


def organization_cue_mentions(
    title: str,
    text: str,
    gazetteer: Gazetteer,
    common_words: Collection[str],
    model_mentions: Sequence[Mention],
) -> list[Mention]:
    """Organisation mentions for the firms after a job, the companies with a legal form and the
    media named as a source (see the module docstring). A place, a demonym, or a name the model
    took for a person where no "the" says otherwise, is none of them."""
    people = frozenset(fold(m.text) for m in model_mentions if m.label == "PERSON")
    # Names the model always typed as organisations need nothing more; a bare legal form is a
    # name the model cut.
    organizations = frozenset(
        fold(m.text) for m in model_mentions if m.label == "ORG" and not is_bare_legal_form(m.text)
    ) - frozenset(fold(m.text) for m in model_mentions if m.label != "ORG")
    found = []
    for source, origin in ((0, title), (1, text)):
        spans = [*_employers(origin), *_companies_with_form(origin), *_sources(origin, people)]
        for start, end in spans:
            span = _without_leading_words(origin, start, end, common_words)
            if span is None:
                continue
            name = origin[span[0] : span[1]]
            key = fold(name)
            if key in organizations or any(
                key.endswith(f" {org}") or org.endswith(f" {key}") for org in organizations
            ):
                # The model found it, whole ("Shares of Bank of Ferrow Corp."), or in a longer span
                # that is its own business ("the Delhi-based Council on Energy"): nothing to add.
                continue
            if fold(name) in _NOT_EMPLOYERS or gazetteer.is_place_name(_FORM_AT_END.sub("", name)):
                continue  # "Monday", "New York LLC" (a kind of company in a state, not one)
            if is_bare_legal_form(name) or "Liability" in name:
                continue  # "Your LLC", "a Limited Liability Company, LLC": the kind, not a company
            if gazetteer.demonym_country(name) is not None:
                continue
            found.append(mention_at(origin, span[0], span[0] + len(name), "ORG", in_title=source == 0))
    return found


# A name that runs on over a comma into a list of capitalised words ("the Council on Energy,
# Environment and Water"): where it ends is unknown.
_NAME_RUNS_ON = re.compile(r",\s+[A-Z][\w-]*(?:,|\s+and\s+[A-Z])")


def _employers(origin: str) -> Iterator[tuple[int, int]]:
    for cue in _JOB_CUE.finditer(origin):
        name = _NAME_AFTER_CUE.match(origin, cue.end())
        if name is not None and _NAME_RUNS_ON.match(origin, name.end()) is None:
            yield cue.end(), _without_trailing_connective(origin, cue.end(), name.end())


def _companies_with_form(origin: str) -> Iterator[tuple[int, int]]:
    # Most pages write no legal form: a substring test of each costs half the scan.
    if not any(form in origin for form in _LEGAL_FORM_WORDS):
        return
    for form in _LEGAL_FORM_CUE.finditer(origin):
        name = _NAME_BEFORE_FORM.search(origin, max(0, form.start() - _LOOKBACK), form.start())
        # "an S Corporation", "S Corp status": a tax status, no company.
        if name is not None and not _TAX_STATUS.search(name.group()):
            yield name.start(), form.end()


def _sources(origin: str, people: frozenset[str]) -> Iterator[tuple[int, int]]:
    # Each scan only where its cue's word is: a substring test costs a tenth of the scan.
    for verb in _REPORTED.finditer(origin) if "reported" in origin else ():
        name = _SOURCE_BEFORE.search(origin, max(0, verb.start() - _LOOKBACK), verb.start())
        if name is None:
            continue
        single = " " not in name.group("name") and fold(name.group("name")) not in people
        if name.group("the") or single:
            yield name.start("name"), name.end("name")
    for cue in _ACCORDING_TO.finditer(origin) if "ccording" in origin else ():
        name = _NAME_AFTER_CUE.match(origin, cue.end())
        if name is not None and _MEDIUM_LAST_WORD.search(name.group()):
            yield cue.end(), name.end()
    for cue in _TOLD.finditer(origin) if "told" in origin else ():
        name = _NAME_AFTER_CUE.match(origin, cue.end())
        if name is None or fold(name.group()) in people:
            continue
        # "told Ruptly that", "told CNN.": one word (not "Mr"), the statement told going on after it
        single = " " not in name.group() and (len(name.group()) > 3 or name.group().isupper())
        if (single and _TOLD_GOES_ON.match(origin, name.end())) or _MEDIUM_LAST_WORD.search(name.group()):
            yield cue.end(), name.end()


# Words a name read backwards or after a job takes in before it: "the", a determiner ("Your
# LLC"), a connective, and the "-based" of "the Delhi-based Council on Energy".
_LEADING_WORD = re.compile(
    r"(?:The|A|An|Your|Our|My|Their|This|That|Each|Every|Any|and|of|for|on|de|&|[\w.]+-based)\s+"
)


def _without_leading_words(
    origin: str, start: int, end: int, common_words: Collection[str]
) -> tuple[int, int] | None:
    """The span without a word that only opens its sentence ("Shares of ...") and without a
    leading "The" or connective that the name read backwards took in ("of Dunmore Inc.")."""
    span = without_sentence_opener(origin, start, end, common_words)
    while span is not None and (word := _LEADING_WORD.match(origin, span[0], span[1])):
        span = (word.end(), span[1]) if word.end() < span[1] else None
    return span


_TRAILING_CONNECTIVE = re.compile(r"\s+(?:and|of|for|on|de|&)$")


def _without_trailing_connective(origin: str, start: int, end: int) -> int:
    match = _TRAILING_CONNECTIVE.search(origin, start, end)
    return match.start() if match else end


def listed_companies(mentions: Sequence[Mention]) -> dict[str, str]:
    """Names written before a stock ticker, folded -> display name, keeping an "'s" written before
    the ticker: in "Lowe's (LOW)" it is the company's own, not a possessive."""
    listed = {}
    for mention in mentions:
        name = clean_name(mention.text) if mention.ticker else None
        if name is not None:
            possessive = normalize_text(mention.text).endswith("'s") and not name.endswith("'s")
            listed[fold(name)] = name + "'s" if possessive else name
    return listed
