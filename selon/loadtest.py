"""Load benchmark of ``/api/events`` (a script, not a timed test).

``python -m selon.loadtest [--events 100000] [--rates 50,200] [--duration 20]`` builds a
synthetic store (or reuses ``--db`` when it exists), starts the API in a second process
on loopback (``selon serve``, ``--workers`` processes), sends filtered ``/api/events`` requests at each
fixed rate (open loop: request *i* is due at ``i / rate`` seconds, and its latency counts from
then, so a slow server cannot hide its queue) and prints the achieved rate, failures and
p50/p95/p99 latency per rate and per filter, with the machine's load average before and after.
Requests still unanswered 30 s after the last one was due count as failures. Traffic goes to
127.0.0.1 only and every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import random
import signal
import socket
import ssl
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


GIVE_UP = 30.0  # seconds after the last request is due
CONNECTIONS = 64  # kept-alive connections of the load generator


async def run_rate(url: str, rate: float, duration: float) -> dict[str, Any]:
    """Send ``rate * duration`` requests, request *i* due at ``i / rate`` s, over
    ``CONNECTIONS`` connections: a request waits for a free one, and its latency counts from
    when it was due. (One pooled client with thousands of waiting requests spent more CPU in
    its pool than the server took to answer them.)"""
    import httpx

    total = int(rate * duration)
    latencies: list[float] = []
    by_query: list[list[float]] = [[] for _ in QUERIES]
    failures = 0
    due: asyncio.Queue[int] = asyncio.Queue()
    tls = ssl.create_default_context()  # unused on http://, but each client would load its own
    clients = [
        httpx.AsyncClient(base_url=url, timeout=GIVE_UP, verify=tls) for _ in range(CONNECTIONS)
    ]
    # open every connection before the clock starts
    await asyncio.gather(*(c.get("/api/events", params={"limit": "1"}) for c in clients))
    start = time.perf_counter() + 0.2

    async def connection(client: httpx.AsyncClient) -> None:
        nonlocal failures
        while True:
            i = await due.get()
            try:
                response = await client.get("/api/events", params=QUERIES[i % len(QUERIES)])
                if response.status_code != 200:
                    failures += 1
            except httpx.HTTPError:
                failures += 1
            latency = time.perf_counter() - (start + i / rate)
            latencies.append(latency)
            by_query[i % len(QUERIES)].append(latency)
            due.task_done()

    async def dispatch() -> None:
        for i in range(total):
            await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
            due.put_nowait(i)
        await due.join()

    connections = [asyncio.ensure_future(connection(c)) for c in clients]
    with contextlib.suppress(TimeoutError):  # what is left counts as unanswered
        await asyncio.wait_for(dispatch(), timeout=duration + GIVE_UP)
    elapsed = time.perf_counter() - start
    for task in connections:
        task.cancel()
    await asyncio.gather(*connections, return_exceptions=True)
    for client in clients:
        await client.aclose()
    unanswered = total - len(latencies)
    return {
        "rate": rate,
        "requests": total,
        "achieved_rps": (len(latencies) - failures) / elapsed,  # answered 200 OK
        "failures": failures + unanswered,
        "unanswered": unanswered,
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
    """``selon serve`` over the store in its own process group (so every worker stops with it)."""
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "selon", "serve", "--db", str(path)),
            *("--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)),
        ],
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


def server_cpu(pid: int) -> float | None:
    """CPU seconds used so far by the process ``pid`` and its descendants (Linux /proc; None
    elsewhere): what the server costs per request, whatever else the machine runs."""
    try:
        stats = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    stats[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    except OSError:
        return None
    tree, grew = {pid}, True
    while grew:
        more = {p for p, (parent, _) in stats.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    ticks = sum(stats[p][1] for p in tree if p in stats)
    return ticks / os.sysconf("SC_CLK_TCK")


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
            before, cpu_before, own_before = load(), server_cpu(server.pid), time.process_time()
            r = asyncio.run(run_rate(url, rate, min(args.duration, 120)))
            cpu_after, own = server_cpu(server.pid), time.process_time() - own_before
            answered = r["requests"] - r["unanswered"]
            if cpu_before is not None and cpu_after is not None and answered:
                per_request = f"{(cpu_after - cpu_before) / answered * 1000:.1f} ms"
            else:
                per_request = "unknown"
            print(
                f"\nrate {r['rate']:.0f}/s: {r['requests']} requests, achieved"
                f" {r['achieved_rps']:.1f}/s, {r['failures']} failures"
                f" ({r['unanswered']} unanswered);"
                f" p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms"
                f"\n  load average (1, 5, 15 min) before: {before}, after: {load()}"
                f"\n  CPU per request: server {per_request},"
                f" load generator {own / max(answered, 1) * 1000:.1f} ms"
                "\n  per filter: p50 p95 p99 ms"
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
