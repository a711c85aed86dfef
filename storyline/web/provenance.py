"""Where a fact comes from: each claim's path from the outlet that printed it, through the
sources it relays, to its independent origin; as data, as nested groups, and as SVG.

The origin of a claim is the core's (:func:`storyline.fuse.origins.claim_origin`): the
farthest outlet on its attribution chain, or else the printing outlet itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from markupsafe import Markup, escape

from ..export.labels import chain_label
from ..fuse.origins import claim_origin, fact_origins, full_chain, origin_key, own_outlet, story_outlets
from ..model import Article, Claim, Fact, Source


@dataclass(frozen=True)
class ClaimPath:
    claim: Claim
    article: Article | None
    outlet: str  # who printed it
    relayed: tuple[Source, ...]  # the chain between the outlet and the origin, nearest first
    origin: str  # its independent origin
    via: str  # the chain in words: "officials, via The New York Times"


@dataclass(frozen=True)
class OriginGroup:
    origin: str
    chains: tuple[tuple[str, tuple[ClaimPath, ...]], ...]  # (chain in words, the claims told that way)
    counted: bool = True  # unnamed reports beside a named origin are not counted (fuse.origins.fact_origins)


def claim_paths(
    fact: Fact,
    articles: Mapping[str, Article],
    duplicates: Mapping[str, str] = {},
    relayed: Mapping[str, Sequence[Source]] = {},
) -> list[ClaimPath]:
    paths = []
    outlets = story_outlets(articles)
    for c in fact.claims:
        article = articles.get(c.article_id)
        outlet = own_outlet(article, c.article_id)
        own = tuple(relayed.get(c.article_id, ()))
        origin = claim_origin(c, articles, duplicates, own, outlets)
        chain = full_chain(c, own)
        middle = tuple(
            s for s in chain if origin_key(s.name) not in (origin_key(origin), origin_key(outlet))
        )
        paths.append(ClaimPath(c, article, outlet, middle, origin, _via(c, own)))
    return paths


def _via(claim: Claim, own: Sequence[Source]) -> str:
    """The chain in words, what the article's relay adds marked as such."""
    return chain_label(claim, own) if full_chain(claim, own) else "the outlet's own reporting"


def by_origin(paths: Sequence[ClaimPath]) -> list[OriginGroup]:
    """Claims grouped by origin, then by how the chain runs; first-seen order."""
    groups: dict[str, dict[str, list[ClaimPath]]] = {}
    names: dict[str, str] = {}
    for p in paths:
        key = origin_key(p.origin)
        names.setdefault(key, p.origin)
        groups.setdefault(key, {}).setdefault(p.via, []).append(p)
    counted = {origin_key(o) for o in fact_origins(names.values())}
    return [
        OriginGroup(names[k], tuple((via, tuple(ps)) for via, ps in chains.items()), k in counted)
        for k, chains in groups.items()
    ]


def provenance_json(paths: Sequence[ClaimPath]) -> list[dict[str, Any]]:
    return [
        {
            "claim_id": p.claim.id,
            "article_id": p.claim.article_id,
            "outlet": p.outlet,
            "relayed": [s.name for s in p.relayed],
            "origin": p.origin,
            "via": p.via,
        }
        for p in paths
    ]


# ------------------------------------------------------------------ the graph as SVG

COLUMNS = ("Printed by", "Relaying", "Independent origin")
COL_X = (10, 330, 650)
NODE_W, NODE_H, GAP = 300, 26, 10
TOP = 30


def provenance_svg(paths: Sequence[ClaimPath]) -> Markup:
    """Three columns (outlets, relayed sources, origins) joined by the paths of the claims."""
    columns: list[dict[str, str]] = [{}, {}, {}]  # key -> display name, first-seen order
    edges: dict[tuple[tuple[int, str], tuple[int, str]], None] = {}
    for p in paths:
        def node(col: int, name: str) -> tuple[int, str]:
            columns[col].setdefault(origin_key(name), name)
            return col, origin_key(name)

        outlet, origin = node(0, p.outlet), node(2, p.origin)
        middle = [node(1, s.name) for s in reversed(p.relayed)]
        for m in middle:  # the outlet relays each source, which leads back to the origin
            edges[(outlet, m)] = None
            edges[(m, origin)] = None
        if not middle:
            edges[(outlet, origin)] = None
    pos = {(c, k): TOP + i * (NODE_H + GAP) for c in range(3) for i, k in enumerate(columns[c])}
    height = TOP + max(len(c) for c in columns) * (NODE_H + GAP) + 4
    n_origins = len(fact_origins(columns[2].values()))  # unnamed reports count only alone
    out = [
        f'<svg class="provenance" viewBox="0 0 960 {height}" width="100%" role="img" '
        f'aria-labelledby="prov-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="prov-title">Provenance: {len(columns[0])} outlets, {len(columns[1])} relayed sources, '
        f'{n_origins} independent origin{"s" * (n_origins != 1)}</title>',
    ]
    for i, head in enumerate(COLUMNS):
        out.append(f'<text class="col" x="{COL_X[i]}" y="16">{head}</text>')
    for (a, b) in edges:
        x1, y1 = COL_X[a[0]] + NODE_W, pos[a] + NODE_H / 2
        x2, y2 = COL_X[b[0]], pos[b] + NODE_H / 2
        mid = (x1 + x2) / 2
        out.append(f'<path class="edge" d="M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"/>')
    for c in range(3):
        for key, name in columns[c].items():
            y = pos[(c, key)]
            short = name if len(name) <= 40 else name[:38] + "…"
            out.append(
                f'<g class="node col{c}"><title>{escape(name)}</title>'
                f'<rect x="{COL_X[c]}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="4"/>'
                f'<text x="{COL_X[c] + 8}" y="{y + 17}">{escape(short)}</text></g>'
            )
    out.append("</svg>")
    return Markup("".join(out))
