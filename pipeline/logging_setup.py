"""Log handlers for the worker: readable text locally, one JSON object per line in production."""

from __future__ import annotations

import logging
import sys

from pythonjsonlogger.json import JsonFormatter


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
