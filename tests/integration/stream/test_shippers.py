"""Records as an existing shipper sends them, through our worker: python-logging-rabbitmq."""

from __future__ import annotations

import asyncio
import logging
import uuid

import aio_pika
import pytest
from python_logging_rabbitmq import RabbitMQHandler

from bridges.queues import declare_queue

from ..conftest import BASE
from .conftest import Stream

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]


async def _bind(queue: str, exchange: str) -> None:
    """The handler publishes to a topic exchange; users bind log_analysis_queue to it."""
    connection = await aio_pika.connect_robust(BASE.rabbitmq.url)
    try:
        channel = await connection.channel()
        bound = await declare_queue(channel, queue)
        topic = await channel.declare_exchange(exchange, aio_pika.ExchangeType.TOPIC, durable=True)
        await bound.bind(topic, routing_key="#")
    finally:
        await connection.close()


async def test_python_logging_rabbitmq_records_are_stored(stream: Stream):
    exchange = f"la-test-{uuid.uuid4().hex[:8]}.log"
    await _bind(stream.queue, exchange)
    stream.start()
    handler = RabbitMQHandler(
        host="localhost",
        port=5672,
        username="guest",
        password="guest",
        exchange=exchange,
        declare_exchange=False,
        fields={"marker": "shipper-test"},
    )
    logger = logging.getLogger(f"billing-{uuid.uuid4().hex[:6]}")
    logger.propagate = False
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        logger.warning("invoice %s overdue by %d days", "INV-7", 12)
        logger.error("payment provider timed out")
        try:
            raise ValueError("bad amount")
        except ValueError:
            logger.exception("could not charge card")
    finally:
        handler.close()
        logger.removeHandler(handler)
    rows = []
    for _ in range(100):
        rows = await stream.fetch(
            "SELECT service_name, log_level, message, ts FROM logs "
            "WHERE metadata->>'marker' = 'shipper-test' ORDER BY message"
        )
        if len(rows) == 3:
            break
        await asyncio.sleep(0.3)
    assert [(r["service_name"], r["log_level"]) for r in rows] == [
        (logger.name, "ERROR"),
        (logger.name, "WARNING"),
        (logger.name, "ERROR"),
    ]
    messages = [r["message"] for r in rows]
    assert messages[1] == "invoice INV-7 overdue by 12 days"
    assert messages[0].startswith("could not charge card")
    assert await stream.fetch("SELECT * FROM dead_letters") == []
