"""The published JSON Schema of the article record, generated from selon.records."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from selon.records import ArticleRecord

SCHEMA_PATH = Path(__file__).with_name("article.schema.json")
SCHEMA_ID = "https://selon.invalid/schema/article.schema.json"


def generate_schema() -> dict[str, Any]:
    """The JSON Schema of one ``selon extract`` output, from the pydantic models."""
    schema = ArticleRecord.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def render_schema() -> str:
    return json.dumps(generate_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    path.write_text(render_schema(), encoding="utf-8")
    return path


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The committed schema file."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded
