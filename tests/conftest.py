"""Shared test configuration: integration tests are marked by where they live."""

import os
from pathlib import Path

import pytest

# The suite is a development environment (the Makefile says so too); set before any test module
# builds settings from os.environ, and inherited by the workers the integration tests start.
os.environ.setdefault("LOG_ANALYSIS_ENV", "development")

INTEGRATION_DIR = Path(__file__).parent / "integration"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if INTEGRATION_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.integration)
