"""A bounded, in-memory sliding window of failures per key, for the token endpoint.

Each key keeps the times of its last ``limit`` failures only, and at most ``max_keys`` keys are
kept (the least recently touched is forgotten first), so neither a flood of attempts nor a flood
of distinct names or addresses grows memory without bound. The counts are per worker process:
with N workers an attacker gets at most N times the limit, still a few attempts a minute against
secrets of 256 random bits.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable


class FailureLimiter:
    """At most ``limit`` failures per key in any ``window_seconds``.

    >>> clock = iter([0.0, 1.0, 2.0, 3.0]).__next__
    >>> limiter = FailureLimiter(limit=2, window_seconds=60, clock=clock)
    >>> limiter.record_failure("a"); limiter.record_failure("a")
    >>> limiter.retry_after("a")  # at t=2: the first failure (t=0) leaves the window at t=60
    58
    """

    def __init__(
        self,
        limit: int,
        window_seconds: float = 60.0,
        max_keys: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1 or window_seconds <= 0 or max_keys < 1:
            raise ValueError("limit, window_seconds and max_keys must be positive")
        self.limit = limit
        self.window = window_seconds
        self.max_keys = max_keys
        self._clock = clock
        self._failures: OrderedDict[Hashable, deque[float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._failures)

    def retry_after(self, key: Hashable) -> int | None:
        """Whole seconds until ``key`` may try again; None when it may now."""
        failures = self._failures.get(key)
        if failures is None:
            return None
        now = self._clock()
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        if not failures:
            del self._failures[key]
            return None
        if len(failures) < self.limit:
            return None
        return max(1, math.ceil(failures[0] + self.window - now))

    def record_failure(self, key: Hashable) -> None:
        failures = self._failures.get(key)
        if failures is None:
            failures = self._failures[key] = deque(maxlen=self.limit)
            while len(self._failures) > self.max_keys:
                self._failures.popitem(last=False)
        else:
            self._failures.move_to_end(key)
        failures.append(self._clock())

    def forgive(self, key: Hashable) -> None:
        """Take back the latest failure of ``key``: one recorded ahead of an attempt (so that
        attempts arriving together count against each other) whose attempt then succeeded."""
        failures = self._failures.get(key)
        if failures:
            failures.pop()
            if not failures:
                del self._failures[key]
