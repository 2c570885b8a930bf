"""The one conftest: shared fixtures, visible from every test.

- ``fr_record`` / ``en_record``: extract a French / English text (models loaded once per run).
- ``corpus_dir``: the bundled sample corpus.
- ``validate``: validate a record (or its JSON) against the committed JSON Schema.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from selon.build import check_spans
from selon.pipeline import extract
from selon.records import ArticleRecord
from selon.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = "2024-05-26T09:00:00+03:00"  # a Sunday


def validate_record(record: ArticleRecord | dict[str, Any]) -> None:
    data = json.loads(record.model_dump_json()) if isinstance(record, ArticleRecord) else record
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    check_spans(ArticleRecord.model_validate(data))


@pytest.fixture(scope="session")
def validate() -> Callable[[ArticleRecord | dict[str, Any]], None]:
    return validate_record


@pytest.fixture(scope="session")
def fr_record() -> Callable[..., ArticleRecord]:
    def run(text: str, published: str | None = PUBLISHED) -> ArticleRecord:
        record = extract(text, published=published, lang="fr")
        validate_record(record)
        return record

    return run


@pytest.fixture(scope="session")
def en_record() -> Callable[..., ArticleRecord]:
    def run(text: str, published: str | None = PUBLISHED) -> ArticleRecord:
        record = extract(text, published=published, lang="en")
        validate_record(record)
        return record

    return run


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return ROOT / "corpus"
