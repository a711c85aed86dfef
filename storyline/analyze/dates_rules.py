"""Find and normalise time expressions with rules over the text and its spaCy parse.

Each pattern below finds one kind of expression; its handler turns the match into a
:class:`Timex` (or rejects it). Overlapping matches are settled longest first. Relative
expressions resolve against the publish date (``base``) and the tense of the verb the
expression hangs on: "on Wednesday" in a past-tense clause is the Wednesday on or before the
publish date, "will meet Monday" the Monday on or after it. Without a base, only expressions
that carry their own year survive.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable

from .dates_lexicon import (
    DECADE_WORDS, MONTH, MONTHS, NUMBER, ORDINALS, PARTS_OF_DAY, SEASON, SEASONS, UNITS,
    WEEKDAY, WEEKDAYS, number_value, unit_key,
)


@dataclass(frozen=True)
class Timex:
    """One time expression: character offsets into the doc and its meaning.

    Dates (and times of day on a known day) carry ``first``/``last``/``granularity``;
    durations, sets and vague references ("now") carry only a TimeML ``value``.
    """

    start: int
    end: int
    text: str
    type: str  # TimeML type: DATE, TIME, DURATION, SET
    value: str | None = None  # TimeML value, for what is not a range of days
    first: date | None = None
    last: date | None = None
    granularity: str | None = None
    relation: str = "on"
    part_of_day: str | None = None  # "MO", "AF", "EV", "NI"
    anaphor: str | None = None  # "quarter", "year_back": resolved against the document (see scan)


# --------------------------------------------------------------------------- calendar helpers


# Verbs of expectation whose own tense sets the frame of the dates under them.
_EXPECT_LEMMAS = frozenset({"anticipate", "expect", "plan", "schedule", "intend", "hope", "predict", "forecast"})


def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _year_range(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def _week_range(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _quarter_range(y: int, q: int) -> tuple[date, date]:
    return date(y, 3 * q - 2, 1), _month_range(y, 3 * q)[1]


def _season_range(y: int, first_month: int) -> tuple[date, date]:
    if first_month == 12:  # winter runs from December into the next year
        return date(y, 12, 1), _month_range(y + 1, 2)[1]
    return date(y, first_month, 1), _month_range(y, first_month + 2)[1]


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# --------------------------------------------------------------------------- context from the parse

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "gon"}
_MODAL_AUX = {"must", "should", "could", "would", "may", "might", "can", "ca", "need"}
_FUTURE_LEMMAS = {
    "expect", "schedule", "plan", "due", "slate", "intend", "aim", "promise", "pledge", "vow",
    "prepare", "set", "deadline", "upcoming", "tomorrow",
}


# Words that free a date from the past tense of the act reported: "declared a dividend
# payable Dec. 1 to holders of record Nov. 10", "appointed him, effective Feb. 1", "extended
# the offer to Nov. 20".
_FORWARD_CUE = re.compile(r"(?i)\b(?:payable|of\s+record|effective|extended(?:\s+\S+){0,8}?\s+(?:to|through|until))\s+(?:on\s+)?$")


def _month(word: str) -> int:
    """The month a name or abbreviation stands for: "Sept." and "september" are 9."""
    return MONTHS[word.rstrip(".").lower()]


class Context:
    """What a handler may ask about the text around a match."""

    def __init__(self, doc, base: date | None):
        self.doc = doc
        self.text = doc.text
        self.base = base

    def span(self, start: int, end: int):
        return self.doc.char_span(start, end, alignment_mode="expand")

    def governor(self, start: int, end: int):
        """The verb the expression hangs on, or None."""
        span = self.span(start, end)
        if span is None or len(span) == 0:
            return None
        t = span.root
        for _ in range(8):
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") and not (
                span.start <= t.i < span.end
            ):
                return t
            if t.head.i == t.i:
                return t if t.pos_ in ("VERB", "AUX") else None
            t = t.head
        return None

    def tense(self, start: int, end: int) -> str | None:
        """'future', 'modal', 'past', 'present' or None, from the governing verb."""
        v = self.governor(start, end)
        if v is None:
            return None
        chain = [v] + [a for a in list(v.ancestors)[:2] if a.pos_ in ("VERB", "AUX", "ADJ")]
        for t in chain:
            aux = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
            if aux & _FUTURE_AUX or (t.lower_ == "going" and any(c.lower_ == "to" for c in t.children)):
                return "future"
            if t.lemma_.lower() in _FUTURE_LEMMAS and t.tag_ != "VBD":
                # "were expected to arrive by the 28th": a past expectation, read as the past
                return "past" if aux & {"was", "were", "had"} else "future"
            if t.i != v.i and t.lemma_.lower() in _EXPECT_LEMMAS and (
                t.tag_ == "VBD" or aux & {"was", "were", "had"}
            ):
                return "expected_before"  # "were anticipated to be involved by ...": a past expectation
            if t.i == v.i:
                if aux & _MODAL_AUX:
                    return "modal"
                if aux & {"had", "has", "have", "did", "was", "were"} or t.tag_ == "VBD":
                    return "past"
                if t.tag_ in ("VBZ", "VBP", "VBG") or aux & {"is", "are", "am", "do", "does"}:
                    # "is to meet", "are expected": look one step up before deciding
                    continue
        if v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
            return "past"  # reduced relative: "the deal signed Monday"
        if v.tag_ in ("VBD",):
            return "past"
        return "present"

    def relation(self, start: int) -> str:
        before = self.text[max(0, start - 24):start]
        m = re.search(
            r"(?i)\b(since|by|until|till|through|before|after|prior\s+to|ahead\s+of|from|"
            r"no\s+later\s+than|not\s+before|as\s+of|starting|beginning|effective)\s+$",
            before,
        )
        if not m:
            return "on"
        w = " ".join(m.group(1).lower().split())
        return {
            "since": "since", "by": "by", "no later than": "by", "until": "until", "till": "until",
            "through": "until", "before": "before", "prior to": "before", "ahead of": "before",
            "after": "after", "not before": "after", "starting": "since", "beginning": "since",
            "effective": "since", "as of": "since",
        }.get(w, "on")

    def direction(self, start: int, end: int) -> str:
        """Which way a bare weekday or month reads: 'past', 'future' or 'near'."""
        if _FORWARD_CUE.search(self.text[max(0, start - 40):start]):
            return "near"  # not "future": a record date can be days behind the publish date
        rel = self.relation(start)
        if rel == "since":
            return "past"
        t = self.tense(start, end)
        if t == "future" or (t == "modal" and rel in ("by", "until")):
            return "future"
        if rel in ("by", "until") and t not in ("past", "expected_before"):
            return "future"
        if t == "past":
            return "past"
        if t == "expected_before":
            # "were expected to be involved by March": the expectation is past, so is its date;
            # "the team planned to leave on Thursday": a plan written days ahead, either way
            return "past" if rel in ("by", "until") else "near"
        return "near"


# --------------------------------------------------------------------------- resolution helpers


def _pick_year(ctx: Context, s: int, e: int, month: int, day: int | None) -> int | None:
    """The year of a month (and day) written without one, from the base and the tense."""
    base = ctx.base
    if base is None:
        return None
    way = ctx.direction(s, e)
    best, best_key = None, None
    for y in (base.year - 1, base.year, base.year + 1):
        if day is not None:
            d = _safe_date(y, month, day)
            if d is None:
                continue
            delta = (d - base).days
        else:
            delta = (y * 12 + month) - (base.year * 12 + base.month)
            delta *= 30
        if way == "past" and delta > (14 if day is not None else 0):
            continue  # a little ahead is tolerated: publish dates are often late by days
        if way == "future" and delta < 0:
            continue
        # near: a date up to ~5 months ahead may be meant; farther ahead is last year's
        key = abs(delta) if way != "near" else (abs(delta) if delta <= 150 else 10_000 + delta)
        if best_key is None or key < best_key:
            best, best_key = y, key
    return best


def _weekday_date(ctx: Context, s: int, e: int, wd: int, mod: str | None) -> date | None:
    base = ctx.base
    if base is None:
        return None
    back = (base.weekday() - wd) % 7  # days back to the latest such weekday, 0 = today
    fwd = (wd - base.weekday()) % 7
    if mod in ("last", "past", "previous"):
        return base - timedelta(days=back or 7)
    if mod in ("next", "coming"):
        return base + timedelta(days=fwd or 7)
    way = ctx.direction(s, e)
    if way == "future" or (mod == "this" and way != "past"):
        return base + timedelta(days=fwd)
    if way == "past":
        return base - timedelta(days=back)
    # present tense, a headline: the nearer one, the past on a tie
    return base - timedelta(days=back) if back <= fwd else base + timedelta(days=fwd)


def _date_timex(m: re.Match, first: date, last: date, gran: str, typ: str = "DATE", pod=None,
                group: int | str = 0) -> Timex:
    return Timex(m.start(group), m.end(group), m.group(group), typ, None, first, last, gran,
                 part_of_day=pod)


def _pod(word: str | None) -> str | None:
    return PARTS_OF_DAY.get(word.lower()) if word else None


# --------------------------------------------------------------------------- handlers

Handler = Callable[[re.Match, Context], "Timex | None"]
PATTERNS: list[tuple[re.Pattern, Handler]] = []


def rule(pattern: str, flags: int = 0):
    def register(fn: Handler) -> Handler:
        PATTERNS.append((re.compile(pattern, flags), fn))
        return fn

    return register


_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
_PRE = r"(?:(?P<pre>(?i:early|late|mid|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of))[\s-]+)?"
_POD = r"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?"
_WDPRE = rf"(?:(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?"


def _day_int(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _month_day(m: re.Match, ctx: Context) -> Timex | None:
    mon = _month(m.group("mon"))
    d1 = _day_int(m.group("d1"))
    d2 = _day_int(m.group("d2")) if m.group("d2") else None
    y = int(m.group("y")) if m.group("y") else _pick_year(ctx, m.start(), m.end(), mon, d1)
    if y is None:
        return None
    first = _safe_date(y, mon, d1)
    if first is None:
        return None
    mon2 = _month(m.group("mon2")) if m.groupdict().get("mon2") else mon
    last = _safe_date(y, mon2, d2) if d2 else first
    if last is None or last < first:
        last = first
    return _date_timex(m, first, last, "day", "TIME" if m.group("pod") else "DATE", _pod(m.group("pod")))


rule(rf"\b{_WDPRE}(?P<mon>{MONTH})\s+(?P<d1>{_DAY})(?:\s*(?:-|–|to|and|through)\s*(?:(?P<mon2>{MONTH})\s+)?(?P<d2>{_DAY}))?"
     rf"(?:,?\s+(?P<y>{_YEAR}))?{_POD}\b")(_month_day)
rule(rf"\b{_WDPRE}(?P<d1>{_DAY})(?:\s*(?:-|–|to|and)\s*(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<mon>{MONTH})"
     rf"(?:,?\s+(?P<y>{_YEAR}))?{_POD}\b")(_month_day)


@rule(rf"\b{_PRE}(?P<mon>{MONTH})(?:\s+of)?,?\s+(?P<y>{_YEAR})\b")
def _month_year(m, ctx):
    mon = _month(m.group("mon"))
    return _date_timex(m, *_month_range(int(m.group("y")), mon), "month")


@rule(rf"\b{_PRE}(?P<mon>{MONTH})(?:\s+of)?,?\s+(?P<mod>(?i:last|this|next))\s+year\b")
def _month_of_relative_year(m, ctx):
    """"June last year", "January this year": the month in the year named from the publish date."""
    if ctx.base is None:
        return None
    y = ctx.base.year + {"last": -1, "this": 0, "next": 1}[m.group("mod").lower()]
    return _date_timex(m, *_month_range(y, _month(m.group("mon"))), "month")


@rule(rf"\b{_PRE}(?P<mod>(?i:last|this|next|past|coming|previous)\s+)?(?P<mon>{MONTH})(?!\s*\d)\b")
def _month_alone(m, ctx):
    word = m.group("mon")
    mon = _month(word)
    span = ctx.span(m.start("mon"), m.end("mon"))
    if span is not None and len(span) == 1:
        tok = span[0]
        # "May" the modal verb, "March" the verb, "Jan" the name
        if tok.tag_ in ("MD", "VB", "VBP", "VBZ", "VBD") or (word in ("May", "March", "Aug", "Jan")
                                                              and tok.ent_type_ in ("PERSON", "ORG")):
            return None
        if word.lower() in ("may", "march") and tok.i + 1 < len(tok.doc) and tok.nbor().pos_ in ("VERB", "AUX"):
            return None
    if ctx.base is None:
        return None
    mod = (m.group("mod") or "").strip().lower()
    if mod in ("last", "past", "previous"):
        y = ctx.base.year if mon < ctx.base.month else ctx.base.year - 1
    elif mod in ("next", "coming"):
        y = ctx.base.year if mon > ctx.base.month else ctx.base.year + 1
    elif mod == "this":
        y = ctx.base.year
    else:
        y = _pick_year(ctx, m.start(), m.end(), mon, None)
    if y is None:
        return None
    return _date_timex(m, *_month_range(y, mon), "month")


@rule(r"\b(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
def _iso(m, ctx):
    d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return _date_timex(m, d, d, "day") if d else None


@rule(r"(?<![\d/])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?![\d/])")
def _slashed(m, ctx):
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if y < 100:
        y += 2000 if y < 50 else 1900
    mon, day = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    d = _safe_date(y, mon, day)
    return _date_timex(m, d, d, "day") if d else None


_YEAR_REJECT_NEXT = re.compile(r"^\s*(?:%|percent|per\s+cent|[a-z]+s\b(?<!'s))", re.I)


# Named days a year may follow as their time ("Christmas 2008"), not as part of a name.
_FEASTS = frozenset({"christmas", "easter", "thanksgiving", "halloween", "ramadan", "eid", "diwali", "hanukkah",
                     "passover", "year"})


def _part_of_a_name(tok, prv) -> bool:
    """Is the number the end of a name, "the Russell 2000", "Windows 2000", "Vision 2030"? It
    follows a proper noun that is no month or weekday and hangs on it. A year after a name that
    is the name's time stays a date: "Bush won the 2000 election" does not hang the year on Bush,
    "May 2003" is a month's and "Christmas 2008" a feast's."""
    if prv is None or prv.pos_ != "PROPN":
        return False
    word = prv.lower_.rstrip(".")
    if word in MONTHS or word in WEEKDAYS or word in _FEASTS:
        return False
    return tok.head.i == prv.i and tok.dep_ in ("nummod", "appos", "compound", "npadvmod")


@rule(rf"\b{_PRE}(?P<fiscal>(?i:fiscal|FY)\s*)?(?P<y>{_YEAR})\b(?!\s*[-–]\s*\d\d\b(?!\d))")
def _year(m, ctx):
    y = int(m.group("y"))
    before = ctx.text[max(0, m.start() - 2):m.start()]
    after = ctx.text[m.end():m.end() + 20]
    if "$" in before or re.match(r"^[.,]\d", after) or re.match(r"^\s*(?:%|percent)", after):
        return None
    span = ctx.span(m.start("y"), m.end("y"))
    if span is not None and len(span) == 1:
        tok = span[0]
        if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or tok.like_num is False:
            return None
        nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
        # "2000 troops": a number counting something, unless spaCy calls it a date
        prv = tok.nbor(-1) if tok.i > 0 else None
        owned = prv is not None and prv.lower_ in ("the", "its", "their", "his", "her", "'s", "this", "that")
        if nxt is not None and nxt.tag_ == "NNS" and not owned:
            return None
        if tok.ent_type_ == "CARDINAL" and nxt is not None and nxt.pos_ == "NOUN":
            return None
        if _part_of_a_name(tok, prv):
            return None
    if not 1500 <= y <= 2100:
        return None
    return _date_timex(m, *_year_range(y), "year")


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_UNITS_WORD = "one|two|three|four|five|six|seven|eight|nine"


# Broadcast transcripts spell years out: "in nineteen ninety-six", "January nineteen
# seventy-nine", "the year two thousand".
@rule(rf"\b(?:(?P<mon>{MONTH})\s+)?(?P<c>(?i:nineteen|eighteen))[- ](?P<rest>(?i:(?:{_TENS})(?:[- ](?:{_UNITS_WORD}))?|{_TEENS}|hundred))\b"
      rf"|(?i:\bthe\s+year\s+)(?P<k>(?i:two\s+thousand(?:\s+and\s+(?:{_UNITS_WORD}|{_TEENS}))?))\b")
def _spoken_year(m, ctx):
    if m.group("k"):
        words = m.group("k").lower().split()
        y = 2000 + (number_value(words[-1]) if len(words) > 2 else 0)
    else:
        rest = m.group("rest").lower()
        y = (1900 if m.group("c").lower() == "nineteen" else 1800) + (0 if rest == "hundred" else int(number_value(rest)))
    y = int(y)
    if m.group("mon"):
        return _date_timex(m, *_month_range(y, _month(m.group("mon"))), "month")
    return _date_timex(m, *_year_range(y), "year")


@rule(rf"\b(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>\d\d)\b(?!\d)")
def _year_span(m, ctx):
    y1 = int(m.group("y1"))
    y2 = (y1 // 100) * 100 + int(m.group("y2"))
    if y2 <= y1:
        return None
    return Timex(m.start(), m.end(), m.group(), "DATE", None, date(y1, 1, 1), date(y2, 12, 31), "year")


@rule(r"(?i)\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:(?P<dec>1[5-9]\d0|20\d0)|'(?P<dd>\d0))'?s\b"
      r"|(?i:\bthe\s+(?:(?:early|mid|late)[- ])?(?:nineteen[- ])?)(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b")
def _decade(m, ctx):
    if m.group("dec"):
        y = int(m.group("dec"))
    elif m.group("dd"):
        y = 1900 + int(m.group("dd")) if int(m.group("dd")) >= 30 else 2000 + int(m.group("dd"))
    else:
        y = 1900 + DECADE_WORDS[m.group("dw").lower()]
    return Timex(m.start(), m.end(), m.group(), "DATE", None, date(y, 1, 1), date(y + 9, 12, 31), "decade")


_ORD = "|".join(sorted((re.escape(k) for k in ORDINALS), key=len, reverse=True))


@rule(rf"(?i)\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{_ORD})[- ]century\b")
def _century(m, ctx):
    n = m.group("n").lower()
    c = int(re.match(r"\d+", n).group()) if n[0].isdigit() else ORDINALS.get(n)
    if not c or c > 21:
        return None
    return Timex(m.start(), m.end(), m.group(), "DATE", None, date(100 * (c - 1) or 1, 1, 1),
                 date(100 * c - 1, 12, 31), "century")


@rule(rf"\b(?P<mod>(?i:last|this|next|past|coming|previous)\s+)?(?P<wd>{WEEKDAY}){_POD}\b(?!,?\s+(?:the\s+)?\d)")
def _weekday(m, ctx):
    wd = WEEKDAYS[m.group("wd").rstrip(".").lower()]
    mod = (m.group("mod") or "").strip().lower() or None
    d = _weekday_date(ctx, m.start("wd"), m.end("wd"), wd, mod)
    if d is None:
        return None
    pod = _pod(m.group("pod"))
    return _date_timex(m, d, d, "day", "TIME" if pod else "DATE", pod)


@rule(r"(?i)\b(?P<w>yesterday|today|tomorrow|tonight|overnight)(?:'s)?(?P<pod2>\s+(?:morning|afternoon|evening|night))?\b")
def _deictic(m, ctx):
    if ctx.base is None:
        return None
    w = m.group("w").lower()
    d = ctx.base + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
    pod = _pod(m.group("pod2").strip() if m.group("pod2") else None) or _pod(w)
    if w == "overnight" and not m.group("pod2"):
        return None
    end = m.end("pod2") if m.group("pod2") else m.end("w")
    return Timex(m.start(), end, ctx.text[m.start():end], "TIME" if pod else "DATE", None, d, d, "day",
                 part_of_day=pod)


@rule(r"(?i)\b(?P<mod>this|last|yesterday|tomorrow)\s+(?P<pod>morning|afternoon|evening|night)\b")
def _this_morning(m, ctx):
    if ctx.base is None:
        return None
    mod = m.group("mod").lower()
    d = ctx.base + timedelta(days={"last": -1, "yesterday": -1, "tomorrow": 1}.get(mod, 0))
    if mod == "last" and m.group("pod").lower() != "night":
        return None
    return _date_timex(m, d, d, "day", "TIME", _pod(m.group("pod")))


_UNIT_WORD = r"week|weekend|month|year|quarter|decade|century|fiscal\s+year"


@rule(rf"(?i)\b{_PRE}(?P<the>the\s+)?(?P<mod>last|this|next|past|coming|previous|current|following|this\s+past|same)\s+(?P<unit>{_UNIT_WORD})\b")
def _relative_unit(m, ctx):
    if ctx.base is None:
        return None
    mod = " ".join(m.group("mod").lower().split())
    unit = " ".join(m.group("unit").lower().split())
    the = bool(m.group("the"))
    if mod in ("same", "following") or (the and mod == "previous"):
        return None  # relative to another time in the text, not to the publish date
    if the and mod in ("past", "next", "coming"):
        return _duration_value(m, 1, unit)
    step = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1}.get(mod, 0)
    return _shift_unit(m, ctx.base, unit, step)


def _shift_unit(m: re.Match, base: date, unit: str, step: int) -> Timex | None:
    if unit in ("week", "weekend"):
        first, last = _week_range(base + timedelta(days=7 * step))
        if unit == "weekend":
            first = first + timedelta(days=5)
        return _date_timex(m, first, last, "week")
    if unit == "month":
        d = _add_months(base.replace(day=1), step)
        return _date_timex(m, *_month_range(d.year, d.month), "month")
    if unit in ("year", "fiscal year"):
        return _date_timex(m, *_year_range(base.year + step), "year")
    if unit == "quarter":
        q = (base.month - 1) // 3 + step
        y, q = base.year + q // 4, q % 4 + 1
        return _date_timex(m, *_quarter_range(y, q), "quarter")
    if unit == "decade":
        y = (base.year // 10 + step) * 10
        return _date_timex(m, date(y, 1, 1), date(y + 9, 12, 31), "decade")
    if unit == "century":
        y = (base.year // 100 + step) * 100
        return _date_timex(m, date(y, 1, 1), date(y + 99, 12, 31), "century")
    return None


@rule(r"(?i)\bthe\s+weekend\b(?!\s+(?:of|before|after|that)\b)")
def _the_weekend(m, ctx):
    """"said over the weekend": the weekend just past; "will meet at the weekend": the next one;
    in a present-tense sentence, the nearer one."""
    if ctx.base is None:
        return None
    base = ctx.base
    saturday_past = base - timedelta(days=(base.weekday() - 5) % 7)  # the base itself on a Saturday
    if base.weekday() == 6:
        saturday_past = base - timedelta(days=1)
    saturday_next = saturday_past if base.weekday() >= 5 else saturday_past + timedelta(days=7)
    way = ctx.direction(m.start(), m.end())
    if way == "near":
        way = "past" if (base - saturday_past).days <= (saturday_next - base).days else "future"
    saturday = saturday_past if way == "past" else saturday_next
    return _date_timex(m, saturday, saturday + timedelta(days=1), "week")


@rule(r"(?i)\b(?:earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)\b")
def _earlier_this(m, ctx):
    if ctx.base is None:
        return None
    return _shift_unit(m, ctx.base, m.group("unit").lower(), 0)


@rule(rf"(?i)\b(?P<n>{NUMBER}|a|an|a\s+few|several)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+(?:ago|earlier\s+than\s+now)\b")
def _ago(m, ctx):
    if ctx.base is None:
        return None
    n = number_value(m.group("n")) if not m.group("n").lower().endswith(("few", "several")) else None
    unit = unit_key(m.group("unit"))
    if n is None:
        return None
    if unit == "year" and m.group("n").lower() in ("a", "an"):
        return None  # "a year ago" follows a quarter named before it: see _year_back
    n = int(n)
    base = ctx.base
    if unit == "day":
        d = base - timedelta(days=n)
        return _date_timex(m, d, d, "day")
    if unit == "week":
        d = base - timedelta(days=7 * n)
        return _date_timex(m, d, d, "day")
    if unit == "month":
        d = _add_months(base, -n)
        return _date_timex(m, *_month_range(d.year, d.month), "month")
    if unit == "year":
        return _date_timex(m, *_year_range(base.year - n), "year")
    if unit == "decade":
        y = (base.year - 10 * n) // 10 * 10
        return _date_timex(m, date(y, 1, 1), date(y + 9, 12, 31), "decade")
    return None


# Season words with another sense as nouns: a drop ("a sharp fall in prices", "the fall of
# Saigon") and a source or a coil ("a hot spring").
_AMBIGUOUS_SEASONS = frozenset({"fall", "spring"})
# Words that place a season in time: with one of them it is the season, whatever else is said
# of it ("an unusually cool late spring").
_SEASON_PLACERS = frozenset({"this", "last", "next", "past", "coming", "early", "late", "mid"})
# What else may stand before a season: "the fall", "each spring".
_SEASON_WORDS_BEFORE = _SEASON_PLACERS | {"the", "that", "each", "every"}


def _another_sense(token) -> bool:
    """Is this "fall" or "spring" the other noun, not the season? Unless a word places it in time
    ("last fall", "late spring"), the season takes no article but "the", no owner, no adjective,
    and no "of" or "in" after it ("the fall of 2008" has its year, which the rule reads before
    asking): "a fall", "the Dow's fall", "their biggest fall", "in free fall", "a fall in the
    number of cases", "the rise and fall of", "a hot spring".
    """
    if token.lower_ not in _AMBIGUOUS_SEASONS or any(c.lower_ in _SEASON_PLACERS for c in token.children):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.tag_ in ("POS", "PRP$"):  # "the index's fall", also when misparsed
        return True
    for child in token.children:
        if child.dep_ in ("det", "amod", "nummod", "compound") and child.lower_ not in _SEASON_WORDS_BEFORE:
            return True
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("of", "in")):
            return True
    return token.dep_ == "conj" and token.head.lower_ not in SEASONS  # "the rise and fall"


@rule(rf"(?i)\b(?:the\s+)?(?:(?P<mod>last|this|next|past|coming|early|late|mid|this\s+past)[\s-]+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?\b")
def _season(m, ctx):
    word = m.group("s").lower()
    span = ctx.span(m.start("s"), m.end("s"))
    token = span[0] if span is not None and len(span) == 1 else None
    if token is not None and token.pos_ not in ("NOUN", "PROPN"):
        return None  # "prices fall", "spring into action"
    if token is not None and token.dep_ == "compound" and not m.group("mod"):
        return None  # "summer camp", "winter storm"
    if token is not None and not m.group("y") and _another_sense(token):
        return None  # "a sharp fall in prices", "the fall of Saigon", "a hot spring"
    first_month, _ = SEASONS[word]
    mod = " ".join((m.group("mod") or "").lower().split()).replace("this past", "last")
    if m.group("y"):
        y = int(m.group("y"))
    else:
        if ctx.base is None:
            return None
        base = ctx.base
        # the season holding the base, else the last one before it and the next one after it
        y_in = base.year if (first_month != 12 or base.month == 12) else base.year - 1
        f, l = _season_range(y_in, first_month)
        if f <= base <= l:
            prev_y, next_y, cur = y_in - 1, y_in + 1, y_in
        elif f > base:
            prev_y, next_y, cur = y_in - 1, y_in, None
        else:
            prev_y, next_y, cur = y_in, y_in + 1, None
        if mod in ("last", "past"):
            y = prev_y
        elif mod in ("next", "coming"):
            y = next_y
        elif cur is not None:
            y = cur
        else:  # "this winter" / "winter" out of season: by the tense, else the nearer one
            way = ctx.direction(m.start("s"), m.end("s"))
            if way == "future":
                y = next_y
            elif way == "past":
                y = prev_y
            else:  # the nearer of the two
                gap_prev = (base - _season_range(prev_y, first_month)[1]).days
                gap_next = (_season_range(next_y, first_month)[0] - base).days
                y = prev_y if gap_prev <= gap_next else next_y
    return _date_timex(m, *_season_range(y, first_month), "season")


_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                "final": 4, "last": 4}


@rule(rf"(?i)\b(?:the\s+)?(?:(?P<y0>{_YEAR})(?:'s)?\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+quarter(?:\s+(?:of\s+)?(?:(?:fiscal|the)\s+)?(?P<y>{_YEAR}))?\b"
      rf"|\bQ(?P<qn>[1-4])\s+(?P<y2>{_YEAR})\b")
def _quarter(m, ctx):
    q = int(m.group("qn")) if m.group("qn") else _QUARTER_ORD[m.group("q").lower()]
    y = m.group("y") or m.group("y0") or m.group("y2")
    if y:
        y = int(y)
    elif ctx.base is None:
        return None
    else:
        base = ctx.base
        y = base.year if _quarter_range(base.year, q)[0] <= base else base.year - 1
        if ctx.direction(m.start(), m.end()) == "future" and _quarter_range(base.year, q)[1] >= base:
            y = base.year
    return _date_timex(m, *_quarter_range(y, q), "quarter")


# Financial reports name a quarter, then speak of "the quarter" and compare with "a year
# earlier": those mean the quarter named and that quarter a year back (TimeBank/AQUAINT give
# them quarter values in 33 of 45 "a year ago/earlier" and 26 of 27 "the (latest) quarter" in
# documents that name a quarter). Resolved in ``scan``, which sees the whole document.
@rule(r"(?i)\b(?:the|this)\s+(?:latest\s+|current\s+|most\s+recent\s+|same\s+)?(?:fiscal\s+)?quarter\b(?![-\w])(?!\s+(?:of|century))")
def _the_quarter(m, ctx):
    return Timex(m.start(), m.end(), m.group(0), "DATE", anaphor="quarter")


@rule(r"(?i)\b(?:(?:the\s+)?(?:comparable\s+)?year[- ](?:ago|earlier)(?:\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period))?"
      r"|a\s+year\s+(?:ago|earlier))\b")
def _year_back(m, ctx):
    return Timex(m.start(), m.end(), m.group(0), "DATE", anaphor="year_back")


def _resolve_periods(found: list[Timex], base: date | None) -> list[Timex]:
    """Give "the quarter" and "a year earlier" their meaning from the quarter last named
    before them; without one, "the quarter" is dropped and "a year ago/earlier" is the year
    before the publish date."""
    out, last_q = [], None
    for t in found:
        if t.granularity == "quarter" and t.first is not None:
            last_q = t.first
        if t.anaphor is None:
            out.append(t)
            continue
        low = t.text.lower()
        if t.anaphor == "quarter" and base is not None and ("latest" in low or "most recent" in low):
            b = (base.month - 1) // 3  # the last quarter to have ended by the publish date
            start = date(base.year, 3 * b - 2, 1) if b else date(base.year - 1, 10, 1)
        elif last_q is not None:
            start = last_q if t.anaphor == "quarter" else date(last_q.year - 1, last_q.month, 1)
        elif t.anaphor == "year_back" and base is not None and low.startswith("a year"):
            out.append(replace(t, first=date(base.year - 1, 1, 1), last=date(base.year - 1, 12, 31), granularity="year"))
            continue
        else:
            continue  # "the quarter" with no quarter named: nothing to point to
        out.append(replace(t, first=start, last=_quarter_range(start.year, (start.month - 1) // 3 + 1)[1],
                           granularity="quarter"))
    return out


# ---- not dates: durations, sets, times of day, vague references (for the TimeML evaluation)


def _duration_value(m: re.Match, n: float | None, unit: str, group: int | str = 0) -> Timex:
    letter, mult, clock = UNITS[unit_key(unit) if unit_key(unit) in UNITS else "year"]
    if n is None:
        amount = "X"
    else:
        v = n * mult
        amount = str(int(v)) if float(v).is_integer() else str(v)
    value = ("PT" if clock else "P") + amount + letter
    return Timex(m.start(group), m.end(group), m.group(group), "DURATION", value)


@rule(rf"(?i)\b(?:(?:almost|nearly|more\s+than|less\s+than|at\s+least|up\s+to)\s+)?"
      rf"(?:the\s+(?:(?:past|last|next|first|coming|previous|following|final)\s+)?)?(?P<n>{NUMBER}|a|an|a\s+few|few|several|many|a\s+couple\s+of|the)"
      r"(?:\s+more)?[\s-]+(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|century|centuries)\b"
      r"(?!\s+ago|-old|\s+old|\s+earlier|\s+later)")
def _duration(m, ctx):
    raw = m.group("n").lower()
    if raw == "the":
        return None
    n = None if raw.endswith(("few", "several", "many", "couple of")) else number_value(raw)
    if n is None and not raw.endswith(("few", "several", "many", "couple of")):
        return None
    unit = m.group("unit").lower()
    if n is not None and n != 1 and not unit.endswith("s") and "-" not in m.group() and unit != "century":
        return None  # "2 day" is not English; a number next to a unit noun used as adjective
    return _duration_value(m, n, unit)


@rule(r"(?i)\b(?:the\s+)?(?P<mod>recent|coming|past|next\s+few|past\s+few|last\s+few)\s+(?P<unit>days|weeks|months|years|decades)\b")
def _vague_duration(m, ctx):
    return _duration_value(m, None, m.group("unit"))


@rule(r"(?i)\b(?:every|each)\s+(?P<unit>day|week|month|year|morning|afternoon|evening|night|season|summer|winter|spring|weekend)\b"
      r"|\b(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly)\b")
def _set(m, ctx):
    if m.group("adv"):
        adv = m.group("adv").lower()
        span = ctx.span(m.start(), m.end())
        if span is None or len(span) != 1 or span[0].pos_ != "ADV":
            return None  # "a daily newspaper" is not a recurring time
        value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                 "nightly": "P1D", "hourly": "PT1H"}[adv]
    else:
        u = m.group("unit").lower()
        value = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "weekend": "P1W"}.get(
            u, "XXXX-XX-XXT" + PARTS_OF_DAY.get(u, "MO") if u in PARTS_OF_DAY else "P1Y")
    return Timex(m.start(), m.end(), m.group(), "SET", value)


@rule(r"(?i)\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?=\W|$)"
      r"(?:\s+(?P<tz>[A-Z]{2,4}T|GMT|UTC))?|\b(?P<word>noon|midnight)\b")
def _clock(m, ctx):
    if m.group("word"):
        h, mi = (12, 0) if m.group("word").lower() == "noon" else (24, 0)
    else:
        h, mi = int(m.group("h")), int(m.group("mi") or 0)
        if h > 12:
            return None
        pm = m.group("ap").lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    end = m.end()
    text = ctx.text[m.start():end].rstrip()
    if text.endswith(".") and not m.group("word") and not text.lower().endswith("m."):
        text = text[:-1]
    day = ctx.base.isoformat() if ctx.base else "XXXX-XX-XX"
    value = f"{day}T{h:02d}:{mi:02d}" if mi else f"{day}T{h:02d}:00"
    return Timex(m.start(), m.start() + len(text), text, "TIME", value)


@rule(r"(?i)\b(?P<w>now|currently|nowadays|at\s+present|the\s+present|recently|lately|the\s+past|the\s+future|formerly|previously|once\s+again)\b")
def _vague_ref(m, ctx):
    w = " ".join(m.group("w").lower().split())
    if w in ("once again",):
        return None
    value = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
             "at present": "PRESENT_REF", "the present": "PRESENT_REF", "recently": "PAST_REF",
             "lately": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF",
             "formerly": "PAST_REF", "previously": "PAST_REF"}[w]
    if w in ("formerly", "previously"):
        return None
    if w == "the past" and re.match(r"(?i)\s+(?:\d|[a-z]+\s+[a-z]+s\b|several|few|[a-z]+-?[a-z]*\s+(?:days|weeks|months|years))", ctx.text[m.end():m.end() + 30]):
        return None
    return Timex(m.start(), m.end(), m.group(), "DATE", value)


# --------------------------------------------------------------------------- the scan


def _apply_pre(t: Timex, pre: str | None) -> Timex:
    """'early August', 'the end of 2012': the same value, a narrower range."""
    if not pre or t.first is None or t.last is None:
        return t
    p = " ".join(pre.lower().split())
    n = (t.last - t.first).days + 1
    third = max(1, n // 3)
    if p in ("early", "the beginning of", "the start of", "the first half of"):
        return replace(t, last=t.first + timedelta(days=(n // 2 if "half" in p else third) - 1))
    if p in ("late", "the end of", "the second half of"):
        return replace(t, first=t.last - timedelta(days=(n // 2 if "half" in p else third) - 1))
    if p in ("mid", "the middle of"):
        return replace(t, first=t.first + timedelta(days=third), last=t.last - timedelta(days=third))
    return t


def scan(doc, base: date | None) -> list[Timex]:
    """Every time expression in the doc, longest match first, without overlaps."""
    ctx = Context(doc, base)
    found: list[Timex] = []
    for pattern, handler in PATTERNS:
        for m in pattern.finditer(ctx.text):
            if m.end() <= m.start():
                continue
            t = handler(m, ctx)
            if t is None:
                continue
            pre = m.groupdict().get("pre")
            t = _apply_pre(t, pre)
            found.append(t)
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    chosen: list[Timex] = []
    taken: list[tuple[int, int]] = []
    for t in found:
        if any(t.start < e and s < t.end for s, e in taken):
            continue
        text = ctx.text[t.start:t.end]
        lead = len(text) - len(text.lstrip())
        stripped = text.strip(" ,\n\t")
        t = replace(t, start=t.start + lead, end=t.start + lead + len(stripped), text=stripped)
        if t.first is not None:
            t = replace(t, relation=ctx.relation(t.start))
        chosen.append(t)
        taken.append((t.start, t.end))
    chosen.sort(key=lambda t: t.start)
    return _resolve_periods(_join_clocks_to_days(chosen, ctx.text), base)


def _join_clocks_to_days(found: list[Timex], text: str) -> list[Timex]:
    """"noon Saturday", "5 p.m. EST, Nov. 6": one time on that day, not a clock on the
    publish day beside a date."""
    out: list[Timex] = []
    for t in found:
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"[\s,]*", text[prev.end:t.start]):
            clock, day = (prev, t) if _is_clock(prev) else (t, prev)
            if _is_clock(clock) and day.granularity == "day" and day.part_of_day is None:
                out[-1] = replace(day, start=prev.start, end=t.end, text=text[prev.start:t.end], type="TIME",
                                  value=f"{day.first.isoformat()}T{clock.value.split('T', 1)[1]}")
                continue
        out.append(t)
    return out


def _is_clock(t: Timex) -> bool:
    return t.type == "TIME" and t.first is None and t.value is not None and "T" in t.value


__all__ = ["Timex", "scan", "Context"]
