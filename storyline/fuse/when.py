"""What days an event date allows, given how it relates to the event.

"on Wednesday" holds the event within that day; "since August" starts an
ongoing state in August, so any later day agrees with it; "by Monday" and
"until Monday" allow any day up to Monday. Open sides are None.

Two claims are one fact only if their dates agree (``agree``) and neither tells where things
stood by a day that an event of the other precedes (``stood_by_then``).
"""

from __future__ import annotations

from datetime import date

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
