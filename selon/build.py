"""Turning an annotated Doc into the article record of the contract.

Ids are the article id plus a local counter ("a1b2…-e1"), so they are unique in a store. Every
span is checked: ``article.text[start:end]`` must equal the span's text.
"""

from __future__ import annotations

from spacy.tokens import Doc

from selon.components import ActorMention, ClaimMention, EventMention, QuoteMention, text_of
from selon.inputs import ArticleInput
from selon.records import (
    Actor,
    Article,
    ArticleRecord,
    Claim,
    Entity,
    Event,
    Quote,
    Span,
)


def _span(doc: Doc, start: int, end: int) -> Span:
    return Span(text=text_of(doc)[start:end], start=start, end=end)


def _actor(mention: ActorMention | None) -> Actor | None:
    return mention.actor.model_copy() if mention is not None else None


def _event(doc: Doc, prefix: str, event: EventMention) -> Event:
    trigger = doc[event.trigger : event.trigger_end]
    return Event(
        id=prefix + event.id,
        type=event.type,
        mode=event.mode,
        context=event.context,
        source=_actor(event.source),
        target=_actor(event.target),
        places=[p.place for p in event.places],
        date=event.date.date if event.date is not None else None,
        modality=event.modality,
        according_to=[m.actor for m in event.according_to],
        quantities=[prefix + c for c in event.quantities],
        trigger=_span(doc, trigger.start_char, trigger.end_char),
        evidence=_span(doc, event.sent_start, event.sent_end),
        confidence=event.confidence,
    )


def _quote(doc: Doc, prefix: str, index: int, quote: QuoteMention) -> Quote:
    return Quote(
        id=f"{prefix}q{index}",
        text=text_of(doc)[quote.start : quote.end],
        start=quote.start,
        end=quote.end,
        kind=quote.kind,
        speaker=_actor(quote.speaker),
        verb=quote.verb,
        channel=quote.channel,
        event_ids=[prefix + e for e in quote.event_ids],
    )


def _claim(doc: Doc, prefix: str, claim: ClaimMention) -> Claim:
    return Claim(
        id=prefix + claim.id,
        what=claim.what,
        min=claim.min,
        max=claim.max,
        approx=claim.approx,
        text=text_of(doc)[claim.start : claim.end],
        start=claim.start,
        end=claim.end,
        according_to=_actor(claim.according_to),
        modality=claim.modality,
        event_id=prefix + claim.event_id if claim.event_id else None,
    )


def build_record(doc: Doc, item: ArticleInput) -> ArticleRecord:
    article_id = item.article_id
    prefix = article_id + "-"
    mentions: list[ActorMention] = doc._.selon_actors or []
    entities = []
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        covering = [m for m in mentions if m.start <= start and end <= m.end]
        actor = min(covering, key=lambda m: m.end - m.start).actor if covering else None
        entities.append(
            Entity(
                text=ent.text, label=ent.label_, start=ent.start_char, end=ent.end_char, actor=actor
            )
        )
    record = ArticleRecord(
        article=Article(
            id=article_id,
            url=item.url,
            title=item.title,
            source=item.source,
            language=doc.lang_,
            published=item.published_iso,
            text=text_of(doc),
        ),
        entities=entities,
        events=[_event(doc, prefix, e) for e in doc._.selon_events or []],
        quotes=[_quote(doc, prefix, i + 1, q) for i, q in enumerate(doc._.selon_quotes or [])],
        claims=[_claim(doc, prefix, c) for c in doc._.selon_claims or []],
    )
    check_spans(record)
    return record


def check_spans(record: ArticleRecord) -> None:
    """Raise ValueError when any span of the record does not match the article text."""
    text = record.article.text

    def check(start: int | None, end: int | None, value: str | None, what: str) -> None:
        if start is None or end is None:
            return
        if not 0 <= start <= end <= len(text) or (value is not None and text[start:end] != value):
            raise ValueError(f"{what} span {start}:{end} does not match the text")

    def check_actor(actor: Actor | None, what: str) -> None:
        if actor is not None:
            check(actor.start, actor.end, None, what)

    for ent in record.entities:
        check(ent.start, ent.end, ent.text, "entity")
        check_actor(ent.actor, "entity actor")
    for event in record.events:
        check(event.trigger.start, event.trigger.end, event.trigger.text, "trigger")
        check(event.evidence.start, event.evidence.end, event.evidence.text, "evidence")
        check_actor(event.source, "source")
        check_actor(event.target, "target")
        for place in event.places:
            check(place.start, place.end, None, "place")
        if event.date is not None:
            check(event.date.start_offset, event.date.end_offset, event.date.text, "date")
    for quote in record.quotes:
        check(quote.start, quote.end, quote.text, "quote")
        check_actor(quote.speaker, "speaker")
    for claim in record.claims:
        check(claim.start, claim.end, claim.text, "claim")
