"""Choose the alignment constants on the tune splits only: MRPC train, STS-B train+dev.

    python -m storyline.eval.paraphrase_tune /path/to/data

Prints MRPC-train F1 for each cosine threshold (with the clash rules, as
``same_fact`` decides, and without) and the clash penalties that give the best
STS-B Spearman (train+dev, main-news) for ``cosine - penalties``. The chosen
values are copied into ``storyline/fuse/align.py`` by hand, with the reason:
the product never fits anything at run time.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np

from ..fuse import align
from .paraphrase import binary_scores, pair_inputs, read_mrpc, read_sts, spearman

RULES = ("polarity", "number", "actor")  # "date" cannot fire: benchmark sentences carry no dates


def mrpc_thresholds(folder: Path, **inputs) -> list[dict]:
    pairs = read_mrpc(folder, "train")
    claim_pairs, cosines, kinds = pair_inputs(pairs, **inputs)
    gold = np.array([y for y, _, _ in pairs], dtype=bool)
    cos = np.array(cosines)
    clash = np.array([bool(align.clashes(a, b, kinds)) for a, b in claim_pairs])
    rows = []
    for t in np.arange(0.85, 0.951, 0.005):
        rules = binary_scores(gold, (cos >= t) & ~clash)
        rows.append({"threshold": round(float(t), 3), "f1": rules["f1"], "precision": rules["precision"],
                     "recall": rules["recall"], "f1_cosine_only": binary_scores(gold, cos >= t)["f1"]})
    return rows


def sts_penalties(folder: Path, **inputs) -> dict:
    pairs = read_sts(folder, "train") + read_sts(folder, "dev")
    claim_pairs, cosines, kinds = pair_inputs(pairs, **inputs, as_facts=False)
    gold, cos = np.array([g for g, _, _ in pairs]), np.array(cosines)
    fired = {r: np.array([r in align.clashes(a, b, kinds) for a, b in claim_pairs]) for r in RULES}
    grid = np.arange(0.0, 0.081, 0.01)
    best = max(
        (spearman(gold, cos - sum(p * fired[r] for r, p in zip(RULES, ps))), ps)
        for ps in itertools.product(grid, repeat=len(RULES))
    )
    return {"penalties": {r: round(float(p), 2) for r, p in zip(RULES, best[1])}, "spearman": best[0],
            "spearman_cosine_only": spearman(gold, cos), "fired": {r: int(f.sum()) for r, f in fired.items()}}


if __name__ == "__main__":
    data = Path(sys.argv[1])
    for row in mrpc_thresholds(data / "mrpc"):
        print(row)
    print(sts_penalties(data / "stsbenchmark"))
