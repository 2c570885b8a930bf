"""selon_claims: every quantity about people or things, with who asserts it.

A quantity (``selon.numbers``) becomes a claim when a counted noun follows it within a few
words ("12 morts", "au moins 80 manifestants", "dozens of drones", "« au moins dix »
missiles"); the noun is normalised to a small vocabulary (``data/lexicon/quantities_*.tsv``)
or kept as written. "12 personnes ont été tuées" counts deaths: the verb or participle that
governs the people refines "people". Numbers that are dates, times, ages, durations or
distances are not claims. Also claims: a range ("from 81,000 to 700,000" -> 81000/700000), a
sum after a currency sign ("$61 billion" -> money), English "one" before its noun ("one
student"), a zero by negation of a counted noun or before a verb of harm ("aucune victime",
"no civilians were harmed"; not "aucune proposition"), a figure before a verb of harm ("plus
de cinquante ont été blessés"), and a figure without its noun that takes up the claim just before it ("1,28 million
de manifestants, dont 81 000 à Paris", "La CGT en revendique 3,5 millions").

The source, in this order: the speaker of the quote the figure is in; the subject of a verb
that reports it ("X a indiqué que...", "l'OSDH a recensé seize morts", "X put the toll at",
``toll`` rows of ``data/lexicon/attribution_*.tsv``), through a passive's agent only and not
across a relative clause, a sum announced being the article's own; the "selon X" / "according
to X" nearest to it ("30 000 d'après la police, 245 000 selon les syndicats"); an incise whose
reported clause holds it; the subject of a clause that announces it with a colon; for a
figure without a noun, the body named right before it ("les syndicats 280 000"); the source
of the claim it is part of ("dont 81 000 à Paris"). None when the article asserts it. Two
figures about the same thing from different sources are both kept. The modality follows the
governing verb.
"""

from __future__ import annotations

import re

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id
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
from selon.components.quotes import incise_content
from selon.components.speakers import (
    QUOTE_MARKS,
    according_at,
    according_cues,
    attribution_uses,
    maybe_reporting,
    reporting_lemma,
    speaker_of,
)
from selon.lexicon import quantity_nouns
from selon.numbers import find_quantities, find_ranges, find_zeros
from selon.phrases import fold

NOT_COUNTED = {
    "an", "ans", "année", "années", "jour", "jours", "heure", "heures", "h", "minute", "minutes",
    "seconde", "secondes", "semaine", "semaines", "mois", "siècle", "km", "kilomètre",
    "kilomètres", "mètre", "mètres", "m", "%", "pour", "pourcent", "year", "years", "day",
    "days", "hour", "hours", "week", "weeks", "month", "months", "century", "mile",
    "miles", "kilometre", "kilometres", "kilometer", "kilometers", "metre", "metres", "meter",
    "meters", "percent", "per", "h00", "gmt", "utc", "fois", "times", "point", "points",
    "édition", "tour", "round", "article", "page", "numéro", "nuit", "nuits", "night",
    "nights", "soir", "soirs", "evening", "evenings", "côté", "côtés", "side", "sides",
    "partie", "parties",
}  # fmt: skip
DEATH_WORDS = {"tuer", "mourir", "périr", "décéder", "tué", "mort", "kill", "die", "killed", "dead"}
INJURY_WORDS = {
    "blesser",
    "blessé",
    "wound",
    "injure",
    "wounded",
    "injured",
    "hurt",
    "harm",
    "harmed",
}
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
    "harm": "injured",
    "arrêter": "arrested",
    "arrest": "arrested",
    "detain": "arrested",
}


CURRENCIES = {"$": "money", "€": "money", "£": "money"}
#: How far back (characters) an elliptic figure ("dont 81 000 à Paris", "at least 18") looks
#: for the claim whose noun it leaves out.
ELLIPSIS_REACH = 300
#: What may follow an elliptic figure: the end of its clause, a place, a source, a quote mark.
ELLIPSIS_END = re.compile(
    r"\s*(?:[.,;:)»”\"–—]|$|(?:à|en|dans|in|at|selon|d['’]après|according|pour|for|contre|"
    r"against|by|par|respectively|respectivement)\b)",
    re.I,
)


#: "un métro sur deux", "one train in five", "four out of five": a ratio, no count.
RATIO = re.compile(r"\b(?:sur|in|of)\s+$", re.I)


