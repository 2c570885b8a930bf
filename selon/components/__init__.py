"""selon's spaCy components: one module each, registered as factories, run in this order.

    selon_dates    dates and times resolved against the publication time   (doc._.selon_dates)
    selon_places   place mentions geocoded with the offline gazetteer      (doc._.selon_places)
    selon_actors   actor mentions resolved to country, sector and role     (doc._.selon_actors)
    selon_quotes   quotes with their speaker, verb and channel             (doc._.selon_quotes)
    selon_events   PLOVER events with arguments, modality, date, places    (doc._.selon_events)
    selon_claims   numeric claims with their source, linked to events      (doc._.selon_claims)

Each reads the article's metadata from ``doc._.selon_meta`` (publication time, language) and
what earlier components wrote; ``selon.build.build_record`` turns the Doc into a record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

if TYPE_CHECKING:
    from selon.records import Actor, Date, Place

COMPONENTS = (
    "selon_dates",
    "selon_places",
    "selon_actors",
    "selon_quotes",
    "selon_events",
    "selon_claims",
)

EXTENSIONS = (
    "selon_meta",
    "selon_dates",
    "selon_places",
    "selon_actors",
    "selon_quotes",
    "selon_events",
    "selon_claims",
)
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass
class DateMention:
    start: int
    end: int
    date: Date
    clock: bool = False


@dataclass
class PlaceMention:
    start: int
    end: int
    place: Place
    feature: str | None = None


@dataclass
class ActorMention:
    start: int
    end: int
    actor: Actor
    kind: str  # person, country, capital, seat, igo, group, demonym, pronoun
    head: int  # token index of the mention's head


@dataclass
class QuoteMention:
    start: int
    end: int
    kind: str
    speaker: ActorMention | None
    verb: str | None
    channel: str | None
    event_ids: list[str] = field(default_factory=list)


@dataclass
class EventMention:
    id: str
    type: str
    mode: str | None
    context: list[str]
    trigger: int  # token index
    trigger_end: int  # token index, exclusive
    source: ActorMention | None
    target: ActorMention | None
    places: list[PlaceMention]
    date: DateMention | None
    modality: str
    according_to: list[ActorMention]
    sent_start: int  # char offsets of the evidence
    sent_end: int
    confidence: float
    quantities: list[str] = field(default_factory=list)
    target_token: int | None = None  # the parse's target, for links between events


@dataclass
class ClaimMention:
    id: str
    what: str
    min: float | None
    max: float | None
    approx: bool
    start: int
    end: int
    according_to: ActorMention | None
    modality: str
    event_id: str | None


def text_of(doc: Doc) -> str:
    """The Doc's text, computed once: spaCy's ``Doc.text`` joins every token on each access,
    which costs a whole article's length each time a component slices it."""
    text: str | None = doc.user_data.get("selon_text")
    if text is None:
        text = doc.text
        doc.user_data["selon_text"] = text
    return text


def doc_cache(doc: Doc, name: str) -> dict[Any, Any]:
    """A memo of one Doc, for answers that depend only on its parse (fixed once the parser
    has run): several components ask the same question of the same token."""
    key = f"selon_cache_{name}"
    cache: dict[Any, Any] | None = doc.user_data.get(key)
    if cache is None:
        cache = doc.user_data[key] = {}
    return cache


def meta(doc: Doc) -> dict[str, Any]:
    value: dict[str, Any] = doc._.selon_meta or {}
    return value


def span_containing(offset: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first (start, end) of ``spans`` that contains ``offset``, else None."""
    for span in spans:
        if span[0] <= offset < span[1]:
            return span
    return None
