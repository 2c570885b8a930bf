"""Hand-made article records and stores for the API, UI and export tests (no models needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from selon.records import ArticleRecord
from selon.store import Store

XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
ATTR = '"><svg onload="window.__xss=3">'


def span(text: str, part: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"text": part, "start": start, "end": start + len(part)}


def actor(text: str, name: str, country: str | None, sector: str | None) -> dict[str, Any]:
    s = span(text, name)
    code = (country or "") + (sector or "") or None
    return {
        "name": name,
        "country": country,
        "sector": sector,
        "code": code,
        "start": s["start"],
        "end": s["end"],
    }


def kharkiv_record(article_id: str = "T1", day: str = "2024-05-25") -> ArticleRecord:
    text = (
        "Des frappes russes ont visé Kharkiv samedi, selon le gouverneur Oleh Synehoubov. "
        "Au moins 12 personnes ont été tuées, selon le ministère ; l'opposition parle de 30 morts. "
        "« Nous ne céderons pas », a déclaré le gouverneur sur Telegram."
    )
    kharkiv = span(text, "Kharkiv")
    date = span(text, "samedi")
    event = {
        "id": f"{article_id}-e1",
        "type": "ASSAULT",
        "mode": "aerial",
        "context": ["military"],
        "source": actor(text, "russes", "RUS", "MIL"),
        "target": actor(text, "Kharkiv", "UKR", None),
        "places": [
            {
                "name": "Kharkiv",
                "country": "UKR",
                "admin1": "07",
                "lat": 49.98,
                "lon": 36.25,
                "precision": "city",
                "geonames_id": 706483,
                "start": kharkiv["start"],
                "end": kharkiv["end"],
            }
        ],
        "date": {
            "start": day,
            "end": day,
            "precision": "day",
            "text": "samedi",
            "start_offset": date["start"],
            "end_offset": date["end"],
        },
        "modality": "asserted",
        "according_to": [actor(text, "gouverneur", None, "GOV")],
        "quantities": [f"{article_id}-c1", f"{article_id}-c2"],
        "trigger": span(text, "frappes"),
        "evidence": span(text, text.split(". ")[0] + "."),
        "confidence": 0.8,
    }
    quote = span(text, "Nous ne céderons pas")
    c1, c2 = span(text, "Au moins 12 personnes"), span(text, "30 morts")
    return ArticleRecord.model_validate(
        {
            "article": {
                "id": article_id,
                "title": "Frappes sur Kharkiv",
                "source": "Le Test",
                "language": "fr",
                "published": f"{day}T09:00:00+03:00",
                "text": text,
            },
            "entities": [
                {
                    "text": "russes",
                    "label": "NORP",
                    **{k: v for k, v in span(text, "russes").items() if k != "text"},
                    "actor": event["source"],
                }
            ],
            "events": [event],
            "quotes": [
                {
                    "id": f"{article_id}-q1",
                    **quote,
                    "kind": "direct",
                    "speaker": actor(text, "gouverneur", None, "GOV"),
                    "verb": "déclarer",
                    "channel": "Telegram",
                    "event_ids": [event["id"]],
                }
            ],
            "claims": [
                {
                    "id": f"{article_id}-c1",
                    "what": "deaths",
                    "min": 12,
                    "max": None,
                    "approx": False,
                    **c1,
                    "according_to": actor(text, "ministère", None, "GOV"),
                    "modality": "asserted",
                    "event_id": event["id"],
                },
                {
                    "id": f"{article_id}-c2",
                    "what": "deaths",
                    "min": 30,
                    "max": 30,
                    "approx": False,
                    **c2,
                    "according_to": actor(text, "opposition", None, "OPP"),
                    "modality": "asserted",
                    "event_id": event["id"],
                },
            ],
        }
    )


def protest_record(article_id: str = "T2") -> ArticleRecord:
    text = "Thousands of protesters marched in Tbilisi on Tuesday against the foreign agents law, police said."
    tbilisi = span(text, "Tbilisi")
    date = span(text, "on Tuesday")
    event = {
        "id": f"{article_id}-e1",
        "type": "PROTEST",
        "mode": "demo",
        "source": actor(text, "protesters", None, "CVL"),
        "places": [
            {
                "name": "Tbilisi",
                "country": "GEO",
                "lat": 41.69,
                "lon": 44.83,
                "precision": "city",
                "start": tbilisi["start"],
                "end": tbilisi["end"],
            }
        ],
        "date": {
            "start": "2024-05-14",
            "end": "2024-05-14",
            "precision": "day",
            "text": "on Tuesday",
            "start_offset": date["start"],
            "end_offset": date["end"],
        },
        "modality": "hedged",
        "according_to": [actor(text, "police", None, "COP")],
        "trigger": span(text, "marched"),
        "evidence": span(text, text),
        "confidence": 0.7,
    }
    claim = span(text, "Thousands of protesters")
    return ArticleRecord.model_validate(
        {
            "article": {
                "id": article_id,
                "title": "Tbilisi march",
                "source": "The Test",
                "language": "en",
                "published": "2024-05-15T08:00:00+04:00",
                "text": text,
            },
            "events": [event],
            "claims": [
                {
                    "id": f"{article_id}-c1",
                    "what": "protesters",
                    "min": 1000,
                    "max": 9999,
                    "approx": True,
                    **claim,
                    "according_to": actor(text, "police", None, "COP"),
                    "modality": "asserted",
                    "event_id": event["id"],
                }
            ],
        }
    )


def hostile_record(article_id: str = "X1") -> ArticleRecord:
    """An article whose text, title and actor names try to inject markup."""
    text = f"Hostile {XSS} troops attacked Kharkiv {ATTR} on Monday, officials said."
    kharkiv = span(text, "Kharkiv")
    event = {
        "id": f"{article_id}-e1",
        "type": "ASSAULT",
        "source": {**actor(text, XSS, "RUS", "MIL"), "name": XSS},
        "target": {**actor(text, ATTR, "UKR", None), "name": ATTR},
        "places": [
            {
                "name": f"Kharkiv{ATTR}",
                "country": "UKR",
                "lat": 49.9,
                "lon": 36.3,
                "precision": "city",
                "start": kharkiv["start"],
                "end": kharkiv["end"],
            }
        ],
        "date": {"start": "2024-05-20", "end": "2024-05-20", "precision": "day", "text": XSS},
        "trigger": span(text, "attacked"),
        "evidence": span(text, text),
        "confidence": 0.5,
    }
    q = span(text, ATTR)
    return ArticleRecord.model_validate(
        {
            "article": {
                "id": article_id,
                "title": XSS + ATTR,
                "source": ATTR,
                "url": "javascript:window.__xss=4",
                "language": "en",
                "published": "2024-05-21T00:00:00Z",
                "text": text,
            },
            "events": [event],
            "quotes": [
                {
                    "id": f"{article_id}-q1",
                    **q,
                    "kind": "direct",
                    "speaker": {"name": XSS},
                    "event_ids": [event["id"]],
                }
            ],
            "claims": [
                {
                    "id": f"{article_id}-c1",
                    "what": XSS,
                    "min": 1,
                    "max": 1,
                    **span(text, XSS),
                    "according_to": {"name": ATTR},
                    "event_id": event["id"],
                }
            ],
        }
    )


def build_store(path: Path, records: list[ArticleRecord]) -> Path:
    with Store(path) as store:
        for record in records:
            store.save(record, content_hash=record.article.id, origin=record.article.id)
    return path
