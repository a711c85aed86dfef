"""The codec's compiled fast paths encode and decode exactly what the reference does."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from model_strategies import analysed_articles, story_reports

from storyline.codec import _compiled, _decode, _encode, _encoder, from_data, to_data
from storyline.model import AnalysedArticle, StoryReport
from storyline.store import Store


def test_fast_and_reference_decoders_agree_on_the_demo(demo_db, demo_reports):
    with Store(demo_db) as store:
        analyses = [store.get_analysis(a.id) for r in demo_reports for a in r.articles]
    for cls, objects in ((StoryReport, demo_reports), (AnalysedArticle, analyses)):
        for obj in objects:
            data = to_data(obj)
            fast = _compiled(cls)(data)
            assert fast == _decode(data, cls, cls.__name__) == obj


@pytest.mark.parametrize("damage", [
    lambda d: d["facts"][0].update(status="rumoured"),
    lambda d: d["facts"][0]["support"].update(articles="3"),
    lambda d: d["facts"][0]["support"].update(articles=True),
    lambda d: d["articles"][0].update(published="last week"),
    lambda d: d["facts"][0].update(colour="red"),
    lambda d: d["facts"][0].pop("text"),
    lambda d: d["story"].update(article_ids="a1"),
])
def test_damaged_data_fails_the_fast_path_and_reports_its_path(demo_reports, damage):
    data = to_data(demo_reports[0])
    damage(data)
    with pytest.raises(Exception):
        _compiled(StoryReport)(data)
    with pytest.raises(ValueError, match=r"StoryReport\.(facts|articles|story)"):
        from_data(StoryReport, data)


def _same_data(fast, reference) -> bool:
    # == alone would take 1 for True and a tuple for a list; the JSON text tells them apart.
    return json.dumps(fast) == json.dumps(reference) and fast == reference


def test_fast_and_reference_encoders_agree_on_the_demo(demo_db, demo_reports):
    with Store(demo_db) as store:
        analyses = [store.get_analysis(a.id) for r in demo_reports for a in r.articles]
    for obj in [*demo_reports, *analyses]:
        cls = type(obj)
        assert _same_data(_encoder(cls)(obj), _encode(obj, cls, cls.__name__))


@settings(max_examples=40, deadline=None)
@given(story_reports())
def test_fast_and_reference_encoders_agree_on_any_report(report):
    assert _same_data(_encoder(StoryReport)(report), _encode(report, StoryReport, "StoryReport"))


@settings(max_examples=40, deadline=None)
@given(analysed_articles())
def test_fast_and_reference_encoders_agree_on_any_analysis(a):
    assert _same_data(_encoder(AnalysedArticle)(a), _encode(a, AnalysedArticle, "AnalysedArticle"))


def test_a_value_the_fast_encoder_cannot_take_is_reported_by_the_reference(demo_reports):
    from dataclasses import replace

    broken = replace(demo_reports[0], facts=7)  # not a tuple of facts
    with pytest.raises(TypeError):
        _encoder(StoryReport)(broken)
    with pytest.raises(TypeError):
        to_data(broken)
