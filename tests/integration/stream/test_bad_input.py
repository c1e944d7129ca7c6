"""Bad input through the real RabbitMQ and the bridge of a running worker: a 10 MB message,
invalid UTF-8, JSON nested 2,000 levels, an array mixing good and bad records. Each refusal is a
dead letter with its reason and is counted on /metrics; every valid record around them is stored;
the worker neither stops nor grows."""

from __future__ import annotations

import asyncio
import hashlib
from collections import Counter
from typing import Any

import orjson
import pytest

from pipeline.settings import IngestSettings

from ..processes import get_json
from .conftest import Samples, Stream, messages, records

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

MIB = 1024 * 1024
# A dead letter keeps this much of a refused payload (DEAD_LETTER_PAYLOAD_BYTES).
PAYLOAD_LIMIT = 10_000
LIMIT = IngestSettings.max_message_bytes
BIGS = 6


def _value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def _rss(stream: Stream) -> int:
    return int(_value(stream.samples(), "process_resident_memory_bytes"))


async def _settled_rss(stream: Stream) -> int:
    """The worker's RSS once it stopped moving (a few readings 1 s apart within 2 MiB)."""
    readings = [_rss(stream)]
    for _ in range(15):
        await asyncio.sleep(1)
        readings.append(_rss(stream))
        if len(readings) >= 3 and max(readings[-3:]) - min(readings[-3:]) < 2 * MIB:
            break
    return readings[-1]


async def _letters(stream: Stream) -> list[dict[str, Any]]:
    rows = await stream.fetch(
        "SELECT stage, field, reason, position, size, payload, truncated, sha256, source "
        "FROM dead_letters ORDER BY received_at, position"
    )
    return [dict(row) for row in rows]


def _ten_megabytes(run: str) -> bytes:
    """A JSON array of good records, 10 MB of it: refused whole, before it is parsed."""
    items = records(run, 40_000, services=3)
    body = orjson.dumps(items)
    assert len(body) < 10 * MIB
    pad = 10 * MIB - len(body) - len(b',{"service":"pad","message":""}')
    body = body[:-1] + b',{"service":"pad","message":"' + b"x" * pad + b'"}]'
    assert len(body) == 10 * MIB
    return body


async def test_a_ten_megabyte_message_is_dead_lettered_whole_and_its_neighbours_are_stored(
    stream: Stream,
):
    stream.env["DEAD_LETTER_PAYLOAD_BYTES"] = str(PAYLOAD_LIMIT)
    worker = stream.start()
    before, after = records("big-before", 300), records("big-after", 300, start=300)
    await stream.publish(messages(before, 50))
    await stream.wait_for_rows("big-before", 300)
    rss_before = await _settled_rss(stream)

    # Six of them (distinct bytes, so six letters), two at a time with good messages between.
    bigs = [_ten_megabytes(f"big-{i}") for i in range(BIGS)]
    for i in range(0, BIGS, 2):
        await stream.publish([*bigs[i : i + 2], *messages(after[50 * i : 50 * (i + 2)], 25)])
    await stream.wait_for_rows("big-after", 300)
    await stream.wait_for("SELECT count(*) FROM dead_letters", BIGS)

    assert await stream.count("big-before") == (300, 300)
    assert await stream.count("big-after") == (300, 300)
    for i in range(BIGS):  # nothing of a refused message is stored
        assert await stream.count(f"big-{i}") == (0, 0)
    letters = await _letters(stream)
    assert {letter["payload"] for letter in letters} == {big[:PAYLOAD_LIMIT] for big in bigs}
    for letter in letters:
        assert letter["stage"] == "bridge" and letter["field"] is None
        assert letter["position"] == -1 and letter["source"] == stream.queue
        assert letter["reason"] == f"message larger than {LIMIT} bytes"
        assert letter["size"] == 10 * MIB and letter["truncated"]
    samples = stream.samples()
    assert _value(samples, "dead_letters_total", stage="bridge", reason="message") == BIGS
    assert _value(samples, "logs_failed_total", reason="message") == BIGS

    # The worker is still there, ready, and did not keep the 60 MB it was sent: its RSS grows
    # once by what the allocator keeps for the next large message (34 MiB measured, whether
    # 5 or 30 came), then stays flat.
    assert worker.process.poll() is None
    assert get_json(f"http://127.0.0.1:{stream.env['WEB_PORT']}/health/ready")[0] == 200
    rss_after = await _settled_rss(stream)
    print(f"worker RSS {rss_before / MIB:.0f} MiB before, {rss_after / MIB:.0f} MiB after")
    assert rss_after - rss_before < 48 * MIB, (rss_before / MIB, rss_after / MIB)


