"""How long the live detectors hold the event loop when thousands of new services close their
first window at once (each builds its half-space trees then: ~20 ms).

N services each get a few records in one minute; then the partition's clock passes the end of
that minute and the idle tick closes every window. A task that wakes every 10 ms measures the
longest the loop was held, and a gc callback the longest full (generation 2) collection: the
trees are millions of small objects, and while they are being created Python's full collections
walk them all. Run with the time budget (the default) and without it.

Run: .venv/bin/python tests/bench/bench_tick.py [--services 3000]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import time
from typing import Any

from pipeline.analysis.config import AnalysisConfig
from pipeline.insights.detectors import CLOSE_SECONDS, Detectors
from tests.factories import log_row

T0 = 1_767_225_600.0


async def held_loop(services: int, close_seconds: float | None) -> tuple[float, float]:
    """(seconds the tick took, longest stretch the loop was held)."""
    config = AnalysisConfig(refit_inline=False)
    detectors = Detectors(config, close_seconds=close_seconds)
    rows = [
        log_row(f"svc-{s}", T0 + 1 + i, f"e-{s}-{i}", template_id=f"t{i % 3}")
        for s in range(services)
        for i in range(3)
    ]
    await detectors.observe(0, rows, [], T0 + 10)
    longest = 0.0
    done = False

    async def heartbeat() -> None:
        nonlocal longest
        last = time.perf_counter()
        while not done:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            longest = max(longest, now - last - 0.01)
            last = now

    beat = asyncio.ensure_future(heartbeat())
    await asyncio.sleep(0.05)
    started = time.perf_counter()
    # The partition's clock (the last record's time, moved on by the wall clock since) past the
    # minute and the allowed lateness: every window is due.
    reports = await detectors.tick(T0 + 10 + 60 + config.allowed_lateness_seconds + 5, [0])
    assert len(reports) >= services, len(reports)
    took = time.perf_counter() - started
    done = True
    await beat
    return took, longest


class FullCollections:
    """The longest generation-2 collection while installed."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.longest = max(self.longest, time.perf_counter() - self._started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=3000)
    args = parser.parse_args()
    for budget in (CLOSE_SECONDS, None):
        collections = FullCollections()
        gc.callbacks.append(collections)
        took, longest = asyncio.run(held_loop(args.services, budget))
        gc.callbacks.remove(collections)
        label = f"{budget * 1000:.0f} ms budget" if budget else "no time budget (256 a slice)"
        print(
            f"{args.services:,} first windows, {label}: tick {took:.2f} s, "
            f"loop held at most {longest * 1000:.0f} ms, "
            f"longest full gc {collections.longest * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
