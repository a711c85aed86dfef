"""An article's own text with its claims, dates, numbers and attributions marked in place.

The marks come from the stored character offsets. The HTML is built by escaping each
piece of the text between two offsets and putting only our own tags around them, so
nothing in the article can become markup. Claims are the outer layer; dates, numbers
and sources inside them are the inner layer. Overlapping marks of one layer keep the
earlier (then longer) one; an inner mark that crosses a claim's edge is split there,
so the tags always nest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from markupsafe import Markup, escape

from ..export.labels import chain_label, date_label
from ..model import AnalysedArticle, Part, Span

OUTER, INNER = 0, 1


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # claim, date, number, source
    title: str
    layer: int = INNER
    anchor: str | None = None  # id for the first tag, so the mark can be linked to


def article_highlights(analysis: AnalysedArticle, part: Part) -> list[Highlight]:
    """Every claim, time expression, quantity and attribution source in ``part``."""
    out: list[Highlight] = []

    def here(span: Span | None) -> bool:
        return span is not None and span.part == part

    for c in analysis.claims:
        if here(c.span):
            title = f"claim ({c.status}): {chain_label(c, analysis.relayed)}"
            out.append(Highlight(c.span.start, c.span.end, "claim", title, OUTER, f"claim-{c.id}"))
        for d in c.dates:
            if here(d.span):
                out.append(Highlight(d.span.start, d.span.end, "date", f"date: {date_label(d)}"))
        for q in c.quantities:
            if here(q.span):
                what = "".join(f" {w}" for w in (q.counted, q.tally) if w)  # " people killed"
                out.append(Highlight(q.span.start, q.span.end, "number", f"number ({q.qualifier}){what}"))
        for s in c.attribution:
            if here(s.span):
                out.append(Highlight(s.span.start, s.span.end, "source", f"source ({s.kind}): {s.name}"))
    for s in analysis.relayed:
        if here(s.span):
            out.append(Highlight(s.span.start, s.span.end, "source", f"relayed source ({s.kind}): {s.name}"))
    return out


def _one_layer(marks: Iterable[Highlight], length: int) -> list[Highlight]:
    """Non-overlapping marks, clipped to the text: earlier first, then longer."""
    kept: list[Highlight] = []
    end = 0
    seen: set[tuple[int, int]] = set()
    for h in sorted(marks, key=lambda h: (h.start, -(h.end - h.start))):
        start, stop = max(0, h.start), min(length, h.end)
        if stop <= start or start < end or (start, stop) in seen:
            continue
        seen.add((start, stop))
        kept.append(h if (start, stop) == (h.start, h.end) else _moved(h, start, stop))
        end = stop
    return kept


def _moved(h: Highlight, start: int, end: int) -> Highlight:
    return Highlight(start, end, h.kind, h.title, h.layer, h.anchor)


def highlight(text: str, marks: Sequence[Highlight]) -> Markup:
    """``text`` as HTML with ``marks`` around their characters; all text escaped."""
    layers = [_one_layer((m for m in marks if m.layer == layer), len(text)) for layer in (OUTER, INNER)]
    bounds = sorted({0, len(text)} | {b for layer in layers for m in layer for b in (m.start, m.end)})
    out: list[str] = []
    stack: list[Highlight] = []
    anchored: set[str] = set()
    for a, b in zip(bounds, bounds[1:]):
        want = [m for layer in layers for m in layer if m.start <= a and b <= m.end]
        common = 0
        while common < min(len(stack), len(want)) and stack[common] is want[common]:
            common += 1
        while len(stack) > common:
            out.append(_close(stack.pop()))
        for m in want[common:]:
            out.append(_open(m, m.anchor not in anchored if m.anchor else False))
            if m.anchor:
                anchored.add(m.anchor)
            stack.append(m)
        out.append(str(escape(text[a:b])))
    while stack:
        out.append(_close(stack.pop()))
    return Markup("".join(out))


def _open(m: Highlight, with_id: bool) -> str:
    tag = "mark" if m.layer == OUTER else "span"
    anchor = f' id="{escape(m.anchor)}"' if with_id and m.anchor else ""
    return f'<{tag}{anchor} class="hl hl-{escape(m.kind)}" title="{escape(m.title)}">'


def _close(m: Highlight) -> str:
    return "</mark>" if m.layer == OUTER else "</span>"
