"""Runs one backfill job: fill its topic, process it with a worker of its own, report progress.

1. The run (:mod:`storage.backfill_jobs`): an unfinished one is resumed, else a new generation.
2. Its records topic is filled by the job's publisher (an archive, or a range of the logs
   topic), which resumes from the headers of each partition's last message.
3. A worker (``python -m pipeline worker``) with the run's app id and topics and
   ``LOG_ANALYSIS_BACKFILL`` set processes it: the ingest path into PostgreSQL, detectors of its
   own, insights stored with ``origin=replay`` and never published. The topic is complete before
   the worker starts, so once a partition is caught up its last windows are closed.
4. Progress comes from the worker's committed offsets (records from the messages' ``n``
   headers); the run is done when the records topic is consumed to its end (the worker stores
   its insights itself, before it commits) and its end-of-data tick has run.
5. The worker is stopped, the run marked done and its topics deleted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

from pipeline.backfill.jobs import Job, RunNames, worker_environment
from pipeline.backfill.worker_log import notable_since, size_of
from pipeline.client.progress import Progress
from pipeline.errors import LogAnalysisError
from pipeline.partition_watchdog import CHECK_SECONDS as WATCHDOG_CHECK_SECONDS
from pipeline.partition_watchdog import GRACE_SECONDS as WATCHDOG_GRACE_SECONDS
from pipeline.settings import Settings
from storage.backfill_jobs import BackfillJobs, JobRun
from storage.database import Database
from storage.rows import DeadLetterRow

log = logging.getLogger(__name__)

POLL_SECONDS = 1.0
# Consumed to the end on this many polls in a row: the worker's end-of-data tick (every second)
# has run and stored its window summaries.
STABLE_POLLS = 3
STOP_SECONDS = 60.0
# A worker whose committed offsets do not move for this long, short of the end, is restarted
# (it rejoins the group and goes on from its committed offsets; every sink is idempotent). A
# safety net: the stall it was added for (pipeline/agents/sequence.py) is fixed. Longer than
# the worker's own cure for a partition Faust left paused (the partition watchdog resumes it
# after GRACE_SECONDS, looking every CHECK_SECONDS): a restart must not cut that short. At 30 s,
# a CI run's worker was restarted five times in a row, one message further each time (its log
# was gone with the run; the report now quotes what the worker logged).
STALL_SECONDS = WATCHDOG_GRACE_SECONDS + 3 * WATCHDOG_CHECK_SECONDS
# A worker that exits before the end is started again too: Faust's fetcher can crash on a
# record of a partition its conductor has not indexed yet, right after an assignment
# ("Drain messages raised: KeyError(TopicPartition(...))", faust-streaming#298), and a resumed
# job assigns the partitions of a topic that already holds records. Each start counts.
MAX_WORKER_STARTS = 5
RESTART_PAUSE_SECONDS = 1.0
# A job topic keeps its records a week: long enough to resume a run interrupted for days.
JOB_TOPIC_RETENTION_MS = str(7 * 24 * 3600 * 1000)


class _Stalled(Exception):
    """The worker's committed offsets stopped moving before the end."""


class _Exited(Exception):
    """The worker exited before the end."""


class BackfillFailed(LogAnalysisError):
    """The job's worker exited before the job was done, or Kafka refused the job's topics."""


@dataclass(frozen=True, slots=True)
class Published:
    """What a publisher handed to the records topic in this run, and what it refused: dead
    letters by line (an archive's) or position."""

    records: int
    letters: list[tuple[int, DeadLetterRow]] = field(default_factory=list)


# A job's publisher: fills the records topic (resuming from ``last``, each partition's last
# message headers, None for an empty partition) and returns what it did.
Publish = Callable[
    [AIOKafkaProducer, str, dict[int, dict[str, str] | None], Progress], Awaitable[Published]
]


