"""Speaker naming (selon/components/speakers.py): what the attribution table does not show."""

from collections.abc import Callable

from selon.components.speakers import attribution_uses
from selon.records import ArticleRecord


def _speakers(record: ArticleRecord) -> list[tuple[str, str | None]]:
    return [(q.kind, q.speaker.name if q.speaker else None) for q in record.quotes]


def test_a_word_may_have_several_uses() -> None:
    assert "report" in attribution_uses("en", "document")
    assert "report" in attribution_uses("en", "toll")


def test_a_directive_with_a_stated_clause_reports_speech(
    fr_record: Callable[..., ArticleRecord],
) -> None:
    stated = fr_record("Le ministre Paul Girard a promis que les aides seraient versées en mai.")
    asked = fr_record("Le ministre Paul Girard a exigé que les troupes soient retirées du village.")
    assert _speakers(stated) == [("indirect", "Paul Girard")]
    assert _speakers(asked) == []


def test_a_verb_between_title_and_name_is_no_apposition(
    en_record: Callable[..., ArticleRecord],
) -> None:
    record = en_record(
        'The leaders of the unions sent Macron a letter, saying it was "a serious problem".'
    )
    assert ("partial", "leaders of the unions") in _speakers(record)


def test_a_possessive_source_is_its_owner(fr_record: Callable[..., ArticleRecord]) -> None:
    record = fr_record(
        "Le Hamas a revendiqué l'attaque. Il a agi pour « venger les martyrs », selon son "
        "communiqué."
    )
    assert ("partial", "Hamas") in _speakers(record)


def test_the_reporting_candidates_miss_no_reporting_verb() -> None:
    """``maybe_reporting`` leaves tokens out only where ``reporting_lemma`` is None: verbs,
    auxiliaries and the word before an inverted clitic ("a-t-il") are all kept."""
    from selon.components.speakers import maybe_reporting, reporting_lemma
    from selon.pipeline import load_pipeline

    texts = {
        "fr": "« Nous resterons », a-t-il précisé.\nLa ministre a indiqué que le pont rouvrira. "
        "Le maire, a fait savoir la mairie, est parti.",
        "en": 'The mayor said the bridge would reopen.\n\n"We stay," the minister told reporters.',
    }
    for lang, text in texts.items():
        doc = load_pipeline(lang)(text)
        every = [t.i for t in doc if reporting_lemma(t)]
        assert every
        assert [t.i for t in maybe_reporting(doc) if reporting_lemma(t)] == every
        window = doc[2 : len(doc) - 2]
        assert [t.i for t in maybe_reporting(window) if reporting_lemma(t)] == [
            i for i in every if window.start <= i < window.end
        ]


def test_a_line_break_starts_a_sentence() -> None:
    from selon.pipeline import load_pipeline

    doc = load_pipeline("fr")("Le pont a été fermé mardi\nLa mairie a annoncé des travaux.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "La" in starts
