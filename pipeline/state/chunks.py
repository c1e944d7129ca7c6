"""One value per service in a changelog-backed table, split into records Kafka accepts.

Every changelog record must stay well under Kafka's ~1 MB message limit, yet a miner with
thousands of templates, or a detector with a long history, is larger than that. So a service's
value is written as:

- a head under the service's key (``service_key(service)``). A value of up to ``CHUNK_BYTES``
  (the common case) is inline in its head: one record per save, as a plain value would be;
- for a larger value, chunks of ``CHUNK_BYTES`` under ``<service key> NUL <generation> NUL
  <index>`` (generation and index in ASCII digits), written first, then a head naming the
  generation, the chunk count, the total length and a CRC-32 of the whole.

Generations alternate (0, 1), so the chunks the current head names are never overwritten: a
worker that dies between the chunks and the head leaves the previous value readable. After the
head, the chunks of the other generation are deleted. A generation's chunks are written in
ascending and deleted in descending index order, so whatever prefix of those writes reached the
changelog, a generation's chunks present are ``0..n-1``: stale ones are found by looking upward
from the first index not in use until one is missing, never by scanning the table.

A value written before heads existed (one plain record under the service's key) is read as it
is and checked by its own reader, so an upgrade keeps every service's state.

The chunk keys' partition is the service's only with ``partition_by_service`` as the producer's
partitioner (``pipeline.state.partitioner``), which the app sets. The format is plain bytes and
``struct`` fields, versioned; nothing is executed on load.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import MutableMapping

from pipeline.errors import LogAnalysisError, SnapshotError
from pipeline.ingest.wire import service_key
from pipeline.state.partitioner import SEPARATOR

# Half of Kafka's default message limit: room for the key, the record's overhead and a broker
# whose limit was lowered a little.
CHUNK_BYTES = 512 * 1024
# A whole value larger than this is refused (the service rebuilds after a restart): recovery
# reads every value into memory, and a state this size is a runaway, not a busy service.
MAX_STATE_BYTES = 16 * 1024 * 1024

# A head starts with NUL, which neither kind of value written before heads existed could start
# with (a zlib stream for a miner, ``LAS`` for a detector state): see ``ChunkedStates.load``.
MAGIC = b"\x00LSH"
VERSION = 1
_INLINE_HEAD = MAGIC + bytes([VERSION]) + b"I"
_CHUNKED_HEAD = MAGIC + bytes([VERSION]) + b"C"
# After _CHUNKED_HEAD: generation, chunk count, total length, CRC-32 of the whole value.
_CHUNKED_FIELDS = struct.Struct(">BIII")
_GENERATIONS = (0, 1)


class StateTooLarge(LogAnalysisError):
    """A value over ``MAX_STATE_BYTES``: not saved; the caller counts it."""


class ChunkedStates:
    """Per-service values over ``table`` (a Faust table of bytes keys and values, or a dict).

    >>> states = ChunkedStates({}, chunk_bytes=4)
    >>> states.save("api", b"0123456789")
    >>> states.load("api")
    b'0123456789'
    """

    def __init__(
        self,
        table: MutableMapping[bytes, bytes],
        chunk_bytes: int = CHUNK_BYTES,
        max_bytes: int = MAX_STATE_BYTES,
    ) -> None:
        if chunk_bytes < 1:
            raise ValueError("a chunk holds at least one byte")
        self._table = table
        self._chunk_bytes = chunk_bytes
        self._max_bytes = max_bytes

    def names(self) -> list[str]:
        """The services that have a value (their heads; chunk keys are skipped)."""
        found = []
        for key in list(self._table):
            raw = bytes(key)
            if SEPARATOR in raw:
                continue
            try:
                found.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                continue  # not a key we wrote
        return found

    def load(self, service: str) -> bytes | None:
        """The value saved for ``service``, None if there is none; ``SnapshotError`` if its head
        or chunks are malformed, missing or do not add up."""
        key = service_key(service)
        head = self._table.get(key)
        if head is None:
            return None
        head = bytes(head)
        if not head.startswith(MAGIC):
            # Written before heads existed (one plain value): returned as it is, and its reader
            # checks it as it always did, so an upgrade keeps every service's state.
            return head
        if head.startswith(_INLINE_HEAD):
            return head[len(_INLINE_HEAD) :]
        fields = _chunked_fields(head)
        if fields is None:
            raise SnapshotError(f"state of {service!r}: unknown version or malformed head")
        generation, count, length, checksum = fields
        parts = []
        for index in range(count):
            chunk = self._table.get(_chunk_key(key, generation, index))
            if chunk is None:
                raise SnapshotError(f"state of {service!r}: chunk {index} of {count} missing")
            parts.append(bytes(chunk))
        value = b"".join(parts)
        if len(value) != length or zlib.crc32(value) != checksum:
            raise SnapshotError(f"state of {service!r}: chunks do not match their head")
        return value

    def save(self, service: str, value: bytes) -> None:
        """Replace the value of ``service``; ``StateTooLarge`` (nothing written) past the bound."""
        if len(value) > self._max_bytes:
            raise StateTooLarge(f"state of {service!r} is {len(value)} bytes")
        key = service_key(service)
        in_use: tuple[int, int] | None = None  # (generation, chunk count) the new head names
        if len(value) <= self._chunk_bytes:
            self._table[key] = _INLINE_HEAD + value
        else:
            current = self._table.get(key)
            fields = None if current is None else _chunked_fields(bytes(current))
            generation = 1 if fields is not None and fields[0] == 0 else 0
            size = self._chunk_bytes
            chunks = [value[start : start + size] for start in range(0, len(value), size)]
            for index, chunk in enumerate(chunks):
                self._table[_chunk_key(key, generation, index)] = chunk
            fields = (generation, len(chunks), len(value), zlib.crc32(value))
            self._table[key] = _CHUNKED_HEAD + _CHUNKED_FIELDS.pack(*fields)
            in_use = (generation, len(chunks))
        for generation in _GENERATIONS:
            keep = in_use[1] if in_use is not None and in_use[0] == generation else 0
            self._drop_chunks(key, generation, keep)

    def delete(self, service: str) -> None:
        """Remove the value of ``service``: its head, then every chunk of both generations.

        The head goes first: cut short, this leaves chunks no head names (the next save under
        the name clears them), never a head whose chunks are gone."""
        key = service_key(service)
        self._table.pop(key, None)
        for generation in _GENERATIONS:
            self._drop_chunks(key, generation, 0)

    def _drop_chunks(self, key: bytes, generation: int, first: int) -> None:
        """Delete the chunks of ``generation`` from index ``first`` on, the last one first."""
        end = first
        while _chunk_key(key, generation, end) in self._table:
            end += 1
        for index in reversed(range(first, end)):
            self._table.pop(_chunk_key(key, generation, index), None)


def _chunk_key(key: bytes, generation: int, index: int) -> bytes:
    return b"%b%b%d%b%d" % (key, SEPARATOR, generation, SEPARATOR, index)


def _chunked_fields(head: bytes) -> tuple[int, int, int, int] | None:
    """(generation, chunk count, length, CRC-32) of a chunked head; None for any other bytes."""
    if not head.startswith(_CHUNKED_HEAD) or len(head) != len(_CHUNKED_HEAD) + _CHUNKED_FIELDS.size:
        return None
    generation, count, length, checksum = _CHUNKED_FIELDS.unpack_from(head, len(_CHUNKED_HEAD))
    return generation, count, length, checksum
