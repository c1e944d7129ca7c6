"""The stream harness (a live worker of our own), for replaying what it stored."""

from ..stream.conftest import stream, stream_database

__all__ = ["stream", "stream_database"]
