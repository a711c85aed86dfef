"""The background add jobs: order, failure, what a pending job's page shows."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from storyline.errors import NotFound, StoreError, StorylineError
from storyline.web import create_app
from storyline.web.adding import ItemResult, TextInput
from storyline.web.jobs import Jobs

from .conftest import copy_db


class Gate:
    """A stand-in for ``Data.add`` that records its calls and waits until released."""

    def __init__(self, fail_on: str | None = None):
        self.release = threading.Event()
        self.calls: list[str] = []
        self.fail_on = fail_on

    def __call__(self, inputs):
        self.release.wait(60)
        text = inputs[0].text
        self.calls.append(text)
        if text == self.fail_on:
            raise StoreError("the database is locked")
        if text == "crash":
            raise ValueError("a bug")
        return [ItemResult(text, "added", article_id="a" + text)]


def test_jobs_run_one_at_a_time_in_submission_order_and_report_each():
    gate = Gate()
    jobs = Jobs(gate)
    first, second = jobs.submit([TextInput("one")]), jobs.submit([TextInput("two")])
    assert second.status == "queued" and first.status in ("queued", "running")
    gate.release.set()
    assert jobs.wait(second.id, 30).status == "done"
    assert gate.calls == ["one", "two"]
    assert first.status == "done" and [r.article_id for r in first.results] == ["aone"]
    assert first.to_json()["added"] == 1 and first.finished >= first.started >= first.submitted
    jobs.close()


def test_a_failed_job_says_why_and_the_worker_goes_on():
    gate = Gate(fail_on="two")
    gate.release.set()
    jobs = Jobs(gate)
    ids = [jobs.submit([TextInput(t)]).id for t in ("one", "two", "crash", "four")]
    done = [jobs.wait(i, 30) for i in ids]
    assert [j.status for j in done] == ["done", "failed", "failed", "done"]
    assert done[1].error == "the database is locked" and isinstance(done[1].exception, StoreError)
    assert done[2].error == "internal error: ValueError" and done[2].exception is None
    jobs.close()


def test_unknown_jobs_are_not_found_and_old_ones_are_forgotten():
    gate = Gate()
    jobs = Jobs(gate, keep=2)
    submitted = [jobs.submit([TextInput(str(n))]) for n in range(4)]  # pending jobs are kept
    ids = [j.id for j in submitted]
    assert [jobs.get(i).id for i in ids] == ids
    gate.release.set()
    for job in submitted:
        assert job.finished_event.wait(30)
    jobs.submit([TextInput("last")])  # forgetting happens when a job comes in
    with pytest.raises(NotFound):
        jobs.get(ids[0])
    assert jobs.get(ids[3]).status == "done"
    jobs.close()
    with pytest.raises(StorylineError):
        jobs.submit([TextInput("after close")])


def test_a_pending_jobs_page_reloads_itself_and_the_finished_one_does_not(demo_db, tmp_path):
    app = create_app(copy_db(demo_db, tmp_path / "demo.db"))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        gate = Gate()
        app.state.data.jobs = Jobs(gate)
        r = client.post("/add", data={"kind": "text", "text": "one"}, follow_redirects=False)
        assert r.status_code == 303
        pending = client.get(r.headers["location"])
        assert pending.status_code == 200 and '<meta http-equiv="refresh" content="2">' in pending.text
        assert "reloads itself" in pending.text
        gate.release.set()
        app.state.data.jobs.wait(r.headers["location"].rsplit("/", 1)[1], 30)
        done = client.get(r.headers["location"])
        assert 'http-equiv="refresh"' not in done.text and "1 added" in done.text
        app.state.data.jobs.close()
