"""Mentions that web pages of 2025 make look like actors and that name none.

Our rules were tuned on 2019 wire-style news; blogs, newsletters, tech coverage and transcripts add
their own look-alikes, each told by evidence in the text (never by a list of names):

- products (software, AI models, drugs, devices; `product_evidence`): a name used as a product in
  at least half of its mentions; "OpenAI's GPT-5" keeps its maker, OpenAI;
- acronyms the text uses as common nouns ("LLMs", "average unit volume (AUV)", "your CRM";
  `name_shapes`);
- cross-headings, speaker labels and story links (`page_lines`): a name found only there;
- the publisher's own brands: a station's call sign in the dateline ("NEW JERSEY (WABC) --") and
  its name written apart ("ABC 7" for "ABC7 New York");
- job titles and capitalised modifiers opening a sentence (`name_shapes`).

`without_web_look_alikes` drops these from the mentions before actors and places are resolved;
only mentions the model typed as a person, organisation or group are looked at, so places are
untouched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import Final

from newsfacet.enrich.actor_vocabulary import COMPANIES, PARTIES, PLATFORMS
from newsfacet.enrich.cut_names import names_cut_from_things
from newsfacet.enrich.mentions import Mention
from newsfacet.enrich.name_shapes import (
    common_noun_acronyms,
    has_common_determiner,
    is_capitalised_modifier,
    is_job_title,
    opens_as_a_verb,
)
from newsfacet.enrich.names import fold
from newsfacet.enrich.page_lines import PageLines, page_lines
from newsfacet.enrich.product_evidence import category_lists, has_product_evidence, versioned_names
from newsfacet.enrich.whole_words import has_phrase

_ACTOR_LABELS: Final = frozenset({"PERSON", "ORG", "NORP"})
# "OpenAI's GPT-5": the owner, then what it owns.
_INNER_POSSESSIVE: Final = re.compile(r"['’]s\s+")
_ACRONYM: Final = re.compile(r"[A-Z]{2,6}")
_POSSESSIVE_END: Final = re.compile(r"['’]s?$")
# Last words of an institution's name: a heading that names one ("Arizona State University", in a
# list of colleges) names an actor, where a heading of common words ("Future Trajectories") does not.
_INSTITUTION_LAST_WORDS: Final = frozenset(
    {"university", "college", "school", "institute", "hospital", "clinic", "center", "centre"}
    | {"museum", "foundation", "inc", "corp", "corporation", "ltd", "llc", "company", "association"}
)


@dataclass(frozen=True, slots=True)
class _Located:
    """A mention with where it lies in the body (None in the title), the owner and what it owns of
    an "X's Y" name ("" and the name without one), and the folded key of what it owns."""

    mention: Mention
    span: tuple[int, int] | None
    owner: str
    owned: str
    key: str


def without_web_look_alikes(
    text: str, mentions: Sequence[Mention], exclude: Collection[str], common_words: frozenset[str]
) -> list[Mention]:
    """`mentions` (of the title and of `text`, the body) without the products, common-noun
    acronyms, heading-only names and the publisher's brands; see the module's docstring.
    `common_words` are the words the body writes in lower case."""
    lines = page_lines(text)
    located = _located(text, mentions)
    products = _product_keys(text, located)
    acronyms = common_noun_acronyms(text) | _determined_acronyms(text, located)
    outside_lines = {
        item.key for item in located if item.span is None or not _on_furniture_line(lines, item.span)
    }
    brands = publisher_brands(text, exclude)
    # Names written somewhere other than at a sentence's start: a capital there says nothing.
    mid_sentence = {item.key for item in located if not item.mention.opens_sentence}
    lowered = _written_in_lower_case(text, located, common_words) | _storm_names(text, located)
    lowered |= _opening_verbs(text, located) | names_cut_from_things(
        text,
        (
            (item.owned, item.span, item.mention.label == "PERSON")
            for item in located
            if item.span and item.mention.label in _ACTOR_LABELS
        ),
    )
    credentials = _credentials(text, located)
    kept = []
    for item in located:
        mention = item.mention
        if mention.label not in _ACTOR_LABELS:
            # a place in the author's bio is theirs, not the story's; "Jane Roe, MD" is no Maryland
            if item.span is None or not (lines.in_bio(*item.span) or item.span[0] in credentials):
                kept.append(mention)
        elif item.key in products:
            if item.owner:  # "OpenAI's GPT-5": OpenAI is named, its product is not an actor
                kept.append(replace(mention, text=item.owner, label="ORG"))
        elif _is_no_name(item, acronyms, brands, mid_sentence) or item.owned in lowered:
            continue
        elif _in_story(item, lines, outside_lines, common_words):
            kept.append(mention)
    return kept


# One title-case word, not a plural: "Republicans in the legislature" names a party.
_ONE_WORD: Final = re.compile(r"[A-Z][a-z]*[a-rt-z]")
_KNOWN_NAMES: Final = frozenset(PARTIES) | COMPANIES | PLATFORMS


def _opening_verbs(text: str, located: Sequence[_Located]) -> frozenset[str]:
    """One title-case word that the body writes only opening a sentence or a list item, each time
    followed as a verb, an adverb or a label is ("Develop a plan", "Invest in", "Ideally, you",
    "Size: 10"): capitals of the sentence, no name."""
    votes: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in located:
        if item.span is None or item.mention.label not in _ACTOR_LABELS:
            continue
        if _ONE_WORD.fullmatch(item.owned) is None or item.owned in _KNOWN_NAMES:
            continue
        count = votes[item.owned]
        person = item.mention.label == "PERSON"
        count[0] += item.mention.opens_sentence and opens_as_a_verb(text, item.span[1], person=person)
        count[1] += 1
    return frozenset(name for name, (verb, total) in votes.items() if verb == total)


# The kind of weather system written before its name ("Hurricane Melissa", "Storm Babet"), which
# the model leaves out of a span it types as a person's.
_STORM_BEFORE: Final = re.compile(
    r"(?:Hurricane|Typhoon|Cyclone|Storm|Tropical\s+Depression)\s+$", re.IGNORECASE
)
_STORM_REACH: Final = 22


def _storm_names(text: str, located: Sequence[_Located]) -> frozenset[str]:
    """Names the body writes after a storm's kind ("Hurricane Melissa"): a weather system's
    wherever they recur ("Melissa made landfall"), no person."""
    return frozenset(
        item.owned
        for item in located
        if item.span is not None
        and item.mention.label in _ACTOR_LABELS
        and _STORM_BEFORE.search(text, max(0, item.span[0] - _STORM_REACH), item.span[0]) is not None
    )


# Letters a degree or a licence shares with a state's postal code ("MD", "MA", "MS", "PA", "ND").
_CREDENTIAL: Final = re.compile(r"MD|MA|MS|PA|ND")


def _credentials(text: str, located: Sequence[_Located]) -> frozenset[int]:
    """Starts of the two-letter codes written right after a person's name and a comma ("Jane Roe,
    MD, said"): a degree, where after a town's name ("Baltimore, MD") the code is its state."""
    person_ends = {item.span[1] for item in located if item.span and item.mention.label == "PERSON"}
    return frozenset(
        item.span[0]
        for item in located
        if item.span is not None
        and item.mention.label not in _ACTOR_LABELS
        and _CREDENTIAL.fullmatch(item.mention.text) is not None
        and text[item.span[0] - 2 : item.span[0]] == ", "
        and item.span[0] - 2 in person_ends
    )


