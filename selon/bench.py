"""``selon bench``: selon's full pipeline against bare spaCy, on the same texts, in one run.

Each side runs in its own fresh process (so that peak memory is its own): the bare model with
``nlp.pipe`` over the texts, then selon's ``extract_many`` over the same articles. Both load
their model before the clock starts. The result is reported as ratios (selon / spaCy), which
hold across machines where absolute figures do not; nothing here is a timed test. Throughput is
given by wall clock and by CPU time: on a machine shared with other work, the CPU-time ratio is
the one that does not depend on what else ran during each side's turn.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, corpus, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
from selon.inputs import ArticleInput, read_inputs
from selon.lang import detect_language
items = [i for i in read_inputs([corpus]) if isinstance(i, ArticleInput)]
for item in items:
    item.lang = item.lang or detect_language(item.text)
langs = sorted({i.lang for i in items})
if mode == "spacy":
    from selon.pipeline import load_base
    models = {lang: load_base(lang) for lang in langs}
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for lang in langs:
            texts = [i.text for i in items if i.lang == lang]
            for _doc in models[lang].pipe(texts, batch_size=64):
                pass
else:
    from selon.pipeline import extract_many, load_pipeline
    from selon.gazetteer import gazetteer
    for lang in langs:
        load_pipeline(lang)
    gazetteer()
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for _result in extract_many(items):
            pass
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
words = sum(len(i.text.split()) for i in items) * repeat
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"articles": len(items) * repeat, "words": words, "seconds": elapsed,
                  "cpu_seconds": cpu, "peak_rss_mib": peak_kib / 1024}))
"""


def measure(mode: str, corpus: Path, repeat: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(corpus), str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def run_bench(corpus: Path, *, repeat: int = 1) -> str:
    base = measure("spacy", corpus, repeat)
    full = measure("selon", corpus, repeat)
    lines = [f"{'':<14}{'articles/s':>12}{'words/s':>12}{'peak RSS MiB':>14}"]
    for name, data in (("bare spaCy", base), ("selon", full)):
        lines.append(
            f"{name:<14}{data['articles'] / data['seconds']:>12.1f}"
            f"{data['words'] / data['seconds']:>12.0f}{data['peak_rss_mib']:>14.0f}"
        )
    speed = base["seconds"] / full["seconds"]
    cpu_speed = base["cpu_seconds"] / full["cpu_seconds"]
    memory = full["peak_rss_mib"] / base["peak_rss_mib"]
    lines.append(
        f"ratio selon/spaCy: throughput {speed:.2f}x (wall clock), {cpu_speed:.2f}x (CPU time),"
        f" peak memory {memory:.2f}x ({base['articles']} articles, {base['words']} words, one run)"
    )
    return "\n".join(lines)
