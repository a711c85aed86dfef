"""Facts as CSV, one row per claim, so a spreadsheet shows every source of every fact."""

from __future__ import annotations

import csv
import io
from typing import Iterable

from ..model import StoryReport
from .labels import chain_label, quantity_label

COLUMNS = [
    "story_id", "fact_id", "fact_text", "status", "event_start", "event_end", "quantities",
    "articles", "outlets", "independent_origins", "origins",
    "article_id", "outlet", "published", "attribution", "claim", "part", "start", "end",
]


def export_csv(reports: Iterable[StoryReport]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in reports:
        articles = {a.id: a for a in r.articles}
        for f in r.facts:
            for c in f.claims:
                a = articles.get(c.article_id)
                w.writerow([
                    r.story.id, f.id, f.text, f.status,
                    f.event_date.start.isoformat() if f.event_date else "",
                    f.event_date.end.isoformat() if f.event_date else "",
                    "; ".join(quantity_label(q) for q in f.quantities),
                    f.support.articles, f.support.outlets, f.support.independent_origins,
                    "; ".join(f.origins),
                    c.article_id, a.outlet if a else "",
                    a.published.isoformat() if a and a.published else "",
                    chain_label(c, r.relayed.get(c.article_id, ())), c.text, c.span.part, c.span.start, c.span.end,
                ])
    return buf.getvalue()
