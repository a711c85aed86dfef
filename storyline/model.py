"""storyline's data types: plain, typed, free of I/O.

Data flows one way through these types:

    Article --analyze--> AnalysedArticle --stories--> Story --fuse--> StoryReport
                          (sentences, entities,                (facts, timeline,
                           claims with attribution,             conflicts, updates;
                           dates, quantities)                   key dates derived from them)

Every span is a pair of character offsets ``start``/``end`` into one *part* of
an article: ``"title"`` (the headline) or ``"text"`` (the body). Offsets are
Python string indices, so ``article.part(part)[start:end]`` is the quoted text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

Part = Literal["title", "text"]

ClaimStatus = Literal["asserted", "reported", "expected", "hedged", "denied"]
CLAIM_STATUSES: tuple[str, ...] = ("asserted", "reported", "expected", "hedged", "denied")

Granularity = Literal["day", "week", "month", "season", "quarter", "year", "decade", "century"]

Qualifier = Literal[
    "exact", "approx", "more_than", "at_least", "up_to", "at_most", "less_than", "range", "vague"
]
QUALIFIERS: tuple[str, ...] = (
    "exact", "approx", "more_than", "at_least", "up_to", "at_most", "less_than", "range", "vague"
)

# What a casualty figure counts: "has killed 22 people", "the toll stood at 22" are both "killed".
Tally = Literal["killed", "injured", "missing", "displaced", "arrested"]
SourceKind = Literal["person", "official", "organisation", "outlet", "document", "anonymous", "other"]


# --------------------------------------------------------------------------- input


@dataclass(frozen=True)
class Article:
    """One news article as it was read. ``text`` is the body, without the headline."""

    text: str
    title: str = ""
    outlet: str | None = None
    published: datetime | None = None  # None when no publish date is known: never "today"
    url: str | None = None
    language: str | None = None
    source: str = ""  # the input it came from: a path, a URL, "<stdin>:3"

    @property
    def id(self) -> str:
        """Stable id: the same title, text and URL always give the same id."""
        return article_id(self.title, self.text, self.url)

    def part(self, part: Part) -> str:
        return self.title if part == "title" else self.text

    @property
    def published_date(self) -> date | None:
        return self.published.date() if self.published else None


def article_id(title: str, text: str, url: str | None) -> str:
    h = hashlib.sha256()
    for piece in (url or "", title.strip(), text.strip()):
        h.update(piece.encode("utf-8"))
        h.update(b"\x00")
    return "a" + h.hexdigest()[:15]


@dataclass(frozen=True)
class Rejection:
    """An input that could not become an Article, with the reason in words."""

    source: str
    reason: str


# --------------------------------------------------------------------------- analysis


@dataclass(frozen=True)
class Span:
    part: Part
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int  # position in the article, the headline first
    part: Part
    start: int
    end: int
    text: str
    paragraph: int = 0  # paragraph number in its part, for discourse rules


@dataclass(frozen=True)
class EntityMention:
    text: str
    label: str  # spaCy label: PERSON, GPE, ORG, NORP, LOC, FAC, ...
    key: str  # canonical key, shared by every alias ("north korea" for DPRK, North Korea, ...)
    span: Span


@dataclass(frozen=True)
class Entity:
    """A canonical entity: one person, country, organisation, whatever it is called."""

    key: str
    name: str  # canonical display name ("Volodymyr Zelenskyy", "North Korea")
    type: str  # PERSON, GPE, ORG, NORP, LOC, ...
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """One link of an attribution chain: who says it, or who relays it."""

    name: str  # as resolved: "The New York Times", "senior Ukrainian official", "Kyrylo Budanov"
    kind: SourceKind
    span: Span | None = None  # the phrase naming it in the article, titles and appositions included (None when inherited)
    cue: str | None = None  # the reporting verb or phrase: "said", "citing", "according to"
    entity: str | None = None  # canonical entity key when the source is a named entity

    @property
    def other_reports(self) -> bool:
        """'Reports said', 'media reports': unnamed reports of other outlets, never the
        report an article rewrites, so a relay does not extend them."""
        words = self.name.lower().split()
        return self.kind == "document" and bool(words) and words[-1] == "reports" \
            and words[0] not in ("the", "these", "those", "its", "their", "his", "her")


@dataclass(frozen=True)
class EventDate:
    """A time expression normalised to a range of days, both ends inclusive."""

    text: str
    span: Span
    start: date
    end: date
    granularity: Granularity
    # How the expression relates to the event: "on" (happened within), "by" (deadline),
    # "since" (start of an ongoing state), "until", "before", "after".
    relation: str = "on"


@dataclass(frozen=True)
class Quantity:
    text: str
    span: Span
    value: float | None  # best single value; None for vague amounts without one
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str | None = None  # ISO 4217 code for money ("EUR"), "percent", "km", ... or None
    counted: str | None = None  # what is counted: "troops", "soldiers", "revenue"
    tally: Tally | None = None  # a casualty count: "killed" for "22 deaths", "the toll stood at 22"


@dataclass(frozen=True)
class Claim:
    """One sentence or clause that asserts something, with its provenance."""

    id: str
    article_id: str
    sentence_index: int
    span: Span  # the claim's own characters
    text: str
    status: ClaimStatus
    attribution: tuple[Source, ...] = ()  # nearest first: (speaker, relaying outlet, ...)
    event_date: EventDate | None = None  # the date of the event the claim reports
    dates: tuple[EventDate, ...] = ()  # every time expression in the claim
    quantities: tuple[Quantity, ...] = ()
    entities: tuple[str, ...] = ()  # canonical entity keys
    negated: bool = False
    predicate: str = ""  # lemma of the claim's main verb ("reach"), for matching one event told twice

    @property
    def split_off(self) -> bool:
        """Was this claim cut off the end of another's sentence ("..., killing 12 people")?"""
        return self.id.endswith(SPLIT_OFF_SUFFIX)


