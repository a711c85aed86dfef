"""storyline: one sourced, de-duplicated account per news story.

    >>> import storyline
    >>> with storyline.Tracker(db="news.db") as t:
    ...     t.add(["reports/"])
"""

__version__ = "0.1.0"
__all__ = ["Tracker", "__version__"]


def __getattr__(name: str):
    # The tracker pulls in spaCy and the store: import it only when asked for.
    if name == "Tracker":
        from .tracker import Tracker

        return Tracker
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
