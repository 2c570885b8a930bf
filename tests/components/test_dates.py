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
