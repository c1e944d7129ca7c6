"""Which partition of the logs topic a service's records go to.

Kafka's default partitioner applied to the service key (murmur2 of the UTF-8 name), as aiokafka's
``DefaultPartitioner`` would choose for a message keyed by it: tables keyed by service with
``use_partitioner=True`` put a service's state in the same partition number as its records.
"""

from __future__ import annotations

from aiokafka.partitioner import murmur2

from pipeline.ingest.wire import service_key

# Names seen are cached; a flood of distinct names only costs a clear now and then.
_CACHE_LIMIT = 100_000


class ServicePartitioner:
    """``partitioner(service)`` -> partition, for a topic of ``count`` partitions.

    >>> ServicePartitioner(1)("api")
    0
    """

    __slots__ = ("_cache", "count")

    def __init__(self, count: int) -> None:
        if count < 1:
            raise ValueError("a topic has at least one partition")
        self.count = count
        self._cache: dict[str, int] = {}

    def __call__(self, service: str) -> int:
        partition = self._cache.get(service)
        if partition is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            partition = (murmur2(service_key(service)) & 0x7FFFFFFF) % self.count
            self._cache[service] = partition
        return partition
