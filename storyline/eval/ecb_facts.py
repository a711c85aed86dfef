"""Fact fusion on ECB+: are two claims from different articles about one story one event?

MRPC and STS-B judge bare sentence pairs; this task judges the claims the product
itself makes. Each ECB+ document (Cybulska & Vossen 2014) goes through the
product's analysis as an article. A claim's **main event** is the gold event
mention (``ACTION_OCCURRENCE``) at the syntactic head of the claim's text, when
there is one; two claims of different documents in the same sub-topic (one
story: ``ecb`` or ``ecbplus`` files of a topic) are gold-equal when their main
events share a cross-document coreference chain. The product's decision is
``fuse.align.same_fact`` on the claims' embedding cosine, as the fuser makes it;
the score is pairwise precision, recall and F1 over every such pair.

Event coreference is looser than "one fact": two tolls of one quake's deaths are
one event for ECB+ and two facts (a conflict) for the product, so recall here is
a ceiling the clash rules rightly stay under; precision is the figure to watch
when a rule lets more pairs merge.

Tune on topics 1-35, report on 36-45 (the README of the data).
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Container, Iterable, Iterator, Mapping, Sequence

import numpy as np

from ..fuse.align import FACT_THRESHOLD, same_fact
from ..fuse.cosines import ClaimCosines
from ..model import Article, Claim
from .clustering import ECB_REPORT, ECB_TUNE
from .metrics import prf

NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "n't", "'re", "'ll", "'ve", "'d", "'m", "''"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}
QUOTES = {"``": '"', "''": '"'}


@dataclass(frozen=True)
class EcbClaim:
    """A product claim whose head is a gold event mention."""

    claim: Claim
    doc: str  # file stem, e.g. "1_10ecb"
    story: str  # topic and half: "1" or "1+"
    event: str  # the main event's cross-document chain (or a singleton id)
    kinds: dict


# --------------------------------------------------------------------------- data


def read_document(path: Path, annotated: set[int]) -> tuple[str, dict[int, tuple[int, int]], dict[int, str]]:
    """The document's text (one sentence a line, URL lines dropped), each token's
    character span, and the cross-document chain of each event-mention token.

    Only the ``annotated`` sentences are kept (ECB+ annotates a few sentences of
    each document; the rest carry no mentions, so a claim there cannot be scored)."""
    root = ET.parse(path).getroot()
    text, spans = token_text(root, annotated)
    return text, spans, _event_chains(root)


def token_text(root: ET.Element, keep: Container[int]) -> tuple[str, dict[int, tuple[int, int]]]:
    """The text of a CAT document's ``keep`` sentences (one a line, URL lines dropped), and each
    kept token's character span in it. CAT files (ECB+, MEANTIME) hold tokens, not text: the
    text is rebuilt with spaces where English puts them, so the product reads prose."""
    lines: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    offset = 0
    by_sentence: dict[int, list[ET.Element]] = defaultdict(list)
    for tok in root.iter("token"):
        by_sentence[int(tok.get("sentence", 0))].append(tok)
    for number in sorted(by_sentence):
        tokens = by_sentence[number]
        if number not in keep or (tokens and (tokens[0].text or "").startswith("http")):
            continue
        line, prev = "", None
        for tok in tokens:
            word = tok.text or ""
            shown = QUOTES.get(word, word)
            if line and word not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER:
                line += " "
            spans[int(tok.get("t_id"))] = (offset + len(line), offset + len(line) + len(shown))
            line += shown
            prev = word
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), spans


def _event_chains(root: ET.Element) -> dict[int, str]:
    """token id -> cross-document chain of the ACTION_OCCURRENCE mention that holds it."""
    markables = root.find("Markables")
    mention_tokens: dict[str, list[int]] = {}
    for m in markables if markables is not None else []:
        if m.tag == "ACTION_OCCURRENCE" and m.find("token_anchor") is not None:
            mention_tokens[m.get("m_id")] = [int(t.get("t_id")) for t in m.iter("token_anchor")]
    chain_of: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        if rel.tag == "CROSS_DOC_COREF":
            for src in rel.iter("source"):
                chain_of[src.get("m_id")] = rel.get("note")
    out: dict[int, str] = {}
    for m_id, tokens in mention_tokens.items():
        chain = chain_of.get(m_id, f"{root.get('doc_name')}#{m_id}")  # a singleton
        for t in tokens:
            out[t] = chain
    return out


def annotated_sentences(folder: Path) -> dict[str, set[int]]:
    """file stem ("1_10ecbplus") -> the sentence numbers ECB+ annotated."""
    out: dict[str, set[int]] = defaultdict(set)
    with open(folder / "ECBplus_coreference_sentences.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    return out


def ecb_claims(folder: Path, topics: Iterable[int], nlp=None) -> list[EcbClaim]:
    """Every claim the product makes on the annotated sentences whose head is a gold event."""
    from ..analyze.nlp import load_nlp

    base = folder / "ECB+_LREC2014" if (folder / "ECB+_LREC2014").is_dir() else folder
    annotated = annotated_sentences(base)
    nlp = nlp or load_nlp()
    docs = []
    for topic in topics:
        for path in sorted((base / "ECB+" / str(topic)).glob("*.xml")):
            text, spans, chains = read_document(path, annotated.get(path.stem, set()))
            if text.strip():
                story = f"{topic}{'+' if path.stem.endswith('ecbplus') else ''}"
                docs.append((Article(text=text, source=path.stem), story, spans, chains))
    if not docs:
        raise ValueError(f"{base}: no annotated ECB+ documents for topics {list(topics)}")
    char_chains = [{start: chains[t] for t, (start, _) in spans.items() if t in chains} for *_, spans, chains in docs]
    out = []
    for n, claim, head, kinds in head_claims([d[0] for d in docs], nlp):
        article, story = docs[n][0], docs[n][1]
        event = char_chains[n].get(head)
        if event is not None:
            out.append(EcbClaim(claim, article.source, story, event, kinds))
    return out


def head_claims(articles: Sequence[Article], nlp) -> Iterator[tuple[int, Claim, int, dict[str, str]]]:
    """The product's claims on the articles' text, each as (article index, claim, character
    offset of its syntactic head in the article text, entity key -> type of its article).

    A claim is judged by the event at its head: a gold mention there is what the claim reports,
    one elsewhere in it (a clause, a modifier) is only mentioned."""
    from ..analyze.pipeline import analyze_many

    for n, analysed in enumerate(analyze_many(articles, nlp=nlp)):
        kinds = {e.key: e.type for e in analysed.entities}
        claims = [c for c in analysed.claims if c.span.part == "text"]
        for claim, parsed in zip(claims, nlp.pipe(c.text for c in claims)):
            if len(parsed):
                yield n, claim, claim.span.start + parsed[:].root.idx, kinds


# --------------------------------------------------------------------------- scoring


def claim_pairs(claims: Sequence[EcbClaim]) -> list[tuple[int, int]]:
    """Index pairs of claims from different documents of one story."""
    return [(a, b) for members in _by_story(claims) for n, a in enumerate(members) for b in members[n + 1:]
            if claims[a].doc != claims[b].doc]


def _by_story(claims: Sequence[EcbClaim]) -> list[list[int]]:
    """Indices of ``claims``, story by story, each story's in document order."""
    by_story: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_story[c.story].append(i)
    return list(by_story.values())


