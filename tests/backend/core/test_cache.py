from __future__ import annotations

import asyncio
import uuid

import pytest

from backend.core.cache import MemoryCache, RedisCache, cached, make_cache
from tests.support import REDIS_TEST_URL


@pytest.fixture(params=["memory", "redis"])
async def cache(request):
    c = MemoryCache() if request.param == "memory" else RedisCache(
        REDIS_TEST_URL, prefix=f"t:{uuid.uuid4().hex}:")
    yield c
    await c.close()


async def test_set_get_delete_and_expiry(cache) -> None:
    assert await cache.get("k") is None
    await cache.set("k", {"a": [1, 2]}, ttl_seconds=0.3)
    assert await cache.get("k") == {"a": [1, 2]}
    await asyncio.sleep(0.45)
    assert await cache.get("k") is None
    await cache.set("k", 1, ttl_seconds=10)
    await cache.delete("k")
    assert await cache.get("k") is None


async def test_cached_calls_loader_once_per_ttl(cache) -> None:
    calls = 0

    async def load() -> dict:
        nonlocal calls
        calls += 1
        return {"n": calls}

    assert await cached(cache, "x", 10, load) == {"n": 1}
    assert await cached(cache, "x", 10, load) == {"n": 1}
    assert calls == 1


async def test_values_are_copies(cache) -> None:
    value = {"list": [1]}
    await cache.set("v", value, 10)
    value["list"].append(2)
    got = await cache.get("v")
    got["list"].append(3)
    assert await cache.get("v") == {"list": [1]}


async def test_memory_cache_is_bounded() -> None:
    c = MemoryCache(max_items=3)
    for i in range(10):
        await c.set(str(i), i, 10)
    assert len(c._items) <= 3 and await c.get("9") == 9


def test_make_cache_picks_backend() -> None:
    assert isinstance(make_cache(None), MemoryCache)
    assert isinstance(make_cache(REDIS_TEST_URL), RedisCache)
