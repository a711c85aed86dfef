"""storyline: one sourced, de-duplicated account per news story."""
__version__ = "0.1.0"
