"""Security at the edge: headers on every response, the token rule for writes, host and origin checks."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from storyline.web import create_app
from storyline.web.security import CSP, host_name, is_loopback

CSP_EXPECTED = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def test_csp_is_the_strict_policy():
    assert CSP == CSP_EXPECTED


@pytest.mark.parametrize("path", ["/", "/api/stories", "/static/style.css", "/api/stories/s000", "/nothing", "/add"])
def test_every_response_has_the_security_headers(client, path):
    r = client.get(path)
    assert r.headers["content-security-policy"] == CSP_EXPECTED
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-frame-options"] == "DENY"


@pytest.fixture(scope="module")
def public(web_demo_db):
    """The app as it runs on 0.0.0.0 with a token."""
    with TestClient(create_app(web_demo_db, host="0.0.0.0", token="s3cret"), base_url="http://203.0.113.5") as c:
        yield c


def test_beyond_loopback_reads_stay_open(public, kursk):
    assert public.get("/api/stories").status_code == 200
    assert public.get(f"/stories/{kursk.story.id}").status_code == 200


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"}])
def test_beyond_loopback_writes_without_the_token_are_403(public, headers):
    r = public.post("/api/articles", json={"text": "x"}, headers=headers)
    assert r.status_code == 403
    assert r.json()["error"]["type"] == "forbidden" and "token" in r.json()["error"]["message"]


def test_beyond_loopback_the_right_token_passes_the_check(public):
    # an empty list passes the token check and fails only as input: nothing is analysed
    r = public.post("/api/articles", json=[], headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 422 and r.json()["error"]["type"] == "invalid_input"


def test_form_writes_take_the_token_from_a_field(public):
    page = public.get("/add").text
    assert page.count('name="token"') == 3 and '<label for="token-text">' in page
    wrong = public.post("/add", data={"kind": "text", "text": "too short", "token": "nope"})
    assert wrong.status_code == 403 and wrong.headers["content-type"].startswith("text/html")
    right = public.post("/add", data={"kind": "text", "text": "too short", "token": "s3cret"}, follow_redirects=False)
    assert right.status_code == 303  # taken: rejected as input later, not refused
    public.app.state.data.jobs.wait(right.headers["location"].rsplit("/", 1)[1], timeout=600)
    assert "text too short" in public.get(right.headers["location"]).text


def test_no_token_beyond_loopback_means_no_writes_at_all(web_demo_db):
    with TestClient(create_app(web_demo_db, host="0.0.0.0"), base_url="http://203.0.113.5") as c:
        r = c.post("/api/articles", json=[], headers={"Authorization": "Bearer "})
        assert r.status_code == 403 and "--token" in r.json()["error"]["message"]


def test_a_token_given_on_loopback_is_required_too(web_demo_db):
    with TestClient(create_app(web_demo_db, token="s3cret"), base_url="http://127.0.0.1") as c:
        assert c.post("/api/articles", json=[]).status_code == 403
        assert c.post("/api/articles", json=[], headers={"Authorization": "Bearer s3cret"}).status_code == 422


def test_loopback_without_token_writes_without_one(client):
    r = client.post("/api/articles", json=[])
    assert r.status_code == 422  # reached the input check


def test_a_post_from_another_sites_page_is_refused(client):
    r = client.post("/api/articles", json=[], headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and "another site" in r.json()["error"]["message"]
    same = client.post("/api/articles", json=[], headers={"Origin": "http://127.0.0.1"})
    assert same.status_code == 422


def test_loopback_server_refuses_other_host_names(client):
    r = client.get("/api/stories", headers={"Host": "rebind.example:8000"})
    assert r.status_code == 400 and r.json()["error"]["type"] == "bad_host"
    assert client.get("/api/stories", headers={"Host": "localhost:8000"}).status_code == 200


@pytest.mark.parametrize("host,name", [("127.0.0.1:8000", "127.0.0.1"), ("[::1]:8000", "[::1]"),
                                       ("localhost", "localhost"), ("Example.org:80", "example.org")])
def test_host_name(host, name):
    assert host_name(host) == name


def test_is_loopback():
    assert all(map(is_loopback, ["127.0.0.1", "::1", "localhost", "127.0.1.1", "[::1]"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.2", "example.org", "::"]))
