"""The public JSON, Markdown and CSV exports of the demo stories."""

import csv
import io

import jsonschema

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
                        # The span is where the source stands: its name, part of it, or a pronoun
                        # resolved to it ("she" for the minister named before).
                        assert quoted in PRONOUNS or _backref(quoted, s.name.lower()) or s.name.lower() in quoted \
                            or quoted in s.name.lower()


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
