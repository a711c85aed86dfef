"""choose_event_date: which of a sentence's dates is the date of what it reports."""

from datetime import date

import pytest

from storyline.analyze.dates import choose_event_date, find_dates
from storyline.analyze.nlp import load_nlp

BASE = date(2024, 10, 23)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def pick(nlp, text):
    doc = nlp(text)
    return choose_event_date(find_dates(doc, "text", BASE), 0, len(text), doc)


def test_single_date_is_chosen(nlp):
    d = pick(nlp, "Earlier, on 13 October, the general said the plan was ready.")
    assert d.start == date(2024, 10, 13)


def test_event_date_beats_reporting_date(nlp):
    d = pick(nlp, "The agency said on Monday that the troops crossed the river on 13 October.")
    assert d.text == "13 October"


def test_main_clause_beats_relative_clause(nlp):
    d = pick(nlp, "The treaty that was signed in 2019 collapsed on Tuesday.")
    assert d.text == "Tuesday"


def test_since_keeps_its_relation(nlp):
    d = pick(nlp, "The border has been closed since August.")
    assert (d.relation, d.start) == ("since", date(2024, 8, 1))


def test_no_dates_no_choice(nlp):
    doc = nlp("Nothing happened.")
    assert choose_event_date([], 0, len(doc.text), doc) is None


def test_dates_outside_the_sentence_are_ignored(nlp):
    text = "Rain fell on Monday. The bridge opened."
    doc = nlp(text)
    start = text.index("The bridge")
    assert choose_event_date(find_dates(doc, "text", BASE), start, len(text), doc) is None


@pytest.mark.parametrize("claim, day", [
    ("the talks had stalled", 3),
    ("a deal was close", 9),
])
def test_each_coordinated_report_keeps_its_own_date(nlp, claim, day):
    text = ("On 3 October the minister said the talks had stalled, "
            "and on 9 October she said a deal was close.")
    doc = nlp(text)
    at = text.index(claim)
    d = choose_event_date(find_dates(doc, "text", BASE), 0, len(text), doc, (at, at + len(claim)))
    assert d.start == date(2024, 10, day)


@pytest.mark.parametrize("text, claim, expected", [
    # the reporting verb's date dates what it reports
    ("On Monday, officials said that the bridge had reopened.", "the bridge had reopened", "Monday"),
    # a date on a clause beside the claim's is that clause's alone
    ("The engineer confirmed that the crews reached the dam on Monday, and said none had yet gone inside.",
     "none had yet gone inside", None),
    ("The ministry has made no comment, and its agency carried nothing about the dam on Friday.",
     "The ministry has made no comment", None),
    # a date after an earlier conjunct's verb is that conjunct's; one before it spans both
    ("The dam has not failed since the 1980s, and its engineers say the spillway needs repair.",
     "its engineers say the spillway needs repair", None),
    ("The dam has not failed since the 1980s, and its engineers say the spillway needs repair.",
     "The dam has not failed", "the 1980s"),
    ("On Monday, the police arrested the driver and charged him with manslaughter.",
     "charged him with manslaughter", "Monday"),
])
def test_a_date_outside_the_claim_dates_it_only_from_above(nlp, text, claim, expected):
    doc = nlp(text)
    at = text.index(claim)
    d = choose_event_date(find_dates(doc, "text", BASE), 0, len(text), doc, (at, at + len(claim)))
    assert (d.text if d else None) == expected


def test_a_date_only_in_a_relative_clause_is_not_the_claims(nlp):
    text = "Fresh crews have reached the valley, where they will relieve teams that have worked there since August."
    doc = nlp(text)
    dates = find_dates(doc, "text", BASE)
    assert [d.text for d in dates] == ["August"]  # found, and kept for the reader
    assert choose_event_date(dates, 0, len(text), doc, (0, len(text))) is None
    # without a claim range (the whole sentence's pick) the date stays the only candidate
    assert choose_event_date(dates, 0, len(text), doc).text == "August"


@pytest.mark.parametrize("text, described", [
    ("Several cottages built for fishermen in the 1950s were badly damaged.", "the 1950s"),
    ("Passengers evacuated on Monday returned to the ship.", "Monday"),
])
def test_a_date_that_describes_a_noun_is_not_the_claims(nlp, text, described):
    # "built in the 1950s" says when the cottages were built, not when they were damaged
    doc = nlp(text)
    dates = find_dates(doc, "text", BASE)
    assert [d.text for d in dates] == [described]
    assert choose_event_date(dates, 0, len(text), doc, (0, len(text))) is None


@pytest.mark.parametrize("text", [
    "Grain prices fell to their lowest level since 2016.",  # the parser hangs "since" on "fell"
    "The ferry line posted its biggest yearly loss since the 1990s.",
    "The river is flowing freely for the first time since March.",
    "Inflation reached 9 percent, the highest since 1982.",
])
def test_the_day_a_superlative_counts_from_is_not_the_events(nlp, text):
    # the event is now; the year is where the record starts
    assert pick(nlp, text) is None


def test_a_superlatives_baseline_gives_way_to_the_events_own_date(nlp):
    d = pick(nlp, "On Monday the mill reported its worst month since 2009.")
    assert d.text == "Monday"


@pytest.mark.parametrize("text, start", [
    ("The mine has been shut since 2019.", date(2019, 1, 1)),
    ("The biggest mine in the region has been shut since 2019.", date(2019, 1, 1)),  # a verb before "since"
    ("No ferry has sailed since March.", date(2024, 3, 1)),
])
def test_a_state_since_a_day_keeps_that_day(nlp, text, start):
    d = pick(nlp, text)
    assert (d.relation, d.start) == ("since", start)
