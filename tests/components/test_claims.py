from selon.evaluation.scorer import score_article


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


def test_claims_a_figure_without_its_noun_takes_up_the_one_before(fr_record):
    record = fr_record(
        "Selon le ministère de l'Intérieur, 1,28 million de manifestants ont été recensés, "
        "dont 81 000 à Paris. À Marseille, la police a compté 16 000 personnes, les syndicats "
        "280 000."
    )
    assert ("protesters", 81000, 81000, False, "ministère de l'Intérieur") in claims(record)
    assert ("people", 280000, 280000, False, "syndicats") in claims(record)


def test_claims_ranges_keep_both_bounds(en_record):
    record = en_record(
        "Turnout was disputed: in Paris, estimates of the number of protesters ranged from "
        "81,000 to 700,000."
    )
    assert [(c.min, c.max) for c in record.claims if c.max == 700000] == [(81000, 700000)]


def test_claims_a_passive_report_is_the_articles_own(fr_record):
    record = fr_record("Aucune victime n'a été signalée après le tir de missiles.")
    [claim] = record.claims
    assert (claim.min, claim.max, claim.according_to) == (0, 0, None)


def test_claims_each_figure_takes_the_source_next_to_it(fr_record):
    record = fr_record(
        "À Marseille, le cortège a rassemblé 30 000 personnes d'après la police, "
        "245 000 selon les syndicats."
    )
    sources = {c.min: c.according_to.name if c.according_to else None for c in record.claims}
    assert sources == {30000: "police", 245000: "syndicats"}


def test_claims_a_sum_announced_is_the_articles_own(en_record):
    record = en_record("The Pentagon announced a first $1 billion tranche of weapons for Kyiv.")
    [claim] = record.claims
    assert (claim.what, claim.min, claim.according_to) == ("money", 1e9, None)


def test_claims_a_reported_toll_keeps_its_reporter(en_record):
    record = en_record(
        "Camp leaders gave a higher toll of five dead. One student was taken to hospital."
    )
    assert claims(record)[:2] == [
        ("deaths", 5, 5, False, "Camp leaders"),
        ("student", 1, 1, False, None),
    ]


def test_scorer_splits_claims_into_value_and_source(en_record):
    record = en_record("At least 12 people were killed, according to the health ministry.")
    gold = {"claims": [{"text": "At least 12 people", "min": 12, "max": None, "approx": False}]}
    for source, expected in (("health ministry", (1, 0)), ("opposition", (0, 1))):
        facets = score_article(
            record, {**gold, "claims": [{**gold["claims"][0], "according_to": source}]}
        ).facets
        assert (facets["claim_value"].tp, facets["claim_value"].fp) == (1, 0)
        assert (facets["claim_source"].tp, facets["claim_source"].fp) == expected
        assert facets["claims"].tp == expected[0]


def test_claims_a_zero_counts_only_what_an_event_counts(en_record):
    record = en_record(
        "The Pentagon said no civilians had been harmed and that the militia had no mandate. "
        "No damage was reported."
    )
    assert [(c.what, c.min, c.max) for c in record.claims] == [
        ("injured", 0, 0),
        ("damage", 0, 0),
    ]


def test_claims_a_figure_before_a_participle_counts_its_victims(fr_record):
    record = fr_record(
        "D'après l'opposition, au moins onze manifestants sont morts et plus de cinquante ont "
        "été blessés par balles."
    )
    assert ("injured", 51, None, False, "opposition") in claims(record)


def test_claims_sides_and_nights_are_not_counted(en_record):
    record = en_record(
        "Police cleared thousands of pro-European protesters over four nights; the two sides "
        "blamed each other."
    )
    assert claims(record) == [("protesters", 2000, 9999, True, None)]
