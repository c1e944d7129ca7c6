"""`python -m pipeline worker` on the real stack: web server, metrics, topics, auth."""

import asyncio
import signal
import time

import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from pipeline.settings import load_settings
from web.auth import issue_token

from ..conftest import BASE
from ..processes import Worker, get_json, wait_until

pytestmark = [pytest.mark.timeout(180), pytest.mark.slow]


def test_worker_serves_health_metrics_and_declares_its_topics(service_env, tmp_path):
    port = service_env["WEB_PORT"]
    base_url = f"http://127.0.0.1:{port}"
    service_env["KAFKA_LOGS_RETENTION_HOURS"] = "5"
    worker = Worker(
        ["-m", "pipeline", "worker", "--loglevel=info"], service_env, tmp_path / "worker.log"
    )
    try:
        wait_until(lambda: get_json(f"{base_url}/health/")[0] == 200, 90, "GET /health/", worker)
        status, body = get_json(f"{base_url}/health/")
        assert body["data"]["status"] == "ok"
        assert body["data"]["service"] == service_env["LOG_ANALYSIS_APP_ID"]

        ready = f"{base_url}/health/ready"
        wait_until(lambda: get_json(ready)[0] == 200, 60, "GET /health/ready", worker)
        status, body = get_json(ready)
        assert body["data"]["checks"] == {
            "postgresql": "ok",
            "kafka": "ok",
            "rabbitmq": "ok",
            "state": "ok",
        }

        status, metrics = get_json(f"{base_url}/metrics")
        assert status == 200
        assert "logs_ingested_total" in metrics and "faust_" in metrics

        status, body = get_json(f"{base_url}/router/")
        assert status == 401
        settings = load_settings(service_env)
        token = issue_token(settings.jwt, "integration-test")
        status, _ = get_json(f"{base_url}/router/", {"Authorization": f"Bearer {token}"})
        assert status == 200

        names = [
            service_env["KAFKA_LOGS_TOPIC"],
            service_env["KAFKA_INSIGHTS_TOPIC"],
            service_env["KAFKA_DEAD_LETTER_TOPIC"],
        ]

        async def declared() -> dict[str, int]:
            admin = AIOKafkaAdminClient(bootstrap_servers=BASE.kafka.bootstrap_servers)
            await admin.start()
            try:
                described = await admin.describe_topics(names)
            finally:
                await admin.close()
            return {t["topic"]: len(t["partitions"]) for t in described if t["error_code"] == 0}

        topics: dict[str, int] = {}
        for _ in range(60):
            topics = asyncio.run(declared())
            if len(topics) == len(names):
                break
            time.sleep(0.5)
        assert topics == {name: int(service_env["KAFKA_TOPIC_PARTITIONS"]) for name in names}
        assert asyncio.run(retention_ms(names[0])) == str(5 * 3600 * 1000)
        # A rolling restart sends SIGTERM: the worker must stop by itself, promptly and cleanly.
        started = time.monotonic()
        assert not (problem := worker.stop(signal.SIGTERM, wait=30)), problem
        assert time.monotonic() - started < 30
        assert worker.process.returncode == 0, worker.log_text()[-3000:]
    finally:
        worker.kill(signal.SIGKILL)


async def retention_ms(topic: str) -> str:
    """The topic's own ``retention.ms``, as the broker reports it."""
    admin = AIOKafkaAdminClient(bootstrap_servers=BASE.kafka.bootstrap_servers)
    await admin.start()
    try:
        (response,) = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, topic)]
        )
    finally:
        await admin.close()
    (resource,) = response.resources
    entries = {entry[0]: entry[1] for entry in resource[4]}
    return str(entries["retention.ms"])
