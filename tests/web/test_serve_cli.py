"""`storyline serve`: the options reach the app, and listening beyond loopback needs a token."""

from __future__ import annotations

from typer.testing import CliRunner

from storyline.cli import app


def test_serve_beyond_loopback_without_a_token_refuses_to_start(tmp_path, monkeypatch):
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    started = []
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: started.append(k))
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"])
    assert r.exit_code == 2 and "--token" in r.output and started == []


def test_serve_passes_host_port_and_token_from_the_environment(web_demo_db, monkeypatch):
    started = []
    monkeypatch.setattr("uvicorn.run", lambda web, **k: started.append((web, k)))
    monkeypatch.setenv("STORYLINE_TOKEN", "from-env")
    r = CliRunner().invoke(app, ["serve", "--db", str(web_demo_db), "--host", "0.0.0.0", "--port", "8123"])
    assert r.exit_code == 0, r.output
    (web, options), = started
    assert options == {"host": "0.0.0.0", "port": 8123, "log_level": "warning"}
    policy = web.state.policy
    web.state.data.close()
    assert policy.token == "from-env" and policy.token_required


def test_serve_on_loopback_needs_no_token(web_demo_db, monkeypatch):
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    started = []
    monkeypatch.setattr("uvicorn.run", lambda web, **k: started.append(web))
    r = CliRunner().invoke(app, ["serve", "--db", str(web_demo_db)])
    assert r.exit_code == 0 and "http://127.0.0.1:8000/" in r.output
    started[0].state.data.close()
    assert started[0].state.policy.token_required is False
