"""Adding articles in the background, so that no request waits for the analysis.

Analysis takes seconds an article and fetching a feed longer: the form and the API
hand their inputs to one worker thread and answer at once with a job, whose page or
JSON tells how it went. One worker, because story assignment is sequential (see
``Data.add``); jobs wait their turn in submission order.

Jobs live in memory: a restart forgets the unfinished ones (their articles were
not stored, so adding them again is safe) and the finished ones' reports (their
articles are stored). The latest ``keep`` finished jobs are remembered.
"""

from __future__ import annotations

import logging
import queue
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Literal, Sequence

from ..errors import NotFound, StorylineError
from .adding import ItemResult, WebInput

log = logging.getLogger(__name__)

JobStatus = Literal["queued", "running", "done", "failed"]


@dataclass
class Job:
    id: str
    inputs: int  # how many inputs were handed in (a feed may give many articles)
    submitted: datetime
    status: JobStatus = "queued"
    started: datetime | None = None
    finished: datetime | None = None
    results: list[ItemResult] = field(default_factory=list)
    error: str | None = None  # why a failed job failed
    exception: StorylineError | None = field(default=None, repr=False, compare=False)
    finished_event: threading.Event = field(default_factory=threading.Event, repr=False, compare=False)

    @property
    def pending(self) -> bool:
        return self.status in ("queued", "running")

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    def to_json(self) -> dict:
        stamp = lambda t: t.isoformat() if t else None  # noqa: E731
        return {
            "id": self.id,
            "status": self.status,
            "inputs": self.inputs,
            "submitted": stamp(self.submitted),
            "started": stamp(self.started),
            "finished": stamp(self.finished),
            "error": self.error,
            "items": [r.to_json() for r in self.results],
            "added": self.count("added"),
            "unchanged": self.count("unchanged"),
            "rejected": self.count("rejected"),
        }


class Jobs:
    """A queue of add jobs and the one thread that runs them through ``run``."""

    def __init__(self, run: Callable[[Sequence[WebInput]], list[ItemResult]], keep: int = 200):
        self._run = run
        self._keep = keep
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._queue: queue.Queue[tuple[Job, Sequence[WebInput]] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, inputs: Sequence[WebInput]) -> Job:
        job = Job(id=secrets.token_hex(8), inputs=len(inputs), submitted=_now())
        with self._lock:
            if self._closed:
                raise StorylineError("the server is shutting down: no new jobs")
            self._jobs[job.id] = job
            self._forget_old()
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="storyline-add", daemon=True)
                self._thread.start()
        self._queue.put((job, list(inputs)))
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound("job", job_id)
        return job

    def wait(self, job_id: str, timeout: float | None = None) -> Job:
        """The job once it has finished (or as it is when ``timeout`` runs out)."""
        job = self.get(job_id)
        job.finished_event.wait(timeout)
        return job

    def close(self, timeout: float = 30.0) -> None:
        """Take no more jobs; let the running one finish (up to ``timeout`` seconds)."""
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is not None:
            self._queue.put(None)
            thread.join(timeout)

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            job, inputs = item
            job.status, job.started = "running", _now()
            try:
                job.results = self._run(inputs)
                job.status = "done"
            except StorylineError as exc:  # a store or model problem: say it, keep serving
                job.status, job.error, job.exception = "failed", str(exc), exc
            except Exception as exc:  # never let one job stop the worker
                log.exception("add job %s failed", job.id)
                job.status, job.error = "failed", f"internal error: {type(exc).__name__}"
            job.finished = _now()
            job.finished_event.set()

    def _forget_old(self) -> None:
        finished = [j.id for j in self._jobs.values() if not j.pending]
        for job_id in finished[: max(0, len(finished) - self._keep)]:
            del self._jobs[job_id]


def _now() -> datetime:
    return datetime.now(timezone.utc)
