"""Figures in news text: "about 5,000 troops", "up to five billion euros", "nearly 40%".

A figure is found by token rules over the spaCy parse, not by spaCy's CARDINAL /
MONEY entities alone: the small model misses "€5bn" and "Some 400", cuts "up to"
off "five billion euros", and calls "10k" a DATE. Its DATE/TIME/PRODUCT/LAW
entities are used the other way round, to reject numbers that are not figures.

One figure is read in four steps:

1. the number itself: digits ("11,000", "3.2", "5bn"), number words ("two
   dozen", "one hundred and fifty", "half a million"), or a vague amount
   ("several thousand", "thousands", "hundreds of millions");
2. a range joined to it: "between 3,000 and 4,000", "10,000 to 12,000", "two or three";
3. words around it: a qualifier before ("more than", "up to", "about") or after
   ("or more", "or so"), a currency before ("$", "€", "US$") or after ("euros",
   "of dollars", "USD"), a unit after ("%", "per cent", "km", "tonnes");
4. what it counts: the noun it modifies ("troops", "police officers") or the
   noun after "of" ("thousands of soldiers", "300 tonnes of grain").

Values. ``value`` is the figure as written, ``low``/``high`` the interval it
allows by its own words: "more than 20,000" is value 20000, low 20000, high
None; "up to 5bn" is value 5e9, low None, high 5e9; "about 5,000" is value,
low and high 5000 (the fuzz of "about" is for the comparer to decide, see
``storyline.fuse.ranges``). A range has no single value (``value`` None).
A vague amount has ``value`` None and a conventional interval, scaled:

    several / a few / a couple of / many  x  N     [2..9] / [2..5] / [2..3] / [2..99]  x N
    tens, dozens, scores, hundreds (of ...)         [10..99], [24..199], [40..199], [100..999]
    thousands / millions / billions (alone)         [1..99] x 1e3 / 1e6 / 1e9
    "hundreds of millions"                          [100..999] x 1e6

Not figures: years and dates ("2024", "19 June", "the 1950s"), durations and
times ("three days", "3 pm"), ordinals, model and section numbers ("F-16",
"Il-76", "Article 5", "Boeing 737"), ages ("Jane Doe, 42,", "aged 42"), and a
bare "one" that does not count anything ("one of them").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Part, Quantity, Span
from .tallies import tally_of

# --------------------------------------------------------------------------- lexicon (data)

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "dozen": 12,
}
# Abbreviated scales, written after a number ("5bn", "£300m", "10k", "1.2 tn").
SCALE_ABBR: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
    "tn": 1e12, "trn": 1e12,
}
# Plural scale words make a vague amount: (low, high) in units of the scale when
# the word stands alone, and the tighter (low, high) when another scale follows
# it ("hundreds of millions": [100, 999] x 1e6).
VAGUE_PLURALS: dict[str, tuple[float, float, float]] = {  # word -> (scale, low, high) alone
    "tens": (1.0, 10.0, 99.0), "dozens": (1.0, 24.0, 199.0), "scores": (1.0, 40.0, 199.0),
    "hundreds": (1.0, 100.0, 999.0), "thousands": (1e3, 1.0, 99.0), "millions": (1e6, 1.0, 99.0),
    "billions": (1e9, 1.0, 99.0), "trillions": (1e12, 1.0, 99.0),
}
VAGUE_PLURALS_CHAINED: dict[str, tuple[float, float]] = {  # before "of <plural scale>"
    "tens": (10, 99), "dozens": (24, 99), "scores": (40, 99), "hundreds": (100, 999),
    "thousands": (1e3, 9999), "millions": (1e6, 9.99e6), "billions": (1e9, 9.99e9),
}
NEED_OF = frozenset({"tens", "scores"})  # vague only before "of": "scores of", not "test scores"
PLURAL_SCALES: dict[str, float] = {
    "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
}
# Determiners that make "<det> thousand" vague: (low, high) multiples of the scale.
VAGUE_DETERMINERS: dict[tuple[str, ...], tuple[float, float]] = {
    ("several",): (2, 9), ("a", "few"): (2, 5), ("few",): (2, 5), ("a", "couple", "of"): (2, 3),
    ("many",): (2, 99), ("some",): (2, 9),
}

QUALIFIERS_BEFORE: dict[tuple[str, ...], str] = {
    ("more", "than"): "more_than", ("over",): "more_than", ("in", "excess", "of"): "more_than",
    ("upwards", "of"): "more_than", ("well", "over"): "more_than", ("just", "over"): "more_than",
    ("above",): "more_than", ("greater", "than"): "more_than",
    ("at", "least"): "at_least", ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least", ("not", "less", "than"): "at_least",
    ("a", "minimum", "of"): "at_least",
    ("up", "to"): "up_to", ("as", "many", "as"): "up_to", ("as", "much", "as"): "up_to",
    ("as", "high", "as"): "up_to",
    ("at", "most"): "at_most", ("no", "more", "than"): "at_most",
    ("not", "more", "than"): "at_most", ("a", "maximum", "of"): "at_most",
    ("less", "than"): "less_than", ("fewer", "than"): "less_than", ("under",): "less_than",
    ("below",): "less_than", ("just", "under"): "less_than",
    ("about",): "approx", ("around",): "approx", ("approximately",): "approx",
    ("roughly",): "approx", ("some",): "approx", ("nearly",): "approx", ("almost",): "approx",
    ("close", "to"): "approx", ("an", "estimated"): "approx", ("estimated",): "approx",
    ("approx", "."): "approx", ("approx.",): "approx", ("circa",): "approx", ("c.",): "approx",
    ("about", "some"): "approx", ("roughly", "some"): "approx",
}
QUALIFIERS_AFTER: dict[tuple[str, ...], str] = {
    ("or", "more"): "at_least", ("or", "so"): "approx", ("or", "less"): "at_most",
    ("or", "fewer"): "at_most", ("plus",): "at_least", ("+",): "at_least",
    ("-", "plus"): "at_least",
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD",
    "hk$": "HKD", "nz$": "NZD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH",
    "₹": "INR", "₩": "KRW", "₺": "TRY", "₪": "ILS", "zł": "PLN",
}
CURRENCY_CODES = frozenset(
    "USD EUR GBP RUB UAH JPY CNY CHF CAD AUD INR PLN TRY KRW ILS SEK NOK DKK HKD NZD".split()
)
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "hryvnya": "UAH",
    "hryvnyas": "UAH", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR",
    "rupees": "INR", "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "lira": "TRY",
    "liras": "TRY", "shekel": "ILS", "shekels": "ILS", "won": "KRW", "francs": "CHF",
    "swiss francs": "CHF",
}
# "Canadian dollars", "Hong Kong dollars": a country word before "dollars" names the currency.
DOLLAR_COUNTRIES: dict[str, str] = {
    "canadian": "CAD", "australian": "AUD", "hong kong": "HKD", "new zealand": "NZD",
    "us": "USD", "u.s.": "USD", "american": "USD", "singapore": "SGD", "taiwan": "TWD",
}

PERCENT_WORDS: dict[tuple[str, ...], str] = {
    ("%",): "percent", ("percent",): "percent", ("per", "cent"): "percent",
    ("pc",): "percent", ("percentage", "points"): "percentage points",
    ("percentage", "point"): "percentage points",
}
UNITS: dict[tuple[str, ...], str] = {
    ("km",): "km", ("kilometres",): "km", ("kilometers",): "km", ("kilometre",): "km",
    ("kilometer",): "km", ("square", "kilometres"): "km2", ("square", "kilometers"): "km2",
    ("sq", "km"): "km2", ("km2",): "km2", ("km²",): "km2", ("miles",): "miles", ("mile",): "miles",
    ("square", "miles"): "sq miles", ("metres",): "m", ("meters",): "m", ("metre",): "m",
    ("meter",): "m", ("cm",): "cm", ("mm",): "mm", ("feet",): "ft", ("ft",): "ft",
    ("tonnes",): "tonnes", ("tonne",): "tonnes", ("tons",): "tonnes", ("ton",): "tonnes",
    ("kg",): "kg", ("kilograms",): "kg", ("kilogrammes",): "kg", ("kilos",): "kg",
    ("grams",): "g", ("lb",): "lb", ("pounds",): "lb", ("pound",): "lb", ("lbs",): "lb", ("litres",): "litres", ("liters",): "litres",
    ("barrels",): "barrels", ("bpd",): "barrels per day", ("hectares",): "ha", ("ha",): "ha",
    ("acres",): "acres", ("mw",): "MW", ("gw",): "GW", ("kwh",): "kWh", ("mwh",): "MWh",
    ("gwh",): "GWh", ("twh",): "TWh", ("mph",): "mph", ("km/h",): "km/h", ("knots",): "knots",
    ("degrees",): "degrees", ("°c",): "°C", ("°f",): "°F", ("bcm",): "bcm",
    ("cubic", "metres"): "m3", ("cubic", "meters"): "m3",
}
# Words after a number that make it a date, a time or a duration, not a figure.
TIME_WORDS = frozenset(
    "year years yr yrs month months week weeks day days night nights hour hours hrs minute "
    "minutes mins second seconds decade decades century centuries am pm a.m. p.m. o'clock "
    "gmt utc bst cet est edt pst cest msk kyiv".split()
)
MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# A number right after one of these names a thing, it does not count ("Article 5", "No. 10").
LABEL_WORDS = frozenset(
    "article articles section sections chapter paragraph clause resolution rule page pages no "
    "no. nos number flight route highway road room platform gate terminal level phase stage "
    "grade category class type model version episode vol vol. volume item annex protocol "
    "amendment title part line bus channel ward block building apartment lot bill act decree "
    "order regulation directive unit brigade battalion regiment division corps squad sq "
    "fleet army district zone sector code tier".split()
)
AGE_WORDS = frozenset("aged age ages".split())
NOT_FIGURE_ENTITIES = frozenset({"PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "FAC", "ORG", "PERSON"})
DATE_ENTITIES = frozenset({"DATE", "TIME", "ORDINAL"})

_DIGITS = re.compile(
    r"^(?P<cur>US\$|USD|C\$|CA\$|A\$|AU\$|HK\$|NZ\$|[$€£¥₽₴₹₩₺₪])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suf>[A-Za-z%]+\.?)?$"
)
_YEAR = re.compile(r"^(1[0-9]|20|21)\d\d$")
_HYPHENS = frozenset({"-", "–", "—"})


# --------------------------------------------------------------------------- number phrases


@dataclass
class _Number:
    """A number read from tokens ``start``..``end`` (exclusive)."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    vague: bool = False
    has_scale: bool = False
    currency: str | None = None  # from an attached symbol: "€5bn"
    unit: str | None = None  # from an attached unit: "40%", "12km"
    digits: bool = False  # written in digits (a year or a model number needs that)


