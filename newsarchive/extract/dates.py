"""Publication dates written the ways news pages write them, read as YYYY-MM-DD.

Forms: "12th October 2010", "Oct. 12, 2010", "12/10/2010" (day or month first, from a
hint), ISO "2010-10-12" and "2010/10/12", "Updated 3:45 p.m. ET Nov. 19, 2019",
"Tue Jul 24 08:25:29 PDT 2012", and month names in German, French, Spanish, Italian,
Portuguese and Dutch ("12. Oktober 2010", "12 de octubre de 2010", "1er janvier 2010"),
and a date badge run together ("Oct212012").
A date without a day ("October 2010") is not a publication date and is not read.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

_MONTH_NAMES = {
    1: "january januar jänner janvier enero gennaio janeiro januari",
    2: "february februar février fevrier febrero febbraio fevereiro februari",
    3: "march märz marz mars marzo março marco maart",
    4: "april avril abril aprile",
    5: "may mai mayo maggio maio mei",
    6: "june juni juin junio giugno junho",
    7: "july juli juillet julio luglio julho",
    8: "august août aout agosto augustus",
    9: "september septembre septiembre setiembre settembre setembro",
    10: "october oktober octobre octubre ottobre outubro",
    11: "november novembre noviembre novembro",
    12: "december dezember décembre decembre diciembre dicembre dezembro",
}


def _fold(word: str) -> str:
    """Lower-case without accents, so "Février" and "fevrier" are one key."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    clashes: set[str] = set()
    for number, names in _MONTH_NAMES.items():
        for name in names.split():
            name = _fold(name)
            table[name] = number
            # Abbreviations: the first three or four letters, unless two months share them
            # ("jui" is both juin and juillet).
            for size in (3, 4):
                short = name[:size]
                if len(short) < len(name):
                    if table.get(short, number) != number:
                        clashes.add(short)
                    table.setdefault(short, number)
    for short in clashes:
        del table[short]
    table.update({"sept": 9, "mrt": 3, "mär": 3, "dic": 12, "dez": 12, "okt": 10, "ott": 10})
    return table


MONTHS = _month_table()

# The days of the week in the languages read, folded, and their usual short forms (the
# Portuguese "sábado" and "domingo" are the Spanish words).
_WEEKDAY_NAMES = (
    "monday tuesday wednesday thursday friday saturday sunday "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miercoles jueves viernes sabado domingo "
    "lunedi martedi mercoledi giovedi venerdi sabato domenica "
    "segunda terca quarta quinta sexta feira "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
    "mon tue tues wed thu thur thurs fri sat sun"
)
WEEKDAYS = frozenset(_WEEKDAY_NAMES.split())


def is_month(word: str) -> bool:
    """Whether a word names a month, in full or cut short ("March", "mars", "Sept.")."""
    return _fold(word.strip(".,")) in MONTHS


def is_weekday(word: str) -> bool:
    """Whether a word names a day of the week ("Thursday", "jeudi", "Thu.", "sábado")."""
    return _fold(word.strip(".,;:")) in WEEKDAYS


_M = r"(?P<month>[^\W\d_]{3,10})\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|re|e|º|°|ª|\.)?"
# (a year cut to its last two digits after an apostrophe, "Nov 6th '12", as blogs write it)
_Y = r"(?P<year>(?:19|20)\d\d|['’‘]\d\d)(?!\d)"
_TIME = r"(?:\d{1,2}[:.h]\d\d(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{2,5}\s+)?)?"
PATTERNS = (
    # 2010-10-12, 2010/10/12, 2010-10-12T09:00
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    # 12th October 2010, 12. Oktober 2010, 12 de octubre de 2010, 12 Oct, 2010
    re.compile(rf"(?<![\w/]){_D}\s*(?:de\s+|of\s+)?{_M},?\s+(?:de\s+|del\s+)?{_Y}", re.I),
    # Oct. 12, 2010 / October 12th 2010 / Jul 24 08:25:29 PDT 2012
    re.compile(rf"(?<![\w/]){_M}\s+{_D},?\s+{_TIME}{_Y}", re.I),
    # 12/10/2010, 12.10.2010, 12-10-10: the order needs a hint
    re.compile(r"(?<![\d/.-])(?P<first>[0-3]?\d)[/.-](?P<second>[01]?\d|[0-3]\d)[/.-](?P<year>(?:19|20)?\d\d)(?![\d/-])"),
    # Oct212012: a blog's date badge, its month, day and year each set apart by the page's
    # layout alone, which a text browser runs together
    re.compile(r"(?<![\w/])(?P<month>[^\W\d_]{3,10})(?P<day>[0-3]?\d)(?P<year>(?:19|20)\d\d)(?!\w)"),
)
NUMERIC = PATTERNS[3]
# A numeric date with full stops and a full year ("2.03.2018"; not a version, "2.3.12").
DOTTED = re.compile(r"(?<![\d/.-])[0-3]?\d\.[01]?\d\.(?:19|20)\d\d(?![\d/-]|\.\d)")


