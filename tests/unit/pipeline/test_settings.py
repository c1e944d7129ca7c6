from pathlib import Path

import pytest

from pipeline import settings as s
from pipeline.settings import Settings, SettingsError, load_settings


def test_defaults_match_the_local_stack():
    settings = load_settings({})
    assert settings == Settings()
    assert settings.kafka.bootstrap_servers == "localhost:9092"
    assert settings.kafka.broker_url == "kafka://localhost:9092"
    assert settings.database.url.endswith("@localhost:5432/log_analysis")
    assert settings.rabbitmq.url == "amqp://guest:guest@localhost:5672/"
    assert settings.rabbitmq.log_queue == "log_analysis_queue"
    assert settings.rabbitmq.alerts_queue == "alerts_queue"
    assert settings.rabbitmq.recommendation_queue == "recommendation_queue"
    assert settings.web.port == 8000
    assert settings.analysis.window_seconds == 60
    assert settings.jwt.uses_dev_secret


def test_overrides():
    settings = load_settings(
        {
            s.KAFKA_BOOTSTRAP_SERVERS: "k1:9092, k2:9093",
            s.KAFKA_TOPIC_PARTITIONS: "12",
            s.DATABASE_URL: "postgres://u:p@db:6543/x",
            s.RABBITMQ_URL: "amqps://u:p@mq/vhost",
            s.LOG_QUEUE: "in.q",
            s.JWT_SECRET: "x" * 40,
            s.JWT_AUDIENCE: "api",
            s.WINDOW_SECONDS: "300",
            s.ANOMALY_THRESHOLD: "0.55",
            s.WEB_PORT: "8081",
            s.LOG_FORMAT: "JSON",
            s.LOG_LEVEL: "debug",
            s.APP_ID: "la-test",
        }
    )
    assert settings.kafka.bootstrap_servers == "k1:9092,k2:9093"
    assert settings.kafka.broker_url == "kafka://k1:9092;k2:9093"
    assert settings.kafka.topic_partitions == 12
    assert settings.database.url == "postgres://u:p@db:6543/x"
    assert settings.rabbitmq.log_queue == "in.q"
    assert settings.jwt.audience == "api"
    assert not settings.jwt.uses_dev_secret
    assert settings.analysis.window_seconds == 300
    assert settings.analysis.anomaly_threshold == 0.55
    assert settings.web.port == 8081
    assert settings.log_format == "json"
    assert settings.log_level == "DEBUG"
    assert settings.app_id == "la-test"


def test_blank_values_fall_back_to_defaults():
    assert load_settings({s.WEB_PORT: "  ", s.LOG_QUEUE: ""}) == Settings()


def test_settings_are_frozen():
    with pytest.raises(AttributeError):
        Settings().app_id = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("variable", "value", "reason"),
    [
        (s.KAFKA_BOOTSTRAP_SERVERS, "localhost", "is not host:port"),
        (s.KAFKA_BOOTSTRAP_SERVERS, "host:99999", "is not host:port"),
        (s.KAFKA_BOOTSTRAP_SERVERS, ",", "needs at least one host:port"),
        (s.KAFKA_TOPIC_PARTITIONS, "zero", "expected an integer"),
        (s.KAFKA_TOPIC_PARTITIONS, "0", "must be between 1 and 1024"),
        (s.KAFKA_LOGS_TOPIC, "bad topic!", "not a valid Kafka topic name"),
        (s.DATABASE_URL, "mysql://localhost/db", "scheme must be one of"),
        (s.DATABASE_URL, "postgresql://", "has no host"),
        (s.DATABASE_URL, "postgresql://h:port/db", "port is not a number"),
        (s.DATABASE_POOL_MAX, "0", "must be between 1 and 100"),
        (s.RABBITMQ_URL, "http://localhost", "scheme must be one of"),
        (s.ALERTS_QUEUE, "a queue with spaces", "not a valid queue name"),
        (s.JWT_SECRET, "short", "at least 32 bytes"),
        (s.JWT_ALGORITHM, "none", "must be one of"),
        (s.JWT_ALGORITHM, "RS256", "is required for RS256"),
        (s.JWT_PUBLIC_KEY_FILE, "/nonexistent/key.pem", "cannot read"),
        (s.WINDOW_SECONDS, "-5", "must be between 1 and 86400"),
        (s.WINDOW_SECONDS, "1.5", "expected an integer"),
        (s.ANOMALY_THRESHOLD, "1.5", "must be between 0.0 and 1.0"),
        (s.ANOMALY_THRESHOLD, "high", "expected a number"),
        (s.WEB_PORT, "70000", "must be between 1 and 65535"),
        (s.LOG_FORMAT, "xml", "must be one of json, text"),
        (s.LOG_LEVEL, "LOUD", "must be one of"),
        (s.SQL_DIR, "/nonexistent", "is not a directory"),
        (s.ANALYSIS_MAX_SERVICES, "0", "must be between 1 and"),
        (s.TEMPLATE_MAX_TOKENS, "many", "expected an integer"),
        (s.TEMPLATE_EXTRA_MASKS, "not json", "expected a JSON object"),
        (s.TEMPLATE_EXTRA_MASKS, '["ORD-1"]', "expected a JSON object"),
        (s.TEMPLATE_EXTRA_MASKS, '{"ORDER": "ORD-(["}', "invalid regex"),
        (s.TEMPLATE_EXTRA_MASKS, '{"bad name": "x"}', "names are identifiers"),
        (s.TEMPLATE_EXTRA_MASKS, '{"ORDER": 5}', "names are identifiers"),
    ],
)
def test_bad_values_name_the_variable_and_the_reason(variable, value, reason):
    with pytest.raises(SettingsError) as caught:
        load_settings({variable: value})
    expected_variable = s.JWT_PUBLIC_KEY_FILE if value == "RS256" else variable
    assert caught.value.variable == expected_variable
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{expected_variable}: ")


