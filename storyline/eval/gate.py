"""The quality gate: pinned floors per task and metric, each with the checksum of its data.

A baseline file (``quality/baseline.json``) holds, for each gated task and metric, the
floor, the checksum of the data files the task read when the floor was measured, when and
at which commit. ``storyline eval gate`` runs the gated tasks and fails when

* a metric falls below its floor by more than the tolerance (float noise across machines), or
* the task's data files differ from those the floor was measured on (then the numbers
  cannot be compared at all), or
* a task failed to run.

Floors only go up. :func:`raise_floors` lifts each floor to its measured value and refuses
to lower one unless told to, with a reason, and only once the changelog says so
(:func:`changelog_line` is the line it wants).

Everything here is a pure function over these types except :func:`data_digest`,
:func:`load_baseline` and :func:`save_baseline`, the I/O edges.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from ..errors import StorylineError

TOLERANCE = 0.005  # a metric may sit this far under its floor: thread counts and BLAS builds move scores


class GateError(StorylineError):
    """The baseline cannot be read, or a floor would go down without leave."""


@dataclass(frozen=True)
class Floor:
    task: str
    metric: str
    floor: float
    data_sha256: str  # :func:`data_digest` of the files the task reads
    files: int  # how many files that digest covers
    measured: str = ""  # ISO date
    commit: str = ""


@dataclass(frozen=True)
class Baseline:
    floors: tuple[Floor, ...]
    tolerance: float = TOLERANCE

    def tasks(self) -> list[str]:
        return list(dict.fromkeys(f.task for f in self.floors))


@dataclass(frozen=True)
class Measured:
    """One task's run: its metric values (None when it failed) and its data checksum."""

    task: str
    values: Mapping[str, float | None]
    data_sha256: str
    files: int
    error: str | None = None


@dataclass(frozen=True)
class Check:
    task: str
    metric: str
    floor: float
    value: float | None
    status: str  # "ok", "below", "data changed", "failed"
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"


# --------------------------------------------------------------------------- checking


def check(baseline: Baseline, measured: Iterable[Measured]) -> list[Check]:
    """Each floor of the baseline against what was measured, in the baseline's order."""
    runs = {m.task: m for m in measured}
    out = []
    for f in baseline.floors:
        m = runs.get(f.task)
        value = None if m is None else m.values.get(f.metric)
        if m is None or m.error:
            why = "not run" if m is None else m.error
            out.append(Check(f.task, f.metric, f.floor, None, "failed", f"{f.task} failed: {why}"))
        elif m.data_sha256 != f.data_sha256:
            out.append(Check(
                f.task, f.metric, f.floor, value, "data changed",
                f"the {f.task} data differ from those its floor was measured on ({m.files} files, "
                f"sha256 {m.data_sha256[:12]}; the floor was measured on {f.files} files, sha256 "
                f"{f.data_sha256[:12]}). Check them with `sha256sum -c SHA256SUMS --quiet` in the data "
                f"folder; if the data changed on purpose, measure again and re-pin the floor.",
            ))
        elif value is None:
            out.append(Check(f.task, f.metric, f.floor, None, "failed", f"{f.task} gave no {f.metric}"))
        elif value < f.floor - baseline.tolerance:
            out.append(Check(f.task, f.metric, f.floor, value, "below",
                             f"{f.task} {f.metric} {value:.3f} is below its floor {f.floor:.3f} "
                             f"(tolerance {baseline.tolerance})"))
        else:
            out.append(Check(f.task, f.metric, f.floor, value, "ok"))
    return out


def passed(checks: Sequence[Check]) -> bool:
    return all(c.ok for c in checks)


# --------------------------------------------------------------------------- raising floors


@dataclass(frozen=True)
class Lowered:
    task: str
    metric: str
    old: float
    new: float


