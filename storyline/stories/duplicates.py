"""Near-duplicate and syndicated copies: MinHash over word 5-shingles, found with LSH.

A copy is reported against the *earliest* article it duplicates (its original),
never against another copy, so a wire story reprinted ten times gives ten
pointers to one original. The sketch parameters travel with the index: two
indexes built with different permutations cannot be mixed.
"""

from __future__ import annotations

import json
import re
import struct

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..errors import StorylineError

NUM_PERM = 128
SHINGLE = 5
SEED = 1
SCHEME = "affine32"  # datasketch's permutation scheme; sketches of different schemes never compare
_MAGIC = b"SLDUP1\n"
_WORD = re.compile(r"\w+", re.UNICODE)


class SketchMismatch(StorylineError):
    """Two duplicate indexes (or a stored one) were built with different MinHash parameters."""


def shingles(text: str, size: int = SHINGLE) -> list[bytes]:
    """Lowercased word n-grams; a text shorter than n words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)]


class DuplicateIndex:
    def __init__(self, threshold: float = 0.80, num_perm: int = NUM_PERM, seed: int = SEED,
                 shingle: int = SHINGLE, scheme: str = SCHEME):
        self.params = {"num_perm": num_perm, "seed": seed, "shingle": shingle, "scheme": scheme,
                       "threshold": threshold}
        # Bands tuned to miss almost no true copy (weights favour recall): every
        # candidate is checked against the threshold anyway, so a false one costs little.
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=(0.05, 0.95))
        self._sketches: dict[str, MinHash] = {}  # insertion order = arrival order
        self._order: dict[str, int] = {}
        self._original: dict[str, str] = {}  # copy -> its earliest copy
        self._next = 0
        # One template MinHash: permutations are generated once, copied per sketch.
        self._template = MinHash(num_perm=num_perm, seed=seed, scheme=scheme)

    def __len__(self) -> int:
        return len(self._sketches)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._sketches

    def sketch(self, text: str) -> MinHash:
        t = self._template
        m = MinHash(num_perm=t.num_perm, seed=t.seed, permutations=t.permutations, scheme=t.scheme)
        m.update_batch(shingles(text, self.params["shingle"]))
        return m

    def add(self, article_id: str, text: str) -> str | None:
        """Index one article; return the id of the earliest article it copies, or None."""
        if article_id in self._sketches:
            return self._original.get(article_id)
        m = self.sketch(text)
        original = self._match(m)
        self._insert(article_id, m)
        if original is not None:
            self._original[article_id] = original
        return original

    def remove(self, article_id: str) -> None:
        """Forget an article (its story left the time window), to bound memory."""
        if self._sketches.pop(article_id, None) is not None:
            self._lsh.remove(article_id)
            self._order.pop(article_id, None)
            self._original.pop(article_id, None)

    def _match(self, m: MinHash) -> str | None:
        if m.is_empty():
            return None
        threshold = self.params["threshold"]
        # LSH gives candidates; keep those whose estimate really clears the threshold.
        found = [k for k in self._lsh.query(m) if self._sketches[k].jaccard(m) >= threshold]
        if not found:
            return None
        first = min(found, key=self._order.__getitem__)
        return self._original.get(first, first)

    def _insert(self, article_id: str, m: MinHash) -> None:
        self._sketches[article_id] = m
        self._order[article_id] = self._next
        self._next += 1
        if not m.is_empty():
            self._lsh.insert(article_id, m)

    # ------------------------------------------------------------------ state

    def to_bytes(self) -> bytes:
        """Parameters, ids in arrival order, originals, and hash values: no pickle."""
        ids = list(self._sketches)
        header = json.dumps({"params": self.params, "ids": ids, "original": self._original,
                             "next": self._next}).encode("utf-8")
        values = np.stack([self._sketches[i].hashvalues for i in ids]) if ids else np.zeros((0, 0))
        return _MAGIC + struct.pack("<Q", len(header)) + header + values.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, expect: dict | None = None) -> "DuplicateIndex":
        """Load a stored index; ``expect`` (e.g. ``DuplicateIndex(...).params``) must match it."""
        if not data.startswith(_MAGIC):
            raise SketchMismatch("not a storyline duplicate index")
        offset = len(_MAGIC)
        (n,) = struct.unpack_from("<Q", data, offset)
        offset += 8
        head = json.loads(data[offset : offset + n])
        params = head["params"]
        if expect is not None and _sketch_params(expect) != _sketch_params(params):
            raise SketchMismatch(
                f"stored duplicate index uses {_sketch_params(params)}, expected {_sketch_params(expect)}: "
                "rebuild it from the article texts"
            )
        index = cls(**params)
        values = np.frombuffer(data[offset + n :], dtype="<u8").reshape(len(head["ids"]), -1)
        for article_id, row in zip(head["ids"], values):
            m = MinHash(seed=params["seed"], hashvalues=row, permutations=index._template.permutations,
                        scheme=params["scheme"])
            index._insert(article_id, m)
        index._original = dict(head["original"])
        index._next = head["next"]
        return index


def _sketch_params(p: dict) -> tuple:
    return (p["num_perm"], p["seed"], p["shingle"], p.get("scheme"))