def _match(doc, i: int, table: dict) -> tuple[int, object] | None:
    """Longest entry of ``table`` (keys: tuples of lower-case words) starting at token ``i``."""
    best = None
    for words, val in table.items():
        n = len(words)
        if i + n <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words)):
            if best is None or n > best[0]:
                best = (n, val)
    return best


def _match_before(doc, end: int, table: dict) -> tuple[int, object] | None:
    """Longest entry of ``table`` whose words end right before token ``end``."""
    best = None
    for words, val in table.items():
        n = len(words)
        s = end - n
        if s >= 0 and all(doc[s + k].lower_ == w for k, w in enumerate(words)):
            if best is None or n > best[0]:
                best = (n, val)
    return best


def _digit_token(tok) -> tuple[float, str | None, str | None, float] | None:
    """(number, currency, unit, scale) of a digit token such as "5,000", "€5bn", "40%", "12km"."""
    m = _DIGITS.match(tok.text)
    if not m:
        return None
    number = float(m.group("num").replace(",", ""))
    cur = CURRENCY_SYMBOLS.get((m.group("cur") or "").lower()) if m.group("cur") else None
    suf = (m.group("suf") or "").lower().rstrip(".")
    scale, unit = 1.0, None
    if suf:
        if suf in SCALE_ABBR:
            scale = SCALE_ABBR[suf]
        elif suf == "%":
            unit = "percent"
        elif (suf,) in UNITS:
            unit = UNITS[(suf,)]
        else:
            return None  # "5th", "1950s", "3pm"
    return number, cur, unit, scale