def _in_story(
    item: _Located, lines: PageLines, outside_lines: set[str], common_words: frozenset[str]
) -> bool:
    """A name the story names: in the title, outside the page's furniture somewhere, or in a heading
    that names an institution or a firm (in a list of them); never only in the author's bio."""
    if item.span is None or item.key in outside_lines:
        return True
    if lines.in_bio(*item.span):
        return False
    return (
        item.key.rsplit(" ", 1)[-1] in _INSTITUTION_LAST_WORDS
        or _is_firm_heading(item.owned, common_words)
        or not _on_furniture_line(lines, item.span)
    )


# Title-case words, two to four of them: a heading's phrase ("Influencer Marketing") or a name.
_TITLE_CASE_PHRASE: Final = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}")


_PHRASE_WORD: Final = re.compile(r"[a-z]+")


def _written_in_lower_case(
    text: str, located: Sequence[_Located], common_words: frozenset[str]
) -> frozenset[str]:
    """Title-case names the body also writes in lower case, word for word ("Social Media" beside
    "on social media", "Electrician Tools" beside "the electrician tools below"): a phrase that
    headings, lists and sentence starts capitalise, no name. Names are not written in lower case
    ("the federal reserve" is no news spelling)."""
    found = set()
    for name in {item.owned for item in located if item.mention.label in _ACTOR_LABELS}:
        if (
            _TITLE_CASE_PHRASE.fullmatch(name) is not None
            # (a cheap test first: every word is one the body writes in lower case; not kept for
            # hyphenated words, "loose-leaf")
            and ("-" in name or all(word in common_words for word in _PHRASE_WORD.findall(name.lower())))
            and has_phrase(text, name.lower())
        ):
            found.add(name)
    return frozenset(found)


def _is_firm_heading(name: str, common_words: frozenset[str]) -> bool:
    """A heading that names a firm ("Ridley Moving & Storage", in a list of movers): words joined
    by "&" with a proper name among them, one the body never writes in lower case; where a
    heading of common words joined the same way ("Collaboration & Quality") is none."""
    return "&" in name and any(
        word.isalpha() and word.casefold() not in common_words for word in name.replace("&", " ").split()
    )


