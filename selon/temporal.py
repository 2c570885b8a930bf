"""selon's temporal resolver: French and English date expressions to day intervals.

Every expression is resolved against an anchor: the publication day (relative expressions such
as "mardi soir", "hier", "last Thursday"), or the day a wire dateline names for the expressions
after it ("PARIS, Jan. 7 (Reuters) -": the day the story was filed), the previous date of the
text ("la veille", "le lendemain", "two days later", "le même jour") or nothing (full dates). An
expression that needs an anchor selon does not have is left unresolved, never guessed.

Conventions, as news uses them:

- Weekdays ("mardi", "ce mardi", "on Tuesday") are the most recent such day on or before the
  publication day (the publication day itself when it is that weekday); "dernier"/"last" on the
  publication's own weekday means a week before; "prochain"/"next" looks forward.
- Partial dates ("7 janv.", "Jan. 7", "le 1er mars") take the nearest year that puts them on or
  before the publication day (a day of slack for time zones). A bare "le 7" / "on the 7th" is
  that day of the publication month, or of the previous month when it is after the publication
  day; it only matches when followed by punctuation, the end of text or a clock time, so that
  "le 7e régiment", "le 7 %" and "the 7th floor" are not dates. A weekday name written with a
  partial date settles its year ("Tuesday, Nov. 5" in May 2024 is 5 November 2024). Ranges ("les
  7 et 8 mai", "du 2 au 5 mai", "May 7 and 8") span their days. Years run from 1000 to 2099,
  unless a quantity follows ("en 2000 ans"); a month followed by another number ("mai 68") is
  left alone.
- "début"/"early" is days 1-10 of a month, "fin"/"late" its last ten days, "mi-"/"mid-" days
  10-20; "début 2019" is January-March, "fin 2019" October-December, "mi-2019" April-September.
- "Earlier this month"/"plus tôt ce mois-ci" (week, year alike) ends the day before the anchor
  day, "depuis le début du mois"/"so far this year" on it, "later this month"/"d'ici la fin du
  mois" runs from it to the end.
- Deadlines ("d'ici au 8 août", "au plus tard le 18 août", "by Aug. 1", "no later than June 30")
  run from the anchor day to a day ahead (the nearest such day on or after it, unless the year is
  written); "by 2025", "d'ici 2030" name their year. "Until"/"jusqu'au" is no deadline: it is
  read as a plain date (a limit, which ``selon.components.event_dates`` never gives an act).
- Weekends are a Saturday and its Sunday: "ce week-end"/"this weekend" the one of the anchor's
  week (the one just ended on a Monday), "au cours du week-end"/"over the weekend", which
  narrate, the latest one begun by the anchor day, "dernier"/"last" the one before the anchor's
  week, "prochain"/"next" the one after.
- Weeks run Monday to Sunday. "Cette nuit", "la nuit dernière", "last night" and "overnight"
  span the day before the publication and the publication day; "dans la nuit de samedi à
  dimanche" / "du 6 au 7 mai" spans both days (precision day).
- "La veille"/"the day before" (and "le lendemain", "N jours plus tard", "two days later")
  count from the previous day-precision expression of the text; when they name an event ("la
  veille du scrutin", "the day after the vote") they are left alone.

Clock times. A clock time ("vers 23 h heure locale", "à 6 h 45", "6:45 a.m. EST", "0400 GMT",
"at 2114 GMT") right before or after a day expression ("mardi vers 23 h", "at 2114 GMT on
Wednesday", "hier à 14 h") is folded into it: the span covers the clock and ``Resolved.time``
carries it, timezone-aware when the zone has a fixed offset (GMT, UTC, TU, EST, EDT, PST, CET...;
"heure locale"/"local time" and "heure de Paris" have none). When the publication is given as an
aware datetime and the clock has a fixed offset, the day *labels* (weekdays, partial dates, bare
days) are read in the clock's zone: "at 0400 GMT on Thursday" published Wednesday 23:30 in New
York (already Thursday in GMT) is that Thursday, not the one a week before. Deictic words ("hier",
"yesterday", "today") stay relative to the publication's own day. A clock with a fixed-offset
zone and no day expression ("0400 GMT") resolves, given an aware publication datetime, to the
day of its most recent occurrence before publication, in that zone; without an aware datetime,
or without a zone, a lone clock is not a date and is skipped.
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

# --- Vocabulary ---------------------------------------------------------------------------------

MONTHS_FR = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2,
    "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
    "août": 8, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}  # fmt: skip
MONTHS_EN = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
# Abbreviations: in French they are only months next to a day number or with their period
# ("en sept ans" is not September).
ABBREVIATIONS = {
    "janv", "févr", "fevr", "fév", "avr", "juil", "sept", "oct", "nov", "déc", "dec",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
}  # fmt: skip
# English month names that are also common words: dates only when capitalised.
EN_MONTH_HOMONYMS = {"may", "march", "mar"}
WEEKDAYS_FR = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
}  # fmt: skip
WEEKDAYS_EN = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30,
}  # fmt: skip
# Clock zones with a fixed offset, in hours from UTC (US abbreviations for the American ones).
ZONES = {
    "GMT": 0, "UTC": 0, "TU": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EST": -5, "EDT": -4,
    "HNE": -5, "HAE": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}  # fmt: skip


@dataclass(frozen=True)
class Resolved:
    start: int  # offsets in the text
    end: int
    first: dt.date
    last: dt.date
    precision: str  # day, week, month, year
    anchor: str  # published, dateline, previous_date, absolute
    time: dt.time | None = None  # an attached clock time, tz-aware when its zone is fixed


# --- Calendar helpers ---------------------------------------------------------------------------

DAY = dt.timedelta(days=1)


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - DAY


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _past_weekday(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def _next_weekday(anchor: dt.date, weekday: int) -> dt.date:
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(anchor: dt.date | None, month: int, day: int) -> int | None:
    """The nearest year that puts month/day on or before the anchor (plus a day of slack)."""
    if anchor is None:
        return None
    candidate = _safe_date(anchor.year, month, day)
    if candidate is not None and candidate > anchor + DAY:
        return anchor.year - 1
    return anchor.year


def _num(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS_FR.get(word) or MONTHS_EN[word]


def _is_verb_month(word: str) -> bool:
    """English "may", "march", "mar" in lower case are the verbs, not the months."""
    return word.rstrip(".").lower() in EN_MONTH_HOMONYMS and word[0].islower()


# --- Resolution context and handlers ------------------------------------------------------------

Interval = tuple[dt.date, dt.date, str, str]  # first, last, precision, anchor


@dataclass(frozen=True)
class Context:
    published: dt.date | None  # the publication day, in the frame of the expression
    instant: dt.datetime | None  # the publication moment, when given with its time zone
    previous: tuple[dt.date, dt.date] | None  # the previous day-precision expression


Handler = Callable[[re.Match[str], Context], Interval | None]


def _date_with_year(m: re.Match[str], ctx: Context, month: int, day: int) -> Interval | None:
    """A day of a month, with its year when written, else inferred from the publication."""
    if m["year"]:
        year, anchor = int(m["year"]), "absolute"
    else:
        inferred = _infer_year(ctx.published, month, day)
        if inferred is None:
            return None
        year, anchor = inferred, "published"
    date = _safe_date(year, month, day)
    return (date, date, "day", anchor) if date else None


def full_date(m: re.Match[str], ctx: Context) -> Interval | None:
    """ "le 7 janvier 2024", "7 janv.", "mardi 7 mai", "January 7, 2024", "7 January"."""
    if _is_verb_month(m["month"]):
        return None
    result = _date_with_year(m, ctx, _month_number(m["month"]), _day_number(m["day"]))
    named = m.groupdict().get("wdp")
    if result is None or named is None or m["year"]:
        return result
    # A weekday name settles the year: "Tuesday, Nov. 5" said in May 2024 is the coming
    # November (a Tuesday in 2024), not November 2023 (a Sunday).
    weekday = {**WEEKDAYS_FR, **WEEKDAYS_EN}[named.lower()]
    date = result[0]
    for shift in (0, 1, -1):
        candidate = _safe_date(date.year + shift, date.month, date.day)
        if candidate is not None and candidate.weekday() == weekday:
            return candidate, candidate, "day", result[3]
    return result


def day_range(m: re.Match[str], ctx: Context) -> Interval | None:
    """ "les 7 et 8 mai", "du 6 au 9 mai", "May 7 and 8", "7-8 May": from one day to the other."""
    last = full_date(m, ctx)
    if last is None:
        return None
    groups = m.groupdict()
    first = _safe_date(
        last[1].year, last[1].month, _day_number(groups.get("day1") or groups["day1b"])
    )
    if first is None or first >= last[1]:
        return None
    return first, last[1], "day", last[3]


def bare_day(m: re.Match[str], ctx: Context) -> Interval | None:
    """ "le 7": that day of the publication month, or of the month before if it is to come."""
    published = ctx.published
    if published is None:
        return None
    day = _day_number(m["day"])
    year, month = published.year, published.month
    if day > published.day:
        year, month = _shift_month(year, month, -1)
    for _ in range(3):  # a 31st skips back over the 30-day months
        date = _safe_date(year, month, day)
        if date is not None:
            return date, date, "day", "published"
        year, month = _shift_month(year, month, -1)
    return None


def night_of_dates(m: re.Match[str], ctx: Context) -> Interval | None:
    """ "dans la nuit du 6 au 7 mai": both days."""
    second = full_date(m, ctx)
    if second is None:
        return None
    return second[0] - DAY, second[1], "day", second[3]


def _night_of_weekdays(weekdays: dict[str, int]) -> Handler:
    """ "dans la nuit de samedi à dimanche": the most recent such night, both days."""

    def handler(m: re.Match[str], ctx: Context) -> Interval | None:
        if ctx.published is None:
            return None
        first_wd, second_wd = weekdays[m["wd1"].lower()], weekdays[m["wd2"].lower()]
        if (first_wd + 1) % 7 != second_wd:
            return None  # not one night
        second = _past_weekday(ctx.published, second_wd)
        return second - DAY, second, "day", "published"

    return handler


def _night_into(weekdays: dict[str, int]) -> Handler:
    """ "overnight into Tuesday", "Saturday night into Sunday", "overnight Friday": the night
    that ends on the named day (both days), or the named day when only one is given."""

    def handler(m: re.Match[str], ctx: Context) -> Interval | None:
        if ctx.published is None:
            return None
        groups = m.groupdict()
        wd1 = groups.get("wd1") or groups.get("wd1b") or groups.get("wd1c")
        wd2 = groups.get("wd2") or groups.get("wd2c")
        if wd2 is None:
            day = _past_weekday(ctx.published, weekdays[(wd1 or "").lower()])
            return day, day, "day", "published"
        second = weekdays[wd2.lower()]
        if wd1 is not None and (weekdays[wd1.lower()] + 1) % 7 != second:
            return None  # not one night
        last = _past_weekday(ctx.published, second)
        return last - DAY, last, "day", "published"

    return handler


def _part_of_week(weeks: int, first_day: int, last_day: int) -> Handler:
    """Days of a week ("en fin de semaine dernière" is Thursday to Sunday of last week)."""

    def handler(m: re.Match[str], ctx: Context) -> Interval | None:
        if ctx.published is None:
            return None
        monday = _week_bounds(ctx.published + dt.timedelta(days=7 * weeks))[0]
        first = monday + dt.timedelta(days=first_day)
        return first, monday + dt.timedelta(days=last_day), "week", "published"

    return handler


def previous_week(m: re.Match[str], ctx: Context) -> Interval | None:
    """ "la semaine précédente", "the previous week": the week before the previous date's."""
    if ctx.previous is None:
        return None
    first, last = _week_bounds(ctx.previous[0] - dt.timedelta(days=7))
    return first, last, "week", "previous_date"


