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


def test_the_model_is_loaded_once_per_process() -> None:
    from newsfacet.enrich.nlp import load_model

    assert load_model() is load_model() is load_model("en")
