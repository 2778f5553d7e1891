"""Benchmark: sign-in and token refresh at 100 concurrent clients against a real server.

The API runs as `lumen serve` (uvicorn, one process) on PostgreSQL + Redis; clients are async
httpx connections from this process. argon2 hashing dominates sign-in by design.
Run: `make bench` (or `python -m tests.bench.auth`).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time

import httpx

from tests.bench.server import pct, running_server

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "100"))
PASSWORD = "bench-password-123"


async def _timed(coro) -> tuple[float, httpx.Response]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    resp = await coro
    return time.perf_counter() - start, resp


async def run(base: str) -> dict[str, list[float]]:
    limits = httpx.Limits(max_connections=CLIENTS + 10)
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as c:
        emails = [f"bench{i}@example.test" for i in range(CLIENTS)]
        for email in emails:  # sequential sign-ups: setup, not measured
            resp = await c.post("/api/v1/auth/register",
                                json={"email": email, "password": PASSWORD})
            assert resp.status_code == 201, resp.text
        logins = await asyncio.gather(*[_timed(c.post("/api/v1/auth/login", json={
            "email": e, "password": PASSWORD})) for e in emails])
        assert all(r.status_code == 200 for _, r in logins), logins[0][1].text
        refreshes = await asyncio.gather(*[_timed(c.post("/api/v1/auth/refresh", json={
            "refresh_token": r.json()["refresh_token"]})) for _, r in logins])
        assert all(r.status_code == 200 for _, r in refreshes)
    return {"login": [t for t, _ in logins], "refresh": [t for t, _ in refreshes]}


def main() -> None:
    with running_server(login_rate_per_minute=10_000, api_rate_per_minute=100_000) as base:
        results = asyncio.run(run(base))
    print(f"\nauth at {CLIENTS} concurrent clients, one uvicorn process, PostgreSQL + Redis, "
          f"{os.cpu_count()} CPUs")
    for what, times in results.items():
        print(f"  {what:<8} p50 {statistics.median(times) * 1000:8.1f} ms   "
              f"p95 {pct(times, 0.95) * 1000:8.1f} ms   max {max(times) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
