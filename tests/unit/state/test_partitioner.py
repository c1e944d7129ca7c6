"""The app's producer partitioner: Kafka's default, but a chunk key goes where its service goes."""

from __future__ import annotations

import random
from typing import Any

from aiokafka.partitioner import DefaultPartitioner

from bridges.partitioning import ServicePartitioner
from pipeline.app import create_app
from pipeline.ingest.wire import service_key
from pipeline.state.partitioner import partition_by_service
from tests.factories import dev_settings

NAMES = [f"svc-{i}" for i in range(500)] + ["", "ünïcode-dienst", "a" * 300, "x.y/z:1"]
COUNTS = (1, 2, 3, 12)


def test_a_key_without_nul_goes_where_the_default_partitioner_sends_it():
    rng = random.Random(3)
    noise = [rng.randbytes(rng.randrange(1, 60)) for _ in range(500)]
    keys = [service_key(name) for name in NAMES] + [k for k in noise if b"\x00" not in k]
    for count in COUNTS:
        partitions = list(range(count))
        for key in keys:
            assert partition_by_service(key, partitions, partitions) == DefaultPartitioner()(
                key, partitions, partitions
            )


def test_a_chunk_key_goes_where_its_service_goes():
    elsewhere = 0
    for count in COUNTS:
        partitions = list(range(count))
        bridge = ServicePartitioner(count)
        for name in NAMES:
            for suffix in (b"\x000\x000", b"\x001\x0017", b"\x00"):
                key = service_key(name) + suffix
                assert partition_by_service(key, partitions, partitions) == bridge(name)
                elsewhere += DefaultPartitioner()(key, partitions, partitions) != bridge(name)
    # Not by chance: Kafka's default partitioner would have scattered them.
    assert elsewhere > 0


def test_no_key_is_a_random_available_partition_as_by_default():
    for available in ([1, 3], []):
        random.seed(11)
        ours = [partition_by_service(None, [0, 1, 2, 3], available) for _ in range(50)]
        random.seed(11)
        theirs = [DefaultPartitioner()(None, [0, 1, 2, 3], available) for _ in range(50)]
        assert ours == theirs
        assert set(ours) <= set(available or [0, 1, 2, 3])


def test_the_app_produces_with_it():
    app = create_app(dev_settings())
    # Read untyped: mypy takes the setting (a callable) for a method of Settings.
    conf: Any = app.conf
    assert conf.producer_partitioner is partition_by_service
