"""The benchmark tasks `storyline eval` knows: what data, which split, what metric, what target.

Each task calls one evaluation module, which runs the product's own code on
the data. Modules are imported only when their task runs, so one missing
optional piece does not stop the others.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..errors import StorylineError


class DataError(StorylineError):
    """The evaluation data folder is missing or not what the task expects."""


@dataclass(frozen=True)
class Task:
    name: str
    data: str  # sub-folder of the data directory
    split: str
    metric: str  # the headline metric, a key of the evaluator's result
    best_published: str
    target: float | None
    run: Callable[[Path], dict[str, Any]]
    # Glob patterns, relative to the data directory, of the files the task reads: the gate
    # pins each floor to their checksum.
    inputs: tuple[str, ...] = ()
    # the split to tune on, and how to run it (`storyline eval --tune`); None when not offered
    tune_split: str | None = None
    tune: Callable[[Path], dict[str, Any]] | None = None


@dataclass
class Row:
    task: str
    data: str
    split: str
    metric: str
    value: float | None
    best_published: str
    target: float | None
    runtime_s: float
    details: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def _call(module: str, function: str, *args, **kwargs) -> Callable[[Path], dict[str, Any]]:
    def run(folder: Path) -> dict[str, Any]:
        mod = importlib.import_module(f"storyline.eval.{module}")
        return getattr(mod, function)(folder, *args, **kwargs)

    return run


TASKS: dict[str, Task] = {
    t.name: t
    for t in [
        Task("clustering-ecb", "ecbplus", "topics 36-45", "bcubed_f1",
             "0.968 (Barhom et al. 2019); naive TF-IDF 0.873", 0.97,
             _call("clustering", "evaluate_ecb", topics=range(36, 46)),
             ("ecbplus/ECB+_LREC2014/ECB+/3[6-9]/*.xml", "ecbplus/ECB+_LREC2014/ECB+/4[0-5]/*.xml")),
        Task("clustering-gvc", "gvc_devtest", "test", "bcubed_f1",
             "none; naive TF-IDF 0.980", 0.98, _call("clustering", "evaluate_gvc", split="test"),
             ("gvc_devtest/gvc_devtest.jsonl",)),
        Task("facts-ecb", "ecbplus", "topics 36-45", "pairwise_f1",
             "none at claim level; same-event pairs of the product's own claims", None,
             _call("ecb_facts", "evaluate", split="report"),
             ("ecbplus/ECB+_LREC2014/ECB+/3[6-9]/*.xml", "ecbplus/ECB+_LREC2014/ECB+/4[0-5]/*.xml",
              "ecbplus/ECB+_LREC2014/ECBplus_coreference_sentences.csv"),
             tune_split="topics 1-35", tune=_call("ecb_facts", "evaluate", split="tune")),
        Task("facts-meantime", "meantime_en", "all", "pairwise_f1",
             "none at claim level; same-instance pairs of the product's own claims", None,
             _call("meantime_facts", "evaluate", split="all"),
             ("meantime_en/intra_cross-doc_annotation/**/*.xml",)),
        Task("paraphrase-mrpc", "mrpc", "test", "f1",
             "93.0 F1 (GPU ensemble); MiniLM-L6 88.9", 0.89, _call("paraphrase", "evaluate_mrpc", split="test"),
             ("mrpc/msr_paraphrase_test.txt",)),
        Task("similarity-sts", "stsbenchmark", "test main-news", "spearman",
             "bge-small 85.86, MiniLM 82.03", 0.87, _call("paraphrase", "evaluate_sts", split="test"),
             ("stsbenchmark/sts-test.csv",)),
        Task("dates-tempeval", "tempeval3", "te3-platinum", "value_f1",
             "HeidelTime 77.61", 0.85, _call("tempeval", "evaluate_split", split="report"),
             ("tempeval3/te3-platinum/**/*.tml",)),
        Task("attribution-polnear", "polnear", "test", "source_overlap_f1",
             "none on PolNeAR; Citron on PARC 3.0 0.853 overlap", 0.85,
             _call("polnear", "evaluate", split="test"),
             ("polnear/data/test/**/*",),
             tune_split="dev", tune=_call("polnear", "evaluate", split="dev")),
        Task("timeline-t17", "timeline17", "Egypt, Libya, Syria", "date_f1",
             "news-tls DATEWISE 0.544 (all 9 topics); publish-date counts 0.287", 0.60,
             _call("timeline17", "evaluate", split="report"),
             ("timeline17/EgyptianProtest_*/**/*", "timeline17/LibyaWar_*/**/*",
              "timeline17/SyrianCrisis_*/**/*")),
    ]
}


def run_task(task: Task, data_dir: Path, tune: bool = False) -> Row:
    """Run ``task`` on its report split, or on its tune split when ``tune`` (a figure to tune
    against, never one to report)."""
    folder = data_dir / task.data
    if not folder.is_dir():
        raise DataError(f"{folder}: missing; {task.name} needs the {task.data} data set")
    if tune and task.tune is None:
        raise DataError(f"{task.name}: no tune split offered")
    run, split = (task.tune, task.tune_split) if tune else (task.run, task.split)
    started = time.perf_counter()
    try:
        result = run(folder)
        value, error = result.get(task.metric), None
    except (OSError, ValueError, KeyError) as exc:  # malformed data: say which and go on
        result, value, error = {}, None, f"{type(exc).__name__}: {exc}"
    return Row(task.name, task.data, split, task.metric, value, task.best_published,
               task.target, time.perf_counter() - started, result, error)
