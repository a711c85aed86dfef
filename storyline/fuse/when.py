"""What days an event date allows, given how it relates to the event.

"on Wednesday" holds the event within that day; "since August" starts an
ongoing state in August, so any later day agrees with it; "by Monday" and
"until Monday" allow any day up to Monday. Open sides are None.
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
