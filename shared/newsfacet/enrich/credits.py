"""The publisher and its credits ("AFP", "FRANCE 24 with wires", "Staff and agencies") in every form
an article writes them, to keep out of actors and places.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import Final

from newsfacet.enrich.names import clean_name, fold, normalize_text

# Other names of wire services and broadcasters, so `exclude=["AFP"]` also drops
# "Agence France-Presse".
WIRE_VARIANTS: Final[tuple[frozenset[str], ...]] = tuple(
    frozenset(fold(name) for name in group)
    for group in (
        ("AFP", "Agence France-Presse", "Agence France Presse"),
        ("AP", "Associated Press", "The Associated Press"),
        ("Reuters", "Thomson Reuters"),
        ("DPA", "Deutsche Presse-Agentur"),
        ("UPI", "United Press International"),
        ("ANSA", "Agenzia Nazionale Stampa Associata"),
        ("BBC", "British Broadcasting Corporation", "BBC News"),
        ("France 24", "France24"),
    )
)
# Credit suffixes the pipeline may pass along ("FRANCE 24 with wires", "Staff and agencies").
CREDIT_SUFFIXES: Final = (" with wires", " with agencies", " and agencies", " wires", " staff", " newsroom")


def exclusion_keys(exclude: Collection[str]) -> frozenset[str]:
    """Folded names (with wire-service variants) to keep out of actors."""
    keys: set[str] = set()
    for raw in exclude:
        for part in raw.replace("/", ",").replace(" and ", ",").replace(" & ", ",").split(","):
            name = clean_name(part) or part.strip()
            key = fold(name)
            for suffix in CREDIT_SUFFIXES:
                if key.endswith(suffix) and not _is_own_name(part, suffix):
                    key = key[: -len(suffix)].strip()
            if not key:
                continue
            keys.add(key)
            keys |= _initialisms(part)
            for group in WIRE_VARIANTS:
                if key in group:
                    keys |= group
    return frozenset(keys)


_INITIALISM_WORDS = 3


def _initialisms(name: str) -> set[str]:
    """The initials a publisher of three or more words goes by in its own text ("TRD" for The Real
    Deal New York, "NYT" for The New York Times): of its first three or more words, with and
    without a leading "The"."""
    words = [word for word in name.split() if word[:1].isupper()]
    found: set[str] = set()
    for skip in (0, 1) if words[:1] == ["The"] else (0,):
        initials = "".join(word[0] for word in words[skip:]).casefold()
        found.update(initials[:length] for length in range(_INITIALISM_WORDS, len(initials) + 1))
    return found


def _is_own_name(credit: str, suffix: str) -> bool:
    """Whether a credit ending with a credit suffix is a name of its own: "The Texas Newsroom" (an
    article, the suffix capitalised), where "FRANCE 24 with wires" and "Reuters Staff" credit
    FRANCE 24 and Reuters."""
    credit = credit.strip()
    return credit.casefold().startswith("the ") and not credit[-len(suffix) :].islower()


def blank_credits(text: str, exclude: Collection[str]) -> str:
    """`text` with every occurrence of an excluded credit ("FRANCE 24 with wires", then "FRANCE 24")
    replaced by spaces of the same length, so offsets and positions do not move."""
    forms: set[str] = set()
    for raw in exclude:
        name = normalize_text(raw)
        if len(name) < 2:
            continue
        forms.add(name)
        lowered = name.casefold()
        for suffix in CREDIT_SUFFIXES:
            if lowered.endswith(suffix) and not _is_own_name(name, suffix):
                forms.add(name[: -len(suffix)].strip())
    # Only the forms `text` may hold: most credits are absent, and compiling a pattern of all of
    # them for every page cost ~1 ms a page (a form that cannot match changes no match).
    lowered_text = _lowered(text)
    forms = {form for form in forms if not form.isascii() or form.lower() in lowered_text}
    if not forms:
        return text
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # With the media word a publisher's company adds ("SiliconANGLE Media's coverage"): left alone,
    # the word would read as a name of its own.
    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?:\s+{_MEDIA_WORDS})?(?!\w)", re.IGNORECASE)
    return pattern.sub(lambda match: " " * len(match.group(0)), text)


# The letters other than ASCII ones that `re.IGNORECASE` matches to an ASCII letter and `str.lower`
# does not lower to it (the Kelvin sign lowers to "k"): with them mapped, an ASCII form that
# `_lowered(text)` does not hold cannot match `text` however its letters are cased.
_CASE_TWINS: Final = {"\u0130": "i", "\u0131": "i", "\u017f": "s"}


def _lowered(text: str) -> str:
    for twin, letter in _CASE_TWINS.items():
        if twin in text:  # rare, and a `str.translate` of every page cost more than it saved
            text = text.replace(twin, letter)
    return text.lower()


_MEDIA_WORDS: Final = r"(?-i:Media|Network|Group|Publishing|Magazine|Newsroom)"


# A wire story's credit line ("Reporting by Jane Roe; Editing by John Doe", "(Additional reporting
# by ...)") or a blog's ("This post was written by Jane Roe, Principal, Acme Design."): bylines,
# never actors. A whole line, short, opening with the credit's words, so that a
# sentence on someone's reporting ("Reporting by the Tribune showed ...") in a paragraph stays.
_CREDIT_LINE = re.compile(
    r"^[ \t(\[]*(?:(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|research|produced)"
    r"|this\s+(?:blog\s+)?(?:article|post|story|piece|column|essay)\s+(?:was|is|has\s+been)\s+"
    r"(?:written|authored|edited|contributed|produced|reported))"
    r"\s+by\s[^\n]{0,250}$",
    re.IGNORECASE | re.MULTILINE,
)
# A sentence goes on after a full stop, unless the next credit follows it ("... in Delhi. Editing by").
_SENTENCE_INSIDE = re.compile(
    r"[a-z]{2}\.\s+(?!(?:Additional|Reporting|Writing|Editing|Edited|Compiled)\b)[A-Z]"
)


# An agency's initials closing the story after its last sentence ("... into the US. PTI", "(AP)").
_CLOSING_CREDIT = re.compile(r"(?<=[.!?”\"])\s+\(?[A-Z]{2,5}\)?\s*$")


# A photo's credit on a line of its own: "Photo Jane Roe on https://unsplash.com/...", "Image:
# Jane Roe/Getty Images", "Photograph by Jane Roe for The Times", "Photo courtesy of Acme".
_PHOTO_CREDIT_LINE = re.compile(
    r"^[ \t(\[]*(?i:photo(?:graph)?s?|image|picture|illustration)(?:[ \t]+(?i:credit))?"
    r"(?:[ \t]+(?i:by|courtesy(?:[ \t]+of)?)[ \t]+|(?:[ \t]*:[ \t]*|[ \t]+)(?=[A-Z])"
    r"(?=[^\n]*(?:https?://|©|\w/\w|\b(?i:via|unsplash|getty|shutterstock|pexels|pixabay|alamy)\b)))"
    r"[^\n]{0,200}$",
    re.MULTILINE,
)


def blank_credit_lines(text: str) -> str:
    """`text` with the credit lines of wire stories and of photos, and an agency's initials that
    close it, blanked (offsets kept, see `blank_credits`)."""
    closing = _CLOSING_CREDIT.search(text, max(0, len(text) - 12))
    if closing is not None:
        text = text[: closing.start()] + " " * (closing.end() - closing.start())
    text = _PHOTO_CREDIT_LINE.sub(lambda m: _blank_keeping_end(m.group(0)), text)
    if "by" not in text:
        return text
    return _CREDIT_LINE.sub(
        lambda m: m.group(0) if _SENTENCE_INSIDE.search(m.group(0)) else " " * len(m.group(0)), text
    )


# A line that holds one name and nothing else ("David Roe", "Editorial", "Snopes.com").
_NAME_LINE = r"[ \t]*[A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*){0,3}[ \t]*"
# Four or more such lines in a row, blank lines between them allowed: a masthead or staff list
# ("Editorial / Jane Roe / John Doe / ... / Operations / ..."), which the page sets after an article.
_NAME_LINES = re.compile(rf"^(?:{_NAME_LINE}(?:\n[ \t]*)+){{3,}}{_NAME_LINE}$", re.MULTILINE)
_FULL_NAME_LINE = re.compile(r"^[ \t]*[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][\w'’.-]*){1,2}[ \t]*$", re.MULTILINE)
_STAFF_LIST_NAMES = 4


def blank_staff_lists(text: str) -> str:
    """`text` with its staff lists blanked (offsets kept, see `blank_credits`): runs of lines that
    each hold one name, at least four of them a person's full name. An article names the people it
    is about in sentences; a column of bare names is the publisher's masthead, not the story's."""
    runs = [
        match
        for match in _NAME_LINES.finditer(text)
        if len(_FULL_NAME_LINE.findall(match.group(0))) >= _STAFF_LIST_NAMES
    ]
    for match in reversed(runs):
        blanked = re.sub(r"[^\n]", " ", match.group(0))
        text = text[: match.start()] + blanked + text[match.end() :]
    return text


# A line that opens the publisher's words about itself after a story: a note from its founder, an
# appeal for support, a disclosure of sponsorship ("A message from Jane Roe, co-founder of ...",
# "Support our mission ...", "(* Disclosure: ...", "Support independent journalism").
_BLURB_OPENING = re.compile(
    r"^[ \t(*\[]*(?:A\s+(?:message|note)\s+from\s|Support\s+(?:our|independent|local)\s|Disclosure\s*:)",
    re.MULTILINE,
)
# Where the publisher's blurb may start: the last part of the body.
_BLURB_REACH = 0.6


def blank_publisher_blurbs(text: str, exclude: Collection[str]) -> str:
    """`text` without the publisher's words about itself (offsets kept, see `blank_credits`): from
    a line in its last part that opens a note from the publisher or an appeal for support, to the
    end; a disclosure line; and a paragraph that presents the publisher or an author ("SiliconANGLE
    Media is a ...", "Jane Roe is a reporter ...", "About The Texas Tribune"). The people and brands
    named there (founders, shows, sponsors, an author's employers) are the page's, not the story's."""
    tail = max(0, int(len(text) * _BLURB_REACH))
    spans = []
    for match in _BLURB_OPENING.finditer(text):
        line_end = _line_end(text, match.start())
        if text.startswith("Disclosure", _skip_marks(text, match.start())) or match.start() < tail:
            spans.append((match.start(), line_end))
        else:
            text = text[: match.start()] + re.sub(r"[^\n]", " ", text[match.start() :])
            break
    presenting = _publisher_presentation(exclude, text)
    for start, end in spans:
        text = text[:start] + _blank_keeping_end(text[start:end]) + text[end:]
    if presenting is not None:
        # all spaces: like the author's blanked name, it opens the bio (`page_lines`)
        for match in presenting.finditer(text):
            end = _line_end(text, match.start())
            text = text[: match.start()] + " " * (end - match.start()) + text[end:]
    return text


def _blank_keeping_end(line: str) -> str:
    """A line blanked but for its last character: a line of spaces reads as the author's blanked
    name (`page_lines`), after which the rest of the body is the author's bio."""
    return " " * (len(line) - 1) + line[-1:]


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _skip_marks(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t(*[":
        at += 1
    return at


def _publisher_presentation(exclude: Collection[str], text: str) -> re.Pattern[str] | None:
    """A line presenting the publisher: "About <publisher>", or "<publisher> (Media) is a/an/the".
    Built over the publisher's names that `text` holds at all: most pages name it nowhere, and a
    pattern compiled for every page cost a millisecond each."""
    folded = text.casefold()
    forms = {normalize_text(name) for name in exclude if len(normalize_text(name)) > 2 and "." not in name}
    present = tuple(sorted((form for form in forms if form.casefold() in folded), key=lambda f: (-len(f), f)))
    return _presentation_pattern(present) if present else None


@lru_cache(maxsize=256)
def _presentation_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(form) for form in forms)
    return re.compile(
        rf"^[ \t]*(?:About\s+(?:the\s+)?(?i:{alternation})\s*$"
        rf"|(?:The\s+)?(?i:{alternation})(?:\s+[A-Z][\w]+)?\s+is\s+(?:a|an|the)\s)",
        re.MULTILINE,
    )


# What a site's domain adds to its name ("sputniknews" for Sputnik, "cbssports" for CBS Sports).
_MEDIA_SUFFIXES: Final = ("news", "online", "daily", "tv", "media", "sports", "international")


def is_excluded(key: str, excluded: frozenset[str]) -> bool:
    """The publisher and its credits in any of their forms: as given, with words run together
    ("CBS Sports" for cbssports.com, "The Hill" for thehill.com), plus a media word ("Sputnik" for
    sputniknews), or as the last word of a longer name ("the Times" in the Los Angeles Times)."""
    if key in excluded or any(key.startswith(e + " ") for e in excluded if len(e) > 3):
        return True
    joined = key.replace(" ", "")
    for name in excluded:
        if joined in (name.replace(" ", ""), name.removeprefix("the")) or (
            len(joined) > 3 and name.startswith(joined) and name[len(joined) :] in _MEDIA_SUFFIXES
        ):
            return True
        if " " not in key and len(key) > 3 and " " in name and name.rsplit(" ", 1)[1] == key:
            return True
    return False
