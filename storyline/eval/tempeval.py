"""TempEval-3 Task A (time expressions) through the product's own date finder.

Each TimeML document's ``<TEXT>`` is parsed once with spaCy; the document creation time
is the publish date. The product's :func:`find_dates` gives the dates (mapped to TIMEX3
values: day "2024-10-23", week "2024-W43", month "2024-10", season "2024-SU", quarter
"2024-Q3", year "2024", decade "195X", century "19"); :func:`find_timexes` adds what is not
a date (durations "P3Y", sets, times of day, "now" = PRESENT_REF), which TimeML also tags.

Scores, as in the TempEval-3 scorer: strict span F1 (same characters), relaxed span F1
(any overlap, one-to-one), and value F1 (a relaxed match whose value is equal counts as
correct; precision over the system's expressions, recall over the gold ones).

Splits (see data/README.md): ``TBAQ-cleaned`` is for tuning, ``te3-platinum`` for reporting.
"""

from __future__ import annotations

import html
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

from ..analyze.dates import find_dates, find_timexes
from ..analyze.nlp import load_nlp
from ..model import EventDate
from .metrics import prf

SPLITS = {"tune": "TBAQ-cleaned", "report": "te3-platinum"}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Doc:
    name: str
    text: str
    dct: date | None
    gold: tuple[Gold, ...]


