"""Exports: the selected events as CSV, JSON Lines or Parquet, in four layouts.

- ``selon``: one row per event with every field of the record, flattened;
- ``plover``: the PLOVER event-data fields (``event``, ``mode``, ``src_actor``...);
- ``acled``: ACLED-like columns (``event_date``, ``event_type``, ``actor1``, ``fatalities``...);
- ``gdelt``: GDELT-2.0-like columns (``SQLDATE``, ``EventRootCode``, ``QuadClass``...).

Each layout is a list of ``Column``s (name, type, how to compute it), so the Parquet schema is
fixed even when a column is empty, and the README's tables are the same lists. The mappings
from PLOVER to ACLED and CAMEO categories are coarse by nature; they are written out below.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any, Literal

from selon.store.queries import EventFilter, event_claims, iter_events

FORMATS = ("csv", "jsonl", "parquet")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}

Kind = Literal["str", "int", "float", "list"]
Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    get: Callable[[Row], Any]
    doc: str


def _actor(role: str, key: str) -> Callable[[Row], Any]:
    return lambda e: (e.get(role) or {}).get(key)


def _place(key: str) -> Callable[[Row], Any]:
    return lambda e: e["places"][0].get(key) if e.get("places") else None


def _date(key: str) -> Callable[[Row], Any]:
    return lambda e: (e.get("date") or {}).get(key)


def _names(actors: list[Row]) -> list[str]:
    return [a["name"] for a in actors]


def _fatalities(e: Row) -> int | None:
    """The smallest lower bound among the death claims: ACLED's conservative habit."""
    lows = [
        c["min"] for c in e.get("_claims", []) if c["what"] == "deaths" and c.get("min") is not None
    ]
    return int(min(lows)) if lows else None


def _claims_text(e: Row) -> list[str]:
    out = []
    for c in e.get("_claims", []):
        low, high = c.get("min"), c.get("max")
        value = f"{low:g}" if low is not None else "?"
        if high is not None and high != low:
            value += f"-{high:g}"
        who = (c.get("according_to") or {}).get("name") or "article"
        out.append(f"{c['what']}={value} ({who})")
    return out


SELON = [
    Column("event_id", "str", lambda e: e["id"], "the event's id"),
    Column("cluster_id", "str", lambda e: e["cluster_id"], "the merged event it belongs to"),
    Column("type", "str", lambda e: e["type"], "PLOVER type"),
    Column("mode", "str", lambda e: e.get("mode"), "PLOVER mode"),
    Column("context", "list", lambda e: e.get("context", []), "PLOVER contexts"),
    Column("modality", "str", lambda e: e["modality"], "asserted, hedged, denied..."),
    Column("source_name", "str", _actor("source", "name"), "who acts"),
    Column("source_country", "str", _actor("source", "country"), "ISO alpha-3"),
    Column("source_sector", "str", _actor("source", "sector"), "GOV, MIL, CVL..."),
    Column("source_code", "str", _actor("source", "code"), "country + sector"),
    Column("target_name", "str", _actor("target", "name"), "who is acted upon"),
    Column("target_country", "str", _actor("target", "country"), "ISO alpha-3"),
    Column("target_sector", "str", _actor("target", "sector"), ""),
    Column("target_code", "str", _actor("target", "code"), ""),
    Column("date_start", "str", _date("start"), "first possible day"),
    Column("date_end", "str", _date("end"), "last possible day"),
    Column("date_precision", "str", _date("precision"), "day, week, month, year"),
    Column("place_name", "str", _place("name"), "first place"),
    Column("place_country", "str", _place("country"), "ISO alpha-3"),
    Column("place_admin1", "str", _place("admin1"), ""),
    Column("place_precision", "str", _place("precision"), "point, city, admin1, country"),
    Column("latitude", "float", _place("lat"), ""),
    Column("longitude", "float", _place("lon"), ""),
    Column("geonames_id", "int", _place("geonames_id"), ""),
    Column("according_to", "list", lambda e: _names(e.get("according_to", [])), "who reports it"),
    Column("claims", "list", _claims_text, "what=min-max (who asserts it)"),
    Column("num_articles", "int", lambda e: e["num_articles"], ""),
    Column("num_sources", "int", lambda e: e["num_sources"], ""),
    Column("confidence", "float", lambda e: e["confidence"], "0..1"),
    Column("trigger", "str", lambda e: e["trigger"]["text"], "the word that signals it"),
    Column("evidence", "str", lambda e: e["evidence"]["text"], "the sentence(s) it was read from"),
    Column("article_id", "str", lambda e: e["article"]["id"], ""),
    Column("article_title", "str", lambda e: e["article"]["title"], ""),
    Column("article_source", "str", lambda e: e["article"]["source"], ""),
    Column("article_url", "str", lambda e: e["article"]["url"], ""),
    Column("published", "str", lambda e: e["article"]["published"], ""),
    Column("language", "str", lambda e: e["article"]["language"], "fr or en"),
]

