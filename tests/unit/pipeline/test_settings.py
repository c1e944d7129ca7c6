import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.errors import LogAnalysisError
from pipeline.settings import DEVELOPMENT, Settings, SettingsError, load_settings
from pipeline.settings import variables as s
from pipeline.wiring import analysis_config, miner_config
from tests.factories import dev_settings
from tests.unit.pipeline.jwt_keys import key_environ, new_key, private_pem, public_pem


def test_defaults_match_the_local_stack():
    settings = dev_settings()
    assert settings == Settings(environment=DEVELOPMENT, log_format="text")
    assert settings.kafka.bootstrap_servers == "localhost:9092"
    assert settings.kafka.broker_url == "kafka://localhost:9092"
    assert settings.database.url.endswith("@localhost:5432/log_analysis")
    assert settings.rabbitmq.url == "amqp://guest:guest@localhost:5672/"
    assert settings.rabbitmq.log_queue == "log_analysis_queue"
    assert settings.rabbitmq.alerts_queue == "alerts_queue"
    assert settings.rabbitmq.recommendation_queue == "recommendation_queue"
    assert settings.web.port == 8000
    assert settings.analysis.window_seconds == 60
    assert settings.database.logs_retention_days == 30
    assert settings.backfill == ""
    assert settings.jwt.uses_dev_secret


def test_overrides():
    settings = dev_settings(
        {
            s.KAFKA_BOOTSTRAP_SERVERS: "k1:9092, k2:9093",
            s.KAFKA_TOPIC_PARTITIONS: "12",
            s.KAFKA_LOGS_RETENTION_HOURS: "720",
            s.LOGS_RETENTION_DAYS: "90",
            s.BACKFILL: "Detect",
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
            s.WORKER_STOP_GRACE_SECONDS: "2.5",
            s.INGEST_STALL_SECONDS: "90",
        }
    )
    assert settings.kafka.bootstrap_servers == "k1:9092,k2:9093"
    assert settings.kafka.broker_url == "kafka://k1:9092;k2:9093"
    assert settings.kafka.topic_partitions == 12
    assert settings.kafka.logs_retention_hours == 720
    assert settings.database.logs_retention_days == 90
    assert settings.backfill == "detect"
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
    assert settings.ingest.stop_grace_seconds == 2.5
    assert settings.ingest.stall_report_seconds == 90


def test_blank_values_fall_back_to_defaults():
    assert dev_settings({s.WEB_PORT: "  ", s.LOG_QUEUE: ""}) == dev_settings()


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
        (s.KAFKA_LOGS_RETENTION_HOURS, "0", "must be between 1 and 87600"),
        (s.KAFKA_LOGS_TOPIC, "bad topic!", "not a valid Kafka topic name"),
        (s.DATABASE_URL, "mysql://localhost/db", "scheme must be one of"),
        (s.DATABASE_URL, "postgresql://", "has no host"),
        (s.DATABASE_URL, "postgresql://h:port/db", "port is not a number"),
        (s.DATABASE_POOL_MAX, "0", "must be between 1 and 100"),
        (s.LOGS_RETENTION_DAYS, "0", "must be between 1 and 36500"),
        (s.BACKFILL, "later", "must be one of"),
        (s.RABBITMQ_URL, "http://localhost", "scheme must be one of"),
        (s.ALERTS_QUEUE, "a queue with spaces", "not a valid queue name"),
        (s.JWT_SECRET, "short", "at least 32 bytes"),
        (s.JWT_ALGORITHM, "none", "must be one of"),
        (s.JWT_ALGORITHM, "RS256", "is required for RS256"),
        (s.JWT_PUBLIC_KEY_FILE, "/nonexistent/key.pem", "cannot read"),
        (s.JWT_TOKEN_TTL_SECONDS, "0", "must be between 1 and 86400"),
        (s.JWT_TOKEN_TTL_SECONDS, "86401", "must be between 1 and 86400"),
        (s.JWT_TOKEN_TTL_SECONDS, "1h", "expected an integer"),
        (s.WINDOW_SECONDS, "-5", "must be between 1 and 86400"),
        (s.WINDOW_SECONDS, "1.5", "expected an integer"),
        (s.ANOMALY_THRESHOLD, "1.5", "must be between 0.0 and 1.0"),
        (s.ANOMALY_THRESHOLD, "high", "expected a number"),
        (s.WEB_PORT, "70000", "must be between 1 and 65535"),
        (s.WORKER_STOP_GRACE_SECONDS, "-1", "must be between 0.0 and 3600.0"),
        (s.INGEST_STALL_SECONDS, "0", "must be between 1.0 and 86400.0"),
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
        dev_settings({variable: value})
    expected_variable = s.JWT_PUBLIC_KEY_FILE if value == "RS256" else variable
    assert caught.value.variable == expected_variable
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{expected_variable}: ")


