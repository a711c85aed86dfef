"""The JSON API, in-process, on the demo store: every read route, its shape, its filters."""

from __future__ import annotations

import jsonschema
import pytest

from storyline.export.json_export import SCHEMA_VERSION, fact_json, load_schema, story_json
from storyline.fuse.origins import origin_key


def test_stories_lists_every_story_latest_activity_first(client, demo_reports):
    body = client.get("/api/stories").json()
    assert body["total"] == len(demo_reports) == len(body["stories"])
    latest = [s["latest_published"] for s in body["stories"]]
    assert latest == sorted(latest, reverse=True)
    by_id = {r.story.id: r for r in demo_reports}
    for s in body["stories"]:
        r = by_id[s["id"]]
        assert (s["title"], s["articles"], s["facts"], s["conflicts"]) == (
            r.title, len(r.articles), len(r.facts), len(r.conflicts))
        assert s["outlets"] == len({a.outlet for a in r.articles})


def test_stories_search_by_words_and_entity(client, kursk):
    found = client.get("/api/stories", params={"q": "north KOREAN kursk"}).json()
    assert [s["id"] for s in found["stories"]] == [kursk.story.id]
    assert client.get("/api/stories", params={"q": "kursk zzyzx"}).json()["total"] == 0
    # words that only a claim holds find its story too (the trapped miners' refuge chamber)
    velmora = [r.story.id for r in client.app.state.data.tracker.stories() if "Velmora" in r.title]
    found = client.get("/api/stories", params={"q": "Refuge chamber"}).json()
    assert [s["id"] for s in found["stories"]] == velmora and len(velmora) == 1
    # an alias finds the entity's stories
    by_alias = client.get("/api/stories", params={"entity": "DPRK"}).json()
    assert kursk.story.id in [s["id"] for s in by_alias["stories"]]
    assert all("north korea" in [e["key"] for e in s["entities"]] for s in by_alias["stories"])
    assert client.get("/api/stories", params={"entity": "Atlantis"}).json()["total"] == 0


def test_stories_filter_by_publish_dates(client, demo_reports):
    def ids(**params):
        return {s["id"] for s in client.get("/api/stories", params=params).json()["stories"]}

    day = "2024-10-31"
    expected = {r.story.id for r in demo_reports if any(a.published.date().isoformat() >= day for a in r.articles)}
    assert ids(since=day) == expected and 0 < len(expected) < len(demo_reports)
    early = {r.story.id for r in demo_reports if any(a.published.date().isoformat() <= "2024-10-25" for a in r.articles)}
    assert ids(until="2024-10-25") == early and 0 < len(early) < len(demo_reports)
    assert ids(since="2030-01-01") == set()


def test_stories_paging(client):
    everything = client.get("/api/stories").json()["stories"]
    page = client.get("/api/stories", params={"offset": 1, "limit": 2}).json()
    assert page["total"] == len(everything) and page["offset"] == 1 and page["limit"] == 2
    assert [s["id"] for s in page["stories"]] == [s["id"] for s in everything[1:3]]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 100000}, {"offset": -1}, {"since": "yesterday"}])
def test_stories_bad_parameters_are_422_in_the_error_shape(client, params):
    r = client.get("/api/stories", params=params)
    assert r.status_code == 422
    assert r.json()["error"]["type"] == "invalid_request"
    assert set(r.json()) == {"error"} and set(r.json()["error"]) == {"type", "message"}


def test_story_is_the_export_json(client, kursk):
    body = client.get(f"/api/stories/{kursk.story.id}").json()
    assert body == story_json(kursk)
    jsonschema.validate({"schema_version": SCHEMA_VERSION, "stories": [body]}, load_schema())


def test_story_since_lists_what_later_articles_added(client, kursk):
    body = client.get(f"/api/stories/{kursk.story.id}/since", params={"date": "2024-10-27"}).json()
    later = [a.id for a in kursk.articles if a.published.date().isoformat() >= "2024-10-27"]
    assert body["articles"] == later
    expected = [f for u in kursk.updates if u.article_id in later for f in u.new_facts]
    assert body["new_facts"] == list(dict.fromkeys(expected)) and body["new_facts"]


def test_fact_has_claims_and_provenance(client, kursk):
    fact = max(kursk.facts, key=lambda f: f.support.independent_origins)
    body = client.get(f"/api/facts/{fact.id}").json()
    names = {e.key: (e.name, e.type) for e in kursk.entities}
    assert {k: v for k, v in body.items() if k not in ("story_id", "story_title", "provenance")} == \
        fact_json(fact, names, kursk.relayed)
    assert body["story_id"] == kursk.story.id
    assert [p["claim_id"] for p in body["provenance"]] == [c.id for c in fact.claims]
    assert {origin_key(p["origin"]) for p in body["provenance"]} == {origin_key(o) for o in fact.origins}


def test_article_has_text_claims_with_offsets_and_what_it_added(client, kursk, web_demo_db):
    article = kursk.articles[0]
    body = client.get(f"/api/articles/{article.id}").json()
    assert (body["title"], body["text"], body["story_id"]) == (article.title, article.text, kursk.story.id)
    assert body["claims"]
    for c in body["claims"]:
        part = body["title"] if c["part"] == "title" else body["text"]
        assert part[c["start"]:c["end"]] in c["sentence"] or c["sentence"] in part[c["start"]:c["end"]]
    update = next(u for u in kursk.updates if u.article_id == article.id)
    assert body["added"] == {"new_facts": list(update.new_facts), "confirmed_facts": list(update.confirmed_facts)}


def test_entity_by_alias_name_or_key(client, kursk):
    for name in ("DPRK", "dprk", "north korea", "North Korea"):
        body = client.get(f"/api/entities/{name}").json()
        assert body["key"] == "north korea", name
    assert "DPRK" in body["aliases"]
    assert kursk.story.id in [s["id"] for s in body["stories"]]
    expected = {f.id for f in kursk.facts if "north korea" in f.entities}
    assert expected <= {f["id"] for f in body["facts"]}


@pytest.mark.parametrize("path,kind", [
    ("/api/stories/s000", "story"), ("/api/facts/f000", "fact"),
    ("/api/articles/a000", "article"), ("/api/entities/Atlantis", "entity"),
    ("/api/stories/s000/since?date=2024-10-01", "story"),
])
def test_missing_things_are_404_in_the_error_shape(client, path, kind):
    r = client.get(path)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    assert r.json() == {"error": {"type": "not_found", "message": r.json()["error"]["message"]}}
    assert kind in r.json()["error"]["message"]


def test_unknown_api_route_is_404_json_and_wrong_method_405(client):
    r = client.get("/api/nothing/here")
    assert r.status_code == 404 and r.json()["error"]["type"] == "not_found"
    r = client.delete("/api/stories")
    assert r.status_code == 405 and r.json()["error"]["type"] == "method_not_allowed"


def test_openapi_document_and_server_drawn_docs(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/stories", "/api/stories/{story_id}", "/api/facts/{fact_id}", "/api/articles/{article_id}",
            "/api/entities/{name}", "/api/articles"} <= paths
    assert not any(not p.startswith("/api/") for p in paths)  # pages stay out of the API document
    docs = client.get("/docs")
    assert docs.status_code == 200
    for p in paths:
        assert p in docs.text
    assert "cdn" not in docs.text.lower()
