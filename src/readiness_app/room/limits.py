"""Request size and rate limits for the room server.

Every request is charged to a key: the device's claim token when it sends one, otherwise the
address it comes from. Each key has a bucket of ``burst`` requests that refills at ``rate``
per second; an empty bucket answers 429. Wrong room codes are counted per address on their
own: after ``bad_codes_per_minute`` in a minute that address is refused until the minute is
over, so guessing the 140-bit secret is hopeless as well as slow.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RoomLimits:
    max_body: int = 4096  # bytes in a request body (a vote with a 500-character note is ~1 KB)
    max_note: int = 500  # characters in a note or a "not applicable" reason
    max_name: int = 80  # characters in a self-added participant's name
    rate: float = 5.0  # requests per second per device (a phone polls every 2 s)
    burst: int = 20
    anonymous_rate: float = 20.0  # requests per second per address without a claim (joining)
    anonymous_burst: int = 60
    bad_codes_per_minute: int = 20
    submit_timeout: float = 10.0  # seconds a vote waits for the file to take it
    poll_ms: int = 2000  # how often a phone asks what is current (told to the page with each state)


class RateLimiter:
    """Token buckets by key; thread-safe. ``allow(key)`` returns 0 or the seconds to wait."""

    MAX_KEYS = 10_000  # forget idle keys beyond this many (a flood of new keys cannot grow memory)

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> float:
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return (1.0 - tokens) / self.rate
            if len(self._buckets) >= self.MAX_KEYS and key not in self._buckets:
                self._forget_full(now)
            self._buckets[key] = (tokens - 1.0, now)
            return 0.0

    def _forget_full(self, now: float) -> None:
        full = [k for k, (t, last) in self._buckets.items() if t + (now - last) * self.rate >= self.burst]
        for k in full or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[k]


class FailureCounter:
    """Failures per key in a sliding minute; ``blocked(key)`` once there were ``limit`` of them."""

    def __init__(self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> list[float]:
        times = [t for t in self._failures.get(key, []) if now - t < self.window]
        if times:
            self._failures[key] = times
        else:
            self._failures.pop(key, None)
        return times

    def blocked(self, key: str) -> bool:
        with self._lock:
            return len(self._recent(key, self._clock())) >= self.limit

    def fail(self, key: str) -> None:
        now = self._clock()
        with self._lock:
            times = self._recent(key, now)
            if len(self._failures) >= RateLimiter.MAX_KEYS and not times:
                self._failures.clear()
            self._failures[key] = [*times, now]
