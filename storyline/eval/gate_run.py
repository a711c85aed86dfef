"""Running the gated tasks: each task's row and what the gate compares (values, data checksum)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from .gate import Measured, data_digest
from .tasks import TASKS, Row, run_task

# Floors beside each task's headline metric, so a trade inside a task (precision for recall,
# one span type for another) cannot hide behind a steady headline.
EXTRA_METRICS: dict[str, tuple[str, ...]] = {
    "clustering-ecb": ("pairwise_f1",),
    "facts-ecb": ("pairwise_p", "grouped_f1", "grouped_p"),
    "facts-meantime": ("pairwise_p", "grouped_f1"),
    "paraphrase-mrpc": ("accuracy",),
    "dates-tempeval": ("strict_f1", "relaxed_f1"),
    "attribution-polnear": ("source_exact_f1", "cue_overlap_f1", "content_overlap_f1"),
    "timeline-t17": ("naive_date_f1",),
}


def gated_metrics(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    return {n: (TASKS[n].metric,) + EXTRA_METRICS.get(n, ()) for n in names}


def measure(name: str, data_dir: Path) -> tuple[Row, Measured]:
    """Run one task; its row and what the gate needs from it."""
    task = TASKS[name]
    digest, files = data_digest(data_dir, task.inputs)
    row = run_task(task, data_dir)
    values = {k: v for k, v in row.details.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    return row, Measured(name, values, digest, files, row.error)


def measure_all(names: Iterable[str], data_dir: Path,
                started: Callable[[str], None] | None = None) -> list[tuple[Row, Measured]]:
    out = []
    for name in names:
        if started:
            started(name)
        out.append(measure(name, data_dir))
    return out
