"""IPTC topics of an article by weighted term evidence (vocabulary in `topic_vocabulary`).

One pass over the word stems of the title and body looks up every 1-3 word phrase in the compiled
lexicon of the article's language (English terms, plus French or German ones for articles in those
languages: `topic_languages`). A topic's raw evidence is the sum of its matched term weights, title
matches counting `TITLE_WEIGHT` times (weighing the body's first 60 words twice as well changed no
hit on the annotated sets and put the annotated primary topic first on two pages fewer: measured
2026-12-02). A subject's evidence also counts for its top-level parent.

The score maps evidence per length of text to 0..1 (`1 - exp(-evidence / scale)`, the scale growing
with the body so long articles need proportionally more evidence). A topic is kept when its score
reaches `MIN_SCORE`, it rests on at least `MIN_DISTINCT_TERMS` different terms (one repeated word is
not a topic), one of them distinctive (weight >= `DISTINCTIVE`: "team", "win" and "goal" alone are
no sport) and, for top-level topics, it has at least `RELATIVE_CUT` of the best topic's evidence.
When no topic reaches `MIN_SCORE`, the best-evidenced one that meets the other tests is still given:
a weakly evidenced topic is more use to a reader than none. Text with no such evidence gets none.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

from newsfacet.enrich.topic_languages import LANGUAGE_TERMS
from newsfacet.enrich.topic_subjects import SUBJECTS
from newsfacet.enrich.topic_vocabulary import TOP_LEVEL, TopicEntry
from newsfacet.model import Topic

TITLE_WEIGHT: Final = 3.0
MIN_SCORE: Final = 0.5
MIN_DISTINCT_TERMS: Final = 2
DISTINCTIVE: Final = 1.0
RELATIVE_CUT: Final = 0.3
MAX_TOP_LEVEL: Final = 3
MAX_SUBJECTS: Final = 5
MAX_PHRASE: Final = 3
# Body text past this is not read: the topic of a news article is settled long before.
MAX_BODY_CHARS: Final = 20_000

_WORD = re.compile(r"[a-z0-9]+")
# The accents NFKD splits off Latin letters ("é" -> "e" + U+0301): dropped in one pass, not per
# character (only [a-z0-9] words are read, so marks of other scripts do not matter).
_COMBINING_MARK = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# French elided articles and pronouns ("l'économie", "d'Allemagne", "qu'il").
_ELISION = re.compile(r"\b(?:l|d|qu|j|n|s|c|m|t)['’](?=\w)")


@lru_cache(maxsize=32768)
def stem(word: str) -> str:
    """A crude, consistent English stem: "floods", "flooded", "flooding" -> "flood";
    "rates", "rated" -> "rat". Only needs to map a term and its inflections to one key."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def stems(text: str) -> list[str]:
    """Word stems of a text, accents folded first ("élections" -> "election", "Überschwemmung" ->
    "uberschwemmung") so French and German terms match whatever the spelling."""
    lowered = _ELISION.sub("", text.lower()).replace("'", "")
    if not lowered.isascii():
        # "ß" has no decomposition: "Fußball" would read as "fu" and "ball".
        lowered = _COMBINING_MARK.sub("", unicodedata.normalize("NFKD", lowered.replace("ß", "ss")))
    return [stem(w) for w in _WORD.findall(lowered)]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    entries: tuple[TopicEntry, ...]
    # phrase stems -> [(topic index, weight)]
    phrases: dict[tuple[str, ...], list[tuple[int, float]]]
    parents: dict[int, int]
    # The stems phrases start with, each with the length of its longest phrase: most words of a
    # text start none and are passed at once, most others start only one-word terms.
    first_stems: dict[str, int]


