"""The NER's token vectors computed in one pass, each value the one thinc's layers compute.

The model's token-to-vector layer is a chain of thinc layers: the token embeddings (kept per
distinct token, `token_embeddings`), then an encoder of four residual layers (each widens every
token with its neighbours, multiplies, keeps the largest of each unit's pieces and normalises the
result), then a linear projection. Layer by layer, the chain spends about a third of its time
beside its matrix products: layer norm's variance takes the mean again, each stage allocates its
own arrays, and the documents are split apart and joined up again three times (the encoder pads
each document with zero rows, so that no window reaches into the next one).

`TokenVectors.forward` does the same arithmetic, operation for operation, on the same rows in the
same order (the same products, so the same rounding), without the repeats and the copies: the
vectors, hence the entities, are identical (tests/unit/test_enrich_token_vectors.py compares them
bit for bit; both extraction corpora's entities were checked unchanged).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import numpy
from thinc.api import Model

from newsfacet.enrich.token_embeddings import TokenEmbeddings

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["TokenVectors", "compute_token_vectors_in_one_pass"]

# The layers this pass stands for, by thinc's names (spaCy's MaxoutWindowEncoder).
RESIDUAL_LAYER: Final = "residual(expand_window>>maxout>>layernorm>>dropout)"
PROJECTION: Final = ("list2array", "linear")
# What thinc's layer norm adds to the variance before taking its root.
_LAYER_NORM_EPSILON: Final = 1e-08


def compute_token_vectors_in_one_pass(nlp: Language) -> int:
    """Give each NER component of `nlp` whose token-to-vector layer is the one described above (its
    embeddings already cached) a `TokenVectors`; how many it has."""
    found = 0
    for component_name in nlp.pipe_names:
        model = getattr(nlp.get_pipe(component_name), "model", None)
        if model is None or not model.has_ref("tok2vec"):
            continue
        tok2vec = model.get_ref("tok2vec")
        layers = TokenVectors.layers_of(tok2vec)
        if layers is not None:
            tok2vec._func = TokenVectors(tok2vec, *layers).forward  # thinc calls a forward `_func`
            found += 1
    return found


@dataclass(frozen=True)
class _ResidualLayer:
    """One of the encoder's layers: its window, maxout and layer norm parameters."""

    window: int
    weights: Any  # (units x pieces, window width): thinc's maxout weights as it multiplies them
    bias: Any
    units: int
    pieces: int
    scale: Any
    shift: Any

    @classmethod
    def of(cls, residual: Model[Any, Any]) -> _ResidualLayer:
        nodes = {node.name: node for node in residual.walk()}
        maxout, norm = nodes["maxout"], nodes["layernorm"]
        units, pieces, width = (maxout.get_dim(name) for name in ("nO", "nP", "nI"))
        return cls(
            window=nodes["expand_window"].attrs["window_size"],
            weights=maxout.get_param("W").reshape((units * pieces, width)),
            bias=maxout.get_param("b").reshape((units * pieces,)),
            units=units,
            pieces=pieces,
            scale=norm.get_param("G"),
            shift=norm.get_param("b"),
        )


class TokenVectors:
    """The token-to-vector layer's forward pass for inference, from the cached embeddings."""

    def __init__(
        self, tok2vec: Model[Any, Any], embeddings: TokenEmbeddings, encoder: Model[Any, Any]
    ) -> None:
        self._trained_forward: Callable[..., Any] = tok2vec._func
        self._embeddings = embeddings
        self._padding: int = encoder.attrs["pad"]
        self._layers = [_ResidualLayer.of(node) for node in encoder.walk() if node.name == RESIDUAL_LAYER]
        projection = tok2vec.layers[-1]
        self._projection_weights: Any = projection.get_param("W")
        self._projection_bias: Any = projection.get_param("b")

    @staticmethod
    def layers_of(tok2vec: Model[Any, Any]) -> tuple[TokenEmbeddings, Model[Any, Any]] | None:
        """The cached embeddings and the encoder of `tok2vec`, if it is the chain this pass stands
        for (embeddings >> encoder >> list2array >> linear); None otherwise."""
        if len(tok2vec.layers) != 3 or tuple(layer.name for layer in tok2vec.layers[1:]) != PROJECTION:
            return None
        if len(tok2vec.layers[0].layers) != 2:
            return None
        embed, encoder = tok2vec.layers[0].layers
        embeddings = getattr(embed._func, "__self__", None)
        residuals = encoder.layers[0].layers if encoder.layers else []
        shaped = encoder.name.startswith("with_array(") and "pad" in encoder.attrs
        if not isinstance(embeddings, TokenEmbeddings) or not shaped or not residuals:
            return None
        if any(node.name != RESIDUAL_LAYER for node in residuals):
            return None
        return embeddings, encoder

    def forward(self, model: Model[Any, Any], docs: Sequence[Any], is_train: bool) -> tuple[Any, Any]:
        """The vectors of every token of `docs`, the documents' one after another."""
        if is_train:  # training needs the layers' own backward passes
            return self._trained_forward(model, docs, is_train)  # type: ignore[no-any-return]
        vectors, lengths = self._embeddings.lookup(docs)
        if not len(vectors):
            return self._trained_forward(model, docs, is_train)  # type: ignore[no-any-return]
        ops: Any = model.ops
        rows, encoded = self._padded(vectors, lengths)
        for layer in self._layers:
            encoded = _residual(ops, layer, encoded)
        projected = ops.gemm(encoded[rows], self._projection_weights, trans2=True)
        projected += self._projection_bias
        return projected, _inference_only

    def _padded(self, vectors: Any, lengths: list[int]) -> tuple[Any, Any]:
        """The rows the tokens take among the documents' padding, and the padded array.

        As thinc's `with_array(pad=...)` lays them out: `pad` zero rows before each document that
        has tokens and after the last."""
        nonempty = numpy.flatnonzero(lengths)
        document = numpy.repeat(numpy.arange(len(nonempty)), numpy.asarray(lengths)[nonempty])
        rows = numpy.arange(len(vectors)) + self._padding * (document + 1)
        padded = numpy.zeros(
            (len(vectors) + self._padding * (len(nonempty) + 1), vectors.shape[1]), "float32"
        )
        padded[rows] = vectors
        return rows, padded


def _residual(ops: Any, layer: _ResidualLayer, inputs: Any) -> Any:
    """inputs + layernorm(maxout(window(inputs))), in thinc's operations and their order."""
    windows = ops.seq2col(inputs, layer.window)
    pieces = ops.gemm(windows, layer.weights, trans2=True)
    pieces += layer.bias
    best, _ = ops.maxout(pieces.reshape(pieces.shape[0], layer.units, layer.pieces))
    mean = best.mean(axis=1, keepdims=True)
    variance = best.var(axis=1, keepdims=True, mean=mean)  # the same mean, taken once
    variance += _LAYER_NORM_EPSILON
    normalised = numpy.subtract(best, mean, out=best)
    normalised *= variance ** (-1.0 / 2.0)
    normalised *= layer.scale
    normalised += layer.shift
    normalised += inputs  # the residual: inputs + layer's output, the same sum either way round
    return normalised


def _inference_only(_gradient: Any) -> Any:
    raise NotImplementedError("token vectors are computed in one pass for inference only")
