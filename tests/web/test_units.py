"""The web's pure parts and its index: highlighting, the timeline SVG, summaries, provenance."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from storyline.fuse.origins import claim_origin, origin_key
from storyline.store import Store
from storyline.web.highlight import INNER, OUTER, Highlight, highlight
from storyline.web.index import StoryIndex
from storyline.web.provenance import by_origin, claim_paths, provenance_svg
from storyline.web.summary import summarise, summary_of_overview
from storyline.web.timeline_svg import MARK, dated_facts, layout, timeline_svg, window

from .conftest import copy_db
from .pagecheck import text_of


# ------------------------------------------------------------------ highlight


def test_highlight_escapes_every_piece_and_nests_marks():
    text = 'A <b>bold</b> & "quoted" claim of 5,000 troops <script>x()</script>'
    marks = [
        Highlight(0, 47, "claim", "c1", OUTER, "claim-1"),
        Highlight(33, 38, "number", "n"),
        Highlight(40, 60, "source", "crosses the claim end"),
    ]
    out = str(highlight(text, marks))
    assert "<script>" not in out and "<b>" not in out
    assert text_of(out) == text
    # tags nest: walk them with a stack
    stack = []
    for closing, tag in re.findall(r"<(/?)(mark|span)\b", out):
        if closing:
            assert stack.pop() == tag
        else:
            stack.append(tag)
    assert stack == []
    assert out.count('id="claim-1"') == 1
    assert out.count('class="hl hl-source"') == 2  # split where the claim ends


def test_highlight_overlaps_in_one_layer_keep_the_earlier_and_clip_to_the_text():
    text = "0123456789"
    out = str(highlight(text, [Highlight(2, 6, "date", "a"), Highlight(4, 8, "date", "b"),
                               Highlight(8, 99, "number", "c"), Highlight(-5, 1, "number", "d")]))
    assert text_of(out) == text
    assert 'title="a"' in out and 'title="b"' not in out
    assert re.search(r'title="c">89</span>$', out) and re.search(r'^<span class="hl hl-number" title="d">0</span>', out)


def test_highlight_attribute_values_are_escaped():
    out = str(highlight("abc", [Highlight(0, 3, "claim", 'x" onmouseover="alert(1)', OUTER)]))
    assert 'onmouseover="' not in out and "&#34;" in out or "&quot;" in out


# ------------------------------------------------------------------ timeline


def test_timeline_marks_in_one_row_never_overlap(kursk):
    facts = dated_facts(kursk)
    published = [a.published.date() for a in kursk.articles]
    marks, first, last = layout(facts, days_shown=window(facts, published))
    assert len(marks) == len(facts)
    rows: dict[int, list] = {}
    for m in marks:
        rows.setdefault(m.lane, []).append(m)
    for row in rows.values():
        if len(rows) < 24:  # below the row cap marks never share space
            row.sort(key=lambda m: m.x0)
            assert all(a.x1 + 2 <= b.x0 + 1e-9 for a, b in zip(row, row[1:]))
    assert all(m.x1 - m.x0 >= 2 * MARK - 1e-9 for m in marks)


def test_timeline_window_ignores_far_outliers(kursk):
    facts = dated_facts(kursk)
    first, last = window(facts, [a.published.date() for a in kursk.articles])
    assert date(2024, 6, 1) <= first and last <= date(2025, 3, 1)


def test_timeline_svg_is_empty_without_dated_facts(kursk):
    undated = replace(kursk, timeline=())
    assert str(timeline_svg(undated)) == ""


def test_timeline_svg_escapes_fact_text(kursk):
    f = next(f for f in kursk.facts if f.id in kursk.timeline)
    evil = replace(f, text='<script>alert(1)</script> & "x"')
    report = replace(kursk, facts=tuple(evil if g.id == f.id else g for g in kursk.facts))
    svg = str(timeline_svg(report))
    assert "<script>" not in svg and "&lt;script&gt;" in svg


# ------------------------------------------------------------------ provenance


def test_unnamed_reports_beside_a_named_origin_are_shown_but_not_counted():
    from storyline.model import Claim, Span
    from storyline.web.provenance import ClaimPath

    def path(n: int, outlet: str, origin: str) -> ClaimPath:
        c = Claim(f"a{n}:0", f"a{n}", 0, Span("text", 0, 4), "text", "reported")
        return ClaimPath(c, None, outlet, (), origin, "reports")

    named = [path(1, "Daily Post", "The Valley Times"), path(2, "Evening Star", "unnamed reports")]
    assert [(g.origin, g.counted) for g in by_origin(named)] == [("The Valley Times", True), ("unnamed reports", False)]
    alone = [path(2, "Evening Star", "unnamed reports"), path(3, "Town Gazette", "unnamed reports")]
    assert [(g.origin, g.counted) for g in by_origin(alone)] == [("unnamed reports", True)]


def test_provenance_paths_end_at_the_cores_origin(kursk, web_demo_db):
    articles = {a.id: a for a in kursk.articles}
    with Store(web_demo_db) as store:
        relayed = {a.id: store.get_analysis(a.id).relayed for a in kursk.articles}
    for fact in kursk.facts:
        paths = claim_paths(fact, articles, kursk.story.duplicates, relayed)
        for p in paths:
            assert p.origin == claim_origin(p.claim, articles, kursk.story.duplicates, relayed[p.claim.article_id])
        assert {origin_key(g.origin) for g in by_origin(paths) if g.counted} == {origin_key(o) for o in fact.origins}
    several = max(kursk.facts, key=lambda f: f.support.independent_origins)
    svg = str(provenance_svg(claim_paths(several, articles, kursk.story.duplicates, relayed)))
    assert svg.count('class="node col2"') == several.support.independent_origins


# ------------------------------------------------------------------ summaries and the index


def test_overviews_give_the_same_summaries_as_the_reports(web_demo_db, demo_reports):
    with Store(web_demo_db) as store:
        overviews = {o["id"]: o for o in store.report_overviews()}
    assert set(overviews) == {r.story.id for r in demo_reports}
    for r in demo_reports:
        assert summary_of_overview(overviews[r.story.id]) == summarise(r)


def test_summary_dates_filter():
    s = summarise_days([date(2024, 10, 1), date(2024, 10, 5)])
    assert s.active_between(None, None)
    assert s.active_between(date(2024, 10, 5), None) and not s.active_between(date(2024, 10, 6), None)
    assert s.active_between(None, date(2024, 10, 1)) and not s.active_between(None, date(2024, 9, 30))
    assert s.active_between(date(2024, 10, 2), date(2024, 10, 5)) and not s.active_between(date(2024, 10, 2), date(2024, 10, 4))


def summarise_days(days):
    from storyline.web.summary import summary_of

    lines = [(f"a{i}", "t", "o", datetime(d.year, d.month, d.day, 12, tzinfo=timezone.utc)) for i, d in enumerate(days)]
    return summary_of("s", "title", lines, 0, 0, [])


def test_story_of_fact_finds_each_fact_and_nothing_else(web_demo_db, kursk):
    with Store(web_demo_db) as store:
        for f in kursk.facts[:10]:
            assert store.story_of_fact(f.id) == kursk.story.id
        assert store.story_of_fact("f-nothing") is None
        assert store.story_of_fact(kursk.articles[0].id) is None  # an id, but not a fact's


def test_index_sees_a_write_made_through_another_connection(demo_db, tmp_path, kursk):
    db = copy_db(demo_db, tmp_path / "demo.db")
    reader, writer = Store(db), Store(db)
    try:
        index = StoryIndex(reader)
        before = index.summary(kursk.story.id)
        renamed = replace(kursk, title="A new title", conflicts=())
        writer.put_report(renamed)
        after = index.summary(kursk.story.id)
        assert (before.title, after.title) == (kursk.title, "A new title")
        assert after.conflicts == 0 and index.report(kursk.story.id).title == "A new title"
        with writer.write():
            writer.clear_derived()
        assert index.summaries() == []
        with pytest.raises(Exception):
            index.summary(kursk.story.id)
    finally:
        reader.close()
        writer.close()


def test_warm_decodes_the_latest_stories_reports_into_the_cache(web_demo_db):
    from storyline.store import Store
    from storyline.web.index import StoryIndex

    with Store(web_demo_db) as store:
        index = StoryIndex(store, reports_cached=16)
        latest = [s.id for s in index.summaries()]
        assert index.warm(2) == 2
        assert list(index._reports) == latest[:2]
        assert index.report(latest[0]) is index._reports[latest[0]][1]  # served from the cache
        assert index.warm(100) == len(latest)  # never more than the stories there are
