"""find_dates: each kind of expression, resolved against a hand-picked publish date."""

from datetime import date

import pytest

from storyline.analyze.dates import find_dates
from storyline.analyze.nlp import load_nlp

WED = date(2024, 10, 23)  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def dates(nlp, text, base=WED):
    return find_dates(nlp(text), "text", base)


def only(nlp, text, base=WED):
    found = dates(nlp, text, base)
    assert len(found) == 1, found
    return found[0]


def test_span_offsets_quote_the_text(nlp):
    text = "The ministry said the convoy left on 13 October."
    d = only(nlp, text)
    assert text[d.span.start:d.span.end] == "13 October" == d.text
    assert d.span.part == "text"


@pytest.mark.parametrize("text, day", [
    # past tense: the latest such weekday, the publish day itself included
    ("The minister resigned on Monday.", date(2024, 10, 21)),
    ("Officials said on Wednesday that the talks failed.", date(2024, 10, 23)),
    ("Protesters gathered Thursday outside the court.", date(2024, 10, 17)),
    # future tense: forward
    ("The committee will vote on Friday.", date(2024, 10, 25)),
    ("The deal will be signed next Monday.", date(2024, 10, 28)),
    # "last" skips the publish day itself but not yesterday (the TimeML reading)
    ("Talks broke down last Tuesday.", date(2024, 10, 22)),
    ("Talks broke down last Wednesday.", date(2024, 10, 16)),
])
def test_weekdays_follow_the_tense(nlp, text, day):
    d = only(nlp, text)
    assert (d.start, d.end, d.granularity) == (day, day, "day")


def test_by_monday_is_a_forward_deadline(nlp):
    d = only(nlp, "The troops must leave the area by Monday.")
    assert (d.start, d.relation) == (date(2024, 10, 28), "by")


@pytest.mark.parametrize("text, first, last", [
    ("The ship docked on 13 October.", date(2024, 10, 13), date(2024, 10, 13)),
    ("The ship docked on October 9.", date(2024, 10, 9), date(2024, 10, 9)),
    ("The law passed on 19 June 2024.", date(2024, 6, 19), date(2024, 6, 19)),
    ("The summit will take place on 5 March.", date(2025, 3, 5), date(2025, 3, 5)),
    # a past-tense month far ahead of the publish date is last year's
    ("Exports fell in December.", date(2023, 12, 1), date(2023, 12, 31)),
])
def test_day_and_month_dates_without_a_year(nlp, text, first, last):
    d = only(nlp, text)
    assert (d.start, d.end) == (first, last)


def test_day_range_keeps_both_ends(nlp):
    d = only(nlp, "Ministers will meet October 27-28 in Rome.")
    assert (d.start, d.end, d.granularity) == (date(2024, 10, 27), date(2024, 10, 28), "day")
    assert d.text == "October 27-28"


def test_since_august_is_the_latest_august(nlp):
    d = only(nlp, "Prices have climbed since August.")
    assert (d.start, d.end, d.granularity, d.relation) == (date(2024, 8, 1), date(2024, 8, 31), "month", "since")


@pytest.mark.parametrize("text, first, last, gran", [
    ("Shares slid last week.", date(2024, 10, 14), date(2024, 10, 20), "week"),
    ("The mayor resigned yesterday.", date(2024, 10, 22), date(2024, 10, 22), "day"),
    ("The mayor resigns today.", date(2024, 10, 23), date(2024, 10, 23), "day"),
    ("The firm was founded earlier this month.", date(2024, 10, 1), date(2024, 10, 31), "month"),
    ("Sales fell in 2023.", date(2023, 1, 1), date(2023, 12, 31), "year"),
    ("Inflation peaked last year.", date(2023, 1, 1), date(2023, 12, 31), "year"),
    ("Rates will rise next month.", date(2024, 11, 1), date(2024, 11, 30), "month"),
    ("Jazz clubs thrived in the 1950s.", date(1950, 1, 1), date(1959, 12, 31), "decade"),
    ("The plant closed two years ago.", date(2022, 1, 1), date(2022, 12, 31), "year"),
    ("Profits rose in the third quarter.", date(2024, 7, 1), date(2024, 9, 30), "quarter"),
])
def test_relative_and_absolute_periods(nlp, text, first, last, gran):
    d = only(nlp, text)
    assert (d.start, d.end, d.granularity) == (first, last, gran)


