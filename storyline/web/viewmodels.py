"""What each page shows, as plain data: pure functions from the core's types.

The templates only lay these out; the JSON twins of the pages are built from the
same records (see :mod:`storyline.web.api`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping, Sequence

from markupsafe import Markup

from ..export.json_export import claim_json, fact_json
from ..export.labels import chain_label, date_label, quantity_label, support_label
from ..fuse.key_dates import key_dates
from ..fuse.origins import inherited_sources
from ..model import AnalysedArticle, Article, Claim, Conflict, Fact, Source, StoryReport, Update
from .data import ArticleContext, FactContext
from .highlight import INNER, OUTER, Highlight, article_highlights, highlight
from .provenance import by_origin, claim_paths, provenance_json, provenance_svg
from .timeline_svg import dated_facts, origins_label, timeline_svg

FACTS_PER_PAGE = 100  # fact cards on one story page; big stories page through the rest
KEY_DATES_SHOWN = 10  # days listed under "Key dates"
NEW_FACTS_SHOWN = 5  # per article in "what each article added"


def entity_names(report: StoryReport) -> dict[str, tuple[str, str]]:
    return {e.key: (e.name, e.type) for e in report.entities}


def published_label(a: Article | None) -> str:
    return a.published.strftime("%Y-%m-%d %H:%M") if a and a.published else "undated"


# ------------------------------------------------------------------ story


@dataclass
class FactCard:
    fact: Fact
    when: str
    support: str
    origins: str
    quantities: list[str]
    chains: list[tuple[str, str, str]]  # (article id, outlet, chain in words)
    entities: list[tuple[str, str]]  # (key, name)
    new: bool = False


@dataclass(frozen=True)
class TimelineEntry:
    fact: Fact
    when: str
    origins: str
    new: bool


@dataclass
class ArticleUpdate:
    article: Article
    published: str
    duplicate_of: str | None
    new: list[Fact]
    confirmed: int
    more: int  # new facts not listed


@dataclass
class ConflictView:
    about: str
    sides: list[tuple[Fact | None, str, str]]  # (fact, figure, support)


@dataclass
class KeyDateView:
    day: str  # ISO date
    score: float
    facts: list[Fact]  # best supported first


@dataclass
class StoryView:
    report: StoryReport
    outlets: int
    timeline_svg: Markup
    timeline: list[TimelineEntry]
    cards: list[FactCard]
    facts_total: int  # facts that match the since filter
    page: int
    pages: int
    conflicts: list[ConflictView]
    updates: list[ArticleUpdate]
    since: date | None
    new_since: int
    entities: list[tuple[str, str, str]] = field(default_factory=list)  # (key, name, type)
    key_dates: list[KeyDateView] = field(default_factory=list)


def fact_card(
    f: Fact,
    articles: dict[str, Article],
    names: dict[str, tuple[str, str]],
    new: bool = False,
    relayed: Mapping[str, Sequence[Source]] = {},
) -> FactCard:
    """``relayed``: article id -> its relay chain (``StoryReport.relayed``)."""
    return FactCard(
        fact=f,
        when=date_label(f.event_date),
        support=support_label(f),
        origins=origins_label(f),
        quantities=[quantity_label(q) for q in f.quantities],
        chains=[
            (c.article_id, _outlet(articles.get(c.article_id)), chain_label(c, relayed.get(c.article_id, ())))
            for c in f.claims
        ],
        entities=[(k, names.get(k, (k, ""))[0]) for k in f.entities],
        new=new,
    )


def _outlet(a: Article | None) -> str:
    return (a.outlet or "unknown outlet") if a else "unknown article"


def since_articles(report: StoryReport, since: date | None) -> list[Article]:
    if since is None:
        return list(report.articles)
    return [a for a in report.articles if a.published and a.published.date() >= since]


def story_view(report: StoryReport, since: date | None = None, page: int = 1) -> StoryView:
    facts = {f.id: f for f in report.facts}
    articles = {a.id: a for a in report.articles}
    names = entity_names(report)
    recent = {a.id for a in since_articles(report, since)}
    updates = [u for u in report.updates if u.article_id in recent]
    new_ids = {fid for u in updates for fid in u.new_facts} if since else set()
    shown = [f for f in report.facts if since is None or f.id in new_ids]
    pages = max(1, -(-len(shown) // FACTS_PER_PAGE))
    page = min(max(1, page), pages)
    cards = [
        fact_card(f, articles, names, f.id in new_ids, report.relayed)
        for f in shown[(page - 1) * FACTS_PER_PAGE : page * FACTS_PER_PAGE]
    ]
    return StoryView(
        report=report,
        outlets=len({a.outlet for a in report.articles if a.outlet}),
        timeline_svg=timeline_svg(report),
        timeline=[
            TimelineEntry(f, date_label(f.event_date), origins_label(f), f.id in new_ids) for f in dated_facts(report)
        ],
        cards=cards,
        facts_total=len(shown),
        page=page,
        pages=pages,
        conflicts=[conflict_view(c, facts) for c in report.conflicts],
        updates=[article_update(u, articles, facts, report) for u in updates],
        since=since,
        new_since=len(new_ids),
        entities=[(e.key, e.name, e.type) for e in report.entities],
        key_dates=[
            KeyDateView(k.date.isoformat(), k.score, [facts[i] for i in k.fact_ids if i in facts])
            for k in key_dates(report, KEY_DATES_SHOWN)
        ],
    )


def conflict_view(c: Conflict, facts: dict[str, Fact]) -> ConflictView:
    sides = []
    for fid, q in zip(c.fact_ids, c.values):
        f = facts.get(fid)
        sides.append((f, quantity_label(q), support_label(f) if f else ""))
    return ConflictView(c.about, sides)


def article_update(u: Update, articles: dict[str, Article], facts: dict[str, Fact], report: StoryReport) -> ArticleUpdate:
    a = articles[u.article_id] if u.article_id in articles else Article(text="", title=u.article_id)
    new = [facts[i] for i in u.new_facts if i in facts]
    return ArticleUpdate(
        article=a,
        published=published_label(a),
        duplicate_of=report.story.duplicates.get(u.article_id),
        new=new[:NEW_FACTS_SHOWN],
        confirmed=len(u.confirmed_facts),
        more=max(0, len(new) - NEW_FACTS_SHOWN),
    )


def since_json(report: StoryReport, since: date) -> dict[str, Any]:
    """What the story gained from the articles published on or after ``since``."""
    recent = {a.id for a in since_articles(report, since)}
    updates = [u for u in report.updates if u.article_id in recent]
    return {
        "since": since.isoformat(),
        "articles": [u.article_id for u in updates],
        "new_facts": list(dict.fromkeys(fid for u in updates for fid in u.new_facts)),
    }


# ------------------------------------------------------------------ fact


@dataclass
class ClaimView:
    claim: Claim
    article: Article | None
    outlet: str
    published: str
    chain: str
    context: Markup  # the sentence, with the ones before and after, the claim marked
    inherited: tuple[Source, ...] = ()  # links taken from its article's relay, after its own


@dataclass
class FactView:
    report: StoryReport
    card: FactCard
    claims: list[ClaimView]
    groups: list
    svg: Markup


def paths_for(ctx: FactContext):
    # The report's relay chains: the very ones its facts' origins were counted with.
    articles = {a.id: a for a in ctx.report.articles}
    return claim_paths(ctx.fact, articles, ctx.report.story.duplicates, ctx.report.relayed)


def fact_view(ctx: FactContext) -> FactView:
    articles = {a.id: a for a in ctx.report.articles}
    claims = []
    for c in ctx.fact.claims:
        a = articles.get(c.article_id)
        relay = ctx.report.relayed.get(c.article_id, ())
        claims.append(ClaimView(
            claim=c, article=a, outlet=_outlet(a), published=published_label(a), chain=chain_label(c, relay),
            context=claim_in_context(c, ctx.analyses.get(c.article_id)), inherited=inherited_sources(c, relay),
        ))
    paths = paths_for(ctx)
    return FactView(
        report=ctx.report,
        card=fact_card(ctx.fact, articles, entity_names(ctx.report), relayed=ctx.report.relayed),
        claims=claims,
        groups=by_origin(paths),
        svg=provenance_svg(paths),
    )


def fact_api_json(ctx: FactContext) -> dict[str, Any]:
    return {
        **fact_json(ctx.fact, entity_names(ctx.report), ctx.report.relayed),
        "story_id": ctx.report.story.id,
        "story_title": ctx.report.title,
        "provenance": provenance_json(paths_for(ctx)),
    }


def claim_in_context(c: Claim, analysis: AnalysedArticle | None) -> Markup:
    """The claim's sentence with its neighbours in the same part, the claim marked."""
    if analysis is None:
        return highlight(c.text, [Highlight(0, len(c.text), "claim", c.status, OUTER)])
    text = analysis.article.part(c.span.part)
    same = [s for s in analysis.sentences if s.part == c.span.part]
    at = next((i for i, s in enumerate(same) if s.start <= c.span.start < max(s.end, s.start + 1)), None)
    if at is None:
        start, end = c.span.start, c.span.end
    else:
        start, end = same[max(0, at - 1)].start, same[min(len(same) - 1, at + 1)].end
    marks = [Highlight(c.span.start - start, c.span.end - start, "claim", f"claim ({c.status})", OUTER)]
    for m in article_highlights(_only(analysis, c), c.span.part):
        if m.layer == INNER and start <= m.start and m.end <= end:
            marks.append(Highlight(m.start - start, m.end - start, m.kind, m.title, INNER))
    return highlight(text[start:end], marks)


