"""The detectors' store over the detector-state table: services listed by their partition; the
idle partitions and the lag metric when the consumer cannot tell."""

from __future__ import annotations

import os
import time

from faust.exceptions import ConsumerNotStarted
from faust.types import TP
from prometheus_client import CollectorRegistry

from bridges.backpressure import HeldBack
from bridges.partitioning import ServicePartitioner
from pipeline.consumer_lag import PartitionLag
from pipeline.metrics import Metrics
from pipeline.state.chunks import CHUNK_BYTES
from pipeline.stream import TableStates, _caught_up, _idle, _report_lag


def test_services_of_a_partition_are_its_heads_and_their_values_come_whole():
    table: dict[bytes, bytes] = {}
    partitioner = ServicePartitioner(3)
    states = TableStates(table, partitioner)
    names = [f"svc-{i}" for i in range(12)]
    large = os.urandom(2 * CHUNK_BYTES + 1)
    for name in names:
        states.save(name, large if name == "svc-0" else name.encode())
    assert len(table) > len(names)  # svc-0 in chunks
    for partition in range(3):
        listed = states.services(partition)
        assert sorted(listed) == sorted(n for n in names if partitioner(n) == partition)
        for name in listed:
            assert states.load(name) == (large if name == "svc-0" else name.encode())


class _Consumer:
    """One owned partition, fetched just now at end offset 40, with 37 committed."""

    def __init__(self, fail: bool = False, committed: int = 37) -> None:
        self.fail = fail
        self._committed = committed

    def assignment(self) -> set[TP]:
        if self.fail:
            raise ConsumerNotStarted("Consumer thread not yet started")
        return {TP("logs", 0)}

    def fetched_end(self, tp: TP) -> tuple[int, float] | None:
        return 40, time.time()

    def committed(self, tp: TP) -> int | None:
        return self._committed

    def handled(self, tp: TP) -> int | None:
        return None

    async def ends(self, tps):
        raise AssertionError("the fetch told already")

    async def position(self, tp: TP) -> int | None:
        raise AssertionError("committed already")


def test_no_partition_is_idle_while_the_consumer_cannot_tell():
    assert _caught_up(PartitionLag(_Consumer(fail=True), "logs")) == []


def test_a_caught_up_partition_is_not_idle_while_the_bridge_holds_records_back():
    lag = PartitionLag(_Consumer(committed=40), "logs")
    held_back = HeldBack(settle_seconds=5.0)
    assert _idle(lag, held_back) == [0]
    held_back.observe(True, time.monotonic())  # paused: the next records wait in RabbitMQ
    assert _idle(lag, held_back) == []
    held_back.observe(False, time.monotonic())  # resumed: they are on their way
    assert _idle(lag, held_back) == []
    settled = HeldBack(settle_seconds=0.0)
    settled.observe(True, time.monotonic())
    settled.observe(False, time.monotonic())
    assert _idle(lag, settled) == [0]
    assert _idle(PartitionLag(_Consumer(), "logs"), HeldBack()) == []  # 3 records wait


def test_a_caught_up_partition_is_not_idle_while_the_bridge_has_its_records_in_hand():
    # Taken from RabbitMQ, not yet acknowledged by Kafka (a slow broker): on their way to it.
    lag = PartitionLag(_Consumer(committed=40), "logs")
    assert _idle(lag, HeldBack(), in_hand={1}) == [0]
    assert _idle(lag, HeldBack(), in_hand={0}) == []


async def test_the_lag_metric_is_set_per_owned_partition():
    registry = CollectorRegistry()
    metrics = Metrics.create(registry)
    await _report_lag(PartitionLag(_Consumer(), "logs"), metrics)
    assert registry.get_sample_value("kafka_consumer_lag", {"partition": "0"}) == 3

    await _report_lag(PartitionLag(_Consumer(fail=True), "logs"), metrics)  # left as it was
    assert registry.get_sample_value("kafka_consumer_lag", {"partition": "0"}) == 3
