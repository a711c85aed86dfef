"""The story timeline as inline SVG, drawn on the server: no script, no chart library.

Facts with an event date are marks on a time axis. A fact backed by several
independent origins is a filled circle; a fact on one origin only is a hollow
square, so the two differ by shape and fill, not by colour alone. A fact dated
to a range (a week, "since August") is a bar over its days. Every mark is a link
to its fact, reachable with Tab, with a <title> and an aria-label saying what it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Sequence

from markupsafe import Markup, escape

from ..export.labels import date_label
from ..model import Fact, StoryReport

WIDTH = 960
LEFT, RIGHT = 40, 40
WINDOW_DAYS = 120  # around the story's publish dates; facts beyond are clipped to the edges
AXIS_Y = 34  # axis line; ticks and their labels above it
LANE = 22  # height of one row of marks
MAX_LANES = 24  # beyond this, marks share the least busy row
MARK = 6  # half size of a mark


@dataclass(frozen=True)
class Mark:
    fact: Fact
    x0: float
    x1: float
    lane: int
    clipped: bool = False  # part of its days lie outside the drawn window

    @property
    def several(self) -> bool:
        return self.fact.support.independent_origins > 1


def origins_label(f: Fact) -> str:
    n = f.support.independent_origins
    return f"{n} independent origin{'s' * (n != 1)}"


def mark_label(f: Fact) -> str:
    return f"{date_label(f.event_date)}: {f.text} ({f.status}; {origins_label(f)})"


def dated_facts(report: StoryReport) -> list[Fact]:
    by_id = {f.id: f for f in report.facts}
    return [by_id[i] for i in report.timeline if i in by_id and by_id[i].event_date is not None]


def window(facts: Sequence[Fact], published: Sequence[date]) -> tuple[date, date]:
    """The days to draw: every fact's days, but no further than WINDOW_DAYS from the articles.

    One fact about "the 1950s" must not squeeze the story's own weeks into a pixel.
    """
    first = min(f.event_date.start for f in facts)
    last = max(f.event_date.end for f in facts)
    if published:
        near = timedelta(days=WINDOW_DAYS)
        lo, hi = min(published) - near, max(published) + near
        inside = [f for f in facts if f.event_date.end >= lo and f.event_date.start <= hi]
        if inside:
            first = max(first, lo, min(f.event_date.start for f in inside))
            last = min(last, hi, max(f.event_date.end for f in inside))
            first, last = min(first, last), max(first, last)
    return first, last


def layout(
    facts: Sequence[Fact], width: int = WIDTH, days_shown: tuple[date, date] | None = None
) -> tuple[list[Mark], date, date]:
    """Marks with x positions and rows, so that marks in one row do not overlap."""
    first, last = days_shown or window(facts, ())
    days = (last - first).days + 1
    plot = width - LEFT - RIGHT

    def x(d: date) -> float:
        d = min(max(d, first), last + timedelta(days=1))  # clipped to the window
        return LEFT + plot * (d - first).days / days

    ends: list[float] = []  # right edge of the last mark in each row
    marks = []
    for f in sorted(facts, key=lambda f: (f.event_date.start, f.event_date.end, f.id)):
        x0, x1 = x(f.event_date.start), x(f.event_date.end + timedelta(days=1))
        if x1 - x0 < 3 * MARK:  # a point: centred on its day(s)
            mid = (x0 + x1) / 2
            x0, x1 = mid - MARK, mid + MARK
        lane = next((i for i, end in enumerate(ends) if end + 2 <= x0), None)
        if lane is None:
            if len(ends) < MAX_LANES:
                lane = len(ends)
                ends.append(x1)
            else:
                lane = min(range(len(ends)), key=ends.__getitem__)
        ends[lane] = max(ends[lane], x1)
        clipped = f.event_date.start < first or f.event_date.end > last
        marks.append(Mark(f, x0, x1, lane, clipped))
    return marks, first, last


def ticks(first: date, last: date, most: int = 10) -> list[date]:
    days = (last - first).days + 1
    if days <= most:
        return [first + timedelta(days=i) for i in range(days)]
    if days <= 120:
        step = -(-days // most)
        return [first + timedelta(days=i) for i in range(0, days, step)]
    months, d = [], date(first.year, first.month, 1)
    while d <= last:
        if d >= first:
            months.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    step = max(1, -(-len(months) // most))
    return months[::step] or [first]


def tick_label(d: date, first: date, last: date) -> str:
    return d.strftime("%b %Y") if (last - first).days > 120 else d.strftime("%d %b").lstrip("0")


def timeline_svg(report: StoryReport, fact_href=lambda f: f"/facts/{f.id}", width: int = WIDTH) -> Markup:
    """The timeline of ``report`` as an <svg> element; empty markup when no fact is dated."""
    facts = dated_facts(report)
    if not facts:
        return Markup("")
    published = [a.published.date() for a in report.articles if a.published]
    marks, first, last = layout(facts, width, window(facts, published))
    days = (last - first).days + 1
    plot = width - LEFT - RIGHT
    lanes = max(m.lane for m in marks) + 1
    height = AXIS_Y + 16 + lanes * LANE
    several = sum(m.several for m in marks)
    summary = (
        f"Timeline of {len(marks)} dated facts from {first.isoformat()} to {last.isoformat()}: "
        f"{several} backed by several independent origins, {len(marks) - several} by one."
    )
    clipped = sum(m.clipped for m in marks)
    if clipped:
        summary += f" {clipped} reach beyond these days and are cut at the edge."
    out = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" width="100%" role="group" '
        f'aria-labelledby="timeline-title timeline-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="timeline-title">Timeline by event date</title>',
        f'<desc id="timeline-desc">{escape(summary)}</desc>',
        f'<g class="axis" aria-hidden="true"><line x1="{LEFT}" y1="{AXIS_Y}" x2="{width - RIGHT}" y2="{AXIS_Y}"/>',
    ]
    for t in ticks(first, last):
        tx = LEFT + plot * ((t - first).days + 0.5) / days if days <= 120 else LEFT + plot * (t - first).days / days
        out.append(
            f'<line x1="{tx:.1f}" y1="{AXIS_Y - 4}" x2="{tx:.1f}" y2="{height - 4}" class="grid"/>'
            f'<text x="{tx:.1f}" y="{AXIS_Y - 10}" text-anchor="middle">{escape(tick_label(t, first, last))}</text>'
        )
    out.append("</g>")
    out.extend(_marks(marks, fact_href))
    out.append("</svg>")
    return Markup("".join(out))


def _marks(marks: Iterable[Mark], fact_href) -> Iterable[str]:
    for m in marks:
        f = m.fact
        y = AXIS_Y + 14 + m.lane * LANE
        label = escape(mark_label(f))
        cls = ("mark several" if m.several else "mark single") + (" clipped" if m.clipped else "")
        if m.x1 - m.x0 > 2 * MARK + 0.5:  # a range
            shape = (f'<rect x="{m.x0:.1f}" y="{y - MARK + 1}" width="{m.x1 - m.x0:.1f}" '
                     f'height="{2 * MARK - 2}" rx="{MARK - 1}"/>')
        elif m.several:
            shape = f'<circle cx="{(m.x0 + m.x1) / 2:.1f}" cy="{y}" r="{MARK}"/>'
        else:
            shape = f'<rect x="{m.x0 + 0.5:.1f}" y="{y - MARK + 0.5}" width="{2 * MARK - 1}" height="{2 * MARK - 1}"/>'
        yield (f'<a href="{escape(fact_href(f))}" class="{cls}" aria-label="{label}" '
               f'data-fact="{escape(f.id)}"><title>{label}</title>{shape}</a>')
