"""selon_places: place mentions found in the offline gazetteer, disambiguated by context.

A mention must start with a capital letter ("les paris" is not Paris). A one-word name that is
also a common word, or that opens a sentence, needs the parser's NER to call it a place. Among
homonyms, a candidate in a country the article names elsewhere wins, then the larger population.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from selon.components import PlaceMention
from selon.gazetteer import GazEntry, gazetteer
from selon.records import Place

PLACE_LABELS = {"LOC", "GPE", "FAC"}
OTHER_LABELS = {"PER", "PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
FEATURES = {
    "base": "base", "aéroport": "airport", "airport": "airport", "ville": "city",
    "city": "city", "village": "city", "town": "city", "province": "admin1",
    "région": "admin1", "region": "admin1", "poste-frontière": "crossing",
}  # fmt: skip


#: A place this large wins over the NER's other labels ("Kharkiv" tagged PERSON).
PLACE_OVER_OTHER_LABELS = 100_000
#: One-word city names under this population need the NER's agreement ("Nice", "Mobile").
NER_FREE_POPULATION = 1_000_000


def _needs_ner(span: Span, entries: tuple[GazEntry, ...]) -> bool:
    if any(e.kind != "city" for e in entries):
        return bool(span[0].is_sent_start and len(span) == 1 and span[0].is_stop)
    return len(span) == 1 and max(e.population for e in entries) < NER_FREE_POPULATION


def _choose(entries: tuple[GazEntry, ...], countries: Counter[str]) -> GazEntry:
    def score(entry: GazEntry) -> tuple[int, int, int]:
        kind_rank = {"country": 3, "region": 2, "base": 2}.get(entry.kind, 1)
        return (countries.get(entry.country or "", 0), kind_rank, entry.population)

    return max(entries, key=score)


@Language.component("selon_places", assigns=["doc._.selon_places"])
def selon_places(doc: Doc) -> Doc:
    gaz = gazetteer()
    ner_label = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ner_label[i] = ent.label_
    found: list[tuple[Span, tuple[GazEntry, ...]]] = []
    for match in gaz.table.find(doc.text, capitalised=True):
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        labels = {ner_label.get(i) for i in range(span.start, span.end)}
        if (
            labels & OTHER_LABELS
            and not labels & PLACE_LABELS
            and max(e.population for e in match.values) < PLACE_OVER_OTHER_LABELS
            and all(e.kind == "city" for e in match.values)
        ):
            continue
        if _needs_ner(span, match.values) and not labels & PLACE_LABELS:
            continue
        found.append((span, match.values))
    unambiguous: Counter[str] = Counter(
        entries[0].country
        for _, entries in found
        if len({e.country for e in entries}) == 1 and entries[0].country
    )
    mentions = []
    for span, entries in found:
        entry = _choose(entries, unambiguous)
        start = span.start_char
        feature = None
        if span.start > 1:
            feature = FEATURES.get(doc[span.start - 2].lower_) or FEATURES.get(
                doc[span.start - 1].lower_
            )
        place = Place(
            name=span.text,
            country=entry.country,
            admin1=entry.admin1,
            lat=entry.lat,
            lon=entry.lon,
            precision=entry.precision,
            geonames_id=entry.geonames_id,
            start=start,
            end=span.end_char,
        )
        mentions.append(PlaceMention(start, span.end_char, place, feature))
    doc._.selon_places = mentions
    return doc
