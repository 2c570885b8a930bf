def dates(record):
    return [(e.date.start, e.date.end, e.date.precision) if e.date else None for e in record.events]


def test_dates_night_spans_two_days(fr_record):
    record = fr_record("Des frappes russes ont visé Kharkiv dans la nuit de samedi à dimanche.")
    assert dates(record) == [("2024-05-25", "2024-05-26", "day")]


def test_dates_weekday_resolved_before_publication(en_record):
    record = en_record("Russian forces shelled Kharkiv on Thursday.")
    assert dates(record) == [("2024-05-23", "2024-05-23", "day")]


def test_dates_never_the_publication_date_by_default(en_record):
    record = en_record("Russian forces shelled Kharkiv.")
    assert dates(record) == [None]


def test_dates_no_anchor_no_relative_date(fr_record):
    record = fr_record("Des frappes russes ont visé Kharkiv mardi.", published=None)
    assert dates(record) == [None]


def test_dates_the_dateline_day_is_not_the_event_day(en_record):
    record = en_record("KYIV, May 24 (Agency) - Russian missiles struck Kharkiv.")
    assert dates(record) == [None]


def test_dates_a_reaction_takes_the_day_of_the_narrative(fr_record, en_record):
    record = fr_record(
        "Des frappes russes ont visé Kharkiv jeudi. Le président ukrainien a dénoncé un crime "
        "de guerre."
    )
    assert dates(record) == [("2024-05-23", "2024-05-23", "day")] * 2
    # The record points at the expression the day came from, in the earlier sentence.
    reaction = record.events[1].date
    assert reaction is not None and reaction.text == "jeudi" and reaction.start_offset == 36
    record = en_record(
        "Russian missiles struck Kharkiv on Thursday. Ukraine's foreign ministry condemned the "
        "attack."
    )
    assert dates(record) == [("2024-05-23", "2024-05-23", "day")] * 2


def test_dates_a_paragraph_without_a_day_goes_on_with_the_story(en_record):
    record = en_record(
        "Russian missiles struck Kharkiv on Thursday.\n\nOn Friday, police arrested two "
        "protesters in Moscow.\n\nUkraine's president condemned the strikes."
    )
    assert dates(record) == [
        ("2024-05-23", "2024-05-23", "day"),
        ("2024-05-24", "2024-05-24", "day"),
        ("2024-05-23", "2024-05-23", "day"),  # not Friday's arrests
    ]


def test_dates_habits_plans_and_accusations_take_no_day_of_the_narrative(fr_record, en_record):
    record = en_record(
        "Russian missiles struck Kharkiv on Thursday. Ukraine has repeatedly accused Moscow of "
        "targeting civilians."
    )
    assert dates(record)[1:] == [None, None]
    record = en_record(
        "Russian missiles struck Kharkiv on Thursday. Ukraine will ask the United Nations for an "
        "emergency meeting."
    )
    assert dates(record)[1:] == [None]
    record = fr_record(
        "Des frappes russes ont visé Kharkiv jeudi. L'Ukraine accuse régulièrement la Russie de "
        "viser des civils."
    )
    assert dates(record)[1:] == [None, None]


def test_dates_a_date_of_another_clause_or_a_limit_is_not_the_event_date(en_record):
    assert dates(en_record("Police arrested a man who arrived in Paris on Wednesday.")) == [None]
    assert dates(en_record("Police detained the activist until Friday.")) == [None]


def test_dates_a_report_dates_what_it_reports_as_a_last_resort(en_record):
    record = en_record(
        "On Saturday, the army said its troops had repelled an attack by the rebels."
    )
    assert dates(record) == [("2024-05-25", "2024-05-25", "day")]


def test_dates_same_day_counts_from_the_previous_date(en_record):
    record = en_record(
        "Russian missiles struck Kharkiv on Thursday. The same day, police arrested two men in "
        "Moscow."
    )
    assert dates(record) == [("2024-05-23", "2024-05-23", "day")] * 2
    assert record.events[1].date is not None and record.events[1].date.anchor == "previous_date"


def test_dates_planned_and_future_acts_look_forward(fr_record, en_record):
    record = fr_record("Le président ukrainien doit rencontrer samedi son homologue turc à Ankara.")
    assert dates(record) == [("2024-06-01", "2024-06-01", "day")]
    record = fr_record(
        "Le président ukrainien doit rencontrer son homologue turc le 3 janvier à Ankara."
    )
    assert dates(record) == [("2025-01-03", "2025-01-03", "day")]
    record = en_record("Students said they would block the bridges in Belgrade on Saturday.")
    assert dates(record) == [("2024-06-01", "2024-06-01", "day")]


def date_of(record, word):
    """The date of the event whose trigger starts with ``word``."""
    text = record.article.text
    event = next(e for e in record.events if text[e.trigger.start :].startswith(word))
    return (event.date.start, event.date.end, event.date.precision) if event.date else None


def test_dates_a_relative_clause_does_not_take_the_date_of_its_noun(en_record):
    record = en_record(
        "Crowds mourned the killing of the commander last Wednesday, which Iran blamed on Israel."
    )
    assert date_of(record, "blamed") is None


def test_dates_an_act_a_report_names_takes_no_day_of_the_narrative(fr_record):
    record = fr_record(
        "Des drones ukrainiens ont frappé Belgorod jeudi. Le FSB a annoncé l'arrestation de deux "
        "habitants."
    )
    assert date_of(record, "arrestation") is None


