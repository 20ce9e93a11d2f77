"""The NER's token embeddings, computed once per distinct token and then looked up.

The first stage of the model's token-to-vector layer (spaCy's MultiHashEmbed: hashed embeddings of
a token's NORM, PREFIX, SUFFIX and SHAPE, mixed by a maxout and a layer norm) reads nothing but
those features of the token itself, not its neighbours: "the" gets the same vector in every
article. It cost a fifth of the NER's time on news text, spent mostly on words the process had seen
many times before; `TokenEmbeddings` computes each distinct token's vector once and keeps it
(bench/enrichment.py).

A vector is computed alone, one row's product at a time (`RowByRowOps`), so its value depends on
the token only, never on which article or which other new tokens came with it: an article's
entities do not depend on what the process read before it. (A BLAS product's rounding of one row
depends on the rows around it; for the same reason the vectors may differ from the batch's in the
last bits, and the entities were checked identical on both extraction corpora.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final

import numpy
from thinc.api import Model

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MIXED_EMBEDDING", "TokenEmbeddings", "cache_token_embeddings"]

# The layers of spaCy's MultiHashEmbed (without static vectors), by thinc's names: features, then
# layers that work token by token (a row in, a row out), which is what makes a vector cacheable.
MIXED_EMBEDDING: Final = (
    "extract_features",
    "list2ragged",
    "with_array(ints-getitem>>hashembed|ints-getitem>>hashembed|ints-getitem>>hashembed|"
    "ints-getitem>>hashembed)",
    "with_array(maxout>>layernorm>>dropout)",
    "ragged2list",
)
# Distinct tokens kept (~0.5 kB each with its key: a long-lived process holds at most ~50 MB); when
# full, the table starts again empty.
MAX_TOKENS: Final = 100_000
_FIRST_CAPACITY: Final = 4_096


def cache_token_embeddings(nlp: Language) -> int:
    """Give every MultiHashEmbed stage in `nlp`'s components a `TokenEmbeddings`; how many it has."""
    found = 0
    for component_name in nlp.pipe_names:
        model = getattr(nlp.get_pipe(component_name), "model", None)
        for node in model.walk() if model is not None else ():
            if tuple(layer.name for layer in node.layers) == MIXED_EMBEDDING:
                node._func = TokenEmbeddings(node).forward  # thinc calls a model's forward `_func`
                found += 1
    return found


class TokenEmbeddings:
    """The vectors of an embedding stage's distinct tokens, keyed by the token's features."""

    def __init__(self, embed: Model[Any, Any], limit: int = MAX_TOKENS) -> None:
        self._features, *self._mixing = embed.layers
        self._trained_forward: Callable[..., Any] = embed._func
        self._limit = limit
        self._rows: dict[bytes, int] = {}
        self._table = numpy.empty((0, 0), dtype="float32")
        row_by_row = _row_by_row(embed.ops)
        for layer in self._mixing:
            for node in layer.walk():
                node.ops = row_by_row

    def __len__(self) -> int:
        return len(self._rows)

    def forward(self, model: Model[Any, Any], docs: Sequence[Any], is_train: bool) -> tuple[list[Any], Any]:
        """The stage's output for `docs` (one array of vectors per doc), from the table."""
        if is_train:  # training needs the stage's own backward pass
            return self._trained_forward(model, docs, is_train)  # type: ignore[no-any-return]
        vectors, lengths = self.lookup(docs)
        return numpy.split(vectors, numpy.cumsum(lengths)[:-1]), _inference_only

    def lookup(self, docs: Sequence[Any]) -> tuple[Any, list[int]]:
        """The vectors of every token of `docs`, the documents' one after another, from the table
        (computing those of tokens it does not hold yet); and each document's length."""
        features = self._features.predict(docs)
        keys: list[bytes] = []
        for doc_features in features:
            rows = numpy.ascontiguousarray(doc_features, dtype="uint64")
            keys += rows.view(f"V{rows.shape[1] * 8}").ravel().tolist() if rows.size else []
        distinct = dict.fromkeys(keys)
        new = [key for key in distinct if key not in self._rows]
        if len(self._rows) + len(new) > self._limit:
            self._rows.clear()
            new = list(distinct)
        if new:
            self._add(new, features[0].shape[1])
        where = numpy.fromiter(map(self._rows.__getitem__, keys), dtype=numpy.intp, count=len(keys))
        return self._table[where], [len(doc_features) for doc_features in features]

    def _add(self, keys: list[bytes], columns: int) -> None:
        ids = numpy.frombuffer(b"".join(keys), dtype="uint64").reshape(len(keys), columns)
        mixed: Any = [ids]
        for layer in self._mixing:
            mixed = layer.predict(mixed)
        vectors = mixed[0]
        start, needed = len(self._rows), len(self._rows) + len(keys)
        if self._table.shape[0] < needed or self._table.shape[1] != vectors.shape[1]:
            capacity = max(_FIRST_CAPACITY, needed, 2 * self._table.shape[0])
            grown = numpy.empty((min(capacity, max(self._limit, needed)), vectors.shape[1]), "float32")
            if start:
                grown[:start] = self._table[:start]
            self._table = grown
        self._table[start:needed] = vectors
        self._rows.update(zip(keys, range(start, needed), strict=True))


def _inference_only(_gradient: Any) -> Any:
    raise NotImplementedError("token embeddings are cached for inference only")


def _row_by_row(ops: Any) -> Any:
    """`ops` whose matrix product computes each row of the result on its own (a vector-matrix
    product), so that a row's value does not depend on the other rows of the batch."""

    class RowByRowOps(type(ops)):  # type: ignore[misc]
        name = f"{ops.name}-row-by-row"

        def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
            left = x.T if trans1 else x
            right = y.T if trans2 else y
            if out is None:
                out = numpy.empty((left.shape[0], right.shape[1]), dtype=numpy.result_type(left, right))
            for row in range(left.shape[0]):
                numpy.matmul(left[row], right, out=out[row])
            return out

    return RowByRowOps()
