import pytest


def places(record):
    return {(p.name, p.country) for e in record.events for p in e.places}


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("Des frappes russes ont visé Kharkiv dans la nuit.", "Kharkiv", "UKR"),
        ("Russian drones struck Kharkov overnight.", "Kharkov", "UKR"),
        ("Des roquettes ont frappé Mossoul mardi.", "Mossoul", "IRQ"),
        ("Des manifestants ont défilé à Bagdad contre le gouvernement.", "Bagdad", "IRQ"),
    ],
)
def test_places_variants_and_exonyms(fr_record, en_record, text, place, country):
    record = (en_record if text.startswith("Russian") else fr_record)(text)
    assert (place, country) in places(record)


def test_places_common_words_are_not_places(fr_record):
    record = fr_record("Les paris sportifs ont été interdits pendant la manifestation.")
    assert not any(p.name.lower() == "paris" for e in record.events for p in e.places)