def _is_no_name(
    item: _Located,
    acronyms: frozenset[str],
    brands: tuple[frozenset[str], frozenset[str]],
    mid_sentence: set[str],
) -> bool:
    """An acronym of a common noun, the publisher's brand, a job title, or a capitalised modifier
    the article writes only at a sentence's start."""
    if item.mention.text in acronyms or _is_brand(item.key, item.owned, brands) or is_job_title(item.owned):
        return True
    return (
        item.mention.label != "PERSON"
        and item.key not in mid_sentence
        and is_capitalised_modifier(item.owned)
    )


def _determined_acronyms(text: str, located: Sequence[_Located]) -> frozenset[str]:
    """Acronyms that at least half of their mentions write after a determiner of common nouns
    ("your CRM", "That AUV has grown")."""
    votes: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in located:
        text_of = item.mention.text
        if (
            item.span is None
            or item.mention.label not in _ACTOR_LABELS
            or _ACRONYM.fullmatch(text_of) is None
        ):
            continue
        count = votes[text_of]
        count[0] += has_common_determiner(text, item.span[0])
        count[1] += 1
    return frozenset(name for name, (common, total) in votes.items() if common and 2 * common >= total)


def _located(text: str, mentions: Sequence[Mention]) -> list[_Located]:
    keys: dict[str, str] = {}  # a name is written the same way many times: fold it once
    located = []
    for mention in mentions:
        owner, owned = _owner_and_owned(mention.text)
        key = keys.get(owned)
        if key is None:
            key = keys[owned] = fold(_POSSESSIVE_END.sub("", owned))  # "ABC 7's" is "ABC 7"
        located.append(_Located(mention, _span(text, mention), owner, owned, key))
    return located


def _span(text: str, mention: Mention) -> tuple[int, int] | None:
    """Where a body mention lies in `text` (its `position` is its start over the body's length);
    None for a title mention or one that cannot be placed."""
    if mention.in_title:
        return None
    start = round(mention.position * max(len(text), 1))
    for at in (start, start - 1, start + 1):
        if at >= 0 and text.startswith(mention.text, at):
            return at, at + len(mention.text)
    return None


def _owner_and_owned(name: str) -> tuple[str, str]:
    """("OpenAI", "GPT-5 Codex") for "OpenAI's GPT-5 Codex"; ("", name) without a possessive inside."""
    if "s " not in name:
        return "", name
    parts = _INNER_POSSESSIVE.split(name)
    if len(parts) < 2 or not parts[-1] or not parts[0]:
        return "", name
    return "'s ".join(parts[:-1]), parts[-1]


def _product_keys(text: str, located: Sequence[_Located]) -> frozenset[str]:
    """Folded names that at least half of their uses (mentions, and names written with a version
    number that no mention covers: "Meta's Llama 3.1") use as products."""
    votes: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    voted_at = set()
    lists = category_lists(text)
    for item in located:
        if item.mention.label not in _ACTOR_LABELS:
            continue
        count = votes[item.key]
        count[1] += 1
        if item.span is not None:
            start = item.span[1] - len(item.owned)
            voted_at.add(start)
            count[0] += has_product_evidence(text, start, item.span[1], lists)
        elif item.mention.in_title:
            count[0] += has_product_evidence(item.owned, 0, len(item.owned))
    for start, name in versioned_names(text).items():
        key = fold(name)
        if start not in voted_at and key in votes:
            votes[key][0] += 1
            votes[key][1] += 1
    return frozenset(key for key, (product, total) in votes.items() if key and 2 * product >= total)


def _on_furniture_line(lines: PageLines, span: tuple[int, int]) -> bool:
    return lines.in_furniture(*span)


# A dateline's credit: "NEW JERSEY (WABC) --", "HOUSTON (KTRK) —": the station or wire reporting.
_DATELINE_CREDIT: Final = re.compile(
    r"^[A-Z]{2}[A-Z .'’-]{0,30}(?:,\s*[A-Z][A-Za-z.]{1,20}(?:\s[A-Z][A-Za-z.]+)?)?\s*"
    r"\(([A-Z][A-Za-z0-9 -]{1,20})\)\s*(?:--|—|–|-)",
    re.MULTILINE,
)


def publisher_brands(text: str, exclude: Collection[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Folded names the publisher goes by: its credits in datelines; and, run together, the first
    words of the names the caller excludes (the publisher, its domain): "abc7" of "ABC7 New York"."""
    credits = frozenset(fold(match.group(1)) for match in _DATELINE_CREDIT.finditer(text))
    compact: set[str] = set()
    for name in exclude:
        words = fold(name).split()
        compact.update("".join(words[:count]) for count in range(1, len(words) + 1))
    return credits, frozenset(compact)


def _is_brand(key: str, name: str, brands: tuple[frozenset[str], frozenset[str]]) -> bool:
    """A dateline's credit, or a name written with a digit or as an acronym whose characters are
    the first word(s) of the publisher's name or domain ("ABC 7", "WSB" of wsbtv.com)."""
    credits, compact = brands
    if key in credits:
        return True
    joined = key.replace(" ", "")
    if len(joined) < 3 or joined not in compact:
        return False
    return any(ch.isdigit() for ch in joined) or _ACRONYM.fullmatch(name) is not None
