import pytest

from selon.dateline import find_dateline


@pytest.mark.parametrize(
    "text",
    [
        "KHARKIV, 26 mai (Agence X) – Des frappes...",
        "WASHINGTON, Jan. 7 (Reuters) - The Pentagon...",
        "GOMA, May 26 (Lakes Courier) - Two shells...",
        "NAIROBI — Police fired...",
        "Tripoli (AFP) - Des combats...",
    ],
)
def test_dateline_found(text):
    span = find_dateline(text)
    assert span is not None and text[span[1] :].strip()[0].isupper()


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces shelled Kharkiv - and more.",
        "La Russie a frappé Kiev dans la nuit - selon...",
    ],
)
def test_dateline_not_in_prose(text):
    assert find_dateline(text) is None


def test_dateline_place_is_not_an_event_place(en_record):
    record = en_record("KYIV, April 24 (Agency) - Russian missiles pounded Kharkiv overnight.")
    assert [p.name for e in record.events for p in e.places] == ["Kharkiv"]
    assert all(e.source is None or e.source.name != "KYIV" for e in record.events)
