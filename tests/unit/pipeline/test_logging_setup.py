import io
import logging

import orjson

from pipeline.logging_setup import log_handlers


def test_text_format_keeps_fausts_handlers():
    assert log_handlers("text") == []


def test_json_format_writes_one_object_per_line():
    (handler,) = log_handlers("json")
    stream = io.StringIO()
    handler.setStream(stream)  # type: ignore[attr-defined]
    logger = logging.getLogger("test.json")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        logger.warning("disk %s full", "/var", extra={"service": "api"})
    finally:
        logger.removeHandler(handler)
    record = orjson.loads(stream.getvalue().splitlines()[0])
    assert record["message"] == "disk /var full"
    assert record["level"] == "WARNING"
    assert record["logger"] == "test.json"
    assert record["service"] == "api"
    assert "timestamp" in record
