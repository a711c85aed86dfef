"""Fact fusion on MEANTIME: are two claims from different dated articles of one story one event?

``eval.ecb_facts`` judges the product's own claims on ECB+, whose documents carry no
publish date: relative dates ("on Tuesday") never resolve there, so the date rules of
fusion (``fuse.when``, ``fuse.align.date_clash``) cannot fire. MEANTIME (Minard et al.
2016; English Wikinews, intra- and cross-document annotation) has 120 articles in four
corpora (airbus, apple, gm, stock), each dated: sentence 1 is the date line, which a TIMEX3
with ``functionInDocument="CREATION_TIME"`` annotates (``publish_date``).

Each document goes through the product's analysis as an article published on that day
(12:00 UTC), the title line kept as the first line of text, the date line dropped. A
claim's **main events** are the cross-document event instances of the gold
``EVENT_MENTION`` markables at the syntactic head of the claim's text (the rule of
``ecb_facts.head_claims``); a claim whose head is no event mention is not scored. A mention
``REFERS_TO`` an ``EVENT`` markable; only one with an ``instance_id`` is shared across
documents. Mentions of an event with no instance (an in-document chain) or with no
``REFERS_TO`` at all count as singletons. Two claims of different documents of one corpus
(one story) are gold-equal when their main events share an instance. The product's
decision is ``fuse.align.same_fact`` on the claims' embedding cosine, as the fuser makes
it; ``grouped_*`` scores the facts ``fuse.facts.group_claims`` builds over each corpus's
claims in publish order, as the fuser sees an article stream.

Beside the scores, ``clashes`` counts, for every pair at or above the lowest cosine bar
(``fuse.align.lowest_bar``), each clash rule that fires, split by gold same / different:
a rule firing mostly on gold-same pairs vetoes true matches. ``vetoed`` counts the same
among the pairs the cosine alone would have merged (``close_enough``), where a veto changes
the decision.

MEANTIME is report-only: the one split is ``all``, and there is no tune split. Never tune
on it; it is the held-out check of rules tuned on ECB+, MRPC and STS-B.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from ..fuse.align import CLASH_PENALTY, FACT_THRESHOLD, clashes, close_enough, lowest_bar
from ..model import Article
from .ecb_facts import EcbClaim, claim_pairs, decide, grouped, head_claims, pair_cosines, scores, token_text

ANNOTATION = "intra_cross-doc_annotation"
DATE_LINE = 1  # Wikinews: sentence 0 is the title, sentence 1 the date ("February 09, 2007")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class MeantimeClaim(EcbClaim):
    """A product claim whose head is a gold event mention. ``event`` labels it (its instances
    joined, or document and head offset for a singleton); ``instances`` decides gold equality,
    as a mention may refer to two instances, and a token be part of two mentions."""

    instances: frozenset[str]


@dataclass(frozen=True)
class Document:
    """One MEANTIME file read: the article, each kept token's span in its text, and the
    cross-document instances of each event-mention token (empty for a singleton)."""

    article: Article
    story: str  # the corpus: "airbus", "apple", "gm", "stock"
    spans: dict[int, tuple[int, int]]
    events: dict[int, frozenset[str]]


# --------------------------------------------------------------------------- data


def read_document(path: Path, story: str) -> Document:
    """Text without the date line, the publish date, and each event token's instances."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not CAT XML ({exc})") from exc
    sentences = {int(t.get("sentence", 0)) for t in root.iter("token")}
    if DATE_LINE not in sentences:
        raise ValueError(f"{path}: no tokens, or no date line (sentence {DATE_LINE})")
    text, spans = token_text(root, sentences - {DATE_LINE})
    published = publish_date(root, path)
    article = Article(text=text, published=published, url=root.get("url"), language="en", source=path.stem)
    return Document(article, story, spans, event_instances(root, path))


def publish_date(root: ET.Element, path: Path) -> datetime:
    """The day the article was published, at 12:00 UTC: the date line ("February 03, 2009"),
    else the CREATION_TIME TIMEX3's value when it is an ISO date.

    The date line comes first because it is the text the TIMEX3 annotates, and the values are
    hand-typed: one file's CREATION_TIME says 2008-10-20 over the line "October 10, 2008", one
    says "03-02-2009" (day first), and two files have none."""
    line, _ = token_text(root, {DATE_LINE})
    try:
        return _noon(datetime.strptime(line.strip(), "%B %d, %Y"))
    except ValueError:
        pass
    for m in _markables(root):
        if m.tag == "TIMEX3" and m.get("functionInDocument") == "CREATION_TIME":
            value = (m.get("value") or "").strip()
            if _ISO_DATE.fullmatch(value):
                return _noon(datetime.strptime(value, "%Y-%m-%d"))
    raise ValueError(f"{path}: date line {line!r} is not a date, and no CREATION_TIME TIMEX3 has an ISO value")


def _noon(day: datetime) -> datetime:
    """A day as ``Article.published`` wants it: timezone-aware, midday so no zone shifts the day."""
    return day.replace(hour=12, tzinfo=timezone.utc)


