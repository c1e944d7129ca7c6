"""Shared test configuration: integration tests are marked by where they live."""

import os
from pathlib import Path

import pytest

# The suite is a development environment (the Makefile says so too); set before any test module
# builds settings from os.environ, and inherited by the workers the integration tests start.
os.environ.setdefault("LOG_ANALYSIS_ENV", "development")

INTEGRATION_DIR = Path(__file__).parent / "integration"
# Integration tests run two at a time (`make test`: pytest-xdist, --dist loadgroup), except
# within these folders, whose tests each run one after another on one xdist worker: the stream
# tests time a worker through faults and restarts, and the infra tests start and stop the
# stack's own scripts.
SERIAL_GROUPS = ("stream", "infra")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        parents = Path(str(item.fspath)).parents
        if INTEGRATION_DIR in parents:
            item.add_marker(pytest.mark.integration)
            for group in SERIAL_GROUPS:
                if INTEGRATION_DIR / group in parents:
                    item.add_marker(pytest.mark.xdist_group(group))