def month_expr(m: re.Match[str], ctx: Context) -> Interval | None:
    """ "en janvier", "début mars", "fin mars 2019", "mi-mars", "last May", "since March"."""
    if _is_verb_month(m["month"]):
        return None
    month = _month_number(m["month"])
    published = ctx.published
    part = " ".join((m["part"] or "").lower().split())
    qualifier = ((m.groupdict().get("q") or "") + part).lower()
    if m["year"]:
        year, anchor = int(m["year"]), "absolute"
    elif published is None:
        return None
    elif "dernier" in qualifier or part == "last":
        year = published.year - (month >= published.month)  # strictly before this month
        anchor = "published"
    elif "prochain" in qualifier or part == "next":
        year = published.year + (month <= published.month)
        anchor = "published"
    elif part == "this":
        year, anchor = published.year, "published"
    else:
        year = published.year - (month > published.month)  # nearest past (or current) month
        anchor = "published"
    first, last = _month_bounds(year, month)
    if part.startswith(("début", "debut", "early", "beginning", "the beginning")):
        last = first + dt.timedelta(days=9)
    elif part.startswith(("fin", "late", "end", "the end")):
        first = last - dt.timedelta(days=9)
    elif part.startswith("mi"):
        first, last = first + dt.timedelta(days=9), first + dt.timedelta(days=19)
    elif part.startswith("since"):
        if published is None:
            return None
        last = published
    return first, last, "month", anchor


def year_expr(m: re.Match[str], ctx: Context) -> Interval | None:
    """ "en 2019", "fin 2019" (October-December), "early 2019", "mid-2019"; a deadline ("by
    2025", "d'ici 2025") names its year."""
    year = int(m["year"])
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    part = (m["part"] or "").lower()
    if part.startswith(("début", "debut", "early")):
        last = dt.date(year, 3, 31)
    elif part.startswith(("fin", "late", "end", "the end")):
        first = dt.date(year, 10, 1)
    elif part.startswith("mi"):
        first, last = dt.date(year, 4, 1), dt.date(year, 9, 30)
    return first, last, "year", "absolute"