def _attached(doc, i: int) -> bool:
    """Token ``i`` follows token ``i - 1`` with no space between."""
    return i > 0 and not doc[i - 1].whitespace_


def _read_number(doc, i: int) -> _Number | None:
    """The number phrase starting at token ``i``, or None."""
    tok = doc[i]
    low = tok.lower_
    # Vague determiners before a scale: "several thousand", "a few hundred", "many thousands".
    det = _match(doc, i, VAGUE_DETERMINERS)
    if det is not None:
        n, (lo, hi) = det
        j = i + n
        if j < len(doc) and (doc[j].lower_ in SCALES or doc[j].lower_ in PLURAL_SCALES) and doc[j].lower_ != "dozen":
            scale = 1.0
            while j < len(doc) and (doc[j].lower_ in SCALES or doc[j].lower_ in PLURAL_SCALES):
                scale *= SCALES.get(doc[j].lower_) or PLURAL_SCALES[doc[j].lower_]
                j += 1
            return _Number(i, j, None, lo * scale, hi * scale, vague=True, has_scale=True)
        return None
    # Plural scales: "thousands", "tens of thousands", "hundreds of millions".
    if low in VAGUE_PLURALS:
        j, chain = i + 1, [low]
        if low in NEED_OF and not (j < len(doc) and doc[j].lower_ == "of"):
            return None  # "test scores", "the tens"
        while j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ in PLURAL_SCALES:
            chain.append(doc[j + 1].lower_)
            j += 2
        if len(chain) == 1:
            scale, lo, hi = VAGUE_PLURALS[low]
            return _Number(i, j, None, lo * scale, hi * scale, vague=True, has_scale=True)
        lo, hi = VAGUE_PLURALS_CHAINED[chain[0]]
        scale = 1.0
        for word in chain[1:]:
            scale *= PLURAL_SCALES[word]
        return _Number(i, j, None, lo * scale, hi * scale, vague=True, has_scale=True)
    # Digits, number words, and the scale words after them.
    total, current, j = 0.0, None, i
    has_scale = digits = False
    currency = unit = None
    while j < len(doc):
        t, w = doc[j], doc[j].lower_
        if current is None and total == 0:
            d = _digit_token(t)
            if d is not None:
                current, currency, unit, scale = d[0], d[1], d[2], d[3]
                digits = True
                if scale != 1.0:
                    current *= scale
                    has_scale = True
                j += 1
                continue
        if w in SMALL_NUMBERS and not digits:
            if current is not None and current % 100 != 0 and current >= 10 and SMALL_NUMBERS[w] >= 10:
                break  # "twenty thirty" is two numbers
            current = (current or 0) + SMALL_NUMBERS[w]
            j += 1
            # "twenty-five"
            if (j + 1 < len(doc) and doc[j].text in _HYPHENS and doc[j + 1].lower_ in SMALL_NUMBERS
                    and SMALL_NUMBERS[doc[j + 1].lower_] < 10 and not t.whitespace_):
                current += SMALL_NUMBERS[doc[j + 1].lower_]
                j += 2
            continue
        if w in ("a", "an") and current is None and total == 0 and j + 1 < len(doc) and doc[j + 1].lower_ in SCALES:
            current = 1.0
            j += 1
            continue
        if w == "half" and current is None and total == 0 and j + 2 < len(doc) and doc[j + 1].lower_ == "a" \
                and doc[j + 2].lower_ in SCALES:
            current = 0.5
            j += 2
            continue
        if current is not None and (w in SCALES or (w in SCALE_ABBR and _attached(doc, j) and digits)
                                    or (w.rstrip(".") in SCALE_ABBR and _attached(doc, j) and digits)):
            scale = SCALES.get(w) or SCALE_ABBR[w.rstrip(".")]
            has_scale = True
            if scale in (100, 12):
                current *= scale
            else:
                total += current * scale
                current = 0.0
            j += 1
            continue
        # "one hundred and fifty"
        if (w == "and" and not digits and current is not None and j + 1 < len(doc)
                and doc[j + 1].lower_ in SMALL_NUMBERS and (has_scale or current >= 100)):
            j += 1
            continue
        break
    if j == i or current is None:
        return None
    value = total + current
    return _Number(i, j, value, value, value, has_scale=has_scale, currency=currency, unit=unit,
                   digits=digits)


