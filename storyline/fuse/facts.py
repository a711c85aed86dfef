"""Claims -> facts: greedy online grouping, in article publish order.

Each claim joins the existing fact it matches best (``align.same_fact``: the
fact's most similar claim is within the threshold, or the lower bar of a shared
event verb, and no claim of the fact clashes with it), or starts a new fact. A
claim that fits two facts joins them into one when they do not clash with each
other and some claim of one is close enough to some claim of the other
(``_linked``). Online and in publish order, so adding a later article never
splits the facts earlier articles made, only extends or joins them.

How a fact reads its claims:
- text: the wording of its earliest claim that reads on its own: a piece split off a
  sentence ("killing 12 people", "which hit near the town") or an infinitive only when
  there is no other;
- status: the strongest any claim gives it, asserted > reported > denied >
  expected > hedged. One plain report outweighs any number of hedged ones.
  Denials cannot hide: a denial has the opposite polarity of the claim it
  denies (see ``align.polarity``), so it never merges into it and stays a
  fact of its own with status "denied";
- event_date: the most specific date that agrees (overlaps) with every other
  claim's date; failing that, the earliest claim's;
- quantities: the earliest claim's, plus any figure of a kind (unit, counted
  thing) it lacks from later claims.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Mapping, Sequence

import numpy as np

from ..model import Article, Claim, EventDate, Fact, Quantity, Source
from .align import FACT_THRESHOLD, clashes, close_enough, lowest_bar
from .cosines import ClaimCosines, Embed
from .origins import claim_origin, fact_origins, story_outlets, support
from .ranges import figure_kind
from .when import agree

BLOCK = 256  # claims whose similarities are computed together

STATUS_RANK = {"asserted": 0, "reported": 1, "denied": 2, "expected": 3, "hedged": 4}


def build_facts(
    claims_in_order: Sequence[Claim],
    articles: Mapping[str, Article],
    embed: Embed,
    *,
    duplicates: Mapping[str, str] = {},
    relayed: Mapping[str, Sequence[Source]] = {},
    kinds: Mapping[str, str] | None = None,
    threshold: float = FACT_THRESHOLD,
) -> list[Fact]:
    """Group claims (in publish order) into facts, in order of first appearance.

    ``duplicates`` maps a copy's article id to its original's; ``relayed`` an
    article id to its own relay chain; ``kinds`` an entity key to its type.
    """
    published = {i: a.published_date for i, a in articles.items() if a.published_date}
    groups = group_claims(claims_in_order, embed, kinds=kinds, threshold=threshold, published=published)
    outlets = story_outlets(articles)
    return [make_fact([claims_in_order[i] for i in g], articles, duplicates, relayed, outlets) for g in groups]


def group_claims(
    claims: Sequence[Claim], embed: Embed, *, kinds: Mapping[str, str] | None = None,
    threshold: float = FACT_THRESHOLD, published: Mapping[str, date] | None = None,
) -> list[list[int]]:
    """Indices of ``claims``, grouped; each group in order, groups by first member.
    ``published`` maps article ids to their publish days (``align.date_clash``)."""
    if not claims:
        return []
    cosines = ClaimCosines(claims, embed)
    least = lowest_bar(threshold)
    groups: list[list[int]] = []
    group_of = np.zeros(len(claims), dtype=np.int64)
    block_start = block_end = 0
    block = np.empty((0, 0), dtype=np.float32)
    for i, claim in enumerate(claims):
        joined = None
        if groups:
            # A group's score is its nearest member's cosine (``_member_score``); only members
            # within the threshold (the lower one for a shared event verb) can qualify, and
            # they are few, so look at those alone.
            if i >= block_end:  # one matrix product per block: far faster than a row at a time
                block_start, block_end = i, min(i + BLOCK, len(claims))
                block = cosines.block(slice(block_start, block_end), slice(0, block_end))
            sims = block[i - block_start, :i]
            near = [m for m in np.nonzero(sims >= least)[0]
                    if close_enough(claims[m], claim, float(sims[m]), threshold)]
            best: dict[int, float] = {}
            for m in near:
                g = int(group_of[m])
                best[g] = max(best.get(g, -1.0), _member_score(claims[m], claim, float(sims[m])))
            fitting = [g for g in sorted(best, key=lambda g: (-best[g], g))
                       if not any(clashes(claims[m], claim, kinds, published) for m in groups[g])]
            for g in fitting:
                if joined is None:
                    joined = g
                elif _linked(claims, cosines, groups[joined], groups[g], threshold) and \
                        not any(clashes(claims[m], claims[n], kinds, published)
                                for m in groups[joined] for n in groups[g]):
                    joined = _merge(groups, group_of, joined, g)
        if joined is None:
            joined = len(groups)
            groups.append([])
        groups[joined].append(i)
        group_of[i] = joined
    return [g for g in groups if g]


# What naming the same people, places and bodies adds to a member's cosine: enough to break a
# near tie between two facts a claim fits, never to outweigh a clear difference.
ENTITY_BONUS = 0.005


def _member_score(member: Claim, claim: Claim, sim: float) -> float:
    """How well ``claim`` fits the fact holding ``member``: their cosine, and a little more the
    more of their named entities they share (Jaccard).

    "There are no North Korean units in Kursk or anywhere else in Russia" fits the Kremlin's
    denial (cosine 0.917 to "soldiers had arrived in Russia's Kursk region", denied) and
    "none of the troops has fought yet" (0.918), which names neither Kursk nor Russia. ECB+
    grouped same-event pairs (``eval.ecb_facts.grouped``), tune: F1 0.5831 -> 0.5855 (P
    0.5533 -> 0.5561); a bonus of 0.01 or 0.02 scored no better. Report: F1 0.4282 ->
    0.4384 (P 0.5478 -> 0.5609).
    """
    a, b = set(member.entities), set(claim.entities)
    return sim + ENTITY_BONUS * (len(a & b) / len(a | b) if a or b else 0.0)


def _linked(claims: Sequence[Claim], cosines: ClaimCosines, a: Sequence[int], b: Sequence[int],
            threshold: float) -> bool:
    """Is some claim of group ``a`` close enough to some claim of group ``b`` to be one fact?

    A claim that fits two facts joins them only then. Without it one claim at the edge of
    both chains two facts that share nothing else: the demo's "there are no North Korean
    units in Kursk" (cosine 0.918 to "none of the troops has fought yet", 0.917 to "soldiers
    had arrived in Kursk", denied) joined the troops' not fighting to the Kremlin's denial.
    Grouped same-event pairs on ECB+ tune (``eval.ecb_facts.grouped``): F1 0.567 -> 0.581,
    precision 0.514 -> 0.549; on report F1 0.444 -> 0.431 (see docs/quality.md).
    """
    sims = cosines.block(list(a), list(b))
    return any(close_enough(claims[m], claims[n], float(sims[x, y]), threshold)
               for x, m in enumerate(a) for y, n in enumerate(b))


def _merge(groups: list[list[int]], group_of: np.ndarray, a: int, b: int) -> int:
    """Join groups ``a`` and ``b`` into the older one; returns its index.

    A claim that fits two facts shows they were one fact told two ways (a headline
    and a lede that each matched a different wording): they become one, under the
    earlier fact's id, so the story's earlier facts only ever grow.
    """
    keep, drop = (a, b) if groups[a][0] < groups[b][0] else (b, a)
    groups[keep] = sorted(groups[keep] + groups[drop])
    for m in groups[drop]:
        group_of[m] = keep
    groups[drop] = []
    return keep


def fact_id(first: Claim) -> str:
    return "f" + hashlib.sha256(first.id.encode("utf-8")).hexdigest()[:15]


def make_fact(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    duplicates: Mapping[str, str] = {},
    relayed: Mapping[str, Sequence[Source]] = {},
    outlets: Sequence[str] | None = None,
) -> Fact:
    first = claims[0]
    outlets = story_outlets(articles) if outlets is None else outlets
    origins = fact_origins(
        claim_origin(c, articles, duplicates, relayed.get(c.article_id, ()), outlets) for c in claims
    )
    return Fact(
        id=fact_id(first),
        text=readable_text(claims),
        status=min((c.status for c in claims), key=lambda s: STATUS_RANK.get(s, len(STATUS_RANK))),
        event_date=agreed_date(claims),
        quantities=merged_quantities(claims),
        entities=tuple(dict.fromkeys(k for c in claims for k in c.entities)),
        claims=tuple(claims),
        origins=origins,
        support=support(claims, articles, origins),
        first_seen=first.article_id,
    )


def readable_text(claims: Sequence[Claim]) -> str:
    """The wording of the earliest claim that reads as a sentence, else of the earliest: not a
    piece split off a sentence's end, nor an infinitive ("to stay home", what someone urged)."""
    return next((c.text for c in claims if not c.split_off and not c.text.startswith("to ")),
                claims[0].text)


def agreed_date(claims: Sequence[Claim]) -> EventDate | None:
    dates = [c.event_date for c in claims if c.event_date is not None]
    if not dates:
        return None
    fitting = [d for d in dates if all(agree(d, o) for o in dates)]
    # An open-ended date ("since August") is less specific than any closed one.
    narrowest = sorted(fitting, key=lambda d: (d.relation not in ("on",), (d.end - d.start).days))
    return narrowest[0] if narrowest else dates[0]


def merged_quantities(claims: Sequence[Claim]) -> tuple[Quantity, ...]:
    kept = list(claims[0].quantities)
    kinds = {figure_kind(q) for q in kept}
    for c in claims[1:]:
        for q in c.quantities:
            kind = figure_kind(q)
            if kind not in kinds:
                kinds.add(kind)
                kept.append(q)
    return tuple(kept)
