"""The bundled demo corpus: fictional outlets reporting four stories in late October 2024.

The articles are Markdown files with YAML front matter (``title``, ``outlet``,
``published``, ``url``) in ``corpus/``. File names are numbered by publish time
across all stories, so the order says nothing about which story a file belongs
to. The hand-written expectations for this corpus live in
``tests/golden/demo_expected.yaml``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["corpus_dir", "corpus_files"]


def corpus_dir() -> Path:
    """The folder holding the demo articles (inside the installed package)."""
    try:
        folder = resources.files(__name__) / "corpus"
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - unusual loaders
        folder = None
    if isinstance(folder, Path) and folder.is_dir():
        return folder
    return Path(__file__).resolve().parent / "corpus"


def corpus_files() -> list[Path]:
    """The demo articles (``*.md``), sorted by file name, i.e. by publish time."""
    return sorted(p for p in corpus_dir().glob("*.md") if p.is_file())
