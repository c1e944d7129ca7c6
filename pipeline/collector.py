"""How often Python's cyclic garbage collector runs in our processes.

Reference counting frees almost everything the service makes per record (parsed JSON, named
tuples, aio-pika's message objects, COPY rows): almost nothing is in a reference cycle. The
cyclic collector nonetheless walks its young generation every 700 net allocations of
containers, and its older generations, which hold the long-lived state (templates, detector
state, Faust's tables), every tenth and hundredth time after that. With batches of thousands
of records that is many walks a second over objects that were never garbage.

Measured on the end-to-end benchmark (``tests/bench/bench_stream.py``, alternating, 2026-12-05):
at 100 records a message the worker's CPU for 300,000 records fell from 10.3-10.7 s to
6.6-7.3 s with the thresholds below; at one record a message the worker's from 8.7-8.9 s to
7.0 s and the publishing client's from 7.5 s to 4.7 s for 60,000 messages. The offline
``analyze`` had found the same earlier: the collector was a fifth of its run.

Garbage in a cycle still goes, only later: after 100,000 allocations instead of 700.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

# Young generation 140 times the default (700); the older two walked half as often (10, 10).
THRESHOLDS = (100_000, 50, 100)


def collect_less() -> None:
    """Set the thresholds for the rest of the process (every ``python -m pipeline`` command)."""
    gc.set_threshold(*THRESHOLDS)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """The thresholds for a block only, for code run inside another program (benchmarks
    calling ``run_records``)."""
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
