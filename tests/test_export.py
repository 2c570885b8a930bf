"""Exports in every layout and format load in pandas and DuckDB, from the CLI and the API."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from selon.cli import cli
from selon.export import LAYOUTS, export_bytes, layout_table
from selon.store.queries import EventFilter, connect
from tests.factories import build_store, hostile_record, kharkiv_record, protest_record


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(
        tmp_path_factory.mktemp("export") / "s.db",
        [kharkiv_record(), protest_record(), hostile_record()],
    )


def load(path: Path, fmt: str) -> tuple[pd.DataFrame, int]:
    if fmt == "csv":
        frame = pd.read_csv(path)
        rows = duckdb.sql(f"SELECT COUNT(*) FROM read_csv('{path}', header=true)").fetchall()[0]
    elif fmt == "jsonl":
        frame = pd.read_json(path, lines=True)
        rows = duckdb.sql(
            f"SELECT COUNT(*) FROM read_json('{path}', format='newline_delimited')"
        ).fetchall()[0]
    else:
        frame = pd.read_parquet(path)
        rows = duckdb.sql(f"SELECT COUNT(*) FROM read_parquet('{path}')").fetchall()[0]
    assert rows is not None
    return frame, int(rows[0])


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_loads_in_pandas_and_duckdb(store_path, tmp_path, layout, fmt):
    out = tmp_path / f"x.{fmt}"
    result = CliRunner().invoke(
        cli,
        ["export", "--db", str(store_path), "--format", fmt, "--layout", layout, "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    frame, rows = load(out, fmt)
    assert len(frame) == rows == 3
    assert list(frame.columns) == [c.name for c in LAYOUTS[layout]]


def test_export_filters_and_mappings(store_path):
    db = connect(store_path)
    acled = export_bytes(
        db,
        EventFilter.checked(type="ASSAULT", place_country="UKR", until="2024-05-25"),
        fmt="jsonl",
        layout="acled",
    )
    rows = [json.loads(line) for line in acled.decode().splitlines()]
    kharkiv = next(r for r in rows if r["event_id_cnty"] == "T1-e1")
    assert kharkiv["event_type"] == "Explosions/Remote violence" and kharkiv["inter1"] == 1
    assert kharkiv["fatalities"] == 12  # the smallest lower bound of the disputed figures
    gdelt = json.loads(
        export_bytes(db, EventFilter.checked(type="PROTEST"), fmt="jsonl", layout="gdelt")
    )
    assert (gdelt["EventRootCode"], gdelt["QuadClass"], gdelt["SQLDATE"]) == ("14", 4, 20240514)
    plover = json.loads(
        export_bytes(db, EventFilter.checked(q="marched"), fmt="jsonl", layout="plover")
    )
    assert (plover["event"], plover["mode"], plover["src_agent"]) == ("PROTEST", "demo", "CVL")


def test_export_api_parquet_is_the_cli_file(store_path):
    from fastapi.testclient import TestClient

    from selon.api import create_app

    with TestClient(create_app(store_path)) as client:
        response = client.get("/api/export", params={"format": "parquet", "layout": "gdelt"})
    assert response.status_code == 200
    frame = pd.read_parquet(__import__("io").BytesIO(response.content))
    assert len(frame) == 3 and "GoldsteinScale" in frame.columns


def test_export_bad_filter_exits_2(store_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(store_path), "--since", "soon"])
    assert result.exit_code == 2 and "--since" in result.output


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_export_layouts_are_documented_in_the_readme(layout):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert layout_table(layout) in readme, (
        f"regenerate the {layout} table: selon.export.layout_table"
    )
