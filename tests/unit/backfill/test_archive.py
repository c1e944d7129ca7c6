"""Archive lines through the bridge's validation into per-partition Kafka messages."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import orjson

from pipeline.backfill.archive import Packer, open_archive, read_lines
from pipeline.ingest.intake import IntakeLimits
from pipeline.ingest.wire import decode_batch

NOW = time.time()


def line(service: str, index: int, **extra: object) -> bytes:
    record = {"service_name": service, "timestamp": NOW - 3600 + index, "message": f"m {index}"}
    return orjson.dumps({**record, **extra})


def packer(**changes: object) -> Packer:
    options: dict[str, object] = {
        "source": "archive.jsonl",
        "partition_of": lambda service: 0 if service == "a" else 1,
        "limits": IntakeLimits(),
        "max_bytes": 100_000,
        "now": NOW,
    }
    options.update(changes)
    return Packer(**options)  # type: ignore[arg-type]


def test_records_are_grouped_per_partition_with_their_last_line() -> None:
    pack = packer()
    closed = []
    for number, service in enumerate(["a", "b", "a", "a", "b"], start=1):
        closed += pack.add(number, line(service, number))
    closed += pack.flush()
    assert [(m.partition, m.records, m.last_line) for m in closed] == [(0, 3, 4), (1, 2, 5)]
    good, bad = decode_batch(closed[0].value)
    assert bad == [] and [w.record.message for w in good] == ["m 1", "m 3", "m 4"]
    assert pack.accepted == 5


def test_a_full_message_is_closed_before_the_record_that_does_not_fit() -> None:
    pack = packer(max_bytes=600)
    closed = [m for n in range(1, 11) for m in pack.add(n, line("a", n))] + pack.flush()
    assert sum(m.records for m in closed) == 10
    assert all(len(m.value) <= 600 for m in closed) and len(closed) > 1
    assert [m.last_line for m in closed] == sorted(m.last_line for m in closed)


def test_archive_rules_refuse_what_has_no_time_of_its_own() -> None:
    pack = packer()
    pack.add(1, b"not json")
    pack.add(2, orjson.dumps({"service_name": "a", "message": "no time"}))
    pack.add(3, line("a", 3, timestamp=NOW + 3600))
    pack.add(4, line("a", 4))
    reasons = [(number, letter.stage, letter.field) for number, letter in pack.dead_letters]
    assert reasons == [(1, "import", None), (2, "import", "timestamp"), (3, "import", "timestamp")]
    assert "in the future" in pack.dead_letters[2][1].reason
    assert pack.accepted == 1


def test_lines_a_partition_already_holds_are_skipped() -> None:
    pack = packer(skip_through={0: 3})
    for number, service in enumerate(["a", "b", "a", "a", "b"], start=1):
        pack.add(number, line(service, number))
    messages = pack.flush()
    assert [(m.partition, m.records, m.last_line) for m in messages] == [(0, 1, 4), (1, 2, 5)]
    assert pack.skipped == 2


def test_the_same_line_gives_the_same_event_id() -> None:
    first, second = packer(), packer()
    one = first.add(1, line("a", 1)) + first.flush()
    two = second.add(7, line("a", 1)) + second.flush()
    ids = [decode_batch(m.value)[0][0].record.event_id for m in (*one, *two)]
    assert ids[0] == ids[1]


def test_gzip_is_recognised_by_its_bytes_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    body = b'{"a": 1}\n\n  \n{"b": 2}\n'
    plain = tmp_path / "plain.log"
    plain.write_bytes(body)
    packed = tmp_path / "packed.log"  # no .gz suffix: read by its magic bytes
    packed.write_bytes(gzip.compress(body))
    for path in (plain, packed):
        with open_archive(path) as stream:
            assert list(read_lines(stream)) == [(1, b'{"a": 1}'), (4, b'{"b": 2}')]
