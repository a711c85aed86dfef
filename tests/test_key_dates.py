"""Key dates: the days whose facts are best supported, from hand-built facts."""

from datetime import date

import pytest

from fusekit import when

from storyline.fuse.key_dates import KeyDateWeights, fact_days, fact_weight, key_dates, rank_days
from storyline.model import EventDate, Fact, KeyDate, Story, StoryReport, Support


def fact(fid, day=None, articles=1, origins=1, end=None, granularity=None, relation="on"):
    d = None
    if day is not None:
        d = when(day, end)
        if granularity:
            d = EventDate(d.text, d.span, d.start, d.end, granularity, relation)
        elif relation != "on":
            d = EventDate(d.text, d.span, d.start, d.end, d.granularity, relation)
    return Fact(fid, f"fact {fid}", "asserted", d, (), (), (), tuple(f"o{i}" for i in range(origins)),
                Support(articles, articles, origins), "a1")


def report(*facts):
    return StoryReport(Story("s1", ("a1",)), "t", (), tuple(facts), (), (), (), ())


MAR3, MAR4, MAR5 = date(2024, 3, 3), date(2024, 3, 4), date(2024, 3, 5)


def test_weight_counts_origins_fully_and_repeats_a_quarter():
    assert fact_weight(fact("f", MAR3, articles=1, origins=1)) == 1.0
    assert fact_weight(fact("f", MAR3, articles=5, origins=2)) == 2.75  # 2 + 3 * 0.25
    assert fact_weight(fact("f", MAR3, articles=3, origins=0)) == 1.5  # no origin known: one


def test_a_day_names_itself_a_range_up_to_a_month_its_days_a_longer_one_none():
    assert fact_days(fact("f", MAR3)) == (MAR3,)
    assert fact_days(fact("f")) == ()
    week = fact_days(fact("f", date(2024, 3, 4), end=date(2024, 3, 10), granularity="week"))
    assert week == tuple(date(2024, 3, d) for d in range(4, 11))
    assert len(fact_days(fact("f", date(2024, 3, 1), end=date(2024, 3, 31)))) == 31
    assert fact_days(fact("f", date(2024, 3, 1), end=date(2024, 5, 31), granularity="season")) == ()
    assert fact_days(fact("f", date(2024, 1, 1), end=date(2024, 12, 31), granularity="year")) == ()
    no_coarse = KeyDateWeights(coarse=0.0)
    assert fact_days(fact("f", date(2024, 3, 1), end=date(2024, 3, 31)), no_coarse) == ()


def test_a_range_spreads_a_small_share_over_its_days():
    week = fact("wk", date(2024, 3, 4), end=date(2024, 3, 10), granularity="week", origins=2, articles=2)
    ranked = rank_days([fact("f1", MAR4), week])
    # f1 gives March 4 a full vote of 1; the week gives each of its 7 days 2 * 0.05 / 7 = 0.0142857.
    assert ranked[0] == KeyDate(MAR4, ("f1", "wk"), 1.014286)
    assert ranked[1] == KeyDate(MAR5, ("wk",), 0.014286)
    assert [k.date for k in ranked[1:]] == [date(2024, 3, d) for d in range(5, 11)]


def test_days_rank_by_summed_support_then_earlier_first():
    r = report(
        fact("f1", MAR4, articles=3, origins=1),  # 1.5
        fact("f2", MAR3, articles=1, origins=1),  # 1.0
        fact("f3", MAR3, articles=2, origins=2),  # 2.0
        fact("f4", MAR5, articles=1, origins=1),  # 1.0
        fact("f5"),  # undated
        fact("f6", date(2023, 1, 1), end=date(2023, 12, 31), granularity="year"),  # no vote
    )
    assert key_dates(r) == (
        KeyDate(MAR3, ("f3", "f2"), 3.0),
        KeyDate(MAR4, ("f1",), 1.5),
        KeyDate(MAR5, ("f4",), 1.0),
    )


def test_limit_keeps_the_best():
    r = report(fact("f1", MAR4, origins=2, articles=2), fact("f2", MAR3), fact("f3", MAR5))
    assert [k.date for k in key_dates(r, limit=2)] == [MAR4, MAR3]


def test_a_deadline_votes_like_an_on_date():
    assert rank_days([fact("f1", MAR4, relation="by")]) == (KeyDate(MAR4, ("f1",), 1.0),)


def test_weights_are_settable():
    w = KeyDateWeights(origin=1.0, article=0.0)
    r = report(fact("f1", MAR4, articles=9, origins=1), fact("f2", MAR3, articles=2, origins=2))
    assert [(k.date, k.score) for k in key_dates(r, weights=w)] == [(MAR3, 2.0), (MAR4, 1.0)]


def test_a_story_without_dated_facts_has_no_key_dates():
    assert key_dates(report(fact("f1"), fact("f2"))) == ()


# --------------------------------------------------------------------------- where users see them


def test_json_export_lists_key_dates_and_validates():
    import jsonschema

    from storyline.export.json_export import export_document, load_schema

    r = report(fact("f1", MAR4, articles=3, origins=1), fact("f2", MAR3), fact("f3"))
    doc = export_document([r])
    assert doc["schema_version"] == "1.2"
    assert doc["stories"][0]["key_dates"] == [
        {"date": "2024-03-04", "fact_ids": ["f1"], "score": 1.5},
        {"date": "2024-03-03", "fact_ids": ["f2"], "score": 1.0},
    ]
    schema = load_schema()
    story = schema["$defs"]["story"]
    assert "key_dates" in story["required"]
    jsonschema.validate(doc["stories"][0]["key_dates"], {**story["properties"]["key_dates"], "$defs": schema["$defs"]})
    with pytest.raises(jsonschema.ValidationError):  # the schema does constrain them
        jsonschema.validate([{"date": "4 March", "fact_ids": ["f1"], "score": 1.0}],
                            {**story["properties"]["key_dates"], "$defs": schema["$defs"]})


def test_markdown_lists_key_dates_with_their_best_fact():
    from storyline.export.markdown import story_markdown

    md = story_markdown(report(fact("f1", MAR4, articles=3, origins=1), fact("f2", MAR3),
                               fact("f9", MAR3)))
    section = md.split("## Key dates\n\n", 1)[1].split("\n\n", 1)[0]
    assert section.splitlines() == [
        "- **2024-03-03** (score 2): fact f2 (and 1 more fact)",
        "- **2024-03-04** (score 1.5): fact f1",
    ]


def test_terminal_shows_the_top_n_key_dates_or_none():
    from rich.console import Console

    from storyline.views.terminal import render_story

    r = report(fact("f1", MAR4, articles=3, origins=1), fact("f2", MAR3), fact("f3", MAR5, origins=2))
    console = Console(record=True, width=200)
    render_story(console, r, n_key_dates=2)
    text = console.export_text()
    assert "Key dates (top 2" in text
    assert "2024-03-05" in text.split("Timeline")[0] and "2024-03-04" in text.split("Timeline")[0]
    assert "2024-03-03" not in text.split("Timeline")[0]
    console = Console(record=True, width=200)
    render_story(console, r, n_key_dates=0)
    assert "Key dates" not in console.export_text()
