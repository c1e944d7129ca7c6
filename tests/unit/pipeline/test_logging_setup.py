import io
import logging

import orjson

from pipeline.logging_setup import RepeatFilter, log_handlers, quiet_repeats


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


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _record(msg: str, *args: object, name: str = "aiokafka.client") -> logging.LogRecord:
    return logging.LogRecord(name, logging.ERROR, __file__, 1, msg, args or None, None)


def test_a_repeated_message_passes_once_per_interval_and_says_how_many_were_held():
    clock = Clock()
    repeat = RepeatFilter(10.0, clock)
    passed = []
    for second in range(25):
        clock.now = float(second)
        for node in (1, 2):
            record = _record("Unable connect to node with id %s: %s", node, "refused")
            if repeat.filter(record):
                passed.append((second, record.getMessage()))
    assert passed == [
        (0, "Unable connect to node with id 1: refused"),
        (10, "Unable connect to node with id 1: refused [19 more like this in the last 10 s]"),
        (20, "Unable connect to node with id 1: refused [19 more like this in the last 10 s]"),
    ]


def test_other_messages_loggers_and_levels_are_counted_apart():
    repeat = RepeatFilter(10.0, Clock())
    assert repeat.filter(_record("Unable to update metadata from %s", [1]))
    assert repeat.filter(_record("Unable to update metadata from %s", [1], name="aiokafka.conn"))
    warning = _record("Unable to update metadata from %s", [1])
    warning.levelno = logging.WARNING
    assert repeat.filter(warning)
    assert repeat.filter(_record("Group Coordinator Request failed: %s", "x"))
    assert not repeat.filter(_record("Unable to update metadata from %s", [2]))


def test_a_message_without_arguments_keeps_literal_percent_signs():
    clock = Clock()
    repeat = RepeatFilter(1.0, clock)
    assert repeat.filter(_record("100% of nodes down"))
    assert not repeat.filter(_record("100% of nodes down"))
    clock.now = 2.0
    record = _record("100% of nodes down")
    assert repeat.filter(record)
    assert record.getMessage() == "100% of nodes down [1 more like this in the last 2 s]"


def test_every_aiokafka_module_logger_gets_one_filter_however_often_installed():
    import aiokafka

    quiet_repeats(aiokafka, 10.0)
    quiet_repeats(aiokafka, 10.0)
    for name in (
        "aiokafka.client",
        "aiokafka.conn",
        "aiokafka.producer.sender",
        "aiokafka.consumer.fetcher",
        "aiokafka.consumer.group_coordinator",
    ):
        filters = logging.getLogger(name).filters
        assert len([f for f in filters if isinstance(f, RepeatFilter)]) == 1, name
