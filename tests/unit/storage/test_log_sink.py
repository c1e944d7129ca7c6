"""The parts of LogSink that need no database: its queries and the dead-letter payload format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.errors import StorageError
from storage.log_sink import STAGING_COLUMNS, copy_record, row_json
from storage.queries import load_queries
from storage.rows import LogRow

SQL_DIR = Path(__file__).resolve().parents[3] / "sql"

ROW = LogRow(
    event_id="ev-1",
    service="checkout",
    level="ERROR",
    ts=1_700_000_000.25,
    message="paiement refusé",
    template_id="tpl-1",
    host=None,
    trace_id="tr-1",
    metadata={"b": 1, "a": [1, 2]},
    received_at=1_700_000_001.0,
    clamped=True,
    truncated=False,
    sanitized=False,
)


def test_the_ingest_queries_parse():
    assert set(load_queries(SQL_DIR, "ingest")) == {
        "create_ingest_table",
        "insert_logs",
        "clear_ingest_table",
        "upsert_templates",
        "insert_dead_letters",
    }


def test_row_json_is_every_field_in_utf8_with_sorted_keys():
    payload = row_json(ROW)
    assert "refusé".encode() in payload
    data = json.loads(payload)
    assert data == {
        "event_id": "ev-1",
        "service": "checkout",
        "level": "ERROR",
        "ts": 1_700_000_000.25,
        "message": "paiement refusé",
        "template_id": "tpl-1",
        "host": None,
        "trace_id": "tr-1",
        "metadata": {"b": 1, "a": [1, 2]},
        "received_at": 1_700_000_001.0,
        "clamped": True,
        "truncated": False,
        "sanitized": False,
    }
    assert list(data) == sorted(data)


def test_row_json_is_the_same_bytes_for_the_same_row():
    # Its sha256 is the dead letter's natural key: a row refused twice must give one letter.
    same = ROW._replace(metadata={"a": [1, 2], "b": 1})
    assert row_json(ROW) == row_json(same)


def test_row_json_escapes_a_lone_surrogate():
    payload = row_json(ROW._replace(message="bad \ud800 refusé"))
    assert payload.isascii()
    assert json.loads(payload)["message"] == "bad \ud800 refusé"


def test_row_json_writes_metadata_json_cannot_as_its_repr():
    loop: dict[str, object] = {}
    loop["self"] = loop
    unwritable: list[dict[Any, Any]] = [{"tags": {1, 2}}, {1: "a", "b": 2}, loop]
    for metadata in unwritable:
        data = json.loads(row_json(ROW._replace(metadata=metadata)))
        assert data["metadata"] == repr(metadata)
        assert data["event_id"] == "ev-1"


def test_copy_record_is_the_row_in_staging_column_order():
    record = copy_record(ROW)
    assert len(record) == len(STAGING_COLUMNS)
    assert dict(zip(STAGING_COLUMNS, record, strict=True)) | {"metadata": None} == {
        "event_id": "ev-1", "service_name": "checkout", "log_level": "ERROR",
        "ts": 1_700_000_000.25, "message": "paiement refusé", "template_id": "tpl-1",
        "host": None, "trace_id": "tr-1", "metadata": None, "received_at": 1_700_000_001.0,
        "clamped": True, "truncated": False, "sanitized": False,
    }  # fmt: skip
    assert json.loads(str(record[STAGING_COLUMNS.index("metadata")])) == {"b": 1, "a": [1, 2]}


def test_copy_record_refuses_what_the_sink_refuses():
    with pytest.raises(StorageError, match="ts"):
        copy_record(ROW._replace(ts=float("nan")))
