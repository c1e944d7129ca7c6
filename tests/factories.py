"""What tests build: settings for the development environment (the published JWT secret is
allowed there), rows, a clock they move by hand, and the part of a Faust app the watchdogs
read."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pipeline.settings import DEVELOPMENT, Settings, load_settings
from pipeline.settings import variables as v
from storage.rows import LogRow


def dev_settings(environ: Mapping[str, str] | None = None) -> Settings:
    return load_settings({v.ENVIRONMENT: DEVELOPMENT, **(environ or {})})


def log_row(
    service: str,
    ts: float,
    event_id: str,
    *,
    level: str = "INFO",
    template_id: str = "t1",
    message: str = "",
    received_at: float | None = None,
) -> LogRow:
    """A stored row as the ingest path hands it on (no host, trace or metadata)."""
    return LogRow(
        event_id=event_id,
        service=service,
        level=level,
        ts=ts,
        message=message,
        template_id=template_id,
        host=None,
        trace_id=None,
        metadata=None,
        received_at=ts if received_at is None else received_at,
        clamped=False,
        truncated=False,
        sanitized=False,
    )


class Clock:
    """A clock for code that takes one (``clock=``): it reads ``now``, which the test moves."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class FakeFaustApp:
    """What a timer-driven watchdog reads of a Faust app: its consumer, whether it rebalances
    or recovers, and the timers it registered (the function is returned as it is, for the test
    to call)."""

    def __init__(self, consumer: Any) -> None:
        self.consumer = consumer
        self.rebalancing = False
        self.in_recovery = False
        self.timers: list[float] = []

    def timer(self, seconds: float) -> Callable[[Any], Any]:
        self.timers.append(seconds)
        return lambda function: function
