"""The log-analysis stream service."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("log-analysis")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
