"""Attribution on PolNeAR (Newell et al. 2018): source, cue and content spans against brat standoff.

Each document's text goes through the product's own code: spaCy, ``split_sentences`` and
``find_relations``, the attribution relations ``extract_claims`` builds its claims from. As
PolNeAR annotates only the outermost attribution of nested ones, only the outermost
relations of each sentence are scored (see :func:`predict`).

Two scores per span type:

* exact: the same span after trimming both sides of whitespace, punctuation and quote marks,
  and of a leading "that" (PolNeAR keeps it in contents, storyline's claims drop it);
* overlap: a predicted span counts as right when it shares a character with a gold span of the
  same type (precision), a gold span as found when a predicted one overlaps it (recall).

PolNeAR annotates more than news attribution (beliefs, wishes: "you like your candidate"), so
recall is bounded by what a claim extractor should find. Tune on ``train``/``dev``, report ``test``.

    python -m storyline.eval.polnear /path/to/polnear dev --limit 20
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from ..analyze.attribution import closes_quote, opens_quote, find_relations
from ..analyze.cues import REPORTING_VERBS
from ..analyze.nlp import load_nlp
from ..analyze.sentences import split_sentences
from .metrics import f1

TYPES = ("Source", "Cue", "Content")
_TRIM = " \t\n\r.,;:!?\"'“”‘’()[]-–—"


def read_gold(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Spans by type from one ``.ann`` file; a discontinuous span counts from its first to last character."""
    gold: dict[str, set[tuple[int, int]]] = {t: set() for t in TYPES}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        try:
            _, info, _ = line.split("\t", 2)
        except ValueError:
            continue
        kind, _, offsets = info.partition(" ")
        if kind not in gold:
            continue
        pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
        gold[kind].add((min(p[0] for p in pieces), max(p[1] for p in pieces)))
    return gold


def predict(nlp, text: str, doc=None) -> dict[str, set[tuple[int, int]]]:
    """Source, cue and content spans of the outermost attribution relations of each sentence.

    PolNeAR is univocal: "Clinton says, 'I think A'" is one attribution (Clinton, says, the
    quote); the nested "I think" is not annotated. So only relations whose cue stands outside
    every other relation's content are scored, each with its own source: the chain link its
    cue introduced (not a source it cites, nor the outlet it spoke to). A speaker's label
    ('"SMITH: ...' in a transcript quoted whole) heads its sentence, so the quotation it opens
    holds the turn, not the label's colon.
    """
    doc = doc if doc is not None else nlp(text)
    quoted = quoted_tokens(doc)
    pred: dict[str, set[tuple[int, int]]] = {t: set() for t in TYPES}
    for sentence in split_sentences(doc, "text"):
        relations = find_relations(doc, "text", sentence)
        for r in relations:
            if r.cue_tokens[0] in quoted and r.cue != ":" or any(
                    o is not r and o.content_tokens[0] <= r.cue_tokens[0] < o.content_tokens[1] for o in relations):
                continue
            pred["Cue"].add((r.cue_span.start, r.cue_span.end))
            pred["Content"].add((r.content.start, r.content.end))
            source = own_source(r)
            if source is not None and source.span is not None:
                pred["Source"].add((source.span.start, source.span.end))
    return pred


def quoted_tokens(doc) -> set[int]:
    """Tokens inside quotation marks. A cue there ("I think" in a quotation) belongs to an
    attribution nested in the quotation's own, which PolNeAR does not annotate; a quotation
    is closed at the end of its paragraph when no mark closes it (a quote that runs on)."""
    inside, quoted = False, set()
    for tok in doc:
        if "\n" in tok.text:
            inside = False
        elif opens_quote(tok) and not inside:
            inside = True
        elif closes_quote(tok) and inside:
            inside = False
        elif inside:
            quoted.add(tok.i)
    return quoted


def own_source(r):
    """The source a relation's cue introduces: the one its cue names standing before it ("X
    told The Times", "Frank quotes Kahn: ..." give X and Frank), else the first link it does
    not cite ('"...," said X'; "X said, citing Y" gives X)."""
    before = [s for s in r.chain if s.cue == r.cue and s.span is not None and s.span.start < r.cue_span.start]
    if before:
        return before[-1]
    return next((s for s in r.chain if s.cue not in ("citing", "quoting")), r.chain[0] if r.chain else None)