PLOVER = [
    Column("id", "str", lambda e: e["id"], "event id"),
    Column("date", "str", _date("start"), "event date (first possible day)"),
    Column("date_end", "str", _date("end"), "last possible day"),
    Column("event", "str", lambda e: e["type"], "PLOVER event type"),
    Column("mode", "str", lambda e: e.get("mode"), "PLOVER mode"),
    Column("context", "list", lambda e: e.get("context", []), "PLOVER contexts"),
    Column("source", "str", _actor("source", "code"), "source code (country + sector)"),
    Column("src_actor", "str", _actor("source", "country"), "source country"),
    Column("src_agent", "str", _actor("source", "sector"), "source sector"),
    Column("src_other", "str", _actor("source", "name"), "source as written"),
    Column("target", "str", _actor("target", "code"), ""),
    Column("tgt_actor", "str", _actor("target", "country"), ""),
    Column("tgt_agent", "str", _actor("target", "sector"), ""),
    Column("tgt_other", "str", _actor("target", "name"), ""),
    Column("modality", "str", lambda e: e["modality"], "selon's addition"),
    Column("geo_name", "str", _place("name"), ""),
    Column("geo_country", "str", _place("country"), ""),
    Column("geo_lat", "float", _place("lat"), ""),
    Column("geo_lon", "float", _place("lon"), ""),
    Column("text", "str", lambda e: e["evidence"]["text"], "event text (evidence)"),
    Column("story_date", "str", lambda e: e["article"]["published"], "publication time"),
    Column("url", "str", lambda e: e["article"]["url"], ""),
    Column("publisher", "str", lambda e: e["article"]["source"], ""),
    Column("language", "str", lambda e: e["article"]["language"], ""),
]

# PLOVER type (and mode or target) -> ACLED event_type / sub_event_type.
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "PROTEST": ("Protests", "Peaceful protest"),
    "COERCE": ("Strategic developments", "Arrests"),
    "MOBILIZE": ("Strategic developments", "Change to group/activity"),
    "AGREE": ("Strategic developments", "Agreement"),
    "RETREAT": ("Strategic developments", "Non-violent transfer of territory"),
    "SANCTION": ("Strategic developments", "Other"),
    "THREATEN": ("Strategic developments", "Other"),
}
REMOTE_MODES = {"aerial", "shelling", "artillery", "missile", "drone", "explosive", "bombing"}
ACLED_INTER = {"MIL": 1, "GOV": 1, "COP": 1, "REB": 2, "CVL": 7, "OPP": 6, "PTY": 3}


def _acled_type(e: Row) -> tuple[str, str]:
    if e["type"] == "ASSAULT":
        if (e.get("mode") or "") in REMOTE_MODES:
            return "Explosions/Remote violence", "Air/drone strike" if e.get("mode") in (
                "aerial",
                "drone",
            ) else "Shelling/artillery/missile attack"
        if (e.get("target") or {}).get("sector") == "CVL":
            return "Violence against civilians", "Attack"
        return "Battles", "Armed clash"
    if e["type"] == "PROTEST" and e.get("mode") == "riot":
        return "Riots", "Violent demonstration"
    return ACLED_TYPES.get(e["type"], ("Strategic developments", "Other"))


def _acled_inter(role: str) -> Callable[[Row], Any]:
    def get(e: Row) -> int | None:
        actor = e.get(role)
        if actor is None:
            return None
        if e["type"] == "PROTEST" and role == "source":
            return 5 if e.get("mode") == "riot" else 6
        return ACLED_INTER.get(actor.get("sector") or "", 8)

    return get


PRECISION_CODE = {"day": 1, "week": 2, "month": 2, "year": 3}
GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 2, "country": 3}

