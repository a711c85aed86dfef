"""Words of time: months, weekdays, seasons, number words, units, as regex pieces and maps."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# Month names must be capitalised: lower-case "may" and "march" are a verb far more often.
_MONTH_WORDS = [m for m in MONTHS if len(m) > 3 or m == "may"]
_MONTH_ABBR = [m for m in MONTHS if len(m) <= 4 and m != "may" and m not in ("june", "july")]
MONTH = (
    r"(?:" + "|".join(sorted((w.capitalize() for w in _MONTH_WORDS), key=len, reverse=True))
    + "|" + "|".join(sorted((w.upper() for w in _MONTH_WORDS), key=len, reverse=True))
    + "|" + "|".join(a.capitalize() + r"\." for a in _MONTH_ABBR)
    + "|" + "|".join(a.capitalize() + r"(?![\w.])" for a in _MONTH_ABBR if a not in ("mar", "jun", "jul", "dec"))
    + ")"
)

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY"
    r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.)"
)

# Northern-hemisphere seasons as (first month, TimeML code).
SEASONS: dict[str, tuple[int, str]] = {
    "spring": (3, "SP"), "summer": (6, "SU"), "autumn": (9, "FA"), "fall": (9, "FA"),
    "winter": (12, "WI"),
}
SEASON = r"(?:spring|summer|autumn|fall|winter)"

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a": 1, "an": 1, "a dozen": 12, "dozen": 12,
}
NUMBER = (
    r"(?:\d+(?:\.\d+)?|a\s+dozen|"
    + "|".join(sorted((w for w in NUMBER_WORDS if w not in ("a", "an", "a dozen")), key=len, reverse=True))
    + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
)

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21,
}

DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}

# Duration units: TimeML letter, how many of it, whether it is a time-of-day unit (PT...).
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False),
    "month": ("M", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "centuries": ("Y", 100, False),
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI",
}


def unit_key(word: str) -> str:
    w = word.lower()
    if w == "centuries":
        return "century"
    return w[:-1] if w.endswith("s") else w


def number_value(text: str) -> float | None:
    """'two' -> 2, '18' -> 18, 'twenty-five' -> 25; None for what is not a number."""
    t = text.lower().replace("-", " ").split()
    if not t:
        return None
    try:
        return float(" ".join(t))
    except ValueError:
        pass
    if " ".join(t) in NUMBER_WORDS:
        return NUMBER_WORDS[" ".join(t)]
    total = 0
    for w in t:
        if w not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[w]
    return total
