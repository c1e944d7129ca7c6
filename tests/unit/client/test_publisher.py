"""Publisher confirms with a bounded number of messages in flight, against a fake exchange."""

import asyncio
from typing import cast

import pytest
from aio_pika.abc import AbstractChannel

from pipeline.client.errors import BrokerError
from pipeline.client.publisher import ConfirmedPublisher


class FakeExchange:
    def __init__(self, fail_on: bytes | None = None) -> None:
        self.in_flight = 0
        self.most_in_flight = 0
        self.bodies: list[bytes] = []
        self.fail_on = fail_on

    async def publish(self, message, routing_key, **options):
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.001)
            if message.body == self.fail_on:
                raise RuntimeError("nacked")
            self.bodies.append(message.body)
        finally:
            self.in_flight -= 1


class FakeChannel:
    def __init__(self, exchange: FakeExchange) -> None:
        self.default_exchange = exchange


def channel(exchange: FakeExchange) -> AbstractChannel:
    return cast(AbstractChannel, FakeChannel(exchange))


async def test_confirms_are_counted_and_in_flight_is_bounded():
    exchange = FakeExchange()
    confirmed: list[int] = []
    publisher = ConfirmedPublisher(channel(exchange), "q", 5, on_confirm=confirmed.append)
    for index in range(50):
        await publisher.publish(f"{index}".encode(), records=2)
    await publisher.drain()
    assert (publisher.messages, publisher.records) == (50, 100)
    assert exchange.bodies == [f"{index}".encode() for index in range(50)]
    assert 1 < exchange.most_in_flight <= 5
    assert sum(confirmed) == 100


async def test_a_failed_message_is_raised_and_stops_publishing():
    exchange = FakeExchange(fail_on=b"3")
    publisher = ConfirmedPublisher(channel(exchange), "q", 2)
    with pytest.raises(BrokerError, match="publishing to 'q' failed: nacked"):
        for index in range(100):
            await publisher.publish(f"{index}".encode(), records=1)
        await publisher.drain()
    assert publisher.messages < 100
    await asyncio.sleep(0.01)
    assert b"3" not in exchange.bodies