def _counted_noun(doc: Doc, end_char: int, lang: str) -> Token | None:
    """The noun a quantity counts: the next noun within three words, across "de"/"of"."""
    span = doc.char_span(end_char, min(len(text_of(doc)), end_char + 60), alignment_mode="expand")
    if span is None:
        return None
    for token in [t for t in span if not t.is_space][:5]:
        if token.text in QUOTE_MARKS:
            continue  # "« au moins dix » missiles"
        if token.is_punct and token.text not in ("'", "’", "-"):
            return None  # "thousands of pro-European protesters": a hyphen is no break
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


#: What makes a figure part of the one before: "dont 81 000 à Paris", "including 81,000".
PART_OF = re.compile(r"\b(?:dont|including|among them|of whom|parmi eux)\s*$", re.I)


def _gapped_subject(doc: Doc, start: int) -> ActorMention | None:
    """The body named right before an elliptic figure, whose verb is left out: "la police a
    compté 16 000 personnes, les syndicats 280 000"."""
    text = text_of(doc)
    for mention in doc._.selon_actors or []:
        head = doc[mention.head]
        end = head.idx + len(head)
        if mention.start <= head.idx and end <= start and not text[end:start].strip():
            if mention.end == end:
                return mention
            # The parser may take the figure into the name: "syndicats 280 000".
            actor = mention.actor.model_copy(update={"name": text[mention.start : end], "end": end})
            return ActorMention(mention.start, end, actor, mention.kind, mention.head)
    return None


def _shared_source(
    doc: Doc, start: int, elliptic: bool, claims: list[ClaimMention]
) -> ActorMention | None:
    """The source a figure with none of its own shares: the the claim just before it in its sentence when it is part of that one ("dont
    81 000 à Paris"), elliptic, or joined to it ("« plus de 3,5 millions » de participants et
    700 000 dans la capitale")."""
    text = text_of(doc)
    token = doc.char_span(start, min(len(text), start + 1), alignment_mode="expand")
    if token is None or not claims:
        return None
    sent = token[0].sent
    previous = claims[-1]
    if previous.start < sent.start_char or previous.according_to is None:
        return None
    joined = re.fullmatch(r"[^.;:!?]{0,80}?\b(?:et|and|,)\s*", text[previous.end : start])
    if elliptic or PART_OF.search(text[max(0, start - 20) : start]) or joined:
        return previous.according_to
    return None


def _lone_ones(doc: Doc) -> list[Token]:
    """English "one" before the noun it counts ("one student was hurt", "one casualty"):
    ``selon.numbers`` leaves "one" out, as it is mostly a pronoun ("one of the", "no one")."""
    if doc.lang_ != "en":
        return []
    # Only the tokens that read "one" are built as Token objects.
    one = get_string_id("one")
    lowers = doc.to_array(LOWER).tolist()[:-1]
    return [
        t
        for t in (doc[i] for i, lower in enumerate(lowers) if lower == one)
        if t.lower_ == "one"
        and t.pos_ == "NUM"
        and doc[t.i + 1].pos_ == "NOUN"
        and t.i > 0
        and doc[t.i - 1].lower_ not in ("no", "every", "any", "each", "the", "this", "that")
    ]


def _elided(
    doc: Doc, start: int, end: int, claims: list[ClaimMention], low: float | None
) -> str | None:
    """What a figure without a noun counts, when it takes up a claim just before it in the
    same paragraph ("1,28 million de manifestants ..., dont 81 000 à Paris", "La CGT en
    revendique 3,5 millions", "put the number at more than 3.5 million"): that claim's noun.
    Not a year, and only where a figure ends its phrase."""
    text = text_of(doc)
    if not ELLIPSIS_END.match(text[end:]) or RATIO.search(text[max(0, start - 8) : start]):
        return None
    if low is not None and 1900 <= low <= 2100 and float(low).is_integer():
        return None  # a year
    if low is not None and not float(low).is_integer():
        return None  # "49.3": an article of law, a rate
    paragraph = text.rfind("\n", 0, start)
    earlier = [
        c for c in claims if start - ELLIPSIS_REACH <= c.start < start and c.start > paragraph
    ]
    if earlier:
        return earlier[-1].what
    # "estimates of the number of protesters ranged from 81,000 to 700,000": a counted noun
    # earlier in the sentence.
    token = doc.char_span(start, end, alignment_mode="expand")
    if token is None:
        return None
    table = quantity_nouns(doc.lang_)
    nouns = [t for t in doc[token.sent.start : token.start] if t.pos_ == "NOUN"]
    for noun in reversed(nouns):
        what = table.get(fold(noun.lemma_)) or table.get(fold(noun.lower_))
        if what is not None:
            return what
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


