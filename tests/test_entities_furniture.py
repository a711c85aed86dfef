"""Credits, page furniture and datelines: what an article contributes to clustering.

Every text here is written for this file. A reporter's byline, a photo credit, a copyright
line or a video player's plea to enable scripts must not put a name among the article's
terms; the people of the story stay, and a dateline's town is a place.
"""

import pytest

from storyline.analyze.entities import link_entities
from storyline.analyze.furniture import dateline_places, furniture_spans
from storyline.analyze.nlp import load_nlp
from storyline.analyze.terms import ENTITY_PREFIX, article_terms


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def analyse(nlp, text, title="Two horses die in a barn fire"):
    parts = [("title", nlp(title)), ("text", nlp(text))]
    mentions, entities = link_entities(parts)
    return mentions, entities, article_terms(parts, mentions)


def people(mentions):
    return {m.key for m in mentions if m.label == "PERSON"}


def spans(text):
    return [text[s:e] for s, e in furniture_spans(text)]


def test_byline_and_contributor_credit_are_not_the_storys_people(nlp):
    text = ("By Rosalind Pettigrew, staff writer\n"
            "Tobias Wexford lost two horses when his barn burned on Sunday night.\n"
            "Wexford said the fire started near the hay loft.\n"
            "Contributing: Marguerite Okafor")
    mentions, entities, terms = analyse(nlp, text)
    assert "tobias wexford" in people(mentions)
    assert ENTITY_PREFIX + "tobias wexford" in terms
    for reporter in ("rosalind pettigrew", "marguerite okafor"):
        assert reporter not in people(mentions)
        assert ENTITY_PREFIX + reporter not in terms
        assert reporter not in {e.key for e in entities}


def test_copyright_line_and_contact_are_not_entities(nlp):
    text = ("Fire chief Amadou Lindqvist said the blaze was put out within an hour.\n"
            "Reach the writer at desk@example.org or on the phone.\n"
            "Copyright 2019 Harbourview Broadcasting Group.\n"
            "All rights reserved.")
    mentions, _, terms = analyse(nlp, text)
    assert "amadou lindqvist" in people(mentions)
    assert not [k for k in terms if "harbourview" in k]


def test_video_player_plea_leaves_entities_and_lemmas(nlp):
    text = ("Please enable Javascript to watch this video\n"
            "Her neighbour, Priya Castellanos, called firefighters when she saw the smoke.")
    mentions, _, terms = analyse(nlp, text)
    assert "priya castelanos" in people(mentions)  # doubled letters folded
    assert "javascript" not in people(mentions)
    assert "javascript" not in terms and ENTITY_PREFIX + "javascript" not in terms


def test_a_sentence_opening_with_by_is_story_text():
    assert spans("By Monday, investigators had questioned Tobias Wexford twice.") == []
    assert spans("From the porch, Priya Castellanos saw the smoke.") == []


def test_a_byline_running_into_the_story_loses_only_the_names():
    text = "By Rosalind Pettigrew WXYZ - A barn burned to the ground on Sunday night near the river road."
    assert spans(text) == ["By Rosalind Pettigrew WXYZ "]


def test_a_dateline_town_is_a_place_after_the_player_plea(nlp):
    text = "Please enable Javascript to watch this video GLENMARROW, Ore. (KXYZ) - A barn burned."
    assert [text[s:e] for s, e in dateline_places(text, furniture_spans(text))] == ["GLENMARROW"]
    mentions, _, _ = analyse(nlp, text)
    assert {m.key: m.label for m in mentions}.get("glenmarow") == "GPE"  # doubled letters folded


def test_a_news_label_or_a_known_organisation_before_a_dash_is_no_dateline():
    for text in ("UPDATE - The ferry will sail at noon.", "NATO - The alliance met on Monday.",
                 "BREAKING (video) - A barn burned."):
        assert dateline_places(text, furniture_spans(text)) == [], text
