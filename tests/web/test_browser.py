"""End to end in a real headless Chromium (Debian's, through Playwright) against a real
uvicorn server on a free loopback port. Without Chromium these fail: CI installs it."""

from __future__ import annotations

import re

import httpx
import pytest

from .articles import KURSK_UPDATE
from .conftest import XSS_ARTICLE

pytestmark = pytest.mark.browser

LABELLED = """() => [...document.querySelectorAll('input:not([type=hidden]), textarea, select')]
    .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
    .map(e => e.outerHTML)"""


def kursk_id(server) -> str:
    stories = httpx.get(f"{server.url}/api/stories", params={"q": "kursk"}).json()["stories"]
    return stories[0]["id"]


def test_open_the_kursk_story_and_see_the_timeline(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=re.compile("Kursk region")).first.click()
    page.wait_for_url(re.compile(r"/stories/s"))
    assert "Kursk" in page.locator("h1").inner_text()
    svg = page.locator("svg.timeline")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] > 300 and box["height"] > 40  # drawn, not collapsed
    marks = page.locator("svg.timeline a.mark")
    assert marks.count() >= 5
    assert page.locator("svg.timeline a.mark.several").count() >= 1
    assert page.locator("svg.timeline a.mark.single").count() >= 1
    # each mark says what it is to a screen reader
    label = marks.first.get_attribute("aria-label")
    assert re.search(r"independent origin", label)
    assert page.locator(".conflicts table.conflict").count() >= 1


def test_open_a_fact_from_the_timeline_and_see_its_sources(page, live_server):
    page.goto(f"{live_server.url}/stories/{kursk_id(live_server)}")
    mark = page.locator("svg.timeline a.mark.several").first
    fact_id = mark.get_attribute("data-fact")
    mark.click()
    page.wait_for_url(f"**/facts/{fact_id}")
    api = httpx.get(f"{live_server.url}/api/facts/{fact_id}").json()
    assert page.locator("h1").inner_text() == api["text"]
    assert page.locator("svg.provenance").is_visible()
    sources = page.locator(".provenance-list").inner_text()
    for p in api["provenance"]:
        assert p["origin"] in sources and p["outlet"] in sources
    assert page.locator("li.claim blockquote mark").count() == len(api["claims"])


def test_a_fact_page_lists_the_relay_its_claims_inherit_and_marks_it(page, live_server):
    story = httpx.get(f"{live_server.url}/api/stories/{kursk_id(live_server)}").json()
    fact = next(f for f in story["facts"] if any(c["inherited_attribution"] for c in f["claims"]))
    page.goto(f"{live_server.url}/facts/{fact['id']}")
    shown = page.locator("li.claim dl").all_inner_texts()
    assert len(shown) == len(fact["claims"])
    for claim, text in zip(fact["claims"], shown):
        inherited = [s["name"] for s in claim["inherited_attribution"]]
        assert ("the article's relay" in text) == bool(inherited), text  # marked, and only then
        assert all(name in text for name in inherited), text
        assert "the outlet itself" not in text or not inherited


def test_add_an_article_through_the_form_and_see_it_join_its_story(page, live_server):
    story = kursk_id(live_server)
    page.goto(live_server.url + "/add")
    page.get_by_label("Headline").fill(KURSK_UPDATE["title"])
    page.get_by_label("Outlet").fill(KURSK_UPDATE["outlet"])
    page.get_by_label("Published").fill(KURSK_UPDATE["published"])
    page.get_by_label("Text").fill(KURSK_UPDATE["text"])
    page.get_by_role("button", name="Add this article").click()
    # the job's page reloads itself until the background analysis is done
    page.wait_for_url("**/jobs/*")
    result = page.locator(".result-list li").first
    result.wait_for(timeout=180_000)
    assert "added" in result.inner_text()
    link = result.locator("a.story-link")
    assert link.get_attribute("href") == f"/stories/{story}"
    link.click()
    page.wait_for_url(f"**/stories/{story}")
    updates = page.locator("section[aria-labelledby=updates-h]").inner_text()
    assert KURSK_UPDATE["title"] in updates
    assert "Riverside Herald" in updates


def test_keyboard_reaches_the_main_controls(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")  # the skip link moves focus into the content
    page.wait_for_function("location.hash === '#main'")
    reached = set()
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()"))
    assert {"q", "entity", "since", "until", "Search"} <= reached
    # the search works from the keyboard alone
    page.focus("#q")
    page.keyboard.type("kursk")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=kursk"))
    assert page.locator("table.stories tbody tr").count() == 1
    # on a story page, Tab reaches the timeline's marks
    page.goto(f"{live_server.url}/stories/{kursk_id(live_server)}")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('svg.timeline') !== null"):
            break
    else:
        pytest.fail("Tab never reached a timeline mark")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/facts/"))


def test_every_control_on_every_page_has_a_label(page, live_server):
    story = kursk_id(live_server)
    report = httpx.get(f"{live_server.url}/api/stories/{story}").json()
    paths = ["/", f"/stories/{story}", f"/facts/{report['facts'][0]['id']}",
             f"/articles/{report['articles'][0]['id']}", "/entities/DPRK", "/add", "/docs"]
    counted = 0
    for path in paths:
        page.goto(live_server.url + path)
        assert page.evaluate(LABELLED) == [], path
        counted += page.locator("input:not([type=hidden]), textarea").count()
    assert counted >= 10


def test_script_in_an_article_does_nothing_in_the_browser(page, live_server):
    fired = []
    page.on("dialog", lambda d: (fired.append(d.message), d.dismiss()))
    r = httpx.post(f"{live_server.url}/api/articles", json=XSS_ARTICLE, timeout=180)
    item = r.json()["items"][0]
    assert item["status"] in ("added", "unchanged"), item
    paths = [f"/articles/{item['article_id']}", f"/stories/{item['story_id']}", "/?q=sudzha"]
    for path in paths:
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        page.mouse.move(200, 200)
        assert page.evaluate("window.__pwned") is None, path
        assert page.title() != "pwned" and "storyline" in page.title(), path
        assert page.locator("img[src=x]").count() == 0 and page.locator("main script").count() == 0, path
    # and the text is there, as text
    page.goto(f"{live_server.url}/articles/{item['article_id']}")
    shown = page.locator(".article-text").inner_text()
    assert '<script>window.__pwned=3;document.title="pwned"</script>' in shown
    assert "<img src=x onerror=" in page.locator("h1").inner_text()
    assert fired == []
