"""The core issue's acceptance test on the two real seed articles (read from ../shared/seeds).

Expected values are written by hand from reading the two articles: the first
(published Friday 2024-10-25) and the second (Tuesday 2024-10-29) both relay
The New York Times; the second adds BILD's analyst figures and later dates.
"""

from datetime import date

import pytest


@pytest.fixture(scope="module")
def story(seed_reports):
    assert len(seed_reports) == 1, [r.title for r in seed_reports]
    return seed_reports[0]


def fact_with(story, *words):
    """The fact one of whose claims holds all these words (case-insensitive)."""
    found = [
        f for f in story.facts
        if any(all(w.lower() in c.text.lower() for w in words) for c in f.claims)
    ]
    assert found, f"no fact has a claim with {words}"
    return found[0]


def claim_with(story, *words):
    for f in story.facts:
        for c in f.claims:
            if all(w.lower() in c.text.lower() for w in words):
                return c
    raise AssertionError(f"no claim with {words}")


def test_both_articles_form_one_story(story):
    assert len(story.articles) == 2
    assert {a.outlet for a in story.articles} == {"Outlet One", "Outlet Two"}


@pytest.mark.parametrize(
    "words_first, words_second",
    [
        (("arrived", "Kursk"), ("arrived", "Kursk")),
        (("not yet entered",), ("not yet engaged",)),
    ],
)
def test_shared_facts_are_one_fact_with_one_origin(story, words_first, words_second):
    a, b = story.articles
    fact = fact_with(story, *words_first)
    assert fact is fact_with(story, *words_second), "the paraphrases should be one fact"
    assert {c.article_id for c in fact.claims} == {a.id, b.id}
    assert fact.support.outlets == 2
    assert fact.support.independent_origins == 1
    assert fact.origins == ("The New York Times",)


def test_relative_and_absolute_dates_land_on_their_days(story):
    cases = [
        (("began arriving",), date(2024, 10, 23), date(2024, 10, 23)),  # "on Wednesday" before Fri 25th
        (("5,000",), date(2024, 10, 28), date(2024, 10, 28)),  # "by Monday" after Fri 25th
        (("draft law",), date(2024, 10, 14), date(2024, 10, 14)),
        (("June",), date(2024, 6, 19), date(2024, 6, 19)),
        (("de facto",), date(2024, 10, 27), date(2024, 10, 27)),
        (("anticipated",), date(2024, 10, 27), date(2024, 10, 28)),  # "by October 27-28"
        (("trucks",), date(2024, 10, 28), date(2024, 10, 28)),
    ]
    for words, start, end in cases:
        claim = claim_with(story, *words)
        assert claim.event_date is not None, words
        assert (claim.event_date.start, claim.event_date.end) == (start, end), words
    assert claim_with(story, "5,000").event_date.relation == "by"


def test_timeline_is_in_event_order(story):
    facts = {f.id: f for f in story.facts}
    starts = [facts[i].event_date.start for i in story.timeline]
    assert starts == sorted(starts)
    assert fact_with(story, "June").id in story.timeline


def test_quantities_keep_qualifiers_and_units(story):
    def quantity(words, number_text):
        claim = claim_with(story, *words)
        matches = [q for q in claim.quantities if number_text in q.text]
        assert matches, (words, [q.text for q in claim.quantities])
        return matches[0]

    q = quantity(("5,000",), "5,000")
    assert (q.qualifier, q.value, q.unit) == ("approx", 5000, None)
    q = quantity(("11,000",), "11,000")
    assert (q.qualifier, q.value) == ("approx", 11000)
    q = quantity(("five billion",), "five billion")
    assert (q.qualifier, q.high, q.unit) == ("up_to", 5e9, "EUR")
    q = quantity(("20,000",), "20,000")
    assert (q.qualifier, q.low) == ("more_than", 20000)
    q = quantity(("hundreds of millions",), "hundreds of millions")
    assert (q.qualifier, q.unit) == ("vague", "USD")
    assert q.low is not None and q.low >= 1e8


def test_1950s_is_not_a_quantity(story):
    claim = claim_with(story, "1950s")
    assert not any("1950" in q.text for q in claim.quantities)


def test_attributions_name_who_says_it(story):
    def chain(*words):
        return [s.name.lower() for s in claim_with(story, *words).attribution]

    assert "budanov" in chain("11,000")[0]
    guseinova = chain("five billion")
    assert "guseinova" in guseinova[0] and any("bild" in s for s in guseinova[1:])
    assert "zelensk" in chain("actually joined")[0]
    assert "yermak" in chain("de facto")[0]
    official = chain("5,000")
    assert "official" in official[0] and any("new york times" in s for s in official[1:])


def test_second_article_update_lists_added_and_confirmed(story):
    first, second = story.articles
    updates = {u.article_id: u for u in story.updates}
    assert set(updates[first.id].new_facts) and not updates[first.id].confirmed_facts
    arrival = fact_with(story, "arrived", "Kursk").id
    bild = fact_with(story, "five billion").id
    assert arrival in updates[second.id].confirmed_facts
    assert bild in updates[second.id].new_facts
