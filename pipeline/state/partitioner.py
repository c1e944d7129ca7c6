"""The producer's partitioner: Kafka's default, applied to the part of a key before its first NUL.

A large state value is written as several changelog records keyed ``<service key> NUL ...``
(``pipeline.state.chunks``); they must share the partition of the service's own key, the one the
bridge sends the service's records to. Cutting at the first NUL gives them that, and changes
nothing for any other key: service names never hold NUL (the record parser refuses them), and
for a key without NUL this is aiokafka's ``DefaultPartitioner`` itself, so every other topic the
app produces to is partitioned as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from aiokafka.partitioner import DefaultPartitioner

SEPARATOR = b"\x00"

_DEFAULT = DefaultPartitioner()


def partition_by_service(
    key: bytes | None, all_partitions: Sequence[int], available: Sequence[int]
) -> int:
    """Faust's ``producer_partitioner``: murmur2 of the key up to its first NUL (a key of None:
    a random available partition, as the default does).

    >>> partition_by_service(b"api\\x000\\x001", [0, 1, 2], [0, 1, 2]) == partition_by_service(
    ...     b"api", [0, 1, 2], [0, 1, 2])
    True
    """
    if key is not None:
        cut = key.find(SEPARATOR)
        if cut >= 0:
            key = key[:cut]
    partition: int = _DEFAULT(key, all_partitions, available)
    return partition
