"""The public JSON, Markdown and CSV exports: of the demo stories, and of one small rewrite of another outlet's report."""

import csv
import io

import jsonschema
import pytest

from storyline.export.csv_export import COLUMNS, export_csv
from storyline.export.json_export import export_document, load_schema
from storyline.export.markdown import export_markdown

# personal pronouns, and relative ones: "the minister, who said ..." stands at "who"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "his", "her", "their", "who", "which", "that"}


def _backref(quoted: str, name: str) -> bool:
    """"the newspaper", "the officials": a back-reference resolved to the source named before."""
    from storyline.analyze.cues import OUTLET_BACKREFS, REPORT_BACKREFS

    words = quoted.split()
    return len(words) >= 2 and words[0] == "the" and (
        words[-1] in OUTLET_BACKREFS | REPORT_BACKREFS or words[-1] in name.split()
    ) or _described(words)


def _described(words: list[str]) -> bool:
    """"a South Korean analyst" (or "Seoul analyst" in a headline): an expert described where
    the article speaks of them first and named later (analyze.claims._name_the_unnamed)."""
    from storyline.analyze.claims import _EXPERTS

    return bool(words) and words[-1] in _EXPERTS


def test_demo_export_validates_against_schema(demo_reports):
    doc = export_document(demo_reports)
    jsonschema.Draft202012Validator.check_schema(load_schema())
    jsonschema.validate(doc, load_schema())


def test_offsets_point_at_the_quoted_characters(demo_reports):
    for report in demo_reports:
        articles = {a.id: a for a in report.articles}
        for fact in report.facts:
            for claim in fact.claims:
                text = articles[claim.article_id].part(claim.span.part)
                assert text[claim.span.start:claim.span.end] == claim.text
                for q in claim.quantities:
                    assert text[q.span.start:q.span.end] == q.text
                for s in claim.attribution:
                    if s.span is not None:
                        quoted = articles[claim.article_id].part(s.span.part)[s.span.start:s.span.end].lower()
                        # The span is where the source stands: its name, part of it, a pronoun
                        # resolved to it ("she" for the minister named before), or the adverb
                        # that stands for unnamed reports ("reportedly").
                        assert quoted in PRONOUNS or _backref(quoted, s.name.lower()) or s.name.lower() in quoted \
                            or quoted in s.name.lower() or (s.name, quoted) == ("reports", "reportedly")


def test_timeline_holds_every_dated_fact_once(demo_reports):
    for r in demo_reports:
        dated = {f.id for f in r.facts if f.event_date}
        assert sorted(r.timeline) == sorted(dated)
        assert set(r.undated) == {f.id for f in r.facts} - dated


def test_markdown_and_csv_cover_every_fact(demo_reports):
    md = export_markdown(demo_reports)
    rows = list(csv.DictReader(io.StringIO(export_csv(demo_reports))))
    assert list(rows[0].keys()) == COLUMNS
    for r in demo_reports:
        assert f"# {r.title}" in md
        for f in r.facts:
            assert f"`{f.id}`" in md
            assert sum(row["fact_id"] == f.id for row in rows) == len(f.claims)


# ------------------------------------------------------------------ a claim's inherited relay

def test_chain_label_marks_the_links_a_claim_inherits_from_its_articles_relay():
    from storyline.export.labels import chain_label
    from storyline.model import Claim, Source, Span

    times = Source("The New York Times", "outlet", Span("text", 40, 58), "reported")
    herald = (Source("local officials", "official", None, "citing"), Source("The Daily Herald", "outlet"))

    def said(*sources: Source) -> Claim:
        return Claim("c", "a", 0, Span("text", 0, 9), "The dam burst.", "reported", attribution=sources)

    assert chain_label(said()) == "the outlet itself"  # nothing said, nothing relayed
    assert chain_label(said(), (times,)) == "The New York Times (the article's relay)"
    assert chain_label(said(Source("officials", "official")), (times,)) == \
        "officials, via The New York Times (the article's relay)"
    assert chain_label(said(), herald) == "local officials, via The Daily Herald (all the article's relay)"
    assert chain_label(said(Source("a spokesman", "official")), herald) == \
        "a spokesman, via local officials, via The Daily Herald (the last 2: the article's relay)"
    # a chain of its own that reaches an outlet, or a named speaker, inherits nothing
    assert chain_label(said(Source("officials", "official"), times), herald) == "officials, via The New York Times"
    assert chain_label(said(Source("Ruth Alder", "person")), (times,)) == "Ruth Alder"


