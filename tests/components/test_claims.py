def claims(record):
    return [
        (c.what, c.min, c.max, c.approx, c.according_to.name if c.according_to else None)
        for c in record.claims
    ]


def test_claims_toll_with_source(fr_record):
    record = fr_record("Au moins 12 personnes ont été tuées, selon le ministère de la Santé.")
    assert claims(record) == [("deaths", 12, None, False, "ministère de la Santé")]


def test_claims_inside_a_quote_take_the_speaker(en_record):
    record = en_record(
        'Governor Oleh Syniehubov said: "Dozens of drones were launched at the city."'
    )
    assert claims(record) == [("drones", 24, 99, True, "Oleh Syniehubov")]


def test_claims_zero_by_negation(en_record):
    record = en_record("No casualties were reported after the drone attack, the army said.")
    assert [(c.min, c.max) for c in record.claims] == [(0, 0)]


def test_claims_years_and_durations_are_not_claims(fr_record):
    record = fr_record("En 2022, la guerre durait depuis 3 jours quand la ville est tombée.")
    assert record.claims == []
