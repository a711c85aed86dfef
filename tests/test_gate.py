"""The quality gate's logic on small hand-made baselines: no benchmark is run here."""

import pytest

from storyline.eval.gate import (
    Baseline,
    Floor,
    GateError,
    Lowered,
    Measured,
    changelog_line,
    check,
    data_digest,
    dump_baseline,
    load_baseline,
    missing_changelog_lines,
    passed,
    raise_floors,
)


def base(*floors, tolerance=0.005):
    return Baseline(tuple(floors), tolerance)


F1 = Floor("clustering-ecb", "bcubed_f1", 0.800, "aaa", 3)
ACC = Floor("paraphrase-mrpc", "accuracy", 0.700, "bbb", 1)


def test_values_at_or_above_their_floors_pass():
    checks = check(base(F1, ACC), [
        Measured("clustering-ecb", {"bcubed_f1": 0.800}, "aaa", 3),
        Measured("paraphrase-mrpc", {"accuracy": 0.750}, "bbb", 1),
    ])
    assert [c.status for c in checks] == ["ok", "ok"]
    assert passed(checks)


def test_a_value_within_the_tolerance_passes_and_one_beyond_it_fails():
    inside = check(base(F1), [Measured("clustering-ecb", {"bcubed_f1": 0.7951}, "aaa", 3)])
    outside = check(base(F1), [Measured("clustering-ecb", {"bcubed_f1": 0.7949}, "aaa", 3)])
    assert inside[0].status == "ok"
    assert outside[0].status == "below"
    assert "0.795 is below its floor 0.800" in outside[0].message
    assert not passed(outside)


def test_the_tolerance_comes_from_the_baseline():
    strict = check(base(F1, tolerance=0.0), [Measured("clustering-ecb", {"bcubed_f1": 0.7999}, "aaa", 3)])
    assert strict[0].status == "below"


def test_changed_data_fail_even_with_a_good_score():
    [c] = check(base(F1), [Measured("clustering-ecb", {"bcubed_f1": 0.99}, "zzz", 4)])
    assert c.status == "data changed"
    assert "4 files" in c.message and "3 files" in c.message and "sha256sum -c" in c.message


def test_a_failed_or_missing_task_fails_the_gate():
    checks = check(base(F1, ACC), [Measured("clustering-ecb", {}, "aaa", 3, error="OSError: gone")])
    assert [c.status for c in checks] == ["failed", "failed"]
    assert "OSError: gone" in checks[0].message
    assert "not run" in checks[1].message


def test_a_missing_metric_fails_its_floor():
    [c] = check(base(F1), [Measured("clustering-ecb", {"pairwise_f1": 0.9}, "aaa", 3)])
    assert c.status == "failed"


def test_floors_go_up_to_the_measured_values():
    new, lowered = raise_floors(base(F1, ACC), [
        Measured("clustering-ecb", {"bcubed_f1": 0.83456}, "aaa", 3),
        Measured("paraphrase-mrpc", {"accuracy": 0.700}, "bbb", 1),
    ], when="2026-11-23", commit="abc1234")
    assert [f.floor for f in new.floors] == [0.8346, 0.700]
    assert new.floors[0].measured == "2026-11-23" and new.floors[0].commit == "abc1234"
    assert lowered == []


def test_a_floor_is_never_lowered_without_leave():
    with pytest.raises(GateError, match="floors only go up.*0.7800 < floor 0.8000"):
        raise_floors(base(F1), [Measured("clustering-ecb", {"bcubed_f1": 0.78}, "aaa", 3)])


def test_noise_within_the_tolerance_neither_lowers_nor_blocks_an_update():
    new, lowered = raise_floors(base(F1), [Measured("clustering-ecb", {"bcubed_f1": 0.7985}, "aaa", 3)])
    assert new.floors == (F1,) and lowered == []


def test_a_floor_goes_down_with_leave_and_says_which():
    new, lowered = raise_floors(base(F1), [Measured("clustering-ecb", {"bcubed_f1": 0.78}, "aaa", 3)],
                                allow_lower=True)
    assert new.floors[0].floor == 0.78
    assert lowered == [Lowered("clustering-ecb", "bcubed_f1", 0.8, 0.78)]


def test_changed_data_are_not_re_pinned_without_leave():
    with pytest.raises(GateError, match="data changed"):
        raise_floors(base(F1), [Measured("clustering-ecb", {"bcubed_f1": 0.9}, "new", 5)])


def test_a_failed_task_keeps_its_floor():
    new, _ = raise_floors(base(F1), [Measured("clustering-ecb", {}, "aaa", 3, error="boom")])
    assert new.floors == (F1,)


def test_new_metrics_get_floors_when_asked_for():
    new, _ = raise_floors(base(F1), [Measured("clustering-ecb", {"bcubed_f1": 0.8, "pairwise_f1": 0.61},
                                              "aaa", 3)],
                          metrics={"clustering-ecb": ["bcubed_f1", "pairwise_f1"]})
    assert [(f.metric, f.floor) for f in new.floors] == [("bcubed_f1", 0.8), ("pairwise_f1", 0.61)]


def test_lowering_needs_its_changelog_line():
    low = Lowered("clustering-ecb", "bcubed_f1", 0.8, 0.78)
    line = changelog_line(low, "new tokeniser")
    assert line == "- Quality floor lowered: clustering-ecb bcubed_f1 0.8000 -> 0.7800: new tokeniser"
    assert missing_changelog_lines([low], "new tokeniser", "# Changelog\n- other\n") == [line]
    assert missing_changelog_lines([low], "x", f"# Changelog\n{line}\n") == []


def test_baseline_file_round_trip_and_a_clear_error_for_a_bad_one(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(dump_baseline(base(F1, ACC, tolerance=0.01)))
    assert load_baseline(path) == base(F1, ACC, tolerance=0.01)
    path.write_text('{"floors": [{"task": "x"}]}')
    with pytest.raises(GateError, match="not a quality baseline"):
        load_baseline(path)
    with pytest.raises(GateError, match="no baseline file"):
        load_baseline(tmp_path / "none.json")


def test_data_digest_covers_names_and_contents(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("one")
    (tmp_path / "d" / "b.txt").write_text("two")
    first = data_digest(tmp_path, ["d/*.txt"])
    assert first[1] == 2
    (tmp_path / "d" / "b.txt").write_text("TWO")
    assert data_digest(tmp_path, ["d/*.txt"])[0] != first[0]
    (tmp_path / "d" / "b.txt").write_text("two")
    assert data_digest(tmp_path, ["d/*.txt"]) == first
    (tmp_path / "d" / "b.txt").rename(tmp_path / "d" / "c.txt")
    assert data_digest(tmp_path, ["d/*.txt"])[0] != first[0]
