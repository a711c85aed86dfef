"""codec: model dataclasses <-> JSON-able data, exactly."""

import json
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from model_strategies import analysed_articles, articles, claims, story_reports

from storyline.codec import from_data, to_data
from storyline.model import AnalysedArticle, Article, Claim, EventDate, Quantity, Span, StoryReport


def through_json(obj):
    # The store keeps the data as JSON text, so the round trip must survive that too.
    return json.loads(json.dumps(to_data(obj), ensure_ascii=False))


@given(articles)
def test_article_round_trip(a):
    assert from_data(Article, through_json(a)) == a


@given(claims)
def test_claim_round_trip(c):
    assert from_data(Claim, through_json(c)) == c


@settings(max_examples=50)
@given(analysed_articles())
def test_analysed_article_round_trip(a):
    assert from_data(AnalysedArticle, through_json(a)) == a


@settings(max_examples=50)
@given(story_reports())
def test_story_report_round_trip(r):
    assert from_data(StoryReport, through_json(r)) == r


def test_data_is_plain_json_types():
    a = Article("body", "Head", published=datetime(2024, 10, 25, 9, tzinfo=timezone.utc))
    data = to_data(a)
    assert data["published"] == "2024-10-25T09:00:00+00:00"
    assert "id" not in data  # derived, never stored
    assert json.loads(json.dumps(data)) == data


def test_tuples_become_lists_and_come_back_as_tuples():
    span = Span("text", 0, 4)
    c = Claim("c1", "a1", 0, span, "four", "asserted", entities=("x", "y"))
    data = to_data(c)
    assert data["entities"] == ["x", "y"]
    assert from_data(Claim, data).entities == ("x", "y")


def test_offset_is_kept_not_normalised_to_utc():
    # Equal instants compare equal even across offsets; the offset itself must survive.
    when = datetime(2024, 10, 25, 9, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    back = from_data(Article, to_data(Article("t", published=when))).published
    assert back.utcoffset() == timedelta(hours=5, minutes=30)


def test_naive_datetime_stays_naive():
    back = from_data(Article, to_data(Article("t", published=datetime(2024, 1, 2, 3)))).published
    assert back.tzinfo is None


def test_named_zone_in_repeated_hour_keeps_its_reading():
    berlin = ZoneInfo("Europe/Berlin")
    # 02:30 on 27 Oct 2024 happens twice in Berlin; fold=1 is the second (UTC+1).
    when = datetime(2024, 10, 27, 2, 30, tzinfo=berlin, fold=1)
    data = to_data(Article("t", published=when))
    assert data["published"] == "2024-10-27T02:30:00+01:00[Europe/Berlin]"
    back = from_data(Article, data).published
    assert back.tzinfo is berlin and back.fold == 1 and back.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize("fold", [0, 1])
def test_named_zone_in_skipped_hour_keeps_its_wall_time(fold):
    # 02:30 on 31 Mar 2024 never happens in Berlin; converting through UTC would move it.
    when = datetime(2024, 3, 31, 2, 30, tzinfo=ZoneInfo("Europe/Berlin"), fold=fold)
    back = from_data(Article, to_data(Article("t", published=when))).published
    assert (back.hour, back.fold, back.utcoffset()) == (2, fold, when.utcoffset())


def test_integral_float_from_json_comes_back_as_float():
    data = to_data(Quantity("5", Span("text", 0, 1), 5.0, 5.0, 5.0, "exact"))
    data["value"] = 5  # what another JSON writer may emit
    assert isinstance(from_data(Quantity, data).value, float)


def test_missing_field_with_default_takes_the_default():
    assert from_data(Article, {"text": "only text"}) == Article("only text")


@pytest.mark.parametrize(
    "cls, data, where",
    [
        (Article, {"title": "no text"}, "missing field 'text'"),
        (Article, {"text": "t", "colour": "red"}, "unknown field(s) for Article: colour"),
        (Article, {"text": 3}, "Article.text: expected str"),
        (Article, {"text": "t", "published": "yesterday"}, "Article.published"),
        (Span, {"part": "footer", "start": 0, "end": 1}, "Span.part: expected one of 'title', 'text'"),
        (Span, {"part": "text", "start": True, "end": 1}, "Span.start: expected int"),
        (EventDate, {"text": "x", "span": {"part": "text", "start": 0, "end": 1}, "start": "2024-13-01",
                     "end": "2024-01-01", "granularity": "day"}, "EventDate.start"),
    ],
)
def test_bad_data_is_refused_with_its_path(cls, data, where):
    with pytest.raises(ValueError, match=None) as info:
        from_data(cls, data)
    assert where in str(info.value)


def test_nested_path_is_named():
    c = Claim("c1", "a1", 0, Span("text", 0, 1), "x", "asserted", event_date=None)
    data = to_data(c)
    data["quantities"] = [{"text": "x", "span": {"part": "text", "start": 0, "end": "1"}, "value": None,
                           "low": None, "high": None, "qualifier": "exact"}]
    with pytest.raises(ValueError, match=r"Claim\.quantities\[0\]\.span\.end: expected int"):
        from_data(Claim, data)


def test_date_field_refuses_a_datetime_string():
    span = {"part": "text", "start": 0, "end": 1}
    data = {"text": "x", "span": span, "start": "2024-01-01T00:00:00", "end": "2024-01-01", "granularity": "day"}
    with pytest.raises(ValueError, match="EventDate.start"):
        from_data(EventDate, data)


def test_to_data_refuses_non_dataclasses():
    with pytest.raises(TypeError):
        to_data({"text": "x"})
    with pytest.raises(TypeError):
        from_data(dict, {})


def test_event_date_round_trip_keeps_date_type():
    e = EventDate("25 Oct", Span("text", 0, 6), date(2024, 10, 25), date(2024, 10, 25), "day")
    back = from_data(EventDate, to_data(e))
    assert back == e and type(back.start) is date
