"""The SQL shipped with the package: ``migrations/`` and ``queries/`` (see pyproject.toml)."""
