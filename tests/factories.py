"""Settings for tests: the development environment (the published JWT secret is allowed there)."""

from __future__ import annotations

from collections.abc import Mapping

from pipeline.settings import DEVELOPMENT, Settings, load_settings
from pipeline.settings import variables as v


def dev_settings(environ: Mapping[str, str] | None = None) -> Settings:
    return load_settings({v.ENVIRONMENT: DEVELOPMENT, **(environ or {})})
