import json

from selon.bench import run_bench

TEXT = (
    "Des frappes russes ont visé Kharkiv dans la nuit de samedi à dimanche, a indiqué le gouverneur. "
    "Au moins 12 personnes ont été tuées, selon le ministère de l'Intérieur."
)


def test_bench_reports_ratios_from_one_run(tmp_path):
    for i in range(2):
        (tmp_path / f"a{i}.json").write_text(
            json.dumps({"id": f"a{i}", "text": TEXT, "lang": "fr"})
        )
    report = run_bench(tmp_path)
    assert "bare spaCy" in report and "selon" in report
    assert "ratio selon/spaCy: throughput" in report and "peak memory" in report
    assert "(wall clock)" in report and "(CPU time)" in report