def test_dates_a_reaction_to_a_dated_act_takes_no_day_of_the_narrative(en_record):
    record = en_record(
        "Rockets hit the air base on Thursday. The government condemned Friday's attack on a "
        "convoy."
    )
    assert date_of(record, "condemned") is None


def test_dates_a_day_relative_to_another_act(fr_record):
    record = fr_record(
        "Les ministres ont adopté jeudi de nouvelles sanctions. Le lendemain du sommet, le "
        "président a salué un accord."
    )
    assert date_of(record, "salué") is None  # "le lendemain du sommet" is no day we know
    record = fr_record(
        "L'Union européenne a adopté mardi de nouvelles sanctions contre la Russie. Ces "
        "annonces tombent au lendemain d'un entretien téléphonique entre Donald Trump et "
        "Vladimir Poutine."
    )
    assert date_of(record, "entretien") == ("2024-05-20", "2024-05-20", "day")


def test_dates_the_day_of_a_plan(fr_record, en_record):
    record = en_record(
        "Unions marched in Paris on Thursday. A new day of protest is set for Saturday."
    )
    assert date_of(record, "protest") == ("2024-06-01", "2024-06-01", "day")
    record = fr_record(
        "Les syndicats ont manifesté jeudi. Une nouvelle journée est prévue samedi, et la "
        "police a arrêté deux militants."
    )
    assert date_of(record, "arrêté") is None  # the plan's day is not the arrests'


def test_dates_an_earlier_act_in_the_pluperfect(fr_record, en_record):
    record = en_record("Rockets hit the air base on Thursday. The rebels had rejected the account.")
    assert date_of(record, "rejected") is None
    record = fr_record(
        "Des manifestants ont bloqué le centre de Tbilissi jeudi. Des centaines de policiers "
        "avaient été déployés."
    )
    assert date_of(record, "déployés") == ("2024-05-23", "2024-05-23", "day")


def test_dates_the_story_day_is_a_recent_one(fr_record):
    record = fr_record(
        "La journaliste est détenue depuis la mi-avril.\n\nElle a été interpellée le 11 avril à "
        "Batoumi.\n\nLa présidente a salué son courage."
    )
    assert date_of(record, "salué") is None


def test_dates_a_report_dates_its_news_through_a_dateline(en_record):
    record = en_record(
        "TBILISI, May 24 (Agency) - Russian peacekeepers have begun pulling out of the region, "
        "the Kremlin confirmed on Friday."
    )
    assert date_of(record, "pulling") == ("2024-05-24", "2024-05-24", "day")


def test_dates_a_participle_on_the_trigger_noun_dates_it(fr_record):
    record = fr_record(
        "Le syndicat a appelé ses membres à suivre la grève des audiences prévue lundi."
    )
    assert date_of(record, "grève") == ("2024-05-27", "2024-05-27", "day")  # a plan: ahead


def test_dates_a_noun_the_act_is_done_in_shares_its_time(fr_record):
    record = fr_record(
        "L'échange avait été annoncé jeudi dans une déclaration commune de l'Arménie et de "
        "l'Azerbaïdjan."
    )
    assert date_of(record, "déclaration") == ("2024-05-23", "2024-05-23", "day")


def test_dates_a_relative_clause_habit_is_not_the_act_s(fr_record):
    record = fr_record(
        "Des frappes ont touché l'hôpital jeudi. Les autorités ont imputé la frappe aux rebelles, "
        "qui assiègent la ville depuis mai."
    )
    assert date_of(record, "imputé") == ("2024-05-23", "2024-05-23", "day")


def test_dates_the_day_before_a_present_tense_story(fr_record):
    record = fr_record(
        "Au lendemain d'une grève massive des cheminots, les syndicats dressent un bilan."
    )
    assert date_of(record, "grève") == ("2024-05-25", "2024-05-25", "day")


def test_dates_an_announced_act_from_a_weekday_is_ahead(fr_record):
    record = fr_record(
        "Le bâtonnier a annoncé une grève des audiences de deux jours à partir de lundi."
    )
    assert date_of(record, "grève") == ("2024-05-27", "2024-05-27", "day")


def test_dates_a_date_after_a_noun_trigger_dates_it(fr_record, en_record):
    """A date that complements a noun trigger, adjectives between, is its own, however the
    sentence is parsed."""
    record = fr_record(
        "Le dialogue a repris malgré les violentes frappes russes de la nuit de samedi à "
        "dimanche sur Odessa et plusieurs villes, qui ont fait six morts."
    )
    assert date_of(record, "frappes") == ("2024-05-25", "2024-05-26", "day")
    record = en_record("Kyiv condemned the deadly strikes of Saturday night on the capital.")
    assert date_of(record, "strikes") == ("2024-05-25", "2024-05-25", "day")
    assert date_of(record, "condemned") is None


def test_dates_a_statement_before_a_pluperfect_does_not_report_it(fr_record, en_record):
    """ "did not respond; ... the group had rejected": the clause before is another act, not
    the report of the pluperfect one, which stays undated."""
    record = en_record(
        "Shells hit the market on Saturday. The rebels did not respond to requests for comment; "
        "after the first attack, the group had rejected the army's account."
    )
    assert date_of(record, "rejected") is None
    record = en_record(
        "Shells hit the market on Saturday. The police had arrested two men, they said."
    )
    assert date_of(record, "arrested") == ("2024-05-25", "2024-05-25", "day")
    record = fr_record(
        "Des obus ont frappé le marché samedi. Les rebelles n'ont pas répondu, et après la "
        "première attaque, le groupe avait rejeté la version de l'armée."
    )
    assert date_of(record, "rejeté") is None
