"""The bench's synthetic records: shape, mix, tags, and batching into messages."""

from collections import Counter

import orjson
import pytest

from pipeline.analysis.records import parse_record, parse_timestamp
from pipeline.client.records_generator import (
    LEVEL_SHARES,
    TEMPLATES,
    encode_messages,
    generate_records,
    service_names,
)

N = 20_000
START = 1_800_000_000.0


@pytest.fixture(scope="module")
def records():
    return list(generate_records(N, services=7, run_id="run-1", seed=3, start=START))


def test_count_tags_and_no_event_id(records):
    assert len(records) == N
    assert [r["metadata"] for r in records] == [{"bench_run": "run-1", "seq": n} for n in range(N)]
    assert not any({"event_id", "id", "eventId"} & r.keys() for r in records)


def test_level_mix_is_roughly_realistic(records):
    shares = {level: count / N for level, count in Counter(r["level"] for r in records).items()}
    assert shares == pytest.approx(
        {"INFO": 0.80, "DEBUG": 0.12, "WARNING": 0.06, "ERROR": 0.02}, abs=0.01
    )
    assert [level for _, level in LEVEL_SHARES] == list(TEMPLATES)


def test_about_one_in_ten_has_no_timestamp(records):
    missing = sum("timestamp" not in r for r in records) / N
    assert 0.08 < missing < 0.12


def test_records_spread_over_the_services_and_many_templates(records):
    assert {r["service_name"] for r in records} == set(service_names(7))
    assert sum(len(templates) for templates in TEMPLATES.values()) >= 30
    # Messages of one template differ in their values.
    assert len({r["message"] for r in records}) > N // 2


def test_every_record_is_accepted_by_the_service_parser(records):
    now = START + 100
    parsed = [parse_record(r, position=i % 100, received_at=now) for i, r in enumerate(records)]
    assert len({p.event_id for p in parsed}) == N
    assert all(p.service_name.startswith("bench-") for p in parsed)
    assert not any(p.clamped or p.truncated or p.sanitized for p in parsed)
    assert min(p.timestamp for p in parsed) == pytest.approx(START, abs=0.001)


def test_same_seed_same_records_and_paced_timestamps():
    def make():
        return list(
            generate_records(50, services=2, run_id="r", seed=9, start=START, records_per_second=10)
        )

    first = make()
    assert first == make()
    stamped = [r for r in first if "timestamp" in r]
    assert stamped
    for record in stamped:
        expected = START + record["metadata"]["seq"] / 10
        assert parse_timestamp(record["timestamp"]) == pytest.approx(expected, abs=1e-6)


def test_service_names_are_distinct_beyond_the_list():
    names = service_names(40)
    assert len(set(names)) == 40
    assert names[0] == "bench-gateway"
    assert names[16] == "bench-gateway-2"


def test_a_bench_sized_run_is_whole_batches_of_distinct_records():
    # The bench's own size; its speed is printed by the bench (`pipeline bench`), not timed
    # here, where a loaded machine would make the test flaky.
    messages = list(encode_messages(generate_records(100_000, services=10, run_id="r"), 100))
    assert len(messages) == 1000
    assert {count for _, count in messages} == {100}
    seqs = [r["metadata"]["seq"] for body, _ in messages for r in orjson.loads(body)]
    assert seqs == list(range(100_000))


@pytest.mark.parametrize(
    ("count", "batch", "sizes"),
    [
        (250, 100, [100, 100, 50]),
        (200, 100, [100, 100]),
        (3, 1, [1, 1, 1]),
        (5, 10, [5]),
        (0, 10, []),
    ],
)
def test_messages_are_arrays_of_batch_records(count, batch, sizes):
    records = list(generate_records(count, services=3, run_id="r"))
    messages = list(encode_messages(records, batch))
    assert [n for _, n in messages] == sizes
    decoded = [orjson.loads(body) for body, _ in messages]
    assert all(isinstance(d, list) for d in decoded)
    assert [len(d) for d in decoded] == sizes
    assert [r for d in decoded for r in d] == records


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        list(encode_messages([], 0))
    with pytest.raises(ValueError):
        list(generate_records(1, services=0, run_id="r"))
