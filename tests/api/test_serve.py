"""``selon serve`` as a real process on loopback: one worker and several answer the same."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"server exited with {server.returncode}")
        try:
            return httpx.get(url, timeout=2)
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url} in {seconds} s")


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_with_workers(store_path: Path, workers: int) -> None:
    port = free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "selon", "serve", "--db", str(store_path)),
            *("--port", str(port), "--workers", str(workers)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own group: every worker stops with it
    )
    try:
        base = f"http://127.0.0.1:{port}"
        first = wait_for(base + "/api/facets", server)
        assert first.status_code == 200
        pages = [httpx.get(base + "/api/events", params={"type": "ASSAULT"}) for _ in range(6)]
        assert {p.status_code for p in pages} == {200}
        assert len({p.content for p in pages}) == 1  # every worker reads the same store
        assert pages[0].json()["meta"]["returned"] >= 1
        assert pages[0].headers["content-security-policy"].startswith("default-src 'self'")
        bad = httpx.get(base + "/api/events", params={"since": "yesterday"})
        assert bad.status_code == 400 and bad.json()["errors"][0]["param"] == "since"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        _, err = server.communicate(timeout=30)
    if workers > 1:
        assert f"{workers} workers" in err.decode()


def test_serve_refuses_bad_worker_count(store_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "selon", "serve", "--db", str(store_path), "--workers", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "--workers" in done.stderr
