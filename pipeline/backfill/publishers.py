"""What fills a backfill run's records topic: an archive file, or a time range of the logs topic.

Both resume an interrupted run from the headers of each partition's last message in the records
topic: ``line`` (the archive's last line in it) or ``src`` (the offset of the logs-topic message
it copies). Every message also carries ``n``, its record count, for the progress bar. Within a
partition messages are sent in order by one idempotent producer, so what a partition holds is a
prefix of what was meant for it, and resuming after its last message skips nothing and repeats
nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from bridges.partitioning import ServicePartitioner
from pipeline.backfill.archive import ArchiveMessage, Packer, open_archive, read_lines
from pipeline.backfill.runner import Publish, Published
from pipeline.client.progress import Progress
from pipeline.ingest.intake import IntakeLimits

__all__ = ["archive_publisher", "offsets_between", "range_publisher", "topic_partitions"]

# Messages in flight before the publisher waits for Kafka's acknowledgements.
_WINDOW = 200


class _Sender:
    def __init__(self, producer: AIOKafkaProducer, topic: str) -> None:
        self._producer = producer
        self._topic = topic
        self._pending: list[object] = []

    async def send(self, partition: int, value: bytes, headers: list[tuple[str, bytes]]) -> None:
        future = await self._producer.send(self._topic, value, partition=partition, headers=headers)
        self._pending.append(future)
        if len(self._pending) >= _WINDOW:
            await self.drain()

    async def drain(self) -> None:
        pending, self._pending = self._pending, []
        for future in pending:
            await future  # type: ignore[misc]


def archive_publisher(path: Path, limits: IntakeLimits, max_bytes: int) -> Publish:
    """Publishes the records of an archive (JSON lines, plain or gzip)."""
    size = path.stat().st_size

    async def publish(
        producer: AIOKafkaProducer,
        topic: str,
        last: dict[int, dict[str, str] | None],
        progress: Progress,
    ) -> Published:
        partitions = len(last)
        skip = {p: int(h.get("line", "0")) for p, h in last.items() if h is not None}
        packer = Packer(
            source=str(path),
            partition_of=ServicePartitioner(partitions),
            limits=limits,
            max_bytes=max_bytes,
            now=time.time(),
            skip_through=skip,
        )
        sender = _Sender(producer, topic)
        progress.start("reading", size, unit="B")

        async def send(messages: list[ArchiveMessage]) -> None:
            for message in messages:
                headers = [
                    ("line", str(message.last_line).encode()),
                    ("n", str(message.records).encode()),
                ]
                await sender.send(message.partition, message.value, headers)

        with open_archive(path) as stream:
            raw = getattr(stream, "fileobj", None) or stream
            for number, body in read_lines(stream):
                await send(packer.add(number, body))
                if number % 1000 == 0:
                    progress.set(raw.tell())
            await send(packer.flush())
        await sender.drain()
        progress.set(size)
        return Published(packer.accepted, packer.dead_letters)

    return publish


async def topic_partitions(bootstrap: str, topic: str) -> int:
    """The partitions ``topic`` has; 0 when it does not exist."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        [found] = await admin.describe_topics([topic])
    finally:
        await admin.close()
    if found.get("error_code", 0) != 0:
        return 0
    return len(found.get("partitions", ()))


async def offsets_between(
    bootstrap: str, topic: str, partitions: int, start: datetime, end: datetime | None
) -> dict[int, tuple[int, int]]:
    """Per partition, the offsets [first, last) of the messages Kafka stamped from ``start`` to
    ``end`` (no end: to the end of the partition now)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        tps = [TopicPartition(topic, p) for p in range(partitions)]
        ends = await consumer.end_offsets(tps)

        async def at(moment: datetime) -> dict[TopicPartition, int]:
            found = await consumer.offsets_for_times(
                {tp: int(moment.timestamp() * 1000) for tp in tps}
            )
            return {tp: ends[tp] if found[tp] is None else found[tp].offset for tp in tps}

        firsts = await at(start)
        lasts = await at(end) if end is not None else ends
        return {tp.partition: (firsts[tp], max(firsts[tp], lasts[tp])) for tp in tps}
    finally:
        await consumer.stop()


def range_publisher(
    bootstrap: str, source_topic: str, ranges: dict[int, tuple[int, int]]
) -> Publish:
    """Copies the messages of ``ranges`` of the logs topic, partition to same partition."""

    async def publish(
        producer: AIOKafkaProducer,
        topic: str,
        last: dict[int, dict[str, str] | None],
        progress: Progress,
    ) -> Published:
        starts = {
            p: max(first, int(last[p]["src"]) + 1 if last.get(p) else first)  # type: ignore[index]
            for p, (first, _) in ranges.items()
        }
        todo = {p: (starts[p], end) for p, (_, end) in ranges.items() if starts[p] < end}
        progress.start("copying", sum(end - start for start, end in todo.values()), unit="msg")
        consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap, enable_auto_commit=False, max_partition_fetch_bytes=2**21
        )
        await consumer.start()
        sender = _Sender(producer, topic)
        records = 0
        try:
            tps = {TopicPartition(source_topic, p): end for p, (_, end) in todo.items()}
            consumer.assign(list(tps))
            for tp in tps:
                consumer.seek(tp, todo[tp.partition][0])
            pending = set(tps)
            while pending:
                batches = await consumer.getmany(*pending, timeout_ms=1000)
                for tp, messages in batches.items():
                    for message in messages:
                        if message.offset >= tps[tp]:
                            pending.discard(tp)
                            break
                        count = _record_count(message.value)
                        records += count
                        headers = [
                            ("src", str(message.offset).encode()),
                            ("n", str(count).encode()),
                        ]
                        await sender.send(tp.partition, message.value or b"", headers)
                        progress.update(1)
                        if message.offset + 1 >= tps[tp]:
                            pending.discard(tp)
            await sender.drain()
        finally:
            await consumer.stop()
        return Published(records)

    return publish


def _record_count(value: bytes | None, loads: Callable[[bytes], object] = orjson.loads) -> int:
    """Records in a logs-topic message (0 for one that is not ours: the worker dead-letters it)."""
    try:
        decoded = loads(value or b"")
    except orjson.JSONDecodeError:
        return 0
    if isinstance(decoded, dict) and isinstance(decoded.get("records"), list):
        return len(decoded["records"])
    return 0
