"""The OpenAPI document: valid 3.1, every endpoint, parameters from the validating models."""

from __future__ import annotations

import pytest

from web.openapi import OPERATIONS, build_spec
from web.params import LogsQuery

openapi_spec_validator = pytest.importorskip("openapi_spec_validator")


def test_the_document_is_valid_openapi_3_1() -> None:
    spec = build_spec("0.1.0")
    assert spec["openapi"] == "3.1.0"
    openapi_spec_validator.validate(spec)


def test_every_endpoint_is_documented_with_its_errors_and_auth() -> None:
    spec = build_spec("0.1.0")
    assert set(spec["paths"]) == {op.path for op in OPERATIONS}
    for path, item in spec["paths"].items():
        operation = item["get"]
        if path.startswith("/api/v1/"):
            assert operation["security"] == [{"bearerAuth": []}]
            assert {"200", "401", "422", "503"} <= set(operation["responses"])
        else:
            assert operation["security"] == []


def test_query_parameters_are_the_models_fields() -> None:
    operation = build_spec("0.1.0")["paths"]["/api/v1/logs"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names == set(LogsQuery.model_fields)
    size = next(p for p in operation["parameters"] if p["name"] == "page_size")
    assert size["schema"]["maximum"] == 500
    levels = next(p for p in operation["parameters"] if p["name"] == "log_level")
    assert levels["schema"]["type"] == "array" and levels["explode"] is True
