"""A small JSON cache for read-heavy endpoints: Redis when configured, else in-process."""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol


class Cache(Protocol):
    """What the rest of the code may rely on."""

    async def get(self, key: str) -> Any | None: ...
    async def set(self, key: str, value: Any, ttl_seconds: float) -> None: ...
    async def delete(self, key: str) -> None: ...
    async def close(self) -> None: ...


class MemoryCache:
    """Per-process TTL cache for the embedded default (one API process)."""

    def __init__(self, max_items: int = 10_000) -> None:
        self._items: dict[str, tuple[float, str]] = {}
        self._max = max_items

    async def get(self, key: str) -> Any | None:
        item = self._items.get(key)
        if item is None:
            return None
        expires, raw = item
        if expires < time.monotonic():
            self._items.pop(key, None)
            return None
        return json.loads(raw)

    async def set(self, key: str, value: Any, ttl_seconds: float) -> None:
        if len(self._items) >= self._max:
            self._evict()
        # Stored as JSON so both backends return equal copies, never shared mutable objects.
        self._items[key] = (time.monotonic() + ttl_seconds, json.dumps(value))

    async def delete(self, key: str) -> None:
        self._items.pop(key, None)

    async def close(self) -> None:
        self._items.clear()

    def _evict(self) -> None:
        now = time.monotonic()
        for key in [k for k, (exp, _) in self._items.items() if exp < now]:
            del self._items[key]
        while len(self._items) >= self._max:
            self._items.pop(next(iter(self._items)))


class RedisCache:
    """Shared cache across API processes (production)."""

    def __init__(self, url: str, prefix: str = "lumen:cache:") -> None:
        from redis import asyncio as aioredis

        self._redis = aioredis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self._prefix = prefix

    async def get(self, key: str) -> Any | None:
        raw = await self._redis.get(self._prefix + key)
        return None if raw is None else json.loads(raw)

    async def set(self, key: str, value: Any, ttl_seconds: float) -> None:
        await self._redis.set(self._prefix + key, json.dumps(value), px=int(ttl_seconds * 1000))

    async def delete(self, key: str) -> None:
        await self._redis.delete(self._prefix + key)

    async def close(self) -> None:
        await self._redis.aclose()


def make_cache(redis_url: str | None) -> Cache:
    """The cache for this configuration."""
    return RedisCache(redis_url) if redis_url else MemoryCache()


async def cached(
    cache: Cache, key: str, ttl_seconds: float, loader: Callable[[], Awaitable[Any]]
) -> Any:
    """Return the cached JSON value for key, loading and storing it on a miss."""
    hit = await cache.get(key)
    if hit is not None:
        return hit
    value = await loader()
    await cache.set(key, value, ttl_seconds)
    return value


