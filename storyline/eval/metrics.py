"""Precision, recall and F1: one definition for every task."""

from __future__ import annotations


def f1(p: float, r: float) -> float:
    """The harmonic mean of precision ``p`` and recall ``r``; 0 when both are 0."""
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(hits: int, predicted: int, gold: int, empty: float = 0.0) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``hits`` right out of ``predicted``, against ``gold``.

    ``empty`` is the precision (recall) when nothing was predicted (nothing is gold): 0 for
    scorers that must not reward silence, 1 for pair counts where no pair is no error.
    """
    p = hits / predicted if predicted else empty
    r = hits / gold if gold else empty
    return p, r, f1(p, r)
