"""The scorers' arithmetic, on cases worked out by hand."""

import numpy as np
import pytest

from storyline.eval.clustering import bcubed, pairwise
from storyline.eval.metrics import f1, prf
from storyline.eval.paraphrase import binary_scores


def test_f1_is_the_harmonic_mean():
    assert f1(0.5, 1.0) == pytest.approx(2 / 3)
    assert f1(0.0, 0.0) == 0.0


def test_prf_counts_and_the_empty_case():
    assert prf(3, 4, 6) == pytest.approx((0.75, 0.5, 0.6))
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)  # silence earns nothing by default
    assert prf(0, 0, 0, empty=1.0) == (1.0, 1.0, 1.0)  # no pair predicted, none to find


def test_binary_scores():
    gold = np.array([True, True, False, False])
    pred = np.array([True, False, True, False])
    out = binary_scores(gold, pred)
    assert (out["precision"], out["recall"], out["f1"], out["accuracy"]) == pytest.approx((0.5, 0.5, 0.5, 0.5))


def test_clustering_scores_on_a_split_cluster():
    # gold {a, b, c}, {d}; predicted {a, b}, {c, d}
    pred, gold = ["x", "x", "y", "y"], ["g", "g", "g", "h"]
    p, r, _ = bcubed(pred, gold)
    assert p == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    # pairs: predicted ab, cd; gold ab, ac, bc; shared ab
    assert pairwise(pred, gold) == pytest.approx((0.5, 1 / 3, 0.4))