def test_pool_bounds_are_checked_together():
    with pytest.raises(SettingsError, match="DATABASE_POOL_MIN: must not exceed DATABASE_POOL_MAX"):
        dev_settings({s.DATABASE_POOL_MIN: "20", s.DATABASE_POOL_MAX: "5"})


def test_asymmetric_algorithm_reads_the_public_key(tmp_path: Path):
    key = tmp_path / "key.pem"
    key.write_text("-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----\n")
    settings = load_settings({s.JWT_ALGORITHM: "rs256", s.JWT_PUBLIC_KEY_FILE: str(key)})
    assert settings.is_production
    assert settings.jwt.algorithm == "RS256"
    assert settings.jwt.verification_key.startswith("-----BEGIN PUBLIC KEY-----")
    assert not settings.jwt.uses_dev_secret


def test_core_configs_follow_the_settings():
    settings = dev_settings(
        {
            s.WINDOW_SECONDS: "30",
            s.ALLOWED_LATENESS_SECONDS: "5",
            s.ANOMALY_THRESHOLD: "0.6",
            s.ANALYSIS_MAX_SERVICES: "50",
            s.TEMPLATE_MAX_TOKENS: "64",
            s.TEMPLATE_EXTRA_MASKS: '{"ORDER_ID": "ORD-[0-9]{8}"}',
        }
    )
    analysis = analysis_config(settings.analysis)
    assert (analysis.window_seconds, analysis.allowed_lateness_seconds) == (30, 5.0)
    assert (analysis.threshold, analysis.max_services) == (0.6, 50)
    miner = miner_config(settings.templates)
    assert (miner.max_tokens, miner.max_services) == (64, 50)
    assert miner.extra_masks == (("ORD-[0-9]{8}", "ORDER_ID"),)


def test_extra_masks_are_used_by_the_miner():
    from pipeline.templates import ServiceMiners

    settings = dev_settings({s.TEMPLATE_EXTRA_MASKS: '{"ORDER_ID": "ORD-[A-Z]{4}"}'})
    miners = ServiceMiners(miner_config(settings.templates))
    match = miners.mine("shop", "shipped ORD-ABCD today")
    assert "ORD-ABCD" not in match.template
    assert ("ORDER_ID", "ORD-ABCD") in match.parameters


def test_defaults_agree_with_the_cores_and_never_refit_on_the_event_loop():
    from dataclasses import replace

    from pipeline.analysis import AnalysisConfig
    from pipeline.templates import MinerConfig

    analysis = analysis_config(Settings().analysis)
    # The service runs Isolation Forest refits in an executor; inline refits stall every agent.
    assert analysis.refit_inline is False
    assert replace(analysis, refit_inline=AnalysisConfig().refit_inline) == AnalysisConfig()
    assert miner_config(Settings().templates) == MinerConfig()


def test_secrets_stay_out_of_repr(tmp_path: Path):
    environ = {s.DATABASE_URL: "postgresql://u:hunter2@db/x"}
    text = repr(dev_settings(environ))
    assert "dev-only" not in text and "hunter2" not in text
    signing = dev_settings({**environ, **key_environ(tmp_path, "ES256", "p256")})
    assert "PRIVATE KEY" not in repr(signing)


def test_every_variable_is_listed_once():
    names = s.ALL
    assert s.DATABASE_URL in names and s.JWT_SECRET in names and s.ENVIRONMENT in names
    assert len(names) == len(set(names))
    constants = {
        value for name, value in vars(s).items() if name.isupper() and isinstance(value, str)
    }
    assert constants == set(names)


