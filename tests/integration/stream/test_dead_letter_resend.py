"""`dead-letters list` and `resend` against the real stack: a letter fixed and sent again, twice,
is stored once; unknown ids and payloads kept only in part are refused."""

from __future__ import annotations

import hashlib

import orjson
import pytest

from pipeline.settings import load_settings

from ..client.helpers import invoke
from .conftest import Stream

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]

INSERT = """
INSERT INTO dead_letters (stage, reason, field, source, position, sha256, size, payload,
                          truncated, received_at)
VALUES ($1, $2, $3, 'log_analysis_queue', $4, $5, $6, $7, $8, now())
RETURNING id
"""


async def letter(stream: Stream, reason: str, payload: bytes, truncated: bool = False) -> int:
    rows = await stream.fetch(
        INSERT,
        "storage",
        reason,
        "message",
        3,
        hashlib.sha256(payload).digest(),
        len(payload) + (100 if truncated else 0),
        payload,
        truncated,
    )
    return int(rows[0]["id"])


async def test_a_fixed_letter_sent_again_twice_is_stored_once(stream: Stream):
    settings = load_settings(stream.env)
    record = {"service_name": "billing", "level": "ERROR", "message": "invoice 7 failed"}
    good = await letter(stream, "value too long for type", orjson.dumps(record))
    cut = await letter(stream, "value too long for type", b'{"service_name": "bil', True)
    other = await letter(stream, "invalid byte sequence", b'{"service_name": "x"}')

    listed = await invoke(settings, "dead-letters", "list", "--reason", "value too long for type")
    assert listed.exit_code == 0, listed.output
    assert "       2  storage" in listed.stdout
    assert "invalid byte sequence" not in listed.stdout
    assert "[kept in part]" in listed.stdout

    stream.start()
    for _ in range(2):
        sent = await invoke(settings, "dead-letters", "resend", str(good), str(cut), "999999")
        assert sent.exit_code == 1  # some were refused
        assert f"resent {good} (storage: value too long for type)" in sent.stdout
        assert f"refused {cut}: only the first 21 bytes of it were kept" in sent.stderr
        assert "refused 999999: no such dead letter" in sent.stderr
    # A record of the same service after them: same partition, so once it is stored both
    # copies before it have been through the worker.
    sentinel = '{"service_name": "billing", "message": "sentinel"}'
    assert (await invoke(settings, "send", sentinel)).exit_code == 0
    await stream.wait_for("SELECT count(*) FROM logs WHERE message = 'sentinel'", 1, within=60)
    rows = await stream.fetch("SELECT message FROM logs WHERE message <> 'sentinel'")
    assert [r["message"] for r in rows] == ["invoice 7 failed"]
    assert other  # untouched
    alone = await invoke(settings, "dead-letters", "resend", str(other))
    assert alone.exit_code == 0, alone.output
