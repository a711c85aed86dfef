"""Sentences of one part of an article, with paragraph numbers.

spaCy's small model sometimes runs a sentence across a paragraph break; a blank
or single newline in news text always ends a sentence, so we cut there too.
"""

from __future__ import annotations

import re

from ..model import Part, Sentence

_BREAK = re.compile(r"\n\s*")


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where each paragraph of ``text`` starts (a newline separates them)."""
    starts = [0]
    for m in _BREAK.finditer(text):
        if m.end() < len(text):
            starts.append(m.end())
    return starts


def split_sentences(doc, part: Part, first_index: int = 0) -> list[Sentence]:
    """Sentences of a spaCy ``doc`` of one part, cut at newlines, stripped of blanks."""
    text = doc.text
    starts = paragraph_starts(text)
    out: list[Sentence] = []
    for sent in doc.sents:
        for start, end in _cut_at_newlines(text, sent.start_char, sent.end_char):
            para = _paragraph_of(starts, start)
            out.append(Sentence(first_index + len(out), part, start, end, text[start:end], para))
    return out


def _cut_at_newlines(text: str, start: int, end: int):
    pos = start
    for m in _BREAK.finditer(text, start, end):
        yield from _stripped(text, pos, m.start())
        pos = m.end()
    yield from _stripped(text, pos, end)


def _stripped(text: str, start: int, end: int):
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ";"):
        end -= 1  # a sentence cut at a semicolon (nlp.semicolon_boundaries) ends before it
    if end > start:
        yield start, end


def _paragraph_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo
