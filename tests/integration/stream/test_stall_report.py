"""A stalled ingest agent is reported: records wait in Kafka, none is finished, and the worker
says so at ERROR with where its agent waits, counts it, and says when it moves again."""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.integration.processes import get_json
from tests.integration.tcp_proxy import tcp_proxy

from .conftest import Stream, messages, records

pytestmark = [pytest.mark.slow]

STALL_SECONDS = 4


def stall_metrics(stream: Stream) -> tuple[float, float]:
    samples = stream.samples()
    stalls = sum(v for (name, _), v in samples.items() if name == "ingest_stalls_total")
    return stalls, samples[("ingest_stalled_partitions", ())]


@pytest.mark.timeout(240)
async def test_an_agent_that_stores_nothing_while_records_wait_is_reported_and_so_is_its_recovery(
    stream: Stream,
):
    url = urlsplit(stream.database_url)
    with tcp_proxy(url.hostname or "127.0.0.1", url.port or 5432) as proxy:
        through_proxy = url._replace(netloc=f"{url.username}:{url.password}@127.0.0.1:{proxy.port}")
        worker = stream.start(
            env={
                "DATABASE_URL": urlunsplit(through_proxy),
                "INGEST_STALL_SECONDS": str(STALL_SECONDS),
            }
        )
        first = records("stall", 300)
        await stream.publish(messages(first, 50))
        await stream.wait_for_rows("stall", 300)
        assert stall_metrics(stream) == (0, 0)
        assert "ingest watchdog" not in worker.log_text()

        # PostgreSQL away: the agent's batch waits in the store's retry while more records
        # come into Kafka.
        proxy.down()
        await stream.publish(messages(records("stall", 300, start=300), 50))
        deadline = time.monotonic() + 60
        while "ingest watchdog: stalled" not in worker.log_text():
            assert time.monotonic() < deadline, worker.log_text()[-4000:]
            await asyncio.sleep(0.5)
        report = worker.log_text().split("ingest watchdog: stalled", 1)[1][:6000]
        assert "message(s) waiting, nothing finished for" in report, report
        assert "in the consumer" in report and "the agent waits for offset" in report, report
        # Where the batch waits (the store's retry), and the agent's own loop (waiting for it).
        assert "Ingestor._finish(pipeline/agents/ingest.py:" in report, report
        assert "LogSink.store(storage/log_sink.py:" in report, report
        assert "agent ingest[0]: " in report and "process(pipeline/agents/stopping.py:" in report
        assert stall_metrics(stream)[0] >= 1

        proxy.up()
        await stream.wait_for_rows("stall", 600, within=90)
        deadline = time.monotonic() + 60
        while "moving again after" not in worker.log_text():
            assert time.monotonic() < deadline, worker.log_text()[-4000:]
            await asyncio.sleep(0.5)
        assert stall_metrics(stream)[1] == 0
        status, health = get_json(f"http://127.0.0.1:{stream.env['WEB_PORT']}/health/ready")
        assert status == 200, health
