"""Benchmark: reading the encrypted patient profile at 100 concurrent clients, real server.

Each client is its own signed-in patient with a saved profile; every request is a real
`GET /api/v1/record/profile` (JWT check, data-key unwrap, field decryption, audit event) served
by `lumen serve` (one uvicorn process) on PostgreSQL + Redis.
Run: `python -m tests.bench.record_read` (part of `make bench`); BENCH_CLIENTS, BENCH_ROUNDS.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time

import httpx

from tests.bench.server import pct, running_server

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "100"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
PASSWORD = "bench-password-123"
PROFILE = {"name": "Bench Patient", "date_of_birth": "1970-05-17", "sex": "female",
           "conditions": ["asthma", "hypertension"]}


async def _patient(c: httpx.AsyncClient, i: int) -> dict[str, str]:
    email = f"reader{i}@example.test"
    assert (await c.post("/api/v1/auth/register",
                         json={"email": email, "password": PASSWORD})).status_code == 201
    login = await c.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    headers = {"authorization": f"Bearer {login.json()['access_token']}"}
    assert (await c.put("/api/v1/record/profile", headers=headers,
                        json=PROFILE)).status_code == 200
    return headers


async def _reader(c: httpx.AsyncClient, headers: dict[str, str]) -> list[float]:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        resp = await c.get("/api/v1/record/profile", headers=headers)
        times.append(time.perf_counter() - start)
        assert resp.status_code == 200 and resp.json()["name"] == PROFILE["name"], resp.text
    return times


async def run(base: str) -> list[float]:
    limits = httpx.Limits(max_connections=CLIENTS + 10)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as c:
        patients = [await _patient(c, i) for i in range(CLIENTS)]  # set-up, not measured
        per_client = await asyncio.gather(*[_reader(c, h) for h in patients])
    return [t for times in per_client for t in times]


def main() -> None:
    with running_server(login_rate_per_minute=10_000, api_rate_per_minute=1_000_000) as base:
        started = time.perf_counter()
        times = asyncio.run(run(base))
        wall = time.perf_counter() - started
    print(f"\nprofile read at {CLIENTS} concurrent clients x {ROUNDS} reads, one uvicorn "
          f"process, PostgreSQL + Redis, {os.cpu_count()} CPUs (run incl. set-up {wall:.0f} s)")
    print(f"  GET /record/profile p50 {statistics.median(times) * 1000:7.1f} ms   "
          f"p95 {pct(times, 0.95) * 1000:7.1f} ms   max {max(times) * 1000:7.1f} ms   "
          f"n={len(times)}")


if __name__ == "__main__":
    main()
