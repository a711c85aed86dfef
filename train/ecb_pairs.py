"""Write the ECB+ claim pairs the pair model trains on (``train_pair_model.py --ecb``).

The pairs are the product's own claims, labelled as ``storyline eval facts-ecb``
labels them (``storyline.eval.ecb_facts``): two claims of different documents of
one story are the same event when the gold event mentions at their heads share a
cross-document chain. Only the tune topics (1-35) are written; topics 31-35 are
marked ``heldout`` so that the product's band and threshold are chosen on pairs
the model never saw. Run in the product's virtual environment:

    HF_HUB_OFFLINE=1 python train/ecb_pairs.py --data ../shared/data --out ecb_pairs.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from storyline.eval.clustering import ECB_TUNE
from storyline.eval.ecb_facts import claim_pairs, ecb_claims, pair_cosines

HELDOUT_FROM = 31  # topics 31-35 choose thresholds; 1-30 train


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default="../shared/data")
    p.add_argument("--out", default="ecb_pairs.jsonl")
    args = p.parse_args()
    claims = ecb_claims(Path(args.data) / "ecbplus", ECB_TUNE)
    pairs = claim_pairs(claims)
    cosines = pair_cosines(claims, pairs)
    with open(args.out, "w", encoding="utf-8") as fh:
        for (a, b), cos in zip(pairs, cosines):
            ca, cb = claims[a], claims[b]
            fh.write(json.dumps({"a": ca.claim.text, "b": cb.claim.text, "same": ca.event == cb.event,
                                 "cosine": round(float(cos), 4), "story": ca.story,
                                 "heldout": int(ca.story.rstrip("+")) >= HELDOUT_FROM}) + "\n")
    print(f"{len(claims)} claims, {len(pairs)} pairs -> {args.out}")


if __name__ == "__main__":
    main()
