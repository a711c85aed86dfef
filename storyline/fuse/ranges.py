"""What values a quantity allows, as an interval, so figures can be compared.

Qualifiers widen a figure: "about 5,000" is taken as 5,000 +/- 10%, "more than
20,000" as (20000, inf), "up to 300" as [0, 300]. An exact figure still gets
a small relative tolerance, because outlets round ("2.47 billion" ~ "2.5 billion").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ..model import Quantity

APPROX = 0.10  # "about", "some", "nearly": reporters' rounding of a figure
EXACT = 0.02  # rounding between outlets for a figure given plainly


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: "Interval") -> bool:
        low, high = max(self.low, other.low), min(self.high, other.high)
        if low < high:
            return True
        if low > high:
            return False
        # They touch at one point: it belongs to both only if neither side excludes it.
        low_open = self.low_open if self.low >= other.low else other.low_open
        high_open = self.high_open if self.high <= other.high else other.high_open
        return not (low_open or high_open)


def interval(q: Quantity) -> Interval | None:
    """The values ``q`` allows, or None for a vague amount without any number."""
    v = q.value
    lo = q.low if q.low is not None else v
    hi = q.high if q.high is not None else v
    if lo is None and hi is None:
        return None
    lo = hi if lo is None else lo
    hi = lo if hi is None else hi
    kind = q.qualifier
    if kind in ("more_than", "at_least"):
        return Interval(v if v is not None else lo, math.inf, low_open=kind == "more_than", high_open=True)
    if kind in ("up_to", "at_most", "less_than"):
        return Interval(min(0.0, lo), v if v is not None else hi, high_open=kind == "less_than")
    if kind in ("approx", "vague"):
        return Interval(_shrink(lo, APPROX), _grow(hi, APPROX))
    half = _half_step(q)
    if half is not None and lo == hi:
        half = min(max(half, abs(lo) * 1e-6), abs(lo) * EXACT)  # never a single point
        return Interval(lo - half, hi + half)
    return Interval(_shrink(lo, EXACT), _grow(hi, EXACT))


_DECIMAL = re.compile(r"(\d+)[.](\d+)")


def _half_step(q: Quantity) -> float | None:
    """Half the last stated decimal place of a figure written with decimals ("5.9": 0.05;
    "2.5 billion": 50 million): it was rounded no further, so "5.9" and "5.7" disagree,
    though each is within 2% of the other, and "2.47 billion" and "2.5 billion" agree."""
    m = _DECIMAL.search(q.text)
    if m is None or not q.value:
        return None
    stated = float(m.group(0))
    if not stated:
        return None
    scale = q.value / stated
    return 0.5 * 10 ** -len(m.group(2)) * abs(scale)


def _grow(x: float, rel: float) -> float:
    return x + abs(x) * rel


def _shrink(x: float, rel: float) -> float:
    return x - abs(x) * rel


def unit_key(q: Quantity) -> str:
    return (q.unit or "").strip().lower()


def counted_key(q: Quantity) -> str:
    """'Troops' and 'troop' are one thing; synonyms ('soldiers') are not merged here."""
    c = (q.counted or "").strip().lower()
    if c.endswith("ies") and len(c) > 4:
        return c[:-3] + "y"
    if c.endswith("s") and not c.endswith("ss") and len(c) > 3:
        return c[:-1]
    return c


# Counted nouns that name no group among the victims of a tally: "22 people killed",
# "22 deaths", "the toll", "claimed 22 lives" (counted_key reads "lives" as "live").
ANYONE = frozenset({
    "", "people", "person", "death", "dead", "toll", "victim", "fatality", "body", "life", "live",
    "casualty", "injury", "injured", "wounded", "other",
})


def tally_key(q: Quantity) -> tuple[str, str] | None:
    """A casualty figure's tally and the group it counts ("" for anyone), or None."""
    if q.tally is None:
        return None
    group = counted_key(q)
    return q.tally, "" if group in ANYONE else group


def figure_kind(q: Quantity) -> tuple[str, str]:
    """What a figure counts, for comparing figures: its tally and group ("killed", "") for a
    casualty count, however worded ("killed 22 people", "the toll stood at 22"), else its
    counted thing and unit ("troops", ""). ("", "") for a bare figure."""
    tally = tally_key(q)
    if tally is not None:
        return "tally:" + tally[0], tally[1]
    return counted_key(q), unit_key(q)


def figure_label(q: Quantity) -> str:
    """What a figure counts, in words: "troops", "people killed", "miners missing"."""
    tally = tally_key(q)
    if tally is not None:
        return f"{tally[1] or 'people'} {tally[0]}"
    return q.counted or counted_key(q)


def compatible(a: Quantity, b: Quantity) -> bool:
    """Can the two figures describe the same amount? Unknown ranges never disagree."""
    ia, ib = interval(a), interval(b)
    return ia is None or ib is None or ia.overlaps(ib)


# Qualifiers that give one end of a range: "more than 20,000", "up to 300".
OPEN_BOUNDS = frozenset({"more_than", "at_least", "up_to", "at_most", "less_than"})


def same_figure(a: Quantity, b: Quantity) -> bool:
    """Do the two figures state one amount? A bound counts as the number it names.

    Weaker than ``compatible`` on purpose: "at least 8 killed" and "22 killed" do not
    disagree (no conflict), but they are two reports of a rising toll, not one fact.
    "at least 8" and "eight" state one amount; "more than 20,000" and "about 21,000" too,
    within the rounding ``interval`` allows; "up to 8,000" and "more than 8,000" do not.
    """
    return compatible(a, b) and compatible(_stated(a), _stated(b))


def _stated(q: Quantity) -> Quantity:
    if q.qualifier not in OPEN_BOUNDS or q.value is None:
        return q
    return replace(q, qualifier="exact", low=q.value, high=q.value)
