"""Hypothesis strategies that build random model objects, for round-trip tests.

The values are deliberately wider than what the pipeline makes (any unicode, NUL
characters, negative zero, far dates, odd UTC offsets, named zones) because the
codec and the store must keep whatever they are given.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from storyline.model import (
    CLAIM_STATUSES,
    QUALIFIERS,
    AnalysedArticle,
    Article,
    Claim,
    Conflict,
    Entity,
    EntityMention,
    EventDate,
    Fact,
    Quantity,
    Sentence,
    Source,
    Span,
    Story,
    StoryReport,
    Support,
    Update,
)

SOURCE_KINDS = ("person", "official", "organisation", "outlet", "document", "anonymous", "other")
GRANULARITIES = ("day", "week", "month", "season", "quarter", "year", "decade", "century")

text = st.text(max_size=40)
short = st.text(max_size=8)
ids = st.text(alphabet="abcdef0123456789", min_size=1, max_size=6)
small = st.integers(min_value=0, max_value=10_000)
floats = st.floats(allow_nan=False)  # NaN != NaN: no round trip can compare it
parts = st.sampled_from(("title", "text"))


def tuples(elements, max_size=3):
    return st.lists(elements, max_size=max_size).map(tuple)


fixed_offsets = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
# A few real zones with DST, so repeated and skipped hours come up.
named_zones = st.sampled_from(("Europe/Berlin", "America/New_York", "Australia/Lord_Howe")).map(ZoneInfo)
zones = st.none() | st.just(timezone.utc) | fixed_offsets | named_zones
datetimes = st.datetimes(
    min_value=datetime(1800, 1, 1), max_value=datetime(2200, 1, 1), timezones=zones, allow_imaginary=True
)
dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))

articles = st.builds(
    Article,
    text=text,
    title=text,
    outlet=st.none() | short,
    published=st.none() | datetimes,
    url=st.none() | st.sampled_from(("https://a.example/1", "https://b.example/2")) | text,
    language=st.none() | st.sampled_from(("en", "de")),
    source=short,
)
spans = st.builds(Span, part=parts, start=small, end=small)
sentences = st.builds(Sentence, index=small, part=parts, start=small, end=small, text=text, paragraph=small)
mentions = st.builds(EntityMention, text=short, label=st.sampled_from(("PERSON", "GPE", "ORG")), key=short, span=spans)
entities = st.builds(Entity, key=short, name=short, type=short, aliases=tuples(short))
sources = st.builds(
    Source,
    name=short,
    kind=st.sampled_from(SOURCE_KINDS),
    span=st.none() | spans,
    cue=st.none() | short,
    entity=st.none() | short,
)
event_dates = st.builds(
    EventDate,
    text=short,
    span=spans,
    start=dates,
    end=dates,
    granularity=st.sampled_from(GRANULARITIES),
    relation=st.sampled_from(("on", "by", "since", "until", "before", "after")),
)
quantities = st.builds(
    Quantity,
    text=short,
    span=spans,
    value=st.none() | floats,
    low=st.none() | floats,
    high=st.none() | floats,
    qualifier=st.sampled_from(QUALIFIERS),
    unit=st.none() | short,
    counted=st.none() | short,
)
claims = st.builds(
    Claim,
    id=ids,
    article_id=ids,
    sentence_index=small,
    span=spans,
    text=text,
    status=st.sampled_from(CLAIM_STATUSES),
    attribution=tuples(sources),
    event_date=st.none() | event_dates,
    dates=tuples(event_dates),
    quantities=tuples(quantities),
    entities=tuples(short),
    negated=st.booleans(),
)


@st.composite
def analysed_articles(draw, article=None):
    return AnalysedArticle(
        article=draw(articles) if article is None else article,
        sentences=draw(tuples(sentences)),
        mentions=draw(tuples(mentions)),
        entities=draw(tuples(entities)),
        claims=draw(tuples(claims)),
        relayed=draw(tuples(sources)),
        terms=draw(st.dictionaries(short, floats, max_size=4)),
        analyzer=draw(short),
    )


@st.composite
def stories(draw, article_ids=None):
    """A Story whose duplicates point between its own members, as the clusterer makes them."""
    members = draw(st.lists(ids, unique=True, max_size=5)) if article_ids is None else list(article_ids)
    duplicates = {}
    for i, aid in enumerate(members[1:], start=1):
        if draw(st.booleans()):
            duplicates[aid] = members[draw(st.integers(0, i - 1))]
    return Story(id=draw(ids), article_ids=tuple(members), duplicates=duplicates)


facts = st.builds(
    Fact,
    id=ids,
    text=text,
    status=st.sampled_from(CLAIM_STATUSES),
    event_date=st.none() | event_dates,
    quantities=tuples(quantities),
    entities=tuples(short),
    claims=tuples(claims, max_size=2),
    origins=tuples(short),
    support=st.builds(Support, articles=small, outlets=small, independent_origins=small),
    first_seen=ids,
)
conflicts = st.builds(Conflict, about=short, fact_ids=tuples(ids), values=tuples(quantities))
updates = st.builds(Update, article_id=ids, new_facts=tuples(ids), confirmed_facts=tuples(ids))


@st.composite
def story_reports(draw, story=None, report_articles=None):
    return StoryReport(
        story=draw(stories()) if story is None else story,
        title=draw(text),
        articles=draw(tuples(articles)) if report_articles is None else tuple(report_articles),
        facts=draw(tuples(facts, max_size=2)),
        timeline=draw(tuples(ids)),
        undated=draw(tuples(ids)),
        conflicts=draw(tuples(conflicts, max_size=2)),
        updates=draw(tuples(updates, max_size=2)),
        entities=draw(tuples(entities)),
        relayed=draw(st.dictionaries(ids, tuples(sources, max_size=2), max_size=2)),
    )
