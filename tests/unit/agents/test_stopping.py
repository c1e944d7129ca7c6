import asyncio
from collections.abc import Sequence
from typing import Any

import faust

from pipeline.agents.stopping import (
    RETRY_FIRST_SECONDS,
    RETRY_MAX_SECONDS,
    give_up_unacked,
    give_up_unacked_after,
    register_batch_agent,
    register_two_phase_agent,
    until_done,
)
from pipeline.errors import StorageError


class Attempts:
    """Work that fails ``failures`` times with ``error``, then succeeds."""

    def __init__(self, failures: int, error: Exception | None = None) -> None:
        self.failures = failures
        self.error = error or RuntimeError("metadata not there yet")
        self.calls = 0

    async def __call__(self) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error


class FromZero:
    """Partitions whose first event has offset 0, as in ``test_context``; seeks recorded."""

    def __init__(self) -> None:
        self.seeks: list[tuple[tuple[str, int], int]] = []

    async def first(self, partitions: set[tuple[str, int]]) -> dict[tuple[str, int], int]:
        return dict.fromkeys(partitions, 0)

    async def seek(self, partition: tuple[str, int], offset: int) -> None:
        self.seeks.append((partition, offset))


class Recorder:
    def __init__(self, stop_after: int | None = None) -> None:
        self.slept: list[float] = []
        self.failed: list[str] = []
        self.stop_after = stop_after

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    def stopping(self) -> bool:
        return self.stop_after is not None and len(self.slept) >= self.stop_after


async def run(work: Attempts, recorder: Recorder, **kwargs: Any) -> bool:
    return await until_done(
        work,
        name="ingest",
        sleep=recorder.sleep,
        stopping=recorder.stopping,
        on_failure=recorder.failed.append,
        **kwargs,
    )


async def test_work_that_succeeds_runs_once_without_waiting():
    work, recorder = Attempts(0), Recorder()
    assert await run(work, recorder)
    assert (work.calls, recorder.slept, recorder.failed) == (1, [], [])


async def test_a_failure_is_counted_and_retried_with_a_doubling_backoff_up_to_its_cap(caplog):
    work, recorder = Attempts(9), Recorder()
    assert await run(work, recorder)
    assert work.calls == 10
    assert recorder.failed == ["ingest"] * 9
    expected = [min(RETRY_FIRST_SECONDS * 2**i, RETRY_MAX_SECONDS) for i in range(9)]
    assert recorder.slept == expected
    assert recorder.slept[-1] == RETRY_MAX_SECONDS
    assert "metadata not there yet" in caplog.text  # the traceback is logged


async def test_a_stopping_worker_gives_up_at_once_on_storage_errors():
    work, recorder = Attempts(1, StorageError("the worker stops")), Recorder()
    assert not await run(work, recorder)
    assert (work.calls, recorder.slept, recorder.failed) == (1, [], [])


async def test_a_worker_that_stops_while_retrying_gives_the_batch_up():
    work, recorder = Attempts(100), Recorder(stop_after=2)
    assert not await run(work, recorder)
    assert work.calls == 2
    assert recorder.failed == ["ingest", "ingest"]


async def test_the_exceptions_that_mean_stopping_can_be_chosen():
    class Aborted(Exception):
        pass

    work, recorder = Attempts(1, Aborted()), Recorder()
    assert not await run(work, recorder, gives_up=(Aborted,))
    work, recorder = Attempts(1, StorageError("not stopping here")), Recorder()
    assert await run(work, recorder, gives_up=(Aborted,))
    assert recorder.failed == ["ingest"]


async def test_the_agent_retries_a_failed_batch_and_acks_it_only_once_it_is_done(monkeypatch):
    monkeypatch.setattr("pipeline.agents.stopping.RETRY_FIRST_SECONDS", 0.01)
    app = faust.App("batch-unit", store="memory://", web_enabled=False, autodiscover=False)
    topic = app.topic("logs", key_type=bytes, value_type=bytes, value_serializer="raw")
    handled: list[list[bytes]] = []
    failed: list[str] = []

    async def handle(events: Sequence[Any]) -> None:
        handled.append([event.value for event in events])
        if len(handled) == 1:
            raise TypeError("'NoneType' object is not iterable")

    agent = register_batch_agent(
        app,
        topic,
        "ingest",
        handle,
        batch_messages=10,
        batch_seconds=0.05,
        on_failure=failed.append,
        offsets=FromZero(),
    )
    async with agent.test_context() as running:
        events = [await running.put(value, wait=False) for value in (b"a", b"b")]
        for _ in range(200):
            if all(event.message.acked for event in events):
                break
            await asyncio.sleep(0.02)
    assert [event.message.acked for event in events] == [True, True]
    assert failed == ["ingest"]
    # The same batch again, not the next one: nothing was skipped.
    assert handled[1] == handled[0] == [b"a", b"b"]


