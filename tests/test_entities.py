"""Canonical keys for one article's mentions: gazetteer names, persons, surnames, acronyms.

Sentences are written for this file; the expected keys follow the rules in entities.py.
"""

import pytest

from storyline.analyze.entities import entity_key, link_entities
from storyline.analyze.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def link(nlp, text, title=""):
    parts = [(p, nlp(t)) for p, t in (("title", title), ("text", text)) if t]
    return link_entities(parts)


def keys_of(mentions):
    return {m.text: m.key for m in mentions}


def test_country_names_demonyms_and_acronym_share_one_key(nlp):
    mentions, entities = link(nlp, "The DPRK sent envoys. North Korean diplomats met the "
                                   "Democratic People's Republic of Korea's allies.")
    keys = keys_of(mentions)
    assert keys["DPRK"] == keys["North Korean"] == keys["Democratic People's Republic of Korea"] == "north korea"
    [country] = [e for e in entities if e.key == "north korea"]
    assert (country.name, country.type) == ("North Korea", "GPE")
    assert {"DPRK", "North Korean", "Democratic People's Republic of Korea"} <= set(country.aliases)


def test_demonym_mention_keeps_norp_label(nlp):
    mentions, _ = link(nlp, "Ukrainian soldiers crossed the river.")
    [m] = [m for m in mentions if m.text == "Ukrainian"]
    assert (m.key, m.label) == ("ukraine", "NORP")


def test_capital_as_actor_is_the_government_but_moscow_stays_a_city(nlp):
    mentions, _ = link(nlp, "Pyongyang denied the report. Talks were held in Moscow.")
    keys = keys_of(mentions)
    assert keys["Pyongyang"] == "north korea"
    assert keys["Moscow"] == "moscow"


def test_surname_links_to_full_name_in_same_article(nlp):
    mentions, entities = link(nlp, "Volodymyr Zelenskyy spoke on Monday. Later, Zelenskyy "
                                   "visited the front line.")
    assert {m.key for m in mentions if "Zelensk" in m.text} == {"volodymyr zelensky"}
    [person] = [e for e in entities if e.key == "volodymyr zelensky"]
    assert (person.name, person.type) == ("Volodymyr Zelenskyy", "PERSON")
    assert all(m.label == "PERSON" for m in mentions if m.key == "volodymyr zelensky")


def test_acronym_links_to_spelled_out_name_in_same_article(nlp):
    mentions, _ = link(nlp, "The Baltic Shipping Council (BSC) met in Riga. The BSC said fees would rise.")
    keys = keys_of(mentions)
    assert keys.get("BSC") == keys.get("Baltic Shipping Council")
    assert keys["BSC"] == "baltic shiping council"  # keys fold doubled letters


def test_korean_peoples_army_is_its_own_entity(nlp):
    mentions, entities = link(nlp, "The Korean People's Army moved north. North Korea said the KPA was ready.")
    keys = keys_of(mentions)
    assert keys["KPA"] == keys["Korean People's Army"] == "korean people's army"
    assert {e.key: e.type for e in entities}["korean people's army"] == "ORG"


def test_mislabelled_place_gets_its_gazetteer_type(nlp):
    # The small model tends to call Kursk a PRODUCT and Vladivostok a PERSON.
    mentions, _ = link(nlp, "Troops arrived near Kursk and flew out of Vladivostok.")
    labels = {m.text: m.label for m in mentions}
    assert labels["Kursk"] == "GPE" and labels["Vladivostok"] == "GPE"


def test_numbers_and_dates_are_not_entities(nlp):
    mentions, _ = link(nlp, "On Monday, 5,000 people paid $20 each, 40% more than in 2023.")
    assert mentions == []


def test_mention_span_is_the_cleaned_name(nlp):
    text = "Officials from the United States met the European Union's envoy."
    mentions, _ = link(nlp, text)
    for m in mentions:
        assert text[m.span.start:m.span.end] == m.text
    assert {m.text for m in mentions} == {"United States", "European Union"}


@pytest.mark.parametrize("name, label, key", [
    ("Volodymyr Zelenskyy", "PERSON", "volodymyr zelensky"),
    ("Zelenskiy", "PERSON", "zelensky"),
    ("President Zelensky", "PERSON", "zelensky"),
    ("Sergei Ivanoff", "PERSON", "sergei ivanov"),
    ("the U.S.'s", "GPE", "united states"),
    ("America", "GPE", "united states"),
    ("Britain", "GPE", "united kingdom"),
    ("EU", "ORG", "european union"),
    ("The Foreign Office\n", "ORG", "foreign ofice"),  # doubled letters fold in every key
    ("Kiev", "GPE", "kyiv"),
    ("Zürich", "GPE", "zurich"),
])
def test_entity_key(name, label, key):
    assert entity_key(name, label) == key


def test_lower_case_us_is_not_the_united_states():
    assert entity_key("us", "ORG") == "us"
