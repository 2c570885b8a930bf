"""The offline gazetteer: what it holds and how names are looked up (no spaCy model needed)."""

from __future__ import annotations

import pytest

from selon.gazetteer import MIN_CITY_POPULATION, gazetteer, name_key, place_words


def kinds(phrase: str) -> set[str]:
    return {e.kind for e in gazetteer().candidates(phrase)}


def countries(phrase: str) -> set[str | None]:
    return {e.country for e in gazetteer().candidates(phrase)}


def test_threshold_is_a_packaged_one() -> None:
    assert MIN_CITY_POPULATION in (500, 1000, 5000, 15000)


def test_arabic_articles_are_one_word() -> None:
    assert name_key("Deir ez-Zor") == name_key("Deir el-Zor") == ("deir", "al", "zor")
    assert name_key("N'Djamena") == ("n", "djamena")
    assert name_key("Aïn Témouchent") == ("ain", "temouchent")


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Kharkov", "UKR"),
        ("Mossoul", "IRQ"),
        ("Al Mawsil", "IRQ"),
        ("Dayr az Zawr", "SYR"),
        ("Deir el-Zor", "SYR"),
        ("Le Caire", "EGY"),
        ("Caire", "EGY"),
        ("Pékin", "CHN"),
        ("Téhéran", "IRN"),
        ("Kaboul", "AFG"),
        ("N'Djamena", "TCD"),
        ("Ndjamena", "TCD"),
        ("Hmeimim", "SYR"),
        ("Nord-Kivu", "COD"),
        ("Idlib", "SYR"),
    ],
)
def test_variants_are_known(phrase: str, country: str) -> None:
    assert country in countries(phrase)


def test_countries_regions_and_bases() -> None:
    assert "country" in kinds("Géorgie") and "admin1" in kinds("Georgia")
    assert "base" in kinds("Al Asad Air Base")
    assert "airport" in kinds("Baghdad International Airport")
    assert "base" in kinds("Incirlik Air Base")
    assert "region" in kinds("Cisjordanie")


def test_demonyms_are_context_not_places() -> None:
    gaz = gazetteer()
    assert not gaz.candidates("Russian")
    assert any(e.kind == "demonym" for e in gaz.table[name_key("Russian")])


def test_regions_sit_at_the_centre_of_their_cities() -> None:
    (kharkiv,) = [e for e in gazetteer().candidates("Kharkiv Oblast") if e.kind == "admin1"]
    assert kharkiv.lat is not None and kharkiv.lon is not None
    assert 49.0 < kharkiv.lat < 50.5 and 35.5 < kharkiv.lon < 37.5
    assert kharkiv.precision == "admin1" and kharkiv.admin1 == "Kharkiv"


def test_find_is_capitalised_and_longest() -> None:
    gaz = gazetteer()
    text = "les paris de Paris et la base Al Asad Air Base, en mer Rouge"
    found = [text[m.start : m.end] for m in gaz.find(text)]
    assert "paris" not in found
    assert "Paris" in found
    assert "Al Asad Air Base" in found
    assert "mer Rouge" in found


def test_a_generic_head_may_come_before_an_article_or_a_lower_case_name() -> None:
    assert "mer d'Azov" in _found("Les navires croisent en mer d'Azov.")
    assert "golfe d'Aden" in _found("Un cargo a sombré dans le golfe d'Aden.")
    assert "frontière israélo-libanaise" in _found("Tirs près de la frontière israélo-libanaise.")
    # a border with no name of its own, or a lower-case name the gazetteer does not hold
    assert _found("des tirs ont eu lieu près de la frontière ce matin.") == []
    assert _found("des tirs ont eu lieu à la frontière libanaise.") == []
    # an elided article does not join a generic head to a lower-case word
    assert _found("il a parlé de la mer d'un ton grave.") == []


def test_admin1_names() -> None:
    gaz = gazetteer()
    assert gaz.admin1_names[("UKR", "07")] == "Kharkiv"
    assert gaz.admin1_names[("USA", "GA")] == "Georgia"


def _found(text: str) -> list[str]:
    return [text[m.start : m.end] for m in gazetteer().find(text)]


def test_later_words_of_a_name_are_capitalised_where_the_name_is() -> None:
    assert "La porte" not in _found("La porte-parole a démenti.")
    assert _found("L'agence Sana a évoqué des victimes.") == ["Sana"]  # not "Sana a"
    assert "Deir ez-Zor" in _found("Des frappes à Deir ez-Zor.")
    assert "Émirats arabes unis" in _found("Les Émirats arabes unis ont condamné.")
    assert "Zaporizhzhia nuclear power plant" in _found("at the Zaporizhzhia nuclear power plant")


def test_words_listed_as_never_places() -> None:
    assert _found("The plant was seized in March 2022.") == []
    assert _found("The North fired missiles.") == []
    assert _found("Rebels seized towns in North Kivu.") == ["North Kivu"]
    assert _found("Protesters reached the Green Zone.") == ["Green Zone"]


def test_another_name_of_a_country() -> None:
    assert {"COG", "COD"} <= countries("Congo")
    (drc,) = [e for e in gazetteer().candidates("Congo") if e.country == "COD"]
    assert drc is gazetteer().by_country["COD"]


def test_demonyms_and_capitals_by_country() -> None:
    gaz = gazetteer()
    assert gaz.demonyms["ukrainiennes"] == "UKR" and gaz.demonyms["malian"] == "MLI"
    assert gaz.capitals["RUS"].name == "Moscow" and gaz.capitals["UKR"].country == "UKR"


def test_place_words_are_read_from_the_data_file() -> None:
    words = place_words()
    assert "près" in words["at"] and "into" in words["towards"]
    assert "outskirts" in words["place_noun"] and "capitale" in words["capital"]