def _weekday(weekdays: dict[str, int]) -> Handler:
    """ "mardi", "ce mardi", "mardi dernier", "next Tuesday", "Tuesday night"."""

    def handler(m: re.Match[str], ctx: Context) -> Interval | None:
        published = ctx.published
        if published is None:
            return None
        weekday = weekdays[m["wd"].lower()]
        qualifier = (m["q"] or "").lower()
        if qualifier in ("prochain", "next"):
            day = _next_weekday(published, weekday)
        elif qualifier in ("dernier", "last") and weekday == published.weekday():
            day = published - dt.timedelta(days=7)
        else:
            day = _past_weekday(published, weekday)
        return day, day, "day", "published"

    return handler


def _offset(days: int, *, span: int = 0) -> Handler:
    """Days from the publication day ("hier" is -1); span widens the interval backwards."""

    def handler(m: re.Match[str], ctx: Context) -> Interval | None:
        if ctx.published is None:
            return None
        day = ctx.published + dt.timedelta(days=days)
        return day - dt.timedelta(days=span), day, "day", "published"

    return handler


def _from_previous(days: int | None) -> Handler:
    """Days from the previous date of the text; None reads the count from the match."""

    def handler(m: re.Match[str], ctx: Context) -> Interval | None:
        if ctx.previous is None:
            return None
        if days == 0:
            return ctx.previous[0], ctx.previous[1], "day", "previous_date"
        count = days
        if count is None:
            number = _num(m["n"])
            if number is None:
                return None
            count = number if m["dir"].lower() in ("later", "after", "tard", "après") else -number
        # Counting back starts from the first day of a span, counting forward from its last.
        base = ctx.previous[0] if count < 0 else ctx.previous[1]
        day = base + dt.timedelta(days=count)
        return day, day, "day", "previous_date"

    return handler


def ago(m: re.Match[str], ctx: Context) -> Interval | None:
    """ "il y a deux jours", "il y a trois semaines", "ten days ago", "48 hours ago"."""
    published = ctx.published
    count = _num(m["n"])
    if published is None or count is None:
        return None
    unit = m["unit"].lower()
    if unit.startswith(("heure", "hour")):
        if ctx.instant is not None:
            day = (ctx.instant - dt.timedelta(hours=count)).date()
            return day, day, "day", "published"
        # Without the hour of publication, the moment lies within these days.
        first = published - dt.timedelta(days=math.ceil(count / 24))
        return first, published - dt.timedelta(days=count // 24), "day", "published"
    if unit.startswith(("jour", "day")):
        day = published - dt.timedelta(days=count)
        return day, day, "day", "published"
    if unit.startswith(("semaine", "week")):
        first, last = _week_bounds(published - dt.timedelta(days=7 * count))
        return first, last, "week", "published"
    if unit.startswith(("mois", "month")):
        first, last = _month_bounds(*_shift_month(published.year, published.month, -count))
        return first, last, "month", "published"
    first, last = dt.date(published.year - count, 1, 1), dt.date(published.year - count, 12, 31)
    return first, last, "year", "published"


def _part_of(first: dt.date, last: dt.date, anchor: dt.date, part: str) -> tuple[dt.date, dt.date]:
    """The part of a period around the anchor day a qualifier names: "earlier" is before the
    anchor day (the anchor day itself when the period starts there), "until" up to and including
    it ("depuis le début du mois"), "later" from it to the end ("later this month")."""
    if part == "earlier":
        return first, max(first, anchor - DAY)
    if part == "until":
        return first, anchor
    if part == "later":
        return anchor, last
    return first, last


def _this_week(weeks: int, *, part: str = "") -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> Interval | None:
        if ctx.published is None:
            return None
        first, last = _week_bounds(ctx.published + dt.timedelta(days=7 * weeks))
        return *_part_of(first, last, ctx.published, part), "week", "published"

    return handler


def _this_month(months: int, *, part: str = "") -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> Interval | None:
        published = ctx.published
        if published is None:
            return None
        first, last = _month_bounds(*_shift_month(published.year, published.month, months))
        return *_part_of(first, last, published, part), "month", "published"

    return handler


def _this_year(years: int, *, part: str = "") -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> Interval | None:
        published = ctx.published
        if published is None:
            return None
        year = published.year + years
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return *_part_of(first, last, published, part), "year", "published"

    return handler


def weekend(m: re.Match[str], ctx: Context) -> Interval | None:
    """A Saturday and its Sunday. "ce week-end", "this weekend": the one of the publication's
    week (the one just ended when published on a Monday); "au cours du week-end", "over the
    weekend", which narrate: the latest one begun by the publication day; "le week-end
    dernier", "last weekend": the one before the publication's week; "next weekend": the next."""
    published = ctx.published
    if published is None:
        return None
    qualifier = (m["q"] or "").lower()
    weeks = 0
    if qualifier in ("dernier", "passé", "last", "past"):
        weeks = -1
    elif qualifier in ("prochain", "next"):
        weeks = 1
    elif m["narrated"]:
        weeks = 0 if published.weekday() >= 5 else -1
    elif published.weekday() == 0:
        weeks = -1  # on a Monday, "this weekend" has just ended
    saturday = _week_bounds(published)[0] + dt.timedelta(days=5 + 7 * weeks)
    return saturday, saturday + DAY, "day", "published"


def deadline(m: re.Match[str], ctx: Context) -> Interval | None:
    """ "d'ici au 8 août", "au plus tard le 18 août", "by Aug. 1", "no later than June 30": from
    the publication day to that day, which is ahead (its year, unless written, is the nearest one
    that puts it on or after the publication day). A written date already past is that day."""
    if _is_verb_month(m["month"]):
        return None
    month, day = _month_number(m["month"]), _day_number(m["day"])
    published = ctx.published
    if m["year"]:
        date = _safe_date(int(m["year"]), month, day)
        anchor = "absolute"
    elif published is None:
        return None
    else:
        date = _safe_date(published.year, month, day)
        if date is not None and date < published:
            date = _safe_date(published.year + 1, month, day)
        anchor = "published"
    if date is None:
        return None
    if published is None or date < published:
        return date, date, "day", anchor
    return published, date, "day", anchor


def zoned_clock(m: re.Match[str], ctx: Context) -> Interval | None:
    """ "0400 GMT" alone: the day of its latest occurrence before an aware publication."""
    time = _clock_time(m)
    if time.tzinfo is None or ctx.instant is None:
        return None  # a lone local clock time does not say which day
    local = ctx.instant.astimezone(time.tzinfo)
    day = local.date()
    if time.replace(tzinfo=None) > local.time():
        day -= DAY
    return day, day, "day", "published"


# --- Clock times --------------------------------------------------------------------------------

_ZONE = (
    r"(?P<zone>(?-i:GMT|UTC|TU|Z|BST|CEST|CET|EST|EDT|HNE|HAE|CST|CDT|MST|MDT|PST|PDT)"
    r"(?:\s*(?P<sign>[+-])\s*(?P<off>1[0-4]|0?\d))?"
    r"|heure\s+locale|heure\s+de\s+Paris|heure\s+française|local\s+time)"
)
# A conversion in brackets, as wires add it: "vers 23 h heure locale (21 h GMT)".
_PAREN = r"(?:\s*\(\s*\d{1,2}\s*(?:h|:)?\s*(?:[0-5]\d)?\s*(?-i:GMT|UTC|TU)\s*\))?"
CLOCKS = {
    "fr": re.compile(
        r"\b(?:(?:à|vers|dès|avant|après|jusqu['’]à|peu\s+(?:avant|après)"
        r"|aux\s+alentours\s+de|autour\s+de)\s+)?"
        r"(?:(?P<h>[01]?\d|2[0-3])\s*(?:h|heures?)(?:\s*(?P<min>[0-5]\d))?(?!\w)"
        r"|(?P<word>midi|minuit)\b)"
        rf"(?:\s*{_ZONE})?{_PAREN}",
        re.I,
    ),
    "en": re.compile(
        r"\b(?:(?:at|around|about|before|after|until|by|from|shortly\s+(?:before|after)"
        r"|just\s+(?:before|after))\s+)?"
        r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)"
        r"|(?P<h24>[01]\d|2[0-3])(?P<min24>[0-5]\d)(?=\s*(?-i:GMT|UTC|Z\b|[A-Z]{2}T\b)|\s+local)"
        r"|(?P<hc>[01]?\d|2[0-3]):(?P<minc>[0-5]\d)\b"
        r"|(?P<word>noon|midnight)\b)"
        rf"(?:\s*{_ZONE})?{_PAREN}",
        re.I,
    ),
}


