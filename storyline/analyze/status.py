"""A claim's status (asserted, reported, expected, hedged, denied) and its negation.

The rule, in order of precedence (the first that holds wins):

1. ``denied``   a source rejects the content: "X denied that ...", "rejected claims that ...".
2. ``hedged``   the content or its cue marks doubt: "could", "may", "reportedly", "unlikely",
                "suggests" ... A hedge outranks a future: "troops could arrive by Monday" is
                uncertain before it is expected.
3. ``expected`` the content speaks of the future: "expected to", "set to", "will", "plans to".
4. ``reported`` someone is named (or inherited) as the source.
5. ``asserted`` the article says it in its own voice.

Negation is kept apart from status: "have not yet entered" is a negated assertion, and a
denial is a source's act, not the polarity of the content.
"""

from __future__ import annotations

from typing import Sequence

from ..model import ClaimStatus
from .cues import DENIAL_VERBS, EXPECTED_CUES, FORECAST_VERBS, HEDGE_CUES, NEGATORS
from .syntax import main_verb, relative_clause_tokens
from .wordnet import verb_senses

_MODALS = {"could", "may", "might", "will", "shall", "would", "should", "'ll", "can"}


def _has_cue(tokens: Sequence, cues: Sequence[str]) -> bool:
    words = [t.lower_ for t in tokens]
    aside = relative_clause_tokens(tokens)  # a cue there describes its noun, not the claim
    for cue in cues:
        parts = cue.split()
        n = len(parts)
        for i in range(len(words) - n + 1):
            if words[i:i + n] == parts:
                # "May" the month and "will" the noun are not modals.
                if n == 1 and parts[0] in _MODALS and tokens[i].tag_ != "MD":
                    continue
                if tokens[i].i in aside:
                    continue
                return True
    return False


def is_hedged(tokens: Sequence, cue_lemma: str | None = None) -> bool:
    return cue_lemma in {"suggest", "speculate", "estimate", "hint", "believe", "think", "suspect"} \
        or _has_cue(tokens, HEDGE_CUES)


def is_expected(tokens: Sequence, cue_lemma: str | None = None) -> bool:
    """A forecast: said so in the content ("will", "is set to"), or by its cue ("he expected
    them to enter the fighting by Monday", "analysts predict a rise")."""
    return cue_lemma in FORECAST_VERBS or _has_cue(tokens, EXPECTED_CUES)


def claim_status(tokens: Sequence, attributed: bool, cue_lemma: str | None = None,
                 denied: bool = False) -> ClaimStatus:
    """Status of a claim whose content is ``tokens`` (see the module docstring for the rule)."""
    if denied:
        return "denied"
    if is_hedged(tokens, cue_lemma):
        return "hedged"
    if is_expected(tokens, cue_lemma):
        return "expected"
    return "reported" if attributed else "asserted"


def is_negated(tokens: Sequence) -> bool:
    """Is the main assertion of ``tokens`` negated?

    The main assertion is the highest verb of the content (its root in the parse); it is
    negated when it has a negation ("have not yet entered", "never"), or when its subject or
    object is quantified by "no" ("no troops have crossed").
    """
    root = main_verb(tokens)
    if root is None:
        return False
    # "The dam was undamaged" says "not damaged" in one word; "was not undamaged" cancels out.
    lexical = any(c.dep_ == "acomp" and negative_participle(c.lower_) for c in root.children)
    return lexical != _negated_syntactically(root)


def denies(cue) -> bool:
    """Does the cue verb ``cue`` (a token) reject what it governs? A denial verb does, unless
    it is negated itself: "the official did not dispute that figure" accepts it."""
    return cue.lemma_.lower() in DENIAL_VERBS and not _negated_syntactically(cue)


def _negated_syntactically(root) -> bool:
    for child in root.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "expl") and any(
            g.dep_ == "det" and g.lower_ == "no" for g in child.children
        ):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in NEGATORS - {"not", "n't"}:
            return True
    return False


def negative_participle(word: str) -> bool:
    """"un" + a verb's participle: "undamaged", "unharmed", "unverified", "unknown".

    Not "unclear" or "unable": the rest must read as a participle of a WordNet verb.
    """
    if not word.startswith("un") or not word.endswith(("ed", "en", "wn")):
        return False
    rest = word[2:]
    stems = {rest[:-1], rest[:-2], rest[:-3], rest[:-3] + "y"}  # damage-d, harm-ed, stopp-ed, verif-ied
    return any(stem in verb_senses() for stem in stems if len(stem) > 2)
