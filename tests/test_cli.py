"""The command line as a user runs it: a real process, a real SQLite file."""

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

from storyline.export.json_export import load_schema


def run(*args, cwd=None, stdin=None):
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    return subprocess.run(
        [sys.executable, "-m", "storyline.cli", *args],
        capture_output=True, text=True, cwd=cwd, input=stdin, env=env, timeout=600,
    )


ARTICLE = """---
title: Harbour bridge closes after cracks found
outlet: Coastline Courier
published: 2025-03-04T08:00:00+00:00
---
The city closed the old harbour bridge on Monday after engineers found cracks in two of its
steel supports, the transport department said. About 40,000 vehicles cross the bridge every day.
Officials said repairs could take up to six months and cost more than 12 million dollars.
"""


def test_add_show_export_roundtrip(tmp_path):
    src = tmp_path / "bridge.md"
    src.write_text(ARTICLE)
    db = str(tmp_path / "t.db")
    r = run("add", str(src), "--db", db)
    assert r.returncode == 0, r.stderr
    assert "1 added" in r.stdout
    again = run("add", str(src), "--db", db)
    assert again.returncode == 0 and "0 added, 1 already stored" in again.stdout

    listing = run("stories", "--db", db)
    assert "Harbour bridge" in listing.stdout

    exported = run("export", "--format", "json", "--db", db)
    assert exported.returncode == 0, exported.stderr
    doc = json.loads(exported.stdout)
    jsonschema.validate(doc, load_schema())
    [story] = doc["stories"]
    assert story["articles"][0]["outlet"] == "Coastline Courier"
    show = run("show", story["id"][:6], "--db", db)
    assert show.returncode == 0, show.stderr
    assert "Timeline" in show.stdout

    md = run("export", "--format", "md", "--db", db)
    assert md.stdout.startswith("# ")
    csv = run("export", "--format", "csv", "--db", db)
    assert csv.stdout.splitlines()[0].startswith("story_id,fact_id")


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.md"
    good.write_text(ARTICLE)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    db = str(tmp_path / "t.db")
    r = run("add", str(empty), str(good), str(binary), str(tmp_path / "missing.md"), "--db", db)
    assert r.returncode == 1
    assert "1 added" in r.stdout and "3 rejected" in r.stdout
    for name in ("empty.txt", "blob.txt", "missing.md"):
        assert name in r.stderr


def test_rejected_batch_leaves_stored_data_unchanged(tmp_path):
    good = tmp_path / "good.md"
    good.write_text(ARTICLE)
    db = tmp_path / "t.db"
    assert run("add", str(good), "--db", str(db)).returncode == 0
    before = run("export", "--db", str(db)).stdout
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: [unclosed\n---\nbody")
    r = run("add", str(bad), "--db", str(db))
    assert r.returncode == 1 and "bad.md" in r.stderr
    assert run("export", "--db", str(db)).stdout == before


def test_jsonl_on_stdin(tmp_path):
    line = json.dumps({"text": ARTICLE.split("---\n", 2)[2], "title": "Bridge shut", "outlet": "Stdin Times",
                       "published": "2025-03-04"})
    db = str(tmp_path / "t.db")
    r = run("add", "-", "--db", db, stdin=line + "\n")
    assert r.returncode == 0, r.stderr
    assert "1 added" in r.stdout


def test_unknown_story_is_a_clear_error(tmp_path):
    r = run("show", "nope", "--db", str(tmp_path / "t.db"))
    assert r.returncode == 2
    assert "no story" in r.stderr
