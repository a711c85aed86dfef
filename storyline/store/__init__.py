"""Where storyline keeps articles and everything derived from them: one SQLite file."""

from .migrations import SCHEMA_VERSION
from .sqlite import Store

__all__ = ["Store", "SCHEMA_VERSION"]
