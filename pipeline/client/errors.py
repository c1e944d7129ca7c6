"""Errors of the ``send`` and ``bench`` clients; the commands print them and exit 1."""

from __future__ import annotations

from pipeline.errors import LogAnalysisError


class ClientError(LogAnalysisError):
    """Root of the client errors."""


class InvalidInput(ClientError):
    """Input text that is not JSON; ``source`` names the file (or argument) and ``line`` the
    1-based line (0 for an argument)."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: invalid JSON: {reason}")
        self.source = source
        self.line = line
        self.reason = reason


class BrokerError(ClientError):
    """RabbitMQ could not be reached, or refused or lost a message we published."""
