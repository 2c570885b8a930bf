"""The shared reader and status writer of the test tables (tests/tables.py)."""

from pathlib import Path

import pytest

from tests.tables import rewrite_status, table_rows

TEXT = "# a comment\nid\ttext\tstatus\n\na1\tone\tpass\n# between\na2\ttwo\topen\n"


def test_rows_and_status_rewrite_keep_every_other_byte(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(TEXT, encoding="utf-8")
    assert table_rows(path, ("id", "text", "status")) == [
        (4, ["a1", "one", "pass"]),
        (6, ["a2", "two", "open"]),
    ]
    assert rewrite_status(path, {"a1": "pass", "a2": "pass", "zz": "open"}) == 1
    assert path.read_text(encoding="utf-8") == TEXT.replace("two\topen", "two\tpass")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id\ttext\n", "header"),
        ("id\ttext\tstatus\na1\tone\n", "2 columns"),
        ("id\ttext\tstatus\na1\tone\tmaybe\n", "bad status"),
    ],
)
def test_rows_refuse_bad_tables(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        table_rows(path, ("id", "text", "status"))
