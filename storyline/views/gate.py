"""The quality gate's table: each floor, what was measured, and the verdict."""

from __future__ import annotations

from typing import Mapping, Sequence

from rich.table import Table

from ..eval.gate import Check

STYLE = {"ok": "green", "below": "red", "data changed": "red", "failed": "red"}


def checks_table(checks: Sequence[Check], runtimes: Mapping[str, float], tolerance: float) -> Table:
    t = Table(title=f"storyline quality gate (tolerance {tolerance})")
    for col in ("task", "metric", "floor", "value", "status", "runtime"):
        t.add_column(col)
    for c in checks:
        value = "-" if c.value is None else f"{c.value:.4f}"
        runtime = runtimes.get(c.task)
        t.add_row(c.task, c.metric, f"{c.floor:.4f}", value, f"[{STYLE[c.status]}]{c.status}[/]",
                  "-" if runtime is None else f"{runtime:.0f} s")
    return t
