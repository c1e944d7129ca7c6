"""The detectors' store over the detector-state table: services listed by their partition."""

from __future__ import annotations

import os

from bridges.partitioning import ServicePartitioner
from pipeline.state.chunks import CHUNK_BYTES
from pipeline.stream import TableStates


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