def test_pool_bounds_are_checked_together():
    with pytest.raises(SettingsError, match="DATABASE_POOL_MIN: must not exceed DATABASE_POOL_MAX"):
        load_settings({s.DATABASE_POOL_MIN: "20", s.DATABASE_POOL_MAX: "5"})


def test_asymmetric_algorithm_reads_the_public_key(tmp_path: Path):
    key = tmp_path / "key.pem"
    key.write_text("-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----\n")
    settings = load_settings({s.JWT_ALGORITHM: "rs256", s.JWT_PUBLIC_KEY_FILE: str(key)})
    assert settings.jwt.algorithm == "RS256"
    assert settings.jwt.verification_key.startswith("-----BEGIN PUBLIC KEY-----")
    assert not settings.jwt.uses_dev_secret


def test_core_configs_follow_the_settings():
    settings = load_settings(
        {
            s.WINDOW_SECONDS: "30",
            s.ALLOWED_LATENESS_SECONDS: "5",
            s.ANOMALY_THRESHOLD: "0.6",
            s.ANALYSIS_MAX_SERVICES: "50",
            s.TEMPLATE_MAX_TOKENS: "64",
            s.TEMPLATE_MAX_SERVICES: "7",
            s.TEMPLATE_EXTRA_MASKS: '{"ORDER_ID": "ORD-[0-9]{8}"}',
        }
    )
    analysis = settings.analysis.config()
    assert (analysis.window_seconds, analysis.allowed_lateness_seconds) == (30, 5.0)
    assert (analysis.threshold, analysis.max_services) == (0.6, 50)
    miner = settings.templates.config()
    assert (miner.max_tokens, miner.max_services) == (64, 7)
    assert miner.extra_masks == (("ORD-[0-9]{8}", "ORDER_ID"),)


def test_extra_masks_are_used_by_the_miner():
    from pipeline.templates import ServiceMiners

    settings = load_settings({s.TEMPLATE_EXTRA_MASKS: '{"ORDER_ID": "ORD-[A-Z]{4}"}'})
    miners = ServiceMiners(settings.templates.config())
    match = miners.mine("shop", "shipped ORD-ABCD today")
    assert "ORD-ABCD" not in match.template
    assert ("ORDER_ID", "ORD-ABCD") in match.parameters


def test_defaults_agree_with_the_cores():
    from pipeline.analysis import AnalysisConfig
    from pipeline.templates import MinerConfig

    assert Settings().analysis.config() == AnalysisConfig()
    assert Settings().templates.config() == MinerConfig()


def test_secrets_stay_out_of_repr():
    assert "dev-only" not in repr(load_settings({}))


def test_every_variable_is_listed():
    names = s.environment_variables()
    assert s.DATABASE_URL in names and s.JWT_SECRET in names and s.WINDOW_SECONDS in names
    assert len(names) == len(set(names))
