"""The sentence table of issue #3: short French and English sentences and the events they state.

The table is ``tests/data/event_sentences.tsv``; its header gives the columns and the coding
conventions. A row passes when every expected (type, source code, target code, modality) is
among the extracted events, and a ``none`` row when nothing is extracted. Rows whose status is
``open`` are strict xfails, so fixing one fails the run (XPASS) until the status is refreshed:

    .venv/bin/python -m tests.components.test_event_sentences                  # report only
    .venv/bin/python -m tests.components.test_event_sentences --update-status  # rewrite status
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

import pytest

from selon.records import ArticleRecord, Modality, PloverType
from tests.components.test_events import triples
from tests.tables import rewrite_status, table_param, table_rows

TABLE = Path(__file__).resolve().parent.parent / "data" / "event_sentences.tsv"
COLUMNS = ("id", "lang", "sentence", "expected", "status")
TYPES = frozenset(get_args(PloverType))
MODALITIES = frozenset(get_args(Modality))
NULL = "-"

# (type, source code, target code, modality)
Coded = tuple[str, str | None, str | None, str]


@dataclass(frozen=True)
class Row:
    id: str
    lang: str
    sentence: str
    expected: tuple[Coded, ...]  # empty: no event at all
    status: str


def parse_expected(text: str) -> tuple[Coded, ...]:
    """``none`` or ``TYPE|SOURCE|TARGET|MODALITY;...`` -> coded events (``-`` is a null code)."""
    if text == "none":
        return ()
    events = []
    for item in text.split(";"):
        fields = item.strip().split("|")
        if len(fields) != 4:
            raise ValueError(f"expected TYPE|SOURCE|TARGET|MODALITY, got {item!r}")
        type_, source, target, modality = fields
        if type_ not in TYPES or modality not in MODALITIES:
            raise ValueError(f"unknown type or modality in {item!r}")
        events.append(
            (
                type_,
                None if source == NULL else source,
                None if target == NULL else target,
                modality,
            )
        )
    return tuple(events)


def format_coded(event: Coded) -> str:
    type_, source, target, modality = event
    return f"{type_}|{source or NULL}|{target or NULL}|{modality}"


def read_table(path: Path = TABLE) -> list[Row]:
    rows = []
    for number, fields in table_rows(path, COLUMNS):
        id_, lang, sentence, expected, status = fields
        if lang not in ("fr", "en"):
            raise ValueError(f"{path}:{number}: bad lang {lang!r}")
        try:
            coded = parse_expected(expected)
        except ValueError as error:
            raise ValueError(f"{path}:{number}: {error}") from None
        rows.append(Row(id_, lang, sentence, coded, status))
    return rows


def extracted(record: ArticleRecord) -> list[Coded]:
    return triples(record)


def diagnose(expected: Coded, found: Sequence[Coded]) -> str:
    """Why ``expected`` is not among ``found``: the nearest extracted event's one difference."""
    same_type = [event for event in found if event[0] == expected[0]]
    if not same_type:
        return "missing event"
    kinds = []
    for _, source, target, modality in same_type:
        wrong = [
            name
            for name, want, got in (
                ("source", expected[1], source),
                ("target", expected[2], target),
                ("modality", expected[3], modality),
            )
            if want != got
        ]
        kinds.append(wrong)
    nearest = min(kinds, key=len)
    if nearest == ["source"] or nearest == ["target"]:
        role = 1 if nearest == ["source"] else 2
        want = expected[role]
        got = next(
            event[role] for event, wrong in zip(same_type, kinds, strict=True) if wrong == nearest
        )
        if want is not None and got is None:
            return f"missing {nearest[0]}"
        if want and got and want[:3] == got[:3]:
            return f"wrong {nearest[0]} sector"
        if want and got and (want.endswith(got) or got.endswith(want)):
            return f"wrong {nearest[0]} country"
        return f"wrong {nearest[0]}"
    return "wrong " + "+".join(nearest)


def problems(row: Row, record: ArticleRecord) -> list[str]:
    """What keeps ``row`` from passing on ``record``; empty when it passes."""
    found = extracted(record)
    if not row.expected:
        return [f"spurious event: {format_coded(event)}" for event in found]
    return [
        f"{diagnose(event, found)}: {format_coded(event)}"
        for event in row.expected
        if event not in found
    ]