def _counts_in_event(doc: Doc, noun: Token, lang: str) -> bool:
    """Whether "aucun X" / "no X" counts something of an event: X is a counted noun
    (``quantities_*.tsv``), or a verb of harm follows it ("no civilians had been harmed")."""
    table = quantity_nouns(lang)
    if fold(noun.lemma_) in table or fold(noun.lower_) in table:
        return True
    return _zero_verb(doc, noun.idx + len(noun)) is not None


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


def _source(
    doc: Doc, token: Token, quotes: list[QuoteMention], what: str
) -> tuple[ActorMention | None, bool]:
    """(who asserts the figure, whether it is inside a quote). In this order: the speaker of
    the quote it is in; the subject of a verb that reports it ("X a indiqué que...", "l'OSDH a
    recensé seize morts", "X put the toll at..."), not across a relative clause and never a
    subject that holds the figure itself; the source named next to it ("30 000 d'après la
    police, 245 000 selon les syndicats"); an incise after it ("..., a précisé X", "..., the
    ministry said"); the subject of a clause that announces it with a colon ("X a fait le
    bilan : 457 interpellations"). None when the article asserts it."""
    for quote in sorted(quotes, key=lambda q: q.kind == "indirect"):
        if quote.start <= token.idx < quote.end:
            return quote.speaker, True
    finders = (_reporting_governor, _according_nearby, _incise_after, _colon_lead)
    for finder in finders:
        found = finder(doc, token, what)
        if found is not None:
            return (None if _holds(found, token) else found), False
    return None, False


def _holds(mention: ActorMention, token: Token) -> bool:
    """Whether a source found for a figure is the figure's own phrase ("Aucune victime n'a
    été signalée", "les huit organisations")."""
    return mention.start <= token.idx < mention.end


def _reporting_governor(doc: Doc, token: Token, what: str) -> ActorMention | None:
    """The subject of the verb above the figure that reports it: a reporting verb whose clause
    holds the figure, a toll verb ("recenser", "report", "put") whose object does, a verb whose
    object is a toll or a figure ("Camp leaders gave a toll of five dead", "has stuck to its
    figure of 12 killed"). A passive reports through its agent only; a relative clause ends
    the search ("the bill, which the Senate approved by 79 votes"); a sum announced is the
    article's ("the Pentagon announced a first $1 billion tranche")."""
    tolls = attribution_uses(doc.lang_, "toll")
    stances = attribution_uses(doc.lang_, "stance") | attribution_uses(doc.lang_, "directive")
    documents = attribution_uses(doc.lang_, "document")
    below = token
    for ancestor in token.ancestors:
        if below.dep_ in ("acl:relcl", "relcl"):
            return None
        below_is_object = below.dep_ in ("obj", "dobj", "obl:arg", "nmod", "dative", "attr")
        if ancestor.pos_ in ("NOUN", "PROPN") and fold(ancestor.lower_) in documents:
            verb = ancestor.head
            if verb.pos_ in ("VERB", "AUX") and ancestor.dep_ in ("obj", "dobj", "obl:arg", "obl"):
                return _reported_by(doc, verb, token)
        if ancestor.pos_ in ("VERB", "AUX"):
            lemma = reporting_lemma(ancestor) or fold(ancestor.lemma_.lower())
            folded = fold(lemma)
            if folded in stances:
                return None
            state = lemma == "faire" and any(fold(c.lower_) == "etat" for c in ancestor.children)
            if folded in tolls or state:
                return _reported_by(doc, ancestor, token)
            if reporting_lemma(ancestor) and not (
                what == "money" and below_is_object and below.i > ancestor.i
            ):
                return _reported_by(doc, ancestor, token)
        below = ancestor
    return None


