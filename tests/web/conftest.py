"""Fixtures for the web app: in-process clients over copies of the demo store, and a real
uvicorn server on a free loopback port for the browser tests."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import threading
import time
from pathlib import Path

import pytest

# An article whose title and text try to run script; every test that shows it checks it stays text.
XSS_TITLE = 'Kursk <script>window.__pwned=1;document.title="pwned"</script> <img src=x onerror="window.__pwned=2">'
XSS_TEXT = (
    'Officials said on Tuesday that <script>window.__pwned=3;document.title="pwned"</script> '
    'North Korean troops were seen near the town of Sudzha in the Kursk region, '
    'according to two people who spoke to reporters. <img src=x onerror="window.__pwned=4;document.title=\'pwned\'"> '
    'They said about 400 soldiers had arrived by train and were housed in a school, and that more were expected '
    'to come over the following weeks as the counter-offensive began. <svg onload="window.__pwned=5"></svg>'
)
XSS_ARTICLE = {
    "title": XSS_TITLE,
    "text": XSS_TEXT,
    "outlet": 'Mallory <b onmouseover="window.__pwned=6">Post</b>',
    "published": "2024-10-30T08:00:00+00:00",
    "url": "https://mallory.example/xss",
}


def copy_db(source: Path, target: Path) -> Path:
    """A consistent copy of a SQLite store (the backup API copies what is in the WAL too)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


@pytest.fixture(scope="session")
def web_demo_db(demo_db, tmp_path_factory) -> Path:
    """A read-only copy of the demo store for the in-process tests."""
    return copy_db(demo_db, tmp_path_factory.mktemp("web") / "demo.db")


@pytest.fixture(scope="session")
def client(web_demo_db):
    from fastapi.testclient import TestClient

    from storyline.web import create_app

    with TestClient(create_app(web_demo_db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="session")
def kursk(demo_reports):
    return next(r for r in demo_reports if "kursk" in r.title.lower())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self, db: Path):
        import uvicorn

        from storyline.web import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(demo_db, tmp_path_factory):
    db = copy_db(demo_db, tmp_path_factory.mktemp("live") / "demo.db")
    with LiveServer(db) as server:
        yield server


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. Missing Chromium is a failure, not a skip:
    CI installs it (.ci/run)."""
    from playwright.sync_api import sync_playwright

    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: apt-get install chromium (the browser tests need it)"
    )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()
