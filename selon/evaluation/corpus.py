"""Loading the gold corpus (corpus/README.md documents the format) and its hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selon.errors import InputError
from selon.inputs import ArticleInput, parse_datetime


@dataclass
class GoldArticle:
    article: ArticleInput
    split: str
    gold: dict[str, Any]


def load_corpus(root: Path) -> list[GoldArticle]:
    """Every article of ``root/articles`` with its gold file; raises InputError if one is missing."""
    items = []
    paths = sorted((root / "articles").glob("*.json"))
    if not paths:
        raise InputError(f"no articles in {root / 'articles'}")
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        gold_path = root / "gold" / path.name
        if not gold_path.exists():
            raise InputError(f"no gold file for {path.name} in {root / 'gold'}")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = ArticleInput(
            text=data["text"],
            origin=str(path),
            id=data["id"],
            title=data.get("title"),
            url=data.get("url"),
            source=data.get("source"),
            published=parse_datetime(data.get("published"), str(path)),
            lang=data.get("lang"),
        )
        items.append(GoldArticle(article, gold.get("split", "dev"), gold))
    return items


def corpus_hash(root: Path) -> str:
    """sha256 over every article and gold file, in name order."""
    digest = hashlib.sha256()
    for folder in ("articles", "gold"):
        for path in sorted((root / folder).glob("*.json")):
            digest.update(f"{folder}/{path.name}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def find_trigger(text: str, needle: str, occurrence: int = 1) -> int:
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(needle, start + 1)
        if start < 0:
            return -1
    return start


def parse_day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)
