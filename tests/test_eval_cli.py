"""`storyline eval` as a user runs it, on the public data in ../shared/data."""

import json

from conftest import SHARED
from test_cli import run


def test_eval_dates_on_tempeval_report_split(tmp_path):
    out = tmp_path / "eval.json"
    r = run("eval", "dates-tempeval", "--data", str(SHARED / "data"), "--json", str(out))
    assert r.returncode == 0, r.stderr
    [row] = json.loads(out.read_text())
    assert row["task"] == "dates-tempeval" and row["split"] == "te3-platinum"
    # Measured 0.844 on 2026-11-23; HeidelTime's published figure is 0.776.
    assert row["value"] >= 0.80
    assert "dates-tempeval" in r.stdout


def test_eval_names_a_missing_data_folder(tmp_path):
    r = run("eval", "dates-tempeval", "--data", str(tmp_path / "nowhere"))
    assert r.returncode == 2
    assert "nowhere" in r.stderr


def test_eval_rejects_an_unknown_task(tmp_path):
    r = run("eval", "horoscopes", "--data", str(tmp_path))
    assert r.returncode == 2
    assert "unknown task" in r.stderr


def test_eval_tune_runs_the_tune_split(tmp_path):
    out = tmp_path / "eval.json"
    r = run("eval", "attribution-polnear", "--tune", "--data", str(SHARED / "data"), "--json", str(out))
    assert r.returncode == 0, r.stderr
    [row] = json.loads(out.read_text())
    assert row["split"] == "dev" and row["details"]["split"] == "dev"
    assert row["details"]["documents"] == 94


def test_eval_tune_refuses_a_task_without_a_tune_split(tmp_path):
    r = run("eval", "dates-tempeval", "--tune", "--data", str(SHARED / "data"))
    assert r.returncode != 0
    assert "no tune split" in r.stderr
