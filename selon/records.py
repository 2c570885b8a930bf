"""The article record: typed models of the public contract (shared/contract.md).

Field names are the contract's and stay stable; fields may be added, none renamed or removed
without bumping ``SCHEMA_VERSION``. ``selon schema --write`` regenerates
``selon/schema/article.schema.json`` from these models and a test fails when they disagree.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = PloverType.__args__  # type: ignore[attr-defined]

Modality = Literal[
    "asserted",
    "hedged",
    "denied",
    "threatened",
    "conditional",
    "planned",
    "requested",
    "hypothetical",
]
MODALITIES: tuple[str, ...] = Modality.__args__  # type: ignore[attr-defined]

Sector = Literal[
    "GOV",
    "MIL",
    "LEG",
    "JUD",
    "COP",
    "REB",
    "OPP",
    "PTY",
    "MED",
    "CVL",
    "BUS",
    "EDU",
    "REL",
    "IGO",
    "NGO",
    "LAB",
]
SECTORS: tuple[str, ...] = Sector.__args__  # type: ignore[attr-defined]

PlacePrecision = Literal["point", "city", "admin2", "admin1", "country"]
DatePrecision = Literal["day", "week", "month", "year"]
QuoteKind = Literal["direct", "partial", "indirect"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(Record):
    """A stretch of the article text: ``article.text[start:end] == text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Actor(Record):
    """Who acts, is acted upon, speaks or asserts: resolved to a country and a sector."""

    name: str
    country: str | None = Field(
        default=None, pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3"
    )
    sector: Sector | None = None
    code: str | None = Field(default=None, description='country + sector, "RUSGOV"; IGOs: "NATO"')
    role: str | None = None
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)


class Place(Record):
    """Where something happened, geocoded offline."""

    name: str
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    admin1: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    precision: PlacePrecision
    geonames_id: int | None = None
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)


class Date(Record):
    """When something happened: an inclusive interval of days with a precision."""

    start: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    end: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    precision: DatePrecision
    text: str | None = None
    start_offset: int | None = Field(default=None, ge=0)
    end_offset: int | None = Field(default=None, ge=0)
    anchor: Literal["published", "dateline", "previous_date", "absolute"] | None = Field(
        default=None,
        description="what a relative expression was resolved against; absolute for full dates",
    )


class Entity(Record):
    text: str
    label: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    actor: Actor | None = None


class Event(Record):
    id: str
    type: PloverType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    source: Actor | None = None
    target: Actor | None = None
    places: list[Place] = Field(default_factory=list)
    date: Date | None = None
    modality: Modality = "asserted"
    according_to: list[Actor] = Field(default_factory=list)
    quantities: list[str] = Field(default_factory=list, description="ids of claims")
    trigger: Span
    evidence: Span
    confidence: float = Field(ge=0, le=1)


class Quote(Record):
    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: QuoteKind
    speaker: Actor | None = None
    verb: str | None = None
    channel: str | None = None
    event_ids: list[str] = Field(default_factory=list)


class Claim(Record):
    id: str
    what: str
    min: float | None = None
    max: float | None = None
    approx: bool = False
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    according_to: Actor | None = None
    modality: Modality = "asserted"
    event_id: str | None = None


class Article(Record):
    id: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    language: Literal["fr", "en"]
    published: str | None = Field(default=None, description="ISO 8601")
    text: str


class ArticleRecord(Record):
    """What ``selon extract`` prints for one article."""

    schema_version: Literal["1"] = "1"
    article: Article
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)


def actor_code(country: str | None, sector: str | None) -> str | None:
    """The CAMEO-style code of an actor: ``RUS`` + ``GOV`` -> ``RUSGOV``."""
    if country and sector:
        return country + sector
    return country or sector