def _only(analysis: AnalysedArticle, c: Claim) -> AnalysedArticle:
    from dataclasses import replace

    return replace(analysis, claims=(c,), relayed=())


# ------------------------------------------------------------------ article


@dataclass
class ArticleView:
    article: Article
    title_html: Markup
    text_html: Markup
    claims: list[tuple[str, Claim, str]]  # (anchor, claim, its source chain in words)
    report: StoryReport | None
    new: list[Fact]
    confirmed: list[Fact]
    duplicate_of: str | None
    counts: dict[str, int]


def article_view(ctx: ArticleContext) -> ArticleView:
    a, analysis, report = ctx.article, ctx.analysis, ctx.report
    title_marks = article_highlights(analysis, "title") if analysis else []
    text_marks = article_highlights(analysis, "text") if analysis else []
    facts = {f.id: f for f in report.facts} if report else {}
    update = next((u for u in report.updates if u.article_id == a.id), None) if report else None
    claims = list(analysis.claims) if analysis else []
    counts = {kind: sum(m.kind == kind for m in title_marks + text_marks) for kind in ("claim", "date", "number", "source")}
    return ArticleView(
        article=a,
        title_html=highlight(a.title, title_marks),
        text_html=highlight(a.text, text_marks),
        claims=[(f"claim-{c.id}", c, chain_label(c, analysis.relayed)) for c in claims],
        report=report,
        new=[facts[i] for i in update.new_facts if i in facts] if update else [],
        confirmed=[facts[i] for i in update.confirmed_facts if i in facts] if update else [],
        duplicate_of=report.story.duplicates.get(a.id) if report else None,
        counts=counts,
    )


def article_api_json(ctx: ArticleContext) -> dict[str, Any]:
    a, report = ctx.article, ctx.report
    update = next((u for u in report.updates if u.article_id == a.id), None) if report else None
    return {
        "id": a.id,
        "title": a.title,
        "text": a.text,
        "outlet": a.outlet,
        "published": a.published.isoformat() if a.published else None,
        "url": a.url,
        "language": a.language,
        "story_id": report.story.id if report else None,
        "duplicate_of": report.story.duplicates.get(a.id) if report else None,
        "claims": [claim_json(c, ctx.analysis.relayed) for c in ctx.analysis.claims] if ctx.analysis else [],
        "added": {
            "new_facts": list(update.new_facts) if update else [],
            "confirmed_facts": list(update.confirmed_facts) if update else [],
        },
    }


def page_numbers(page: int, pages: int) -> Sequence[int]:
    return range(1, pages + 1) if pages <= 12 else sorted({1, 2, page - 1, page, page + 1, pages - 1, pages} & set(range(1, pages + 1)))
