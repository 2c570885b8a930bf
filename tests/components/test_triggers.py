"""Event triggers read from the lexicon files (``selon/data/events/triggers_*.tsv``).

Each case is a sentence written for the test and the trigger reading it must get: either the
(type, mode) of an extracted event, or, where arguments are not the point, the entry that the
trigger word starts in the table (``match_trigger``).
"""

from __future__ import annotations

import pytest

from selon.components.events import match_trigger
from selon.lexicon import triggers
from selon.pipeline import load_pipeline


def _found(record):
    return {(e.type, e.mode) for e in record.events}


def _reading(lang: str, text: str, word: str) -> tuple[str, str] | None:
    """The (type, lemma) of the trigger that ``word`` starts in ``text``, if any."""
    doc = load_pipeline(lang)(text)
    token = next(t for t in doc if t.text == word)
    pos = "VERB" if token.pos_ == "VERB" else "NOUN"
    matched = match_trigger(token, triggers(lang), pos)
    return (matched[0].type, matched[0].lemma) if matched else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les rebelles assiègent la ville de Goma depuis un mois.", ("COERCE", "siege")),
        ("Un manifestant a giflé un policier devant le Parlement.", ("ASSAULT", "beat")),
        ("La Russie a notifié les États-Unis avant le tir d'essai.", ("CONSULT", None)),
        ("Le Japon a élevé une protestation auprès de la Corée du Nord.", ("ACCUSE", None)),
        ("La Hongrie s'est opposée à la prolongation des sanctions.", ("REJECT", None)),
        ("La Chine a opposé son veto au projet de résolution.", ("REJECT", "veto")),
    ],
)
def test_triggers_fr(fr_record, text, expected):
    assert expected in _found(fr_record(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan lodged a protest with North Korea on Friday.", ("ACCUSE", None)),
        ("Moscow notified Washington an hour before the test launch.", ("CONSULT", None)),
        ("Macron spoke by phone with Biden on Monday.", ("CONSULT", "phone")),
        ("Masked protesters smashed shop windows in the capital.", ("PROTEST", "riot")),
        ("Rebel fighters besieged the city of El Fasher.", ("COERCE", "siege")),
        ("The central bank will unfreeze Mali's accounts next week.", ("CONCEDE", "ease")),
        ("Iraq rejected the militia's calls for calm.", ("REQUEST", None)),
    ],
)
def test_triggers_en(en_record, text, expected):
    assert expected in _found(en_record(text))


def test_transitive_opposer_is_no_refusal(fr_record):
    # "X a opposé A à B" sets two sides against each other; only "s'opposer" refuses.
    record = fr_record("De violents combats ont opposé l'armée aux rebelles dans la nuit.")
    assert "REJECT" not in {e.type for e in record.events}


def test_calls_for_calm_are_no_phone_call(en_record):
    record = en_record("Iraq rejected the militia's calls for calm.")
    assert "CONSULT" not in {e.type for e in record.events}


@pytest.mark.parametrize(
    ("lang", "text", "word", "expected"),
    [
        ("fr", "Des échanges de tirs ont eu lieu près de la frontière.", "échanges", "ASSAULT"),
        ("fr", "Des patrouilles conjointes seront organisées.", "patrouilles", "COOPERATE"),
        (
            "fr",
            "Le Kenya et la Somalie ont conclu un échange de prisonniers.",
            "échange",
            "CONCEDE",
        ),
        ("en", "An exchange of fire was reported near the border.", "exchange", "ASSAULT"),
        ("en", "The two leaders held a phone call on Monday.", "call", "CONSULT"),
    ],
)
def test_trigger_readings(lang, text, word, expected):
    reading = _reading(lang, text, word)
    assert reading is not None and reading[0] == expected


@pytest.mark.parametrize(
    ("lang", "text", "word", "expected"),
    [
        # a hyphenated word inside a multi-word entry is one token
        ("fr", "Le ministre a opposé une fin de non-recevoir aux grévistes.", "opposé", "REJECT"),
        ("fr", "Le préfet a reconduit à la frontière trois hommes.", "reconduit", "COERCE"),
    ],
)
def test_multi_word_readings(lang, text, word, expected):
    reading = _reading(lang, text, word)
    assert reading is not None and reading[0] == expected


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        # "strike" is no inflection of "string" (nor of any entry's word)
        ("en", "A state-owned string factory reopened on Monday.", "string"),
        # "reconduire" alone renews (a strike, a mandate): only "à la frontière" deports
        ("fr", "Les cheminots ont voté pour reconduire le mouvement.", "reconduire"),
        # a trade exchange is no prisoner exchange
        ("fr", "L'échange commercial entre les deux pays a doublé.", "échange"),
    ],
)
def test_no_reading(lang, text, word):
    assert _reading(lang, text, word) is None


def test_inflection_tolerance():
    from selon.components.events import _inflected

    assert _inflected("aériennes", "aérienne")
    assert _inflected("nationaux", "national")
    assert not _inflected("string", "strike")


def test_entry_starting_with_an_adjective(en_record):
    record = en_record("The United States and South Korea began a joint exercise near Busan.")
    assert ("COOPERATE", "military") in _found(record)


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        ("fr", "Le président a signé un décret sur la réforme des retraites.", "AGREE"),
        ("en", "The governor signed an executive order on water use.", "AGREE"),
        ("en", "A state-backed bank opened a branch in Leeds.", "SUPPORT"),
        ("fr", "Des images partagées par des habitants montrent la rue inondée.", "COOPERATE"),
        ("fr", "Le gymnase de Lyon accueille depuis lundi 300 familles.", "CONSULT"),
    ],
)
def test_spurious_triggers(fr_record, en_record, lang, text, absent):
    record = (fr_record if lang == "fr" else en_record)(text)
    assert absent not in {e.type for e in record.events}
