"""Publish dates: the formats news uses, always timezone-aware, never invented."""

from datetime import date, datetime, timedelta, timezone

import pytest

from storyline.errors import FormatError
from storyline.ingest.dates import parse_published

UTC = timezone.utc


@pytest.mark.parametrize("value, expected", [
    ("2024-10-25", datetime(2024, 10, 25, tzinfo=UTC)),  # naive -> UTC
    ("2024-10-25T09:30:00", datetime(2024, 10, 25, 9, 30, tzinfo=UTC)),
    ("2024-10-25T09:30:00Z", datetime(2024, 10, 25, 9, 30, tzinfo=UTC)),
    ("2024-10-25T11:30:00+02:00", datetime(2024, 10, 25, 9, 30, tzinfo=UTC)),
    ("Fri, 25 Oct 2024 09:30:00 +0000", datetime(2024, 10, 25, 9, 30, tzinfo=UTC)),
    ("Fri, 25 Oct 2024 05:30:00 -0400", datetime(2024, 10, 25, 9, 30, tzinfo=UTC)),
    ("25 October 2024", datetime(2024, 10, 25, tzinfo=UTC)),
    ("October 25, 2024 9:30 AM", datetime(2024, 10, 25, 9, 30, tzinfo=UTC)),
    ("25 Oct 2024 10:30 CET", datetime(2024, 10, 25, 9, 30, tzinfo=UTC)),
    (date(2024, 10, 25), datetime(2024, 10, 25, tzinfo=UTC)),  # what YAML makes of 2024-10-25
    (datetime(2024, 10, 25, 9, 30), datetime(2024, 10, 25, 9, 30, tzinfo=UTC)),
])
def test_parses_to_the_same_instant_and_is_aware(value, expected):
    got = parse_published(value, source="t")
    assert got.tzinfo is not None and got == expected


def test_the_written_offset_is_kept():
    got = parse_published("2024-10-25T11:30:00+02:00", source="t")
    assert got.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize("value", ["yesterday", "2 days ago", "October 2024", "soon", "2024-13-45",
                                   "", "  ", 1729846800, "the day after the storm"])
def test_unparseable_or_incomplete_dates_raise_and_are_never_today(value):
    with pytest.raises(FormatError) as info:
        parse_published(value, source="item.md")
    assert info.value.source == "item.md" and "unparseable date" in info.value.reason
