"""The worker's web server, served in-process with aiohttp's test client (no Kafka needed)."""

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from pipeline.app import LogAnalysisApp, create_app
from tests.factories import dev_settings
from tests.unit.web.server import aiohttp_app
from web.auth import issue_token


@pytest.fixture
async def app_client() -> AsyncIterator[tuple[LogAnalysisApp, TestClient]]:
    app = create_app(dev_settings())
    async with TestClient(TestServer(aiohttp_app(app))) as client:
        yield app, client


async def test_health_is_public(app_client):
    _, client = app_client
    response = await client.get("/health/")
    assert response.status == 200
    body = await response.json()
    assert body["status_code"] == 200 and body["data"]["status"] == "ok"


async def test_metrics_are_public_and_include_ours_and_fausts(app_client):
    _, client = app_client
    await client.get("/health/")
    body = await (await client.get("/metrics")).text()
    assert "logs_ingested_total" in body
    assert "faust_messages_received" in body
    assert 'api_requests_total{endpoint="/health/",method="GET",status="200"} 1.0' in body


@pytest.mark.parametrize("path", ["/router/", "/router/topics", "/table/", "/graph/", "/stats/"])
async def test_faust_debug_views_need_a_token(app_client, path):
    _, client = app_client
    response = await client.get(path)
    assert response.status == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert (await response.json())["status_code"] == 401


async def test_forged_token_is_refused_and_counted(app_client):
    app, client = app_client
    forged = issue_token(
        app.settings.jwt.__class__(secret="f" * 40), "mallory"
    )  # signed with another secret
    response = await client.get("/router/", headers={"Authorization": f"Bearer {forged}"})
    assert response.status == 401
    assert app.registry.get_sample_value("auth_failures_total", {"reason": "invalid"}) == 1.0


async def test_valid_token_reaches_the_router(app_client):
    app, client = app_client
    token = issue_token(app.settings.jwt, "ops")
    response = await client.get("/router/", headers={"Authorization": f"Bearer {token}"})
    assert response.status == 200


@pytest.mark.parametrize("path", ["/table/", "/graph/", "/stats/", "/assignment/"])
async def test_table_graph_and_stats_views_are_off(app_client, path):
    app, client = app_client
    token = issue_token(app.settings.jwt, "ops")
    response = await client.get(path, headers={"Authorization": f"Bearer {token}"})
    assert response.status == 404


async def test_hostile_paths_do_not_explode_metric_labels(app_client):
    _, client = app_client
    for index in range(5):
        await client.get(f"/nope/{index}?q=%00%ff", headers={"Authorization": "Bearer x"})
    body = await (await client.get("/metrics")).text()
    assert "/nope/" not in body


async def test_readiness_names_the_dependency_but_not_its_address(caplog):
    secret_host = "db-internal-7.example"
    app = create_app(dev_settings({"DATABASE_URL": f"postgresql://u:p@{secret_host}:1/none"}))
    async with TestClient(TestServer(aiohttp_app(app))) as client:
        response = await client.get("/health/ready")
        assert response.status == 503
        body = await response.json()
        assert body["status_code"] == 503 and body["data"]["status"] == "unavailable"
        # Nothing has started here: Kafka and RabbitMQ are not ready, nor are the tables' state.
        assert body["data"]["checks"] == {
            "postgresql": "unavailable",
            "kafka": "unavailable",
            "rabbitmq": "unavailable",
            "state": "unavailable",
        }
        assert "postgresql" in body["message"]
        text = await response.text()
        assert secret_host not in text and "none" not in text
    # The operator still gets the detail, in the log.
    assert any(secret_host in record.getMessage() for record in caplog.records)


async def test_readiness_is_ok_when_every_probe_answers():
    from web.health import run_probes

    async def fine() -> int:
        return 1

    async def broken() -> int:
        raise OSError("connection refused by 10.1.2.3:5432")

    assert await run_probes({"a": fine, "b": fine}) == {"a": "ok", "b": "ok"}
    assert await run_probes({"a": fine, "b": broken}) == {"a": "ok", "b": "unavailable"}


async def test_api_reads_with_the_database_down_answer_503_in_the_envelope():
    app = create_app(dev_settings({"DATABASE_URL": "postgresql://u:p@127.0.0.1:1/none"}))
    token = issue_token(app.settings.jwt, "reader")
    async with TestClient(TestServer(aiohttp_app(app))) as client:
        for path in ("/api/v1/logs", "/api/v1/services", "/api/v1/anomalies/x"):
            response = await client.get(path, headers={"Authorization": f"Bearer {token}"})
            assert response.status == 503, path
            body = await response.json()
            assert body["status_code"] == 503 and body["data"] is None
            assert "127.0.0.1" not in body["message"]
            assert response.headers["Retry-After"] == "5"
