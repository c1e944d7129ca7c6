from aiokafka.partitioner import DefaultPartitioner

from bridges.partitioning import ServicePartitioner
from pipeline.ingest.wire import service_key


def test_services_go_where_kafkas_default_partitioner_sends_their_key():
    names = [f"svc-{i}" for i in range(300)] + ["", "ünïcode-dienst", "a" * 300]
    for count in (1, 2, 3, 12):
        ours = ServicePartitioner(count)
        partitions = list(range(count))
        for name in names:
            theirs = DefaultPartitioner()(service_key(name), partitions, partitions)
            assert ours(name) == theirs
            assert ours(name) == theirs  # cached answer


def test_the_cache_stays_bounded(monkeypatch):
    import bridges.partitioning as partitioning

    monkeypatch.setattr(partitioning, "_CACHE_LIMIT", 10)
    partitioner = ServicePartitioner(4)
    for i in range(25):
        partitioner(f"name-{i}")
    assert len(partitioner._cache) <= 10
