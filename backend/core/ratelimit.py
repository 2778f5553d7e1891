"""Sliding-window rate limits: Redis when configured (shared by all API processes), else in-process.

Both backends keep the time of each allowed hit per key; a hit is allowed while fewer than
`limit` hits lie within the last `window_seconds`. Refused hits are not stored, so a client that
waits `retry_after` gets through, and a flood of refused hits costs no memory.
"""

from __future__ import annotations

import math
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass
from typing import Protocol

from backend.core.errors import AppError


@dataclass(frozen=True)
class Decision:
    allowed: bool
    remaining: int  # hits still allowed in the current window
    retry_after: float  # seconds until a hit would be allowed; 0 when allowed

    @property
    def retry_after_header(self) -> int:
        """Whole seconds for a Retry-After header: rounded up, at least 1 when refused."""
        return 0 if self.allowed else max(1, math.ceil(self.retry_after))


class RateLimiter(Protocol):
    """What the rest of the code may rely on."""

    async def hit(self, key: str, limit: int, window_seconds: float) -> Decision: ...
    async def close(self) -> None: ...


def _check_args(limit: int, window_seconds: float) -> None:
    if limit < 1 or not window_seconds > 0 or not math.isfinite(window_seconds):
        raise ValueError("rate limit needs limit >= 1 and a finite window_seconds > 0")


class MemoryRateLimiter:
    """Per-process limits for the embedded default (one API process)."""

    def __init__(self, max_keys: int = 100_000) -> None:
        self._keys: dict[str, tuple[float, deque[float]]] = {}
        self._max_keys = max_keys
        # The critical section never awaits, so a plain lock suffices; unlike an asyncio.Lock
        # it also holds if the limiter is shared across threads or event loops.
        self._lock = threading.Lock()

    async def hit(self, key: str, limit: int, window_seconds: float) -> Decision:
        """Count a hit for key if fewer than limit hits lie in the last window_seconds."""
        _check_args(limit, window_seconds)
        now = time.monotonic()  # immune to wall-clock jumps
        with self._lock:
            entry = self._keys.pop(key, None)  # re-inserted below: the dict stays in LRU order
            if entry is None and len(self._keys) >= self._max_keys:
                self._evict(now)
            hits = entry[1] if entry else deque()
            self._keys[key] = (window_seconds, hits)
            while hits and hits[0] <= now - window_seconds:
                hits.popleft()
            if len(hits) < limit:
                hits.append(now)
                return Decision(True, limit - len(hits), 0.0)
            # If the limit was lowered, more than one hit must expire first.
            blocker = hits[len(hits) - limit]
            return Decision(False, 0, max(0.0, blocker + window_seconds - now))

    def _evict(self, now: float) -> None:
        for key in [k for k, (w, h) in self._keys.items() if not h or h[-1] <= now - w]:
            del self._keys[key]
        # Still full of live keys: forget the least recently hit tenth rather than grow.
        while len(self._keys) >= self._max_keys * 0.9:
            self._keys.pop(next(iter(self._keys)))

    async def close(self) -> None:
        self._keys.clear()


# One atomic step on the server: trim the window, count, add only if allowed. Redis's own clock
# (TIME) is used so API processes on different hosts agree on the window. Times in microseconds.
_LUA = """
local key, limit, window = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, math.ceil(window / 1000))
  return {1, limit - count - 1, 0}
end
local blocker = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
return {0, 0, tonumber(blocker[2]) + window - now}
"""


class RedisRateLimiter:
    """Limits shared by every API process (production). Redis errors propagate: no silent bypass."""

    def __init__(self, url: str, prefix: str = "lumen:rl:") -> None:
        from redis import asyncio as aioredis

        self._redis = aioredis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self._script = self._redis.register_script(_LUA)
        self._prefix = prefix

    async def hit(self, key: str, limit: int, window_seconds: float) -> Decision:
        """Count a hit for key if fewer than limit hits lie in the last window_seconds."""
        _check_args(limit, window_seconds)
        window_us = max(1, round(window_seconds * 1_000_000))
        # The member must be unique, or two hits in one microsecond would count once.
        allowed, remaining, wait_us = await self._script(
            keys=[self._prefix + key], args=[limit, window_us, uuid.uuid4().hex])
        return Decision(bool(allowed), int(remaining), max(0, int(wait_us)) / 1_000_000)

    async def close(self) -> None:
        await self._redis.aclose()


def make_rate_limiter(redis_url: str | None) -> RateLimiter:
    """The rate limiter for this configuration."""
    return RedisRateLimiter(redis_url) if redis_url else MemoryRateLimiter()


class RateLimited(AppError):
    """429 rate_limited with a Retry-After header (the AppError handler sends `headers`)."""

    def __init__(self, decision: Decision, message: str | None = None) -> None:
        wait = decision.retry_after_header
        super().__init__(429, "rate_limited", message or f"Too many requests; retry in {wait} s",
                         {"retry_after": wait}, headers={"Retry-After": str(wait)})


def rate_limited_error(decision: Decision) -> RateLimited:
    """The error to raise for a refused decision."""
    return RateLimited(decision)
