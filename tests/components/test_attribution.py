"""The attribution table of issue #4: a quote in every position the issue lists, and who says it.

The table is ``tests/data/attribution_cases.tsv``; its header gives the columns. A row passes
when a quote of the expected kind holds the expected words and its speaker is the expected
name (as first written in full, articles aside). Rows whose status is ``open`` are strict
xfails, so fixing one fails the run (XPASS) until the status is refreshed:

    .venv/bin/python -m tests.components.test_attribution                  # report only
    .venv/bin/python -m tests.components.test_attribution --update-status  # rewrite status
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from selon.phrases import words
from selon.records import ArticleRecord
from tests.tables import rewrite_status, table_param, table_rows

TABLE = Path(__file__).resolve().parent.parent / "data" / "attribution_cases.tsv"
COLUMNS = ("id", "lang", "position", "text", "quote", "kind", "speaker", "status")
POSITIONS = (
    "before",
    "after",
    "inverted",
    "pronoun",
    "continuation",
    "partial",
    "selon",
    "according",
    "indirect",
    "incise",
    "title",
    "paragraph",
    "second",
    "view",
    "seat",
    "plural",
    "headline",
    "interrupted",
    "source",
)
KINDS = ("direct", "partial", "indirect")
ARTICLES = {"le", "la", "les", "l", "the", "a", "an", "un", "une"}


@dataclass(frozen=True)
class Case:
    id: str
    lang: str
    position: str
    text: str
    quote: str
    kind: str
    speaker: str | None
    status: str


def read_table(path: Path = TABLE) -> list[Case]:
    cases = []
    for number, fields in table_rows(path, COLUMNS):
        id_, lang, position, text, quote, kind, speaker, status = fields
        if lang not in ("fr", "en") or position not in POSITIONS or kind not in KINDS:
            raise ValueError(f"{path}:{number}: bad lang, position or kind")
        text = text.replace("¶", "\n\n")
        if quote not in text:
            raise ValueError(f"{path}:{number}: {quote!r} is not in the text")
        cases.append(
            Case(
                id_, lang, position, text, quote, kind, None if speaker == "-" else speaker, status
            )
        )
    return cases


def _name(name: str | None) -> tuple[str, ...]:
    found = words(name or "")
    while found and found[0] in ARTICLES:
        found = found[1:]
    return found


def problems(case: Case, record: ArticleRecord) -> list[str]:
    """What keeps ``case`` from passing on ``record``; empty when it passes."""
    quotes = [q for q in record.quotes if case.quote in q.text]
    if not quotes:
        return ["no quote holds the expected words"]
    right_kind = [q for q in quotes if q.kind == case.kind]
    if not right_kind:
        return [f"kind {quotes[0].kind}, want {case.kind}"]
    speakers = [q.speaker.name if q.speaker is not None else None for q in right_kind]
    if not any(_name(name) == _name(case.speaker) for name in speakers):
        return [f"speaker {speakers[0]!r}, want {case.speaker!r}"]
    return []


def describe(record: ArticleRecord) -> str:
    return "; ".join(
        f"[{q.kind}] {q.speaker.name if q.speaker else None}: {q.text!r}" for q in record.quotes
    )


CASES = read_table()


def _param(case: Case) -> object:
    return table_param(case, case.id, case.status, f"open: {case.kind} quote by {case.speaker}")


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_attribution(
    case: Case,
    fr_record: Callable[..., ArticleRecord],
    en_record: Callable[..., ArticleRecord],
) -> None:
    record = (fr_record if case.lang == "fr" else en_record)(case.text)
    wrong = problems(case, record)
    assert not wrong, "\n".join([case.text, *wrong, f"quotes: {describe(record)}"])


def test_attribution_table_covers_the_issue() -> None:
    ids = [case.id for case in CASES]
    assert len(CASES) >= 60
    assert len(set(ids)) == len(ids), "duplicate ids"
    for lang in ("fr", "en"):
        cases = [case for case in CASES if case.lang == lang]
        assert len(cases) >= 0.4 * len(CASES)
        positions = {case.position for case in cases}
        wanted = set(POSITIONS) - {"selon" if lang == "en" else "according"}
        assert wanted <= positions, f"{lang}: no case for {sorted(wanted - positions)}"
        assert {case.kind for case in cases} == set(KINDS)
    assert any("d'après" in case.text.lower() for case in CASES)


def test_attribution_problems_name_what_is_wrong(
    en_record: Callable[..., ArticleRecord],
) -> None:
    record = en_record('"We will hold the line," Prime Minister Keir Starmer said.')
    case = Case("x", "en", "after", record.article.text, "hold the line", "direct", "", "pass")
    assert problems(case, record) == ["speaker 'Keir Starmer', want ''"]
    assert problems(Case(**{**case.__dict__, "kind": "partial"}), record) == [
        "kind direct, want partial"
    ]
    assert problems(Case(**{**case.__dict__, "quote": "nothing"}), record) == [
        "no quote holds the expected words"
    ]
    assert problems(Case(**{**case.__dict__, "speaker": "Keir Starmer"}), record) == []


# --- the status column ---------------------------------------------------------------------


def _run(cases: list[Case]) -> dict[str, list[str]]:
    from selon.pipeline import extract

    return {
        case.id: problems(case, extract(case.text, published=None, lang=case.lang))
        for case in cases
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-status", action="store_true")
    args = parser.parse_args(argv)
    results = _run(CASES)
    for case in CASES:
        for problem in results[case.id]:
            print(f"{case.id}: {problem}")
    counts = Counter("open" if wrong else "pass" for wrong in results.values())
    print(f"{counts['pass']} pass, {counts['open']} open of {len(CASES)}")
    if args.update_status:
        status = {case_id: "open" if wrong else "pass" for case_id, wrong in results.items()}
        print(f"status changed on {rewrite_status(TABLE, status)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
