"""What the test tables share (``tests/data/*.tsv``, one case a row, a ``status`` column last).

A table has comment lines (``#``), a header row naming its columns, then tab-separated rows.
Rows whose status is ``open`` run as strict xfails, so fixing one fails the run (XPASS) until
``--update-status`` rewrites the column with ``rewrite_status``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

STATUSES = ("pass", "open")


def _data_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) of the header and rows: comments and blank lines left out."""
    return [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]


def table_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """(line number, fields) of every row, after checking the header and the column count."""
    lines = _data_lines(path.read_text(encoding="utf-8"))
    header = tuple(lines[0][1].split("\t"))
    if header != columns:
        raise ValueError(f"{path}: header {header}, want {columns}")
    rows = []
    for number, line in lines[1:]:
        fields = line.split("\t")
        if len(fields) != len(columns):
            raise ValueError(f"{path}:{number}: {len(fields)} columns, want {len(columns)}")
        if fields[-1] not in STATUSES:
            raise ValueError(f"{path}:{number}: bad status {fields[-1]!r}")
        rows.append((number, fields))
    return rows


def table_param(case: Any, case_id: str, status: str, reason: str) -> Any:
    """A row as a pytest parameter: a strict xfail while its status is ``open``."""
    marks = []
    if status == "open":
        marks.append(pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason))
    return pytest.param(case, id=case_id, marks=marks)


def rewrite_status(path: Path, status: dict[str, str]) -> int:
    """Set the status column of the rows named in ``status``, every other byte as it was;
    returns how many rows changed."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    numbers = {number for number, _ in _data_lines("".join(lines))[1:]}
    changed = 0
    for index, line in enumerate(lines):
        fields = line.rstrip("\n").split("\t")
        if index + 1 in numbers and fields[0] in status and fields[-1] != status[fields[0]]:
            fields[-1] = status[fields[0]]
            lines[index] = "\t".join(fields) + "\n"
            changed += 1
    path.write_text("".join(lines), encoding="utf-8")
    return changed