def _clock_time(m: re.Match[str]) -> dt.time:
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    word = groups.get("word", "").lower()
    if word:
        hour, minute = (12, 0) if word in ("midi", "noon") else (0, 0)
    else:
        hour = int(groups.get("h") or groups.get("h24") or groups.get("hc") or 0)
        minute = int(groups.get("min") or groups.get("min24") or groups.get("minc") or 0)
        ampm = groups.get("ampm", "").lower()
        if ampm:
            hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    zone = groups.get("zone", "")
    base = re.match(r"[A-Z]+", zone)
    tz = None
    if base and base[0] in ZONES:
        offset = ZONES[base[0]]
        if groups.get("off"):
            offset += int(groups["off"]) * (-1 if groups.get("sign") == "-" else 1)
        tz = dt.timezone(dt.timedelta(hours=offset))
    return dt.time(hour, minute, tzinfo=tz)


# What may separate a day expression from its clock time.
_GAP_AFTER = re.compile(r"[\s,]*")
_GAP_BEFORE = {"fr": re.compile(r"[\s,]*"), "en": re.compile(r"[\s,]*(?:on\s+)?", re.I)}


# --- Rules --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    # The expression is a day label (weekday, date): read it in the zone of an attached clock.
    framed: bool = False
    clock: bool = False  # the rule is the lone clock time


def _rule(name: str, pattern: str, handler: Handler, *, framed: bool = False) -> Rule:
    return Rule(name, first_char_guard(re.compile(pattern, re.I)), handler, framed)


# The regular expression parser's tree, to read which characters can start a match. A private
# module of the standard library: should it change or go, the guard is skipped, nothing else.
try:
    _sre: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _sre = None
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _starts(items: Any) -> tuple[set[str] | None, bool]:
    """The character-class pieces that can start a match of a parsed sequence (None when the
    tree says too little), and whether the sequence can match nothing."""
    pieces: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "ASSERT_NOT" and not av[1].data:
            return set(), False  # "(?!)" never matches
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width: the next item starts the match
        found: set[str] | None
        if name == "LITERAL":
            found, empty = {re.escape(chr(av))}, False
        elif name == "IN":
            found, empty = set(), False
            for kind, value in av:
                if str(kind) == "LITERAL":
                    found.add(re.escape(chr(value)))
                elif str(kind) == "RANGE":
                    found.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif str(kind) == "CATEGORY" and str(value) in _CATEGORIES:
                    found.add(_CATEGORIES[str(value)])
                else:
                    return None, True
        elif name == "SUBPATTERN":
            if av[1] or av[2]:
                return None, True  # a flag changed inside
            found, empty = _starts(av[3])
        elif name == "ATOMIC_GROUP":
            found, empty = _starts(av)
        elif name == "BRANCH":
            found, empty = set(), False
            for branch in av[1]:
                part, part_empty = _starts(branch)
                if part is None:
                    return None, True
                found |= part
                empty = empty or part_empty
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            found, empty = _starts(av[2])
            empty = empty or av[0] == 0
        else:
            return None, True
        if found is None:
            return None, True
        pieces |= found
        if not empty:
            return pieces, False
    return pieces, True


