"""Numbers that are not figures: dates, years, times, durations, ordinals, names of things, ages."""

import pytest

from storyline.analyze.nlp import load_nlp
from storyline.analyze.quantities import find_quantities


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize("sentence", [
    "The plant closed in 2024.",
    "It reopened on 19 June.",
    "It reopened on June 19, 2021.",
    "Such ferries were built in the 1950s.",
    "The train left at 3 pm.",
    "The train left at 3:30.",
    "He served two years in prison.",
    "She was the first to speak.",
    "An Il-76 landed after the Su-34 took off.",
    "The treaty's Article 5 was invoked.",
    "Read Section 3 before signing.",
    "He lives at No. 10.",
    "Jane Doe, 42, was hurt.",
    "A man aged 61 was arrested.",
    "The 12-year-old girl was found.",
    "A 5-year plan was agreed.",
    "The team won 3-1 on Sunday.",
    "One of them left early.",
])
def test_no_figure(nlp, sentence):
    assert [q.text for q in find_quantities(nlp(sentence), "text")] == []


def test_a_figure_beside_a_rejected_number_is_kept(nlp):
    found = find_quantities(nlp("In 2022, 2,000 people fled after two F-16 jets crashed."), "text")
    assert [(q.text, q.value, q.counted) for q in found] == [("2,000", 2000, "people"), ("two", 2, "jets")]


def test_from_to_is_two_figures_not_a_range(nlp):
    # "rose from 10% to 12%" is a change: each end is its own figure.
    found = find_quantities(nlp("Inflation rose from 10% to 12%."), "text")
    assert [(q.value, q.qualifier) for q in found] == [(10, "exact"), (12, "exact")]
