"""``selon eval``: score both splits and hold each figure above its pinned floor.

The baseline file (``corpus/baseline.json``) holds the corpus hash and, for each split and
facet, the floors of precision, recall and F1. A figure under its floor fails the gate (exit
3). ``--update-baseline`` pins the current figures; it refuses to lower any floor unless
``--allow-lower`` is given, and says which floors it lowered. A changed corpus (another hash)
fails the gate until the floors are pinned again for it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selon.errors import GateError
from selon.evaluation.corpus import GoldArticle, corpus_hash, load_corpus
from selon.evaluation.merging import score_merges
from selon.evaluation.scorer import FACETS, Scores, score_article
from selon.pipeline import Failure, extract_many
from selon.records import ArticleRecord

SPLITS = ("dev", "test")
#: Floors are pinned this far under the measured figure, so that a platform's float noise
#: cannot fail the gate; any real regression is larger.
MARGIN = 0.0005


def score_corpus(items: list[GoldArticle]) -> dict[str, Scores]:
    """Extract every article once and score it into its split (and "all"); then merge the
    records in a temporary store and score the merges (the ``merge`` facet)."""
    by_split = {split: Scores() for split in (*SPLITS, "all")}
    results = extract_many([item.article for item in items])
    records = []
    for item, (_, result) in zip(items, results, strict=True):
        if isinstance(result, Failure):
            raise GateError(f"{item.article.origin}: extraction failed: {result.error}")
        assert isinstance(result, ArticleRecord)
        records.append(result)
        scores = score_article(result, item.gold)
        by_split[item.split].add(scores)
        by_split["all"].add(scores)
    for split, merged in score_merges(items, records, SPLITS).items():
        by_split[split].facets["merge"] = merged.pairs
        by_split[split].merge_b3_f1 = merged.b3_f1
        by_split[split].look_alike_merges = merged.look_alike_merges
    return by_split


def table(by_split: dict[str, Scores], floors: dict[str, Any]) -> str:
    lines = [
        f"{'split':<6}{'facet':<15}{'precision':>10}{'recall':>10}{'f1':>10}   floors (p/r/f1)"
    ]
    for split in (*SPLITS, "all"):
        scores = by_split[split]
        for facet in FACETS:
            prf = scores.facets[facet]
            floor = floors.get(split, {}).get(facet)
            pinned = (
                "/".join(f"{floor[m]:.3f}" for m in ("precision", "recall", "f1")) if floor else "-"
            )
            lines.append(
                f"{split:<6}{facet:<15}{prf.precision:>10.3f}{prf.recall:>10.3f}{prf.f1:>10.3f}   {pinned}"
            )
        lines.append(
            f"{split:<6}{'(articles)':<15}{scores.articles:>10}   undated events given a date: {scores.undated_with_date}"
        )
        lines.append(
            f"{split:<6}{'(merge)':<15}{'B3 F1':>10}{scores.merge_b3_f1:>10.3f}   look-alike merges: {scores.look_alike_merges}"
        )
    return "\n".join(lines)


def check_floors(by_split: dict[str, Scores], floors: dict[str, Any]) -> list[str]:
    fallen = []
    for split in SPLITS:
        for facet, pinned in floors.get(split, {}).items():
            current = by_split[split].facets[facet].as_dict()
            for metric, floor in pinned.items():
                if current[metric] < floor:
                    fallen.append(
                        f"{split} {facet} {metric}: {current[metric]:.4f} < floor {floor:.4f}"
                    )
    return fallen


def new_floors(by_split: dict[str, Scores]) -> dict[str, Any]:
    return {
        split: {
            facet: {
                m: max(0.0, round(v - MARGIN, 4))
                for m, v in by_split[split].facets[facet].as_dict().items()
            }
            for facet in FACETS
        }
        for split in SPLITS
    }


def run_gate(
    corpus: Path,
    *,
    split: str | None = None,
    baseline: Path | None = None,
    update: bool = False,
    allow_lower: bool = False,
    fmt: str = "table",
    echo: Callable[[str], None] = print,
) -> dict[str, Scores]:
    baseline = baseline or corpus / "baseline.json"
    items = load_corpus(corpus)
    if split in SPLITS:
        items = [i for i in items if i.split == split]
    by_split = score_corpus(items)
    stored: dict[str, Any] = (
        json.loads(baseline.read_text(encoding="utf-8")) if baseline.exists() else {}
    )
    floors = stored.get("floors", {})
    digest = corpus_hash(corpus)
    if fmt == "json":
        echo(json.dumps({s: by_split[s].as_dict() for s in by_split}, indent=2))
    else:
        echo(table(by_split, floors))
    if update:
        if split not in (None, "all"):
            raise GateError("--update-baseline scores the whole corpus: drop --split")
        proposed = new_floors(by_split)
        lowered = [
            f"{s} {facet} {m}: {floors[s][facet][m]:.4f} -> {v:.4f}"
            for s, facets in proposed.items()
            for facet, metrics in facets.items()
            for m, v in metrics.items()
            if floors.get(s, {}).get(facet, {}).get(m, 0.0) > v
        ]
        if lowered and not allow_lower:
            raise GateError(
                "refusing to lower floors (pass --allow-lower):\n  " + "\n  ".join(lowered)
            )
        baseline.write_text(
            json.dumps({"corpus_hash": digest, "floors": proposed}, indent=2, sort_keys=True)
            + "\n",
            encoding="utf-8",
        )
        echo(f"pinned floors in {baseline}" + (f" (lowered: {len(lowered)})" if lowered else ""))
        for line in lowered:
            echo(f"  lowered {line}")
        return by_split
    if not floors:
        raise GateError(
            f"no floors in {baseline}; pin them with `selon eval {corpus} --update-baseline`"
        )
    if stored.get("corpus_hash") != digest:
        raise GateError(
            f"the corpus changed since the floors were pinned ({digest[:12]} vs "
            f"{str(stored.get('corpus_hash'))[:12]}); re-pin them with --update-baseline"
        )
    fallen = check_floors(by_split, floors if split is None else {split: floors.get(split, {})})
    if fallen:
        raise GateError("quality floors fell:\n  " + "\n  ".join(fallen))
    echo("gate: every figure is at or above its floor")
    return by_split
