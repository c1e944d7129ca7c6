"""Logging for the worker: readable text locally, one JSON object per line in production."""

from __future__ import annotations

import logging
import pkgutil
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from types import ModuleType
from typing import Any

from pythonjsonlogger.json import JsonFormatter

# Distinct messages remembered per filter (format strings, so a handful in practice).
_MAX_KEYS = 1_000

# The id of the HTTP request being handled, set by web.middleware for the request's duration.
# A ContextVar, not a global: requests interleave on one event loop, and tasks a handler starts
# inherit the id of the request that started them.
REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)


class RequestIdFilter(logging.Filter):
    """Copies :data:`REQUEST_ID` onto each record as ``request_id``, only while one is set, so
    that lines outside requests (agents, Kafka) carry no empty field.

    On a handler rather than a logger: a logger's filters do not see records propagated from
    its children, and a request's lines come from any module.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = REQUEST_ID.get()
        if request_id is not None:
            record.request_id = request_id
        return True


class JsonLineFormatter(JsonFormatter):
    """One JSON object per line: ``timestamp``, ``level``, ``logger``, ``message``, then every
    attribute a record has beyond the standard ones (``extra=`` values, ``request_id``)."""

    def __init__(self) -> None:
        super().__init__(
            "%(asctime)s %(levelname)s %(name)s %(message)s",
            rename_fields={"asctime": "timestamp", "levelname": "level", "name": "logger"},
        )

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        # mode's formatters leave ``record.extra = ""`` on every record they format.
        if log_data.get("extra") == "":
            del log_data["extra"]
        return log_data


class TextFormatter(logging.Formatter):
    """``[time] [pid] [LEVEL] logger: message``, then `` [request_id=...]`` inside a request."""

    def __init__(self) -> None:
        super().__init__("[%(asctime)s] [%(process)s] [%(levelname)s] %(name)s: %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        request_id = getattr(record, "request_id", None)
        return line if request_id is None else f"{line} [request_id={request_id}]"


def logging_config(log_format: str, level: str) -> dict[str, Any]:
    """Faust's ``logging_config`` setting: one handler to stdout, JSON or text, that copies the
    request id, and the root logger at ``level``.

    Given without ``"merge"``, mode's ``setup_logging`` uses it instead of its coloured text
    handler; Faust's ``loghandlers`` would be added next to that one (every line twice). Mode
    would only pop ``"merge"`` and ``dictConfig`` works on copies, so the dict stays fit for a
    second worker start in one process; each call builds a new one all the same.
    """
    formatter = JsonLineFormatter if log_format == "json" else TextFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"line": {"()": formatter}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "line",
                "filters": ["request_id"],
            }
        },
        "root": {"level": level, "handlers": ["stdout"]},
    }


class RepeatFilter(logging.Filter):
    """Lets one record through per ``interval`` seconds for each (logger, level, format string);
    the next one let through says how many like it were held back.

    aiokafka retries metadata in a loop without back-off while a broker is down: about 1,700
    error lines a second in one worker, which would bury everything else in the log.
    """

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._interval = interval
        self._clock = clock
        self._seen: dict[tuple[str, int, str], list[float]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.levelno, str(record.msg))
        now = self._clock()
        entry = self._seen.get(key)
        if entry is not None and now - entry[0] < self._interval:
            entry[1] += 1
            return False
        if entry is None and len(self._seen) >= _MAX_KEYS:
            self._seen.clear()
        held, since = (int(entry[1]), now - entry[0]) if entry is not None else (0, 0.0)
        self._seen[key] = [now, 0]
        if held:
            note = f" [{held} more like this in the last {since:.0f} s]"
            if isinstance(record.args, tuple) and record.args:
                record.msg, record.args = f"{record.msg}%s", (*record.args, note)
            else:
                record.msg = f"{record.msg}{note}"
        return True


def quiet_repeats(package: ModuleType, interval: float) -> RepeatFilter:
    """Install one :class:`RepeatFilter` on the logger of every module of ``package`` (a filter
    on a logger does not apply to its children; created now, the loggers exist before the
    modules are imported and ask for them). Loggers that have one keep it."""
    repeat = RepeatFilter(interval)
    for name in _module_names(package):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RepeatFilter) for f in logger.filters):
            logger.addFilter(repeat)
    return repeat


def _module_names(package: ModuleType) -> Iterable[str]:
    yield package.__name__
    for module in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."):
        yield module.name
