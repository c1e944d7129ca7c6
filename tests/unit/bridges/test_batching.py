from bridges.batching import Batcher, Ticket
from pipeline.ingest.wire import ENVELOPE_BYTES, join_records


def ticket(outcomes: list[bool]) -> Ticket:
    return Ticket(settle=outcomes.append)


def test_a_message_settles_only_when_every_batch_holding_its_records_did():
    outcomes: list[bool] = []
    batcher = Batcher(max_bytes=10_000, linger_seconds=0.05)
    t = ticket(outcomes)
    for partition in (0, 1, 0):
        assert batcher.add(partition, b'"r"', t, now=0.0) is None
    t.seal()
    assert outcomes == []
    first, second = batcher.drain()
    first.settle(True)
    assert outcomes == []
    second.settle(True)
    assert outcomes == [True]


def test_one_failed_batch_requeues_the_message_once():
    outcomes: list[bool] = []
    batcher = Batcher(max_bytes=10_000, linger_seconds=0.05)
    t = ticket(outcomes)
    batcher.add(0, b'"r"', t, now=0.0)
    batcher.add(1, b'"r"', t, now=0.0)
    t.seal()
    a, b = batcher.drain()
    a.settle(False)
    b.settle(True)
    assert outcomes == [False]


def test_a_message_without_records_settles_at_once():
    outcomes: list[bool] = []
    t = ticket(outcomes)
    t.seal()
    assert outcomes == [True]


def test_batches_close_before_passing_the_byte_cap_and_stay_by_partition():
    batcher = Batcher(max_bytes=ENVELOPE_BYTES + 25, linger_seconds=10)
    t = ticket([])
    record = b'"' + b"x" * 8 + b'"'  # 10 bytes, 11 with its comma
    closed = [batcher.add(0, record, t, now=0.0) for _ in range(5)]
    full = [batch for batch in closed if batch is not None]
    assert [len(batch.records) for batch in full] == [2, 2]
    for batch in full:
        assert len(join_records(batch.records)) <= ENVELOPE_BYTES + 25
        assert batch.size == len(join_records(batch.records)) + 1


def test_linger_closes_old_batches_only():
    batcher = Batcher(max_bytes=10_000, linger_seconds=0.05)
    t = ticket([])
    batcher.add(3, b"1", t, now=0.0)
    batcher.add(5, b"1", t, now=0.04)
    assert [batch.partition for batch in batcher.due(now=0.06)] == [3]
    assert [batch.partition for batch in batcher.due(now=0.1)] == [5]
    assert len(batcher) == 0


def test_a_ticket_is_held_once_per_batch_however_many_records_it_has_there():
    batcher = Batcher(max_bytes=10_000, linger_seconds=1)
    first, second = ticket([]), ticket([])
    for t in (first, second, first, second):
        batcher.add(0, b"1", t, now=0.0)
    (batch,) = batcher.drain()
    assert list(batch.tickets) == [first, second]
    assert first.pending == second.pending == 1
