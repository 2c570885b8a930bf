"""The quality gate on the bundled corpus: it runs in `make test` and fails when a floor falls."""

import json
import shutil
import subprocess
import sys

import pytest

from selon.errors import GateError
from selon.evaluation.corpus import corpus_hash, load_corpus
from selon.evaluation.gate import run_gate
from selon.evaluation.scorer import PRF, code_matches, name_matches


@pytest.fixture(scope="module")
def gate_scores(corpus_dir):
    lines: list[str] = []
    scores = run_gate(corpus_dir, echo=lines.append)
    return scores, "\n".join(lines)


def test_gate_corpus_is_valid(corpus_dir):
    result = subprocess.run(
        [sys.executable, str(corpus_dir / "check_gold.py"), str(corpus_dir)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_gate_corpus_shape(corpus_dir):
    items = load_corpus(corpus_dir)
    assert len(items) >= 60
    langs = [i.article.lang for i in items]
    assert langs.count("fr") == langs.count("en")
    test_share = sum(i.split == "test" for i in items) / len(items)
    assert 0.3 <= test_share <= 0.36
    types = {e["type"] for i in items for e in i.gold["events"]}
    assert len(types) == 16


def test_gate_floors_hold_on_both_splits(gate_scores):
    scores, output = gate_scores
    assert "every figure is at or above its floor" in output
    assert scores["test"].articles >= 20 and scores["dev"].articles >= 40


def test_gate_baseline_pins_the_corpus_hash(corpus_dir):
    baseline = json.loads((corpus_dir / "baseline.json").read_text())
    assert baseline["corpus_hash"] == corpus_hash(corpus_dir)
    assert set(baseline["floors"]) == {"dev", "test"}


def test_gate_refuses_to_lower_floors_silently(tmp_path, corpus_dir):
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir / "articles", copy / "articles")
    shutil.copytree(corpus_dir / "gold", copy / "gold")
    for path in list((copy / "articles").glob("*.json"))[4:]:
        path.unlink()
        (copy / "gold" / path.name).unlink()
    floors = {
        s: {f: {"precision": 1.0, "recall": 1.0, "f1": 1.0} for f in ("events",)}
        for s in ("dev", "test")
    }
    (copy / "baseline.json").write_text(
        json.dumps({"corpus_hash": corpus_hash(copy), "floors": floors})
    )
    with pytest.raises(GateError, match="floors fell"):
        run_gate(copy, echo=lambda _: None)
    with pytest.raises(GateError, match="refusing to lower"):
        run_gate(copy, update=True, echo=lambda _: None)
    run_gate(copy, update=True, allow_lower=True, echo=lambda _: None)
    run_gate(copy, echo=lambda _: None)
    (copy / "gold" / sorted((copy / "gold").glob("*.json"))[0].name).write_text(
        (copy / "gold" / sorted((copy / "gold").glob("*.json"))[0].name)
        .read_text()
        .replace('"dev"', '"test"')
    )
    with pytest.raises(GateError, match="corpus changed"):
        run_gate(copy, echo=lambda _: None)


def test_gate_scorer_helpers():
    assert code_matches(["UKRGOV", "UKR"], "UKR") and not code_matches("UKRGOV", None)
    assert code_matches(None, None) and not code_matches(None, "RUS")
    assert name_matches("Oleh Synehoubov", "Synehoubov") and name_matches(None, None)
    assert not name_matches("Oleh Synehoubov", "Zelensky")
    prf = PRF(tp=3, fp=1, fn=2)
    assert (round(prf.precision, 2), round(prf.recall, 2)) == (0.75, 0.6)
