"""The HTML pages, in-process: each shows what its JSON twin says, errors are readable pages."""

from __future__ import annotations

import html
import re

import pytest

from .pagecheck import between, controls, text_of, unlabelled_controls


def test_stories_page_lists_every_story_with_its_counts(client):
    api = client.get("/api/stories").json()["stories"]
    page = client.get("/").text
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", page, re.S)
    assert len(rows) == len(api)
    for row, s in zip(rows, api):  # same order as the API: latest activity first
        assert f'href="/stories/{s["id"]}"' in row
        cells = [text_of(c).strip() for c in re.findall(r'<td class="num">(.*?)</td>', row, re.S)]
        assert cells == [str(s[k]) for k in ("articles", "outlets", "facts", "conflicts")]


def test_stories_page_search_and_filters_match_the_api(client, kursk):
    page = client.get("/", params={"q": "kursk", "entity": "", "since": "", "until": ""}).text
    assert f'href="/stories/{kursk.story.id}"' in page and page.count('<th scope="row">') == 1
    assert 'value="kursk"' in page  # the form keeps what was asked
    none = client.get("/", params={"since": "2030-01-01"}).text
    assert "No story matches" in none


def test_bad_date_in_a_page_is_a_readable_422_page(client):
    r = client.get("/", params={"since": "soon"})
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "not a date" in html.unescape(r.text) and "<h1>Error 422</h1>" in r.text


@pytest.mark.parametrize("path", ["/stories/s000", "/facts/f000", "/articles/a000", "/entities/Atlantis", "/no/such/page"])
def test_missing_pages_are_404_html(client, path):
    r = client.get(path)
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "<h1>Error 404</h1>" in r.text and 'href="/"' in r.text


def test_story_page_shows_timeline_facts_conflicts_updates_and_entities(client, kursk):
    page = client.get(f"/stories/{kursk.story.id}").text
    svg = between(page, '<svg class="timeline"', "</svg>")
    facts = {f.id: f for f in kursk.facts}
    dated = [i for i in kursk.timeline if facts[i].event_date]
    marks = re.findall(r'<a href="/facts/([^"]+)" class="mark (several|single)', svg)
    assert sorted(m for m, _ in marks) == sorted(dated)
    for fid, kind in marks:  # filled mark = several independent origins
        assert (kind == "several") == (facts[fid].support.independent_origins > 1)
    assert "<title" in svg and "aria-label=" in svg
    assert page.count('class="fact-card') == len(kursk.facts)
    shown = text_of(page)
    for f in kursk.facts:
        assert f.text in shown
    conflicts = between(page, 'id="conflicts-h"', "</section>")
    assert conflicts.count('<table class="conflict">') == len(kursk.conflicts)
    for c in kursk.conflicts:
        for q in c.values:
            assert q.text in text_of(conflicts)
    updates = between(page, 'id="updates-h"', "</section>")
    assert updates.count('href="/articles/') >= len(kursk.updates)
    for e in kursk.entities:
        assert f'href="/entities/{e.key.replace(" ", "%20")}"' in page


def test_story_page_lists_the_key_dates_of_the_story_json(client, kursk):
    body = client.get(f"/api/stories/{kursk.story.id}").json()
    assert body["key_dates"], "the Kursk story has dated facts, so it has key dates"
    section = between(client.get(f"/stories/{kursk.story.id}").text, 'id="key-dates-h"', "</section>")
    days = re.findall(r'<span class="when">([0-9-]+)</span>', section)
    assert days == [k["date"] for k in body["key_dates"][:10]]  # same days, same order
    first = body["key_dates"][0]["fact_ids"][0]
    assert f'href="/facts/{first}"' in section


def test_story_page_since_shows_only_later_articles_and_their_new_facts(client, kursk):
    api = client.get(f"/api/stories/{kursk.story.id}/since", params={"date": "2024-10-27"}).json()
    page = client.get(f"/stories/{kursk.story.id}", params={"since": "2024-10-27"}).text
    assert page.count('class="fact-card') == len(api["new_facts"])
    updates = between(page, 'id="updates-h"', "</section>")
    listed = re.findall(r'<li>\s*<p><a href="/articles/([^"]+)"', updates)
    assert listed == api["articles"]


def test_fact_page_shows_each_claim_in_context_and_the_provenance(client, kursk):
    fact = max(kursk.facts, key=lambda f: len(f.claims))
    api = client.get(f"/api/facts/{fact.id}").json()
    page = client.get(f"/facts/{fact.id}").text
    assert page.count('<li class="claim">') == len(fact.claims)
    quotes = re.findall(r'<blockquote class="context">(.*?)</blockquote>', page, re.S)
    for c, quote in zip(fact.claims, quotes):
        assert c.text in text_of(quote)
        assert "<mark" in quote
    svg = between(page, '<svg class="provenance"', "</svg>")
    for p in api["provenance"]:
        assert p["origin"] in text_of(svg) and p["outlet"] in text_of(svg)
    listed = text_of(between(page, '<ul class="provenance-list">', '<section aria-labelledby="claims-h">'))
    for p in api["provenance"]:
        assert f"Origin: {p['origin']}" in listed and p["via"] in listed


