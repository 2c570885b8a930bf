"""Validate the sample corpus: every article file and its gold file, loudly.

Usage: python corpus/check_gold.py [CORPUS_DIR]

Prints one line per problem and exits 1 when there is any. No dependency beyond the
standard library, so corpus writers can run it before the package is installed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
MODALITIES = {
    "asserted", "hedged", "denied", "threatened", "conditional", "planned", "requested",
    "hypothetical",
}
SECTORS = {
    "GOV", "MIL", "LEG", "JUD", "COP", "REB", "OPP", "PTY", "MED", "CVL", "BUS", "EDU", "REL",
    "IGO", "NGO", "LAB",
}
IGOS = {
    "UN", "NATO", "EU", "AU", "IAEA", "ECOWAS", "OSCE", "ICC", "WHO", "ICRC", "ARL", "G7",
    "G20", "ASEAN", "OPEC", "IMF", "WB", "OAS", "SCO", "GCC", "UNSC", "UNHCR", "WFP", "UNICEF",
    "OHCHR", "CSTO", "EAC", "SADC", "IGAD", "BRICS", "MONUSCO", "MINUSMA", "UNIFIL",
}
PRECISIONS_DATE = {"day", "week", "month", "year"}
PRECISIONS_PLACE = {"point", "city", "admin2", "admin1", "country"}
QUOTE_KINDS = {"direct", "partial", "indirect"}
CODE_RE = re.compile(r"^(?:[A-Z]{3}(?:GOV|MIL|LEG|JUD|COP|REB|OPP|PTY|MED|CVL|BUS|EDU|REL|IGO|NGO|LAB)?|[A-Z]{3})$")


def valid_code(code: str) -> bool:
    return code in IGOS or code in SECTORS or bool(CODE_RE.match(code))


def check_codes(value: object, where: str, problems: list[str]) -> None:
    if value is None:
        return
    codes = value if isinstance(value, list) else [value]
    if not codes:
        problems.append(f"{where}: empty code list (use null)")
    for code in codes:
        if not isinstance(code, str) or not valid_code(code):
            problems.append(f"{where}: bad actor code {code!r}")


def find(text: str, needle: str, occurrence: int = 1) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            return -1
    return start


def check_date(value: object, where: str, problems: list[str]) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        problems.append(f"{where}: date must be an object or null")
        return
    try:
        start = dt.date.fromisoformat(value["start"])
        end = dt.date.fromisoformat(value["end"])
    except (KeyError, TypeError, ValueError):
        problems.append(f"{where}: date needs start and end as YYYY-MM-DD")
        return
    if end < start:
        problems.append(f"{where}: date ends before it starts")
    if value.get("precision") not in PRECISIONS_DATE:
        problems.append(f"{where}: date precision {value.get('precision')!r}")


def check_article(path: Path, problems: list[str]) -> dict | None:
    try:
        article = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        problems.append(f"{path}: unreadable article ({exc})")
        return None
    where = path.name
    for key in ("id", "lang", "title", "source", "published", "text"):
        if not article.get(key):
            problems.append(f"{where}: missing {key}")
    if article.get("id") != path.stem:
        problems.append(f"{where}: id {article.get('id')!r} differs from the file name")
    if article.get("lang") not in ("fr", "en"):
        problems.append(f"{where}: lang must be fr or en")
    try:
        published = dt.datetime.fromisoformat(article.get("published", ""))
        if published.tzinfo is None:
            problems.append(f"{where}: published needs a UTC offset")
    except ValueError:
        problems.append(f"{where}: published is not ISO 8601")
    words = len(str(article.get("text", "")).split())
    if not 150 <= words <= 900:
        problems.append(f"{where}: {words} words (150 to 900)")
    return article


def check_gold(path: Path, article: dict, problems: list[str]) -> None:
    where = path.name
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        problems.append(f"{path}: unreadable gold ({exc})")
        return
    text = article["text"]
    if gold.get("article") != article["id"]:
        problems.append(f"{where}: article {gold.get('article')!r} differs from {article['id']!r}")
    if gold.get("split") not in ("dev", "test"):
        problems.append(f"{where}: split must be dev or test")
    for i, event in enumerate(gold.get("events", [])):
        w = f"{where} event {i + 1}"
        if event.get("type") not in TYPES:
            problems.append(f"{w}: type {event.get('type')!r}")
        if event.get("modality") not in MODALITIES:
            problems.append(f"{w}: modality {event.get('modality')!r}")
        check_codes(event.get("source"), f"{w} source", problems)
        check_codes(event.get("target"), f"{w} target", problems)
        trigger = event.get("trigger")
        if not trigger or find(text, trigger, event.get("trigger_occurrence", 1)) < 0:
            problems.append(f"{w}: trigger {trigger!r} not found in the text")
        check_date(event.get("date"), w, problems)
        if not isinstance(event.get("according_to", []), list):
            problems.append(f"{w}: according_to must be a list of names")
        for place in event.get("places", []):
            if place.get("precision") not in PRECISIONS_PLACE:
                problems.append(f"{w}: place precision {place.get('precision')!r}")
            if not isinstance(place.get("lat"), (int, float)) or not isinstance(
                place.get("lon"), (int, float)
            ):
                problems.append(f"{w}: place {place.get('name')!r} needs lat and lon")
            if place.get("country") is not None and not re.match(r"^[A-Z]{3}$", place["country"]):
                problems.append(f"{w}: place country {place.get('country')!r}")
    for i, quote in enumerate(gold.get("quotes", [])):
        w = f"{where} quote {i + 1}"
        if quote.get("kind") not in QUOTE_KINDS:
            problems.append(f"{w}: kind {quote.get('kind')!r}")
        if not quote.get("text") or quote["text"] not in text:
            problems.append(f"{w}: text {quote.get('text')!r} not found in the text")
        check_codes(quote.get("speaker_code"), f"{w} speaker_code", problems)
    for i, claim in enumerate(gold.get("claims", [])):
        w = f"{where} claim {i + 1}"
        if not claim.get("text") or claim["text"] not in text:
            problems.append(f"{w}: text {claim.get('text')!r} not found in the text")
        if not claim.get("what"):
            problems.append(f"{w}: what is missing")
        for key in ("min", "max"):
            if claim.get(key) is not None and not isinstance(claim[key], (int, float)):
                problems.append(f"{w}: {key} must be a number or null")
        if claim.get("min") is None and claim.get("max") is None:
            problems.append(f"{w}: min and max cannot both be null")
        if claim.get("modality", "asserted") not in MODALITIES:
            problems.append(f"{w}: modality {claim.get('modality')!r}")


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).parent
    problems: list[str] = []
    articles = sorted((root / "articles").glob("*.json"))
    if not articles:
        problems.append(f"{root}: no articles")
    for path in articles:
        article = check_article(path, problems)
        gold = root / "gold" / path.name
        if article is None:
            continue
        if not gold.exists():
            problems.append(f"{path.name}: no gold file")
            continue
        check_gold(gold, article, problems)
    for path in sorted((root / "gold").glob("*.json")):
        if not (root / "articles" / path.name).exists():
            problems.append(f"{path.name}: gold without an article")
    for line in problems:
        print(line)
    print(f"{len(articles)} articles, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