def _reported_by(doc: Doc, verb: Token, token: Token) -> ActorMention | None:
    """The subject of a verb that reports a figure; not when the figure is in that subject
    ("the United States and a dozen allies had warned"), through the agent of a passive."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
    if any(token.i in {t.i for t in s.subtree} for s in subjects):
        return None
    passive = any(
        c.dep_ in ("nsubj:pass", "nsubjpass", "aux:pass", "auxpass") for c in verb.children
    )
    if passive and not any(c.dep_ in ("obl:agent", "agent") for c in verb.children):
        return None
    return speaker_of(verb)


def _according_nearby(doc: Doc, token: Token, what: str) -> ActorMention | None:
    """The "selon X" / "according to X" of the figure's sentence nearest to it, in its part of
    the sentence ("30 000 personnes d'après la police, 245 000 selon les syndicats")."""
    sent = token.sent
    cues = according_cues(doc, sent.start_char, sent.end_char)
    if not cues:
        return None
    text = text_of(doc)
    after = [at for at in cues if at > token.idx]
    before = [at for at in cues if at <= token.idx]
    candidates = []
    if after:
        # A cue after the figure counts unless another figure stands between them.
        between = re.sub(r"^[\d\s\u202f\u00a0.,]+", "", text[token.idx : after[0]])
        if not re.search(r"\d[\d\s\u202f\u00a0.,]*\s*(?:selon|d['’]après|according)", between):
            candidates.append(after[0])
    candidates += before[-1:]
    for at in candidates:
        found = according_at(doc, at, min(sent.end_char, at + 80))
        if found is not None:
            return found
    return None


def _incise_after(doc: Doc, token: Token, what: str) -> ActorMention | None:
    """An incise after the figure in its sentence, whose reported clause holds the figure:
    "303 militaires ukrainiens sont rentrés, a indiqué X", "Four jets took part, the Ministry
    of Defence said"."""
    for other in maybe_reporting(token.sent):
        if other.i <= token.i or not reporting_lemma(other):
            continue
        content = incise_content(other)
        if content is not None and content[0].i <= token.i <= content[1].i:
            return speaker_of(other)
    return None


def _colon_lead(doc: Doc, token: Token, what: str) -> ActorMention | None:
    """A figure after the colon of a clause that reports it: "X a fait le bilan : 457
    interpellations", "The ministry gave its toll: 12 dead"."""
    text = text_of(doc)
    sent = token.sent
    colon = text.rfind(":", sent.start_char, token.idx)
    if colon < 0 or "«" in text[colon : token.idx] or "“" in text[colon : token.idx]:
        return None
    lead = doc.char_span(sent.start_char, colon, alignment_mode="contract")
    if lead is None:
        return None
    documents = attribution_uses(doc.lang_, "document") | {"point"}
    for verb in lead:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        objects = [fold(c.lower_) for c in verb.children if c.dep_ in ("obj", "dobj")]
        if (
            reporting_lemma(verb)
            or fold(verb.lemma_) in attribution_uses(doc.lang_, "toll")
            or (set(objects) & documents)
        ):
            return speaker_of(verb)
    return None


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
    found += [(t.idx, t.idx + len(t), 1.0, 1.0, False) for t in _lone_ones(doc)]
    found += [(r.start, r.end, r.min, r.max, r.approx) for r in find_ranges(text_of(doc), lang)]
    found.sort(key=lambda f: (f[0], -f[1]))  # a range before the figure it starts with
    taken = -1
    text = text_of(doc)
    for start, end, low, high, approx in found:
        if start < taken or _overlaps_date(start, end, dates):
            continue
        noun = _counted_noun(doc, end, lang)
        zero = low == 0 and high == 0
        if zero and noun is not None and not _counts_in_event(doc, noun, lang):
            continue  # "aucune proposition", "no mandate": nothing an event counts
        if noun is None:
            # "aucun blessé", "no one was killed"; "plus de cinquante ont été blessés"
            noun = _zero_verb(doc, end)
        number_span: Span | None = doc.char_span(start, end, alignment_mode="expand")
        if number_span is None or not len(number_span):
            continue
        currency = CURRENCIES.get(text[start - 1 : start]) if start else None
        if currency is not None:
            what, span_end, anchor = currency, end, number_span.root
            noun, start = anchor, start - 1
        elif noun is not None:
            if noun.lower_ in NOT_COUNTED or fold(noun.lemma_) in NOT_COUNTED:
                continue
            if noun.ent_type_ in ("DATE", "TIME", "PERCENT", "CARDINAL") and noun.pos_ == "PROPN":
                continue
            what, span_end, anchor = _what(noun, lang), noun.idx + len(noun), number_span.root
        else:
            elided = _elided(doc, start, end, claims, low)
            if elided is None:
                continue
            what, span_end, anchor = elided, end, number_span.root
            noun = anchor
        elliptic = noun is anchor and currency is None
        according = _gapped_subject(doc, start) if elliptic else None
        if according is None:
            according, _ = _source(doc, anchor, quotes, what)
        if according is None:
            according = _shared_source(doc, start, elliptic, claims)
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
            modality=modality(noun),
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