def test_article_page_marks_spans_in_place_without_changing_the_text(client, kursk, web_demo_db):
    from storyline.store import Store

    article = kursk.articles[0]
    with Store(web_demo_db) as store:
        analysis = store.get_analysis(article.id)
    page = client.get(f"/articles/{article.id}").text
    body = between(page, '<div class="article-text">', "</div>")
    assert text_of(body) == article.text  # the marks add tags, never characters
    marks = re.findall(r'<mark id="claim-([^"]+)" class="hl hl-claim"', body)
    in_text = [c.id for c in analysis.claims if c.span.part == "text"]
    assert marks == in_text
    for kind in ("date", "number", "source"):
        assert f'class="hl hl-{kind}"' in body, kind
    assert text_of(between(page, '<h1 class="article-title">', "</h1>")) == article.title
    added = between(page, 'id="added-h"', "</section>")
    update = next(u for u in kursk.updates if u.article_id == article.id)
    assert added.count('href="/facts/') == len(update.new_facts) + len(update.confirmed_facts)


def test_entity_page_lists_aliases_stories_and_facts(client, kursk):
    api = client.get("/api/entities/DPRK").json()
    page = client.get("/entities/DPRK").text
    assert f"<h1>{api['name']}</h1>" in page
    for alias in api["aliases"]:
        assert alias in text_of(page)
    stories = between(page, 'id="stories-h"', "</section>")
    assert stories.count("<li>") == len(api["stories"])
    facts = between(page, 'id="facts-h"', "</section>")
    assert facts.count("<li>") == len(api["facts"])


def test_every_page_labels_every_control_and_has_a_skip_link(client, kursk):
    fact, article = kursk.facts[0], kursk.articles[0]
    pages = ["/", f"/stories/{kursk.story.id}", f"/facts/{fact.id}", f"/articles/{article.id}",
             "/entities/DPRK", "/add", "/docs", "/nothing"]
    seen = 0
    for path in pages:
        page = client.get(path).text
        assert unlabelled_controls(page) == [], path
        seen += len(controls(page))
        assert '<a class="skip" href="#main">' in page and '<main id="main"' in page, path
        assert '<html lang="en">' in page
    assert seen >= 10  # the check did look at real forms


def test_add_page_has_paste_url_and_upload_forms(client):
    page = client.get("/add").text
    assert page.count('<form method="post" action="/add"') == 3
    assert 'type="file"' in page and 'enctype="multipart/form-data"' in page
    assert 'name="token"' not in page  # loopback without a token: no token field


def test_no_page_loads_anything_from_elsewhere_or_runs_inline_script(client, kursk):
    for path in ["/", f"/stories/{kursk.story.id}", "/add", "/docs"]:
        page = client.get(path).text
        assert "<script" not in page and " on" + "click=" not in page
        assert not re.search(r'(src|href)="(https?:)?//', page.replace('href="http://www.w3.org', ""))
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")


@pytest.mark.parametrize("path, status, kind", [
    ("/", 200, "text/html"), ("/api/stories", 200, "application/json"),
    ("/static/style.css", 200, "text/css"), ("/stories/nope", 404, "text/html"),
])
def test_head_is_get_without_the_body(client, path, status, kind):
    head, get = client.head(path), client.get(path)
    assert head.status_code == get.status_code == status
    assert head.content == b"" and get.content
    assert head.headers["content-type"].startswith(kind)
    assert head.headers["content-security-policy"] == get.headers["content-security-policy"]


@pytest.fixture(scope="module")
def rewrite_client(tmp_path_factory):
    """A store of its own holding one article that rewrites another outlet's report."""
    from datetime import datetime, timezone

    from fastapi.testclient import TestClient

    from storyline.model import Article
    from storyline.tracker import Tracker
    from storyline.web import create_app

    db = tmp_path_factory.mktemp("rewrite") / "rewrite.db"
    text = ("The port of Lowick will stay closed until Friday, the Marsh Gazette reported on Tuesday.\n"
            "Harbour master Ines Varga said that the quay would be repaired within weeks.\n"
            "Two cranes were damaged by the storm.")
    with Tracker(db) as t:
        t.add(Article(text=text, title="Lowick port shut after storm", outlet="Fenwick Daily",
                      published=datetime(2025, 2, 4, 9, tzinfo=timezone.utc)))
        [report] = t.stories()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c, report


def test_fact_and_article_pages_show_a_claims_inherited_relay(rewrite_client):
    client, report = rewrite_client
    fact = next(f for f in report.facts if f.text == "Two cranes were damaged by the storm.")
    api = client.get(f"/api/facts/{fact.id}").json()
    [claim] = api["claims"]
    assert claim["attribution"] == [] and [s["name"] for s in claim["inherited_attribution"]] == ["the Marsh Gazette"]
    page = client.get(f"/facts/{fact.id}").text
    chain = text_of(between(page, "<dt>Attribution</dt>", "</dd>"))
    assert "the Marsh Gazette (outlet; the article's relay, not said in this sentence)" in " ".join(chain.split())
    assert "the outlet itself" not in chain
    listed = text_of(between(page, '<ul class="provenance-list">', '<section aria-labelledby="claims-h">'))
    assert "Origin: the Marsh Gazette" in listed and "the Marsh Gazette (the article's relay)" in listed
    claims = text_of(between(client.get(f"/articles/{fact.first_seen}").text, 'id="claims-h"', "</section>"))
    assert "Two cranes were damaged by the storm. (asserted; the Marsh Gazette (the article's relay))" in claims
