"""Parse-tree questions that more than one analysis step asks."""

from __future__ import annotations

from typing import Sequence


def relative_clause_tokens(tokens: Sequence) -> set[int]:
    """Indices of the tokens inside a relative clause hung on a word of ``tokens``.

    "Troops have arrived in the region, where they are expected to join forces that have
    held it since August": the clause describes the region, so neither its "expected" nor
    its "since August" is the arrival's status or date.
    """
    if not tokens:
        return set()
    inside = {t.i for t in tokens}
    return {d.i for t in tokens if t.dep_ == "relcl" and t.head.i in inside for d in t.subtree}


def noun_clause_tokens(tokens: Sequence) -> set[int]:
    """Indices of the tokens inside a clause that describes a noun of ``tokens``: a relative
    clause, or a participle's ("apartment blocks built for miners in the 1970s were cracked",
    "the deal signed in 2019 collapsed"). What it says is about the noun, not the claim's event."""
    if not tokens:
        return set()
    inside = {t.i for t in tokens}
    return relative_clause_tokens(tokens) | {
        d.i for t in tokens
        if t.dep_ == "acl" and t.pos_ == "VERB" and t.head.i in inside and t.head.pos_ in ("NOUN", "PROPN")
        for d in t.subtree}


def main_verb(tokens: Sequence):
    """The highest verb of ``tokens`` (its root in the parse), else its first root; None if empty.

    "the first soldiers reached Kursk on Wednesday, officials said" read as the claim
    "the first soldiers reached Kursk on Wednesday" gives "reached".
    """
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")] or roots
    return verbs[0]
