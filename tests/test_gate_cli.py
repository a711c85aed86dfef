"""`storyline eval gate` as CI runs it, on the small TempEval-3 report split (about 15 s a run)."""

import json

from conftest import SHARED
from test_cli import run

from storyline.eval.gate import Baseline, Floor, data_digest, dump_baseline
from storyline.eval.tasks import TASKS

DATA = SHARED / "data"


def _baseline(tmp_path, *floors):
    path = tmp_path / "quality" / "baseline.json"
    path.parent.mkdir()
    path.write_text(dump_baseline(Baseline(tuple(floors))))
    return path


def test_gate_fails_on_a_floor_above_the_value_and_on_changed_data(tmp_path):
    digest, files = data_digest(DATA, TASKS["dates-tempeval"].inputs)
    assert files == 20  # the te3-platinum documents
    path = _baseline(tmp_path,
                     Floor("dates-tempeval", "value_f1", 0.99, digest, files),
                     Floor("dates-tempeval", "relaxed_f1", 0.50, digest, files),
                     Floor("dates-tempeval", "strict_f1", 0.50, "0" * 64, 3))
    r = run("eval", "gate", "--data", str(DATA), "--baseline", str(path))
    assert r.returncode == 1, r.stderr
    assert "below: dates-tempeval value_f1" in r.stderr and "below its floor 0.990" in r.stderr
    assert "data changed" in r.stderr and "20 files" in r.stderr
    assert "relaxed_f1" in r.stdout and "ok" in r.stdout


def test_floors_go_down_only_with_a_reason_and_a_changelog_line(tmp_path):
    digest, files = data_digest(DATA, TASKS["dates-tempeval"].inputs)
    path = _baseline(tmp_path, Floor("dates-tempeval", "value_f1", 0.99, digest, files))
    before = path.read_text()
    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n")
    no_reason = run("eval", "gate", "dates-tempeval", "--data", str(DATA), "--baseline", str(path),
                    "--update-baseline", "--allow-lower")
    assert no_reason.returncode == 2 and "--reason" in no_reason.stderr
    r = run("eval", "gate", "dates-tempeval", "--data", str(DATA), "--baseline", str(path),
            "--update-baseline", "--allow-lower", "--reason", "test of the gate")
    assert r.returncode == 1, r.stderr
    assert "- Quality floor lowered: dates-tempeval value_f1 0.9900 -> " in r.stderr
    assert r.stderr.rstrip().endswith(": test of the gate")
    assert path.read_text() == before  # nothing written
    assert json.loads(before)["floors"][0]["floor"] == 0.99