def first_char_guard(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern behind a look-ahead on the characters its matches can start with.

    The engine tries a pattern at every position; a rule that opens on optional words and
    long alternations ("on", a weekday, a month) spends most of its time failing them one by
    one. The look-ahead fails most positions on a single test and matches nothing itself, so
    the matches and their groups stay the same."""
    try:
        pieces, empty = _starts(_sre.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # the parser's tree is not what _starts reads: no guard, same matches
        return pattern
    if not pieces or empty:
        return pattern
    guard = "".join(sorted(pieces))
    return re.compile(f"(?=[{guard}])(?:{pattern.pattern})", pattern.flags)


def _alt(words: dict[str, int] | set[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _months(months: dict[str, int], *, abbreviations_need_period: bool = False) -> str:
    full = {w for w in months if w not in ABBREVIATIONS}
    short = {w for w in months if w in ABBREVIATIONS}
    abbr = rf"(?:{_alt(short)})\." if abbreviations_need_period else rf"(?:{_alt(short)})(?:\.|\b)"
    return rf"(?P<month>(?:{_alt(full)})\b|{abbr})"


# Four-digit years from 1000 to 2099 ("le 14 juillet 1789" must keep its year), unless the
# number is a quantity ("en 2000 ans d'histoire", "in May 1000 people").
_YEAR = (
    r"(?P<year>1\d\d\d|20\d\d)\b"
    r"(?!\s*(?:%|€|\$|(?:ans|euros?|dollars?|personnes|morts|people|votes|exemplaires|copies)\b))"
)
_DAY = r"(?P<day>1er|[12]\d|3[01]|0?[1-9])"
_DAY_EN = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WFR = _alt(WEEKDAYS_FR)
_WEN = _alt(WEEKDAYS_EN)
_MFR = _months(MONTHS_FR)
_MFR_STRICT = _months(MONTHS_FR, abbreviations_need_period=True)
_MEN = _months(MONTHS_EN)
_PARTS_FR = (
    r"(?:\s+(?:soir|matin|après-midi|apres-midi|midi"
    r"|(?:en|dans\s+la)\s+(?:soirée|matinée|journée|nuit|fin\s+de\s+(?:matinée|soirée|journée)"
    r"|début\s+de\s+(?:matinée|soirée|journée|après-midi)|fin\s+d['’]après-midi)))?"
)
_PARTS_EN = r"(?:\s+(?:night|morning|evening|afternoon))?"
# "ce matin-là", "cette nuit-là": a narrative moment, not the publication's.
_NOT_LA = r"(?!-là)"
# Names of events after "la veille", "the day before": relative to that event, not a date.
_NOT_EVENT_FR = r"(?!\s+(?:de|du|des|d['’]))"
_NOT_EVENT_EN = r"(?!\s+(?:the|a|an|his|her|its|their|our|this|that|yesterday)\b)"
# Clock-friendly end of a bare day ("le 7, ...", "le 7 à 15 h"), which "le 7 %" is not.
_BARE_DAY_END = r"(?=\s*(?:[,.;:!?)»]|$|à\s+(?:\d|midi|minuit|l['’]aube)|au\s+(?:soir|matin)))"

# The words of "this week/month/year" in French: this one, the one, of the one, its start.
_PERIODS_FR = {
    "week": (
        r"cette\s+semaine",
        r"la\s+semaine",
        r"de\s+la\s+semaine",
        r"|en\s+début\s+de\s+semaine",
    ),
    "month": (r"ce\s+mois-ci", r"le\s+mois", r"du\s+mois", ""),
    "year": (r"cette\s+année", r"l['’]année", r"de\s+l['’]année", ""),
}


def _period_parts(lang: str) -> list[Rule]:
    """Parts of the anchor's week, month and year (see ``_part_of``): "plus tôt ce mois-ci",
    "depuis le début de l'année", "d'ici la fin de la semaine", "earlier this month", "so far
    this year", "later this week", "by the end of the year"."""
    handlers = {"week": _this_week, "month": _this_month, "year": _this_year}
    rules = []
    for unit, handler in handlers.items():
        if lang == "fr":
            this, the, of_the, start = _PERIODS_FR[unit]
            parts = {
                "earlier": rf"plus\s+tôt\s+(?:{this}|dans\s+{the}){start}",
                "until": rf"depuis\s+le\s+début\s+{of_the}",
                "later": rf"plus\s+tard\s+(?:{this}|dans\s+{the})|d['’]ici\s+(?:à\s+)?la\s+fin\s+{of_the}",
            }
        else:
            parts = {
                "earlier": rf"earlier\s+(?:this|in\s+the)\s+{unit}",
                "until": rf"so\s+far\s+this\s+{unit}",
                "later": rf"later\s+(?:this|in\s+the)\s+{unit}|by\s+the\s+end\s+of\s+(?:this|the)\s+{unit}",
            }
        rules += [
            _rule(f"{part}_this_{unit}", rf"\b(?:{pattern})\b", handler(0, part=part))
            for part, pattern in parts.items()
        ]
    return rules


RULES: dict[str, list[Rule]] = {
    "fr": [
        _rule(
            "night_of_weekdays",
            # "dans la nuit de samedi à dimanche", "(les frappes) de la nuit de samedi à dimanche"
            rf"\b(?:dans\s+|de\s+|pendant\s+|durant\s+)?la\s+nuit\s+d[eu]\s+(?P<wd1>{_WFR})\s+(?:à|au)\s+(?P<wd2>{_WFR})\b",
            _night_of_weekdays(WEEKDAYS_FR),
            framed=True,
        ),
        _rule(
            "night_of_dates",
            rf"\b(?:dans\s+|de\s+|pendant\s+|durant\s+)?la\s+nuit\s+du\s+(?:1er|[12]\d|3[01]|0?[1-9])(?:\s+(?:{_alt(MONTHS_FR)}))?"
            rf"\s+au\s+{_DAY}\s+{_MFR}(?:\s+{_YEAR})?",
            night_of_dates,
            framed=True,
        ),
        _rule(
            "day_range",
            rf"\b(?:(?:les\s+)?(?P<day1>1er|[12]\d|3[01]|0?[1-9])\s+et"
            rf"|du\s+(?P<day1b>1er|[12]\d|3[01]|0?[1-9])\s+au)\s+{_DAY}\s+{_MFR}(?:\s+{_YEAR})?",
            day_range,
        ),
        _rule(
            "deadline",
            rf"\b(?:d['’]ici\s+(?:au|le|à)|au\s+plus\s+tard\s+le)\s+{_DAY}\s+{_MFR}(?:\s+{_YEAR})?",
            deadline,
        ),
        _rule(
            "full_date",
            rf"\b(?:(?:le|ce)\s+)?(?:(?P<wdp>{_WFR})\s+)?{_DAY}\s+{_MFR}(?:\s+{_YEAR})?",
            full_date,
            framed=True,
        ),
        _rule("bare_day", rf"\b(?:le|ce)\s+{_DAY}\b{_BARE_DAY_END}", bare_day, framed=True),
        # A month followed by a number that is not its year is no month ("mai 68").
        _rule(
            "month",
            r"\b(?P<part>(?:début|debut|fin|courant|en|au\s+mois)"
            r"(?:\s+d(?:e\s+|['’]|u\s+mois\s+de\s+)|\s+)|mi-\s*)"
            rf"{_MFR_STRICT}(?:\s+(?P<q>dernier|prochain)\b)?(?:\s+{_YEAR})?(?!\s*\d)",
            month_expr,
        ),
        _rule("month_year", rf"\b(?P<part>){_MFR_STRICT}\s+{_YEAR}", month_expr),
        _rule(
            "year",
            rf"\b(?P<part>début|debut|fin|en|courant|mi-|d['’]ici(?:\s+à)?)\s*{_YEAR}",
            year_expr,
        ),
        _rule("day_before_yesterday", rf"\bavant-hier{_PARTS_FR}\b", _offset(-2)),
        _rule("yesterday", rf"\bhier{_PARTS_FR}\b", _offset(-1)),
        _rule(
            "today",
            rf"\b(?:aujourd['’]hui|ce\s+matin|ce\s+soir|cet\s+après-midi|ce\s+midi){_NOT_LA}\b",
            _offset(0),
        ),
        _rule(
            "last_night",
            rf"\b(?:cette\s+nuit|la\s+nuit\s+dernière|la\s+nuit\s+passée){_NOT_LA}\b",
            _offset(0, span=1),
        ),
        _rule(
            "day_before",
            rf"\b(?:la\s+veille(?:\s+au\s+(?:soir|matin))?\b|la\s+nuit\s+précédente){_NOT_EVENT_FR}",
            _from_previous(-1),
        ),
        _rule("two_days_before", rf"\bl['’]avant-veille\b{_NOT_EVENT_FR}", _from_previous(-2)),
        _rule(
            "day_after",
            rf"\ble\s+lendemain(?:\s+(?:matin|soir))?\b{_NOT_EVENT_FR}",
            _from_previous(1),
        ),
        _rule("two_days_after", rf"\ble\s+surlendemain\b{_NOT_EVENT_FR}", _from_previous(2)),
        _rule(
            "same_day",
            r"\b(?:le\s+même\s+jour|le\s+(?:jour|soir|matin)\s+même|ce\s+(?:même\s+)?jour-là"
            r"|(?:ce\s+(?:soir|matin)|cette\s+(?:nuit|soirée|matinée))-là"
            r"|plus\s+(?:tôt|tard)\s+dans\s+la\s+(?:journée|soirée|matinée))"
            rf"{_NOT_EVENT_FR}",
            _from_previous(0),
        ),
        _rule(
            "days_later",
            r"\b(?P<n>\d+|\w+)\s+jours\s+plus\s+(?P<dir>tard|tôt)\b",
            _from_previous(None),
        ),
        _rule(
            "ago",
            r"\bil\s+y\s+a\s+(?P<n>\d+|\w+)\s+(?P<unit>jours?|semaines?|mois|ans?|années?|heures?)"
            rf"\b{_NOT_EVENT_FR}",
            ago,
        ),
        _rule(
            "early_last_week",
            r"\b(?:en\s+)?début\s+de\s+(?:la\s+)?semaine\s+(?:dernière|passée)\b",
            _part_of_week(-1, 0, 2),
        ),
        _rule(
            "late_last_week",
            r"\b(?:en\s+)?fin\s+de\s+(?:la\s+)?semaine\s+(?:dernière|passée)\b",
            _part_of_week(-1, 3, 6),
        ),
        _rule("last_week", r"\bla\s+semaine\s+(?:dernière|passée)\b", _this_week(-1)),
        _rule(
            "previous_week",
            rf"\bla\s+semaine\s+(?:précédente|d['’]avant)\b{_NOT_EVENT_FR}",
            previous_week,
        ),
        _rule("this_week", rf"\bcette\s+semaine\b{_NOT_LA}", _this_week(0)),
        _rule(
            "weekend",
            r"\b(?:(?:ce|le)\s+week-?end(?:\s+(?P<q>dernier|passé|prochain))?"
            r"|(?P<narrated>au\s+cours\s+du|pendant\s+le|durant\s+le)\s+week-?end)\b",
            weekend,
        ),
        _rule("next_week", r"\bla\s+semaine\s+prochaine\b", _this_week(1)),
        _rule("last_month", r"\ble\s+mois\s+(?:dernier|passé)\b", _this_month(-1)),
        _rule("this_month", r"\bce\s+mois-ci\b", _this_month(0)),
        _rule("next_month", r"\ble\s+mois\s+prochain\b", _this_month(1)),
        _rule(
            "last_year",
            r"\bl['’](?:an|année)\s+(?:dernier|dernière|passé|passée)\b",
            _this_year(-1),
        ),
        *_period_parts("fr"),
        _rule("this_year", rf"\bcette\s+année\b{_NOT_LA}", _this_year(0)),
        _rule("next_year", r"\bl['’](?:an|année)\s+prochaine?\b", _this_year(1)),
        _rule(
            "weekday",
            # Not habits ("chaque lundi", "tous les lundis" fail \b), feasts or newspapers.
            r"\b(?:(?:ce|le)\s+)?(?<!chaque\s)(?<!journal\sdu\s)"
            rf"(?P<wd>{_WFR})\b(?!\s+(?:gras|saint|de\s+Pâques|de\s+Pentecôte|des\s+Rameaux"
            rf"|suivant|précédent)\b){_PARTS_FR}(?:\s+(?P<q>dernier|prochain))?\b",
            _weekday(WEEKDAYS_FR),
            framed=True,
        ),
        Rule("zoned_clock", first_char_guard(CLOCKS["fr"]), zoned_clock, clock=True),
    ],
    "en": [
        _rule(
            "day_range_month_first",
            rf"\b{_MEN}\s*(?P<day1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*"
            rf"{_DAY_EN}\b(?!\s*(?:%|[.,]?\d))(?:,?\s+{_YEAR})?",
            day_range,
        ),
        _rule(
            "day_range_day_first",
            rf"\b(?P<day1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*"
            rf"{_DAY_EN}\s+(?:of\s+)?{_MEN}(?:,?\s+{_YEAR})?",
            day_range,
        ),
        _rule(
            "deadline_month_first",
            rf"\b(?:by|no\s+later\s+than)\s+{_MEN}\s*{_DAY_EN}\b(?!\s*(?:%|[.,]?\d))"
            rf"(?:,?\s+{_YEAR})?",
            deadline,
        ),
        _rule(
            "deadline_day_first",
            rf"\b(?:by|no\s+later\s+than)\s+(?:the\s+)?{_DAY_EN}\s+(?:of\s+)?{_MEN}(?:,?\s+{_YEAR})?",
            deadline,
        ),
        _rule(
            "full_date_month_first",
            rf"\b(?:on\s+)?(?:(?P<wdp>{_WEN}),?\s+)?{_MEN}\s*{_DAY_EN}\b(?!\s*(?:%|[.,]?\d))"
            rf"(?:,?\s+{_YEAR})?",
            full_date,
            framed=True,
        ),
        _rule(
            "full_date_day_first",
            rf"\b(?:on\s+)?(?:(?P<wdp>{_WEN}),?\s+)?(?:the\s+)?{_DAY_EN}\s+(?:of\s+)?{_MEN}"
            rf"(?:,?\s+{_YEAR})?",
            full_date,
            framed=True,
        ),
        _rule(
            "bare_day",
            r"\bon\s+the\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
            r"(?=\s*(?:[,.;:!?)]|$|at\s+\d))",
            bare_day,
            framed=True,
        ),
        # A month followed by a number that is not its year: "in May 7" is May 7.
        _rule(
            "month",
            r"\b(?P<part>early|late|mid-|mid|in|since|last|this|next|earlier\s+in|later\s+in"
            r"|(?:the\s+)?(?:end|beginning)\s+of)\s*"
            rf"{_MEN}(?:,?\s+{_YEAR})?(?!\s*\d)",
            month_expr,
        ),
        _rule("month_year", rf"\b(?P<part>){_MEN}\s+{_YEAR}", month_expr),
        _rule(
            "year",
            rf"\b(?P<part>early|late|mid-|mid|in|by|(?:the\s+)?end\s+of)\s*{_YEAR}",
            year_expr,
        ),
        _rule("day_before_yesterday", r"\bthe\s+day\s+before\s+yesterday\b", _offset(-2)),
        _rule("yesterday", rf"\byesterday{_PARTS_EN}\b", _offset(-1)),
        _rule(
            "today",
            r"(?<!USA\s)(?<!Russia\s)\b(?:today|this\s+morning|this\s+afternoon|this\s+evening"
            r"|tonight)\b",
            _offset(0),
        ),
        _rule(
            "night_into",
            # "overnight into Tuesday", "overnight Friday", "(on) Saturday night into Sunday",
            # "the night of Saturday to Sunday", "overnight Saturday to Sunday"
            rf"\b(?:overnight\s+(?:on\s+)?(?:(?P<wd1>{_WEN})\s+)?(?:into|to)\s+(?P<wd2>{_WEN})"
            rf"|overnight\s+(?:on\s+)?(?P<wd1b>{_WEN})"
            rf"|(?:on\s+)?(?:the\s+night\s+(?:of|from)\s+)?(?P<wd1c>{_WEN})(?:\s+night)?"
            rf"\s+(?:into|to)\s+(?P<wd2c>{_WEN})(?:\s+morning)?)\b",
            _night_into(WEEKDAYS_EN),
            framed=True,
        ),
        _rule("last_night", r"\b(?:last\s+night|overnight)\b", _offset(0, span=1)),
        _rule(
            "day_before",
            r"\b(?:the\s+(?:previous|prior)\s+(?:day|evening|night)|the\s+(?:day|evening|night)\s+before"
            r"|a\s+day\s+(?:earlier|before))"
            rf"\b{_NOT_EVENT_EN}",
            _from_previous(-1),
        ),
        _rule(
            "day_after",
            rf"\b(?:the\s+(?:next|following)\s+day|the\s+day\s+after|a\s+day\s+later)\b"
            rf"{_NOT_EVENT_EN}",
            _from_previous(1),
        ),
        _rule(
            "same_day",
            r"\b(?:(?:on\s+|later\s+|earlier\s+)?(?:the\s+same|that(?:\s+same)?)"
            r"\s+(?:day|morning|afternoon|evening|night)|(?:earlier|later)\s+in\s+the\s+day)\b"
            rf"(?!\s+(?:of|when|as)\b){_NOT_EVENT_EN}",
            _from_previous(0),
        ),
        _rule(
            "days_later",
            r"\b(?P<n>\d+|\w+)\s+days\s+(?P<dir>later|after|earlier|before)\b(?!\s+(?:the|a)\b)",
            _from_previous(None),
        ),
        _rule(
            "ago",
            r"\b(?P<n>\d+|\w+)\s+(?P<unit>days?|weeks?|months?|years?|hours?)\s+ago\b",
            ago,
        ),
        # "the last week of the campaign" is not last week.
        _rule("early_last_week", r"\bearly\s+last\s+week\b", _part_of_week(-1, 0, 2)),
        _rule("late_last_week", r"\blate\s+last\s+week\b", _part_of_week(-1, 3, 6)),
        _rule("last_week", r"(?<!the\s)\blast\s+week\b(?!\s+of\b)", _this_week(-1)),
        _rule(
            "previous_week",
            rf"\bthe\s+(?:previous|prior)\s+week\b|\bthe\s+week\s+before\b{_NOT_EVENT_EN}",
            previous_week,
        ),
        _rule("this_week", r"\bthis\s+week\b", _this_week(0)),
        _rule("next_week", r"(?<!the\s)\bnext\s+week\b(?!\s+of\b)", _this_week(1)),
        _rule(
            "weekend",
            r"\b(?:(?:this\s+)?(?P<q>this|last|next|past)|(?P<narrated>over\s+the|during\s+the|at\s+the))"
            r"\s+weekend\b",
            weekend,
        ),
        _rule("last_month", r"(?<!the\s)\blast\s+month\b(?!\s+of\b)", _this_month(-1)),
        _rule("this_month", r"\bthis\s+month\b", _this_month(0)),
        _rule("next_month", r"(?<!the\s)\bnext\s+month\b(?!\s+of\b)", _this_month(1)),
        _rule("last_year", r"(?<!the\s)\blast\s+year\b(?!\s+of\b)", _this_year(-1)),
        *_period_parts("en"),
        _rule("this_year", r"\bthis\s+year\b", _this_year(0)),
        _rule("next_year", r"(?<!the\s)\bnext\s+year\b(?!\s+of\b)", _this_year(1)),
        _rule(
            "weekday",
            # Not habits ("every Monday"; "Mondays" fails \b), named days or newspapers.
            r"\b(?:(?:early|late)\s+(?:on\s+)?)?(?:(?P<q>last|next|this|on)\s+)?"
            r"(?<!every\s)(?<!super\s)(?<!black\s)(?<!good\s)(?<!cyber\s)(?<!bloody\s)"
            r"(?<!ash\s)(?<!palm\s)(?<!easter\s)(?<!holy\s)"
            rf"(?P<wd>{_WEN})\b(?!\s+(?:school|schools|times|telegraph|mirror|express|post"
            rf"|herald|mass|service|services|league|paper|papers|edition)\b){_PARTS_EN}\b",
            _weekday(WEEKDAYS_EN),
            framed=True,
        ),
        Rule("zoned_clock", first_char_guard(CLOCKS["en"]), zoned_clock, clock=True),
    ],
}


# --- Cues ---------------------------------------------------------------------------------------

# Running every rule over every article is most of the cost of dating it, and most rules find
# nothing. A rule listed here can only match a text that holds one of its cues (in lower case),
# DIGIT standing for any digit; a text with none skips the rule. A rule left out always runs.
DIGIT = "<digit>"
_DIGIT = re.compile(r"\d")
_MONTHS_FR = tuple(MONTHS_FR)
_MONTHS_EN = tuple(MONTHS_EN)
_WEEKDAYS_FR = tuple(WEEKDAYS_FR)
_WEEKDAYS_EN = tuple(WEEKDAYS_EN)
_CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "night_of_weekdays": ("nuit",),
        "night_of_dates": ("nuit",),
        "day_range": (DIGIT,),
        "deadline": (DIGIT,),
        "full_date": (DIGIT,),
        "bare_day": (DIGIT,),
        "month": _MONTHS_FR,
        "month_year": (DIGIT,),
        "year": (DIGIT,),
        "day_before_yesterday": ("avant-hier",),
        "yesterday": ("hier",),
        "today": ("aujourd", "matin", "soir", "midi"),
        "last_night": ("nuit",),
        "day_before": ("veille", "nuit"),
        "two_days_before": ("avant-veille",),
        "day_after": ("lendemain",),
        "two_days_after": ("surlendemain",),
        "same_day": ("même", "-là", "dans"),
        "days_later": ("jours",),
        "early_last_week": ("semaine",),
        "late_last_week": ("semaine",),
        "last_week": ("semaine",),
        "previous_week": ("semaine",),
        "this_week": ("semaine",),
        "weekend": ("week",),
        "next_week": ("semaine",),
        "last_month": ("mois",),
        "this_month": ("mois",),
        "next_month": ("mois",),
        "last_year": ("l'an", "l’an"),
        **{
            f"{part}_this_{unit}": (word,)
            for unit, word in {"week": "semaine", "month": "mois", "year": "année"}.items()
            for part in ("earlier", "until", "later")
        },
        "this_year": ("année",),
        "next_year": ("l'an", "l’an"),
        "weekday": _WEEKDAYS_FR,
        "zoned_clock": (DIGIT, "midi", "minuit"),
    },
    "en": {
        "day_range_month_first": (DIGIT,),
        "day_range_day_first": (DIGIT,),
        "deadline_month_first": (DIGIT,),
        "deadline_day_first": (DIGIT,),
        "full_date_month_first": (DIGIT,),
        "full_date_day_first": (DIGIT,),
        "bare_day": (DIGIT,),
        "month": _MONTHS_EN,
        "month_year": (DIGIT,),
        "year": (DIGIT,),
        "day_before_yesterday": ("yesterday",),
        "yesterday": ("yesterday",),
        "today": ("today", "morning", "afternoon", "evening", "tonight"),
        "night_into": ("overnight", *_WEEKDAYS_EN),
        "last_night": ("night",),
        "day_before": ("previous", "prior", "before", "earlier"),
        "day_after": ("next", "following", "after", "later"),
        "same_day": ("same", "that", "earlier", "later"),
        "days_later": ("days",),
        "ago": ("ago",),
        "early_last_week": ("week",),
        "late_last_week": ("week",),
        "last_week": ("week",),
        "previous_week": ("week",),
        "this_week": ("week",),
        "next_week": ("week",),
        "weekend": ("weekend",),
        "last_month": ("month",),
        "this_month": ("month",),
        "next_month": ("month",),
        "last_year": ("year",),
        **{
            f"{part}_this_{unit}": (unit,)
            for unit in ("week", "month", "year")
            for part in ("earlier", "until", "later")
        },
        "this_year": ("year",),
        "next_year": ("year",),
        "weekday": _WEEKDAYS_EN,
        "zoned_clock": (DIGIT, "noon", "midnight"),
    },
}


