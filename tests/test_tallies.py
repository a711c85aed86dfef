"""Casualty tallies read from news sentences: which figures count the dead, the injured...

Each sentence is written for this file; the expected tallies are worked out by hand
from the words around each figure.
"""

import pytest

from storyline.analyze.claims import _predicate
from storyline.analyze.nlp import load_nlp
from storyline.analyze.quantities import find_quantities


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def tallies(nlp, sentence):
    return [(q.text, q.tally) for q in find_quantities(nlp(sentence), "text")]


@pytest.mark.parametrize("sentence, expected", [
    # one toll, many wordings
    ("The flood in the valley has killed 17 people.", [("17", "killed")]),
    ("At least 17 people died when the river burst its banks.", [("At least 17", "killed")]),
    ("The county said the death toll stood at 17.", [("17", "killed")]),
    ("The toll from the flood rose to 17 on Friday.", [("17", "killed")]),
    ("Rescuers reported 17 deaths in the valley.", [("17", "killed")]),
    ("Flash flood in river valley leaves at least 17 dead", [("at least 17", "killed")]),
    ("Nine residents were confirmed dead on Saturday.", [("Nine", "killed")]),
    ("The number of people killed in the flood has risen to 17.", [("17", "killed")]),
    ("The agency corrected the death toll to 17 people.", [("17", "killed")]),
    ("The storm claimed 17 lives along the coast.", [("17", "killed")]),
    # the other tallies
    ("The blast killed four people and injured about 60.", [("four", "killed"), ("about 60", "injured")]),
    ("Dozens of passengers were hurt in the derailment.", [("Dozens", "injured")]),
    ("Three climbers remain missing on the glacier.", [("Three", "missing")]),
    ("More than 2,000 villagers were evacuated from the valley.", [("More than 2,000", "displaced")]),
    ("Police arrested 31 people after the match.", [("31", "arrested")]),
])
def test_a_casualty_figure_gets_its_tally(nlp, sentence, expected):
    assert tallies(nlp, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The hospital treated 40 people for smoke inhalation.",  # treated is not a tally
    "Rescuers found 12 survivors under the rubble.",
    "Tolls on the bridge rose to 5 dollars.",  # tolls are charges
    "The fund raised its forecast to 3 billion euros.",
    "Another 12 people were killed on Monday.",  # an increment, not the toll
    "The mine operator said 112 workers had been brought to the surface.",
])
def test_other_figures_have_no_tally(nlp, sentence):
    assert all(t is None for _, t in tallies(nlp, sentence)), tallies(nlp, sentence)


def test_a_count_s_verb_reports_the_counted_event(nlp):
    # "the toll stood at 17" tells that 17 were killed: its event is the killing
    doc = nlp("The death toll stood at 17.")
    assert _predicate(list(doc)) == "kill"
    doc = nlp("The death toll has been a source of dispute.")  # no figure: the verb stays
    assert _predicate(list(doc)) == "be"
