import pytest


def triples(record):
    return [
        (
            e.type,
            e.source.code if e.source else None,
            e.target.code if e.target else None,
            e.modality,
        )
        for e in record.events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Des frappes russes ont visé Kharkiv dans la nuit.",
            ("ASSAULT", "RUSMIL", "UKR", "asserted"),
        ),
        ("La police a arrêté le maire d'Istanbul.", ("COERCE", "COP", "TURGOV", "asserted")),
        ("L'Union européenne a sanctionné la Russie.", ("SANCTION", "EU", "RUSGOV", "asserted")),
    ],
)
def test_events_fr_verbal(fr_record, text, expected):
    assert expected in triples(fr_record(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces shelled Kharkiv overnight.", ("ASSAULT", "RUSMIL", "UKR", "asserted")),
        (
            "The European Union sanctioned Russia on Monday.",
            ("SANCTION", "EU", "RUSGOV", "asserted"),
        ),
    ],
)
def test_events_en_verbal(en_record, text, expected):
    assert expected in triples(en_record(text))


def test_events_negation_is_denied(en_record):
    record = en_record("Ukraine did not attack the refinery, officials in Kyiv said.")
    assert [e.modality for e in record.events if e.type == "ASSAULT"] == ["denied"]


def test_events_conditional_mood_is_hedged(fr_record):
    record = fr_record("L'armée aurait bombardé le village selon des témoins.")
    assert [e.modality for e in record.events if e.type == "ASSAULT"] == ["hedged"]


def test_events_threatened_act_is_not_an_event(fr_record):
    record = fr_record("Moscou a menacé de frapper les centres de décision à Kiev.")
    assert [e.type for e in record.events] == ["THREATEN"]


def test_events_no_political_event(en_record):
    record = en_record("The weather was mild in the capital and shops reopened after the holiday.")
    assert record.events == []


def test_events_date_from_the_quote_speaker_is_not_the_event_date(fr_record):
    record = fr_record("« Les frappes ont visé des civils », a déclaré mardi le gouverneur.")
    assert all(e.date is None for e in record.events)


def test_events_reported_in_quote_take_the_speaker(fr_record):
    record = fr_record(
        "Le gouverneur Oleh Synehoubov a déclaré : « Les Russes ont bombardé la ville toute la nuit. »"
    )
    [event] = [e for e in record.events if e.type == "ASSAULT"]
    assert [a.name for a in event.according_to] == ["Oleh Synehoubov"]


def test_events_paragraph_break_ends_a_sentence(fr_record):
    record = fr_record(
        "Les positions visées auraient été évacuées.\n\nTéhéran a accusé Washington de chercher "
        "à étendre la guerre."
    )
    assert ("ACCUSE", "IRNGOV", "USAGOV", "asserted") in triples(record)


def test_events_launch_needs_a_weapon(fr_record, en_record):
    assert en_record("The band launched its world tour in Lisbon on Friday.").events == []
    assert fr_record("Le chef étoilé a lancé un nouveau menu à Lyon.").events == []


def test_events_launch_of_a_weapon_is_an_assault(en_record):
    record = en_record("North Korea launched two ballistic missiles toward Japan on Sunday.")
    assert [e.type for e in record.events] == ["ASSAULT"]


def test_events_protesters_address_their_government(fr_record):
    record = fr_record("PARIS, 7 mars – Des centaines de milliers de personnes ont défilé mardi.")
    (event,) = [e for e in record.events if e.type == "PROTEST"]
    assert (event.source.code, event.target.code) == ("FRACVL", "FRAGOV")
    assert event.target.role == "implied by the protest"


def test_events_a_labour_strike_is_a_protest(en_record):
    record = en_record("Rail workers went on a national strike against the pension reform.")
    assert [e.type for e in record.events] == ["PROTEST"]


def test_events_not_withdrawing_a_bill_is_a_rejection(fr_record):
    record = fr_record("Le gouvernement français ne retirera pas son projet de loi.")
    assert ("REJECT", "FRAGOV", None, "asserted") in triples(record)


def test_events_generic_actor_takes_the_country_of_the_place(en_record):
    record = en_record("Police arrested dozens of students in Belgrade on Monday.")
    assert [(e.type, e.source.code) for e in record.events] == [("COERCE", "SRBCOP")]


def test_events_a_second_verb_with_its_own_subject_is_a_second_act(en_record):
    record = en_record(
        "Antony Blinken condemned the missile launches, and he accused Pyongyang of lying."
    )
    assert [e.type for e in record.events].count("ACCUSE") == 2


def test_events_agentless_passive_arrest_is_by_the_police(en_record):
    record = en_record("Six students were detained in Belgrade on Monday.")
    assert ("COERCE", "SRBCOP", "SRBEDU", "asserted") in triples(record)


def test_events_implied_police_is_lent_to_no_other_event(fr_record):
    record = fr_record(
        "Deux militants ont été arrêtés jeudi à Tbilissi. Le parti a dénoncé une provocation."
    )
    accuse = [e for e in record.events if e.type == "ACCUSE"]
    assert all(e.target is None or e.target.code != "GEOCOP" for e in accuse)


def test_requested_release_is_no_concession(fr_record):
    # what is demanded is the content of the REQUEST, not a CONCEDE of its own
    record = fr_record("Les manifestants exigent la libération de deux journalistes de Kiev.")
    assert "REQUEST" in {e.type for e in record.events}
    assert "CONCEDE" not in {e.type for e in record.events}


def test_counted_arrests_imply_the_police(fr_record):
    record = fr_record("Dix-huit interpellations ont eu lieu à Lille jeudi soir.")
    assert ("COERCE", "FRACOP", "FRACVL", "asserted") in triples(record)


def test_completing_an_exchange_is_doing_it(fr_record):
    record = fr_record("Kiev et Moscou ont achevé lundi un échange de prisonniers.")
    assert "CONCEDE" in {e.type for e in record.events}
    concede = next(e for e in record.events if e.type == "CONCEDE")
    assert concede.source is not None


def test_toll_of_a_named_attack_is_no_second_event(fr_record):
    record = fr_record("L'attaque russe contre la gare de Kramatorsk a tué douze civils.")
    assert [e.type for e in record.events].count("ASSAULT") == 1
