from selon.components.quotes import find_quote_spans


def speakers(record):
    return [(q.kind, q.speaker.name if q.speaker else None) for q in record.quotes]


def test_quotes_before_with_colon(fr_record):
    record = fr_record(
        "Le président Emmanuel Macron a déclaré : « Nous ne reculerons pas devant la menace. »"
    )
    assert ("direct", "Emmanuel Macron") in speakers(record)


def test_quotes_after_and_inverted_pronoun(fr_record):
    record = fr_record(
        "Le gouverneur Oleh Synehoubov a fait le point. « Douze immeubles ont été touchés », a-t-il précisé."
    )
    assert speakers(record)[-1] == ("direct", "Oleh Synehoubov")
    assert record.quotes[-1].verb == "préciser"


def test_quotes_english_after(en_record):
    record = en_record(
        '"We will not be intimidated by these attacks," Prime Minister Keir Starmer said.'
    )
    assert speakers(record) == [("direct", "Keir Starmer")]


def test_quotes_continuation_keeps_the_speaker(en_record):
    record = en_record(
        '"The strikes hit homes and a school," Governor Oleh Syniehubov said on Telegram.\n\n'
        '"Rescuers are still working through the rubble."'
    )
    assert [s for _, s in speakers(record)] == ["Oleh Syniehubov", "Oleh Syniehubov"]
    assert record.quotes[0].channel == "Telegram"


def test_quotes_partial_goes_to_the_clause_subject(fr_record):
    record = fr_record("Le Kremlin a dénoncé une « provocation inacceptable » de l'Occident.")
    assert speakers(record) == [("partial", "Kremlin")]


def test_quotes_indirect_speech(en_record):
    record = en_record("The Pentagon said that two drones had been shot down near the base.")
    [quote] = record.quotes
    assert quote.kind == "indirect" and quote.speaker.code == "USAMIL"
    assert quote.text.startswith("two drones")


def test_quotes_span_paragraphs_when_the_mark_opens_again(fr_record):
    record = fr_record(
        "La porte-parole du ministère, Lina Haddad, a déclaré :\n\n"
        "« Nous avons transmis nos propositions aux médiateurs.\n\n"
        "« Nous attendons désormais une réponse claire. »"
    )
    [quote] = record.quotes
    assert quote.text.startswith("Nous avons transmis") and quote.text.endswith("réponse claire.")
    assert (quote.kind, quote.speaker.name) == ("direct", "Lina Haddad")


def test_quote_spans_join_paragraphs_only_for_the_same_mark():
    text = "« Un.\n\n« Deux », dit-il. « Trois »\n\n“Quatre.\n\n« Cinq »"
    spans = [text[s:e] for _, _, s, e in find_quote_spans(text)]
    assert spans == ["Un.\n\n« Deux", "Trois", "Cinq"]


def test_quotes_an_act_asked_is_no_reported_speech(en_record):
    record = en_record("The president urged allies to speed up deliveries of air defence systems.")
    assert record.quotes == []


def test_quotes_an_apposition_before_the_verb_is_no_incise(fr_record):
    record = fr_record(
        "La porte-parole de la diplomatie russe, Maria Zakharova, a dénoncé des mesures illégales."
    )
    assert record.quotes == []


def test_quotes_speakers_are_remembered_for_the_claims(en_record):
    record = en_record('"We counted at least 40 dead," said Olena Kovalenko, the mayor of Sumy.')
    [claim] = record.claims
    assert (claim.what, claim.min, claim.according_to.name) == ("deaths", 40, "Olena Kovalenko")


def test_quotes_an_incise_that_interrupts_a_phrase_reports_what_follows(fr_record, en_record):
    # "afin, disait-elle, de « ... »": no reported clause ends on "afin".
    record = fr_record(
        "La ministre Anne Dupuis avait gelé les crédits, afin, disait-elle, de « protéger les "
        "finances publiques »."
    )
    assert [(q.kind, q.speaker.name) for q in record.quotes] == [("partial", "Anne Dupuis")]
    record = en_record('The army paused its operations so, it said, that "talks can go ahead".')
    assert [q.kind for q in record.quotes] == ["partial"]
    # An incise after a whole clause still reports it, a particle ending it too.
    record = fr_record("Quatre soldats ont été tués, a précisé l'armée, et deux autres blessés.")
    assert [(q.kind, q.text) for q in record.quotes] == [
        ("indirect", "Quatre soldats ont été tués")
    ]
    record = en_record("Kyiv offered a truce, which Moscow turned down, a Ukrainian official said.")
    assert [q.kind for q in record.quotes] == ["indirect"]
    assert record.quotes[0].text.endswith("turned down")


def test_quotes_a_quote_after_an_incise_with_no_quote_before_is_partial(fr_record):
    record = fr_record(
        "Le gouvernement a imposé un couvre-feu, pour, expliquait-il, « protéger la population »."
    )
    assert [(q.kind, q.speaker.name) for q in record.quotes] == [("partial", "gouvernement")]


def test_quotes_a_quotation_mark_before_a_verb_makes_no_incise(fr_record):
    record = fr_record(
        "Samedi, une « marche pour la paix » avait réuni des milliers de personnes dans la capitale."
    )
    [quote] = record.quotes
    assert quote.kind == "partial" and quote.speaker is None


def test_quotes_an_incise_after_a_quote_reports_no_clause_before_it(fr_record):
    # The parser reads the two sentences as one: the incise's clause would run back to it.
    text = (
        "Kiev n'a pas commenté.\n\nÀ Kiev, le chef de la diplomatie ukrainienne, Andriï "
        "Sybiha, a reproché à Moscou de « chercher à gagner du temps ». « Chaque semaine de "
        "retard coûte des vies », a-t-il lancé devant la presse."
    )
    record = fr_record(text)
    assert [q.kind for q in record.quotes] == ["partial", "direct"]
    assert all("ministre" not in text[q.start : q.end] for q in record.quotes)


def test_quotes_a_denied_incise_reports_nothing(en_record):
    record = en_record(
        "He added that 32 officers remained in hospital, a number the health ministry did not "
        "confirm."
    )
    assert all(q.speaker is None or q.speaker.name != "health ministry" for q in record.quotes)
    assert [q.kind for q in record.quotes] == ["indirect"]
