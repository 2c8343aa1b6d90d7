"""Hybrid logical clock: orders changes across copies even when laptop clocks disagree.

A timestamp is a string that sorts in causal order: wall-clock milliseconds, a counter for events
within the same millisecond, and the replica id as a tie-breaker, e.g.
``001764072000000-00000-3f2a…``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

_MS_WIDTH = 15
_COUNTER_WIDTH = 5
_COUNTER_MAX = 10**_COUNTER_WIDTH - 1


@dataclass(frozen=True, order=True)
class Timestamp:
    millis: int
    counter: int
    replica: str

    def __str__(self) -> str:
        return f"{self.millis:0{_MS_WIDTH}d}-{self.counter:0{_COUNTER_WIDTH}d}-{self.replica}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        millis, counter, replica = text.split("-", 2)
        if len(millis) != _MS_WIDTH or len(counter) != _COUNTER_WIDTH or not replica:
            raise ValueError(f"not a hybrid logical clock timestamp: {text!r}")
        return cls(int(millis), int(counter), replica)


def _wall_millis() -> int:
    return time.time_ns() // 1_000_000


class HybridLogicalClock:
    """One clock per replica; ``now()`` never goes backwards, ``observe()`` merges a remote one."""

    def __init__(
        self, replica: str, last: str | None = None, wall: Callable[[], int] = _wall_millis
    ) -> None:
        self.replica = replica
        self._wall = wall
        self._lock = threading.Lock()
        self._last = Timestamp.parse(last) if last else Timestamp(0, 0, replica)

    @property
    def last(self) -> Timestamp:
        return self._last

    def now(self) -> Timestamp:
        with self._lock:
            wall = self._wall()
            if wall > self._last.millis:
                self._last = Timestamp(wall, 0, self.replica)
            else:
                self._last = _next(self._last.millis, self._last.counter + 1, self.replica)
            return self._last

    def observe(self, remote: Timestamp) -> Timestamp:
        """Advance past a timestamp received from another copy."""
        with self._lock:
            wall = self._wall()
            millis = max(wall, self._last.millis, remote.millis)
            if millis == self._last.millis == remote.millis:
                counter = max(self._last.counter, remote.counter) + 1
            elif millis == self._last.millis:
                counter = self._last.counter + 1
            elif millis == remote.millis:
                counter = remote.counter + 1
            else:
                counter = 0
            self._last = _next(millis, counter, self.replica)
            return self._last


def _next(millis: int, counter: int, replica: str) -> Timestamp:
    """A full counter moves on to the next millisecond, so a stamp never outgrows its width."""
    if counter > _COUNTER_MAX:
        return Timestamp(millis + 1, 0, replica)
    return Timestamp(millis, counter, replica)