# --------------------------------------------------------------------------- around the number


def _currency_before(doc, start: int) -> tuple[int, str] | None:
    """A currency symbol or code right before token ``start``: ("$", "US$", "EUR")."""
    if start == 0:
        return None
    t = doc[start - 1]
    if t.text in CURRENCY_CODES:
        return start - 1, t.text
    code = CURRENCY_SYMBOLS.get(t.lower_)
    if code and t.text not in ("usd",):
        return start - 1, code
    return None


def _currency_after(doc, end: int) -> tuple[int, str] | None:
    """A currency word or code right after token ``end``: "euros", "USD", "of dollars"."""
    j = end
    if j < len(doc) and doc[j].lower_ == "of" and j + 1 < len(doc) and (
            doc[j + 1].lower_ in CURRENCY_WORDS or doc[j + 1].text in CURRENCY_CODES):
        j += 1  # "hundreds of millions of dollars"
    if j >= len(doc):
        return None
    t = doc[j]
    if t.text in CURRENCY_CODES:
        return j + 1, t.text
    w = t.lower_
    if w in CURRENCY_WORDS:
        code = CURRENCY_WORDS[w]
        if w in ("pound", "pounds") and j + 1 < len(doc) and doc[j + 1].lower_ == "of":
            return None  # "300 pounds of explosives" is a weight
        if w in ("won",) and not (end > 0 and doc[end - 1].like_num):
            return None
        k = j + 1
        if w in ("pound", "pounds") and k < len(doc) and doc[k].lower_ == "sterling":
            k += 1
        return k, code
    # "five billion Canadian dollars"
    for name, code in DOLLAR_COUNTRIES.items():
        words = name.split()
        n = len(words)
        if j + n < len(doc) and all(doc[j + k].lower_ == x for k, x in enumerate(words)) \
                and doc[j + n].lower_ in ("dollar", "dollars"):
            return j + n + 1, code
    return None


