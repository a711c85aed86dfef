"""Time expressions: find them, resolve them to ranges of days, pick a claim's event date.

Finding and normalising are rules (``dates_rules``) over the text and its spaCy parse;
relative expressions ("on Wednesday", "last week", "since August") resolve against the
article's publish date and the tense of the verb they hang on.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from ..model import EventDate, Part, Span
from .dates_rules import Timex, scan
from .syntax import noun_clause_tokens

_COARSENESS = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4, "decade": 5,
               "century": 6}
_REPORTING = {
    "say", "tell", "announce", "report", "state", "add", "confirm", "claim", "write", "note",
    "insist", "deny", "declare", "explain", "warn", "reveal", "disclose", "tweet", "post",
}


def find_timexes(doc, base: date | None) -> list[Timex]:
    """Every time expression in ``doc``: dates, times, durations, sets, "now"."""
    return scan(doc, base)


def find_dates(doc, part: Part, base: date | None) -> list[EventDate]:
    """The dates in one part of an article, as ranges of days, in text order.

    ``base`` is the publish date; without it only self-contained dates ("19 June 2024",
    "in 2023", "the 1950s") are kept. Durations ("three weeks"), recurring times ("daily")
    and vague references ("now") are not dates and are left out.
    """
    out: list[EventDate] = []
    for t in scan(doc, base):
        if t.first is None or t.last is None or t.granularity is None:
            continue
        out.append(EventDate(t.text, Span(part, t.start, t.end), t.first, t.last, t.granularity,
                             t.relation))
    return out


def _anchor(doc, d: EventDate):
    """The verb a date hangs on and how deep it sits below its sentence's root."""
    span = doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, 99
    t = span.root
    while t.head.i != t.i and (t.pos_ not in ("VERB", "AUX") or span.start <= t.i < span.end):
        t = t.head
    depth = 0
    v = t
    while v.head.i != v.i:
        v = v.head
        depth += 1
    return t, depth


def choose_event_date(
    dates: Sequence[EventDate], sentence_start: int, sentence_end: int, doc,
    claim: tuple[int, int] | None = None,
) -> EventDate | None:
    """The date of the event a sentence reports, out of the dates inside it.

    With ``claim`` (its character range), a date on the nearest verb above the
    claim wins: "on 13 October he said A, and on 14 October he said B" dates B
    on the 14th. Then a date on the event verb beats a date on the reporting verb
    ("said on Monday that the troops entered on 13 October" -> 13 October); a date
    on the main clause beats one in a subordinate or relative clause ("the deal
    signed in 2019 collapsed on Tuesday" -> Tuesday); then the finer date, then
    the first. With ``claim``, a date inside one of its relative or participle clauses
    ("..., where they will relieve teams that have worked there since August", "blocks
    built in the 1970s") is never its event date, even when it is the only one: the claim
    is then undated. Nor is a date outside the claim that hangs on no verb above it, but on
    a clause beside it (``_may_date``), nor the day a record is counted from ("the lowest
    level since 1997", ``_baseline_of_a_superlative``).
    """
    inside = [d for d in dates if sentence_start <= d.span.start and d.span.end <= sentence_end
              and not _baseline_of_a_superlative(doc, d)]
    above = _verbs_above(doc, claim) if claim else {}
    if claim:
        inside = [d for d in inside if not _in_relative_clause(doc, d, claim) and _may_date(doc, d, claim, above)]
    if not inside:
        return None
    if len(inside) == 1:
        return inside[0]

    def key(item):
        i, d = item
        verb, depth = _anchor(doc, d)
        reporting = verb is not None and verb.lemma_.lower() in _REPORTING
        steps = above.get(verb.i, len(doc)) if verb is not None and above else 0
        return (steps, reporting, depth, _COARSENESS.get(d.granularity, 9), i)

    return min(enumerate(inside), key=key)[1]


