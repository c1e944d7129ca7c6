"""The benchmark's yardstick: a plain rule detector of the kind anyone writes in an afternoon.

Per service and closed window: a median/MAD test of the log volume against the last hour,
the error share against its recent median, a WARNING+ template never seen before, and a
template whose share jumps well above its recent mean. Volume and share tests must hold two
windows running. No models, no seasonality, no memory beyond an hour. Our detector has to beat
it on every variant, or its machinery has not earned its place.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field

WARNING = 2
ERROR = 3


@dataclass
class _Service:
    volumes: deque[float] = field(default_factory=lambda: deque(maxlen=60))
    error_rates: deque[float] = field(default_factory=lambda: deque(maxlen=60))
    shares: dict[str, deque[float]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    # New WARNING+ templates: template -> [count, window first seen]; alerting for 15 windows.
    pending: dict[str, list[int]] = field(default_factory=dict)
    windows: int = 0


class PlainRules:
    def __init__(self, warmup: int = 15, z: float = 4.0, min_shift: float = 0.1) -> None:
        self.warmup, self.z, self.min_shift = warmup, z, min_shift
        self.services: dict[str, _Service] = defaultdict(_Service)

    def close(self, service: str, counts: dict[str, int], levels: dict[str, int]) -> set[str]:
        """The kinds flagged for this service's window (template -> count, template -> level)."""
        s = self.services[service]
        n = sum(counts.values())
        errors = sum(c for t, c in counts.items() if levels[t] >= ERROR)
        kinds: set[str] = set()
        warm = s.windows >= self.warmup
        x = math.log1p(n)
        if warm:
            med = statistics.median(s.volumes)
            mad = max(1.4826 * statistics.median(abs(v - med) for v in s.volumes), 0.1)
            z = (x - med) / mad
            if z > self.z and n > 1.3 * math.expm1(med):
                kinds.add("volume_spike")
            elif z < -self.z and n < 0.75 * math.expm1(med):
                kinds.add("volume_drop")
            rate = errors / n if n else 0.0
            base = statistics.median(s.error_rates)
            if errors >= 3 and rate > max(2.0 * base, base + 0.02):
                kinds.add("error_rate")
            for tid, count in counts.items():
                history = s.shares.get(tid)
                mean = sum(history) / len(history) if history else 0.0
                floor = max(mean, 0.01)
                share_z = (count - n * floor) / math.sqrt(n * floor * (1 - floor)) if n else 0.0
                if count >= 8 and count / n - mean >= self.min_shift and share_z >= self.z:
                    kinds.add("pattern_shift")
        for tid, count in counts.items():
            if tid in s.seen:
                continue
            if not warm or levels[tid] < WARNING:
                s.seen.add(tid)
                continue
            entry = s.pending.setdefault(tid, [0, s.windows])
            entry[0] += count
            if entry[0] >= 2:
                kinds.add("new_error_pattern")
        for tid in [t for t, (_, first) in s.pending.items() if s.windows - first >= 15]:
            s.seen.add(tid)
            del s.pending[tid]
        s.volumes.append(x)
        s.error_rates.append(errors / n if n else 0.0)
        for tid in set(s.shares) | set(counts):
            s.shares.setdefault(tid, deque(maxlen=60)).append(counts.get(tid, 0) / n if n else 0.0)
        s.windows += 1
        return kinds


def persistent(flags: Iterable[tuple[str, str, int]]) -> set[tuple[str, str, int]]:
    """Volume and share flags that hold two windows running (the second and later windows
    are kept); the others as they are."""
    flags = set(flags)
    kept = set()
    for service, kind, index in flags:
        if kind in ("new_error_pattern", "error_rate") or (service, kind, index - 1) in flags:
            kept.add((service, kind, index))
    return kept
