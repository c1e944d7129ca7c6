"""Readiness of Kafka as the worker sees it: its producer reaches a broker."""

from __future__ import annotations

from typing import Any

from aiokafka.errors import KafkaError
from faust.exceptions import NotReady

from pipeline.errors import LogAnalysisError


class BrokerUnavailable(LogAnalysisError):
    """No Kafka broker answered the worker's producer."""


async def check_kafka(producer: Any) -> None:
    """Ask a broker for the cluster's metadata through the worker's own producer (the client
    the stream depends on, not a fresh connection that could succeed where it fails)."""
    try:
        client = producer._ensure_producer().client
    except NotReady as exc:
        raise BrokerUnavailable("the Kafka producer has not started") from exc
    try:
        await client.fetch_all_metadata()
    except KafkaError as exc:
        raise BrokerUnavailable(f"no Kafka broker answered: {exc}") from exc