_TAG = re.compile(r"<[^>]*>|[^<]+", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_timeml(xml: str, name: str = "") -> Doc:
    """The ``<TEXT>`` of a TimeML document as plain text, its TIMEX3s and creation time."""
    dct = None
    m = re.search(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", xml)
    if m:
        value = dict(_ATTR.findall(m.group())).get("value", "")
        digits = re.sub(r"\D", "", value)[:8]
        if len(digits) == 8:
            dct = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    body = re.search(r"<TEXT>(.*?)</TEXT>", xml, re.S)
    content = body.group(1) if body else ""
    parts: list[str] = []
    length = 0
    gold: list[Gold] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for piece in _TAG.findall(content):
        if piece.startswith("<"):
            if piece.startswith("<TIMEX3"):
                open_timex = (length, dict(_ATTR.findall(piece)))
            elif piece.startswith("</TIMEX3") and open_timex is not None:
                start, attrs = open_timex
                text = "".join(parts)[start:length]
                gold.append(Gold(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
                open_timex = None
            continue
        chunk = html.unescape(piece)
        parts.append(chunk)
        length += len(chunk)
    return Doc(name, "".join(parts), dct, tuple(gold))


def load_folder(folder: Path) -> list[Doc]:
    files = sorted(p for p in Path(folder).rglob("*.tml") if p.is_file())
    return [parse_timeml(p.read_text(encoding="utf-8"), p.name) for p in files]


# --------------------------------------------------------------------------- EventDate -> TIMEX3

_SEASON_CODE = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
_POD = [("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("tonight", "NI"), ("night", "NI")]


def timex_value(d: EventDate) -> str:
    """The TimeML value of a resolved date, at its granularity."""
    s = d.start
    g = d.granularity
    if g == "day":
        low = d.text.lower()
        for word, code in _POD:
            if word in low:
                return f"{s.isoformat()}T{code}"
        return s.isoformat()
    if g == "week":
        y, w, _ = s.isocalendar()
        return f"{y}-W{w:02d}" + ("-WE" if "weekend" in d.text.lower() else "")
    if g == "month":
        return f"{s.year}-{s.month:02d}"
    if g == "season":
        return f"{s.year}-{_SEASON_CODE.get(s.month, 'XX')}"
    if g == "quarter":
        return f"{s.year}-Q{(s.month - 1) // 3 + 1}"
    if g == "year":
        return str(s.year)
    if g == "decade":
        return f"{s.year // 10}X"
    if g == "century":
        return f"{s.year // 100:02d}"
    return s.isoformat()


@dataclass(frozen=True)
class Guess:
    start: int
    end: int
    text: str
    value: str
    is_date: bool  # came from find_dates


def system_timexes(doc, base: date | None) -> list[Guess]:
    """The product's time expressions for one spaCy doc, with TIMEX3 values."""
    timexes = find_timexes(doc, base)
    clock_on_day = {(t.start, t.end): t.value for t in timexes if t.first is not None and t.value}
    guesses = [Guess(d.span.start, d.span.end, d.text,
                     clock_on_day.get((d.span.start, d.span.end)) or timex_value(d), True)
               for d in find_dates(doc, "text", base)]
    taken = [(g.start, g.end) for g in guesses]
    for t in timexes:
        if t.value is None or any(t.start < e and s < t.end for s, e in taken):
            continue
        guesses.append(Guess(t.start, t.end, t.text, t.value, False))
    return sorted(guesses, key=lambda g: g.start)


# --------------------------------------------------------------------------- scoring


def _norm(value: str) -> str:
    """One spelling per value: TimeML writes a decade both "199" and "199X", a week "W7" and "W07"."""
    v = value.strip().upper()
    if re.fullmatch(r"\d{3}X", v):
        v = v[:3]
    m = re.fullmatch(r"(\d{4})-W(\d)(\D.*)?", v)
    if m:
        v = f"{m.group(1)}-W0{m.group(2)}{m.group(3) or ''}"
    return v


def _match(gold: list[Gold], system: list[Guess]) -> list[tuple[Gold, Guess]]:
    """One-to-one pairs of overlapping expressions, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                pairs.append((overlap, gi, si))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_g, used_s, out = set(), set(), []
    for _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gold[gi], system[si]))
    return out


def score(docs: Iterable[Doc], systems: Iterable[list[Guess]], keep_errors: int = 0) -> dict:
    n_gold = n_sys = strict = relaxed = value_ok = 0
    d_gold = d_sys = d_ok = 0
    by_type: Counter = Counter()
    by_type_ok: Counter = Counter()
    errors: list[dict] = []
    for doc, system in zip(docs, systems):
        gold = list(doc.gold)
        n_gold += len(gold)
        n_sys += len(system)
        pairs = _match(gold, system)
        relaxed += len(pairs)
        strict += sum(1 for g, s in pairs if (g.start, g.end) == (s.start, s.end))
        good = {id(g) for g, s in pairs if _norm(g.value) == _norm(s.value)}
        value_ok += len(good)
        for g in gold:
            by_type[g.type] += 1
            by_type_ok[g.type] += id(g) in good
        # the dates alone: gold DATE/TIME with a calendar value vs find_dates' output
        dated_gold = [g for g in gold if g.type in ("DATE", "TIME") and g.value[:1].isdigit()]
        dated_sys = [s for s in system if s.is_date]
        d_gold += len(dated_gold)
        d_sys += len(dated_sys)
        d_ok += sum(1 for g, s in _match(dated_gold, dated_sys) if _norm(g.value) == _norm(s.value))
        if keep_errors and len(errors) < keep_errors:
            matched_s = {id(s) for _, s in pairs}
            for g, s in pairs:
                if _norm(g.value) != _norm(s.value) or (g.start, g.end) != (s.start, s.end):
                    errors.append({"doc": doc.name, "gold": f"{g.text} [{g.value}]", "system": f"{s.text} [{s.value}]"})
            matched_g = {id(g) for g, _ in pairs}
            errors.extend({"doc": doc.name, "gold": f"{g.text} [{g.value}]", "system": None}
                          for g in gold if id(g) not in matched_g)
            errors.extend({"doc": doc.name, "gold": None, "system": f"{s.text} [{s.value}]"}
                          for s in system if id(s) not in matched_s)
    sp, sr, sf = prf(strict, n_sys, n_gold)
    rp, rr, rf = prf(relaxed, n_sys, n_gold)
    vp, vr, vf = prf(value_ok, n_sys, n_gold)
    dp, dr, df = prf(d_ok, d_sys, d_gold)
    out = {
        "value_f1": round(vf, 4), "value_precision": round(vp, 4), "value_recall": round(vr, 4),
        "strict_f1": round(sf, 4), "strict_precision": round(sp, 4), "strict_recall": round(sr, 4),
        "relaxed_f1": round(rf, 4), "relaxed_precision": round(rp, 4), "relaxed_recall": round(rr, 4),
        "date_value_f1": round(df, 4), "date_value_precision": round(dp, 4), "date_value_recall": round(dr, 4),
        "gold": n_gold, "system": n_sys,
        "value_recall_by_type": {t: round(by_type_ok[t] / n, 4) for t, n in sorted(by_type.items())},
    }
    if keep_errors:
        out["errors"] = errors
    return out


def evaluate(folder: Path, keep_errors: int = 0) -> dict:
    """Score the product's time expressions on every ``*.tml`` file under ``folder``."""
    docs = load_folder(Path(folder))
    if not docs:
        raise ValueError(f"{folder}: no .tml files")
    nlp = load_nlp()
    systems = [system_timexes(sdoc, d.dct) for d, sdoc in zip(docs, nlp.pipe(d.text for d in docs))]
    result = score(docs, systems, keep_errors)
    result["documents"] = len(docs)
    return result


def evaluate_split(folder: Path, split: str = "report", keep_errors: int = 0) -> dict:
    """``folder`` is the tempeval3 data folder; ``split`` is 'tune' or 'report'."""
    sub = Path(folder) / SPLITS[split]
    if not sub.is_dir():
        raise ValueError(f"{sub}: missing")
    return evaluate(sub, keep_errors)


if __name__ == "__main__":  # python -m storyline.eval.tempeval DATA_DIR [tune|report] [errors]
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/tempeval3")
    res = evaluate_split(root, sys.argv[2] if len(sys.argv) > 2 else "tune",
                         int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    for e in res.pop("errors", []):
        print(e["doc"][:24].ljust(24), "|", e["gold"], "|", e["system"])
    print({k: v for k, v in res.items()})
