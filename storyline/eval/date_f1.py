"""Date-F1 as news-tls defines it (Ghalandari & Ifrim 2020, ``experiments/evaluate.py``).

For a reference timeline with k dates spanning ``[first, last]``, the system ranks dates
inside that span and the top k are compared with the reference's dates as sets. Over several
timelines precision and recall are averaged first and F1 is taken of the averages.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable, Sequence

from .metrics import f1, prf


def top_k_in_span(ranked: Iterable[date], reference: Sequence[date]) -> list[date]:
    """The first ``len(reference)`` distinct dates of ``ranked`` inside the reference's span."""
    if not reference:
        return []
    first, last, k = min(reference), max(reference), len(set(reference))
    out: list[date] = []
    for d in ranked:
        if first <= d <= last and d not in out:
            out.append(d)
            if len(out) == k:
                break
    return out


def date_prf(predicted: Iterable[date], reference: Iterable[date]) -> tuple[float, float, float]:
    pred, ref = set(predicted), set(reference)
    return prf(len(pred & ref), len(pred), len(ref))


def average_prf(scores: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    """news-tls's average: mean precision, mean recall, F1 of those means."""
    if not scores:
        return 0.0, 0.0, 0.0
    p = sum(s[0] for s in scores) / len(scores)
    r = sum(s[1] for s in scores) / len(scores)
    return p, r, f1(p, r)


