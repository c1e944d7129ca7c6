"""Keeps the producer's metadata for the topics a table writes to.

A Faust table picks the partition of a changelog write at once, from the producer's metadata
(``eager_partitioning``), and fails with a TypeError when the changelog topic is not in it.
aiokafka keeps metadata only for the topics its client tracks: it tracks a topic once it has
sent to it, and every refresh drops the others. So a worker whose producer has sent to the logs
topic but not yet to a changelog could not write its first state; tracking the changelogs
before any write closes that gap for the producer's lifetime.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


async def track_topics(producer: Any, topics: Iterable[str]) -> None:
    """Have ``producer`` (an ``AIOKafkaProducer``) track ``topics`` and hold their metadata.

    Cheap once done: a tracked topic with metadata costs two dictionary look-ups."""
    for topic in topics:
        await producer.client.add_topic(topic)
        await producer.partitions_for(topic)