# The id of a claim cut off the end of another's sentence: the other's id and this suffix.
SPLIT_OFF_SUFFIX = "p"


@dataclass(frozen=True)
class AnalysedArticle:
    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[EntityMention, ...]
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...]
    relayed: tuple[Source, ...] = ()  # the article's own relay chain, when it rewrites a report
    terms: dict[str, float] = field(default_factory=dict)  # lemma weights, for clustering
    analyzer: str = ""  # version of the analysis that made this, so old results can be rebuilt

    @property
    def id(self) -> str:
        return self.article.id


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True)
class Story:
    id: str
    article_ids: tuple[str, ...]  # in publish order
    duplicates: dict[str, str] = field(default_factory=dict)  # copy article id -> earliest copy id


@dataclass(frozen=True)
class Support:
    articles: int
    outlets: int
    independent_origins: int


@dataclass(frozen=True)
class Fact:
    id: str
    text: str  # the wording of its earliest claim
    status: ClaimStatus
    event_date: EventDate | None
    quantities: tuple[Quantity, ...]
    entities: tuple[str, ...]
    claims: tuple[Claim, ...]
    origins: tuple[str, ...]  # names of the independent origins
    support: Support
    first_seen: str  # article id


@dataclass(frozen=True)
class Conflict:
    """Facts that give incompatible figures for the same thing."""

    about: str  # what is counted, e.g. "troops"
    fact_ids: tuple[str, ...]
    values: tuple[Quantity, ...]  # one per fact, same order


@dataclass(frozen=True)
class Update:
    article_id: str
    new_facts: tuple[str, ...]
    confirmed_facts: tuple[str, ...]


@dataclass(frozen=True)
class KeyDate:
    """A day that matters in a story: the facts that happened on it, scored by their support."""

    date: date
    fact_ids: tuple[str, ...]  # best supported first
    score: float


@dataclass(frozen=True)
class StoryReport:
    """Everything storyline tells about one story: the fused view of its articles."""

    story: Story
    title: str
    articles: tuple[Article, ...]  # publish order
    facts: tuple[Fact, ...]
    timeline: tuple[str, ...]  # fact ids with an event date, in event order
    undated: tuple[str, ...]  # fact ids without one
    conflicts: tuple[Conflict, ...]
    updates: tuple[Update, ...]
    entities: tuple[Entity, ...] = ()
    # article id -> that article's relay chain (AnalysedArticle.relayed), for the articles
    # that rewrite another report: claims without a source of their own inherit it
    # (fuse.origins.full_chain). Reports stored before it existed load with {}.
    relayed: dict[str, tuple[Source, ...]] = field(default_factory=dict)
