import pytest

from selon.phrases import PhraseTable, fold, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Élysée", "elysee"),
        ("N’Djamena", "n'djamena"),
        ("Aïn Témouchent", "ain temouchent"),
        ("Œuvre", "ouvre"),
        ("45\u202f000", "45 000"),
    ],
)
def test_phrases_fold_keeps_length(text, folded):
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


def test_phrases_words_split_on_apostrophes_and_hyphens():
    assert words("N'Djamena") == ("n", "djamena")
    assert words("États-Unis") == ("etats", "unis")


def test_phrases_table_longest_match_with_offsets():
    table: PhraseTable[str] = PhraseTable()
    table.add("Congo", "COG")
    table.add("République démocratique du Congo", "COD")
    text = "En République démocratique du Congo, pas au Congo."
    found = [(text[m.start : m.end], m.values) for m in table.find(text)]
    assert found == [("République démocratique du Congo", ("COD",)), ("Congo", ("COG",))]


def test_phrases_table_capitalised_only():
    table: PhraseTable[str] = PhraseTable()
    table.add("Paris", "FRA")
    assert [m.values for m in table.find("les paris sportifs à Paris", capitalised=True)] == [
        ("FRA",)
    ]


def test_phrases_table_does_not_join_across_sentences():
    table: PhraseTable[str] = PhraseTable()
    table.add("Washington Post", "paper")
    assert list(table.find("à Washington. Post-scriptum")) == []
