"""docker-compose.yml, the Dockerfile and .env.example agree with the settings module.

No Docker engine runs where the suite runs, so these files are checked statically.
"""

import re
from pathlib import Path

import pytest
import yaml

from pipeline.errors import SettingsError
from pipeline.settings import DEVELOPMENT, PRODUCTION, Settings, load_settings
from pipeline.settings import variables as s

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    return values


def test_compose_has_every_service_with_a_healthcheck(compose):
    services = compose["services"]
    assert set(services) == {"kafka", "postgres", "rabbitmq", "log_analysis_service", "prometheus"}
    for name, service in services.items():
        assert "healthcheck" in service, name
    assert services["kafka"]["image"].startswith("apache/kafka:3.9")
    assert services["rabbitmq"]["image"].endswith("-management")
    assert services["postgres"]["image"].startswith("postgres:15")
    assert services["log_analysis_service"]["build"] == "."


def test_compose_kafka_is_kraft_without_auto_create(compose):
    env = compose["services"]["kafka"]["environment"]
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    assert "kafka:9092" in env["KAFKA_ADVERTISED_LISTENERS"]


def test_compose_ports(compose):
    services = compose["services"]
    assert f"{Settings().web.port}:8000" in services["log_analysis_service"]["ports"]
    assert "5432:5432" in services["postgres"]["ports"]
    assert "5672:5672" in services["rabbitmq"]["ports"]
    assert "15672:15672" in services["rabbitmq"]["ports"]
    assert "9091:9090" in services["prometheus"]["ports"]


def test_compose_service_environment_is_valid_settings(compose):
    service = compose["services"]["log_analysis_service"]
    environment = dict(service["environment"])
    unknown = set(environment) - set(s.ALL)
    assert not unknown, f"compose sets variables the service does not read: {unknown}"
    assert environment[s.ENVIRONMENT] == PRODUCTION
    # Compose interpolates it from the host and must refuse to start without it.
    assert environment[s.JWT_SECRET].startswith("${JWT_SECRET:?")
    environment[s.JWT_SECRET] = "x" * 40
    # ``${NAME:-default}``: what compose makes of it on a host without NAME.
    environment = {k: re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", v) for k, v in environment.items()}
    settings = load_settings(environment)
    assert settings.kafka.logs_retention_hours == 168
    assert settings.kafka.bootstrap_servers == "kafka:9092"
    assert "@postgres:5432/" in settings.database.url
    assert "@rabbitmq:5672/" in settings.rabbitmq.url
    assert settings.web.port == 8000
    depends = service["depends_on"]
    assert all(depends[name]["condition"] == "service_healthy" for name in depends)
    assert set(depends) == {"kafka", "postgres", "rabbitmq"}


def test_prometheus_scrapes_the_service():
    config = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    targets = [
        target
        for job in config["scrape_configs"]
        for static in job["static_configs"]
        for target in static["targets"]
    ]
    assert "log_analysis_service:8000" in targets
    assert config["scrape_configs"][0]["metrics_path"] == "/metrics"


def test_dockerfile_is_slim_non_root_and_runtime_only():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11-slim" in dockerfile
    assert "\nUSER app" in dockerfile
    assert "[dev]" not in dockerfile and ".[dev]" not in dockerfile
    assert "HEALTHCHECK" in dockerfile
    assert "EXPOSE 8000" in dockerfile
    assert f"{s.ENVIRONMENT}={PRODUCTION}" in dockerfile
    # The image uses the SQL packaged in the wheel, not a copy beside it.
    assert s.SQL_DIR not in dockerfile


def test_makefile_runs_in_development_with_state_under_the_stack():
    makefile = (ROOT / "Makefile").read_text()
    assert f"export {s.ENVIRONMENT} ?= {DEVELOPMENT}" in makefile
    assert f"export {s.DATA_DIR} ?= $(CURDIR)/.stack/faust" in makefile


def test_production_refuses_the_secret_published_in_env_example():
    documented = _env_file(ROOT / ".env.example")
    documented[s.ENVIRONMENT] = PRODUCTION
    with pytest.raises(SettingsError, match="published development secret"):
        load_settings(documented)


def test_env_example_documents_every_variable_with_the_defaults():
    documented = _env_file(ROOT / ".env.example")
    text = (ROOT / ".env.example").read_text()
    for name in s.ALL:
        assert f"{name}=" in text, f"{name} is not documented in .env.example"
    assert documented[s.ENVIRONMENT] == DEVELOPMENT
    settings = load_settings(documented)
    defaults = load_settings({s.ENVIRONMENT: DEVELOPMENT})
    assert settings.kafka == defaults.kafka
    assert settings.database == defaults.database
    assert settings.rabbitmq == defaults.rabbitmq
    assert settings.jwt == defaults.jwt
    assert settings.analysis == defaults.analysis
    assert settings.ingest == defaults.ingest
    assert settings.web == defaults.web
    assert (settings.log_format, settings.log_level) == (defaults.log_format, defaults.log_level)
    assert settings.sql_dir == defaults.sql_dir
    # The local stack keeps Faust's state beside its own, under .stack/.
    assert settings.data_dir == Path(".stack/faust")
