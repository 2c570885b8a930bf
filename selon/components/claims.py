"""selon_claims: every quantity about people or things, with who asserts it.

A quantity (``selon.numbers``) becomes a claim when a counted noun follows it within a few
words ("12 morts", "au moins 80 manifestants", "dozens of drones"); the noun is normalised to
a small vocabulary (``data/lexicon/quantities_*.tsv``) or kept as written. "12 personnes ont
été tuées" counts deaths: the verb or participle that governs the people refines "people".
Numbers that are dates, times, ages, durations or distances are not claims.

The source: the quote's speaker when the figure is inside a quote; X for "selon X",
"according to X"; the subject of a reporting verb that governs the figure ("X a indiqué
que..."); none when the article asserts it. The modality follows the governing verb.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from selon.components import (
    ActorMention,
    ClaimMention,
    DateMention,
    EventMention,
    QuoteMention,
    text_of,
)
from selon.components.events import modality
from selon.components.quotes import according_to_in, speaker_of
from selon.lexicon import quantity_nouns, speech_verbs
from selon.numbers import find_quantities, find_zeros
from selon.phrases import fold

NOT_COUNTED = {
    "an", "ans", "année", "années", "jour", "jours", "heure", "heures", "h", "minute", "minutes",
    "seconde", "secondes", "semaine", "semaines", "mois", "siècle", "km", "kilomètre",
    "kilomètres", "mètre", "mètres", "m", "%", "pour", "pourcent", "year", "years", "day",
    "days", "hour", "hours", "week", "weeks", "month", "months", "century", "mile",
    "miles", "kilometre", "kilometres", "kilometer", "kilometers", "metre", "metres", "meter",
    "meters", "percent", "per", "h00", "gmt", "utc", "fois", "times", "point", "points",
    "édition", "tour", "round", "article", "page", "numéro",
}  # fmt: skip
DEATH_WORDS = {"tuer", "mourir", "périr", "décéder", "tué", "mort", "kill", "die", "killed", "dead"}
INJURY_WORDS = {"blesser", "blessé", "wound", "injure", "wounded", "injured", "hurt"}
ARREST_WORDS = {"arrêter", "interpeller", "détenir", "arrest", "detain", "arrested", "detained"}
DISPLACE_WORDS = {"déplacer", "fuir", "displace", "flee", "displaced"}
REFINE = (
    ("deaths", DEATH_WORDS),
    ("injured", INJURY_WORDS),
    ("arrested", ARREST_WORDS),
    ("displaced", DISPLACE_WORDS),
)
SKIP_WORDS = {
    "de",
    "d'",
    "d’",
    "of",
    "des",
    "autres",
    "other",
    "more",
    "additional",
    "supplémentaires",
}
#: Verbs that report a figure: their subject is its source ("X a fait état de seize morts",
#: "l'OSDH a recensé", "the IAEA reported"). Verbs that commit to an act ("pledged 500
#: million") are not reporting verbs here: the article asserts such a figure itself.
TOLL_VERBS = {
    "recenser",
    "dénombrer",
    "compter",
    "enregistrer",
    "rapporter",
    "signaler",
    "chiffrer",
    "estimer",
    "évaluer",
    "report",
    "record",
    "count",
    "tally",
    "estimate",
    "confirm",
    "confirmer",
    "indiquer",
    "annoncer",
    "announce",
}
NOT_REPORTING = {
    "promettre",
    "menacer",
    "appeler",
    "exiger",
    "réclamer",
    "demander",
    "exhorter",
    "dénoncer",
    "accuser",
    "saluer",
    "qualifier",
    "pledge",
    "promise",
    "vow",
    "threaten",
    "urge",
    "call",
    "demand",
    "condemn",
    "hail",
    "welcome",
    "accuse",
}
#: What a zero by negation counts when no noun follows: "no one was killed", "personne n'a
#: été blessé".
ZERO_VERBS = {
    "tuer": "deaths",
    "kill": "deaths",
    "mourir": "deaths",
    "die": "deaths",
    "blesser": "injured",
    "hurt": "injured",
    "injure": "injured",
    "wound": "injured",
    "arrêter": "arrested",
    "arrest": "arrested",
    "detain": "arrested",
}


def _counted_noun(doc: Doc, end_char: int, lang: str) -> Token | None:
    """The noun a quantity counts: the next noun within three words, across "de"/"of"."""
    span = doc.char_span(end_char, min(len(text_of(doc)), end_char + 60), alignment_mode="expand")
    if span is None:
        return None
    for token in [t for t in span if not t.is_space][:5]:
        if token.is_punct and token.text not in ("'", "’"):
            return None
        if token.pos_ in ("NOUN", "PROPN") or (
            token.pos_ == "ADJ" and token.lemma_.lower() in quantity_nouns(lang)
        ):
            return token
        if token.pos_ == "VERB" and token.tag_ in ("VBN",) and lang == "en":
            return token  # "12 killed", "dozens wounded"
        if token.pos_ in ("ADJ", "NUM", "DET") or token.lower_ in SKIP_WORDS:
            continue
        if token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm", []):
            return token  # "dix blessés" parsed as a participle
        return None
    return None


def _zero_verb(doc: Doc, end_char: int) -> Token | None:
    """The participle after a negated subject: "no one was killed", "personne n'a été blessé"."""
    span = doc.char_span(end_char, min(len(text_of(doc)), end_char + 40), alignment_mode="expand")
    if span is None:
        return None
    for token in span[:5]:
        if token.lemma_.lower() in ZERO_VERBS:
            return token
    return None


def _what(noun: Token, lang: str) -> str:
    table = quantity_nouns(lang)
    what = (
        table.get(fold(noun.lemma_))
        or table.get(fold(noun.lower_))
        or ZERO_VERBS.get(noun.lemma_.lower())
    )
    if what in (None, "people", "troops", "casualties"):
        words = {noun.lemma_.lower(), noun.lower_}
        for ancestor in [noun.head, *noun.children, *noun.head.children]:
            words |= {ancestor.lemma_.lower(), ancestor.lower_}
        for name, cues in REFINE:
            if words & cues:
                return name
    return what or noun.lemma_.lower()


def _source(doc: Doc, token: Token, quotes: list[QuoteMention]) -> tuple[ActorMention | None, bool]:
    """(who asserts the figure, whether it is inside a quote)."""
    for quote in quotes:
        if quote.start <= token.idx < quote.end and quote.kind != "indirect":
            return quote.speaker, True
    for quote in quotes:
        if quote.start <= token.idx < quote.end:
            return quote.speaker, True
    sent = token.sent
    found = according_to_in(doc, sent.start_char, sent.end_char)
    if found is not None:
        return found, False
    speech = speech_verbs(doc.lang_)
    for ancestor in token.ancestors:
        if ancestor.pos_ != "VERB":
            continue
        lemma = ancestor.lemma_.lower()
        reports = (lemma in speech or lemma in TOLL_VERBS) and lemma not in NOT_REPORTING
        if lemma == "faire" and any(c.lower_ == "état" for c in ancestor.children):
            reports = True  # "a fait état de seize morts"
        if reports:
            return speaker_of(ancestor), False
    for other in sent:
        # An incise: "303 militaires ukrainiens, a indiqué le Quartier général".
        if (
            other.i > token.i
            and other.pos_ == "VERB"
            and other.lemma_.lower() in speech
            and other.lemma_.lower() not in NOT_REPORTING
            and other.dep_ in ("parataxis", "ROOT", "conj", "ccomp")
            and doc[other.i - 1].dep_.startswith("aux")
            and text_of(doc)[: doc[other.i - 1].idx].rstrip().endswith((",", "–", "—"))
        ):
            return speaker_of(other), False
    return None, False


#: How far back (characters) a toll without an event in its sentence looks for its event.
EVENT_LOOKBACK = 400


def _nearest_event(events: list[EventMention], doc: Doc, token: Token) -> EventMention | None:
    """The event in the figure's sentence nearest to it, else the last one shortly before."""
    same = [e for e in events if e.sent_start <= token.idx < e.sent_end]
    if same:
        return min(same, key=lambda e: abs(e.trigger - token.i))
    before = [e for e in events if token.idx - EVENT_LOOKBACK <= e.sent_end <= token.idx]
    return before[-1] if before else None


