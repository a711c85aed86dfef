"""Timeline17 (T17) as news-tls uses it: topics, their articles and reference timelines.

A folder ``<Topic>_<outlet>/`` holds ``InputDocs/<publish date>/<id>.htm.txt`` (tokenised,
one sentence a line, ``-LRB-`` for brackets) and ``timelines/*.txt`` (a ``YYYY-MM-DD`` line,
that date's sentences, a line of dashes). news-tls merges folders by the prefix before the
first ``_`` into one topic (``LibyaWar_cnn`` + ``LibyaWar_reuters`` = ``LibyaWar``).

Splits (see data/README.md): the Egypt, Libya and Syria topics are for reporting; the
other six (BP oil, financial crisis, H1N1, Haiti, Iraq war, Michael Jackson) for tuning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from ..model import Article

REPORT_TOPICS = ("EgyptianProtest", "LibyaWar", "SyrianCrisis")
TUNE_TOPICS = ("bpoil", "Finan", "H1N1", "haiti", "IraqWar", "MJ")
SPLITS = {"tune": TUNE_TOPICS, "report": REPORT_TOPICS}

_DATE_LINE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}


@dataclass(frozen=True)
class Topic:
    name: str
    articles: tuple[Article, ...]  # in publish order
    timelines: tuple[tuple[date, ...], ...]  # each reference timeline's dates, sorted


def topic_folders(root: Path, split: str) -> dict[str, list[Path]]:
    """Topic name -> its folders, for the topics of ``split`` ("tune" or "report")."""
    if split not in SPLITS:
        raise ValueError(f"unknown T17 split {split!r}: choose {', '.join(SPLITS)}")
    out: dict[str, list[Path]] = {}
    for d in sorted(p for p in Path(root).iterdir() if p.is_dir()):
        prefix = d.name.split("_")[0]
        if prefix in SPLITS[split]:
            out.setdefault(prefix, []).append(d)
    missing = [t for t in SPLITS[split] if t not in out]
    if missing:
        raise ValueError(f"{root}: no T17 folders for topic(s) {', '.join(missing)}")
    return out


def load_topic(name: str, folders: list[Path]) -> Topic:
    articles: list[Article] = []
    timelines: list[tuple[date, ...]] = []
    for folder in folders:
        outlet = folder.name.split("_", 1)[1] if "_" in folder.name else None
        for day_dir in sorted((folder / "InputDocs").iterdir()):
            published = datetime.strptime(day_dir.name, "%Y-%m-%d").replace(hour=12, tzinfo=timezone.utc)
            for path in sorted(day_dir.glob("*.txt")):
                text = detokenise(path.read_text(encoding="utf-8", errors="replace"))
                if text.strip():  # 25 files are empty
                    articles.append(Article(text=text, outlet=outlet, published=published,
                                            source=f"{folder.name}/{day_dir.name}/{path.name}"))
        for path in sorted((folder / "timelines").glob("*.txt")):
            timelines.append(timeline_dates(path.read_text(encoding="utf-8", errors="replace")))
    if not articles or not timelines:
        raise ValueError(f"T17 topic {name}: no articles or no reference timelines in {folders}")
    articles.sort(key=lambda a: (a.published, a.source))
    return Topic(name, tuple(articles), tuple(timelines))


def timeline_dates(text: str) -> tuple[date, ...]:
    """The dates of one reference timeline file, sorted, each once."""
    found = set()
    for line in text.splitlines():
        m = _DATE_LINE.match(line.strip())
        if m:
            found.add(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    return tuple(sorted(found))


def detokenise(text: str) -> str:
    """PTB-tokenised lines back to plain sentences, one a line."""
    return "\n".join(s for s in (_detok_line(line) for line in text.splitlines()) if s)


def _detok_line(line: str) -> str:
    words = [_BRACKETS.get(w, w) for w in line.split()]
    s = " ".join(words)
    s = re.sub(r" ([.,;:!?%)\]}]|'s|'S|n't|'re|'ll|'ve|'d|'m)(?=\s|$)", r"\1", s)
    s = re.sub(r"([(\[{$]) ", r"\1", s)
    s = re.sub(r"`` ?", '"', s)
    s = re.sub(r" ?''", '"', s)
    s = re.sub(r"(^|\s)` ?", r"\1'", s)
    return s.strip()