def two_phase_agent(
    prepare: Any, failed: list[str], finished: list[list[str]] | None = None
) -> Any:
    app = faust.App("two-phase-unit", store="memory://", web_enabled=False, autodiscover=False)
    topic = app.topic("logs", key_type=bytes, value_type=bytes, value_serializer="raw")

    def on_finished(events: Sequence[Any]) -> None:
        assert finished is not None
        assert all(event.message.acked for event in events)
        finished.append([event.value.decode() for event in events])

    return register_two_phase_agent(
        app,
        topic,
        "ingest",
        prepare,
        batch_messages=1,
        batch_seconds=0.05,
        on_failure=failed.append,
        offsets=FromZero(),
        on_finished=on_finished if finished is not None else None,
    )


async def acked(events: list[Any], seconds: float = 4.0) -> list[bool]:
    for _ in range(int(seconds / 0.02)):
        if all(event.message.acked for event in events):
            break
        await asyncio.sleep(0.02)
    return [event.message.acked for event in events]


async def test_a_batch_is_stored_while_the_next_one_is_prepared():
    log: list[str] = []
    second_prepared = asyncio.Event()

    async def prepare(events: Sequence[Any]) -> Any:
        value = events[0].value.decode()
        log.append(f"prepare {value}")
        if value == "b":
            second_prepared.set()

        async def finish() -> None:
            if value == "a":
                # Done only once the next batch was prepared: a serial agent never gets here.
                await asyncio.wait_for(second_prepared.wait(), 2.0)
            log.append(f"finish {value}")

        return finish

    failed: list[str] = []
    agent = two_phase_agent(prepare, failed)
    async with agent.test_context() as running:
        events = [await running.put(value, wait=False) for value in (b"a", b"b")]
        assert await acked(events) == [True, True]
    assert failed == []
    assert log == ["prepare a", "prepare b", "finish a", "finish b"]


async def test_batches_are_acked_in_order_and_only_once_their_second_phase_is_done(monkeypatch):
    monkeypatch.setattr("pipeline.agents.stopping.RETRY_FIRST_SECONDS", 0.01)
    finishes: list[str] = []
    release = asyncio.Event()

    async def prepare(events: Sequence[Any]) -> Any:
        value = events[0].value.decode()

        async def finish() -> None:
            finishes.append(value)
            if value == "a" and finishes.count("a") == 1:
                raise TypeError("'NoneType' object is not iterable")
            if value == "b":
                await release.wait()

        return finish

    failed: list[str] = []
    finished: list[list[str]] = []
    agent = two_phase_agent(prepare, failed, finished)
    async with agent.test_context() as running:
        events = [await running.put(value, wait=False) for value in (b"a", b"b", b"c")]
        assert await acked(events[:1]) == [True]
        await asyncio.sleep(0.2)
        # b waits: neither it nor c, taken after it, may be acked, nor said to be finished
        # (the idle tick would take their partition for caught up).
        assert [event.message.acked for event in events] == [True, False, False]
        assert finished == [["a"]]
        release.set()
        assert await acked(events) == [True, True, True]
    assert failed == ["ingest"]
    assert finished == [["a"], ["b"], ["c"]]  # each once, after its ack, a's failure not among them
    # a's second phase again, not a's batch prepared anew or skipped.
    assert finishes == ["a", "a", "b", "c"]


class Message:
    def __init__(self, topic: str, acked: bool) -> None:
        self.topic, self.acked = topic, acked


class Consumer:
    def __init__(self, messages: list[Message]) -> None:
        self.unacked = set(messages)


class StoppingApp:
    def __init__(self, messages: list[Message]) -> None:
        self.consumer = Consumer(messages)


async def test_a_stop_gives_up_every_topics_unacked_events_after_the_grace_only():
    held = [Message("logs", False), Message("insights", False), Message("insights", False)]
    done = Message("insights", True)
    app = StoppingApp([*held, done])
    recorder = Recorder()
    assert await give_up_unacked_after(app, 8.0, recorder.sleep) == 3
    assert recorder.slept == [8.0]
    assert app.consumer.unacked == {done}  # acked ones are Faust's to clean


async def test_the_grace_gives_up_nothing_when_the_stop_finishes_first():
    app = StoppingApp([Message("logs", False)])
    grace = asyncio.ensure_future(give_up_unacked_after(app, 30.0))
    await asyncio.sleep(0)
    grace.cancel()
    await asyncio.gather(grace, return_exceptions=True)
    assert len(app.consumer.unacked) == 1


def test_only_the_named_topics_are_given_up():
    app = StoppingApp([Message("logs", False), Message("insights", False)])
    assert give_up_unacked(app, ["insights"]) == 1
    assert [m.topic for m in app.consumer.unacked] == ["logs"]