ACLED = [
    Column("event_id_cnty", "str", lambda e: e["id"], "event id"),
    Column("event_date", "str", _date("start"), "YYYY-MM-DD"),
    Column("year", "int", lambda e: int(e["date"]["start"][:4]) if e.get("date") else None, ""),
    Column(
        "time_precision",
        "int",
        lambda e: PRECISION_CODE.get(_date("precision")(e) or ""),
        "1 day, 2 week/month, 3 year",
    ),
    Column(
        "disorder_type",
        "str",
        lambda e: (
            "Political violence"
            if e["type"] == "ASSAULT"
            else "Demonstrations"
            if e["type"] == "PROTEST"
            else "Strategic developments"
        ),
        "",
    ),
    Column("event_type", "str", lambda e: _acled_type(e)[0], "from the PLOVER type and mode"),
    Column("sub_event_type", "str", lambda e: _acled_type(e)[1], ""),
    Column("actor1", "str", _actor("source", "name"), ""),
    Column("assoc_actor_1", "str", _actor("source", "code"), "the actor's code"),
    Column(
        "inter1",
        "int",
        _acled_inter("source"),
        "1 state, 2 rebels, 3 militia, 5 rioters, 6 protesters, 7 civilians, 8 other",
    ),
    Column("actor2", "str", _actor("target", "name"), ""),
    Column("assoc_actor_2", "str", _actor("target", "code"), ""),
    Column("inter2", "int", _acled_inter("target"), ""),
    Column(
        "civilian_targeting",
        "str",
        lambda e: (
            "Civilian targeting"
            if (e.get("target") or {}).get("sector") == "CVL" and e["type"] == "ASSAULT"
            else None
        ),
        "",
    ),
    Column("iso3", "str", _place("country"), "ISO alpha-3 (ACLED has the numeric code)"),
    Column("admin1", "str", _place("admin1"), ""),
    Column("location", "str", _place("name"), ""),
    Column("latitude", "float", _place("lat"), ""),
    Column("longitude", "float", _place("lon"), ""),
    Column(
        "geo_precision",
        "int",
        lambda e: GEO_PRECISION.get(_place("precision")(e) or ""),
        "1 town, 2 region, 3 country",
    ),
    Column("source", "str", lambda e: e["article"]["source"], ""),
    Column("notes", "str", lambda e: e["evidence"]["text"].strip(), "the evidence"),
    Column("fatalities", "int", _fatalities, "smallest lower bound of the death claims"),
    Column("tags", "str", lambda e: e["modality"], "selon's modality"),
]

# PLOVER type -> CAMEO root code, the QuadClass that follows, and a Goldstein-like weight.
CAMEO_ROOT: dict[str, str] = {
    "REQUEST": "02",
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "18",
}
GOLDSTEIN = {
    "02": 3.0,
    "03": 4.0,
    "04": 1.0,
    "05": 3.5,
    "06": 6.0,
    "07": 7.0,
    "08": 5.0,
    "11": -2.0,
    "12": -4.0,
    "13": -6.0,
    "14": -6.5,
    "15": -7.2,
    "16": -4.0,
    "17": -7.0,
    "18": -9.0,
    "19": -10.0,
}


def _cameo_root(e: Row) -> str:
    root = CAMEO_ROOT[e["type"]]
    if root == "18" and (e.get("target") or {}).get("sector") == "MIL":
        return "19"  # fight, rather than assault
    return root


def _quad(e: Row) -> int:
    root = int(_cameo_root(e))
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _geo_type(e: Row) -> int | None:
    precision = _place("precision")(e)
    return None if precision is None else {"country": 1, "admin1": 5, "admin2": 5}.get(precision, 4)


