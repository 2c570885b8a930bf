"""Loading selon's language data: the TSV files under ``selon/data/`` that users extend.

Each loader reads its files once per process (cached) and returns plain tables. Users add
entries by editing the files, or by pointing ``SELON_DATA_DIR`` at a folder with the same
layout whose rows are added to the packaged ones.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from selon.phrases import PhraseTable

DATA_DIR = Path(__file__).with_name("data")


def data_dirs() -> list[Path]:
    extra = os.environ.get("SELON_DATA_DIR")
    return [DATA_DIR] + ([Path(extra)] if extra else [])


def read_tsv(relative: str) -> Iterator[dict[str, str]]:
    """Rows of a TSV data file (packaged, then the user's), as dicts; # lines are comments."""
    for root in data_dirs():
        path = root / relative
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if line.strip() and not line.startswith("#"))
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
                yield {k: (v or "").strip() for k, v in row.items() if k is not None}


def split_cell(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


@dataclass(frozen=True)
class ActorEntry:
    """What a phrase says about an actor."""

    kind: str  # country, capital, demonym, seat, igo, sector
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    name: str | None = None  # canonical name (countries, IGOs, people)
    role_kind: str | None = None  # sector terms: generic, title, body; seats: their kind
    role: str | None = None  # for people: the office


@dataclass(frozen=True)
class Country:
    iso3: str
    name_en: str
    name_fr: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country of ``data/actors/countries.tsv`` by ISO alpha-3 code."""
    table: dict[str, Country] = {}
    for row in read_tsv("actors/countries.tsv"):
        en, fr = split_cell(row["names_en"]), split_cell(row["names_fr"])
        demonyms = split_cell(row.get("demonyms_en", "")) + split_cell(row.get("demonyms_fr", ""))
        table[row["iso3"]] = Country(
            iso3=row["iso3"],
            name_en=en[0] if en else row["iso3"],
            name_fr=fr[0] if fr else row["iso3"],
            names=tuple(en + fr),
            demonyms=tuple(demonyms),
            capitals=tuple(split_cell(row.get("capitals", ""))),
        )
    return table


@lru_cache(maxsize=2)
def actor_table(lang: str) -> PhraseTable[ActorEntry]:
    """Phrases that name or describe actors in one language, with what each says."""
    table: PhraseTable[ActorEntry] = PhraseTable()
    for country in countries().values():
        for name in country.names:
            table.add(
                name, ActorEntry("country", country.iso3, None, country.iso3, country.name_en)
            )
        for capital in country.capitals:
            table.add(capital, ActorEntry("capital", country.iso3, "GOV", country.iso3 + "GOV"))
        for demonym in country.demonyms:
            table.add(demonym, ActorEntry("demonym", country.iso3, None, country.iso3))
    for row in read_tsv("actors/seats.tsv"):
        if row["lang"] not in ("*", lang):
            continue
        iso3 = row.get("country") or None
        sector = row.get("sector") or None
        code = (iso3 or "") + (sector or "") or None
        kind = row.get("kind") or None
        table.add(row["name"], ActorEntry("seat", iso3, sector, code, row["name"], kind))
    igo_codes = set()
    for row in read_tsv("actors/igos.tsv"):
        igo_codes.add(row["code"])
        table.add(row["name"], ActorEntry("igo", None, "IGO", row["code"], row["code"]))
    for row in read_tsv("actors/people.tsv"):
        where = row.get("country") or None
        if where in igo_codes:
            entry = ActorEntry(
                "person", None, "IGO", where, row["name"], None, row.get("role") or None
            )
        else:
            sector = row.get("sector") or None
            entry = ActorEntry(
                "person",
                where,
                sector,
                actor_code_of(where, sector),
                row["name"],
                None,
                row.get("role") or None,
            )
        for name in [row["name"], *split_cell(row.get("variants", ""))]:
            table.add(name, entry)
    for row in read_tsv(f"actors/sectors_{lang}.tsv"):
        entry = ActorEntry("sector", None, row["sector"], None, None, row["kind"])
        for form in inflections(row["term"], lang):
            table.add(form, entry)
    return table


def actor_code_of(country: str | None, sector: str | None) -> str | None:
    return (country or "") + (sector or "") or None


def inflections(term: str, lang: str) -> list[str]:
    """The term and its plural (on the first word for multi-word terms: "forces armées")."""
    first, _, rest = term.partition(" ")
    if first.endswith(("s", "x", "z")):
        plurals = [first]
    elif lang == "fr" and first.endswith(("eau", "au")):
        plurals = [first + "x"]
    elif lang == "fr" and first.endswith("al"):
        plurals = [first[:-2] + "aux", first + "s"]
    elif lang == "en" and first.endswith("man"):
        plurals = [first[:-3] + "men"]
    elif lang == "en" and first.endswith("y") and first[-2:-1] not in "aeiou":
        plurals = [first[:-1] + "ies"]
    else:
        plurals = [first + "s"]
    if rest and lang == "en":
        # English inflects the last word: "border guard" -> "border guards".
        last = term.rsplit(" ", 1)
        return [term, last[0] + " " + inflections(last[1], lang)[-1]]
    return [term] + [p + (" " + rest if rest else "") for p in plurals]


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True)
class TriggerTable:
    """Single-word triggers by (lemma, pos); multi-word ones by the lemma of their head word."""

    single: dict[tuple[str, str], Trigger]
    multi: dict[tuple[str, str], tuple[tuple[tuple[str, ...], Trigger], ...]]

    def get(self, key: tuple[str, str]) -> Trigger | None:
        return self.single.get(key)


REFLEXIVES = ("se", "s'", "s’")


@lru_cache(maxsize=2)
def triggers(lang: str) -> TriggerTable:
    """Event triggers of one language. A multi-word lemma ("frappe aérienne", "mettre en
    garde", "se retirer") is keyed on its first word other than a reflexive pronoun."""
    single: dict[tuple[str, str], Trigger] = {}
    multi: dict[tuple[str, str], list[tuple[tuple[str, ...], Trigger]]] = {}
    for row in read_tsv(f"events/triggers_{lang}.tsv"):
        lemma = row["lemma"].lower().replace("’", "'")
        trigger = Trigger(
            lemma=lemma,
            pos=row["pos"],
            type=row["type"],
            mode=row.get("mode") or None,
            context=tuple(split_cell(row.get("context", "").replace(",", "|"))),
        )
        words = tuple(lemma.replace("s'", "se ").split())
        if words and words[0] == "se":
            words = (*words[1:], "<reflexive>")
        if len(words) == 1:
            single.setdefault((words[0], trigger.pos), trigger)
        else:
            multi.setdefault((words[0], trigger.pos), []).append((words[1:], trigger))
    return TriggerTable(
        single,
        {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in multi.items()},
    )


@lru_cache(maxsize=2)
def speech_verbs(lang: str) -> dict[str, str | None]:
    """Reporting verbs by lemma, with the channel they imply (``tweeter`` -> Twitter)."""
    return {
        row["lemma"].lower(): row.get("channel") or None
        for row in read_tsv(f"lexicon/speech_{lang}.tsv")
    }


@lru_cache(maxsize=2)
def quantity_nouns(lang: str) -> dict[str, str]:
    """Nouns counted in claims, by folded lemma, with the normalised ``what``."""
    from selon.phrases import fold

    return {fold(row["noun"]): row["what"] for row in read_tsv(f"lexicon/quantities_{lang}.tsv")}


@lru_cache(maxsize=2)
def channels(lang: str) -> PhraseTable[str]:
    """Phrases that name the channel of a statement: "communiqué", "on X", "state television"."""
    table: PhraseTable[str] = PhraseTable()
    for row in read_tsv(f"lexicon/channels_{lang}.tsv"):
        table.add(row["phrase"], row["channel"])
    return table
