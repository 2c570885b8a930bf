import pytest


def actors_by_name(record):
    return {e.actor.name: e.actor for e in record.entities if e.actor is not None}


def test_actors_person_with_title_and_demonym(fr_record):
    record = fr_record(
        "Le ministre turc des Affaires étrangères Hakan Fidan a rencontré son homologue à Ankara."
    )
    actor = actors_by_name(record)["Hakan Fidan"]
    assert (actor.country, actor.sector, actor.code) == ("TUR", "GOV", "TURGOV")
    assert "ministre turc des Affaires étrangères" in actor.role


def test_actors_apposition_gives_country_and_sector(fr_record):
    record = fr_record(
        "Igor Konachenkov, porte-parole du ministère russe de la Défense, a démenti toute frappe."
    )
    actor = actors_by_name(record)["Igor Konachenkov"]
    assert (actor.country, actor.sector) == ("RUS", "MIL")


def test_actors_later_surname_takes_first_full_mention(en_record):
    record = en_record(
        "Russian Foreign Minister Sergei Lavrov spoke in Moscow on Tuesday. Lavrov said talks were over."
    )
    names = [
        e.actor.name for e in record.entities if e.actor is not None and e.actor.sector == "GOV"
    ]
    assert names.count("Sergei Lavrov") == 2


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Le Kremlin a rejeté la proposition.", "RUSGOV"),
        ("L'armée ukrainienne a frappé un dépôt.", "UKRMIL"),
        ("La police kényane a arrêté des manifestants.", "KENCOP"),
        ("L'OTAN a dénoncé une provocation.", "NATO"),
        ("Les gardes-frontières ukrainiens ont arrêté deux hommes.", "UKRCOP"),
    ],
)
def test_actors_seats_generic_and_igos_fr(fr_record, text, code):
    record = fr_record(text)
    codes = {e.source.code for e in record.events if e.source is not None}
    assert code in codes


def test_actors_common_words_are_not_countries(en_record):
    record = en_record("Protesters told us they would return; the un-named official left.")
    assert all(e.actor is None or e.actor.country != "USA" for e in record.entities)
