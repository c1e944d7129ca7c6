"""The service's exception family: one root, one base per area.

Callers catch an area's base (``StorageError``) or the root (``LogAnalysisError``) and never a
library's exception: IO errors are turned into these at the edge that met them. This module is a
leaf: it imports nothing of ours, so every layer, pure cores included, can raise from it.

Area bases and where their subclasses live:

- ``SettingsError``: configuration (``pipeline.settings``).
- ``StorageError``: PostgreSQL (``storage.errors``: ``DatabaseUnavailable``, ``MigrationError``).
- ``RecordRejected``: one input record that cannot be accepted (``pipeline.analysis.records``).
- ``SnapshotError``: saved state that cannot be restored (template miner and analysis engine).
- ``AuthError``: credentials of an HTTP request (``web.auth``).
"""

from __future__ import annotations


class LogAnalysisError(Exception):
    """Root of every error this project raises on purpose."""


class SettingsError(LogAnalysisError, ValueError):
    """A configuration value is missing or invalid; names the variable and the reason."""

    def __init__(self, variable: str, reason: str) -> None:
        super().__init__(f"{variable}: {reason}")
        self.variable = variable
        self.reason = reason


class StorageError(LogAnalysisError):
    """Root of every storage failure; database driver errors become subclasses of it."""


class RecordRejected(LogAnalysisError):
    """A record that cannot be accepted; ``field`` names the culprit, ``reason`` says why.

    ``position`` is the record's index in the message it arrived in (0 for a single object).
    """

    def __init__(self, field: str, reason: str, position: int = 0) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
        self.position = position


class SnapshotError(LogAnalysisError, ValueError):
    """Saved state is malformed, of an unknown version, or does not fit the configuration."""


class AuthError(LogAnalysisError):
    """A request's credentials were missing or invalid; ``reason`` is a short code for metrics
    and ``detail`` a message that is safe to show the caller."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