ROWS = read_table()


def _param(row: Row) -> object:
    wanted = "; ".join(format_coded(event) for event in row.expected) or "none"
    return table_param(row, row.id, row.status, f"open: {wanted}")


@pytest.mark.parametrize("row", [_param(row) for row in ROWS])
def test_event_sentence(
    row: Row,
    fr_record: Callable[..., ArticleRecord],
    en_record: Callable[..., ArticleRecord],
) -> None:
    record = (fr_record if row.lang == "fr" else en_record)(row.sentence)
    wrong = problems(row, record)
    assert not wrong, "\n".join([row.sentence, *wrong, f"extracted: {extracted(record)}"])


def test_event_sentences_table_covers_the_issue() -> None:
    ids = [row.id for row in ROWS]
    assert len(ROWS) >= 110
    assert len(set(ids)) == len(ids), "duplicate ids"
    for lang in ("fr", "en"):
        rows = [row for row in ROWS if row.lang == lang]
        assert len(rows) >= 0.4 * len(ROWS)
        types = {event[0] for row in rows for event in row.expected}
        assert types == TYPES, f"{lang}: no sentence for {sorted(TYPES - types)}"
        modalities = {event[3] for row in rows for event in row.expected}
        wanted = {"asserted", "hedged", "denied", "conditional", "planned", "requested"}
        assert wanted <= modalities, f"{lang}: no sentence for {sorted(wanted - modalities)}"
        assert sum(not row.expected for row in rows) >= 10, f"{lang}: too few no-event rows"


def test_parse_expected_reads_null_codes_and_refuses_bad_rows() -> None:
    assert parse_expected("none") == ()
    assert parse_expected("MOBILIZE|NATO|-|planned;ASSAULT|RUSMIL|UKR|asserted") == (
        ("MOBILIZE", "NATO", None, "planned"),
        ("ASSAULT", "RUSMIL", "UKR", "asserted"),
    )
    for bad in ("ASSAULT|RUSMIL|UKR", "BOMB|RUSMIL|UKR|asserted", "ASSAULT|RUSMIL|UKR|likely"):
        with pytest.raises(ValueError):
            parse_expected(bad)


def test_diagnose_names_the_one_difference() -> None:
    found = [("ASSAULT", "RUSGOV", None, "hedged")]
    assert diagnose(("COERCE", "COP", "CVL", "asserted"), found) == "missing event"
    assert diagnose(("ASSAULT", "RUSGOV", "UKR", "hedged"), found) == "missing target"
    assert diagnose(("ASSAULT", "RUSMIL", None, "hedged"), found) == "wrong source sector"
    assert diagnose(("ASSAULT", "GOV", None, "hedged"), found) == "wrong source country"
    assert diagnose(("ASSAULT", "RUSGOV", None, "asserted"), found) == "wrong modality"
    assert diagnose(("ASSAULT", "UKRMIL", None, "denied"), found) == "wrong source+modality"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-status", action="store_true", help="rewrite the status column")
    parser.add_argument("--table", type=Path, default=TABLE)
    args = parser.parse_args(argv)

    from selon.pipeline import extract
    from tests.conftest import PUBLISHED, validate_record

    rows = read_table(args.table)
    status: dict[str, str] = {}
    kinds: Counter[str] = Counter()
    for row in rows:
        record = extract(row.sentence, published=PUBLISHED, lang=row.lang)
        validate_record(record)
        wrong = problems(row, record)
        status[row.id] = "open" if wrong else "pass"
        kinds.update(problem.split(":")[0] for problem in wrong)
        if wrong:
            print(f"{row.id}: {row.sentence}")
            for problem in wrong:
                print(f"    {problem}")
            print(f"    extracted: {', '.join(map(format_coded, extracted(record))) or 'none'}")
    passing = sum(value == "pass" for value in status.values())
    print(f"\n{passing}/{len(rows)} rows pass")
    for kind, count in kinds.most_common():
        print(f"  {count:4d} {kind}")
    if args.update_status:
        before = [(row.id, row.expected) for row in rows]
        changed = rewrite_status(args.table, status)
        after = read_table(args.table)
        if [(row.id, row.expected) for row in after] != before:
            raise RuntimeError("rewriting the status changed the expectations")
        print(f"status column rewritten: {changed} rows changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
