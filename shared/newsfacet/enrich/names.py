"""Turning raw entity spans into clean display names and comparable keys.

Pure string functions: no spaCy, no tables beyond the small word lists below. `fold` gives the key
two spellings of one name share ("São Paulo" / "Sao Paulo", "U.S." / "US", "Assad’s" / "Assad's");
`clean_name` strips what is not part of a name (titles, possessives, a leading "the", stray
punctuation) and returns None for what is not a name at all (dates, numbers, URLs, lone letters).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsfacet.enrich.french_titles import FRENCH_TITLES

# Titles and honorifics dropped from the front of a name, longest first so that "Prime Minister"
# wins over "Minister". Titles that identify rather than decorate ("King", "Pope", "Sheikh") stay.
HONORIFICS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(title.split())
            for title in (
                "president",
                "vice president",
                "president-elect",
                "prime minister",
                "deputy prime minister",
                "foreign minister",
                "defence minister",
                "defense minister",
                "interior minister",
                "finance minister",
                "health minister",
                "minister",
                "chancellor",
                "secretary",
                "secretary of state",
                "secretary-general",
                "secretary general",
                "un secretary-general",
                "mr",
                "mrs",
                "ms",
                "miss",
                "mx",
                "dr",
                "prof",
                "professor",
                "sir",
                "dame",
                "senator",
                "sen",
                "rep",
                "representative",
                "congressman",
                "congresswoman",
                "governor",
                "gov",
                "mayor",
                "general",
                "gen",
                "lt",
                "lieutenant",
                "col",
                "colonel",
                "major",
                "maj",
                "captain",
                "capt",
                "sgt",
                "sergeant",
                "admiral",
                "adm",
                "commander",
                "judge",
                "justice",
                "chief justice",
                "ambassador",
                "envoy",
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "rev",
                "reverend",
                "former",
                "late",
                "then",
                "ex",
                "opposition leader",
                "leader",
                "ceo",
                "chairman",
                "chairwoman",
                "chair",
                "coach",
                "striker",
                "midfielder",
                "defender",
                "goalkeeper",
                # Role nouns that open a sentence before a name ("Socialite Paris Hilton said").
                "socialite",
                "psychologist",
                "singer",
                "actor",
                "actress",
                "rapper",
                "businessman",
                "businesswoman",
                "billionaire",
                "activist",
                "journalist",
                "lawyer",
                "author",
                "star",
                "veteran",
                "manager",
                "chief",
                "rebel leader",
                "warlord",
                "dissident",
                "tycoon",
                "economist",
                "analyst",
                *FRENCH_TITLES,
            )
        ),
        key=len,
        reverse=True,
    )
)

# Titles by their first word (hyphens dropped, as in the tokens they are compared with), longest first.
_HONORIFICS_BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _title in HONORIFICS:
    _HONORIFICS_BY_FIRST_WORD.setdefault(_title[0].replace("-", ""), []).append(
        tuple(part.replace("-", "") for part in _title)
    )

# Headline furniture that the NER model sometimes tags as an organisation.
NOISE_WORDS = frozenset(
    {
        "breaking",
        "update",
        "updated",
        "watch",
        "video",
        "photo",
        "photos",
        "live",
        "exclusive",
        "read more",
        "advertisement",
        "opinion",
        "analysis",
        "getty images",
        "afp photo",
        "reuters photo",
        "ap photo",
        "file photo",
        "email",
    }
)

MONTHS_AND_DAYS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "today", "yesterday", "tomorrow",
    }
)  # fmt: skip

# Name particles that do not identify a person on their own ("al-Assad" is matched by "Assad").
NAME_PARTICLES = frozenset(
    {"al", "el", "ul", "bin", "ibn", "bint", "abu", "de", "da", "di", "del", "della", "der", "den", "van"}
    | {"von", "la", "le", "du", "dos", "das", "y", "jr", "sr", "ii", "iii"}
)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-"})
_SPACES = re.compile(r"\s+")
_URLISH = re.compile(r"(https?:|www\.|@|\.(com|org|net|co\.uk|fr)\b)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)
_EDGE_JUNK = re.compile(r"^[^\w(]+|[^\w.)]+$")
# The possessive of the word before, cut into the span by the model ("the city’s Hoa Lo prison").
_LEADING_POSSESSIVE = re.compile(r"^'s\s+")
# A match score or market code the model glued to a name: "Chelsea 2-0", "London Metal Exchange
# CMAL3", a ticker written without a space ("Hang Seng Index(HSI").
_TRAILING_SCORE_OR_CODE = re.compile(r"\s+(?:\d+\s*[-–:]\s*\d+|[A-Z]{2,}\d[A-Z\d]*)$|(?<=\w)\([A-Z\d]+\)?$")
# An article written in lower case before a name is not part of it: "la Seine", "l'Élysée", "der
# Donau" (but "La Paz", "Los Angeles" keep theirs).
_LOWERCASE_ARTICLE = re.compile(
    r"^(?:(?:la|le|les|der|die|das|den|dem|des|el|los|las|il|lo)\s+|[ld]')(?=[A-ZÀ-Þ])"
)
# The kind and the lead of a list the model took in with its first name: "Apps like Chime",
# "Rivals such as Lyft".
_LIST_LEAD = re.compile(r"^.*?\s(?:like|such as|including)\s+(?=[A-ZÀ-Þ])")
_KEY_DROP = re.compile(r"[.'\"]")
_KEY_SPACE = re.compile(r"[^\w]+")


_LIST_SEPARATOR = re.compile(r",\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


def list_item_spans(origin: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) in `origin` of each item of the list `origin[start:end]` ("Orange, Kern and
    Riverside", "Chime, Dave, and Earnin")."""
    spans = []
    for item in _LIST_SEPARATOR.split(origin[start:end]):
        start = origin.find(item, start)
        spans.append((start, start + len(item)))
        start += len(item)
    return spans