def test_importing_settings_loads_no_core_or_heavy_library():
    code = (
        "import sys, pipeline.settings; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'river', 'numpy', 'sklearn', 'faust', 'asyncpg'} "
        "or m.startswith(('pipeline.analysis', 'pipeline.templates'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


# --- environments -------------------------------------------------------------------------------


def test_production_is_the_default_and_logs_json():
    settings = load_settings({s.JWT_SECRET: "p" * 40})
    assert settings.is_production
    assert settings.log_format == "json"
    assert dev_settings().log_format == "text"
    assert load_settings({s.JWT_SECRET: "p" * 40, s.LOG_FORMAT: "text"}).log_format == "text"


def test_production_needs_a_jwt_secret():
    with pytest.raises(SettingsError) as caught:
        load_settings({})
    assert caught.value.variable == s.JWT_SECRET
    assert "must be set in production" in caught.value.reason


def test_production_refuses_the_published_development_secret():
    published = Settings().jwt.secret
    assert published in (Path(__file__).parents[3] / ".env.example").read_text()
    with pytest.raises(SettingsError) as caught:
        load_settings({s.ENVIRONMENT: "production", s.JWT_SECRET: published})
    assert caught.value.variable == s.JWT_SECRET
    assert "published development secret" in caught.value.reason
    assert dev_settings({s.JWT_SECRET: published}).jwt.uses_dev_secret


def test_unknown_environment_is_refused():
    with pytest.raises(SettingsError, match="LOG_ANALYSIS_ENV: must be one of development"):
        load_settings({s.ENVIRONMENT: "staging"})


@pytest.mark.parametrize("spelling", ["EdDSA", "eddsa", "EDDSA"])
def test_eddsa_can_be_configured(tmp_path: Path, spelling: str):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    public = Ed25519PrivateKey.generate().public_key()
    key = tmp_path / "ed25519.pem"
    key.write_bytes(
        public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    settings = load_settings({s.JWT_ALGORITHM: spelling, s.JWT_PUBLIC_KEY_FILE: str(key)})
    assert settings.jwt.algorithm == "EdDSA"


def test_settings_error_belongs_to_the_project_family():
    with pytest.raises(LogAnalysisError):
        dev_settings({s.WEB_PORT: "0"})


def test_default_directories_never_point_into_the_package(tmp_path: Path):
    settings = dev_settings()
    package_root = Path(s.__file__).resolve().parents[2]
    site_packages = Path(pytest.__file__).resolve().parents[1]
    assert not settings.data_dir.resolve().is_relative_to(site_packages)
    assert not settings.data_dir.resolve().is_relative_to(package_root)
    assert (settings.sql_dir / "migrations" / "0001_initial.sql").is_file()
    assert (settings.sql_dir / "queries" / "health.sql").is_file()
    custom = dev_settings({s.DATA_DIR: str(tmp_path / "state"), s.SQL_DIR: str(tmp_path)})
    assert (custom.data_dir, custom.sql_dir) == (tmp_path / "state", tmp_path)


def test_the_miner_and_the_detectors_keep_the_same_number_of_services():
    assert dev_settings().templates.max_services == dev_settings().analysis.max_services
    for variable in (s.ANALYSIS_MAX_SERVICES, s.TEMPLATE_MAX_SERVICES):
        one = dev_settings({variable: "1234"})
        assert one.templates.max_services == one.analysis.max_services == 1234
    both = dev_settings({s.ANALYSIS_MAX_SERVICES: "50", s.TEMPLATE_MAX_SERVICES: "50"})
    assert both.templates.max_services == 50
    with pytest.raises(SettingsError, match="must equal ANALYSIS_MAX_SERVICES"):
        dev_settings({s.ANALYSIS_MAX_SERVICES: "50", s.TEMPLATE_MAX_SERVICES: "60"})


# --- signing keys -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("algorithm", "kind"),
    [("RS256", "rsa"), ("PS512", "rsa"), ("ES256", "p256"), ("ES512", "p521"), ("EdDSA", "ed448")],
)
def test_a_private_key_of_the_algorithms_family_is_the_signing_key(tmp_path, algorithm, kind):
    environ = key_environ(tmp_path, algorithm, kind)
    settings = load_settings({**environ, s.JWT_TOKEN_TTL_SECONDS: "600"})
    assert settings.jwt.signing_key.startswith("-----BEGIN PRIVATE KEY-----")
    assert settings.jwt.signing_key == Path(environ[s.JWT_PRIVATE_KEY_FILE]).read_text()
    assert settings.jwt.verification_key.startswith("-----BEGIN PUBLIC KEY-----")
    assert settings.jwt.token_ttl_seconds == 600


def test_the_private_key_is_optional_and_the_ttl_has_a_default(tmp_path: Path):
    settings = dev_settings()
    assert settings.jwt.signing_key == settings.jwt.secret
    assert (settings.jwt.private_key, settings.jwt.token_ttl_seconds) == (None, 3600)
    environ = key_environ(tmp_path, "RS256", "rsa")
    del environ[s.JWT_PRIVATE_KEY_FILE]
    verifying_only = load_settings(environ)  # a worker verifies and never signs
    with pytest.raises(SettingsError) as caught:
        verifying_only.jwt.signing_key  # noqa: B018
    assert caught.value.variable == s.JWT_PRIVATE_KEY_FILE
    assert "is required to sign RS256 tokens" in caught.value.reason


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("algorithm", "public_kind", "private_kind", "reason"),
    [
        ("RS256", "rsa", "p256", "holds a key of type EC secp256r1; RS256 needs RSA"),
        ("PS256", "rsa", "ed25519", "holds a key of type EdDSA; PS256 needs RSA"),
        ("ES256", "p256", "rsa", "holds a key of type RSA; ES256 needs EC secp256r1"),
        ("ES256", "p256", "p384", "holds a key of type EC secp384r1; ES256 needs EC secp256r1"),
        ("EdDSA", "ed25519", "p256", "holds a key of type EC secp256r1; EdDSA needs EdDSA"),
        ("RS256", "rsa", "rsa1024", "the RSA key has 1024 bits; at least 2048 are required"),
        ("ES384", "p384", "p384", "is not the private half of JWT_PUBLIC_KEY_FILE"),
    ],
)
def test_a_private_key_that_cannot_sign_is_refused_at_load(
    tmp_path, algorithm, public_kind, private_kind, reason
):
    public = _write(tmp_path / "public.pem", public_pem(new_key(public_kind)))
    private = _write(tmp_path / "private.pem", private_pem(new_key(private_kind)))
    with pytest.raises(SettingsError) as caught:
        load_settings(
            {
                s.JWT_ALGORITHM: algorithm,
                s.JWT_PUBLIC_KEY_FILE: public,
                s.JWT_PRIVATE_KEY_FILE: private,
            }
        )
    assert caught.value.variable == s.JWT_PRIVATE_KEY_FILE
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    ("contents", "reason"),
    [
        (b"not a key at all", "is not a PEM private key"),
        (b"", "is not a PEM private key"),
        ("public", "is not a PEM private key"),
        ("encrypted", "the key is encrypted"),
        (None, "cannot read"),
    ],
)
def test_a_private_key_file_that_is_not_a_usable_key_is_refused(tmp_path, contents, reason):
    key = new_key("p256")
    environ = key_environ(tmp_path, "ES256", "p256")
    path = tmp_path / "private.pem"
    if contents == "public":
        path.write_bytes(public_pem(key))
    elif contents == "encrypted":
        path.write_bytes(private_pem(key, password=b"hunter2"))
    elif contents is not None:
        path.write_bytes(contents)
    with pytest.raises(SettingsError) as caught:
        load_settings({**environ, s.JWT_PRIVATE_KEY_FILE: str(path)})
    assert caught.value.variable == s.JWT_PRIVATE_KEY_FILE
    assert reason in caught.value.reason
    assert "hunter2" not in str(caught.value) and "BEGIN" not in str(caught.value)


def test_a_private_key_with_an_hmac_algorithm_is_refused(tmp_path: Path):
    private = key_environ(tmp_path, "RS256", "rsa")[s.JWT_PRIVATE_KEY_FILE]
    with pytest.raises(SettingsError) as caught:
        dev_settings({s.JWT_PRIVATE_KEY_FILE: private})
    assert caught.value.variable == s.JWT_PRIVATE_KEY_FILE
    assert "HS256 signs with JWT_SECRET" in caught.value.reason
