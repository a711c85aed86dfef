"""The command line: the edge where errors become messages and exit codes.

Exit codes: 0 all went well; 1 some inputs were rejected (the rest were stored);
2 usage or a fatal error (nothing was changed).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from . import __version__
from .errors import StorylineError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.splitlines()[0])
out = Console()
err = Console(stderr=True)

DbOption = typer.Option("storyline.db", "--db", help="SQLite database file.")


def _tracker(db: str):
    from .tracker import Tracker

    return Tracker(db)


def _fail(exc: Exception) -> None:
    err.print(f"[red]error:[/red] {exc}")
    raise typer.Exit(2)


def _parse_date(value: Optional[str]) -> Optional[datetime]:
    if value is None:
        return None
    from .ingest.dates import parse_published

    return parse_published(value, source="--published")


@app.command()
def add(
    inputs: List[str] = typer.Argument(..., help="Files, folders, URLs, feeds, or - for JSON Lines on stdin."),
    db: str = DbOption,
    published: Optional[str] = typer.Option(None, help="Publish date for inputs that lack one."),
    outlet: Optional[str] = typer.Option(None, help="Outlet name for inputs that lack one."),
) -> None:
    """Read articles into stories."""
    from .views.progress import progress_bar

    try:
        when = _parse_date(published)
        with _tracker(db) as tracker, progress_bar(err, "Analysing") as progress:
            result = tracker.add(inputs, published=when, outlet=outlet, stdin=sys.stdin, progress=progress)
    except StorylineError as exc:
        _fail(exc)
    for r in result.rejected:
        err.print(f"[yellow]rejected[/yellow] {r.source}: {r.reason}")
    out.print(
        f"{len(result.added)} added, {len(result.unchanged)} already stored, "
        f"{len(result.rejected)} rejected; {len(result.stories)} stories updated"
    )
    if result.rejected:
        raise typer.Exit(1)


@app.command()
def stories(db: str = DbOption) -> None:
    """List the stories, latest activity first."""
    from .views.terminal import stories_rows, stories_table

    try:
        with _tracker(db) as tracker:
            reports = tracker.stories()
    except StorylineError as exc:
        _fail(exc)
    if out.is_terminal:
        out.print(stories_table(reports))
    else:  # a pipe or a file gets tab-separated lines, one story each, for other tools
        for row in stories_rows(reports):
            sys.stdout.write("\t".join(row) + "\n")


@app.command()
def show(
    story: str = typer.Argument(..., help="Story id (or a unique prefix)."),
    db: str = DbOption,
    key_dates: int = typer.Option(5, "--key-dates", min=0, help="How many key dates to list (0: none)."),
) -> None:
    """Show one story: key dates, timeline, facts with support and origins, conflicts, what each article added."""
    from .views.terminal import render_story

    try:
        with _tracker(db) as tracker:
            render_story(out, _find_story(tracker, story), key_dates)
    except StorylineError as exc:
        _fail(exc)


def _find_story(tracker, prefix: str):
    from .errors import NotFound

    matches = [r for r in tracker.stories() if r.story.id.startswith(prefix)]
    if len(matches) != 1:
        raise NotFound("story", prefix) if not matches else StorylineError(
            f"story id prefix {prefix!r} is ambiguous: {', '.join(r.story.id for r in matches)}"
        )
    return matches[0]


@app.command()
def export(
    format: str = typer.Option("json", "--format", "-f", help="json, md or csv."),
    story: Optional[str] = typer.Option(None, "--story", help="Only this story."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    db: str = DbOption,
) -> None:
    """Export stories as JSON (see the JSON Schema), Markdown or CSV."""
    import json

    from .export.csv_export import export_csv
    from .export.json_export import export_document
    from .export.markdown import export_markdown

    writers = {
        "json": lambda rs: json.dumps(export_document(rs), indent=2, ensure_ascii=False) + "\n",
        "md": export_markdown,
        "csv": export_csv,
    }
    if format not in writers:
        err.print(f"[red]error:[/red] unknown format {format!r}: choose json, md or csv")
        raise typer.Exit(2)
    try:
        with _tracker(db) as tracker:
            reports = [_find_story(tracker, story)] if story else tracker.stories()
            text = writers[format](reports)
    except StorylineError as exc:
        _fail(exc)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command()
def rebuild(db: str = DbOption) -> None:
    """Derive every analysis, story and fact again from the stored articles."""
    from .views.progress import progress_bar

    try:
        with _tracker(db) as tracker, progress_bar(err, "Rebuilding") as progress:
            n = tracker.rebuild(progress=progress)
    except StorylineError as exc:
        _fail(exc)
    out.print(f"rebuilt {n} stories")


@app.command()
def demo(
    db: str = typer.Option("storyline-demo.db", "--db", help="SQLite database file for the demo."),
) -> None:
    """Read the bundled demo corpus into a fresh store and show its stories."""
    from .demo import corpus_dir
    from .views.terminal import render_story, stories_table

    path = Path(db)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    try:
        with _tracker(db) as tracker:
            result = tracker.add([str(corpus_dir())])
            reports = tracker.stories()
    except StorylineError as exc:
        _fail(exc)
    out.print(f"Read {len(result.added)} demo articles into {len(reports)} stories ({db}).\n")
    out.print(stories_table(reports))
    kursk = [r for r in reports if "kursk" in r.title.lower()] or reports[:1]
    for r in kursk[:1]:
        render_story(out, r)
    out.print(f"\nNext: storyline show STORY --db {db}   or   storyline export --format md --db {db}")
    out.print(f"Or in a browser: storyline serve --db {db}   then open http://127.0.0.1:8000/")


@app.command()
def serve(
    db: str = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: Optional[str] = typer.Option(
        None, "--token", envvar="STORYLINE_TOKEN",
        help="Token that writes must carry; required when --host is not loopback.",
    ),
) -> None:
    """Serve the web app and JSON API over the store (reads open; writes need --token beyond localhost)."""
    from .web.security import is_loopback

    if not is_loopback(host) and not token:
        err.print(f"[red]error:[/red] --host {host} listens beyond this machine: give --token (or set STORYLINE_TOKEN) "
                  "so that only you can add articles")
        raise typer.Exit(2)
    if not Path(db).exists():
        err.print(f"[yellow]note:[/yellow] {db} does not exist yet: starting with an empty store "
                  "(run `storyline demo` for the demo store)")
    import uvicorn

    from .web import create_app

    try:
        web = create_app(db, token=token, host=host)
    except StorylineError as exc:
        _fail(exc)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"storyline: serving {db} on http://{shown}:{port}/  (Ctrl+C to stop)")
    uvicorn.run(web, host=host, port=port, log_level="warning")


@app.command("eval")
def eval_(
    tasks: List[str] = typer.Argument(..., help="Task names, or 'all'; or 'gate' [TASK...] to check the floors."),
    data: Path = typer.Option(..., "--data", help="Folder of the public evaluation data (shared/data)."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the table as JSON here."),
    tune: bool = typer.Option(False, "--tune", help="Run on the split to tune on (e.g. PolNeAR dev), not the report split."),
    baseline: Path = typer.Option(Path("quality/baseline.json"), help="gate: the file of pinned floors."),
    update_baseline: bool = typer.Option(False, help="gate: raise the floors to the measured values."),
    allow_lower: bool = typer.Option(False, help="gate: with --update-baseline, let floors go down."),
    reason: Optional[str] = typer.Option(None, help="gate: why floors go down (needs a CHANGELOG line)."),
) -> None:
    """Measure the analysis on public human-labelled benchmarks; `eval gate` checks the pinned floors."""
    import dataclasses
    import json

    from rich.table import Table

    from .eval.tasks import TASKS, run_task

    if tasks[:1] == ["gate"]:
        return _eval_gate(tasks[1:], data, baseline, update_baseline, allow_lower, reason)
    names = list(TASKS) if tasks == ["all"] else tasks
    unknown = [n for n in names if n not in TASKS]
    if unknown:
        err.print(f"[red]error:[/red] unknown task(s) {', '.join(unknown)}; known: all, {', '.join(TASKS)}")
        raise typer.Exit(2)
    if not data.is_dir():
        err.print(f"[red]error:[/red] {data}: no such data folder")
        raise typer.Exit(2)
    rows = []
    try:
        for name in names:
            err.print(f"running {name} ...")
            rows.append(run_task(TASKS[name], data, tune=tune))
    except StorylineError as exc:
        _fail(exc)
    columns = ("task", "data", "split", "metric", "value", "best published", "target", "runtime")
    cells = [
        (r.task, r.data, r.split, r.metric, r.error or ("-" if r.value is None else f"{r.value:.3f}"),
         r.best_published, "-" if r.target is None else f"{r.target}", f"{r.runtime_s:.0f} s")
        for r in rows
    ]
    if out.is_terminal:
        table = Table(title="storyline eval")
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in cells:
            table.add_row(*row)
        out.print(table)
    else:  # a pipe or a file gets tab-separated lines
        for row in [columns, *cells]:
            sys.stdout.write("\t".join(row) + "\n")
    if json_out:
        json_out.write_text(json.dumps([dataclasses.asdict(r) for r in rows], indent=2, default=str))
    if any(r.error for r in rows):
        raise typer.Exit(1)


def _eval_gate(only: List[str], data: Path, baseline: Path, update: bool, allow_lower: bool,
               reason: Optional[str]) -> None:
    """Run the gated tasks (or ``only`` these) and compare them with their floors (storyline/eval/gate.py)."""
    from datetime import date

    from rich.markup import escape

    from .eval import gate
    from .eval.gate_run import gated_metrics, measure_all
    from .eval.tasks import TASKS
    from .views.gate import checks_table

    unknown = [n for n in only if n not in TASKS]
    if unknown:
        err.print(f"[red]error:[/red] unknown task(s) {', '.join(unknown)}; known: {', '.join(TASKS)}")
        raise typer.Exit(2)
    if allow_lower and not reason:
        err.print("[red]error:[/red] --allow-lower needs --reason TEXT")
        raise typer.Exit(2)
    if not data.is_dir():
        err.print(f"[red]error:[/red] {data}: no such data folder; the gate needs the public evaluation data")
        raise typer.Exit(2)
    try:
        pinned = gate.load_baseline(baseline) if baseline.exists() or not update else gate.Baseline(())
        names = only or (list(TASKS) if update else pinned.tasks())
        commit = _commit()  # the code measured is the code at the start
        runs = measure_all(names, data, started=lambda n: err.print(f"running {n} ..."))
        measured = [m for _, m in runs]
        if update:
            new, lowered = gate.raise_floors(pinned, measured, metrics=gated_metrics(names),
                                             when=date.today().isoformat(), commit=commit,
                                             allow_lower=allow_lower)
            changelog = baseline.resolve().parent.parent / "CHANGELOG.md"
            text = changelog.read_text(encoding="utf-8") if changelog.exists() else ""
            missing = gate.missing_changelog_lines(lowered, reason or "", text)
            if missing:
                err.print(f"[red]error:[/red] floors go down only with a line in {changelog} for each; add:")
                for line in missing:  # unwrapped, to copy as it is
                    sys.stderr.write(line + "\n")
                raise typer.Exit(1)
            gate.save_baseline(baseline, new)
            pinned = new
    except StorylineError as exc:
        _fail(exc)
    checks = gate.check(gate.Baseline(tuple(f for f in pinned.floors if f.task in names), pinned.tolerance),
                        measured)
    out.print(checks_table(checks, {r.task: r.runtime_s for r, _ in runs}, pinned.tolerance))
    for c in checks:
        if not c.ok:
            err.print(f"[red]{c.status}:[/red] {escape(c.message)}", highlight=False)
    if not gate.passed(checks):
        raise typer.Exit(1)
    out.print(f"quality gate passed: {len(checks)} floors" + (f"; baseline written to {baseline}" if update else ""))


def _commit() -> str:
    import subprocess

    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10)
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
