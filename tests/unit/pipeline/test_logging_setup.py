import copy
import logging
from collections.abc import Iterator
from typing import Any

import faust
import mode.utils.logging
import orjson
import pytest

from pipeline.app import create_app
from pipeline.faust_worker import Worker
from pipeline.logging_setup import (
    REQUEST_ID,
    JsonLineFormatter,
    RepeatFilter,
    RequestIdFilter,
    logging_config,
    quiet_repeats,
)
from tests.factories import Clock, dev_settings

log = logging.getLogger("tests.logging_setup")


@pytest.fixture
def root_logger(monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    """The root logger, given back with its handlers and level after mode configured it."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    monkeypatch.setattr(mode.utils.logging, "LOG_ISATTY", mode.utils.logging.LOG_ISATTY)
    try:
        yield root
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                handler.close()
        root.handlers[:] = handlers
        root.setLevel(level)


def _start_worker_logging(config: dict[str, Any]) -> None:
    """What a Faust worker does with the ``logging_config`` setting."""
    mode.utils.logging.setup_logging(loglevel="INFO", logging_config=config)


def _log_inside_and_outside_a_request() -> None:
    token = REQUEST_ID.set("edge-42")
    try:
        log.warning("inside %s", "a request")
    finally:
        REQUEST_ID.reset(token)
    log.warning("outside")


@pytest.mark.usefixtures("root_logger")
def test_json_lines_are_written_once_and_carry_the_request_id_only_inside_a_request(
    capsys: pytest.CaptureFixture[str],
):
    _start_worker_logging(logging_config("json", "INFO"))
    log.warning("disk %s full", "/var", extra={"service": "api"})
    _log_inside_and_outside_a_request()
    out, err = capsys.readouterr()
    assert err == ""
    plain, inside, outside = (orjson.loads(line) for line in out.splitlines())
    assert (plain["message"], plain["level"], plain["logger"]) == (
        "disk /var full",
        "WARNING",
        "tests.logging_setup",
    )
    assert plain["service"] == "api" and "timestamp" in plain
    assert (inside["message"], inside["request_id"]) == ("inside a request", "edge-42")
    assert outside["message"] == "outside"
    for record in (plain, inside, outside):
        assert "extra" not in record
    assert "request_id" not in plain and "request_id" not in outside


@pytest.mark.usefixtures("root_logger")
def test_text_lines_are_written_once_and_show_the_request_id_only_inside_a_request(
    capsys: pytest.CaptureFixture[str],
):
    _start_worker_logging(logging_config("text", "INFO"))
    _log_inside_and_outside_a_request()
    out, err = capsys.readouterr()
    assert err == ""
    inside, outside = out.splitlines()
    assert inside.endswith("[WARNING] tests.logging_setup: inside a request [request_id=edge-42]")
    assert outside.endswith("[WARNING] tests.logging_setup: outside")
    assert inside.startswith("[") and "request_id" not in outside


@pytest.mark.usefixtures("root_logger")
@pytest.mark.parametrize("log_format", ["json", "text"])
def test_the_configured_level_drops_lower_lines(
    capsys: pytest.CaptureFixture[str], log_format: str
):
    _start_worker_logging(logging_config(log_format, "WARNING"))
    log.info("routine")
    log.warning("unusual")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and "unusual" in lines[0]


@pytest.mark.usefixtures("root_logger")
def test_a_config_survives_a_second_worker_start_in_one_process(
    capsys: pytest.CaptureFixture[str],
):
    config = logging_config("json", "INFO")
    before = copy.deepcopy(config)
    for _ in range(2):
        _start_worker_logging(config)
        assert config == before
    log.warning("once")
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert logging_config("json", "INFO") is not logging_config("json", "INFO")


def test_an_empty_extra_left_by_modes_formatters_is_dropped():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "msg", None, None)
    record.extra = ""
    assert "extra" not in orjson.loads(JsonLineFormatter().format(record))
    record.extra = "job=7"
    assert orjson.loads(JsonLineFormatter().format(record))["extra"] == "job=7"


def test_the_request_id_filter_never_drops_a_record():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "msg", None, None)
    assert RequestIdFilter().filter(record)
    assert not hasattr(record, "request_id")
    token = REQUEST_ID.set("abc")
    try:
        assert RequestIdFilter().filter(record)
    finally:
        REQUEST_ID.reset(token)
    assert record.request_id == "abc"  # type: ignore[attr-defined]


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


@pytest.mark.parametrize(("worker_class", "debug_records"), [(faust.Worker, True), (Worker, False)])
def test_the_workers_logging_builds_no_debug_records_at_warn(
    worker_class: type[faust.Worker], debug_records: bool
) -> None:
    # Faust's own worker turns the root logger to DEBUG for its spinner; ours must not.
    app = create_app(dev_settings())
    configured: object = app.conf.Worker
    assert configured is Worker
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    worker = worker_class(app, loglevel="warn", logging_config=dict(app.conf.logging_config))
    try:
        worker._setup_logging()
        assert logging.getLogger("aiormq.connection").isEnabledFor(logging.DEBUG) is debug_records
    finally:
        root.setLevel(saved[0])
        root.handlers[:] = saved[1]
