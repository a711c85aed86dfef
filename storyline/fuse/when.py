"""What days an event date allows, given how it relates to the event.

"on Wednesday" holds the event within that day; "since August" starts an
ongoing state in August, so any later day agrees with it; "by Monday" and
"until Monday" allow any day up to Monday. Open sides are None.

Two claims are one fact only if their dates agree (``agree``), neither tells where things
stood by a day that an event of the other precedes (``stood_by_then``), and an undated claim
is not matched with history (``of_other_times``).
"""

from __future__ import annotations

from datetime import date, timedelta

from ..model import EventDate

OPEN_END = frozenset({"since", "after"})
OPEN_START = frozenset({"by", "until", "before"})


def days(d: EventDate) -> tuple[date | None, date | None]:
    start = None if d.relation in OPEN_START else d.start
    end = None if d.relation in OPEN_END else d.end
    return start, end


def agree(a: EventDate | None, b: EventDate | None) -> bool:
    """Can both dates hold for one event? An absent date agrees with anything."""
    if a is None or b is None:
        return True
    (sa, ea), (sb, eb) = days(a), days(b)
    return not ((ea is not None and sb is not None and ea < sb) or (eb is not None and sa is not None and eb < sa))


def stood_by_then(a: EventDate | None, b: EventDate | None) -> bool:
    """Does one date say where things stood "by" a day that the other, an event's own date,
    ends before? "By Monday, the first trucks had reached the front line" and "the first
    soldiers reached Kursk on Wednesday": a report of progress up to Monday is not the
    Wednesday event, however alike the words ("by Thursday the toll had risen to 22" is not
    "the quake struck on Tuesday"). Only an "on" date counts as the event's own: "since
    Wednesday" and "by Monday" can tell of one state."""
    for x, y in ((a, b), (b, a)):
        if x is not None and y is not None and x.relation == "by" and y.relation == "on" and y.end < x.end:
            return True
    return False


# How far back an undated claim of a news article may reach: its article's present.
PRESENT = timedelta(days=365)


def of_other_times(a: EventDate | None, a_published: date | None,
                   b: EventDate | None, b_published: date | None) -> bool:
    """Is one claim undated, so of its article's present (the year up to its publish day), and
    the other's event, or the start of its state, over before that present began?

    News dates what is not current: a claim with no date is about now. "North Korea's army has
    not fought a war since the 1950s" tells a state that began in the 1950s; "none of the troops
    has fought yet", in an article of October 2024, is this deployment's. An undated claim is
    not one fact with history, however alike the words; nor are two undated claims of articles
    published more than a year apart ("markets fall sharply" in 2008 and in 2010). A date's
    own span is what it anchors: "since the 1950s" the 1950s, "by 2010" any day up to 2010.
    """
    for x, x_published, y, y_published in ((a, a_published, b, b_published), (b, b_published, a, a_published)):
        if x is not None or x_published is None:
            continue
        present_began = x_published - PRESENT
        anchored_end = y_published if y is None else y.end
        if anchored_end is not None and anchored_end < present_began:
            return True
    return False
