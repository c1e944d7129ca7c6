"""What a backfill job is called: its id, and the app id and topics of one of its runs.

A run works on Kafka topics of its own and as a Faust app of its own (its own consumer group and
table changelogs), so it never slows the live stream nor touches the live detectors' state: it
shares only PostgreSQL, through the same idempotent sinks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pipeline.settings import Settings
from pipeline.settings import variables as v

__all__ = ["Job", "RunNames", "file_job_id", "range_job_id", "worker_environment"]

_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Job:
    kind: str  # "import" or "replay"
    job_id: str
    source: str  # what a person reads: the file, or the topic and range
    detect: bool


def file_job_id(path: Path) -> str:
    """``i-`` and 16 hex digits of the file's sha256: the same bytes are the same job."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return "i-" + digest.hexdigest()[:16]


def range_job_id(topic: str, start: datetime, end: datetime | None) -> str:
    """``r-`` and 16 hex digits naming a time range of a topic (no end: up to what it holds)."""
    text = f"{topic}\0{start.isoformat()}\0{end.isoformat() if end else ''}"
    return "r-" + hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


@dataclass(frozen=True, slots=True)
class RunNames:
    """The names one run (a generation of a job) uses."""

    app_id: str
    records_topic: str
    insights_topic: str
    dead_letter_topic: str

    @classmethod
    def of(cls, settings: Settings, job_id: str, generation: int) -> RunNames:
        suffix = f"backfill-{job_id}-g{generation}"
        kafka = settings.kafka
        return cls(
            app_id=f"{settings.app_id}-{suffix}",
            records_topic=f"{kafka.logs_topic}.{suffix}",
            insights_topic=f"{kafka.insights_topic}.{suffix}",
            dead_letter_topic=f"{kafka.dead_letter_topic}.{suffix}",
        )

    def topics(self) -> list[str]:
        return [self.records_topic, self.insights_topic, self.dead_letter_topic]


def worker_environment(
    environ: Mapping[str, str],
    names: RunNames,
    *,
    detect: bool,
    partitions: int,
    web_port: int,
    data_dir: Path,
) -> dict[str, str]:
    """The environment of a run's worker: the caller's, with the run's names and role."""
    return {
        **environ,
        v.APP_ID: names.app_id,
        v.KAFKA_LOGS_TOPIC: names.records_topic,
        v.KAFKA_INSIGHTS_TOPIC: names.insights_topic,
        v.KAFKA_DEAD_LETTER_TOPIC: names.dead_letter_topic,
        v.KAFKA_TOPIC_PARTITIONS: str(partitions),
        v.BACKFILL: "detect" if detect else "windows",
        v.WEB_HOST: "127.0.0.1",
        v.WEB_PORT: str(web_port),
        v.DATA_DIR: str(data_dir),
    }