@dataclass(frozen=True, slots=True)
class Outcome:
    run: JobRun
    names: RunNames
    published: Published
    records: int  # in the job's topic, this run's and an interrupted one's


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def run_job(
    settings: Settings,
    environ: Mapping[str, str],
    job: Job,
    partitions: int,
    publish: Publish,
    progress: Progress,
) -> Outcome:
    database = Database(settings.database.url, 1, 2)
    jobs = BackfillJobs(database, settings.sql_dir)
    try:
        run = await jobs.begin(job.job_id, job.kind, job.source, job.detect)
        names = RunNames.of(settings, job.job_id, run.generation)
        bootstrap = settings.kafka.bootstrap_servers
        await _create_topics(bootstrap, names, partitions, settings.kafka.replication_factor)
        last = await _last_headers(bootstrap, names.records_topic, partitions)
        producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap,
            acks="all",
            enable_idempotence=True,
            max_request_size=settings.ingest.kafka_message_max_bytes + 64 * 1024,
        )
        await producer.start()
        try:
            published = await publish(producer, names.records_topic, last, progress)
            await producer.flush()
        finally:
            await producer.stop()
        await jobs.count(run, published.records, len(published.letters))
        counts = await _record_counts(bootstrap, names.records_topic, partitions)
        total = sum(sum(c) for c in counts.values())
        if total:
            await _process(settings, environ, job, names, partitions, counts, total, progress)
        await jobs.finish(run)
        await _delete_topics(bootstrap, names)
        return Outcome(run, names, published, total)
    finally:
        progress.close()
        await database.close()


async def _create_topics(
    bootstrap: str, names: RunNames, partitions: int, replication: int
) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        for topic in names.topics():
            new = NewTopic(
                topic,
                num_partitions=partitions,
                replication_factor=replication,
                topic_configs={"retention.ms": JOB_TOPIC_RETENTION_MS},
            )
            with contextlib.suppress(TopicAlreadyExistsError):  # a resumed run
                await admin.create_topics([new])
    finally:
        await admin.close()


@contextlib.asynccontextmanager
async def _reading(
    bootstrap: str, topic: str, partitions: int
) -> AsyncIterator[tuple[AIOKafkaConsumer, dict[TopicPartition, int]]]:
    """A consumer (no group) assigned every partition of ``topic``, and their end offsets."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        tps = [TopicPartition(topic, p) for p in range(partitions)]
        consumer.assign(tps)
        yield consumer, await consumer.end_offsets(tps)
    finally:
        await consumer.stop()


async def _last_headers(
    bootstrap: str, topic: str, partitions: int
) -> dict[int, dict[str, str] | None]:
    """The headers of each partition's last message (None when it has none)."""
    found: dict[int, dict[str, str] | None] = {}
    async with _reading(bootstrap, topic, partitions) as (consumer, ends):
        for tp, end in ends.items():
            if end == 0:
                found[tp.partition] = None
                continue
            consumer.seek(tp, end - 1)
            message = await consumer.getone(tp)
            found[tp.partition] = _headers(message.headers)
    return found


async def _record_counts(bootstrap: str, topic: str, partitions: int) -> dict[int, list[int]]:
    """Per partition, the records of each message by offset (its ``n`` header)."""
    async with _reading(bootstrap, topic, partitions) as (consumer, ends):
        counts: dict[int, list[int]] = {tp.partition: [] for tp in ends}
        for tp in ends:
            consumer.seek(tp, 0)
        pending = {tp for tp, end in ends.items() if end > 0}
        while pending:
            batches = await consumer.getmany(*pending, timeout_ms=1000)
            for tp, messages in batches.items():
                for message in messages:
                    counts[tp.partition].append(int(_headers(message.headers).get("n", "0")))
                if len(counts[tp.partition]) >= ends[tp]:
                    pending.discard(tp)
    return counts


def _headers(headers: Sequence[tuple[str, bytes]]) -> dict[str, str]:
    return {key: value.decode("ascii", "replace") for key, value in headers}