# An article of one outlet that rewrites another's report: its lead names the report, its
# headline and a later sentence name no source of their own.
REWRITE = """---
title: Lowick port shut after storm
outlet: Fenwick Daily
published: 2025-02-04T09:00:00+00:00
---
The port of Lowick will stay closed until Friday, the Marsh Gazette reported on Tuesday.
Harbour master Ines Varga said that the quay would be repaired within weeks.
Two cranes were damaged by the storm.
"""
BODY = REWRITE.split("---\n", 2)[2]


@pytest.fixture(scope="module")
def rewrite(tmp_path_factory):
    """The rewrite read through the real Tracker into a SQLite file of its own."""
    from storyline.tracker import Tracker

    folder = tmp_path_factory.mktemp("rewrite")
    (folder / "lowick.md").write_text(REWRITE)
    with Tracker(folder / "rewrite.db") as t:
        t.add([str(folder / "lowick.md")])
        [report] = t.stories()
    return report


def _claim(facts, sentence: str):
    return next(c for f in facts for c in f["claims"] if c["sentence"] == sentence)


def test_json_gives_a_claims_inherited_relay_apart_from_its_own_attribution(rewrite):
    doc = export_document([rewrite])
    jsonschema.validate(doc, load_schema())
    facts = doc["stories"][0]["facts"]
    gazette = BODY.index("the Marsh Gazette")
    relay = {"name": "the Marsh Gazette", "kind": "outlet", "cue": "reported", "part": "text",
             "char_start": gazette, "char_end": gazette + len("the Marsh Gazette")}

    cranes = _claim(facts, "Two cranes were damaged by the storm.")
    assert cranes["attribution"] == []  # its sentence names nobody: unchanged
    [inherited] = cranes["inherited_attribution"]
    assert {k: inherited[k] for k in relay} == relay  # where the lead names the report
    headline = _claim(facts, "Lowick port shut after storm")
    assert headline["part"] == "title" and headline["attribution"] == []
    assert [s["name"] for s in headline["inherited_attribution"]] == ["the Marsh Gazette"]
    # a sentence that names its source keeps it, and inherits nothing
    lead = _claim(facts, "The port of Lowick will stay closed until Friday")
    assert [s["name"] for s in lead["attribution"]] == ["the Marsh Gazette"] and lead["inherited_attribution"] == []
    varga = _claim(facts, "the quay would be repaired within weeks")
    assert [s["name"] for s in varga["attribution"]] == ["Ines Varga"] and varga["inherited_attribution"] == []
    # and the origin the fact counts is the one the claim now shows
    assert next(f for f in facts if cranes in f["claims"])["origins"] == ["the Marsh Gazette"]


def test_markdown_csv_and_terminal_show_the_inherited_relay_not_the_outlet_itself(rewrite):
    from rich.console import Console

    from storyline.views.terminal import render_story

    md = export_markdown([rewrite])
    assert ("- Fenwick Daily: Lowick port shut after storm, says the Marsh Gazette (the article's relay): "
            '"Two cranes were damaged by the storm."') in md
    assert 'says the Marsh Gazette: "The port of Lowick will stay closed until Friday"' in md
    assert "the outlet itself" not in md

    rows = {r["claim"]: r for r in csv.DictReader(io.StringIO(export_csv([rewrite])))}
    assert rows["Two cranes were damaged by the storm."]["attribution"] == "the Marsh Gazette (the article's relay)"
    assert rows["the quay would be repaired within weeks"]["attribution"] == "Ines Varga"

    console = Console(file=io.StringIO(), width=200, color_system=None)
    render_story(console, rewrite)
    shown = console.file.getvalue()
    assert "- Fenwick Daily (2025-02-04): the Marsh Gazette (the article's relay)" in shown
    assert "number: Two [exact] (cranes)" in shown  # the qualifier in brackets is text, not Rich markup
    assert "the outlet itself" not in shown