# Metadata 600 levels deep: orjson reads 1,024 levels but writes only 254, so the bridge reads
# the array and refuses that record alone (written here by hand for the same reason).
_DEEP = b'{"service": "svc-0", "message": "m", "metadata": ' + b'{"a": ' * 600 + b"1" + b"}" * 601


def _mixed(good: list[dict[str, Any]]) -> tuple[bytes, list[tuple[int, str, str]]]:
    """An array of the ``good`` records with bad ones between them; for each bad one, its
    position, the field it is refused on and the start of the reason."""
    bad: list[tuple[bytes, str, str]] = [
        (orjson.dumps(item), field, reason)
        for item, field, reason in [
            ({"message": "no service anywhere"}, "service_name", "missing"),
            ({"service": "svc-0", "message": "m", "level": "LOUD"}, "log_level", "unknown level"),
            (42, "record", "expected an object, got int"),
            ("just a string", "record", "expected an object, got str"),
            (None, "record", "expected an object, got NoneType"),
            ({"service": "svc\x00x", "message": "m"}, "service_name", "contains a NUL"),
            ({"service": "x" * 300, "message": "m"}, "service_name", "longer than 256"),
            (
                {"service": "svc-0", "message": "m", "timestamp": "yesterday-ish"},
                "timestamp",
                "not ISO-8601 or epoch",
            ),
            (
                {"service": "svc-0", "message": "m", "metadata": {"k": "v" * 70_000}},
                "record",
                "record larger than 65536 bytes",
            ),
        ]
    ]
    bad.append((_DEEP, "metadata", "nested too deeply"))
    items: list[bytes] = []
    refused: list[tuple[int, str, str]] = []
    for i, record in enumerate(good):
        items.append(orjson.dumps(record))
        if i < len(bad):
            body, field, reason = bad[i]
            refused.append((len(items), field, reason))
            items.append(body)
    return b"[" + b",".join(items) + b"]", refused


async def test_invalid_utf8_deep_nesting_and_bad_records_in_an_array_are_refused_and_counted(
    stream: Stream,
):
    stream.start()
    good = records("mixed", 60, services=3)
    mixed, refused = _mixed(good[20:40])
    invalid_utf8 = b'{"service": "svc-0", "message": "caf\xe9 \xff\xfe", "metadata": {"run": "u"}}'
    nested = (
        b'{"service": "svc-0", "message": "m", "metadata": '
        + b'{"a": ' * 2000
        + b"1"
        + b"}" * 2000
        + b"}"
    )
    await stream.publish(
        [*messages(good[:20], 10), invalid_utf8, nested, mixed, *messages(good[40:], 10)]
    )
    await stream.wait_for_rows("mixed", 60)
    await stream.wait_for("SELECT count(*) FROM dead_letters", 2 + len(refused))
    assert await stream.count("mixed") == (60, 60)

    letters = await _letters(stream)
    whole = [letter for letter in letters if letter["position"] == -1]
    assert {letter["payload"] for letter in whole} == {invalid_utf8, nested}
    reasons = {letter["payload"]: letter["reason"] for letter in whole}
    assert reasons[invalid_utf8].startswith("invalid JSON: str is not valid UTF-8")
    assert reasons[nested].startswith("invalid JSON: depth limit exceeded")
    by_position = sorted(
        (letter["position"], letter["field"], letter["reason"])
        for letter in letters
        if letter["position"] >= 0
    )
    assert [(position, field) for position, field, _ in by_position] == [
        (position, field) for position, field, _ in refused
    ]
    for (_, _, reason), (_, _, start) in zip(by_position, refused, strict=True):
        assert reason.startswith(start), (reason, start)
    digests = {letter["sha256"] for letter in letters if letter["position"] >= 0}
    assert digests == {hashlib.sha256(mixed).digest()}

    samples = stream.samples()
    expected = Counter(field for _, field, _ in refused) + Counter(message=2)
    for field, count in expected.items():
        assert _value(samples, "dead_letters_total", stage="bridge", reason=field) == count
        assert _value(samples, "logs_failed_total", reason=field) == count
    ingested = sum(v for (name, _), v in samples.items() if name == "logs_ingested_total")
    assert ingested == 60
