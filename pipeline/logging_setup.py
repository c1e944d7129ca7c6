"""Log handlers for the worker: readable text locally, one JSON object per line in production."""

from __future__ import annotations

import logging
import pkgutil
import sys
import time
from collections.abc import Callable, Iterable
from types import ModuleType

from pythonjsonlogger.json import JsonFormatter

# Distinct messages remembered per filter (format strings, so a handful in practice).
_MAX_KEYS = 1_000


def log_handlers(log_format: str) -> list[logging.Handler]:
    """Handlers for Faust's ``loghandlers`` setting; empty means Faust's own text format."""
    if log_format != "json":
        return []
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        JsonFormatter(
            "%(asctime)s %(levelname)s %(name)s %(message)s",
            rename_fields={"asctime": "timestamp", "levelname": "level", "name": "logger"},
        )
    )
    return [handler]


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
