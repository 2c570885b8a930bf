"""Property: every span of every record lies inside the article text and matches it."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selon.build import check_spans
from selon.evaluation.corpus import load_corpus
from selon.pipeline import extract, extract_many


def test_spans_every_corpus_record_validates(corpus_dir, validate):
    items = load_corpus(corpus_dir)
    for _, record in extract_many([i.article for i in items]):
        validate(record)


SENTENCES = [
    "Des frappes russes ont visé Kharkiv dans la nuit de samedi à dimanche.",
    "« Nous ne céderons pas », a déclaré mardi le ministre ukrainien de la Défense.",
    "Au moins 12 personnes ont été tuées et une vingtaine blessées, selon la police.",
    "La police kényane a arrêté des dizaines de manifestants à Nairobi le 25 juin.",
    "Le Kremlin a démenti avoir bombardé l'hôpital d'Odessa, selon l'agence TASS.",
    "L'OTAN a appelé Moscou à retirer ses troupes de la frontière.",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6),
    st.sampled_from([" ", "\n\n", "  "]),
)
def test_spans_hold_on_generated_articles(sentences, glue):
    record = extract(glue.join(sentences), published="2024-06-26T10:00:00+03:00", lang="fr")
    check_spans(record)
    text = record.article.text
    for quote in record.quotes:
        assert text[quote.start : quote.end] == quote.text
    for claim in record.claims:
        assert text[claim.start : claim.end] == claim.text
