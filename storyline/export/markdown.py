"""A story as Markdown: timeline, facts with support, conflicts, what each article added."""

from __future__ import annotations

from typing import Iterable

from ..fuse.key_dates import key_dates
from ..model import StoryReport
from .labels import chain_label, date_label, quantity_label, support_label

KEY_DATES_LISTED = 10  # the JSON export has them all


def export_markdown(reports: Iterable[StoryReport]) -> str:
    return "\n\n".join(story_markdown(r) for r in reports) + "\n"


def story_markdown(r: StoryReport) -> str:
    facts = {f.id: f for f in r.facts}
    titles = {a.id: f"{a.outlet or 'unknown outlet'}: {a.title or a.id}" for a in r.articles}
    out = [f"# {r.title}", "", f"Story `{r.story.id}`: {len(r.articles)} articles, {len(r.facts)} facts.", ""]
    out += ["## Articles", ""]
    for a in r.articles:
        when = a.published.isoformat() if a.published else "undated"
        dup = r.story.duplicates.get(a.id)
        copy = f" (copy of `{dup}`)" if dup else ""
        out.append(f"- `{a.id}` {when} **{a.outlet or 'unknown outlet'}**: {a.title}{copy}")
    out += ["", "## Key dates", ""]
    for k in key_dates(r, KEY_DATES_LISTED):
        best = facts[k.fact_ids[0]].text
        others = len(k.fact_ids) - 1
        more = f" (and {others} more fact{'s' * (others != 1)})" if others else ""
        out.append(f"- **{k.date.isoformat()}** (score {k.score:g}): {best}{more}")
    out += ["", "## Timeline", ""]
    for fid in r.timeline:
        f = facts[fid]
        out.append(f"- **{date_label(f.event_date)}** {f.text} _({support_label(f)})_")
    out += ["", "## Facts", ""]
    for f in r.facts:
        out.append(f"### `{f.id}` {f.status}: {f.text}")
        out.append(f"- when: {date_label(f.event_date)}")
        out.append(f"- support: {support_label(f)}")
        for q in f.quantities:
            out.append(f"- number: {quantity_label(q)}")
        for c in f.claims:
            said = chain_label(c, r.relayed.get(c.article_id, ()))
            out.append(f"- {titles.get(c.article_id, c.article_id)}, says {said}: \"{c.text}\"")
        out.append("")
    if r.conflicts:
        out += ["## Conflicting figures", ""]
        for c in r.conflicts:
            sides = "; ".join(
                f"{quantity_label(q)} in `{fid}`" for fid, q in zip(c.fact_ids, c.values)
            )
            out.append(f"- {c.about}: {sides}")
        out.append("")
    out += ["## What each article added", ""]
    for u in r.updates:
        out.append(
            f"- {titles.get(u.article_id, u.article_id)}: {len(u.new_facts)} new, "
            f"{len(u.confirmed_facts)} confirmed"
        )
        out.extend(f"  - new: {facts[fid].text} (`{fid}`)" for fid in u.new_facts if fid in facts)
    return "\n".join(out)
