"""Sliding-window rate limiter on both real backends: in-process and Redis."""

from __future__ import annotations

import asyncio
import time
import uuid

import httpx
import pytest
from fastapi import FastAPI

from backend.core.errors import install_error_handlers
from backend.core.ratelimit import (
    Decision,
    MemoryRateLimiter,
    RateLimited,
    RedisRateLimiter,
    make_rate_limiter,
    rate_limited_error,
)
from tests.support import REDIS_TEST_URL


@pytest.fixture(params=["memory", "redis"])
async def limiter(request):
    # A unique prefix per test: the Redis database is shared with other tests and stacks.
    lim = MemoryRateLimiter() if request.param == "memory" else RedisRateLimiter(
        REDIS_TEST_URL, prefix=f"t:rl:{uuid.uuid4().hex}:")
    yield lim
    await lim.close()


async def timed(limiter, key: str, limit: int, window: float) -> tuple[Decision, float, float]:
    """A hit with the monotonic times just before and after it (the hit happened in between)."""
    before = time.monotonic()
    decision = await limiter.hit(key, limit, window)
    return decision, before, time.monotonic()


async def test_limit_is_respected_and_counts_down(limiter) -> None:
    decisions = [await limiter.hit("k", 3, 5) for _ in range(5)]
    assert [d.allowed for d in decisions] == [True, True, True, False, False]
    assert [d.remaining for d in decisions] == [2, 1, 0, 0, 0]
    assert all(d.retry_after == 0 for d in decisions[:3])
    refused = decisions[3]
    assert 4 < refused.retry_after <= 5 and refused.retry_after_header == 5


async def test_keys_are_independent(limiter) -> None:
    assert (await limiter.hit("a", 1, 5)).allowed
    assert not (await limiter.hit("a", 1, 5)).allowed
    assert (await limiter.hit("b", 1, 5)).allowed


async def test_window_slides(limiter) -> None:
    # Bounds come from measured times, not nominal sleeps, so a slow machine cannot flake this.
    window = 0.5
    first, first_before, first_after = await timed(limiter, "s", 2, window)
    await asyncio.sleep(0.2)
    assert first.allowed and (await limiter.hit("s", 2, window)).allowed
    refused, before, after = await timed(limiter, "s", 2, window)
    # Only the first hit has to age out, not a whole window.
    assert not refused.allowed
    assert first_before + window - after - 0.01 <= refused.retry_after
    assert refused.retry_after <= first_after + window - before + 0.01
    await asyncio.sleep(refused.retry_after + 0.03)
    again = await limiter.hit("s", 2, window)
    assert again.allowed and again.remaining == 0
    assert not (await limiter.hit("s", 2, window)).allowed  # the second hit is still in it


async def test_refused_hits_do_not_extend_the_block(limiter) -> None:
    assert (await limiter.hit("r", 1, 0.5)).allowed
    for _ in range(3):
        assert not (await limiter.hit("r", 1, 0.5)).allowed
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.4)
    assert (await limiter.hit("r", 1, 0.5)).allowed


async def test_concurrent_hits_never_exceed_the_limit(limiter) -> None:
    decisions = await asyncio.gather(*(limiter.hit("c", 10, 5) for _ in range(60)))
    allowed = [d for d in decisions if d.allowed]
    assert len(allowed) == 10
    assert sorted(d.remaining for d in allowed) == list(range(10))


async def test_lowered_limit_waits_for_enough_hits_to_expire(limiter) -> None:
    window, times = 1.0, []
    for _ in range(3):
        decision, before, after = await timed(limiter, "l", 3, window)
        assert decision.allowed
        times.append((before, after))
        await asyncio.sleep(0.25)
    refused, before, after = await timed(limiter, "l", 2, window)
    # Two of the three hits must age out before a hit fits under 2: the wait is set by the
    # second hit; the oldest alone would give about 0.25 s less.
    (_, _), (second_before, second_after), _ = times
    assert not refused.allowed
    assert second_before + window - after - 0.01 <= refused.retry_after
    assert refused.retry_after <= second_after + window - before + 0.01


@pytest.mark.parametrize(("limit", "window"), [(0, 1), (-1, 1), (1, 0), (1, -1),
                                               (1, float("inf")), (1, float("nan"))])
async def test_bad_arguments_are_refused(limiter, limit: int, window: float) -> None:
    with pytest.raises(ValueError, match="rate limit"):
        await limiter.hit("x", limit, window)


async def test_memory_limiter_stays_bounded() -> None:
    lim = MemoryRateLimiter(max_keys=100)
    for i in range(1000):
        assert (await lim.hit(f"k{i}", 1, 60)).allowed
    assert len(lim._keys) <= 100
    # The most recently hit keys are kept.
    assert not (await lim.hit("k999", 1, 60)).allowed


def test_make_rate_limiter_picks_backend() -> None:
    assert isinstance(make_rate_limiter(None), MemoryRateLimiter)
    assert isinstance(make_rate_limiter(REDIS_TEST_URL), RedisRateLimiter)


def test_rate_limited_error_carries_retry_after() -> None:
    err = rate_limited_error(Decision(allowed=False, remaining=0, retry_after=2.1))
    assert isinstance(err, RateLimited)
    assert (err.status_code, err.code) == (429, "rate_limited")
    assert err.headers == {"Retry-After": "3"} and err.details == {"retry_after": 3}
    # A refusal that is about to lift still tells the client to wait a whole second.
    assert rate_limited_error(Decision(False, 0, 0.0001)).headers == {"Retry-After": "1"}


async def test_rate_limited_response_has_header() -> None:
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/limited")
    async def limited() -> None:
        raise rate_limited_error(Decision(False, 0, 1.5))

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        resp = await client.get("/limited")
    assert resp.status_code == 429
    assert resp.json()["error"]["code"] == "rate_limited"
    assert resp.headers["retry-after"] == "2"
