"""Across the articles of a story: equal keys merge, names and aliases are unioned."""

from storyline.analyze.entities import link_entities, merge_entities, surname_keys
from storyline.analyze.nlp import load_nlp
from storyline.model import Entity


def test_same_key_merges_into_one_entity_with_all_aliases():
    a = Entity("north korea", "North Korea", "GPE", ("DPRK",))
    b = Entity("north korea", "North Korea", "GPE", ("North Korean", "DPRK"))
    c = Entity("kyiv", "Kyiv", "GPE")
    merged = merge_entities([a, c, b])
    assert [e.key for e in merged] == ["north korea", "kyiv"]
    assert merged[0].aliases == ("DPRK", "North Korean")


def test_most_formal_name_wins_for_non_gazetteer_entities():
    a = Entity("harbour authority", "Harbour Authority", "ORG")
    b = Entity("harbour authority", "the Harbour Authority of Tarn", "ORG")
    merged = merge_entities([a, b])
    assert merged[0].name == "the Harbour Authority of Tarn"
    assert merged[0].aliases == ("Harbour Authority",)


def test_transliterations_in_two_articles_get_one_key():
    nlp = load_nlp()
    _, first = link_entities([("text", nlp("Volodymyr Zelenskyy addressed parliament."))])
    _, second = link_entities([("text", nlp("Volodymyr Zelenskiy addressed parliament."))])
    merged = [e for e in merge_entities(first + second) if e.type == "PERSON"]
    assert len(merged) == 1 and merged[0].key == "volodymyr zelensky"
    assert set(merged[0].aliases) | {merged[0].name} == {"Volodymyr Zelenskyy", "Volodymyr Zelenskiy"}


def test_surname_keys_relate_a_lone_surname_to_the_one_full_name():
    people = [Entity("volodymyr zelensky", "Volodymyr Zelenskyy", "PERSON"),
              Entity("zelensky", "Zelensky", "PERSON"),
              Entity("berg", "Berg", "PERSON"),
              Entity("anna berg", "Anna Berg", "PERSON"),
              Entity("tom berg", "Tom Berg", "PERSON")]
    # "berg" is ambiguous between two full names, so it is left alone.
    assert surname_keys(people) == {"zelensky": "volodymyr zelensky"}
