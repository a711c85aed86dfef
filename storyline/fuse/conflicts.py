"""Facts that give incompatible figures for the same counted thing.

Two facts conflict over a figure when:
- both count the same thing in the same unit (``ranges.figure_kind``): a casualty
  figure by its tally, however worded ("has killed 22 people", "the toll stood
  at 30": both people killed; "injuring about 150" is another count), any other
  by its counted thing (``Quantity.counted``, singular and plural alike) and
  ``unit``; a figure without a counted thing is never compared, since "5,000"
  alone may count anything;
- their value ranges cannot overlap, qualifiers respected (``ranges.interval``:
  "about 5,000" is 4,500-5,500, "more than 20,000" is (20000, inf), "up to X"
  is [0, X]). Every claim's figure counts, not only the fact's headline one;
- they could be about the same event: some date of one (its event date or any
  date its claims name) overlaps some date of the other, or one is undated, so
  "corrected on Monday the toll of Saturday's quake" meets "died in Saturday's
  quake"; a revision's own date ("on Wednesday the survey revised the quake's
  magnitude to 5.7") dates the revision, not the figure, so it is left out;
  they share an entity (or one names none), they have the same
  polarity, and, when
  a ``related`` test is given, it accepts the pair (the fuser uses embedding
  cosine of the facts' wording).

A casualty toll is a running count: a higher figure on a later day is the toll rising,
not a conflict; only tolls of one day, or a later toll below an earlier one, disagree.

A hedged open bound ("unlikely to send more than 20,000") is speculation about
a limit, not a competing estimate: it is never a side of a conflict.

Synonyms are deliberately not merged: "troops assembled by Monday" and
"soldiers being trained" count different words and are left alone, because
whether they are one figure is a judgement the reader should make; a conflict
that is shown must be a real one.

Pairwise conflicts over one counted thing are joined into one Conflict (a
fact that agrees with one side still appears with its figure, side by side; one
that agrees with every side, like "at least 12" beside 31 and 40, backs none).
"""

from __future__ import annotations

from datetime import date
from typing import Callable, Mapping, Sequence

from ..analyze.cues import REVISION_VERBS
from ..model import Claim, Conflict, EventDate, Fact, Quantity
from .align import left_behind, polarity
from .ranges import OPEN_BOUNDS, compatible, figure_kind, figure_label, interval
from .when import agree


def find_conflicts(
    facts: Sequence[Fact], related: Callable[[Fact, Fact], bool] | None = None,
    published: Mapping[str, date] | None = None,
) -> tuple[Conflict, ...]:
    """``published`` maps article ids to publish days, for telling a toll that grew from
    one day to the next (no conflict) from one that disagrees (see ``_grew``)."""
    pairs: dict[tuple[str, str], dict[int, Quantity]] = {}  # figure_kind -> fact index -> figure
    links: dict[tuple[str, str], list[tuple[int, int]]] = {}
    told = [_figures(f) for f in facts]  # each fact's figures once, not once per pair
    dates = [_dates(f) for f in facts]
    counting = [i for i in range(len(facts)) if any(figure_kind(q)[0] for _, q in told[i])]
    for n, i in enumerate(counting):
        a = facts[i]
        for j in counting[n + 1 :]:
            b = facts[j]
            if not _same_event(a, b, dates[i], dates[j]) or (related is not None and not related(a, b)):
                continue
            for qa, qb in _clashing_figures(told[i], told[j], published or {}):
                kind = figure_kind(qa)
                figures = pairs.setdefault(kind, {})
                figures.setdefault(i, qa)
                figures.setdefault(j, qb)
                links.setdefault(kind, []).append((i, j))
    conflicts = []
    for kind, edges in links.items():
        for component in _components(edges):
            figures = pairs[kind]
            while backers := list(_backers(kind, component, figures, facts, told, dates, related)):
                for k, q in backers:  # a backer's own backers too, until none is left
                    component.append(k)
                    figures[k] = q
            component.sort()
            about = figure_label(figures[component[0]])
            conflicts.append(Conflict(
                about=about,
                fact_ids=tuple(facts[k].id for k in component),
                values=tuple(figures[k] for k in component),
            ))
    position = {f.id: i for i, f in enumerate(facts)}
    conflicts.sort(key=lambda c: position[c.fact_ids[0]])
    return tuple(conflicts)