async def _process(
    settings: Settings,
    environ: Mapping[str, str],
    job: Job,
    names: RunNames,
    partitions: int,
    counts: dict[int, list[int]],
    total: int,
    progress: Progress,
) -> None:
    data_dir = settings.data_dir / "backfill"
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir / f"{names.app_id}.log"
    env = worker_environment(
        environ,
        names,
        detect=job.detect,
        partitions=partitions,
        web_port=free_port(),
        data_dir=data_dir,
    )
    progress.start("processing", total)
    last = ""
    said: list[str] = []
    for attempt in range(1, MAX_WORKER_STARTS + 1):
        began = size_of(log_path)
        with log_path.open("ab") as worker_log:
            worker = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "pipeline",
                "worker",
                "--loglevel=info",
                env=env,
                stdout=worker_log,
                # In the command's process group: a Ctrl-C stops both.
                stderr=subprocess.STDOUT,
            )
            try:
                await _wait_until_consumed(settings, names, partitions, counts, progress, worker)
                return
            except _Stalled as stalled:
                last = f"made no progress for {STALL_SECONDS:.0f} s ({stalled})"
            except _Exited as exited:
                last = str(exited)
            finally:
                await _stop(worker)
        said = notable_since(log_path, began)
        log.warning(
            "backfill: the worker %s; %s (start %d of %d); its log: %s%s",
            last,
            "starting it again" if attempt < MAX_WORKER_STARTS else "giving up",
            attempt,
            MAX_WORKER_STARTS,
            log_path,
            _quoted(said),
        )
        if attempt < MAX_WORKER_STARTS:
            await asyncio.sleep(RESTART_PAUSE_SECONDS)
    raise BackfillFailed(
        f"the backfill worker {last}, on each of its {MAX_WORKER_STARTS} starts, before the "
        f"job was done; its log: {log_path}{_quoted(said)}"
    )


def _quoted(lines: list[str]) -> str:
    if not lines:
        return "; it logged no warning or error"
    return "; it logged last:\n" + "\n".join(f"    {line}" for line in lines)


async def _wait_until_consumed(
    settings: Settings,
    names: RunNames,
    partitions: int,
    counts: dict[int, list[int]],
    progress: Progress,
    worker: asyncio.subprocess.Process,
) -> None:
    bootstrap = settings.kafka.bootstrap_servers
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await admin.start()
    await consumer.start()
    try:
        records = [TopicPartition(names.records_topic, p) for p in range(partitions)]
        stable = 0
        last: dict[TopicPartition, int] = {}
        moved_at = time.monotonic()
        while stable < STABLE_POLLS:
            if worker.returncode is not None:
                raise _Exited(f"exited with {worker.returncode}")
            try:
                committed = await admin.list_consumer_group_offsets(names.app_id)
                ends = await consumer.end_offsets(records)
            except KafkaError as exc:
                # The group's coordinator is found or loaded after the worker first joins
                # (GroupCoordinatorNotAvailable, CoordinatorLoadInProgress): ask again.
                if not exc.retriable:
                    raise
                log.debug("backfill: offsets not available yet: %r", exc)
                if time.monotonic() - moved_at > STALL_SECONDS:
                    raise _Stalled(f"offsets not available: {exc!r}") from exc
                await asyncio.sleep(POLL_SECONDS)
                continue
            done = 0
            consumed = True
            for tp in records:
                meta = committed.get(tp)
                offset = meta.offset if meta is not None and meta.offset >= 0 else 0
                consumed = consumed and offset >= ends[tp]
                done += sum(counts[tp.partition][:offset])
            progress.set(done)
            offsets = {tp: committed[tp].offset for tp in records if tp in committed}
            if offsets != last:
                last, moved_at = offsets, time.monotonic()
            elif not consumed and time.monotonic() - moved_at > STALL_SECONDS:
                raise _Stalled(f"committed offsets {sorted(o for o in offsets.values())}")
            stable = stable + 1 if consumed else 0
            await asyncio.sleep(POLL_SECONDS)
    finally:
        await consumer.stop()
        await admin.close()


async def _stop(worker: asyncio.subprocess.Process) -> None:
    if worker.returncode is not None:
        return
    worker.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(worker.wait(), STOP_SECONDS)
    except TimeoutError:
        worker.kill()
        await worker.wait()


async def _delete_topics(bootstrap: str, names: RunNames) -> None:
    """The run's topics and its app's internal ones (changelogs): best effort, the run is done."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = await admin.list_topics()
        doomed = [t for t in existing if t in names.topics() or t.startswith(names.app_id + "-")]
        if doomed:
            await admin.delete_topics(doomed)
    except Exception as exc:
        log.warning("backfill: could not delete the run's topics: %r", exc)
    finally:
        await admin.close()
