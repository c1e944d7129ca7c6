"""The chunked per-service store: what reaches the changelog, and what any prefix of it reads as."""

from __future__ import annotations

import os

import pytest

from pipeline.errors import SnapshotError
from pipeline.state.chunks import ChunkedStates, StateTooLarge

CHUNK = 100


class Changelog(dict[bytes, bytes]):
    """A table that records its writes in order, as the changelog receives them."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[tuple[bytes, bytes | None]] = []

    def __setitem__(self, key: bytes, value: bytes) -> None:
        self.log.append((key, value))
        super().__setitem__(key, value)

    def __delitem__(self, key: bytes) -> None:
        self.log.append((key, None))
        super().__delitem__(key)

    def pop(self, key: bytes, *default: object) -> object:  # type: ignore[override]
        # dict.pop does not go through __delitem__; a Faust table's pop does.
        if key in self:
            self.log.append((key, None))
        return super().pop(key, *default)


def replayed(start: dict[bytes, bytes], writes: list[tuple[bytes, bytes | None]]) -> Changelog:
    """The table a worker recovers when only ``writes`` reached the changelog after ``start``."""
    table = Changelog()
    dict.update(table, start)
    for key, value in writes:
        if value is None:
            dict.pop(table, key, None)
        else:
            dict.__setitem__(table, key, value)
    return table


def states(table: dict[bytes, bytes]) -> ChunkedStates:
    return ChunkedStates(table, chunk_bytes=CHUNK, max_bytes=50 * CHUNK)


def test_a_small_value_is_one_record():
    table = Changelog()
    states(table).save("api", b"small")
    assert list(table) == [b"api"]
    assert states(table).load("api") == b"small"
    assert states(table).load("db") is None


@pytest.mark.parametrize("size", [CHUNK + 1, 2 * CHUNK, 7 * CHUNK + 3])
def test_a_large_value_is_split_into_chunks_under_the_services_key(size: int):
    table = Changelog()
    value = os.urandom(size)
    states(table).save("api", value)
    chunks = [key for key in table if key != b"api"]
    assert len(chunks) == -(-size // CHUNK)
    assert all(key.startswith(b"api\x00") and len(table[key]) <= CHUNK for key in chunks)
    assert states(table).load("api") == value
    assert table.log[-1][0] == b"api"  # the head comes after its chunks


def test_generations_alternate_and_the_old_one_is_deleted():
    table = Changelog()
    store = states(table)
    for round_, generation in enumerate([0, 1, 0]):
        value = os.urandom(3 * CHUNK + 1 + round_)
        store.save("api", value)
        assert sorted(key for key in table if key != b"api") == [
            b"api\x00%d\x00%d" % (generation, index) for index in range(4)
        ]
        assert store.load("api") == value
    store.save("api", b"small again")
    assert list(table) == [b"api"]
    assert store.load("api") == b"small again"


@pytest.mark.parametrize(
    ("old_size", "new_size"),
    [(10, 5 * CHUNK), (5 * CHUNK, 3 * CHUNK), (3 * CHUNK, 6 * CHUNK), (4 * CHUNK, 10)],
)
def test_whatever_prefix_of_a_save_reached_the_changelog_reads_whole_and_leaves_no_litter(
    old_size: int, new_size: int
):
    """A worker dies during a save: the changelog holds some first of its writes. The value read
    back is the old one until the head was written, the new one from then on; and the next
    save leaves nothing but its own head and chunks."""
    old, new, later = os.urandom(old_size), os.urandom(new_size), os.urandom(2 * CHUNK + 1)
    table = Changelog()
    states(table).save("api", old)
    start = dict(table)
    table.log.clear()
    states(table).save("api", new)
    writes = list(table.log)
    head_at = max(i for i, (key, _) in enumerate(writes) if key == b"api")
    for cut in range(len(writes) + 1):
        recovered = replayed(start, writes[:cut])
        assert states(recovered).load("api") == (new if cut > head_at else old), cut
        states(recovered).save("api", later)
        chunks = [key.split(b"\x00")[1:] for key in recovered if key != b"api"]
        assert sorted(chunks) == [[chunks[0][0], b"%d" % i] for i in range(3)], cut
        assert states(recovered).load("api") == later


def test_a_missing_or_damaged_chunk_is_a_snapshot_error():
    value = os.urandom(3 * CHUNK)
    for damage in ("missing", "flipped", "short"):
        table = Changelog()
        states(table).save("api", value)
        key = b"api\x000\x001"
        if damage == "missing":
            del table[key]
        elif damage == "flipped":
            table[key] = bytes([table[key][0] ^ 1]) + table[key][1:]
        else:
            table[key] = table[key][:-1]
        with pytest.raises(SnapshotError):
            states(table).load("api")


@pytest.mark.parametrize(
    "head", [b"\x00LSH", b"\x00LSH\x02Isome value", b"\x00LSH\x01C\x00\x00", b"\x00LSH\x01Xjunk"]
)
def test_a_malformed_head_is_a_snapshot_error(head: bytes):
    with pytest.raises(SnapshotError):
        states({b"api": head}).load("api")


def test_a_value_from_before_heads_is_read_as_it_is():
    # Its own reader (zlib for a miner, the engine for a detector state) checks it.
    assert states({b"api": b"x\x01 a plain old value"}).load("api") == b"x\x01 a plain old value"


def test_delete_removes_the_head_and_every_chunk_of_both_generations():
    table = Changelog()
    store = states(table)
    store.save("api", os.urandom(4 * CHUNK))
    store.save("db", os.urandom(2 * CHUNK))
    # A save that died before its head: chunks of the other generation lie about.
    table[b"api\x001\x000"] = b"litter"
    table[b"api\x001\x001"] = b"litter"
    store.delete("api")
    assert sorted(table) == [b"db", b"db\x000\x000", b"db\x000\x001"]
    assert store.load("api") is None
    store.delete("nothing here")


def test_a_value_over_the_bound_is_refused_and_nothing_is_written():
    table = Changelog()
    store = states(table)
    store.save("api", b"kept")
    with pytest.raises(StateTooLarge):
        store.save("api", os.urandom(50 * CHUNK + 1))
    assert store.load("api") == b"kept"
    assert len(table.log) == 1


def test_names_are_the_heads_only():
    table = Changelog()
    store = states(table)
    store.save("api", os.urandom(3 * CHUNK))
    store.save("dienst-ü", b"small")
    dict.__setitem__(table, b"\xff\xfe", b"not a key we wrote")
    assert sorted(store.names()) == ["api", "dienst-ü"]
