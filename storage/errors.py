"""Storage exceptions: database driver errors are turned into these at the edge."""

from pipeline.errors import StorageError


class DatabaseUnavailable(StorageError):
    """The database could not be reached or refused the connection."""


class MigrationError(StorageError):
    """A migration could not be applied, or the recorded history does not match the files."""


__all__ = ["DatabaseUnavailable", "MigrationError", "StorageError"]


class StoreAborted(StorageError):
    """A write was given up because the service is stopping; nothing of it was committed."""