def read_pairs(path: Path) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(source, cue) spans of each attribution of one ``.ann`` file that has both."""
    spans: dict[str, tuple[int, int]] = {}
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            offsets = fields[1].partition(" ")[2]
            pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
            spans[fields[0]] = (min(p[0] for p in pieces), max(p[1] for p in pieces))
        elif line.startswith("E") and len(fields) >= 2:
            roles = dict(x.split(":", 1) for x in fields[1].split() if ":" in x)
            if "Source" in roles and "Cue" in roles:
                pairs.append((roles["Source"], roles["Cue"]))
    return [(spans[a], spans[b]) for a, b in pairs if a in spans and b in spans]


def speech_cue(doc, cue: tuple[int, int]) -> bool:
    """Is a gold cue one storyline reads as reporting ("said", "according to", a headline's
    colon, any verb of REPORTING_VERBS), rather than a stance or an act ("supports", "refused to")?"""
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None:
        return False
    low = span.text.lower().strip()
    return low in (":", "according to") or any(
        t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORTING_VERBS for t in span)


def _norm(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    m = re.match(r"that\s+", text[start:end], re.I)
    if m:
        start += m.end()
    return start, end


def _overlaps(a: tuple[int, int], spans) -> bool:
    return any(a[0] < b[1] and b[0] < a[1] for b in spans)


def documents(folder: Path, split: str) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs of one split; the .ann names carry an annotator suffix."""
    base = folder / "data" / split if (folder / "data").is_dir() else folder / split
    texts = {p.stem: p for p in (base / "text").glob("*.txt")}
    pairs = []
    for ann in sorted((base / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in texts:
            pairs.append((texts[stem], ann))
    if not pairs:
        raise ValueError(f"{base}: no PolNeAR documents for split {split!r}")
    return pairs


def evaluate(folder: Path, split: str = "dev", limit: int | None = None, nlp=None) -> dict:
    """Source, cue and content span F1 (exact and overlap) on one split (micro-averaged)."""
    nlp = nlp or load_nlp()
    pairs = documents(Path(folder), split)[: limit or None]
    counts = {(t, m): [0, 0, 0, 0] for t in TYPES for m in ("exact", "overlap")}  # tp_p, n_p, tp_r, n_g
    speech = [0, 0]  # gold sources whose cue is a reporting verb (our list), "according to" or ":": found, all
    started = time.perf_counter()
    for text_path, ann_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        gold = read_gold(ann_path)
        doc = nlp(text)
        pred = predict(nlp, text, doc)
        for source, cue in read_pairs(ann_path):
            if speech_cue(doc, cue):
                speech[1] += 1
                speech[0] += _overlaps(source, pred["Source"])
        for t in TYPES:
            g = {_norm(text, s) for s in gold[t]}
            p = {_norm(text, s) for s in pred[t]}
            c = counts[(t, "exact")]
            hit = len(g & p)
            c[0] += hit; c[1] += len(p); c[2] += hit; c[3] += len(g)
            c = counts[(t, "overlap")]
            c[0] += sum(_overlaps(s, g) for s in p); c[1] += len(p)
            c[2] += sum(_overlaps(s, p) for s in g); c[3] += len(g)
    result: dict = {"split": split, "documents": len(pairs),
                    "seconds": round(time.perf_counter() - started, 1)}
    for (t, m), (tp_p, n_p, tp_r, n_g) in counts.items():
        p = tp_p / n_p if n_p else 0.0
        r = tp_r / n_g if n_g else 0.0
        key = f"{t.lower()}_{m}"
        result[f"{key}_p"], result[f"{key}_r"], result[f"{key}_f1"] = round(p, 3), round(r, 3), round(f1(p, r), 3)
    # Recall on the gold attributions whose cue is one of our reporting verbs (PolNeAR also
    # annotates stances and acts: "X supports Y", "X refused to"), and their share of all gold
    # sources. A diagnostic of where recall is lost, not the score.
    result["source_overlap_r_reporting"] = round(speech[0] / speech[1], 3) if speech[1] else 0.0
    result["reporting_share"] = round(speech[1] / counts[("Source", "overlap")][3], 3) if counts[("Source", "overlap")][3] else 0.0
    return result


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("split", choices=("train", "dev", "test"))
    ap.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    args = ap.parse_args(argv)
    print(json.dumps(evaluate(args.folder, args.split, args.limit), indent=2))


if __name__ == "__main__":
    main()
