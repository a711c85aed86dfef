"""storyline's exceptions. The library raises these; only the CLI and web edges
turn them into messages, exit codes or HTTP statuses.

    StorylineError
    ├── InputError            an input could not become an article (carries the input's name)
    │   ├── FetchError        a URL could not be fetched (unreachable, HTTP error, too large)
    │   └── FormatError       the bytes are not what they claim to be (not a feed, bad front matter)
    ├── StoreError            the database cannot be opened, migrated or written
    │   └── NotFound          no story, article or fact with that id
    └── ModelError            an NLP model or resource is missing; says what to install
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""


class InputError(StorylineError):
    """An input was rejected. ``source`` names it; ``reason`` says why, in words."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(InputError):
    pass


class FormatError(InputError):
    pass


class StoreError(StorylineError):
    pass


class NotFound(StoreError):
    def __init__(self, kind: str, key: str):
        super().__init__(f"no {kind} with id {key!r}")
        self.kind = kind
        self.key = key


class ModelError(StorylineError):
    pass
