import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """The demo corpus read into a real SQLite file, once per test session."""
    from storyline.demo import corpus_dir
    from storyline.tracker import Tracker

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Tracker(path) as t:
        result = t.add([str(corpus_dir())])
    assert not result.rejected, result.rejected
    return path


@pytest.fixture(scope="session")
def demo_reports(demo_db):
    from storyline.tracker import Tracker

    with Tracker(demo_db) as t:
        return t.stories()


@pytest.fixture(scope="session")
def seed_reports(tmp_path_factory):
    """The two seed articles (read from ../shared/seeds at run time), as two outlets."""
    from storyline.tracker import Tracker

    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 2, f"expected the two seed articles in {SEEDS}"
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Tracker(path) as t:
        t.add([str(files[0])], outlet="Outlet One", published=datetime(2024, 10, 25, 9, tzinfo=timezone.utc))
        t.add([str(files[1])], outlet="Outlet Two", published=datetime(2024, 10, 29, 9, tzinfo=timezone.utc))
        return t.stories()
