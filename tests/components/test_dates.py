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
