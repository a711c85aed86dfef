"""Human-readable labels shared by the Markdown, CSV and terminal views."""

from __future__ import annotations

from ..model import Claim, EventDate, Fact, Quantity


def date_label(d: EventDate | None) -> str:
    if d is None:
        return "undated"
    span = d.start.isoformat() if d.start == d.end else f"{d.start.isoformat()}..{d.end.isoformat()}"
    return span if d.relation == "on" else f"{d.relation} {span}"


def chain_label(claim: Claim) -> str:
    """'senior Ukrainian official, via The New York Times' (nearest first)."""
    if not claim.attribution:
        return "the outlet itself"
    first, *rest = claim.attribution
    return ", ".join([first.name] + [f"via {s.name}" for s in rest])


def quantity_label(q: Quantity) -> str:
    unit = f" {q.unit}" if q.unit else ""
    counted = f" ({q.counted})" if q.counted else ""
    return f"{q.text} [{q.qualifier}{unit}]{counted}"


def support_label(f: Fact) -> str:
    s = f.support
    origins = ", ".join(f.origins) or "unknown"
    return (
        f"{s.articles} article{'s' * (s.articles != 1)}, {s.outlets} outlet{'s' * (s.outlets != 1)}, "
        f"{s.independent_origins} independent origin{'s' * (s.independent_origins != 1)} ({origins})"
    )