def _unit_after(doc, end: int) -> tuple[int, str] | None:
    hit = _match(doc, end, PERCENT_WORDS)
    if hit is None:
        hit = _match(doc, end, UNITS)
        if hit is not None and hit[1] == "m" and end < len(doc) and doc[end].lower_ == "m" \
                and _attached(doc, end):
            hit = None  # "300m" was read as a scale already
    if hit is None:
        return None
    n, unit = hit
    return end + n, unit


def _range_after(doc, first: _Number, between: bool) -> tuple[_Number, int] | None:
    """A second number joined to ``first`` by "to", "-", "or" (or "and" after "between")."""
    j = first.end
    if j >= len(doc):
        return None
    joiner = doc[j].lower_
    if between:
        ok = joiner == "and"
    else:
        ok = joiner in ("to", "or") or doc[j].text in _HYPHENS
    if not ok or j + 1 >= len(doc):
        return None
    k = j + 1
    cur = _currency_before(doc, k + 1) if k + 1 < len(doc) and doc[k].lower_ in CURRENCY_SYMBOLS else None
    if cur is not None:
        k += 1
    second = _read_number(doc, k)
    if second is None or second.vague or first.vague:
        return None
    return second, k


def _qualifier_before(doc, start: int) -> tuple[int, str] | None:
    hit = _match_before(doc, start, QUALIFIERS_BEFORE)
    if hit is None:
        return None
    n, q = hit
    return start - n, q


# --------------------------------------------------------------------------- rejections


