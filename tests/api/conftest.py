from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from selon.api import create_app
from tests.factories import build_store, hostile_record, kharkiv_record, protest_record


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = [
        kharkiv_record("T1", "2024-05-25"),
        kharkiv_record("T3", "2024-05-27"),
        protest_record(),
        hostile_record(),
    ]
    return build_store(tmp_path_factory.mktemp("api") / "s.db", records)


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as c:
        yield c