# --- Matching -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    priority: int
    rule: Rule
    match: re.Match[str]


def _attached_clock(
    text: str, lang: str, m: re.Match[str], clocks: list[re.Match[str]], taken_until: int
) -> re.Match[str] | None:
    """The clock time right after the expression, or else right before it."""
    for clock in clocks:
        if clock.start() >= m.end() and _GAP_AFTER.fullmatch(text, m.end(), clock.start()):
            return clock
    for clock in clocks:
        if (
            taken_until <= clock.start()
            and clock.end() <= m.start()
            and _GAP_BEFORE[lang].fullmatch(text, clock.end(), m.start())
        ):
            return clock
    return None


def find_dates(
    text: str,
    lang: str,
    published: dt.date | None,
    *,
    dateline: tuple[int, int] | None = None,
) -> Iterator[Resolved]:
    """Date expressions of a text, left to right, resolved (unresolvable ones are skipped).

    ``published`` is the publication day; an aware ``datetime`` also gives its moment, which
    zoned clock times use (see the module docstring). ``dateline`` is the span of a wire
    dateline ("PARIS, Jan. 7 (Reuters) -"): when it names a day, the relative expressions after
    it count from that day (the day the story was filed) and say so (anchor ``dateline``).
    """
    instant = None
    if isinstance(published, dt.datetime):
        instant = published if published.utcoffset() is not None else None
        published = published.date()
    filed = None
    if dateline is not None:
        start, end = dateline
        filed = next(
            (
                r.first
                for r in _resolve(text[:end], lang, published, instant)
                if r.start >= start and r.first == r.last
            ),
            None,
        )
    yield from _resolve(text, lang, published, instant, filed=filed, after=dateline)