def _is_not_a_figure(doc, num: _Number, qualified: bool, has_unit: bool) -> bool:
    first, last = doc[num.start], doc[num.end - 1]
    nxt = doc[num.end] if num.end < len(doc) else None
    prev = doc[num.start - 1] if num.start > 0 else None
    words = {doc[k].lower_ for k in range(num.start, num.end)}
    # A time, a date or a duration: "3 pm", "19 June", "June 19", "three days", "42-year-old".
    if nxt is not None and (nxt.lower_ in TIME_WORDS or nxt.lower_.rstrip(".") in MONTH_WORDS):
        return not has_unit
    if nxt is not None and nxt.text in _HYPHENS and num.end + 1 < len(doc) \
            and doc[num.end + 1].lower_ in TIME_WORDS:
        return True
    if prev is not None and prev.lower_.rstrip(".") in MONTH_WORDS and prev.text[:1].isupper() and num.digits:
        return True
    if any(doc[k].ent_type_ in DATE_ENTITIES for k in range(num.start, num.end)):
        ent_words = {t.lower_ for t in doc[num.start].sent if t.ent_type_ in DATE_ENTITIES
                     and t.ent_iob_ and _same_entity(doc, t.i, num.start)}
        if ent_words & (TIME_WORDS | MONTH_WORDS) or not (num.has_scale or has_unit or qualified):
            if not (nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ not in TIME_WORDS and num.has_scale):
                return True
    # A year: a bare four-digit integer that counts nothing.
    if num.digits and not (num.has_scale or has_unit or num.currency) and _YEAR.match(first.text):
        counts = nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ == "NNS"
        if not (counts and qualified):
            return True
    # Model, section and label numbers: "Il-76", "Article 5", "No. 10", "Boeing 737".
    if num.digits and prev is not None:
        if prev.text in _HYPHENS and _attached(doc, num.start) and num.start >= 2 \
                and _attached(doc, num.start - 1) and doc[num.start - 2].is_alpha:
            return True
        label = doc[num.start - 2] if prev.text == "." and num.start >= 2 else prev  # "No. 10"
        if label.lower_ in LABEL_WORDS and not qualified:
            return True
        if any(c.isupper() for c in prev.text[1:]) and prev.text[:1].islower():
            return True  # "iPhone 15"
        if (prev.pos_ == "PROPN" and prev.text[:1].isupper() and "," not in first.text
                and not (num.has_scale or has_unit or num.currency or qualified)
                and prev.ent_type_ in NOT_FIGURE_ENTITIES | {""}):
            return True
    if nxt is not None and nxt.text in _HYPHENS and not nxt.whitespace_ and num.end + 1 < len(doc) \
            and doc[num.end + 1].is_alpha and doc[num.end + 1].lower_ not in ("plus",) \
            and not doc[num.end + 1].lower_ in SCALES and doc[num.end + 1].pos_ != "NUM":
        # "5-year", "737-800" are handled elsewhere; "10-strong" and "3-0" are not counts of things
        if doc[num.end + 1].lower_ in TIME_WORDS or doc[num.end + 1].lower_ in ("old",):
            return True
    if any(doc[k].ent_type_ in NOT_FIGURE_ENTITIES - {"ORG", "PERSON"} for k in range(num.start, num.end)) \
            and not (num.has_scale or has_unit or num.currency or qualified):
        return True
    # Ages: "Jane Doe, 42, said", "aged 42", "(42)".
    if prev is not None and prev.lower_ in AGE_WORDS:
        return True
    if prev is not None and prev.text in (",", "(") and num.start >= 2 \
            and doc[num.start - 2].ent_type_ == "PERSON" and nxt is not None and nxt.text in (",", ")"):
        return True
    # "one" that counts nothing: "one of them", "no one".
    if words == {"one"} and not (has_unit or num.currency):
        return not (first.dep_ == "nummod" or (nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ == "NN"))
    return False


def _same_entity(doc, a: int, b: int) -> bool:
    """Tokens ``a`` and ``b`` lie in the same named-entity span."""
    for ent in doc.ents:
        if ent.start <= a < ent.end and ent.start <= b < ent.end:
            return True
    return False


# --------------------------------------------------------------------------- what is counted


def _noun_phrase(head, stop: int) -> str:
    """``head`` with the compound nouns between ``stop`` and it: "police officers"."""
    first = head.i
    for child in sorted(head.children, key=lambda c: -c.i):
        if child.i == first - 1 and child.i >= stop and child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN") \
                and not child.like_num and not child.ent_type_:  # "DPRK soldiers" counts soldiers
            first = child.i
    doc = head.doc
    return " ".join(doc[k].lower_ for k in range(first, head.i + 1))


def _is_countable(tok) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and not tok.like_num and tok.lower_ not in TIME_WORDS \
        and tok.lower_ not in CURRENCY_WORDS and tok.lower_ not in PLURAL_SCALES \
        and tok.lower_ not in SCALES and tok.ent_type_ not in ("GPE", "PERSON", "ORG", "LOC", "NORP", "DATE")


# Scales named before their reading: "magnitude 5.9", "a magnitude-6.2 quake". The
# figure measures the scale, whatever noun follows ("a magnitude 6.2 earthquake").
SCALE_NOUNS = frozenset({"magnitude"})
_SCALE_LINKS = frozenset({"to", "at", "of", "was", "is", "from", "as"})


