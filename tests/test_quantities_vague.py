"""Vague amounts: no single value, a conventional interval (see quantities.py docstring)."""

import pytest

from storyline.analyze.nlp import load_nlp
from storyline.analyze.quantities import find_quantities


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def one(nlp, sentence):
    found = find_quantities(nlp(sentence), "text")
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize("sentence, text, low, high, unit, counted", [
    ("Several thousand soldiers marched into the valley.", "Several thousand", 2000, 9000, None, "soldiers"),
    ("Thousands of soldiers marched into the valley.", "Thousands", 1000, 99000, None, "soldiers"),
    ("Tens of thousands of people fled the city.", "Tens of thousands", 10000, 99000, None, "people"),
    ("Dozens of homes were damaged.", "Dozens", 24, 199, None, "homes"),
    ("The scheme cost hundreds of millions of dollars.", "hundreds of millions of dollars", 1e8, 999e6, "USD", None),
])
def test_vague_amounts_have_an_interval_and_no_value(nlp, sentence, text, low, high, unit, counted):
    q = one(nlp, sentence)
    assert (q.text, q.value, q.low, q.high, q.qualifier, q.unit, q.counted) == (
        text, None, low, high, "vague", unit, counted)


def test_test_scores_are_not_an_amount(nlp):
    # "scores" counts only in "scores of ...".
    assert find_quantities(nlp("Test scores rose in every school."), "text") == []
