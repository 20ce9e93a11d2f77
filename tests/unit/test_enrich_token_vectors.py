"""The NER's token vectors computed in one pass: thinc's values, bit for bit."""

from __future__ import annotations

HEADLINE = "Chancellor Olaf Brenner met Airbus chief Guillaume Faury in Toulouse on Monday."
FOLLOW_UP = "The European Commission said the talks in Paris would go on, Reuters reported."


def test_the_loaded_models_token_vectors_are_thincs_own_bit_for_bit() -> None:
    from newsfacet.enrich.nlp import load_model
    from newsfacet.enrich.token_vectors import TokenVectors

    nlp = load_model()
    tok2vec = nlp.get_pipe("ner").model.get_ref("tok2vec")
    one_pass = tok2vec._func.__self__
    assert isinstance(one_pass, TokenVectors)
    docs = [nlp.make_doc(text) for text in (HEADLINE, "", FOLLOW_UP, "Paris")]
    layer_by_layer = one_pass._trained_forward(tok2vec, docs, False)[0]
    found = tok2vec._func(tok2vec, docs, False)[0]
    assert found.shape == layer_by_layer.shape == (sum(len(doc) for doc in docs), 64)
    assert found.tobytes() == layer_by_layer.tobytes()


def test_documents_without_tokens_are_left_to_the_layers() -> None:
    from newsfacet.enrich.nlp import load_model

    nlp = load_model()
    tok2vec = nlp.get_pipe("ner").model.get_ref("tok2vec")
    assert tok2vec._func(tok2vec, [nlp.make_doc("")], False)[0].shape[0] == 0
    assert [ent.text for ent in nlp("Angela Merkel visited Vienna.").ents] == ["Angela Merkel", "Vienna"]
