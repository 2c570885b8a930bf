"""selon's temporal resolver: French and English date expressions to day intervals.

Every expression is resolved against an anchor: the publication day (relative expressions such
as "mardi soir", "hier", "last Thursday"), the previous date of the text ("la veille", "le
lendemain") or nothing (full dates). An expression that needs an anchor selon does not have is
left unresolved, never guessed. Weekdays without "prochain"/"next" resolve to the most recent
such day on or before the anchor, as news uses them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

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
WEEKDAYS_FR = {
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
}
WEEKDAYS_EN = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "quinze": 15, "one": 1, "a": 1, "an": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "fifteen": 15,
}  # fmt: skip


@dataclass(frozen=True)
class Resolved:
    start: int  # offsets in the text
    end: int
    first: dt.date
    last: dt.date
    precision: str  # day, week, month, year
    anchor: str  # published, previous_date, absolute


def _alt(words: dict[str, int]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


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
    if candidate is not None and candidate > anchor + dt.timedelta(days=1):
        return anchor.year - 1
    return anchor.year


Context = dict[str, dt.date | None]
Handler = Callable[[re.Match[str], Context], tuple[dt.date, dt.date, str, str] | None]


def _num(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)


# --- French -------------------------------------------------------------------------------------

_MFR = _alt(MONTHS_FR)
_WFR = _alt(WEEKDAYS_FR)
_MEN = _alt(MONTHS_EN)
_WEN = _alt(WEEKDAYS_EN)


def _fr_full(m: re.Match[str], ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
    day = 1 if m["day"].lower().startswith("1er") else int(m["day"])
    month = MONTHS_FR[m["month"].lower().rstrip(".")]
    if m["year"]:
        year, anchor = int(m["year"]), "absolute"
    else:
        inferred = _infer_year(ctx["published"], month, day)
        if inferred is None:
            return None
        year, anchor = inferred, "published"
    date = _safe_date(year, month, day)
    return (date, date, "day", anchor) if date else None


def _month_expr(months: dict[str, int]) -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
        month = months[m["month"].lower().rstrip(".")]
        published = ctx["published"]
        if m["year"]:
            year, anchor = int(m["year"]), "absolute"
        elif published is not None:
            year = published.year if month <= published.month else published.year - 1
            anchor = "published"
        else:
            return None
        first, last = _month_bounds(year, month)
        part = (m["part"] or "").lower()
        if part.startswith(("début", "debut", "early", "beginning")):
            last = first + dt.timedelta(days=9)
        elif part.startswith(("fin", "late", "end")):
            first = last - dt.timedelta(days=9)
        elif part.startswith(("mi", "mid")):
            first, last = first + dt.timedelta(days=9), first + dt.timedelta(days=19)
        return first, last, "month", anchor

    return handler


def _year_expr(m: re.Match[str], ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
    year = int(m["year"])
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    part = (m["part"] or "").lower()
    if part.startswith(("début", "debut", "early")):
        last = dt.date(year, 3, 31)
    elif part.startswith(("fin", "late", "end")):
        first = dt.date(year, 10, 1)
    return first, last, "year", "absolute"


def _weekday(weekdays: dict[str, int]) -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
        published = ctx["published"]
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


def _night(weekdays: dict[str, int]) -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
        published = ctx["published"]
        if published is None:
            return None
        second = _past_weekday(published, weekdays[m["wd2"].lower()])
        return second - dt.timedelta(days=1), second, "day", "published"

    return handler


def _offset(days: int, *, span: int = 0) -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
        published = ctx["published"]
        if published is None:
            return None
        day = published + dt.timedelta(days=days)
        return day - dt.timedelta(days=span), day, "day", "published"

    return handler


def _relative_to_previous(days: int) -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
        previous = ctx["previous"]
        if previous is None:
            return None
        day = previous + dt.timedelta(days=days)
        return day, day, "day", "previous_date"

    return handler


def _ago(m: re.Match[str], ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
    published = ctx["published"]
    count = _num(m["n"])
    if published is None or count is None:
        return None
    unit = m["unit"].lower()
    if unit.startswith(("jour", "day")):
        day = published - dt.timedelta(days=count)
        return day, day, "day", "published"
    if unit.startswith(("semaine", "week")):
        first, last = _week_bounds(published - dt.timedelta(days=7 * count))
        return first, last, "week", "published"
    if unit.startswith(("mois", "month")):
        month_index = published.year * 12 + published.month - 1 - count
        first, last = _month_bounds(month_index // 12, month_index % 12 + 1)
        return first, last, "month", "published"
    first, last = dt.date(published.year - count, 1, 1), dt.date(published.year - count, 12, 31)
    return first, last, "year", "published"


def _this_week(weeks: int) -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
        published = ctx["published"]
        if published is None:
            return None
        first, last = _week_bounds(published + dt.timedelta(days=7 * weeks))
        return first, last, "week", "published"

    return handler


def _this_month(months: int, *, until_anchor: bool = False) -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
        published = ctx["published"]
        if published is None:
            return None
        index = published.year * 12 + published.month - 1 + months
        first, last = _month_bounds(index // 12, index % 12 + 1)
        if until_anchor:
            last = published
        return first, last, "month", "published"

    return handler


def _this_year(years: int) -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
        published = ctx["published"]
        if published is None:
            return None
        year = published.year + years
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "published"

    return handler


_DAY = r"(?P<day>1er|[12]\d|3[01]|0?[1-9])"
_PARTS_FR = r"(?:\s+(?:soir|matin|après-midi|apres-midi|midi|(?:en\s+)?(?:fin|début)\s+de\s+(?:matinée|soirée|journée)))?"
_PARTS_EN = r"(?:\s+(?:night|morning|evening|afternoon))?"

RULES: dict[str, list[tuple[re.Pattern[str], Handler]]] = {
    "fr": [
        (
            re.compile(
                rf"\bdans\s+la\s+nuit\s+d[eu]\s+(?P<wd1>{_WFR})\s+(?:à|au)\s+(?P<wd2>{_WFR})\b",
                re.I,
            ),
            _night(WEEKDAYS_FR),
        ),
        (
            re.compile(
                rf"\b(?:(?:le|ce)\s+)?(?:(?:{_WFR})\s+)?{_DAY}\s+(?P<month>{_MFR})\.?(?:\s+(?P<year>(?:19|20)\d\d))?\b",
                re.I,
            ),
            _fr_full,
        ),
        (
            re.compile(
                rf"\b(?:(?P<part>début|debut|fin|mi-|courant|en)\s*)(?P<month>{_MFR})\b\.?(?:\s+(?P<year>(?:19|20)\d\d))?",
                re.I,
            ),
            _month_expr(MONTHS_FR),
        ),
        (
            re.compile(r"\b(?:(?P<part>début|debut|fin|en)\s+)(?P<year>(?:19|20)\d\d)\b", re.I),
            _year_expr,
        ),
        (re.compile(r"\bavant-hier\b", re.I), _offset(-2)),
        (re.compile(r"\bhier(?:\s+(?:soir|matin|après-midi))?\b", re.I), _offset(-1)),
        (
            re.compile(r"\b(?:aujourd['’]hui|ce\s+matin|ce\s+soir|cet\s+après-midi)\b", re.I),
            _offset(0),
        ),
        (re.compile(r"\bcette\s+nuit\b", re.I), _offset(0, span=1)),
        (re.compile(r"\bla\s+veille\b", re.I), _relative_to_previous(-1)),
        (re.compile(r"\ble\s+lendemain\b", re.I), _relative_to_previous(1)),
        (
            re.compile(
                r"\bil\s+y\s+a\s+(?P<n>\d+|\w+)\s+(?P<unit>jours?|semaines?|mois|ans?|années?)\b",
                re.I,
            ),
            _ago,
        ),
        (re.compile(r"\bla\s+semaine\s+(?:dernière|passée)\b", re.I), _this_week(-1)),
        (re.compile(r"\bcette\s+semaine\b", re.I), _this_week(0)),
        (re.compile(r"\ble\s+mois\s+(?:dernier|passé)\b", re.I), _this_month(-1)),
        (re.compile(r"\bplus\s+tôt\s+ce\s+mois-ci\b", re.I), _this_month(0, until_anchor=True)),
        (re.compile(r"\bce\s+mois-ci\b", re.I), _this_month(0)),
        (
            re.compile(r"\bl['’](?:an|année)\s+(?:dernier|dernière|passé|passée)\b", re.I),
            _this_year(-1),
        ),
        (
            re.compile(
                rf"\b(?:(?:ce|le)\s+)?(?P<wd>{_WFR}){_PARTS_FR}(?:\s+(?P<q>dernier|prochain))?\b",
                re.I,
            ),
            _weekday(WEEKDAYS_FR),
        ),
    ],
    "en": [
        (
            re.compile(
                rf"\b(?:(?:{_WEN}),?\s+)?(?P<month>{_MEN})\.?\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?",
                re.I,
            ),
            lambda m, ctx: _en_full(m, ctx),
        ),
        (
            re.compile(
                rf"\b(?:the\s+)?(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MEN})\b\.?(?:,?\s+(?P<year>(?:19|20)\d\d))?",
                re.I,
            ),
            lambda m, ctx: _en_full(m, ctx),
        ),
        (
            re.compile(
                rf"\b(?:(?P<part>early|late|mid-|in|since|last|this)\s*)(?P<month>{_MEN})\b(?:\s+(?P<year>(?:19|20)\d\d))?",
                re.I,
            ),
            _month_expr(MONTHS_EN),
        ),
        (
            re.compile(r"\b(?:(?P<part>early|late|in|end\s+of)\s+)(?P<year>(?:19|20)\d\d)\b", re.I),
            _year_expr,
        ),
        (re.compile(r"\bthe\s+day\s+before\s+yesterday\b", re.I), _offset(-2)),
        (
            re.compile(
                r"\byesterday(?:\s+(?:morning|afternoon|evening))?\b|\blast\s+night\b", re.I
            ),
            _offset(-1),
        ),
        (
            re.compile(
                r"\b(?:today|this\s+morning|this\s+afternoon|this\s+evening|tonight)\b", re.I
            ),
            _offset(0),
        ),
        (re.compile(r"\bovernight\b", re.I), _offset(0, span=1)),
        (
            re.compile(r"\bthe\s+(?:previous|prior)\s+day\b|\bthe\s+day\s+before\b", re.I),
            _relative_to_previous(-1),
        ),
        (
            re.compile(r"\bthe\s+(?:next|following)\s+day\b|\bthe\s+day\s+after\b", re.I),
            _relative_to_previous(1),
        ),
        (
            re.compile(r"\b(?P<n>\d+|\w+)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I),
            _ago,
        ),
        (re.compile(r"\blast\s+week\b", re.I), _this_week(-1)),
        (re.compile(r"\bthis\s+week\b", re.I), _this_week(0)),
        (re.compile(r"\blast\s+month\b", re.I), _this_month(-1)),
        (re.compile(r"\bearlier\s+this\s+month\b", re.I), _this_month(0, until_anchor=True)),
        (re.compile(r"\bthis\s+month\b", re.I), _this_month(0)),
        (re.compile(r"\blast\s+year\b", re.I), _this_year(-1)),
        (
            re.compile(rf"\b(?:(?P<q>last|next|this|on)\s+)?(?P<wd>{_WEN}){_PARTS_EN}\b", re.I),
            _weekday(WEEKDAYS_EN),
        ),
    ],
}


def _en_full(m: re.Match[str], ctx: Context) -> tuple[dt.date, dt.date, str, str] | None:
    day = int(m["day"])
    month = MONTHS_EN[m["month"].lower().rstrip(".")]
    if m["month"].lower() in ("may", "mar") and not m["year"] and m["month"][0].islower():
        return None  # the verb "may", "mar"
    if m["year"]:
        year, anchor = int(m["year"]), "absolute"
    else:
        inferred = _infer_year(ctx["published"], month, day)
        if inferred is None:
            return None
        year, anchor = inferred, "published"
    date = _safe_date(year, month, day)
    return (date, date, "day", anchor) if date else None


def find_dates(text: str, lang: str, published: dt.date | None) -> Iterator[Resolved]:
    """Date expressions of a text, left to right, resolved (unresolvable ones are skipped)."""
    found: list[tuple[int, int, int, Handler, re.Match[str]]] = []
    for priority, (pattern, handler) in enumerate(RULES[lang]):
        for m in pattern.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), priority, handler, m))
    found.sort(key=lambda item: (item[0], item[1], item[2]))
    taken_until = -1
    previous: dt.date | None = None
    for start, _, _, handler, m in found:
        if start < taken_until:
            continue
        result = handler(m, {"published": published, "previous": previous})
        if result is None:
            continue
        first, last, precision, anchor = result
        taken_until = m.end()
        if precision == "day":
            previous = last
        yield Resolved(start, m.end(), first, last, precision, anchor)
