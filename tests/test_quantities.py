"""Figures read from news sentences: value, interval, qualifier, unit, what is counted.

Each case is a sentence written for this file, with the expected reading worked
out by hand. ``one(sentence)`` asserts there is exactly one figure in it.
"""

import pytest

from storyline.analyze.nlp import load_nlp
from storyline.analyze.quantities import find_quantities


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def figures(nlp, sentence):
    return find_quantities(nlp(sentence), "text")


def one(nlp, sentence):
    found = figures(nlp, sentence)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def reading(q):
    return (q.text, q.value, q.low, q.high, q.qualifier, q.unit, q.counted)


# (sentence, text, value, low, high, qualifier, unit, counted)
CASES = [
    ("About 5,000 troops crossed the river.", "About 5,000", 5000, 5000, 5000, "approx", None, "troops"),
    ("More than 20,000 troops have been deployed.", "More than 20,000", 20000, 20000, None, "more_than", None, "troops"),
    ("The fund could reach up to five billion euros.", "up to five billion euros", 5e9, None, 5e9, "up_to", "EUR", None),
    ("The bank lent €5bn to the utility.", "€5bn", 5e9, 5e9, 5e9, "exact", "EUR", None),
    ("The startup raised $3.2 million in seed funding.", "$3.2 million", 3.2e6, 3.2e6, 3.2e6, "exact", "USD", "seed funding"),
    ("Between 3,000 and 4,000 workers walked out.", "Between 3,000 and 4,000", None, 3000, 4000, "range", None, "workers"),
    ("At least 12 people died in the flood.", "At least 12", 12, 12, None, "at_least", None, "people"),
    ("Turnout fell by nearly 40% in the north.", "nearly 40%", 40, 40, 40, "approx", "percent", None),
    ("The army sent 11,000 men.", "11,000", 11000, 11000, 11000, "exact", None, "men"),
    ("Two dozen reporters waited outside.", "Two dozen", 24, 24, 24, "exact", None, "reporters"),
    ("Some 400 police officers were on duty.", "Some 400", 400, 400, 400, "approx", None, "police officers"),
    ("Fewer than 50 medics were on duty.", "Fewer than 50", 50, None, 50, "less_than", None, "medics"),
    ("Officials expect 10,000 to 12,000 visitors.", "10,000 to 12,000", None, 10000, 12000, "range", None, "visitors"),
    ("The city may hire 3 to 4 million workers.", "3 to 4 million", None, 3e6, 4e6, "range", None, "workers"),
    ("Revenue rose to £2.4bn this spring.", "£2.4bn", 2.4e9, 2.4e9, 2.4e9, "exact", "GBP", None),
    ("The ministry pledged 500 million hryvnias.", "500 million hryvnias", 5e8, 5e8, 5e8, "exact", "UAH", None),
    ("The convoy carried 300 tonnes of grain.", "300 tonnes", 300, 300, 300, "exact", "tonnes", "grain"),
    ("The storm cut a path 12 km wide.", "12 km", 12, 12, 12, "exact", "km", None),
    ("Nearly 40 percent of voters backed the plan.", "Nearly 40 percent", 40, 40, 40, "approx", "percent", "voters"),
    ("The quarry kept 300 pounds of explosives.", "300 pounds", 300, 300, 300, "exact", "lb", "explosives"),
    ("Half a million people signed it.", "Half a million", 5e5, 5e5, 5e5, "exact", None, "people"),
    ("Russia has sent 10k troops.", "10k", 1e4, 1e4, 1e4, "exact", None, "troops"),
    ("The agency posted revenue of $3m last year.", "$3m", 3e6, 3e6, 3e6, "exact", "USD", "revenue"),
    ("They agreed a $5bn loan.", "$5bn", 5e9, 5e9, 5e9, "exact", "USD", "loan"),
    ("The club signed 5,000 or more members.", "5,000 or more", 5000, 5000, None, "at_least", None, "members"),
    ("One hundred and fifty cars were towed.", "One hundred and fifty", 150, 150, 150, "exact", None, "cars"),
]


@pytest.mark.parametrize("sentence, text, value, low, high, qualifier, unit, counted", CASES)
def test_reads_the_figure(nlp, sentence, text, value, low, high, qualifier, unit, counted):
    assert reading(one(nlp, sentence)) == (text, value, low, high, qualifier, unit, counted)


def test_span_offsets_point_at_the_text(nlp):
    sentence = "Officials said that about 5,000 troops had crossed."
    q = one(nlp, sentence)
    assert q.span.part == "text"
    assert sentence[q.span.start:q.span.end] == "about 5,000"


def test_title_part_is_kept(nlp):
    q = find_quantities(nlp("Up to 300 jobs cut at mill"), "title")[0]
    assert q.span.part == "title" and q.qualifier == "up_to" and q.high == 300


@pytest.mark.parametrize("sentence, value", [
    ("A strong earthquake of magnitude 5.4 shook the coast.", 5.4),
    ("The magnitude 7.1 earthquake toppled the bridge.", 7.1),
    ("A 6.8-magnitude tremor was felt in the capital.", 6.8),
    ("The survey revised the quake's magnitude to 5.3 on Friday.", 5.3),
    ("The tremor had a magnitude of 4.6, the institute said.", 4.6),
])
def test_a_reading_on_a_named_scale_measures_the_scale(nlp, sentence, value):
    q = one(nlp, sentence)
    assert (q.value, q.counted) == (value, "magnitude")


@pytest.mark.parametrize("sentence, counted", [
    ("A storm swept the coast on Friday, killing 4 people and injuring about 30.",
     ["people", "people"]),
    ("Police sent 300 officers to the north and 200 to the south.", ["officers", "officers"]),
    ("The floods destroyed 40 homes and damaged 120 more.", ["homes", "homes"]),
    # Two clauses that are not joined: the bare figure stays bare.
    ("The fire killed 3 people. Crews pulled 20 from the river.", ["people", None]),
])
def test_a_bare_figure_in_a_coordination_counts_what_its_partner_counts(nlp, sentence, counted):
    assert [q.counted for q in figures(nlp, sentence)] == counted