def _backers(kind, component, figures, facts, told, dates, related):
    """Facts outside a conflict whose figure agrees with one side's: they back that side, so
    they stand beside it ("the survey lowers the magnitude to 5.7" next to the sentence
    that gives the revision, which alone reads too unlike the first report)."""
    inside = set(component)
    for k, fact in enumerate(facts):
        if k in inside:
            continue
        for c, q in told[k]:
            if figure_kind(q) != kind or _speculative(c, q):
                continue
            if all(compatible(q, figures[m]) for m in component):
                continue  # "at least 12" agrees with every side: it backs none
            side = next((m for m in component if compatible(q, figures[m])
                         and _same_event(fact, facts[m], dates[k], dates[m])
                         and (related is None or related(fact, facts[m]))), None)
            if side is not None:
                yield k, q
                break


def _speculative(claim: Claim, q: Quantity) -> bool:
    return claim.status == "hedged" and q.qualifier in OPEN_BOUNDS


def _figures(fact: Fact) -> list[tuple[Claim, Quantity]]:
    """Each figure of the fact's claims once, in claim order, but for what a change left
    behind ("revised the magnitude to 5.7, down from 5.9": the 5.9 is the old figure, which
    the claim does not put forward)."""
    seen, out = set(), []
    for c in fact.claims:
        for q in c.quantities:
            if left_behind(c, q):
                continue
            key = (q.value, q.low, q.high, q.qualifier, figure_kind(q))
            if key not in seen:
                seen.add(key)
                out.append((c, q))
    return out


def _clashing_figures(a: list[tuple[Claim, Quantity]], b: list[tuple[Claim, Quantity]],
                      published: Mapping[str, date]):
    for ca, qa in a:
        kind = figure_kind(qa)
        if not kind[0] or _speculative(ca, qa):
            continue
        for cb, qb in b:
            if _speculative(cb, qb):
                continue
            if figure_kind(qb) == kind and not compatible(qa, qb) and not _grew(ca, qa, cb, qb, published):
                yield qa, qb


def _grew(ca: Claim, qa: Quantity, cb: Claim, qb: Quantity, published: Mapping[str, date]) -> bool:
    """Two counts of a running tally, reported on different days, the later not below the
    earlier: the toll rose ("14 killed" on Wednesday, "22" on Thursday), nobody disagrees.
    One day's two tolls do disagree, and so does a later toll below an earlier one (a
    correction, or a count that was wrong)."""
    if qa.tally is None:
        return False
    da, db = published.get(ca.article_id), published.get(cb.article_id)
    if da is None or db is None or da == db:
        return False
    early, late = (qa, qb) if da < db else (qb, qa)
    ie, il = interval(early), interval(late)
    return ie is not None and il is not None and il.high >= ie.low


# The cues attribution gives a revised figure ("corrected the toll to 31"), in the forms a
# sentence may use.
_REVISION_CUES = frozenset(
    form for verb in REVISION_VERBS
    for form in (verb, verb + "s", verb + "d", verb + "ed", verb.rstrip("e") + "ing")
)


def _revises(claim: Claim) -> bool:
    cue = claim.attribution[0].cue if claim.attribution else None
    return bool(cue) and cue.split()[0].lower() in _REVISION_CUES


def _dates(fact: Fact) -> list[EventDate]:
    """Every date the fact's claims give the event (the fact's own is one of them),
    revisions' own dates left out."""
    return [d for c in fact.claims if not _revises(c) for d in (c.event_date, *c.dates) if d is not None]


def _same_event(a: Fact, b: Fact, da: list[EventDate], db: list[EventDate]) -> bool:
    if da and db and not any(agree(x, y) for x in da for y in db):
        return False
    if a.entities and b.entities and not set(a.entities) & set(b.entities):
        return False
    return polarity(a.claims[0]) == polarity(b.claims[0])


def _components(edges: list[tuple[int, int]]) -> list[list[int]]:
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for x in sorted(parent):
        groups.setdefault(find(x), []).append(x)
    return sorted(groups.values())