def test_coming_winter_spans_the_new_year(nlp):
    d = only(nlp, "Gas will be scarce this winter.")
    assert (d.start, d.end, d.granularity) == (date(2024, 12, 1), date(2025, 2, 28), "season")


@pytest.mark.parametrize("text", [
    "Voters may stay home.",
    "The paper is published daily.",
    "She came first in the race.",
    "They sent 2000 troops to the border.",
    "The talks lasted three weeks.",
])
def test_not_dates(nlp, text):
    assert dates(nlp, text) == []


@pytest.mark.parametrize("text", [
    "The krona is in free fall.",
    "The index's fall worried traders.",
    "Officials noted a fall in the number of new cases.",
    "The fall of the old regime surprised nobody.",
    "It was the steepest one-day fall in a decade.",
    "The rise and fall of the mill is a local legend.",
    "Hikers rested by a hot spring.",
])
def test_fall_and_spring_in_their_other_senses_are_not_seasons(nlp, text):
    assert [d for d in dates(nlp, text) if d.granularity == "season"] == []


@pytest.mark.parametrize("text, first", [
    ("The ferry will return in the fall.", date(2024, 9, 1)),
    ("The line was opened last fall.", date(2023, 9, 1)),
    ("Rents rose in the fall of 2021.", date(2021, 9, 1)),
    ("An unusually wet late spring delayed the harvest.", date(2024, 3, 1)),
])
def test_fall_and_spring_as_seasons(nlp, text, first):
    d = only(nlp, text)
    assert (d.start, d.granularity) == (first, "season")


@pytest.mark.parametrize("text", [
    "The Russell 2000 index of small companies lost 4 percent.",
    "The ministry's Vision 2030 plan promises new ports.",
])
def test_a_number_ending_a_name_is_not_a_year(nlp, text):
    assert [d for d in dates(nlp, text) if d.granularity == "year"] == []


@pytest.mark.parametrize("text, year", [
    ("Toy sales fell at Christmas 2008.", 2008),
    ("Harlan won the 2016 election.", 2016),
    ("The dam was finished in 1931.", 1931),
])
def test_a_year_after_a_feast_or_before_its_noun_is_a_date(nlp, text, year):
    d = only(nlp, text)
    assert (d.start, d.granularity) == (date(year, 1, 1), "year")


def test_may_the_month_is_a_date(nlp):
    d = only(nlp, "The election may be held in May.")
    assert (d.start.month, d.granularity) == (5, "month")


def test_without_publish_date_relative_ones_drop(nlp):
    found = dates(nlp, "On Wednesday, after the 2019 vote and since 3 March 2021, nothing moved.", base=None)
    assert [(d.text, d.start) for d in found] == [("2019", date(2019, 1, 1)), ("3 March 2021", date(2021, 3, 3))]
    assert found[1].relation == "since"


def test_a_past_expectation_with_by_reads_backwards():
    from datetime import date

    from storyline.analyze.dates import find_dates
    from storyline.analyze.nlp import load_nlp

    doc = load_nlp()("The ferries were expected to be repaired by March 3-4, the operator said.")
    [d] = find_dates(doc, "text", date(2025, 3, 6))
    assert (d.start, d.end, d.relation) == (date(2025, 3, 3), date(2025, 3, 4), "by")


def test_a_plan_written_days_ahead_reads_the_nearer_weekday(nlp):
    # on a Wednesday: "planned to leave on Thursday" is tomorrow, not last week's Thursday
    assert only(nlp, "The team planned to leave the capital on Thursday.").start == date(2024, 10, 24)
    assert only(nlp, "The team planned to leave the capital on Monday.").start == date(2024, 10, 21)


