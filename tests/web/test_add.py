"""Writing through the API and the form, in-process, into a fresh copy of the demo store:
articles join their story, rejected inputs say why, and untrusted text stays text."""

from __future__ import annotations

import html
import re

import httpx
import pytest
from fastapi.testclient import TestClient

from storyline.web import create_app
from storyline.web.adding import safe_filename

from .articles import KURSK_UPDATE, UNRELATED
from .conftest import XSS_ARTICLE, copy_db
from .pagecheck import between, text_of

PAGE = """<html><head><title>Brennick library</title>
<meta property="og:site_name" content="Metro Page"></head><body><article><h1>{title}</h1>
<p>{text}</p></article></body></html>"""


def _served(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/library":
        body = PAGE.format(title=UNRELATED["title"], text=UNRELATED["text"])
        return httpx.Response(200, content=body.encode(), headers={"content-type": "text/html; charset=utf-8"})
    return httpx.Response(404, content=b"gone")


@pytest.fixture(scope="module")
def writer(demo_db, tmp_path_factory):
    db = copy_db(demo_db, tmp_path_factory.mktemp("write") / "demo.db")
    app = create_app(db, transport=httpx.MockTransport(_served))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="module")
def added(writer):
    """The Kursk update and the script-laden article, added in one request."""
    r = writer.post("/api/articles", json=[KURSK_UPDATE, XSS_ARTICLE])
    assert r.status_code == 200, r.text
    return r.json()


def test_added_article_joins_its_story(added, writer, kursk):
    first = added["items"][0]
    assert first["status"] == "added" and first["story_id"] == kursk.story.id
    story = writer.get(f"/api/stories/{kursk.story.id}").json()
    assert first["article_id"] in [a["id"] for a in story["articles"]]
    assert len(story["articles"]) == len(kursk.articles) + (2 if added["items"][1]["story_id"] == kursk.story.id else 1)
    listed = writer.get("/api/stories").json()["stories"]
    assert listed[0]["id"] == kursk.story.id  # now the latest activity


def test_adding_the_same_article_again_changes_nothing(added, writer):
    r = writer.post("/api/articles", json=KURSK_UPDATE).json()
    assert r["items"][0]["status"] == "unchanged" and r["added"] == 0


def test_rejected_inputs_say_why(writer):
    r = writer.post("/api/articles", json=[
        {"text": "Far too short to be an article."},
        {"url": "file:///etc/passwd"},
        {"url": "/etc/passwd"},
        {"text": KURSK_UPDATE["text"], "published": "not a date"},
    ]).json()
    reasons = [i["reason"] for i in r["items"]]
    assert [i["status"] for i in r["items"]] == ["rejected"] * 4
    assert "too short" in reasons[0]
    assert "http" in reasons[1] and "http" in reasons[2]  # never read from the server's disk
    assert "date" in reasons[3].lower()


def test_body_without_text_or_url_is_422(writer):
    r = writer.post("/api/articles", json={"title": "only a title"})
    assert r.status_code == 422 and r.json()["error"]["type"] == "invalid_input"
    r = writer.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and set(r.json()["error"]) == {"type", "message"}


def test_url_is_fetched_through_the_transport(writer):
    r = writer.post("/api/articles", json={"url": "https://metro.example/library"}).json()
    assert r["items"][0]["status"] == "added", r
    assert r["items"][0]["title"] == UNRELATED["title"]
    missing = writer.post("/api/articles", json={"url": "https://metro.example/missing"}).json()
    assert missing["items"][0]["status"] == "rejected" and "404" in missing["items"][0]["reason"]


def finished_job_page(writer, r):
    """The page a form post leads to, once its background job has finished."""
    assert r.status_code == 303, r.text
    location = r.headers["location"]
    assert re.fullmatch(r"/jobs/[0-9a-f]{16}", location)
    writer.app.state.data.jobs.wait(location.rsplit("/", 1)[1], timeout=600)
    page = writer.get(location)
    assert page.status_code == 200 and 'http-equiv="refresh"' not in page.text
    return page


def test_form_upload_reads_the_file_and_names_it_as_uploaded(writer):
    jsonl = '{"text": "Too short."}\n'.encode()
    r = writer.post("/add", data={"kind": "file"}, files={"file": ("../../notes.jsonl", jsonl, "application/json")},
                    follow_redirects=False)
    page = finished_job_page(writer, r)
    assert "0 added" in page.text and "1 rejected" in page.text
    assert "notes.jsonl:1" in page.text and "too short" in page.text and "storyline-upload-" not in page.text


def test_api_add_without_waiting_answers_at_once_with_a_job(writer):
    article = dict(UNRELATED, url="https://metro.example/library-later", title=UNRELATED["title"] + " (later)")
    r = writer.post("/api/articles?wait=false", json=article)
    assert r.status_code == 202
    job = r.json()
    assert r.headers["location"] == f"/api/jobs/{job['id']}" and job["items"] == []
    writer.app.state.data.jobs.wait(job["id"], timeout=600)
    done = writer.get(r.headers["location"]).json()
    assert done["status"] == "done" and done["added"] == 1
    assert done["items"][0]["title"] == article["title"]
    assert writer.get("/api/jobs/0123456789abcdef").status_code == 404


def test_form_with_nothing_to_add_is_a_readable_422(writer):
    r = writer.post("/add", data={"kind": "text", "text": "  "})
    assert r.status_code == 422 and "nothing to add" in r.text


def test_script_in_an_article_is_shown_as_text_everywhere(added, writer):
    item = added["items"][1]
    assert item["status"] == "added", item
    aid = item["article_id"]
    pages = [f"/articles/{aid}", f"/stories/{item['story_id']}", "/", "/?q=sudzha"]
    for path in pages:
        page = writer.get(path).text
        assert "<script>window" not in page and "<img src=x" not in page and "<svg onload" not in page, path
        assert "<b onmouseover" not in page, path
    article = writer.get(f"/articles/{aid}").text
    assert "&lt;script&gt;window.__pwned=1" in article
    assert text_of(between(article, '<div class="article-text">', "</div>")) == XSS_ARTICLE["text"]
    assert text_of(between(article, '<h1 class="article-title">', "</h1>")) == XSS_ARTICLE["title"]
    # the API gives the text back as it was: it is JSON, not HTML
    assert writer.get(f"/api/articles/{aid}").json()["title"] == XSS_ARTICLE["title"]


def test_result_page_of_the_form_escapes_titles(writer):
    article = dict(XSS_ARTICLE, url="https://mallory.example/xss-form", title=XSS_ARTICLE["title"] + " again")
    page = finished_job_page(writer, writer.post("/add", data={"kind": "text", **article}, follow_redirects=False))
    assert "<script>window" not in page.text and html.escape("<script>", quote=False) in page.text
    assert re.search(r"<strong>added</strong>", page.text)


@pytest.mark.parametrize("name,safe", [
    ("../../etc/passwd", "passwd"), ("C:\\Users\\me\\feed.xml", "feed.xml"),
    ("", "upload.txt"), ("a<b>.md", "a_b_.md"), ("...", "upload.txt"),
])
def test_safe_filename(name, safe):
    assert safe_filename(name) == safe
