"""Benchmarks: print measured figures (no pass/fail thresholds). Run with `make bench`.

- job round trip (API POST -> worker -> succeeded, observed by polling) on both stacks
- jobs fired then gathered (throughput) on both stacks
- `lumen --help` start-up time
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from backend.config import Settings
from backend.main import create_app
from backend.migrate import upgrade
from tests.support import (
    PG_ADMIN_URL,
    REDIS_TEST_URL,
    REPO,
    WorkerProcess,
    create_pg_database,
    drain_queue,
    drop_pg_database,
    flush_redis,
    in_thread,
)

ROUND_TRIPS = int(os.environ.get("BENCH_ROUND_TRIPS", "30"))
BURST = int(os.environ.get("BENCH_BURST", "50"))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _wait(client: httpx.AsyncClient, job_id: str) -> None:
    while True:
        status = (await client.get(f"/api/v1/jobs/{job_id}")).json()["status"]
        if status in {"succeeded", "failed", "cancelled"}:
            assert status == "succeeded", status
            return
        await asyncio.sleep(0.005)


async def bench_stack(settings: Settings) -> dict[str, float]:
    app = create_app(settings)
    body = {"type": "system.self_check", "params": {"steps": 1, "step_seconds": 0}}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b") as c:
        trips: list[float] = []
        for _ in range(ROUND_TRIPS + 2):
            start = time.perf_counter()
            job = (await c.post("/api/v1/jobs", json=body)).json()
            await _wait(c, job["id"])
            trips.append(time.perf_counter() - start)
        trips = trips[2:]  # first deliveries warm the pool process
        start = time.perf_counter()
        ids = [(await c.post("/api/v1/jobs", json=body)).json()["id"] for _ in range(BURST)]
        for job_id in ids:
            await _wait(c, job_id)
        burst_s = time.perf_counter() - start
    await app.state.db.dispose()
    return {"p50_ms": statistics.median(trips) * 1000, "p95_ms": pct(trips, 0.95) * 1000,
            "burst_jobs_per_s": BURST / burst_s}


def run_stack(name: str, settings: Settings) -> dict[str, float]:
    in_thread(upgrade, settings.db_url)
    drain_queue(settings)
    worker = WorkerProcess(settings, concurrency=2)
    worker.start()
    try:
        return asyncio.run(bench_stack(settings))
    finally:
        worker.stop()


def cli_help_ms() -> float:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([str(REPO / ".venv/bin/lumen"), "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    common = dict(environment="test", secret_key="bench-secret-key", ui_dir=Path("/nonexistent"),
                  log_level="WARNING", broker_poll_seconds=0.2)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        sqlite_url = f"sqlite+aiosqlite:///{tmp}/embedded/lumen.sqlite"
        embedded = Settings(data_dir=Path(tmp) / "embedded", database_url=sqlite_url, **common)
        results["sqlite + file broker"] = run_stack("embedded", embedded)
        name = f"lumen_bench_{uuid.uuid4().hex[:8]}"
        url = in_thread(create_pg_database, PG_ADMIN_URL, name)
        flush_redis(REDIS_TEST_URL)
        try:
            prod = Settings(data_dir=Path(tmp) / "prod", database_url=url,
                            redis_url=REDIS_TEST_URL, **common)
            results["postgresql + redis"] = run_stack("production", prod)
        finally:
            flush_redis(REDIS_TEST_URL)
            in_thread(drop_pg_database, PG_ADMIN_URL, name)
    print(f"\nLUMEN benchmarks ({os.cpu_count()} CPUs, python {sys.version.split()[0]})")
    print(f"job round trip: API POST -> worker -> succeeded seen by API; n={ROUND_TRIPS}, "
          f"burst={BURST}, worker concurrency 2, file-broker poll 0.2 s")
    for stack, r in results.items():
        print(f"  {stack:<22} p50 {r['p50_ms']:7.1f} ms   p95 {r['p95_ms']:7.1f} ms   "
              f"burst {r['burst_jobs_per_s']:6.1f} jobs/s")
    print(f"lumen --help: median {cli_help_ms():.0f} ms (5 runs)")


if __name__ == "__main__":
    main()
