"""The Kafka topics this service owns, created explicitly with the configured partition count.

The broker runs with topic auto-creation off, so a typo in a topic name fails loudly instead of
silently creating a one-partition topic nobody reads.
"""

from __future__ import annotations

from dataclasses import dataclass

import faust

from pipeline.settings import KafkaSettings


@dataclass(frozen=True)
class Topics:
    logs: faust.TopicT
    insights: faust.TopicT
    dead_letter: faust.TopicT

    def all(self) -> tuple[faust.TopicT, ...]:
        return (self.logs, self.insights, self.dead_letter)


def define_topics(app: faust.App, kafka: KafkaSettings) -> Topics:
    """Our topics on ``app``; ``pipeline.app.TopicDeclarer`` creates them on the broker."""

    def raw_topic(name: str, config: dict[str, str] | None = None) -> faust.TopicT:
        # Payloads stay bytes on the wire: validation is ours, so a malformed record reaches our
        # code (and the dead-letter topic) instead of dying inside Faust's deserialiser.
        return app.topic(
            name,
            partitions=kafka.topic_partitions,
            replicas=kafka.replication_factor,
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
            config=config,
        )

    return Topics(
        logs=raw_topic(kafka.logs_topic, logs_topic_config(kafka)),
        insights=raw_topic(kafka.insights_topic),
        dead_letter=raw_topic(kafka.dead_letter_topic),
    )


def logs_topic_config(kafka: KafkaSettings) -> dict[str, str]:
    """Topic-level settings of the logs topic when we create it: its retention is how far back
    a replay reaches, whatever the broker's default.

    >>> logs_topic_config(KafkaSettings(logs_retention_hours=2))
    {'retention.ms': '7200000'}
    """
    return {"retention.ms": str(kafka.logs_retention_hours * 3600 * 1000)}
