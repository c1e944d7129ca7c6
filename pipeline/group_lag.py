"""The Kafka messages of a topic that a consumer group has not committed, over all partitions.

For the inbound bridge's backpressure (``bridges.backpressure``): a bridge feeds every partition,
so what bounds it is the whole group's lag, not that of this worker's partitions
(``pipeline.consumer_lag``). Read with clients of its own, never through Faust's consumer thread
(a call there waits behind its long-polling fetch): the committed offsets in one OffsetFetch to
the group's coordinator (an admin client, which joins no group), the end offsets (and the first
offsets of partitions the group never committed: it starts there) in ListOffsets requests of a
consumer without a group. A few milliseconds, once a second.
"""

from __future__ import annotations

from collections.abc import Mapping

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

CLIENT_ID = "log-analysis-group-lag"


def uncommitted(
    ends: Mapping[int, int], committed: Mapping[int, int], starts: Mapping[int, int]
) -> dict[int, int]:
    """Per partition of ``ends``: messages past the committed offset, or past the first offset
    where nothing is committed (a negative committed offset counts as none)."""
    lags = {}
    for partition, end in ends.items():
        done = committed.get(partition, -1)
        if done < 0:
            done = starts.get(partition, 0)
        lags[partition] = max(end - done, 0)
    return lags


class GroupLag:
    """Reads the lag of ``group`` on ``topic``; connects on the first read (and again after a
    failed start), so a broker away at start-up costs readings, not the worker."""

    def __init__(self, bootstrap_servers: str, group: str, topic: str) -> None:
        self._bootstrap = bootstrap_servers
        self._group = group
        self._topic = topic
        self._clients: tuple[AIOKafkaAdminClient, AIOKafkaConsumer] | None = None

    async def read(self, partitions: int) -> dict[int, int]:
        """Messages not committed in each of partitions 0 .. ``partitions`` - 1."""
        admin, consumer = await self._connect()
        tps = [TopicPartition(self._topic, p) for p in range(partitions)]
        offsets = await admin.list_consumer_group_offsets(self._group, partitions=tps)
        committed = {tp.partition: meta.offset for tp, meta in offsets.items()}
        ends = await consumer.end_offsets(tps)
        never = [tp for tp in tps if committed.get(tp.partition, -1) < 0]
        starts = await consumer.beginning_offsets(never) if never else {}
        return uncommitted(
            {tp.partition: end for tp, end in ends.items()},
            committed,
            {tp.partition: start for tp, start in starts.items()},
        )

    async def close(self) -> None:
        clients, self._clients = self._clients, None
        if clients is not None:
            await _close(*clients)

    async def _connect(self) -> tuple[AIOKafkaAdminClient, AIOKafkaConsumer]:
        if self._clients is None:
            admin = AIOKafkaAdminClient(bootstrap_servers=self._bootstrap, client_id=CLIENT_ID)
            consumer = AIOKafkaConsumer(
                bootstrap_servers=self._bootstrap,
                client_id=CLIENT_ID,
                group_id=None,
                enable_auto_commit=False,
            )
            try:
                await admin.start()
                await consumer.start()
            except BaseException:
                await _close(admin, consumer)
                raise
            self._clients = admin, consumer
        return self._clients


async def _close(admin: AIOKafkaAdminClient, consumer: AIOKafkaConsumer) -> None:
    try:
        await consumer.stop()
    finally:
        await admin.close()
