"""Human-readable labels shared by the Markdown, CSV, terminal and web views."""

from __future__ import annotations

from typing import Sequence

from ..fuse.origins import inherited_sources
from ..model import Claim, EventDate, Fact, Quantity, Source

RELAY_MARK = "the article's relay"  # what marks links a claim inherits from its article's relay chain


def date_label(d: EventDate | None) -> str:
    if d is None:
        return "undated"
    span = d.start.isoformat() if d.start == d.end else f"{d.start.isoformat()}..{d.end.isoformat()}"
    return span if d.relation == "on" else f"{d.relation} {span}"


def chain_label(claim: Claim, relayed: Sequence[Source] = ()) -> str:
    """'senior Ukrainian official, via The New York Times' (nearest first).

    ``relayed`` is the claim's article's relay chain (``StoryReport.relayed``). The links a
    claim inherits from it (:func:`storyline.fuse.origins.inherited_sources`) follow its
    own, marked as not said in its sentence: "The New York Times (the article's relay)",
    "officials, via The New York Times (the article's relay)". Several inherited links
    take one mark that says which: "local officials, via The Daily Herald (all the
    article's relay)", "officials, via local officials, via The Daily Herald (the last 2:
    the article's relay)".
    """
    own = [s.name for s in claim.attribution]
    extra = [s.name for s in inherited_sources(claim, relayed)]
    names = own + extra
    if not names:
        return "the outlet itself"
    label = ", ".join(names[:1] + [f"via {n}" for n in names[1:]])
    if not extra:
        return label
    if len(extra) == 1:
        return f"{label} ({RELAY_MARK})"
    return f"{label} (all {RELAY_MARK})" if not own else f"{label} (the last {len(extra)}: {RELAY_MARK})"


def quantity_label(q: Quantity) -> str:
    unit = f" {q.unit}" if q.unit else ""
    what = ", ".join(w for w in (q.counted, q.tally) if w)  # "people, killed"
    counted = f" ({what})" if what else ""
    return f"{q.text} [{q.qualifier}{unit}]{counted}"


def support_label(f: Fact) -> str:
    s = f.support
    origins = ", ".join(f.origins) or "unknown"
    return (
        f"{s.articles} article{'s' * (s.articles != 1)}, {s.outlets} outlet{'s' * (s.outlets != 1)}, "
        f"{s.independent_origins} independent origin{'s' * (s.independent_origins != 1)} ({origins})"
    )
