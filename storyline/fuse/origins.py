"""Independent origins: how many separate sources of knowledge back a fact.

A claim's origin is found on its attribution chain (nearest link first). When
the chain passes through a news outlet, the farthest outlet is the origin: two
papers both citing The New York Times add one origin, "The New York Times".
Otherwise the article reports it itself and the origin is the article's outlet;
a syndicated or near-duplicate copy (``Story.duplicates``: copy -> original)
takes its original's origin, so a wire story printed ten times counts once.
What "reports said" or what "reportedly" happened comes from unnamed reports: they
count as an origin only for a fact that no claim traces to a named one.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from ..model import Article, Claim, Source, Support


# Sources that speak in their own name, publicly: their words are not a relayed report's.
NAMED_KINDS = frozenset({"person", "organisation"})

# The origin of what "reports said" or what "reportedly" happened: reports the outlet does not
# name. They may be any of a fact's named origins, so they count only where there is none
# (``fact_origins``).
UNNAMED_REPORTS = "unnamed reports"


def origin_key(name: str) -> str:
    """'The New York Times' and 'New York Times' are one origin."""
    key = " ".join(name.casefold().split())
    return key[4:] if key.startswith("the ") else key


def claim_origin(
    claim: Claim,
    articles: Mapping[str, Article],
    duplicates: Mapping[str, str] = {},
    relayed: Sequence[Source] = (),
    outlets: Sequence[str] | None = None,
) -> str:
    """The display name of ``claim``'s independent origin.

    ``relayed`` is the article's own relay chain (see :func:`full_chain`).
    ``outlets`` are the story's outlet names (:func:`story_outlets`), given by a
    caller that asks for many claims of one story so they are found once.
    """
    chain = full_chain(claim, relayed)
    original = duplicates.get(claim.article_id, claim.article_id)
    article = articles.get(original) or articles.get(claim.article_id)
    named = [s for s in chain if s.kind == "outlet" and s.name.strip()]
    if named:
        known = story_outlets(articles) if outlets is None else outlets
        return full_outlet_name(named[-1].name.strip(), article, known)
    if chain and chain[0].other_reports:
        return UNNAMED_REPORTS
    return own_outlet(article, original)


def full_chain(claim: Claim, relayed: Sequence[Source] = ()) -> list[Source]:
    """A claim's attribution chain, extended by its article's relay chain where that applies.

    ``relayed`` is the article's own relay chain (an article that rewrites
    another outlet's report). It extends the chain of a claim that has no
    source, or only unnamed ones ("a senior official", "sources"): those are
    the rewritten report's sources. A claim whose own chain already reaches an
    outlet keeps it, and so does a claim from a named person or body: "Budanov
    says ..." in a rewrite of The New York Times is his public statement, not
    the Times' report, unless the analysis found the Times on that chain itself. Nor
    does "reports said": those are other outlets' (``Source.other_reports``).
    """
    chain = list(claim.attribution)
    if chain and chain[0].other_reports:
        return chain
    if not any(s.kind in NAMED_KINDS or s.kind == "outlet" for s in chain):
        names = {origin_key(s.name) for s in chain}
        chain += [s for s in relayed if origin_key(s.name) not in names]
    return chain


def inherited_sources(claim: Claim, relayed: Sequence[Source] = ()) -> tuple[Source, ...]:
    """What :func:`full_chain` adds to ``claim``'s own chain from its article's relay, nearest first.

    Empty when the claim keeps its own chain. These links are not said in the
    claim's sentence: the article as a whole rewrites that report, so views show
    them marked as the article's relay, and the JSON export apart from ``attribution``.
    """
    return tuple(full_chain(claim, relayed)[len(claim.attribution):])


def story_outlets(articles: Mapping[str, Article]) -> tuple[str, ...]:
    """The distinct outlet names of a story's articles, in first-seen order."""
    return tuple(dict.fromkeys(a.outlet.strip() for a in articles.values() if a.outlet and a.outlet.strip()))


def full_outlet_name(name: str, own: Article | None, outlets: Sequence[str]) -> str:
    """The story's outlet that a short form names: "the Courier" -> "Westmark Courier".

    Papers call themselves and each other by the last words of their names.
    The reporting article's own outlet is tried first; another of the story's
    ``outlets`` only when it is the one name that fits. Otherwise ``name`` as given.
    """
    words = origin_key(name).split()
    if not words:
        return name

    def fits(outlet: str | None) -> bool:
        full = origin_key(outlet or "").split()
        return len(full) > len(words) and full[-len(words):] == words

    if own is not None and fits(own.outlet):
        return own.outlet.strip()
    matches = {origin_key(o): o for o in outlets if fits(o)}
    return next(iter(matches.values())) if len(matches) == 1 else name


def own_outlet(article: Article | None, article_id: str) -> str:
    """An article's outlet; an article without one stands for itself."""
    if article is not None and article.outlet and article.outlet.strip():
        return article.outlet.strip()
    return f"article {article_id}"


def fact_origins(names: Iterable[str]) -> tuple[str, ...]:
    """A fact's independent origins, from its claims' origins (:func:`claim_origin`): one per
    origin, and unnamed reports only when no claim names where the fact comes from. "Reports
    said trucks reached the front" next to The New York Times' report is no second origin: the
    reports may well be the Times'."""
    found = distinct(names)
    named = tuple(n for n in found if origin_key(n) != UNNAMED_REPORTS)
    return named or found


def distinct(names: Iterable[str]) -> tuple[str, ...]:
    """Names in first-seen order, one per origin key."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(origin_key(name), name)
    return tuple(seen.values())


def support(claims: Sequence[Claim], articles: Mapping[str, Article], origins: Sequence[str]) -> Support:
    """(distinct articles, distinct outlets, distinct origins) behind a set of claims."""
    ids = list(dict.fromkeys(c.article_id for c in claims))
    outlets = distinct(own_outlet(articles.get(i), i) for i in ids)
    return Support(articles=len(ids), outlets=len(outlets), independent_origins=len(distinct(origins)))