GDELT = [
    Column("GLOBALEVENTID", "str", lambda e: e["id"], "selon's event id (GDELT's is a number)"),
    Column(
        "SQLDATE",
        "int",
        lambda e: int(e["date"]["start"].replace("-", "")) if e.get("date") else None,
        "YYYYMMDD",
    ),
    Column(
        "MonthYear",
        "int",
        lambda e: int(e["date"]["start"][:7].replace("-", "")) if e.get("date") else None,
        "YYYYMM",
    ),
    Column("Year", "int", lambda e: int(e["date"]["start"][:4]) if e.get("date") else None, ""),
    Column("Actor1Code", "str", _actor("source", "code"), ""),
    Column("Actor1Name", "str", _actor("source", "name"), ""),
    Column("Actor1CountryCode", "str", _actor("source", "country"), "ISO alpha-3 (as CAMEO)"),
    Column("Actor1Type1Code", "str", _actor("source", "sector"), ""),
    Column("Actor2Code", "str", _actor("target", "code"), ""),
    Column("Actor2Name", "str", _actor("target", "name"), ""),
    Column("Actor2CountryCode", "str", _actor("target", "country"), ""),
    Column("Actor2Type1Code", "str", _actor("target", "sector"), ""),
    Column("IsRootEvent", "int", lambda e: 1, ""),
    Column("EventCode", "str", _cameo_root, "CAMEO root only"),
    Column("EventBaseCode", "str", _cameo_root, ""),
    Column("EventRootCode", "str", _cameo_root, "from the PLOVER type"),
    Column(
        "QuadClass",
        "int",
        _quad,
        "1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict",
    ),
    Column(
        "GoldsteinScale",
        "float",
        lambda e: GOLDSTEIN[_cameo_root(e)],
        "typical value of the root code",
    ),
    Column("NumMentions", "int", lambda e: e["num_articles"], ""),
    Column("NumSources", "int", lambda e: e["num_sources"], ""),
    Column("NumArticles", "int", lambda e: e["num_articles"], ""),
    Column("ActionGeo_Type", "int", _geo_type, "1 country, 4 city, 5 region"),
    Column("ActionGeo_FullName", "str", _place("name"), ""),
    Column("ActionGeo_CountryCode", "str", _place("country"), "ISO alpha-3 (GDELT has FIPS)"),
    Column("ActionGeo_ADM1Code", "str", _place("admin1"), ""),
    Column("ActionGeo_Lat", "float", _place("lat"), ""),
    Column("ActionGeo_Long", "float", _place("lon"), ""),
    Column(
        "ActionGeo_FeatureID",
        "str",
        lambda e: str(_place("geonames_id")(e) or "") or None,
        "GeoNames id",
    ),
    Column("DATEADDED", "str", lambda e: e["article"]["published"], "publication time"),
    Column("SOURCEURL", "str", lambda e: e["article"]["url"], ""),
]

LAYOUTS: dict[str, list[Column]] = {
    "selon": SELON,
    "plover": PLOVER,
    "acled": ACLED,
    "gdelt": GDELT,
}


def rows(db: sqlite3.Connection, flt: EventFilter, layout: str = "selon") -> Iterable[Row]:
    """The matching events as rows of a layout (claims fetched in batches of 500)."""
    columns = LAYOUTS[layout]
    batch: list[Row] = []

    def flush() -> Iterable[Row]:
        claims = event_claims(db, [e["id"] for e in batch])
        for event in batch:
            event["_claims"] = claims.get(event["id"], [])
            yield {c.name: c.get(event) for c in columns}
        batch.clear()

    for event in iter_events(db, flt):
        batch.append(event)
        if len(batch) == 500:
            yield from flush()
    yield from flush()


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else value


def write(
    db: sqlite3.Connection, flt: EventFilter, out: IO[bytes], *, fmt: str, layout: str
) -> int:
    """Write the export to a binary stream; returns the number of rows."""
    columns = LAYOUTS[layout]
    count = 0
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {
            "str": pa.string(),
            "int": pa.int64(),
            "float": pa.float64(),
            "list": pa.list_(pa.string()),
        }
        schema = pa.schema([(c.name, types[c.kind]) for c in columns])
        data = list(rows(db, flt, layout))
        pq.write_table(pa.Table.from_pylist(data, schema=schema), out)
        return len(data)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        if fmt == "csv":
            writer = csv.writer(text)
            writer.writerow([c.name for c in columns])
            for row in rows(db, flt, layout):
                writer.writerow([_csv_value(row[c.name]) for c in columns])
                count += 1
        elif fmt == "jsonl":
            for row in rows(db, flt, layout):
                text.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        else:
            raise ValueError(f"unknown format {fmt!r}")
    finally:
        text.detach()
    return count


def export_bytes(db: sqlite3.Connection, flt: EventFilter, *, fmt: str, layout: str) -> bytes:
    buffer = io.BytesIO()
    write(db, flt, buffer, fmt=fmt, layout=layout)
    return buffer.getvalue()


def layout_table(layout: str) -> str:
    """A layout's columns as a Markdown table (the README's)."""
    lines = ["| column | type | meaning |", "|---|---|---|"]
    lines += [f"| `{c.name}` | {c.kind} | {c.doc} |" for c in LAYOUTS[layout]]
    return "\n".join(lines)
