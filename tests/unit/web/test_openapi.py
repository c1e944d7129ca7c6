"""The OpenAPI document: valid 3.1, every endpoint, parameters from the validating models."""

from __future__ import annotations

import pytest

from web.clients import TOKEN_PATH
from web.openapi import OPERATIONS, build_spec
from web.params import LogsQuery

openapi_spec_validator = pytest.importorskip("openapi_spec_validator")


def test_the_document_is_valid_openapi_3_1() -> None:
    spec = build_spec("0.1.0")
    assert spec["openapi"] == "3.1.0"
    openapi_spec_validator.validate(spec)


def test_every_endpoint_is_documented_with_its_errors_and_auth() -> None:
    spec = build_spec("0.1.0")
    assert set(spec["paths"]) == {op.path for op in OPERATIONS} | {TOKEN_PATH}
    for path, item in spec["paths"].items():
        if path == TOKEN_PATH:
            continue
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


def test_the_token_endpoint_is_documented_in_oauths_format() -> None:
    spec = build_spec("0.1.0")
    operation = spec["paths"][TOKEN_PATH]["post"]
    # Basic, or the credentials in the body (no scheme): both are allowed.
    assert operation["security"] == [{"basicAuth": []}, {}]
    form = operation["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    body = spec["components"]["schemas"][form["$ref"].rsplit("/", 1)[1]]
    assert body["required"] == ["grant_type"]
    assert body["properties"]["grant_type"]["const"] == "client_credentials"
    responses = operation["responses"]
    assert set(responses) == {"200", "400", "401", "408", "413", "429", "503"}
    assert responses["429"]["headers"]["Retry-After"]["required"] is True
    error = responses["401"]["content"]["application/json"]["schema"]["$ref"]
    assert error.endswith("/OAuthProblem")
