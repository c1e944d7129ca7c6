"""Reading a test queue back, and a stand-in for the worker that stores what the queue holds."""

from __future__ import annotations

import asyncio
import time

import aio_pika
import asyncpg
import click
import orjson
from aio_pika.abc import AbstractIncomingMessage
from click.testing import CliRunner, Result

from bridges.queues import declare_queue
from pipeline.analysis.records import LogRecord, parse_payload
from pipeline.commands import register_commands
from pipeline.settings import Settings

INSERT = """
INSERT INTO logs (event_id, service_name, log_level, ts, message, host, trace_id, metadata,
                  received_at)
VALUES ($1, $2, $3, to_timestamp($4), $5, $6, $7, $8::jsonb, now())
ON CONFLICT (event_id, ts) DO NOTHING
"""

ENSURE_DAY = "SELECT ensure_log_day((to_timestamp($1) AT TIME ZONE 'UTC')::date)"


async def invoke(settings: Settings, *args: str, stdin: bytes | None = None) -> Result:
    """Run one of our commands as the command line would, in a thread (it runs its own event
    loop) so that the test's loop can consume or store meanwhile."""
    group = click.Group("pipeline")
    register_commands(group, settings)
    return await asyncio.to_thread(CliRunner().invoke, group, list(args), input=stdin)


async def take_all(url: str, queue_name: str, expected: int) -> list[AbstractIncomingMessage]:
    """Consume ``expected`` messages (acking them), check no more follow, delete the queue."""
    connection = await aio_pika.connect(url)
    async with connection:
        channel = await connection.channel()
        queue = await declare_queue(channel, queue_name)
        try:
            taken: list[AbstractIncomingMessage] = []
            async with asyncio.timeout(20):
                while len(taken) < expected:
                    message = await queue.get(fail=False)
                    if message is None:
                        await asyncio.sleep(0.05)
                        continue
                    await message.ack()
                    taken.append(message)
            assert await queue.get(fail=False) is None, "more messages than expected"
            return taken
        finally:
            await queue.delete(if_unused=False, if_empty=False)


async def stand_in_worker(rabbit_url: str, queue_name: str, database_url: str) -> None:
    """Store every record of the queue in ``logs`` once (what the real worker does, minus
    Kafka and templates); runs until cancelled."""
    connection = await aio_pika.connect(rabbit_url)
    database = await asyncpg.connect(database_url)
    try:
        channel = await connection.channel()
        await channel.set_qos(prefetch_count=20)
        queue = await declare_queue(channel, queue_name)
        async with queue.iterator() as messages:
            async for message in messages:
                parsed = parse_payload(message.body, received_at=time.time())
                rows = [
                    (
                        r.event_id,
                        r.service_name,
                        r.log_level,
                        r.timestamp,
                        r.message,
                        r.host,
                        r.trace_id,
                        orjson.dumps(r.metadata).decode(),
                    )
                    for r in parsed
                    if isinstance(r, LogRecord)
                ]
                # The day partitions the rows need (the worker's sink makes them on demand).
                for day in {(r[3] // 86400) * 86400 for r in rows}:
                    await database.execute(ENSURE_DAY, day)
                await database.executemany(INSERT, rows)
                await message.ack()
    finally:
        await database.close()
        await connection.close()
