"""`replay` and `import`: build the job, run it (:mod:`pipeline.backfill.runner`), report.

What they print on stdout: the job and run (new or resumed), every record refused with its line
and reason (the first ``SHOWN_REJECTIONS``, then counts by reason), and a closing line with the
records the run handed over and processed. Refused records are also stored as dead letters
(stage ``import``), so ``dead-letters list`` shows them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from aiokafka import AIOKafkaProducer

from pipeline.analysis.config import RecordLimits
from pipeline.backfill.jobs import Job, file_job_id, range_job_id
from pipeline.backfill.publishers import (
    archive_publisher,
    offsets_between,
    range_publisher,
    topic_partitions,
)
from pipeline.backfill.runner import BackfillFailed, Outcome, Publish, Published, run_job
from pipeline.client.progress import Progress
from pipeline.ingest.intake import IntakeLimits
from pipeline.settings import Settings
from storage.database import Database
from storage.day_partitions import DayPartitions
from storage.log_sink import LogSink
from storage.rows import DeadLetterRow

__all__ = ["BackfillFailed", "import_file", "import_job", "replay_range"]

SHOWN_REJECTIONS = 20

Echo = Callable[[str], None]


def import_job(path: Path, detect: bool) -> Job:
    """The job of importing ``path``: named by the file's bytes."""
    return Job("import", file_job_id(path), str(path.resolve()), detect)


async def import_file(
    settings: Settings,
    environ: Mapping[str, str],
    path: Path,
    job: Job,
    echo: Echo,
    progress: Progress,
) -> Outcome:
    ingest = settings.ingest
    limits = IntakeLimits(
        max_message_bytes=ingest.max_message_bytes,
        max_future_seconds=float(settings.analysis.max_future_seconds),
        dead_letter_payload_bytes=ingest.dead_letter_payload_bytes,
        records=RecordLimits(),
    )
    publish = archive_publisher(path, limits, ingest.kafka_message_max_bytes)
    partitions = settings.kafka.topic_partitions
    echo(f"import {path}: job {job.job_id}")
    publish = _storing_letters(settings, publish, echo)
    outcome = await run_job(settings, environ, job, partitions, publish, progress)
    _report(outcome, echo)
    return outcome


async def replay_range(
    settings: Settings,
    environ: Mapping[str, str],
    start: datetime,
    end: datetime | None,
    detect: bool,
    echo: Echo,
    progress: Progress,
) -> Outcome:
    kafka = settings.kafka
    topic = kafka.logs_topic
    job = Job(
        "replay",
        range_job_id(topic, start, end),
        f"{topic} from {start.isoformat()} to {end.isoformat() if end else 'its end'}",
        detect,
    )
    partitions = await topic_partitions(kafka.bootstrap_servers, topic)
    if partitions == 0:
        raise BackfillFailed(f"topic {topic} does not exist")
    ranges = await offsets_between(kafka.bootstrap_servers, topic, partitions, start, end)
    echo(
        f"replay {job.source}: job {job.job_id}, "
        f"{sum(b - a for a, b in ranges.values())} message(s) of {partitions} partition(s)"
    )
    publish = range_publisher(kafka.bootstrap_servers, topic, ranges)
    outcome = await run_job(settings, environ, job, partitions, publish, progress)
    _report(outcome, echo)
    return outcome


def _storing_letters(settings: Settings, publish: Publish, echo: Echo) -> Publish:
    """``publish``, then the records it refused printed and stored as dead letters."""

    async def wrapped(
        producer: AIOKafkaProducer,
        topic: str,
        last: dict[int, dict[str, str] | None],
        progress: Progress,
    ) -> Published:
        published = await publish(producer, topic, last, progress)
        letters = published.letters
        for line, letter in letters[:SHOWN_REJECTIONS]:
            field = f"{letter.field}: " if letter.field else ""
            echo(f"rejected line {line}: {field}{letter.reason}")
        if len(letters) > SHOWN_REJECTIONS:
            echo(f"... and {len(letters) - SHOWN_REJECTIONS} more rejected")
        if letters:
            reasons = Counter(letter.reason for _, letter in letters)
            for reason, count in reasons.most_common():
                echo(f"rejected {count}: {reason}")
            await _store_letters(settings, [letter for _, letter in letters])
        return published

    return wrapped


async def _store_letters(settings: Settings, letters: list[DeadLetterRow]) -> None:
    database = Database(settings.database.url, 1, 2)
    try:
        sink = LogSink(
            database,
            settings.sql_dir,
            source="import",
            partitions=DayPartitions(
                database, settings.sql_dir, settings.database.logs_retention_days
            ),
        )
        await sink.store_dead_letters(letters)
    finally:
        await database.close()


def _report(outcome: Outcome, echo: Echo) -> None:
    run = outcome.run
    state = "resumed" if run.resumed else "new"
    echo(
        f"done: run {run.generation} ({state}), {outcome.published.records} record(s) handed "
        f"over by this run, {len(outcome.published.letters)} rejected, {outcome.records} "
        f"processed by {outcome.names.app_id}"
    )
