"""The command line, in process (click's runner) and, for exit codes and stdin, as a process."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from selon.cli import cli

FR = (
    "Des frappes russes ont visé Kharkiv dans la nuit de samedi à dimanche, a indiqué le gouverneur "
    "Oleh Synehoubov. « Nous ne céderons pas », a-t-il ajouté. Au moins 12 personnes ont été tuées, "
    "selon le ministère ukrainien de l'Intérieur."
)
EN = "Russian forces shelled Kharkiv overnight, killing at least 12 civilians, Governor Oleh Syniehubov said."
DE = (
    "Russische Angriffe trafen die Stadt in der Nacht, sagte der Gouverneur der Region, der von mehreren "
    "Verletzten sprach und weitere Angriffe in den kommenden Tagen erwartete."
)
PUBLISHED = "2024-05-26T09:00:00+03:00"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def files(tmp_path):
    (tmp_path / "fr.txt").write_text(FR)
    (tmp_path / "en.json").write_text(
        json.dumps({"id": "en-1", "text": EN, "published": PUBLISHED})
    )
    (tmp_path / "de.txt").write_text(DE)
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    return tmp_path


def test_cli_extract_json_validates(runner, files, validate):
    result = runner.invoke(
        cli, ["extract", "--published", PUBLISHED, "--id", "k1", str(files / "fr.txt")]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    validate(record)
    assert record["article"]["id"] == "k1"
    assert record["article"]["published"] == PUBLISHED
    assert any(e["type"] == "ASSAULT" for e in record["events"])


def test_cli_extract_several_inputs_print_jsonl(runner, files, validate):
    result = runner.invoke(cli, ["extract", str(files / "fr.txt"), str(files / "en.json")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [r["article"]["language"] for r in lines] == ["fr", "en"]
    for record in lines:
        validate(record)


def test_cli_extract_text_digest(runner, files):
    result = runner.invoke(
        cli, ["extract", "--format", "text", "--published", PUBLISHED, str(files / "fr.txt")]
    )
    assert result.exit_code == 0, result.output
    assert "—ASSAULT→" in result.output and "deaths:" in result.output


def test_cli_extract_unsupported_language_exit_2(runner, files):
    result = runner.invoke(cli, ["extract", str(files / "de.txt")])
    assert result.exit_code == 2
    assert "supported languages: fr, en" in result.output


def test_cli_extract_lang_override(runner, files):
    result = runner.invoke(cli, ["extract", "--lang", "fr", str(files / "de.txt")])
    assert result.exit_code == 0


def test_cli_extract_bad_lang_option(runner, files):
    result = runner.invoke(cli, ["extract", "--lang", "de", str(files / "fr.txt")])
    assert result.exit_code == 2 and "supported languages" in result.output


def test_cli_extract_batch_with_a_bad_file_goes_on(runner, files):
    result = runner.invoke(cli, ["extract", str(files / "bin.txt"), str(files / "fr.txt")])
    assert result.exit_code == 1
    records = [line for line in result.output.splitlines() if line.startswith("{")]
    assert len(records) == 1
    assert "binary" in result.output


def test_cli_ingest_events_show(runner, files, tmp_path):
    db = str(tmp_path / "s.db")
    result = runner.invoke(
        cli,
        [
            "ingest",
            "--db",
            db,
            str(files / "fr.txt"),
            str(files / "en.json"),
            "--published",
            PUBLISHED,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 saved" in result.output
    listed = runner.invoke(cli, ["events", "--db", db, "--format", "jsonl"])
    events = [json.loads(line) for line in listed.output.splitlines()]
    assert events and all("articles" in e for e in events)
    table = runner.invoke(cli, ["events", "--db", db, "--type", "ASSAULT"])
    assert "—ASSAULT" in table.output
    shown = runner.invoke(cli, ["show", events[0]["id"], "--db", db])
    assert shown.exit_code == 0 and "evidence:" in shown.output
    missing = runner.invoke(cli, ["show", "nope", "--db", db])
    assert missing.exit_code == 4


def test_cli_ingest_reports_failures_with_exit_1(runner, files, tmp_path):
    db = str(tmp_path / "s.db")
    result = runner.invoke(cli, ["ingest", "--db", db, str(files)])
    assert result.exit_code == 1
    assert "1 saved" not in result.output  # fr, en saved; de and bin failed
    assert "2 saved" in result.output and "2 failed" in result.output


def test_cli_events_bad_options(runner, tmp_path):
    db = str(tmp_path / "none.db")
    assert runner.invoke(cli, ["events", "--db", db]).exit_code == 2
    assert runner.invoke(cli, ["events", "--db", db, "--type", "BOMB"]).exit_code == 2
    assert runner.invoke(cli, ["events", "--db", db, "--since", "yesterday"]).exit_code == 2


def test_cli_schema_check(runner):
    assert runner.invoke(cli, ["schema", "--check"]).exit_code == 0
    printed = runner.invoke(cli, ["schema"])
    assert json.loads(printed.output)["title"] == "ArticleRecord"


def test_cli_process_stdin_and_exit_codes():
    ok = subprocess.run(
        [sys.executable, "-m", "selon", "extract", "--format", "jsonl", "-"],
        input=EN,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["article"]["language"] == "en"
    bad = subprocess.run(
        [sys.executable, "-m", "selon", "extract", "-"],
        input="\x00\x01",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr and bad.stderr.startswith("selon:")


def test_cli_compact(runner, tmp_path):
    from tests.factories import build_store, kharkiv_record

    path = build_store(tmp_path / "s.db", [kharkiv_record("T1", "2024-05-25")])
    result = runner.invoke(cli, ["compact", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "compacted" in result.output
    missing = runner.invoke(cli, ["compact", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2
