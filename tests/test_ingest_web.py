"""URLs and feeds, served by a real HTTP server on 127.0.0.1: redirects, errors, limits, feeds."""

import socket
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from storyline.ingest import read_inputs
from storyline.model import Article, Rejection
from storyline.settings import DEFAULT

FIX = Path(__file__).parent / "fixtures" / "ingest"
PAGE = (FIX / "page.html").read_bytes()


def routes(base: str) -> dict:
    """path -> (status, content type, body, extra headers)."""
    return {
        "/tram": (200, "text/html; charset=utf-8", PAGE, {}),
        "/old-tram": (301, "text/html", b"", {"Location": "/tram"}),
        "/loop": (302, "text/html", b"", {"Location": "/loop"}),
        "/missing": (404, "text/html", b"<h1>Not here</h1>", {}),
        "/broken": (503, "text/html", b"", {}),
        "/feed.rss": (200, "application/rss+xml", (FIX / "feed.rss").read_bytes(), {}),
        "/summary.atom": (200, "application/atom+xml",
                          (FIX / "summary.atom").read_text().replace("{base}", base).encode(), {}),
        "/news.rss": (200, "application/rss+xml", PAGE, {}),  # says feed, is a page
        "/plain": (200, "text/plain; charset=utf-8", (FIX / "storm.txt").read_bytes(), {}),
        "/big": (200, "text/html", PAGE * 20, {}),
    }


@pytest.fixture(scope="module")
def server():
    table: dict = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/slow":
                time.sleep(1.5)  # longer than the test's timeout, bounded
            status, ctype, body, extra = table.get(self.path, (404, "text/plain", b"no route", {}))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in extra.items():
                self.send_header(k, v)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up first (timeout and size-limit tests): expected

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    table.update(routes(base))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def one(url, **kw):
    [item] = list(read_inputs([url], **kw))
    return item


def test_page_url_is_fetched_and_read(server):
    a = one(f"{server}/tram")
    assert isinstance(a, Article), a
    assert a.title == "Tram line extension approved" and a.outlet == "Metro Daily"
    assert a.published == datetime(2024, 10, 25, 6, 45, tzinfo=timezone.utc)
    assert a.source == f"{server}/tram"


def test_redirect_is_followed_and_canonical_url_kept(server):
    a = one(f"{server}/old-tram")
    assert isinstance(a, Article), a
    assert a.url == "https://metro.example/tram-extension"


def test_http_error_says_the_status(server):
    r = one(f"{server}/missing")
    assert isinstance(r, Rejection) and "HTTP error 404" in r.reason
    assert "503" in one(f"{server}/broken").reason


def test_redirect_loop_is_rejected(server):
    assert "redirects" in one(f"{server}/loop").reason


def test_unreachable_host():
    with socket.socket() as s:  # a port that nothing listens on once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = one(f"http://127.0.0.1:{port}/x")
    assert isinstance(r, Rejection) and "unreachable" in r.reason


def test_timeout(server):
    r = one(f"{server}/slow", settings=DEFAULT.with_(fetch_timeout=0.3))
    assert isinstance(r, Rejection) and "no answer within 0.3 s" in r.reason


def test_size_limit_applies_to_downloads(server):
    r = one(f"{server}/big", settings=DEFAULT.with_(max_bytes=len(PAGE) * 2))
    assert isinstance(r, Rejection) and "larger than the limit" in r.reason


def test_size_limit_applies_without_content_length():
    def handler(request):
        return httpx.Response(200, headers={"content-type": "text/html"}, content=iter([PAGE] * 20))

    r = one("https://metro.example/huge", transport=httpx.MockTransport(handler),
            settings=DEFAULT.with_(max_bytes=len(PAGE) * 2))
    assert isinstance(r, Rejection) and "larger than the limit" in r.reason


def test_plain_text_url(server):
    a = one(f"{server}/plain")
    assert isinstance(a, Article) and a.title == "Storm cuts power to coastal villages"


def test_rss_feed_with_full_content_uses_the_item_text(server):
    items = list(read_inputs([f"{server}/feed.rss"]))
    assert len(items) == 2
    keeper, dues = items
    assert isinstance(keeper, Article), keeper
    assert keeper.title == "Lighthouse keeper retires after 40 years"
    assert keeper.outlet == "Harbour Weekly"  # the feed's title stands in for the outlet
    assert keeper.published == datetime(2024, 11, 4, 18, 20, tzinfo=timezone.utc)
    assert keeper.url == keeper.source == "https://harbour.example/lighthouse"  # never fetched
    assert keeper.text.count("\n") == 1  # two <p>, two lines
    assert isinstance(dues, Rejection) and "unparseable date" in dues.reason


def test_atom_feed_with_summaries_fetches_each_link(server):
    page, gone = read_inputs([f"{server}/summary.atom"])
    assert isinstance(page, Article), page
    assert page.text.startswith("The city council approved")  # the page, not the summary
    assert page.outlet == "Metro Daily"
    assert isinstance(gone, Rejection) and "404" in gone.reason
    assert gone.source == f"{server}/missing"


def test_url_that_claims_to_be_a_feed_but_is_not(server):
    r = one(f"{server}/news.rss")
    assert isinstance(r, Rejection) and "not an RSS or Atom feed" in r.reason


def test_feed_file_items_are_read_without_network():
    items = list(read_inputs([str(FIX / "feed.rss")]))
    assert [type(i).__name__ for i in items] == ["Article", "Rejection"]


def test_transport_is_injectable():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, headers={"content-type": "text/html"}, content=PAGE)

    a = one("https://metro.example/tram", transport=httpx.MockTransport(handler))
    assert isinstance(a, Article) and seen == ["https://metro.example/tram"]


def test_declared_charset_is_used_for_pages():
    latin = PAGE.decode().replace("charset=\"utf-8\"", "").replace("approved", "approuvé").encode("latin-1")

    def handler(request):
        return httpx.Response(200, headers={"content-type": "text/html; charset=ISO-8859-1"}, content=latin)

    a = one("https://metro.example/tram", transport=httpx.MockTransport(handler))
    assert isinstance(a, Article), a
    assert a.title == "Tram line extension approuvé"
