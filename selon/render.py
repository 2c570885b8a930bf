"""Readable renderings of records: the ``--format text`` digest and event tables.

Article text is untrusted: control characters are removed from everything printed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from selon.records import Actor, ArticleRecord, Claim, Event

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: str | None) -> str:
    """Text with terminal control codes and bidi overrides removed."""
    return _CONTROL.sub("", text or "")


def actor_label(actor: Actor | dict[str, Any] | None) -> str:
    if actor is None:
        return "?"
    data = actor.model_dump() if isinstance(actor, Actor) else actor
    code = data.get("code")
    name = safe(data.get("name"))
    return f"{name} [{code}]" if code else name


def event_line(event: Event | dict[str, Any]) -> str:
    """SOURCE —TYPE→ TARGET at PLACE on DATE (modality, according to X)."""
    data = event.model_dump() if isinstance(event, Event) else event
    mode = f"/{data['mode']}" if data.get("mode") else ""
    line = f"{actor_label(data.get('source'))} —{data['type']}{mode}→ {actor_label(data.get('target'))}"
    if data.get("places"):
        line += " at " + ", ".join(safe(p["name"]) for p in data["places"])
    date = data.get("date")
    if date:
        when = date["start"] if date["start"] == date["end"] else f"{date['start']}/{date['end']}"
        line += f" on {when}"
    extra = data.get("modality", "asserted")
    if data.get("according_to"):
        extra += ", according to " + "; ".join(actor_label(a) for a in data["according_to"])
    return f"{line} ({extra})"


def claim_value(claim: Claim | dict[str, Any]) -> str:
    data = claim.model_dump() if isinstance(claim, Claim) else claim
    low, high = data.get("min"), data.get("max")

    def fmt(value: float) -> str:
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"

    if low is not None and high is not None:
        value = fmt(low) if low == high else f"{fmt(low)}–{fmt(high)}"
    elif low is not None:
        value = f"≥{fmt(low)}"
    elif high is not None:
        value = f"≤{fmt(high)}"
    else:
        value = "?"
    return ("~" if data.get("approx") else "") + value


def claims_side_by_side(claims: list[Claim] | list[dict[str, Any]]) -> list[str]:
    """ "deaths: 12 (health ministry) · 30 (opposition)": one line per thing counted."""
    by_what: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        data = claim.model_dump() if isinstance(claim, Claim) else claim
        source = data.get("according_to")
        who = safe(source["name"]) if source else "the article"
        hedge = ", hedged" if data.get("modality") == "hedged" else ""
        by_what[data["what"]].append(f"{claim_value(data)} ({who}{hedge})")
    return [f"{what}: " + " · ".join(values) for what, values in by_what.items()]


def digest(record: ArticleRecord) -> str:
    article = record.article
    lines = [
        f"# {safe(article.title) or article.id} ({article.language}, {article.published or 'undated'})"
    ]
    lines.append(f"events ({len(record.events)}):")
    lines += [f"  {event_line(e)}" for e in record.events]
    lines.append(f"quotes ({len(record.quotes)}):")
    for quote in record.quotes:
        text = safe(quote.text)
        text = text if len(text) <= 120 else text[:117] + "…"
        lines.append(f"  [{quote.kind}] {actor_label(quote.speaker)}: «{text}»")
    lines.append(f"claims ({len(record.claims)}):")
    lines += [f"  {line}" for line in claims_side_by_side(record.claims)]
    return "\n".join(lines)