def _make(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(pattern_index: int, match: re.Match[str], dayfirst: bool | None) -> str | None:
    if pattern_index == 3:
        first, second = int(match.group("first")), int(match.group("second"))
        year = int(match.group("year"))
        if year < 100:
            year += 2000 if year < 70 else 1900
        if first > 12:
            day, month = first, second
        elif second > 12:
            day, month = second, first
        elif dayfirst:
            day, month = first, second
        else:
            day, month = second, first
        return _make(year, month, day)
    month_text = match.group("month")
    if month_text.isdigit():
        month = int(month_text)
    else:
        month = MONTHS.get(_fold(month_text), 0)
        if not month:
            return None
    return _make(_full_year(match.group("year")), month, int(match.group("day")))


def _full_year(text: str) -> int:
    """A year as a number: "2012", and "'12" read as the nearest such year (2012, '98 1998)."""
    year = int(text.lstrip("'’‘"))
    if year < 100:
        year += 2000 if year < 70 else 1900
    return year


def find_dates(text: str, *, dayfirst: bool | None = None) -> list[tuple[int, int, str]]:
    """Every date in `text` as (start, end, "YYYY-MM-DD"), in order of position."""
    return list(_find_dates(text, dayfirst))


@lru_cache(maxsize=4096)
def _find_dates(text: str, dayfirst: bool | None) -> tuple[tuple[int, int, str], ...]:
    # The extractor asks about the same short lines several times (credit lines, headline
    # candidates, the opening of the article): the answer is kept.
    found: list[tuple[int, int, str]] = []
    # (which characters a date found already covers: a later pattern's match over any of
    # them is part of that date; marked, not compared with every date, so that a dump of
    # thousands of dates on one line costs no more than its length)
    taken = bytearray(len(text))
    for index, pattern in enumerate(PATTERNS):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            iso = _from_match(index, match, dayfirst)
            if iso:
                found.append((start, end, iso))
                taken[start:end] = b"\x01" * (end - start)
    return tuple(sorted(found))


def parse_date(text: str, *, dayfirst: bool | None = None) -> str | None:
    """The first date written in `text`, as YYYY-MM-DD; None when there is none.

    `dayfirst` settles "12/10/2010": True reads 12 October, False or None reads December 10
    (unless one of the numbers cannot be a month).
    """
    found = find_dates(text, dayfirst=dayfirst)
    return found[0][2] if found else None


def find_date(text: str, *, dayfirst: bool | None = None) -> str | None:
    """Alias of `parse_date` for callers searching a longer text."""
    return parse_date(text, dayfirst=dayfirst)


def guess_dayfirst(text: str) -> bool | None:
    """Whether the page writes numeric dates day first, from its unambiguous dates.

    "25/12/2010" says day first, "12/25/2010" month first; failing those, a date written
    with full stops ("2.03.2018") says day first, as German, French, Dutch or Russian write
    it (the month-first habit writes slashes); failing that too, a page that writes "12
    October" rather than "October 12" most likely puts the day first too.
    """
    # The top of a page says enough; a 20 MB dump must not cost seconds.
    text = text[:100_000]
    votes = 0
    for match in NUMERIC.finditer(text):
        first, second = int(match.group("first")), int(match.group("second"))
        if first > 12 >= second:
            votes += 1
        elif second > 12 >= first:
            votes -= 1
    if votes:
        return votes > 0
    if DOTTED.search(text):
        return True
    day_month = sum(1 for m in PATTERNS[1].finditer(text) if _fold(m.group("month")) in MONTHS)
    month_day = sum(1 for m in PATTERNS[2].finditer(text) if _fold(m.group("month")) in MONTHS)
    if day_month != month_day:
        return day_month > month_day
    return None


DATELINE = re.compile(r"^\s*(?:(?:updated|published|posted)[:\s]+)?(?P<date>.{6,40}?)\s*[-–—:|]\s+(?=\S)", re.I)


def split_dateline(paragraph: str, *, dayfirst: bool | None = None) -> tuple[str | None, str]:
    """A paragraph opening with "12th October 2010 - " gives (date, the rest); else (None, it)."""
    match = DATELINE.match(paragraph)
    if match:
        found = find_dates(match.group("date"), dayfirst=dayfirst)
        # The date must be all of the dateline, not a date inside a sentence.
        if found and found[0][0] <= 1 and len(match.group("date")) - found[-1][1] <= 2:
            return found[0][2], paragraph[match.end():]
    return None, paragraph