def _counted(doc, start: int, end: int, num_end: int, money: bool) -> str | None:
    """What the figure at tokens ``start``..``end`` counts or measures."""
    before = start - 1
    if before >= 1 and doc[before].text in _HYPHENS:
        before -= 1
    if before >= 0 and doc[before].lower_ in SCALE_NOUNS:
        return doc[before].lower_
    # ... or a few words before: "revised the quake's magnitude to 5.7", "a magnitude of 5.9"
    if before >= 1 and doc[before].lower_ in _SCALE_LINKS:
        for k in range(before - 1, max(before - 4, -1), -1):
            if doc[k].is_punct:
                break
            if doc[k].lower_ in SCALE_NOUNS:
                return doc[k].lower_
    # "thousands of soldiers", "300 tonnes of grain", "40% of voters", "$3m worth of arms"
    j = end
    if j < len(doc) and doc[j].lower_ == "worth" and j + 1 < len(doc) and doc[j + 1].lower_ == "of":
        j += 1
    if j < len(doc) and doc[j].lower_ == "of":
        for child in doc[j].children:
            if child.dep_ == "pobj" and _is_countable(child):
                return _noun_phrase(child, j + 1)
        k = j + 1
        while k < len(doc) and doc[k].pos_ in ("DET", "ADJ") and k < j + 4:
            k += 1
        if k < len(doc) and _is_countable(doc[k]) and doc[k].pos_ == "NOUN":
            return _noun_phrase(_last_noun(doc, k), j + 1)
    # The noun a number token modifies: "5,000 troops", "5,000 North Korean troops", "a $5bn loan".
    for k in range(start, end):
        head = doc[k].head
        if head.i >= end and head.i <= end + 4 and _is_countable(head) and doc[k].dep_ in (
                "nummod", "compound", "quantmod", "nmod", "amod", "npadvmod") \
                and all(_modifier(doc[m]) for m in range(end, head.i)):
            return _noun_phrase(head, end)
    if end < len(doc) and doc[end].pos_ == "NOUN" and _is_countable(doc[end]):
        return _noun_phrase(_last_noun(doc, end), end)
    if money:
        # "revenue of $3m", "a loan of €5bn"
        if start >= 2 and doc[start - 1].lower_ == "of" and _is_countable(doc[start - 2]) \
                and doc[start - 2].pos_ == "NOUN":
            return _noun_phrase(doc[start - 2], 0)
        # "$3.2 million in seed funding"
        if end + 1 < len(doc) and doc[end].lower_ in ("in", "for") and doc[end].head.i in range(start, end):
            for child in doc[end].children:
                if child.dep_ == "pobj" and _is_countable(child) and child.pos_ == "NOUN":
                    return _noun_phrase(child, end + 1)
    return None


def _modifier(tok) -> bool:
    """A word that may stand between a figure and its noun: "5,000 North Korean troops"."""
    if any(c.isalpha() for c in tok.text) and any(c.isdigit() for c in tok.text):
        return True  # a model name: "two F-16 jets"
    return tok.pos_ in ("ADJ", "PROPN", "NOUN", "ADV", "VERB") and not tok.like_num or tok.text in _HYPHENS


def _last_noun(doc, k: int):
    """The last noun of a run of nouns from ``k``: "police officers" -> "officers"."""
    while k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN" and doc[k].dep_ == "compound":
        k += 1
    return doc[k]


# --------------------------------------------------------------------------- the reader


def find_quantities(doc, part: Part) -> list[Quantity]:
    """Every figure in ``doc`` (one part of an article), in text order."""
    found: list[tuple[Quantity, int, int]] = []  # with the figure's token range
    i = 0
    while i < len(doc):
        q, end = _quantity_at(doc, i, part)
        if q is not None:
            found.append((q, i, end))
        i = max(end, i + 1)  # a rejected figure ("3-1", "Article 5") is skipped whole
    return [_with_tally(doc, q, start, end) for q, (_, start, end) in zip(_counted_by_coordination(doc, found), found)]


def _with_tally(doc, q: Quantity, start: int, end: int) -> Quantity:
    """``q`` marked as a casualty count where its words say so (money and measures never are)."""
    if q.unit is not None:
        return q
    tally = tally_of(doc, start, end)
    return q if tally is None else replace(q, tally=tally)


def _counted_by_coordination(doc, found: list[tuple[Quantity, int, int]]) -> list[Quantity]:
    """A bare figure coordinated with a counted one counts the same thing.

    English leaves the noun out of the second half of a coordination: "killing 12
    people and injuring about 150", "300 officers in the north and 200 in the south".
    Left bare, the 150 would count anything and clash with every other figure.
    """
    verbs = [_governing_verb(doc, start, end) for _, start, end in found]
    out: list[Quantity] = []
    for k, (q, _, _) in enumerate(found):
        if q.counted is None and q.unit is None:
            partner = next((p for (p, _, _), verb in zip(reversed(found[:k]), reversed(verbs[:k]))
                            if p.counted and p.unit is None and _coordinated(verbs[k], verb)), None)
            if partner is not None:
                q = replace(q, counted=partner.counted)
        out.append(q)
    return out


