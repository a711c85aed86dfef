"""Story clustering on ECB+ and the Gun Violence Corpus, through the product's own code.

Documents go one at a time through :func:`storyline.analyze.terms.article_terms`
and :class:`storyline.stories.cluster.StoryClusterer`, as the tracker feeds them:
ECB+ in file order without dates (it has none), GVC in publish order. Gold
clusters: ECB+ one per topic and half (``ecb`` vs ``ecbplus`` files are two
different events of one kind); GVC one per incident.

Tune on ECB+ topics 1-35 and GVC ``dev``; report ECB+ 36-45 and GVC ``test``.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

from ..model import AnalysedArticle, Article, EntityMention, Span
from ..settings import DEFAULT, Settings
from .metrics import f1

ECB_TUNE = range(1, 36)
ECB_REPORT = range(36, 46)


# --------------------------------------------------------------------------- metrics


def bcubed(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over items labelled in the same order."""
    by_pred, by_gold, both = _groups(pred), _groups(gold), _groups(list(zip(pred, gold)))
    n = len(pred)
    p = sum(both[(a, b)] / by_pred[a] for a, b in zip(pred, gold)) / n
    r = sum(both[(a, b)] / by_gold[b] for a, b in zip(pred, gold)) / n
    return p, r, f1(p, r)


def pairwise(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pairs of items placed together."""
    same_pred = sum(k * (k - 1) / 2 for k in _groups(pred).values())
    same_gold = sum(k * (k - 1) / 2 for k in _groups(gold).values())
    same_both = sum(k * (k - 1) / 2 for k in _groups(list(zip(pred, gold))).values())
    p = same_both / same_pred if same_pred else 1.0
    r = same_both / same_gold if same_gold else 1.0
    return p, r, f1(p, r)


def _groups(labels) -> dict:
    out: dict = defaultdict(int)
    for label in labels:
        out[label] += 1
    return out


# --------------------------------------------------------------------------- running


def cluster(analysed: Iterable[AnalysedArticle], settings: Settings = DEFAULT, weights=None) -> list[str]:
    """Story id for each article, assigned online in the order given."""
    from ..stories.cluster import StoryClusterer
    from ..stories.score import Weights

    clusterer = StoryClusterer(settings, weights or Weights())
    return [clusterer.assign(a) for a in analysed]


def result(pred: Sequence[str], gold: Sequence[str]) -> dict:
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    return {"bcubed_p": bp, "bcubed_r": br, "bcubed_f1": bf, "pairwise_p": pp, "pairwise_r": pr,
            "pairwise_f1": pf, "documents": len(gold), "gold_clusters": len(set(gold)),
            "predicted_clusters": len(set(pred))}


def evaluate_ecb(folder: Path, topics: Iterable[int] = ECB_REPORT, settings: Settings = DEFAULT,
                 weights=None) -> dict:
    articles, gold = ecb_articles(Path(folder), topics)
    return result(cluster(analyse(articles), settings, weights), gold)


def evaluate_gvc(folder: Path, split: str = "test", settings: Settings = DEFAULT, weights=None) -> dict:
    articles, gold = gvc_articles(Path(folder), split)
    return result(cluster(analyse(articles), settings, weights), gold)


def analyse(articles: Sequence[Article], nlp=None) -> list[AnalysedArticle]:
    """Only what clustering reads: terms and entity mentions, from the product's own steps."""
    from ..analyze.nlp import load_nlp
    from ..analyze.terms import article_terms

    nlp = nlp or load_nlp()
    link = _entity_linker()
    texts = [(a, part, a.part(part)) for a in articles for part in ("title", "text") if a.part(part).strip()]
    docs = dict(zip(((a.id, part) for a, part, _ in texts), nlp.pipe(t for _, _, t in texts)))
    out = []
    for a in articles:
        parts = [(p, docs[(a.id, p)]) for p in ("title", "text") if (a.id, p) in docs]
        mentions = link(parts)
        out.append(AnalysedArticle(a, (), tuple(mentions), (), (), terms=article_terms(parts, mentions)))
    return out


def _entity_linker():
    """The product's entity linker when it exists; until then spaCy entities keyed by their text."""
    try:
        from ..analyze.entities import link_entities
    except ImportError:
        return _plain_mentions
    return lambda parts: link_entities(parts)[0]


def _plain_mentions(parts) -> list[EntityMention]:
    return [
        EntityMention(e.text, e.label_, e.text.lower(), Span(part, e.start_char, e.end_char))
        for part, doc in parts for e in doc.ents
        if e.label_ in {"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"}
    ]


# --------------------------------------------------------------------------- data


def ecb_articles(folder: Path, topics: Iterable[int]) -> tuple[list[Article], list[str]]:
    root = folder / "ECB+_LREC2014" / "ECB+" if (folder / "ECB+_LREC2014").is_dir() else folder
    articles, gold = [], []
    for topic in topics:
        d = root / str(topic)
        if not d.is_dir():
            continue  # topics 15 and 17 are not in the release
        for path in sorted(d.glob("*.xml"), key=_file_order):
            title, text = _ecb_text(path)
            articles.append(Article(text=text, title=title, source=path.name))
            gold.append(f"{topic}{'+' if path.stem.endswith('ecbplus') else ''}")
    if not articles:
        raise ValueError(f"{root}: no ECB+ documents for topics {list(topics)}")
    return articles, gold


def _file_order(path: Path):
    m = re.match(r"(\d+)_(\d+)(ecb|ecbplus)$", path.stem)
    return (int(m.group(2)), m.group(3)) if m else (10**9, path.stem)


def _ecb_text(path: Path) -> tuple[str, str]:
    sentences: dict[int, list[str]] = defaultdict(list)
    for tok in ET.parse(path).getroot().iter("token"):
        sentences[int(tok.get("sentence", 0))].append(tok.text or "")
    lines = [_detok(sentences[k]) for k in sorted(sentences)]
    lines = [s for s in lines if s and not s.startswith("http")]  # ecbplus files open with their URL
    return (lines[0], "\n".join(lines[1:])) if len(lines) > 1 else ("", "\n".join(lines))


def _detok(tokens: list[str]) -> str:
    s = " ".join(tokens)
    s = re.sub(r" ([.,;:!?%)\]}]|'s|n't|'re|'ll|'ve|'d|'m)", r"\1", s)
    return re.sub(r"([(\[{$]) ", r"\1", s).replace("`` ", '"').replace(" ''", '"').strip()


def gvc_articles(folder: Path, split: str) -> tuple[list[Article], list[str]]:
    path = folder / "gvc_devtest.jsonl" if folder.is_dir() else folder
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["split"] == split:
                rows.append(row)
    if not rows:
        raise ValueError(f"{path}: no documents in split {split!r}")
    articles = []
    for row in rows:
        s = row["sentences"]
        published = _gvc_date(s[0])
        articles.append(Article(text="\n".join(_detok(x.split(" ")) for x in s[2:]),
                                title=_detok(s[1].split(" ")) if len(s) > 1 else "",
                                published=published, source=row["doc_id"]))
    order = sorted(range(len(rows)), key=lambda i: (articles[i].published is None,
                                                    articles[i].published or datetime.min.replace(tzinfo=timezone.utc),
                                                    rows[i]["doc_id"]))
    return [articles[i] for i in order], [rows[i]["incident_id"] for i in order]


def _gvc_date(text: str) -> datetime | None:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:
        return None