def test_the_quarter_and_a_year_earlier_follow_the_quarter_named_before(nlp):
    text = ("Profit rose 12% in the third quarter. Sales in the quarter were flat, "
            "against a loss a year earlier.")
    found = [(d.text, d.start, d.end, d.granularity) for d in dates(nlp, text)]
    assert found == [
        ("the third quarter", date(2024, 7, 1), date(2024, 9, 30), "quarter"),
        ("the quarter", date(2024, 7, 1), date(2024, 9, 30), "quarter"),
        ("a year earlier", date(2023, 7, 1), date(2023, 9, 30), "quarter"),
    ]
    # no quarter named: "the quarter" means nothing, "a year ago" is last year
    assert [d.text for d in dates(nlp, "Sales in the quarter were flat.")] == []
    assert (only(nlp, "The plant closed a year ago.").start, only(nlp, "The plant closed a year ago.").granularity) \
        == (date(2023, 1, 1), "year")
    # "the latest quarter" is the last one ended by the publish date
    assert only(nlp, "Sales fell in the latest quarter.").start == date(2024, 7, 1)


def test_a_year_ago_after_a_named_quarter_is_that_quarter_last_year(nlp):
    text = "The brewer earned more in the second quarter than a year ago."
    assert [(d.text, d.start, d.granularity) for d in dates(nlp, text)][-1] \
        == ("a year ago", date(2023, 4, 1), "quarter")


def test_payable_record_and_effective_dates_are_not_pulled_into_the_past(nlp):
    # a past-tense announcement of dates still ahead: the nearer year, not last year's
    found = dates(nlp, "The board declared a dividend payable Dec. 2 to holders of record Nov. 8.")
    assert [d.start for d in found] == [date(2024, 12, 2), date(2024, 11, 8)]
    assert only(nlp, "The bank named a new chief, effective Jan. 6.").start == date(2025, 1, 6)
    assert only(nlp, "The bidder extended its offer to Nov. 15.").start == date(2024, 11, 15)
    # a record date just behind the publish date stays behind it
    assert only(nlp, "It paid a dividend to holders of record Oct. 18.").start == date(2024, 10, 18)


def test_years_spelled_out_in_transcripts(nlp):
    found = dates(nlp, "The mill shut in nineteen eighty-two and reopened in March nineteen ninety-one.")
    assert [(d.text, d.start, d.granularity) for d in found] == [
        ("nineteen eighty-two", date(1982, 1, 1), "year"),
        ("March nineteen ninety-one", date(1991, 3, 1), "month"),
    ]
    assert only(nlp, "Few expected the bridge to last until the year two thousand.").start == date(2000, 1, 1)


def test_a_clock_time_beside_a_day_is_a_time_on_that_day(nlp):
    from storyline.analyze.dates import find_timexes
    d = only(nlp, "The rebels surrendered at noon Saturday.")
    assert (d.text, d.start) == ("noon Saturday", date(2024, 10, 19))
    [t] = find_timexes(nlp("Bids are due by 5 p.m. EST, Nov. 4."), WED)
    assert (t.text, t.type, t.value) == ("5 p.m. EST, Nov. 4", "TIME", "2024-11-04T17:00")


def test_a_month_of_last_or_this_year_is_one_month(nlp):
    assert [(d.text, d.start, d.granularity) for d in dates(nlp, "The talks began in June last year and stalled in March this year.")] == [
        ("June last year", date(2023, 6, 1), "month"), ("March this year", date(2024, 3, 1), "month")]


def test_the_weekend_is_the_one_just_past_or_ahead_by_tense(nlp):
    monday = date(2024, 10, 21)
    past = only(nlp, "Talks resumed over the weekend, officials said.", monday)
    assert (past.start, past.end, past.granularity) == (date(2024, 10, 19), date(2024, 10, 20), "week")
    assert only(nlp, "The ministers will meet at the weekend.", monday).start == date(2024, 10, 26)


def test_a_quarter_final_is_no_quarter(nlp):
    assert dates(nlp, "Sales rose in the second quarter. The team lost the quarter-final.")[-1].text == "the second quarter"