def raise_floors(
    baseline: Baseline,
    measured: Iterable[Measured],
    *,
    metrics: Mapping[str, Sequence[str]] | None = None,
    when: str = "",
    commit: str = "",
    allow_lower: bool = False,
) -> tuple[Baseline, list[Lowered]]:
    """The baseline with each floor set to its measured value where that is higher.

    ``metrics`` (task -> metric names) adds floors for tasks or metrics the baseline lacks.
    A measured value below its floor by no more than the tolerance leaves the floor as it
    is; further below, it lowers the floor only with ``allow_lower``; otherwise
    :class:`GateError`. A task that failed, or whose data changed without ``allow_lower``,
    keeps its floors. Returns the new baseline and the floors that went down.
    """
    runs = {m.task: m for m in measured}
    floors = list(baseline.floors)
    have = {(f.task, f.metric) for f in floors}
    for task, names in (metrics or {}).items():
        m = runs.get(task)
        for name in names:
            if (task, name) not in have and m is not None and not m.error and m.values.get(name) is not None:
                floors.append(Floor(task, name, float("-inf"), m.data_sha256, m.files))
                have.add((task, name))
    lowered: list[Lowered] = []
    refused: list[str] = []
    out = []
    for f in floors:
        m = runs.get(f.task)
        value = None if m is None or m.error else m.values.get(f.metric)
        if value is None:
            out.append(f)
            continue
        value = round(float(value), 4)
        new_data = m.data_sha256 != f.data_sha256
        fresh = f.floor == float("-inf")
        if new_data and not fresh and not allow_lower:
            refused.append(f"{f.task} {f.metric}: its data changed")
            out.append(f)
        elif value >= f.floor or fresh:
            out.append(replace(f, floor=value, data_sha256=m.data_sha256, files=m.files,
                               measured=when, commit=commit))
        elif value >= f.floor - baseline.tolerance and not new_data:
            out.append(f)  # noise the gate already forgives: the floor stays, neither up nor down
        elif allow_lower:
            lowered.append(Lowered(f.task, f.metric, f.floor, value))
            out.append(replace(f, floor=value, data_sha256=m.data_sha256, files=m.files,
                               measured=when, commit=commit))
        else:
            refused.append(f"{f.task} {f.metric}: {value:.4f} < floor {f.floor:.4f}")
            out.append(f)
    if refused:
        raise GateError("floors only go up; not lowering " + "; ".join(refused)
                        + ". Use --allow-lower --reason TEXT to lower them on purpose.")
    return Baseline(tuple(out), baseline.tolerance), lowered


def changelog_line(low: Lowered, reason: str) -> str:
    """The changelog line that must exist before a floor goes down."""
    return f"- Quality floor lowered: {low.task} {low.metric} {low.old:.4f} -> {low.new:.4f}: {reason}"


def missing_changelog_lines(lowered: Sequence[Lowered], reason: str, changelog: str) -> list[str]:
    """The lines ``changelog`` still lacks for these lowered floors (matched on task, metric, values)."""
    lines = changelog.splitlines()
    missing = []
    for low in lowered:
        key = f"{low.task} {low.metric} {low.old:.4f} -> {low.new:.4f}"
        if not any("Quality floor lowered" in line and key in line for line in lines):
            missing.append(changelog_line(low, reason))
    return missing


# --------------------------------------------------------------------------- I/O edges


def data_digest(data_dir: Path, patterns: Sequence[str]) -> tuple[str, int]:
    """sha256 over the (path, sha256) of every file the patterns match, and how many files."""
    data_dir = Path(data_dir)
    paths = sorted({p for pat in patterns for p in data_dir.glob(pat) if p.is_file()})
    h = hashlib.sha256()
    for p in paths:
        h.update(p.relative_to(data_dir).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).hexdigest().encode("ascii") + b"\n")
    return h.hexdigest(), len(paths)


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        floors = tuple(Floor(**f) for f in data["floors"])
        return Baseline(floors, float(data.get("tolerance", TOLERANCE)))
    except FileNotFoundError:
        raise GateError(f"{path}: no baseline file; make one with `storyline eval gate --update-baseline`") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise GateError(f"{path}: not a quality baseline ({exc})") from None


def dump_baseline(baseline: Baseline) -> str:
    data = {
        "about": "Quality floors for `storyline eval gate` (see docs/quality.md). Floors only go up.",
        "tolerance": baseline.tolerance,
        "floors": [asdict(f) for f in baseline.floors],
    }
    return json.dumps(data, indent=2) + "\n"


def save_baseline(path: Path, baseline: Baseline) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(dump_baseline(baseline), encoding="utf-8")