# Words that make a "since" date the start of a comparison: "the lowest since 1997", "the first
# time since 2003", "a record high since ...". Superlatives are found by their tag (JJS, RBS).
_RANKING = frozenset({"first", "last", "only", "record"})
# How far back from "since" the superlative may be: "its biggest quarterly loss since".
_RANKING_REACH = 6


def _baseline_of_a_superlative(doc, d: EventDate) -> bool:
    """Is ``d`` the date a superlative counts from? "Markets fell to their lowest level since
    1997", "its biggest loss since the 1930s", "the first time since 2003": the event is
    now, and 1997 is where the comparison starts, not when anything happened. The parser
    hangs "since" on the verb as often as on the superlative's noun, so the superlative is
    looked for in the words just before "since", up to a verb or a punctuation mark.
    """
    if d.relation != "since":
        return False
    span = doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    i = span.start - 1
    while i >= 0 and doc[i].pos_ == "DET":  # "since the 1930s"
        i -= 1
    if i < 0 or doc[i].lower_ != "since":
        return False
    for t in reversed(doc[max(0, i - _RANKING_REACH):i]):
        if t.pos_ in ("VERB", "AUX", "PUNCT"):
            return False
        if t.tag_ in ("JJS", "RBS") or t.lower_ in _RANKING:
            return True
    return False


def _may_date(doc, d: EventDate, claim: tuple[int, int], above: dict[int, int]) -> bool:
    """Can ``d`` date the claim? A date inside it can; one outside only when it hangs on a
    verb the claim hangs on: "On Monday, officials said that A" dates A. "The official said
    the troops reached Kursk on Wednesday, and said none had yet gone into combat", or "the
    government made no comment, and its news agency carried nothing on Friday": the date is
    the other clause's, and says nothing of when this one holds. Nor does a date that follows
    the verb of an earlier conjunct: "the army has not fought a war since the 1950s, and its
    soldiers would have to cope with a foreign language" says nothing of when they cope."""
    if claim[0] <= d.span.start and d.span.end <= claim[1]:
        return True
    verb, _ = _anchor(doc, d)
    if verb is None or verb.i not in above:
        return False
    # The claim is a later conjunct of the date's verb: the date is that conjunct's own unless
    # it comes first and so spans both ("On Monday, police arrested him and charged him").
    return not (_conjunct_of(doc, verb, above) and d.span.start > verb.idx)


def _conjunct_of(doc, verb, above: dict[int, int]) -> bool:
    """Does the claim, whose path up to its sentence root is ``above`` (``_verbs_above``), hang
    on ``verb`` as a conjunct ("the army has not fought since the 1950s, and its soldiers would
    have to cope ...": "cope" on "fought")?"""
    return any(i != verb.i and doc[i].dep_ == "conj" and doc[i].head.i == verb.i for i in above)


def _in_relative_clause(doc, d: EventDate, claim: tuple[int, int]) -> bool:
    """Is the date inside a clause that describes a noun of the claim (``noun_clause_tokens``)?
    "Troops have arrived in the region, where they will join forces that have held it since
    August": the date describes the forces, not the arrival, so it cannot be the claim's event
    date; nor can "the 1970s" in "blocks built in the 1970s were cracked"."""
    span = doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
    whole = doc.char_span(claim[0], claim[1], alignment_mode="expand")
    if span is None or whole is None or len(span) == 0:
        return False
    return span.root.i in noun_clause_tokens(whole)


def _verbs_above(doc, claim: tuple[int, int]) -> dict[int, int]:
    """Token index -> steps up from the claim's root, for the root and each head above it."""
    span = doc.char_span(claim[0], claim[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return {}
    t, steps, out = span.root, 0, {}
    while True:
        out[t.i] = steps
        if t.head.i == t.i:
            return out
        t, steps = t.head, steps + 1


__all__ = ["find_dates", "find_timexes", "choose_event_date", "Timex"]