def _live_rules(text: str, lang: str) -> Iterator[tuple[int, Rule]]:
    """The rules of ``lang`` that may match ``text``, with their priority (their rank in
    ``RULES``): a rule listed in ``_CUES`` runs only when the text holds one of its cues."""
    lowered = text.lower()
    # Case-blind matching also takes "ı" for "i" and "ſ" for "s", and "İ" lowers to two
    # characters: a text with them keeps every rule.
    if len(lowered) != len(text) or "ı" in text or "ſ" in text:
        yield from enumerate(RULES[lang])
        return
    has_digit = _DIGIT.search(text) is not None
    for priority, rule in enumerate(RULES[lang]):
        cues = _CUES[lang].get(rule.name)
        if (
            cues is None
            or (has_digit and DIGIT in cues)
            or any(cue in lowered for cue in cues if cue != DIGIT)
        ):
            yield priority, rule


def _resolve(
    text: str,
    lang: str,
    published: dt.date | None,
    instant: dt.datetime | None,
    *,
    filed: dt.date | None = None,
    after: tuple[int, int] | None = None,
) -> Iterator[Resolved]:
    candidates = [
        _Candidate(m.start(), m.end(), priority, rule, m)
        for priority, rule in _live_rules(text, lang)
        for m in rule.pattern.finditer(text)
    ]
    # Leftmost first, then longest, then the rule listed first.
    candidates.sort(key=lambda c: (c.start, c.start - c.end, c.priority))
    clocks = [c.match for c in candidates if c.rule.clock]
    label_starts = [c.start for c in candidates if not c.rule.clock]
    taken_until = -1
    previous: tuple[dt.date, dt.date] | None = None
    for candidate in candidates:
        m, rule = candidate.match, candidate.rule
        if candidate.start < taken_until:
            continue
        if rule.clock:
            # A clock time just before a day expression belongs to that expression.
            if any(
                s >= m.end() and _GAP_BEFORE[lang].fullmatch(text, m.end(), s) for s in label_starts
            ):
                continue
            clock: re.Match[str] | None = m
        else:
            clock = _attached_clock(text, lang, m, clocks, taken_until)
        time = _clock_time(clock) if clock is not None else None
        # After a dateline that names a day, relative expressions count from that day.
        by_dateline = filed is not None and after is not None and m.start() >= after[1]
        anchor_day = filed if by_dateline else published
        if rule.framed and time is not None and time.tzinfo is not None and instant is not None:
            anchor_day = instant.astimezone(time.tzinfo).date()
            if by_dateline and filed is not None and published is not None:
                anchor_day += filed - published
        result = rule.handler(m, Context(anchor_day, instant, previous))
        if result is None:
            continue
        first, last, precision, anchor = result
        if by_dateline and anchor == "published":
            anchor = "dateline"
        start, end = m.start(), m.end()
        if clock is not None and precision == "day" and not rule.clock:
            start, end = min(start, clock.start()), max(end, clock.end())
        elif not rule.clock:
            time = None  # a clock time only qualifies a day
        taken_until = end
        if precision == "day":
            previous = (first, last)
        yield Resolved(start, end, first, last, precision, anchor, time)
