"""The codec's compiled fast path decodes exactly what the reference decoder does."""

from __future__ import annotations

import pytest

from storyline.codec import _compiled, _decode, from_data, to_data
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
