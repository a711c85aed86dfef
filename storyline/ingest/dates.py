"""Publish dates: one parser for every input (front matter, JSON Lines, feeds, pages, --published).

Rules, so that a date is never invented:
- ISO 8601 (``2024-10-25``, ``2024-10-25T09:30:00Z``), RFC 2822 (``Fri, 25 Oct 2024 09:30:00 +0000``)
  and written dates (``25 October 2024``, ``October 25, 2024 9:30 AM EST``) are understood.
- The result is always timezone-aware. A value without a zone is taken as **UTC**; a date
  without a time of day is midnight UTC.
- Day, month and year are all required: ``October 2024``, ``yesterday`` or ``2 days ago`` are
  unparseable, never filled in from today. Ambiguous numeric dates (``03/04/2025``) are read
  day first.
- An unparseable value raises :class:`~storyline.errors.FormatError`; the reader turns it into a
  Rejection.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timezone
from email.utils import parsedate_to_datetime

from ..errors import FormatError

_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,  # day, month and year must all be present
    "PARSERS": ["absolute-time"],  # no "yesterday", no "2 days ago"
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TIMEZONE": "UTC",  # naive values are UTC, whatever the machine's zone
}
_HAS_DIGIT = re.compile(r"\d")


def parse_published(value: object, *, source: str) -> datetime:
    """A timezone-aware datetime from ``value`` (str, datetime or date), or FormatError."""
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):  # YAML turns ``2025-03-04`` into a date
        return datetime.combine(value, time(0, 0), tzinfo=timezone.utc)
    if not isinstance(value, str) or not value.strip():
        raise FormatError(source, f"unparseable date {value!r}")
    text = value.strip()
    parsed = _iso(text) or _rfc2822(text) or _written(text)
    if parsed is None:
        raise FormatError(source, f"unparseable date {text!r} (need day, month and year)")
    return _aware(parsed)


def _aware(dt: datetime) -> datetime:
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt


def _iso(text: str) -> datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None


_RFC2822 = re.compile(
    r"^(?:[A-Za-z]{3},\s*)?\d{1,2} [A-Za-z]{3} \d{4} \d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s+(?:[+-]\d{4}|UT|UTC|GMT|Z|[ECMP][SD]T))?$")


def _rfc2822(text: str) -> datetime | None:
    # Only the zones the email module knows: it reads any other name ("CET") as UTC.
    if not _RFC2822.match(text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _written(text: str) -> datetime | None:
    if not _HAS_DIGIT.search(text) or len(text) > 100:
        return None
    import dateparser  # slow to import: only when a written date needs it

    try:
        return dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError):
        return None
