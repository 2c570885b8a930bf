"""The language data files: they load, have no duplicate keys and cover every country."""

from collections import Counter

import pycountry
import pytest

from selon.lexicon import (
    actor_table,
    channels,
    countries,
    quantity_nouns,
    read_tsv,
    speech_verbs,
    split_cell,
    triggers,
)
from selon.phrases import words
from selon.records import PLOVER_TYPES, SECTORS


def test_lexicon_every_iso_country_has_french_and_english_names_and_demonyms():
    table = countries()
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in table]
    assert missing == []
    for code, country in table.items():
        assert country.name_en and country.name_fr, code
    with_demonyms = sum(1 for c in table.values() if c.demonyms)
    assert with_demonyms / len(table) > 0.85


def test_lexicon_no_name_belongs_to_two_countries():
    owners: dict[tuple[str, ...], set[str]] = {}
    for code, country in countries().items():
        for name in (*country.names, *country.demonyms, *country.capitals):
            owners.setdefault(words(name), set()).add(code)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert shared == {}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lexicon_triggers_are_valid_and_unique(lang):
    rows = list(read_tsv(f"events/triggers_{lang}.tsv"))
    keys = Counter((r["lemma"].lower(), r["pos"]) for r in rows)
    assert [k for k, n in keys.items() if n > 1] == []
    for row in rows:
        assert row["type"] in PLOVER_TYPES, row
        assert row["pos"] in ("VERB", "NOUN"), row
    table = triggers(lang)
    assert len(table.single) + sum(len(v) for v in table.multi.values()) == len(rows)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lexicon_sector_terms_and_small_tables(lang):
    rows = list(read_tsv(f"actors/sectors_{lang}.tsv"))
    assert all(r["sector"] in SECTORS and r["kind"] in ("generic", "title", "body") for r in rows)
    terms = Counter(r["term"].lower() for r in rows)
    assert [t for t, n in terms.items() if n > 1] == []
    assert speech_verbs(lang) and quantity_nouns(lang) and len(channels(lang))
    assert len(actor_table(lang)) > 2000


def test_lexicon_seats_igos_people_are_well_formed():
    igo_codes = {r["code"] for r in read_tsv("actors/igos.tsv")}
    for row in read_tsv("actors/seats.tsv"):
        assert row["lang"] in ("fr", "en", "*") and (
            not row["sector"] or row["sector"] in SECTORS
        ), row
    for row in read_tsv("actors/people.tsv"):
        assert row["country"] in countries() or row["country"] in igo_codes, row
        assert row["sector"] in SECTORS, row
    seats = Counter((words(r["name"]), r["lang"]) for r in read_tsv("actors/seats.tsv"))
    assert [k for k, n in seats.items() if n > 1] == []


def people_owners() -> dict[tuple[str, ...], set[str]]:
    """Every folded name and variant of people.tsv, with the people (rows) it names."""
    owners: dict[tuple[str, ...], set[str]] = {}
    for row in read_tsv("actors/people.tsv"):
        for name in [row["name"], *split_cell(row["variants"])]:
            owners.setdefault(words(name), set()).add(row["name"])
    return owners


def test_lexicon_no_variant_names_two_people():
    """A name or variant, one word or several ("Hemedti", "Kim"), names one person only;
    a second row for the same person under another spelling is a duplicate too."""
    shared = {k: v for k, v in people_owners().items() if len(v) > 1}
    assert shared == {}


def test_lexicon_people_names_are_not_places_or_groups():
    """A person's variant that is also a country word, a seat or an IGO ("Türk", "Turk")
    would make that word ambiguous wherever it occurs."""
    other: set[tuple[str, ...]] = set()
    for country in countries().values():
        other.update(words(n) for n in (*country.names, *country.demonyms, *country.capitals))
    other.update(words(r["name"]) for r in read_tsv("actors/seats.tsv"))
    other.update(words(r["name"]) for r in read_tsv("actors/igos.tsv"))
    assert sorted(k for k in people_owners() if k in other) == []