def pair_cosines(claims: Sequence[EcbClaim], pairs: Sequence[tuple[int, int]], embed=None) -> np.ndarray:
    if embed is None:
        from ..analyze.embeddings import Embedder

        embed = Embedder().embed
    cosines = ClaimCosines([c.claim for c in claims], embed)
    return np.array([cosines.pair(a, b) for a, b in pairs])


def decide(claims: Sequence[EcbClaim], pairs, cosines, threshold: float = FACT_THRESHOLD,
           published: Mapping[str, date] | None = None) -> np.ndarray:
    """``same_fact`` for each pair, with the entity types of the first claim's article and the
    articles' publish days, where the data has them (ECB+ has none)."""
    return np.array([same_fact(claims[a].claim, claims[b].claim, float(s), {**claims[b].kinds, **claims[a].kinds},
                               threshold, published) for (a, b), s in zip(pairs, cosines)], dtype=bool)


def scores(gold: np.ndarray, pred: np.ndarray) -> dict:
    p, r, f = prf(int((gold & pred).sum()), int(pred.sum()), int(gold.sum()), empty=1.0)
    return {"pairwise_p": p, "pairwise_r": r, "pairwise_f1": f, "pairs": len(gold),
            "gold_same": int(gold.sum()), "predicted_same": int(pred.sum())}


def grouped(claims: Sequence[EcbClaim], pairs, embed, threshold: float = FACT_THRESHOLD,
            published: Mapping[str, date] | None = None) -> np.ndarray:
    """For each pair, did the fuser put both claims in one fact? Each story's claims are
    grouped as the fuser groups an article stream (``fuse.facts.group_claims``), in
    document order: a claim joins a fact through its nearest member, and the groups chain."""
    from ..fuse.facts import group_claims

    fact_of = np.zeros(len(claims), dtype=np.int64)
    next_fact = 0
    for members in _by_story(claims):
        kinds: dict[str, str] = {}
        for i in members:
            kinds.update(claims[i].kinds)
        for group in group_claims([claims[i].claim for i in members], embed, kinds=kinds, threshold=threshold,
                                  published=published):
            for j in group:
                fact_of[members[j]] = next_fact
            next_fact += 1
    return np.array([fact_of[a] == fact_of[b] for a, b in pairs], dtype=bool)


def evaluate(folder: Path, split: str = "report", threshold: float = FACT_THRESHOLD, embed=None) -> dict:
    """Pairwise scores of ``same_fact``, and (``grouped_*``) of the facts the fuser builds."""
    if embed is None:
        from ..analyze.embeddings import Embedder

        embed = Embedder().embed
    topics = ECB_REPORT if split == "report" else ECB_TUNE
    claims = ecb_claims(Path(folder), topics)
    pairs = claim_pairs(claims)
    cosines = pair_cosines(claims, pairs, embed)
    gold = np.array([claims[a].event == claims[b].event for a, b in pairs], dtype=bool)
    cosine_only = scores(gold, cosines >= threshold)
    facts = scores(gold, grouped(claims, pairs, embed, threshold))
    return {**scores(gold, decide(claims, pairs, cosines, threshold)), "claims": len(claims),
            "threshold": threshold, "pairwise_f1_cosine_only": cosine_only["pairwise_f1"],
            "pairwise_p_cosine_only": cosine_only["pairwise_p"],
            "grouped_f1": facts["pairwise_f1"], "grouped_p": facts["pairwise_p"], "grouped_r": facts["pairwise_r"]}