def _overlaps_date(start: int, end: int, dates: list[DateMention]) -> bool:
    return any(d.start < end and start < d.end for d in dates)


@Language.component(
    "selon_claims",
    assigns=["doc._.selon_claims"],
    requires=["doc._.selon_events", "doc._.selon_quotes", "doc._.selon_actors"],
)
def selon_claims(doc: Doc) -> Doc:
    lang = doc.lang_
    quotes: list[QuoteMention] = doc._.selon_quotes or []
    events: list[EventMention] = doc._.selon_events or []
    dates: list[DateMention] = doc._.selon_dates or []
    claims: list[ClaimMention] = []
    found: list[tuple[int, int, float | None, float | None, bool]] = [
        (q.start, q.end, q.min, q.max, q.approx) for q in find_quantities(text_of(doc), lang)
    ]
    found += [(start, end, 0.0, 0.0, False) for start, end in find_zeros(text_of(doc), lang)]
    found.sort()
    taken = -1
    for start, end, low, high, approx in found:
        if start < taken or _overlaps_date(start, end, dates):
            continue
        noun = _counted_noun(doc, end, lang)
        if noun is None and low == 0 and high == 0:
            noun = _zero_verb(doc, end)
        if noun is None or noun.lower_ in NOT_COUNTED or fold(noun.lemma_) in NOT_COUNTED:
            continue
        if noun.ent_type_ in ("DATE", "TIME", "PERCENT", "CARDINAL") and noun.pos_ == "PROPN":
            continue
        what = _what(noun, lang)
        span_end = noun.idx + len(noun)
        number_span: Span | None = doc.char_span(start, end, alignment_mode="expand")
        anchor = number_span.root if number_span is not None and len(number_span) else noun
        according, _ = _source(doc, anchor, quotes)
        event = _nearest_event(events, doc, anchor)
        claim = ClaimMention(
            id=f"c{len(claims) + 1}",
            what=what,
            min=low,
            max=high,
            approx=approx,
            start=start,
            end=span_end,
            according_to=according,
            modality=modality(noun, False),
            event_id=event.id if event is not None else None,
        )
        if claim.modality in ("threatened", "requested", "planned"):
            claim.modality = "asserted" if claim.modality == "planned" else claim.modality
        if event is not None:
            event.quantities.append(claim.id)
        claims.append(claim)
        taken = span_end
    doc._.selon_claims = claims
    return doc
