"""How often ``bench`` counts a run's rows while it waits: the counts cost the PostgreSQL the
run measures, so a slow count is followed by a long pause."""

import asyncio
import time

from pipeline.client.bench import POLL_IDLE_FACTOR, wait_until_stored
from storage.run_counts import StoredCounts

COUNT_SECONDS = 0.05


class SlowCounter:
    """Counts that take ``COUNT_SECONDS`` and never find the run complete."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    async def count(self, run_id: str, *, quick: bool = False) -> StoredCounts:
        self.calls.append(time.monotonic())
        await asyncio.sleep(COUNT_SECONDS)
        return StoredCounts(0, 0)


async def test_a_count_is_followed_by_a_pause_of_many_times_its_length():
    counter = SlowCounter()
    began = time.monotonic()
    waited = await wait_until_stored(
        counter,  # type: ignore[arg-type]
        "r1",
        10,
        deadline=began + 1.5,
        poll_interval=0.01,
    )
    assert waited.timed_out
    # The pause after a count is POLL_IDLE_FACTOR counts long (cut short only by the deadline,
    # after which one last count is made): at a fifth of the time (a factor of 4) the 1.5 s held
    # seven counts, 0.25 s apart.
    first_gap = counter.calls[1] - counter.calls[0]
    assert first_gap >= (1 + POLL_IDLE_FACTOR) * COUNT_SECONDS * 0.95, counter.calls
    assert POLL_IDLE_FACTOR >= 19
    assert len(counter.calls) <= 4, counter.calls