def _governing_verb(doc, start: int, end: int):
    """The verb a figure at tokens ``start``..``end`` hangs from, through its noun if any."""
    tok = next((t for t in doc[start:end] if not start <= t.head.i < end), doc[start])
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _coordinated(a, b) -> bool:
    """One verb, or two joined by a coordination ("killing ... and injuring ...")."""
    if a is None or b is None:
        return False
    # Tokens are views made afresh on each access: compare positions, not identities.
    return a.i == b.i or (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


_STARTERS = frozenset(SMALL_NUMBERS) | frozenset(SCALES) | frozenset(VAGUE_PLURALS) | {
    w[0] for w in VAGUE_DETERMINERS} | {"a", "an", "half"}


def _quantity_at(doc, i: int, part: Part) -> tuple[Quantity | None, int]:
    tok = doc[i]
    if not (tok.lower_ in _STARTERS or any(c.isdigit() for c in tok.text)):
        return None, i + 1  # the cheap test first: most tokens are not numbers
    # A number cannot start in the middle of a word-number phrase we already passed.
    if i > 0 and _read_number(doc, i - 1) is not None and _read_number(doc, i - 1).end > i:
        return None, i + 1
    num = _read_number(doc, i)
    if num is None:
        return None, i + 1
    start, end = num.start, num.end
    low, high, value = num.low, num.high, num.value
    currency, unit = num.currency, num.unit
    qualifier = "vague" if num.vague else "exact"

    # A currency symbol before: "$3.2 million", "€ 5bn".
    cur = _currency_before(doc, start)
    if cur is not None:
        start, currency = cur[0], cur[1]
    # "between 3,000 and 4,000", "10,000 to 12,000", "two or three", "$3m-$4m"
    between = start > 0 and doc[start - 1].lower_ == "between"
    from_ = start > 0 and doc[start - 1].lower_ == "from"
    rng = None if from_ else _range_after(doc, num, between)
    if rng is not None:
        second, _ = rng
        a, b = num.value, second.value
        if second.has_scale and not num.has_scale and a is not None and b is not None and a < b / 10:
            # "3 to 4 million": the scale belongs to both.
            scale = b / max(1.0, _leading(b, doc, second))
            a = a * scale
        if a is not None and b is not None and a < b:
            low, high, value, qualifier = a, b, None, "range"
            end = second.end
            currency = currency or second.currency
            unit = unit or second.unit
            if between:
                start -= 1
        elif between:
            rng = None
        elif doc[num.end].text in _HYPHENS and num.digits:
            return None, second.end  # "won 3-1": a score, not a range
    if qualifier != "range" and between:
        return None, i + 1

    # Currency or unit after: "five billion euros", "hundreds of millions of dollars", "40%".
    cur = _currency_after(doc, end)
    if cur is not None and currency is None:
        end, currency = cur
    elif unit is None:
        u = _unit_after(doc, end)
        if u is not None:
            end, unit = u
    money = currency is not None
    if money:
        unit = currency

    # Qualifier words before: "more than", "up to", "about".
    qualified = False
    if qualifier != "range":
        qb = _qualifier_before(doc, start)
        if qb is not None and not (qb[1] == "approx" and doc[qb[0]].lower_ == "some" and num.vague):
            start, word = qb
            qualified = True
            if qualifier == "vague":
                pass  # "about thousands" stays vague
            else:
                qualifier = word
        else:
            qa = _match(doc, end, QUALIFIERS_AFTER)
            if qa is not None and qualifier == "exact":
                end += qa[0]
                qualifier = qa[1]
                qualified = True

    if _is_not_a_figure(doc, num, qualified or qualifier == "range", unit is not None and not money):
        return None, num.end

    if qualifier in ("more_than", "at_least"):
        high = None
    elif qualifier in ("up_to", "at_most", "less_than"):
        low = None

    counted = _counted(doc, start, end, num.end, money)
    span_start, span_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    text = doc[start:end].text  # Span.text: doc.text would rebuild the whole string
    return Quantity(text=text, span=Span(part, span_start, span_end), value=value, low=low,
                    high=high, qualifier=qualifier, unit=unit, counted=counted), end


def _leading(b: float, doc, second: _Number) -> float:
    """The number part of ``second`` before its scale words ("4" of "4 million")."""
    for k in range(second.start, second.end):
        d = _digit_token(doc[k])
        if d is not None:
            return d[0]
        if doc[k].lower_ in SMALL_NUMBERS:
            return float(SMALL_NUMBERS[doc[k].lower_])
    return 1.0
