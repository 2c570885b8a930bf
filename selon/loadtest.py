"""Load benchmark of ``/api/events`` (a script, not a timed test).

``python -m selon.loadtest [--events 100000] [--rates 50,200] [--duration 20]`` builds a
synthetic store (or reuses ``--db`` when it exists), starts ``selon serve`` in a second process
on loopback, sends filtered ``/api/events`` requests at each fixed rate (open loop: request *i*
is due at ``i / rate`` seconds, and its latency counts from then, so a slow server cannot hide
its queue) and prints p50/p95/p99 latency per rate. Traffic goes to 127.0.0.1 only and every
loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from selon.records import PLOVER_TYPES, ArticleRecord
from selon.store import Store

CITIES = [
    ("Kharkiv", "UKR", 49.98, 36.25),
    ("Kyiv", "UKR", 50.45, 30.52),
    ("Gaza", "PSE", 31.5, 34.47),
    ("Khartoum", "SDN", 15.55, 32.53),
    ("Goma", "COD", -1.68, 29.22),
    ("Tbilisi", "GEO", 41.69, 44.83),
    ("Paris", "FRA", 48.85, 2.35),
    ("Bamako", "MLI", 12.65, -8.0),
    ("Port-au-Prince", "HTI", 18.54, -72.34),
    ("Manila", "PHL", 14.6, 120.98),
]
ACTORS = [
    ("RUS", "MIL"),
    ("UKR", "MIL"),
    ("ISR", "MIL"),
    ("SDN", "REB"),
    ("FRA", "GOV"),
    (None, "CVL"),
    ("USA", "GOV"),
]
WORDS = [
    "frappe",
    "drones",
    "missiles",
    "manifestation",
    "accord",
    "sanctions",
    "arrestations",
    "négociations",
    "shelling",
    "ceasefire",
]
MODALITIES = ["asserted"] * 6 + ["hedged", "denied", "planned", "threatened"]

QUERIES = [
    {"type": "ASSAULT"},
    {"country": "UKR", "since": "2024-03-01"},
    {"type": "PROTEST,COERCE", "modality": "asserted"},
    {"bbox": "20,40,45,55", "limit": "50"},
    {"q": "drones"},
    {"source_country": "RUS", "source_sector": "MIL", "until": "2024-06-30"},
    {"place_country": "SDN", "type": "ASSAULT"},
    {"target_sector": "CVL", "since": "2024-01-01", "until": "2024-12-31"},
]


def synthetic_record(n: int, per_article: int, rng: random.Random) -> ArticleRecord:
    sentences, events = [], []
    offset = 0
    for k in range(per_article):
        city, country, lat, lon = rng.choice(CITIES)
        src, tgt = rng.choice(ACTORS), rng.choice(ACTORS)
        sentence = (
            f"Event {k}: {rng.choice(WORDS)} {rng.choice(WORDS)} near {city}, said officials. "
        )
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        events.append(
            {
                "id": f"S{n}-e{k}",
                "type": rng.choice(PLOVER_TYPES),
                "modality": rng.choice(MODALITIES),
                "source": {
                    "name": f"{src[0] or ''}{src[1]}",
                    "country": src[0],
                    "sector": src[1],
                    "code": f"{src[0] or ''}{src[1]}",
                },
                "target": {
                    "name": f"{tgt[0] or ''}{tgt[1]}",
                    "country": tgt[0],
                    "sector": tgt[1],
                    "code": f"{tgt[0] or ''}{tgt[1]}",
                },
                "places": [
                    {
                        "name": city,
                        "country": country,
                        "lat": lat + rng.uniform(-0.3, 0.3),
                        "lon": lon + rng.uniform(-0.3, 0.3),
                        "precision": "city",
                    }
                ],
                "date": {"start": day, "end": day, "precision": "day"},
                "trigger": {"text": sentence[:5], "start": offset, "end": offset + 5},
                "evidence": {"text": sentence, "start": offset, "end": offset + len(sentence)},
                "confidence": 0.7,
            }
        )
        sentences.append(sentence)
        offset += len(sentence)
    text = "".join(sentences)
    return ArticleRecord.model_validate(
        {
            "article": {
                "id": f"S{n}",
                "title": f"Synthetic {n}",
                "source": "Synthetic",
                "language": "fr",
                "published": "2024-12-31T00:00:00Z",
                "text": text,
            },
            "events": events,
        }
    )


def build(path: Path, events: int, per_article: int = 10) -> None:
    rng = random.Random(7)
    started = time.perf_counter()
    with Store(path) as store:
        for n in range(events // per_article):
            store.save(
                synthetic_record(n, per_article, rng),
                content_hash=str(n),
                origin=f"synthetic:{n}",
                encode=False,  # the load test measures the API, not the encoder
            )
        count = store.counts()["events"]
    print(f"built {path}: {count} events in {time.perf_counter() - started:.0f} s", file=sys.stderr)


GIVE_UP = 30.0  # seconds


async def run_rate(url: str, rate: float, duration: float) -> dict[str, Any]:
    import httpx

    total = int(rate * duration)
    latencies: list[float] = []
    by_query: list[list[float]] = [[] for _ in QUERIES]
    failures = 0
    limits = httpx.Limits(max_connections=400, max_keepalive_connections=400)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:
        start = time.perf_counter() + 0.2

        async def one(i: int) -> None:
            nonlocal failures
            due = start + i / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            try:
                response = await client.get("/api/events", params=QUERIES[i % len(QUERIES)])
                if response.status_code != 200:
                    failures += 1
            except httpx.HTTPError:
                failures += 1
            latency = time.perf_counter() - due
            latencies.append(latency)
            by_query[i % len(QUERIES)].append(latency)

        tasks = [asyncio.ensure_future(one(i)) for i in range(total)]
        # every request is answered, fails, or is given up GIVE_UP seconds after the last is due
        _, pending = await asyncio.wait(tasks, timeout=duration + GIVE_UP)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        elapsed = time.perf_counter() - start
    return {
        "rate": rate,
        "requests": total,
        "achieved_rps": (len(latencies) - failures) / elapsed,  # answered 200 OK
        "failures": failures + len(pending),
        "unanswered": len(pending),
        **percentiles(latencies),
        "mean_ms": statistics.fmean(latencies) * 1000 if latencies else math.nan,
        "by_query": [percentiles(q) for q in by_query],
    }


def percentiles(latencies: list[float]) -> dict[str, float]:
    """p50, p95 and p99 in milliseconds."""
    ordered = sorted(latencies)
    if not ordered:
        return {"p50_ms": math.nan, "p95_ms": math.nan, "p99_ms": math.nan}

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    return {"p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99)}


def query_label(query: dict[str, str]) -> str:
    return "&".join(f"{k}={v}" for k, v in query.items())


def serve(path: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    """uvicorn over the store in its own process group (so every worker stops with it)."""
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "uvicorn", "--factory", "selon.api.app:app_from_env"),
            *("--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)),
            *("--log-level", "warning"),
        ],
        env={**os.environ, "SELON_DB": str(path)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop(server: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
    except ProcessLookupError:
        pass


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="loadtest.db", help="store to use (built when missing)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rates", default="50,200", help="requests per second, comma-separated")
    parser.add_argument("--duration", type=float, default=20, help="seconds at each rate (max 120)")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="uvicorn worker processes (1-16)",
        choices=range(1, 17),
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # still stop the server
    path = Path(args.db)
    if not path.exists():
        build(path, args.events)
    with Store(path) as store:  # migrate once, before the workers open it
        events = store.counts()["events"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    server = serve(path, port, args.workers)
    try:
        import httpx

        for _ in range(150):
            try:
                httpx.get(url + "/api/facets", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        for _ in range(args.workers):  # warm the page cache
            for query in QUERIES:
                httpx.get(url + "/api/events", params=query, timeout=30)
        print(f"{events} events in {path}; {args.workers} worker(s); {os.cpu_count()} CPUs")
        for rate in (float(r) for r in args.rates.split(",")):
            before = load()
            r = asyncio.run(run_rate(url, rate, min(args.duration, 120)))
            print(
                f"\nrate {r['rate']:.0f}/s: {r['requests']} requests, achieved"
                f" {r['achieved_rps']:.1f}/s, {r['failures']} failures"
                f" ({r['unanswered']} unanswered);"
                f" p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms"
                f"\n  load average (1, 5, 15 min) before: {before}, after: {load()}"
            )
            for query, q in zip(QUERIES, r["by_query"], strict=True):
                print(
                    f"  {q['p50_ms']:>8.1f} {q['p95_ms']:>8.1f} {q['p99_ms']:>8.1f}"
                    f"  {query_label(query)}"
                )
    finally:
        stop(server)


if __name__ == "__main__":
    main()
