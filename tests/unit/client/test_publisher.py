"""Publisher confirms with a bounded number of messages in flight, against a fake channel."""

import asyncio
from typing import Any

import pytest
from aiormq import spec

from pipeline.client.errors import BrokerError
from pipeline.client.publisher import (
    CONFIRM_TIMEOUT_SECONDS,
    ConfirmedPublisher,
    message_properties,
)


class FakeChannel:
    """aiormq's ``basic_publish``: resolves on the broker's confirm (here, after a moment)."""

    def __init__(self, fail_on: bytes | None = None) -> None:
        self.in_flight = 0
        self.most_in_flight = 0
        self.bodies: list[bytes] = []
        self.calls: list[dict[str, Any]] = []
        self.fail_on = fail_on

    async def basic_publish(self, body: bytes, **options: Any) -> spec.Basic.Ack:
        self.calls.append(options)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.001)
            if body == self.fail_on:
                raise RuntimeError("nacked")
            self.bodies.append(body)
            return spec.Basic.Ack()
        finally:
            self.in_flight -= 1


async def test_confirms_are_counted_and_in_flight_is_bounded():
    channel = FakeChannel()
    confirmed: list[int] = []
    publisher = ConfirmedPublisher(channel, "q", 5, on_confirm=confirmed.append)
    for index in range(50):
        await publisher.publish(f"{index}".encode(), records=2)
    await publisher.drain()
    assert (publisher.messages, publisher.records) == (50, 100)
    assert channel.bodies == [f"{index}".encode() for index in range(50)]
    assert 1 < channel.most_in_flight <= 5
    assert sum(confirmed) == 100


async def test_a_failed_message_is_raised_and_stops_publishing():
    channel = FakeChannel(fail_on=b"3")
    publisher = ConfirmedPublisher(channel, "q", 2)
    with pytest.raises(BrokerError, match="publishing to 'q' failed: nacked"):
        for index in range(100):
            await publisher.publish(f"{index}".encode(), records=1)
        await publisher.drain()
    assert publisher.messages < 100
    await asyncio.sleep(0.01)
    assert b"3" not in channel.bodies


async def test_each_message_is_persistent_json_mandatory_and_waits_for_its_confirm_only():
    channel = FakeChannel()
    publisher = ConfirmedPublisher(channel, "logs", 10)
    await publisher.publish(b"[1]", records=1, message_id="bench-r-0")
    await publisher.publish(b"[2]", records=1)
    await publisher.drain()
    first, second = channel.calls
    assert first["routing_key"] == "logs"
    # Unroutable is an error (the channel raises returns), never a silent loss.
    assert first["mandatory"] is True
    # Not also waiting for the frame to reach the socket: the confirm comes after it anyway.
    assert first["wait"] is False
    assert first["timeout"] == CONFIRM_TIMEOUT_SECONDS
    properties = first["properties"]
    assert properties.delivery_mode == 2  # persistent: survives a broker restart
    assert properties.content_type == "application/json"
    assert properties.message_id == "bench-r-0"
    # Without an id aiormq draws one (it matches a returned message to its publish by id);
    # each message has properties of its own for that.
    assert second["properties"].message_id is None
    assert second["properties"] is not properties


def test_message_properties_are_those_of_the_services_persistent_messages():
    from bridges.queues import persistent_message

    made = persistent_message(b"{}", message_id="m-1").properties
    ours = message_properties("m-1")
    assert (ours.delivery_mode, ours.content_type, ours.message_id) == (
        made.delivery_mode,
        made.content_type,
        made.message_id,
    )