@cache
def _lexicon(language: str) -> _Lexicon:
    entries = TOP_LEVEL + SUBJECTS
    index = {entry.code: i for i, entry in enumerate(entries)}
    own_terms = LANGUAGE_TERMS.get(language, {})
    # Terms of one topic that share a stem ("arrest", "arrested") count once, at the higher weight.
    weights: defaultdict[tuple[str, ...], dict[int, float]] = defaultdict(dict)
    for i, entry in enumerate(entries):
        for term, weight in {**own_terms.get(entry.code[7:], {}), **entry.terms}.items():
            key = tuple(stems(term))
            if key and len(key) <= MAX_PHRASE:
                weights[key][i] = max(weight, weights[key].get(i, 0.0))
    phrases = {key: list(by_topic.items()) for key, by_topic in weights.items()}
    parents = {i: index[e.parent] for i, e in enumerate(entries) if e.parent is not None}
    first_stems: dict[str, int] = {}
    for key in phrases:
        first_stems[key[0]] = max(len(key), first_stems.get(key[0], 0))
    return _Lexicon(entries, phrases, parents, first_stems)


@dataclass(slots=True)
class _Evidence:
    raw: dict[int, float]
    terms: dict[int, set[str]]
    # The weight of each topic's strongest matched term.
    strongest: dict[int, float]


def _gather(words: list[str], weight: float, lexicon: _Lexicon, found: _Evidence) -> None:
    phrases, first_stems = lexicon.phrases, lexicon.first_stems
    raw, terms, strongest = found.raw, found.terms, found.strongest
    for start, word in enumerate(words):
        longest = first_stems.get(word)
        if longest is None:
            continue
        for size in range(1, longest + 1):
            key = tuple(words[start : start + size])
            if len(key) < size:
                break
            hits = phrases.get(key)
            if not hits:
                continue
            for topic, term_weight in hits:
                raw[topic] = raw.get(topic, 0.0) + term_weight * weight
                terms.setdefault(topic, set()).add(" ".join(key))
                strongest[topic] = max(strongest.get(topic, 0.0), term_weight)


def _evidence(title: str, text: str, lexicon: _Lexicon) -> tuple[_Evidence, int]:
    """Each topic's evidence (its subjects' counted for it too) and the body's length in words."""
    found = _Evidence({}, {}, {})
    body = stems(text[:MAX_BODY_CHARS])
    _gather(stems(title), TITLE_WEIGHT, lexicon, found)
    _gather(body, 1.0, lexicon, found)
    for child, parent in lexicon.parents.items():
        if child in found.raw:
            found.raw[parent] = found.raw.get(parent, 0.0) + found.raw[child]
            found.terms.setdefault(parent, set()).update(found.terms[child])
            found.strongest[parent] = max(found.strongest.get(parent, 0.0), found.strongest[child])
    return found, len(body)


def classify(title: str, text: str, language: str = "en") -> list[Topic]:
    """The IPTC topics of an article in `language` (ISO 639-1): top-level topics first, then
    subjects, each by score."""
    # Languages without terms of their own share the English lexicon (one copy, built once).
    lexicon = _lexicon(language if language in LANGUAGE_TERMS else "en")
    found, length = _evidence(title, text, lexicon)
    raw = found.raw
    scale = 2.0 + length / 200
    scores = {t: 1.0 - math.exp(-value / scale) for t, value in raw.items()}

    def evidenced(topic: int) -> bool:
        return len(found.terms[topic]) >= MIN_DISTINCT_TERMS and found.strongest[topic] >= DISTINCTIVE

    candidates = sorted((t for t in raw if t not in lexicon.parents and evidenced(t)), key=lambda t: -raw[t])
    if not candidates:
        return []
    best = raw[candidates[0]]
    top_level = [t for t in candidates if scores[t] >= MIN_SCORE and raw[t] >= RELATIVE_CUT * best][
        :MAX_TOP_LEVEL
    ] or candidates[:1]
    chosen = set(top_level)
    subjects = sorted(
        (t for t in raw if lexicon.parents.get(t) in chosen and evidenced(t) and scores[t] >= MIN_SCORE),
        key=lambda t: -raw[t],
    )[:MAX_SUBJECTS]

    def topic(i: int) -> Topic:
        entry = lexicon.entries[i]
        return Topic(code=entry.code, label=entry.label, score=round(scores[i], 4), parent=entry.parent)

    return [topic(t) for t in top_level] + [topic(t) for t in subjects]
