"""The features an article contributes to story clustering: content lemmas and entity keys.

Weights are sublinear term frequencies only. IDF is left to the clusterer, which
keeps its own running document frequencies so that assignment stays online.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Sequence

from ..model import EntityMention, Part
from .furniture import furniture_spans, inside_any

# A headline names the event in a few words: each of its words counts as this many.
TITLE_WEIGHT = 3.0
ENTITY_PREFIX = "e:"
# Years the article names ("in March 2013"): two events of one kind years apart share
# everything but these, and undated articles have nothing else to tell them apart.
YEAR_PREFIX = "y:"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def article_terms(parts: Sequence[tuple[Part, object]], mentions: Sequence[EntityMention]) -> dict[str, float]:
    """Lemma, "e:<entity key>" and "y:<year>" weights (1 + log tf) for one article's parsed parts."""
    counts: Counter[str] = Counter()
    for part, doc in parts:
        weight = TITLE_WEIGHT if part == "title" else 1.0
        # Credits and page furniture ("enable JavaScript to watch this video") are shared by
        # every page of a site, whatever the story.
        furniture = furniture_spans(doc.text)  # type: ignore[attr-defined]
        for token in doc:  # type: ignore[attr-defined]
            if furniture and inside_any(token.idx, token.idx + len(token), furniture):
                continue
            lemma = _content_lemma(token)
            if lemma:
                counts[lemma] += weight
        for ent in getattr(doc, "ents", ()):
            if ent.label_ == "DATE":
                for year in _YEAR.findall(ent.text):
                    counts[YEAR_PREFIX + year] += 1.0
    for m in mentions:
        if m.key:
            counts[ENTITY_PREFIX + m.key] += TITLE_WEIGHT if m.span.part == "title" else 1.0
    # Sorted so that equal inputs give equal dicts in equal order, whatever the parse order.
    return {t: 1.0 + math.log(c) for t, c in sorted(counts.items())}


def _content_lemma(token) -> str | None:
    if token.is_stop or token.is_punct or token.is_space or token.like_num or token.like_url:
        return None
    if not any(ch.isalpha() for ch in token.text):
        return None
    lemma = (token.lemma_ or token.text).lower().strip()
    if len(lemma) < 2 or lemma.startswith(ENTITY_PREFIX):
        return None
    return lemma