def event_instances(root: ET.Element, path: Path) -> dict[int, frozenset[str]]:
    """token id -> the cross-document instances of the EVENT_MENTIONs that hold it: the
    ``instance_id`` of each EVENT a mention REFERS_TO. Empty for a mention that refers to no
    EVENT with an instance (an in-document chain only): a singleton across documents."""
    markables = {m.get("m_id"): m for m in _markables(root)}
    mentions = {m_id: [int(t.get("t_id")) for t in m.iter("token_anchor")]
                for m_id, m in markables.items() if m.tag == "EVENT_MENTION"}
    referred: dict[str, set[str]] = {m_id: set() for m_id in mentions}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        if rel.tag != "REFERS_TO":
            continue
        targets = [t.get("m_id") for t in rel.iter("target")]
        if len(targets) != 1 or targets[0] not in markables:
            raise ValueError(f"{path}: REFERS_TO {rel.get('r_id')} has target(s) {targets}, not one markable")
        target = markables[targets[0]]
        instance = target.get("instance_id") if target.tag == "EVENT" else None
        for src in rel.iter("source"):
            if src.get("m_id") in referred and instance:
                referred[src.get("m_id")].add(instance)
    out: dict[int, set[str]] = {}
    for m_id, tokens in mentions.items():
        for t in tokens:
            out.setdefault(t, set()).update(referred[m_id])
    return {t: frozenset(instances) for t, instances in out.items()}


def _markables(root: ET.Element) -> list[ET.Element]:
    found = root.find("Markables")
    return list(found) if found is not None else []


def read_corpus(folder: Path) -> list[Document]:
    """Every document of the four corpora, each corpus's in publish order (then by file)."""
    base = folder / ANNOTATION if (folder / ANNOTATION).is_dir() else folder
    docs = [read_document(path, corpus.name.removeprefix("corpus_"))
            for corpus in sorted(base.glob("corpus_*")) if corpus.is_dir()
            for path in sorted(corpus.glob("*.xml"))]
    if not docs:
        raise ValueError(f"{base}: no MEANTIME documents (corpus_*/*.xml)")
    docs.sort(key=lambda d: (d.story, d.article.published, d.article.source))
    return docs


def meantime_claims(docs: Sequence[Document], nlp=None) -> list[MeantimeClaim]:
    """Every claim the product makes whose head is a gold event mention, in ``docs`` order."""
    from ..analyze.nlp import load_nlp

    nlp = nlp or load_nlp()
    char_events = [{start: d.events[t] for t, (start, _) in d.spans.items() if t in d.events} for d in docs]
    out = []
    for n, claim, head, kinds in head_claims([d.article for d in docs], nlp):
        instances = char_events[n].get(head)
        if instances is not None:
            source = docs[n].article.source
            event = "|".join(sorted(instances)) or f"{source}@{head}"  # a singleton: its own label
            out.append(MeantimeClaim(claim, source, docs[n].story, event, kinds, instances))
    return out


# --------------------------------------------------------------------------- scoring


def gold_same(claims: Sequence[MeantimeClaim], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """For each pair: do the two claims' main events share a cross-document instance?"""
    return np.array([bool(claims[a].instances & claims[b].instances) for a, b in pairs], dtype=bool)


def clash_table(claims: Sequence[MeantimeClaim], pairs, cosines, gold: np.ndarray,
                threshold: float = FACT_THRESHOLD, published: Mapping[str, date] | None = None) -> dict:
    """How often each clash rule fires, by gold same / different, on the pairs at or above
    ``lowest_bar`` (``clashes``) and on those the cosine alone would merge (``vetoed``):
    whether each rule keeps true matches apart or false ones."""
    bar = lowest_bar(threshold)
    counts = {key: Counter() for key in ("pairs_at_bar", "clashes", "close_enough", "vetoed")}
    for (a, b), sim, same in zip(pairs, cosines, gold):
        if sim < bar:
            continue
        side = "gold_same" if same else "gold_diff"
        x, y = claims[a], claims[b]
        found = clashes(x.claim, y.claim, {**y.kinds, **x.kinds}, published)
        close = close_enough(x.claim, y.claim, float(sim), threshold)
        counts["pairs_at_bar"][side] += 1
        counts["close_enough"][side] += close
        for rule in found:
            counts["clashes"][(rule, side)] += 1
            counts["vetoed"][(rule, side)] += close
    sides = ("gold_same", "gold_diff")
    return {
        "lowest_bar": bar,
        "pairs_at_bar": {s: counts["pairs_at_bar"][s] for s in sides},
        "close_enough": {s: counts["close_enough"][s] for s in sides},
        "clashes": {rule: {s: counts["clashes"][(rule, s)] for s in sides} for rule in CLASH_PENALTY},
        "vetoed": {rule: {s: counts["vetoed"][(rule, s)] for s in sides} for rule in CLASH_PENALTY},
    }


def evaluate(folder: Path, split: str = "all", threshold: float = FACT_THRESHOLD, embed=None) -> dict:
    """Pairwise scores of ``same_fact``, of the facts the fuser builds (``grouped_*``), and
    the clash rules' table. ``split`` must be "all": MEANTIME is never tuned on."""
    if split != "all":
        raise ValueError(f"MEANTIME is report-only: split 'all', not {split!r}")
    if embed is None:
        from ..analyze.embeddings import Embedder

        embed = Embedder().embed
    docs = read_corpus(Path(folder))
    claims = meantime_claims(docs)
    pairs = claim_pairs(claims)
    cosines = pair_cosines(claims, pairs, embed)
    gold = gold_same(claims, pairs)
    published = {d.article.id: d.article.published_date for d in docs}
    cosine_only = scores(gold, cosines >= threshold)
    facts = scores(gold, grouped(claims, pairs, embed, threshold, published))
    return {**scores(gold, decide(claims, pairs, cosines, threshold, published)), "claims": len(claims),
            "documents": len(docs), "threshold": threshold,
            "event_dated": sum(c.claim.event_date is not None for c in claims),
            "pairwise_f1_cosine_only": cosine_only["pairwise_f1"],
            "pairwise_p_cosine_only": cosine_only["pairwise_p"],
            "grouped_f1": facts["pairwise_f1"], "grouped_p": facts["pairwise_p"], "grouped_r": facts["pairwise_r"],
            "clash_rules": clash_table(claims, pairs, cosines, gold, threshold, published)}
