"""Claim alignment on sentence-pair benchmarks, through the product's own code.

Each sentence becomes a Claim (``sentence_claims``), each pair is embedded with
the product's Embedder and judged by ``storyline.fuse.align``:

- MRPC (Dolan & Brockett 2005): a pair is a paraphrase when ``same_fact`` says
  so; F1 of the paraphrase class and accuracy.
- STS-B (Cer et al. 2017): ``align.similarity``, the match score minus a
  penalty per clash, ranked against the gold 0-5 scores; Spearman.

Tune on MRPC train and STS-B train/dev (``paraphrase_tune``); report on test.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Sequence

import numpy as np

from ..fuse.align import FACT_THRESHOLD, same_fact, similarity
from ..fuse.cosines import ClaimCosines
from ..model import Claim
from .metrics import prf
from .sentence_claims import sentence_claim

MRPC_FILES = {"train": "msr_paraphrase_train.txt", "test": "msr_paraphrase_test.txt"}
STS_FILES = {"train": "sts-train.csv", "dev": "sts-dev.csv", "test": "sts-test.csv"}


def read_mrpc(folder: Path, split: str) -> list[tuple[int, str, str]]:
    path = Path(folder) / MRPC_FILES[split]
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(int(r[0]), r[3], r[4]) for r in rows[1:] if len(r) >= 5]


def read_sts(folder: Path, split: str, genre: str | None = "main-news") -> list[tuple[float, str, str]]:
    """(gold score, sentence 1, sentence 2); extra tab fields after the pair are sources, ignored."""
    out = []
    with open(Path(folder) / STS_FILES[split], encoding="utf-8") as fh:
        for line in fh:
            r = line.rstrip("\n").split("\t")
            if len(r) >= 7 and (genre is None or r[0] == genre):
                out.append((float(r[4]), r[5], r[6]))
    return out


def pair_inputs(pairs: Sequence[tuple[object, str, str]], embed=None, nlp=None, as_facts: bool = True):
    """Claims for each sentence, the cosine of each pair, and the entity types.

    ``as_facts``: the cosine fact matching decides on, two negated claims compared by what
    they negate (``fuse.cosines``); otherwise the cosine of the texts as written, which is
    what a graded similarity ranks (STS-B annotators score a shared negation as likeness).
    """
    from ..analyze.nlp import load_nlp

    if embed is None:
        from ..analyze.embeddings import Embedder

        embed = Embedder(batch_size=64).embed
    nlp = nlp or load_nlp()
    texts = list(dict.fromkeys(t for _, a, b in pairs for t in (a, b)))
    claims: dict[str, Claim] = {}
    kinds: dict[str, str] = {}
    for n, (text, doc) in enumerate(zip(texts, nlp.pipe(texts, batch_size=256))):
        claims[text], own = sentence_claim(doc, f"s{n}")
        for key, kind in own.items():
            kinds.setdefault(key, kind)
    row = {text: n for n, text in enumerate(texts)}
    cosines = ClaimCosines([claims[t] for t in texts], embed)
    vectors = cosines.vectors
    pair = cosines.pair if as_facts else (lambda a, b: float(vectors[a] @ vectors[b]))
    return [(claims[a], claims[b]) for _, a, b in pairs], [pair(row[a], row[b]) for _, a, b in pairs], kinds


def evaluate_mrpc(folder: Path, split: str = "test", threshold: float = FACT_THRESHOLD, **inputs) -> dict:
    pairs = read_mrpc(folder, split)
    claim_pairs, cosines, kinds = pair_inputs(pairs, **inputs)
    gold = np.array([label for label, _, _ in pairs], dtype=bool)
    pred = np.array([same_fact(a, b, s, kinds, threshold) for (a, b), s in zip(claim_pairs, cosines)])
    cosine_only = binary_scores(gold, np.array(cosines) >= threshold)
    return {**binary_scores(gold, pred), "pairs": len(pairs), "threshold": threshold,
            "f1_cosine_only": cosine_only["f1"], "accuracy_cosine_only": cosine_only["accuracy"]}


def evaluate_sts(folder: Path, split: str = "test", genre: str | None = "main-news", **inputs) -> dict:
    pairs = read_sts(folder, split, genre)
    claim_pairs, cosines, kinds = pair_inputs(pairs, **inputs, as_facts=False)
    gold = np.array([score for score, _, _ in pairs])
    scores = np.array([similarity(a, b, s, kinds) for (a, b), s in zip(claim_pairs, cosines)])
    return {
        "spearman": spearman(gold, scores),
        "spearman_cosine_only": spearman(gold, np.array(cosines)),
        "pearson": float(np.corrcoef(gold, scores)[0, 1]),
        "pairs": len(pairs),
        "genre": genre or "all",
    }


def binary_scores(gold: np.ndarray, pred: np.ndarray) -> dict:
    precision, recall, f = prf(int(np.sum(gold & pred)), int(pred.sum()), int(gold.sum()))
    return {"f1": f, "accuracy": float(np.mean(gold == pred)), "precision": precision, "recall": recall}


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(_ranks(x), _ranks(y))[0, 1])


def _ranks(x: np.ndarray) -> np.ndarray:
    """Ranks with ties sharing their average rank, as Spearman's rho expects."""
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x))
    sorted_x = np.asarray(x)[order]
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and sorted_x[j + 1] == sorted_x[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0
        i = j + 1
    return ranks
