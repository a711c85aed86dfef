"""Rich renderings of stories for the terminal."""

from __future__ import annotations

from typing import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..export.labels import chain_label, date_label, quantity_label, support_label
from ..fuse.key_dates import key_dates
from ..model import StoryReport


NEW_FACTS_SHOWN = 5  # per article in "what each article added"; the export has them all
KEY_DATES_SHOWN = 5  # by default; `show --key-dates N` asks for more, 0 for none

STORY_COLUMNS = ("id", "title", "articles", "outlets", "facts", "conflicts", "latest")


def stories_rows(reports: Sequence[StoryReport]) -> list[tuple[str, ...]]:
    rows = []
    for r in reports:
        outlets = {a.outlet for a in r.articles if a.outlet}
        dates = [a.published for a in r.articles if a.published]
        rows.append((
            r.story.id, r.title, str(len(r.articles)), str(len(outlets)), str(len(r.facts)),
            str(len(r.conflicts)), max(dates).date().isoformat() if dates else "undated",
        ))
    return rows


def stories_table(reports: Sequence[StoryReport]) -> Table:
    t = Table(title="Stories", show_lines=False)
    for col in STORY_COLUMNS:
        t.add_column(col, no_wrap=col == "id")
    for row in stories_rows(reports):
        t.add_row(*row)
    return t


def key_dates_table(r: StoryReport, n: int) -> Table:
    """The story's ``n`` best supported days, each with its best supported fact."""
    facts = {f.id: f for f in r.facts}
    t = Table(title=f"Key dates (top {n}, by support of their facts)", expand=True)
    for col in ("date", "score", "facts", "best supported fact"):
        t.add_column(col, overflow="fold")
    for k in key_dates(r, n):
        t.add_row(k.date.isoformat(), f"{k.score:g}", str(len(k.fact_ids)), facts[k.fact_ids[0]].text)
    return t


def render_story(console: Console, r: StoryReport, n_key_dates: int = KEY_DATES_SHOWN) -> None:
    facts = {f.id: f for f in r.facts}
    names = {a.id: f"{a.outlet or 'unknown'} ({a.published.date().isoformat() if a.published else 'undated'})" for a in r.articles}
    console.rule(f"[bold]{r.title}[/bold]  [dim]{r.story.id}[/dim]")
    console.print(f"{len(r.articles)} articles, {len(r.facts)} facts, {len(r.conflicts)} conflicts")
    for a in r.articles:
        dup = r.story.duplicates.get(a.id)
        console.print(f"  [dim]{a.id}[/dim] {names[a.id]}: {a.title}" + (f" [yellow](copy of {dup})[/yellow]" if dup else ""))

    if n_key_dates > 0:
        console.print(key_dates_table(r, n_key_dates))

    timeline = Table(title="Timeline (by event date)", expand=True)
    for col in ("when", "fact", "status", "support"):
        timeline.add_column(col, overflow="fold")
    for fid in r.timeline:
        f = facts[fid]
        timeline.add_row(date_label(f.event_date), f.text, f.status, support_label(f))
    console.print(timeline)

    console.rule("Facts")
    for f in r.facts:
        console.print(f"[bold]{f.id}[/bold] [cyan]{f.status}[/cyan] {f.text}")
        console.print(f"   [dim]{support_label(f)}; {date_label(f.event_date)}[/dim]")
        for q in f.quantities:
            console.print(f"   number: {escape(quantity_label(q))}")  # "[approx]" is not markup
        for c in f.claims:
            said = chain_label(c, r.relayed.get(c.article_id, ()))
            console.print(f"   - {names.get(c.article_id, c.article_id)}: {escape(said)}")

    if r.conflicts:
        console.rule("Conflicting figures")
        for c in r.conflicts:
            console.print(f"[bold]{c.about}[/bold]")
            for fid, q in zip(c.fact_ids, c.values):
                console.print(f"   {escape(quantity_label(q))}: {facts[fid].text if fid in facts else fid}")

    console.rule("What each article added")
    for u in r.updates:
        console.print(f"[bold]{names.get(u.article_id, u.article_id)}[/bold]: "
                      f"{len(u.new_facts)} new, {len(u.confirmed_facts)} confirmed")
        for fid in u.new_facts[:NEW_FACTS_SHOWN]:
            console.print(f"   + {facts[fid].text}" if fid in facts else f"   + {fid}")
        if len(u.new_facts) > NEW_FACTS_SHOWN:
            console.print(f"   [dim]... and {len(u.new_facts) - NEW_FACTS_SHOWN} more[/dim]")
