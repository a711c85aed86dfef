"""Text on a news page that is not the story: credits and page furniture.

A byline or a photo credit names the reporter, a copyright line the owner, a video
player asks to "enable JavaScript": the model tags these as people and organisations,
and an article about a shooting then names its reporter among the people involved.
:func:`furniture_spans` finds such text so that the entity linker can leave it out.
"""

from __future__ import annotations

import re

from .entities_gazetteer import COUNTRIES, ORGANISATIONS

BYLINE_CUES = r"by|from|written by|reporting by|editing by"
# A line that opens with a byline cue and a capital: "By Jane Doe" (claims.py: not a claim).
BYLINE = re.compile(rf"^({BYLINE_CUES})\s+[A-Z]", re.I)
# The same cues and a few more, for the credited names of :func:`furniture_spans`.

_BYLINE_START = re.compile(rf"^\W*({BYLINE_CUES}|additional reporting by|story by|photos? by|reported by"
                           r"|compiled by)\s+(?=(?-i:[A-Z]))", re.I)
# Lower-case words a byline may hold beside names: "By Jane Doe and John Roe, staff writers".
_BYLINE_WORDS = frozenset({"and", "of", "the", "for", "at", "with", "staff", "writer", "writers", "reporter",
                           "reporters", "correspondent", "correspondents", "editor", "photographer",
                           "contributor", "special", "senior", "news", "press", "service", "wire"})
# Cues that open a credit line whatever follows: who helped, photographed or owns the page.
_CREDIT_CUES = (r"contributing( writers?)?\s*:|reporters?\s*:|writers?\s*:|photos?\s*[:/]"
                r"|contact( the (writer|reporter|author))?|reach (him|her|them|the (writer|reporter))"
                r"|e-?mail( the (writer|reporter|author))?\s*:?|follow (him|her|them)\b|copyright|©"
                r"|all rights reserved")
_CREDIT_START = re.compile(rf"^\W*({_CREDIT_CUES})(?!\w)", re.I)
# A run of capitalised words after the cue: the credited name when the line runs on into the
# story ("By Jane Doe WKRN - The fire ...").
_CAPITALISED_RUN = re.compile(r"\s*(?:[A-Z][\w.'’-]*(?:\s+|$)){1,4}")
# Said anywhere in a sentence, the sentence is a credit.
_CREDIT_SENTENCE = re.compile(
    r"contributed( reporting)? to this (report|story|article)|can be reached at|[\w.-]+@[\w-]+\.\w", re.I)
# Page furniture: only the phrase itself is left out, not the dateline run into it.
_FURNITURE = re.compile(
    r"(please )?enable javascript( to (watch|view) this video)?|javascript (is )?(disabled|required)"
    r"|having trouble viewing (the|this) video|(read or )?share this (story|article)"
    r"|(pending|view|post a|leave a) comments?|related (coverage|stories|articles)|buy photo"
    r"|(this (site|website) uses|accept( all)?|manage) cookies|cookie (policy|settings)"
    r"|subscribe (now|today|to our \w+)|sign up for our \w+|privacy policy|terms of (use|service)"
    r"|\((photo|image|video)s?\s*(by|:|/)[^)]*\)|\([\w ]{0,30}\b(photo|file)\)",
    re.I)
SHORT_LINE_WORDS = 12  # a credit line is short; a longer one is story text that opens with "By"
# A sentence ends after a lower-case word or a figure: not after an initial ("Jane H. Doe").
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\"”’][.!?])\s+")


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character ranges of ``text`` that are credits or page furniture."""
    spans = [m.span() for m in _FURNITURE.finditer(text)]
    for start, end in _segments(text):
        spans.extend(_credit(text, start, end))
    return sorted(spans)


def inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the range [start, end) overlaps one of ``spans``."""
    return any(start < e and s < end for s, e in spans)


def _segments(text: str):
    """Sentences of each line, as (start, end): credits sit on a line of their own or end one."""
    offset = 0
    for line in text.split("\n"):
        start = offset
        for m in _SENTENCE_END.finditer(line):
            yield start, offset + m.start()
            start = offset + m.end()
        yield start, offset + len(line)
        offset += len(line) + 1


def _credit(text: str, start: int, end: int) -> list[tuple[int, int]]:
    segment = text[start:end]
    if _CREDIT_SENTENCE.search(segment):
        return [(start, end)]
    short = len(segment.split()) <= SHORT_LINE_WORDS
    m = _CREDIT_START.match(segment)
    if m is not None:
        return [(start, end)] if short else []
    m = _BYLINE_START.match(segment)
    if m is None:
        return []
    if short and _names_only(segment[m.end():]):
        return [(start, end)]
    # "By" opening story text ("By Friday, police had ...") is no byline unless names follow it
    # and run on without a break: "By Jane Doe WKRN - A fire ...".
    run = _CAPITALISED_RUN.match(segment, m.end())
    return [(start, start + run.end())] if run and not short else []


def _names_only(words: str) -> bool:
    """No lower-case word but those a byline holds: "Jane Doe, staff writer", not "Paris, she said"."""
    return all(w[0].isupper() or w.lower() in _BYLINE_WORDS
               for w in re.findall(r"[^\W\d_][\w'’.-]*", words))


# A dateline: the place in capitals opening the story, then its state, the station and a dash
# ("SPRINGFIELD, Ill. (WXYZ) -"). The model reads small towns there as people or organisations.
_DATELINE_PLACE = re.compile(
    r"([A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})(?=(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\(|[-–—]+(?:\s|$)))")


# Capitals that open a line before a dash without naming a place: news labels, and the
# organisations the gazetteer knows by their letters ("NATO - The alliance said ...").
_NEWS_LABELS = frozenset({"breaking", "update", "updated", "exclusive", "watch", "video", "live", "analysis",
                          "opinion", "editorial", "correction", "photos", "audio", "developing"})
_ORGANISATION_NAMES = frozenset(
    n for table in (COUNTRIES, ORGANISATIONS) for key, (_, kind, aliases) in table.items() if kind == "ORG"
    for n in (key, *aliases))


def _names_no_place(capitals: str) -> bool:
    name = capitals.lower()
    return name in _NEWS_LABELS or name in _ORGANISATION_NAMES


def dateline_places(text: str, furniture: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the place naming each dateline: at a line's start, or after furniture there."""
    places = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        for s, e in furniture:
            if s == start:
                start = e
        while start < offset + len(line) and not text[start].isalnum():
            start += 1
        m = _DATELINE_PLACE.match(text, start, offset + len(line))
        if m and not _names_no_place(m.group(1)):
            places.append(m.span(1))
        offset += len(line) + 1
    return places