def normalize_text(text: str) -> str:
    """One kind of apostrophe, dash and space: the display form every other step starts from."""
    return _SPACES.sub(" ", text.translate(_APOSTROPHES)).strip()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The comparison key of a name: accents, case, dots, apostrophes and a leading "the" removed.

    "The U.S." -> "us"; "São Paulo" -> "sao paulo"; "al-Assad" -> "al assad".
    """
    text = normalize_text(text)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = _KEY_SPACE.sub(" ", _KEY_DROP.sub("", text.casefold())).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


# Last words of an organisation's name that a title word may open ("Justice Department", "General
# Motors", "Governor's Office"): there the word is part of the name, not a person's title.
_BODY_NOUNS = frozenset(
    {"department", "office", "ministry", "court", "committee", "commission", "council", "agency"}
    | {"bureau", "service", "services", "motors", "electric", "dynamics", "mills", "league", "corps"}
)


def _is_a_title(tokens: list[str]) -> bool:
    lowered = tuple(t.casefold().rstrip(".").replace("-", "") for t in tokens)
    return bool(lowered) and lowered in _HONORIFICS_BY_FIRST_WORD.get(lowered[0], ())


def _is_a_role_complement(tokens: list[str]) -> bool:
    """ "de l'Intérieur" left of "ministre de l'Intérieur" once the title is dropped: what a French
    title governs is no name."""
    return bool(tokens) and (tokens[0] in {"de", "du", "des"} or tokens[0].startswith(("d'", "d’")))


def _strip_honorifics(tokens: list[str]) -> list[str]:
    changed = True
    while changed and tokens:
        changed = False
        lowered = [t.casefold().rstrip(".").replace("-", "") if t != "-" else t for t in tokens]
        if lowered[0] in {"the", "a", "an"} and len(tokens) > 1:
            tokens, changed = tokens[1:], True
            continue
        if lowered[0] in {"ex", "then"} and len(tokens) > 1:
            tokens, changed = tokens[1:], True
            continue
        for title in _HONORIFICS_BY_FIRST_WORD.get(lowered[0], ()):
            if len(tokens) > len(title) and tuple(lowered[: len(title)]) == title:
                if lowered[-1] in _BODY_NOUNS:
                    break  # "Justice Department", "General Motors": the title word names the body
                tokens, changed = tokens[len(title) :], True
                break
        if tokens and tokens[0].casefold().startswith(("ex-", "then-")) and len(tokens) > 1:
            tokens, changed = tokens[1:], True
    return tokens


@lru_cache(maxsize=65536)
def clean_name(raw: str, *, person: bool = False) -> str | None:
    """The display form of an entity span, or None when the span is not a usable name.

    Drops leading articles and titles ("President", "Mr", "Prime Minister"), possessives,
    quotes and stray punctuation. A shouted person name ("BASHAR AL-ASSAD") is title-cased so it
    merges with its ordinary spelling; short all-caps organisation acronyms ("NATO") are kept.
    """
    text = _LEADING_POSSESSIVE.sub("", normalize_text(raw))
    if not text or _URLISH.search(text):
        return None
    text = _EDGE_JUNK.sub("", text)
    text = _LIST_LEAD.sub("", _LOWERCASE_ARTICLE.sub("", text))
    text = _POSSESSIVE.sub("", text)
    text = _EDGE_JUNK.sub("", text)
    written = text.split(" ")
    tokens = _strip_honorifics(written)
    if _is_a_title(tokens) or (len(tokens) < len(written) and _is_a_role_complement(tokens)):
        return None  # "Premier ministre", "the President": a role with no name after it
    text = _POSSESSIVE.sub("", " ".join(tokens))
    text = _TRAILING_SCORE_OR_CODE.sub("", _EDGE_JUNK.sub("", text)).strip()
    if not _looks_like_a_name(text):
        return None
    if person:
        text = _after_role_tag(text)
        if _has_a_verb_inside(text):
            return None
    if person and text.isupper() and len(text) > 4:
        text = " ".join(_title_word(word) for word in text.split(" "))
    return text


_ROLE_TAG = re.compile(r"^[A-Z]{2,3}$")


def _after_role_tag(text: str) -> str:
    """ "Browns DL Sheldon Richardson" -> "Sheldon Richardson": a short capitals tag inside a person
    span (a position, a party, a team) and what precedes it are not the name."""
    words = text.split(" ")
    for at in range(len(words) - 3, 0, -1):
        if _ROLE_TAG.match(words[at]):
            return " ".join(words[at + 1 :])
    return text


_PERSON_NAME_JOINERS = NAME_PARTICLES | {"of", "the"}  # "Catherine of Aragon", "Alfred the Great"


def _has_a_verb_inside(text: str) -> bool:
    """ "Garrett hit Rudolph": a lower-case word that is no name particle ("al", "van", "de") inside
    a person span joins two names, it is not one."""
    inner = text.split(" ")[1:-1]
    return any(word.isalpha() and word.islower() and word not in _PERSON_NAME_JOINERS for word in inner)


def _title_word(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


_OF_OR_FOR = re.compile(r" (?:of|for) ")
# A brand written in camel case from a lower-case letter: a capital inside the word, no hyphen.
_CAMEL_CASE = re.compile(r"[a-z]{1,4}[A-Z][A-Za-z]+$")


def _looks_like_a_name(text: str) -> bool:
    letters = sum(ch.isalpha() for ch in text)
    if letters < 2 or len(text) > 80:
        return False
    # Names are capitalised ("health ministry" is a phrase), except after a particle ("al-Sadr").
    first = text.split(" ", 1)[0]
    if not (
        text[0].isupper()
        or text[0].isdigit()
        or first.split("-", 1)[0].casefold() in NAME_PARTICLES
        or _CAMEL_CASE.match(first)  # "iFixit", "eBay", "easyJet"
    ):
        return False
    key = fold(text)
    if not key or key in NOISE_WORDS:
        return False
    words = key.split()
    # A long span is rarely one name, unless a body's name says what it is of or for ("U.S.
    # Attorney's Office for the Western District of New York").
    if len(words) > 7 and (len(text.split()) > 10 or not _OF_OR_FOR.search(text)):
        return False
    if all(word in MONTHS_AND_DAYS or word.isdigit() for word in words):
        return False
    # A span that is mostly digits ("2024", "G7 2023", "No 10") is a number, not a name.
    return sum(ch.isdigit() for ch in text) <= letters // 2


def person_tokens(name: str) -> frozenset[str]:
    """The identifying words of a person name, for matching "Assad" to "Bashar al-Assad"."""
    parts = fold(name).replace("-", " ").split()
    return frozenset(part for part in parts if part not in NAME_PARTICLES and len(part) > 1)


def acronym(name: str) -> str:
    """Initials of the capitalised words: "North Atlantic Treaty Organization" -> "NATO"."""
    return "".join(word[0] for word in normalize_text(name).replace("-", " ").split() if word[:1].isupper())


# Arabic articles written before a place name ("al-Qusayr", "ad-Dawr", "el-Arish").
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})
# Spellings that transliterations of one name alternate between, each to one form.
_TRANSLITERATION = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ay", "ai"), ("ey", "ei"), ("kh", "k"),
                    ("q", "k"), ("dh", "d"), ("gh", "g"), ("sh", "s"), ("y", "i"), ("j", "i"))  # fmt: skip
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def loose_key(name: str) -> str:
    """The key transliterations of one name share: "Qusair", "Qusayr", "al-Qusayr", "Al Quşayr"
    -> "kusair". A leading Arabic article goes, vowel and consonant spellings that vary between
    romanisations are unified, doubled letters and spaces collapse. Used only when the exact key
    finds nothing."""
    words = fold(name).replace("-", " ").split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    key = "".join(words)
    for written, unified in _TRANSLITERATION:
        key = key.replace(written, unified)
    return _DOUBLED.sub(r"\1", key)
