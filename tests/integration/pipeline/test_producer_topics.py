"""The producer keeps the metadata of the topics we track, through refreshes, on the real Kafka."""

from __future__ import annotations

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from pipeline.producer_topics import track_topics

from ..conftest import BASE

pytestmark = [pytest.mark.timeout(60)]


async def test_a_tracked_topic_keeps_its_metadata_after_the_producer_sent_elsewhere(unique):
    logs, changelog = f"la-test-{unique}.logs", f"la-test-{unique}-state-changelog"
    admin = AIOKafkaAdminClient(bootstrap_servers=BASE.kafka.bootstrap_servers)
    await admin.start()
    producer = AIOKafkaProducer(bootstrap_servers=BASE.kafka.bootstrap_servers)
    await producer.start()
    try:
        await admin.create_topics([NewTopic(logs, 2, 1), NewTopic(changelog, 2, 1)])
        await producer.send_and_wait(logs, b"x")
        await producer.client.force_metadata_update()
        # What a table write meets: the changelog is not in the producer's metadata.
        assert producer._metadata.partitions_for_topic(changelog) is None

        await track_topics(producer, [changelog])
        assert producer._metadata.partitions_for_topic(changelog) == {0, 1}
        await producer.send_and_wait(logs, b"y")
        await producer.client.force_metadata_update()
        assert producer._metadata.partitions_for_topic(changelog) == {0, 1}
        await track_topics(producer, [changelog])  # again: nothing changes
        assert producer._metadata.partitions_for_topic(changelog) == {0, 1}
    finally:
        await producer.stop()
        await admin.delete_topics([logs, changelog])
        await admin.close()
