"""Builds :class:`Settings` from an environment mapping, failing at start-up with
:class:`SettingsError` (variable and reason) instead of a confusing error deep inside an agent."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pipeline.settings.parsing as p
import pipeline.settings.variables as v
from pipeline.errors import SettingsError
from pipeline.settings.model import (
    ASYMMETRIC_ALGORITHMS,
    DEV_JWT_SECRET,
    DEVELOPMENT,
    ENVIRONMENTS,
    HMAC_ALGORITHMS,
    AnalysisSettings,
    DatabaseSettings,
    IngestSettings,
    JwtSettings,
    KafkaSettings,
    RabbitSettings,
    Settings,
    TemplateSettings,
    WebSettings,
    default_data_dir,
    packaged_sql_dir,
)

# HS256 keys shorter than the hash output make brute-forcing a stolen token practical (RFC 7518
# section 3.2), so shorter secrets are refused rather than warned about.
_MIN_HMAC_SECRET_BYTES = 32
_LOG_LEVELS = frozenset({"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"})
BACKFILL_MODES = frozenset({"", "windows", "detect"})
_QUEUE_NAME = re.compile(r"^[A-Za-z0-9_.:-]{1,255}$")
# Kafka's own rule for topic names (Topic.validate in the broker).
_TOPIC_NAME = re.compile(r"^[A-Za-z0-9._-]{1,249}$")


def load_settings(environ: Mapping[str, str]) -> Settings:
    """Build the settings from an environment mapping (usually ``os.environ``)."""
    env = p.Env(environ)
    environment = env.get(v.ENVIRONMENT, Settings.environment, p.one_of(ENVIRONMENTS))
    database = _database(env)
    services = _max_services(env)
    return Settings(
        environment=environment,
        app_id=env.get(v.APP_ID, Settings.app_id, p.matching(_TOPIC_NAME, "Kafka topic name")),
        kafka=_kafka(env),
        database=database,
        rabbitmq=_rabbitmq(env),
        jwt=_jwt(env, development=environment == DEVELOPMENT),
        analysis=_analysis(env, services),
        templates=_templates(env, services),
        ingest=_ingest(env),
        web=WebSettings(
            host=env.get(v.WEB_HOST, WebSettings.host, p.text),
            port=env.get(v.WEB_PORT, WebSettings.port, p.int_in(1, 65_535)),
            canonical_url=env.get(v.WEB_CANONICAL_URL, None, p.url(frozenset({"http", "https"}))),
            api_pool_max=env.get(
                v.API_DATABASE_POOL_MAX, WebSettings.api_pool_max, p.int_in(1, 100)
            ),
            api_statement_timeout_ms=env.get(
                v.API_STATEMENT_TIMEOUT_MS,
                WebSettings.api_statement_timeout_ms,
                p.int_in(100, 600_000),
            ),
            client_failures_per_minute=env.get(
                v.CLIENT_FAILURES_PER_MINUTE,
                WebSettings.client_failures_per_minute,
                p.int_in(1, 10_000),
            ),
            idle_timeout_seconds=env.get(
                v.WEB_IDLE_TIMEOUT_SECONDS, WebSettings.idle_timeout_seconds, p.float_in(0.5, 3600)
            ),
            body_timeout_seconds=env.get(
                v.WEB_BODY_TIMEOUT_SECONDS, WebSettings.body_timeout_seconds, p.float_in(0.5, 600)
            ),
        ),
        log_format=env.get(
            v.LOG_FORMAT,
            "text" if environment == DEVELOPMENT else "json",
            p.one_of(frozenset({"text", "json"})),
        ),
        log_level=env.get(v.LOG_LEVEL, Settings.log_level, p.one_of(_LOG_LEVELS)),
        backfill=env.get(v.BACKFILL, Settings.backfill, p.one_of(BACKFILL_MODES)),
        data_dir=env.get(v.DATA_DIR, None, p.path) or default_data_dir(),
        sql_dir=env.get(v.SQL_DIR, None, p.existing_dir) or packaged_sql_dir(),
    )


def _kafka(env: p.Env) -> KafkaSettings:
    topic = p.matching(_TOPIC_NAME, "Kafka topic name")
    return KafkaSettings(
        bootstrap_servers=env.get(
            v.KAFKA_BOOTSTRAP_SERVERS, KafkaSettings.bootstrap_servers, p.bootstrap_servers
        ),
        topic_partitions=env.get(
            v.KAFKA_TOPIC_PARTITIONS, KafkaSettings.topic_partitions, p.int_in(1, 1024)
        ),
        replication_factor=env.get(
            v.KAFKA_REPLICATION_FACTOR, KafkaSettings.replication_factor, p.int_in(1, 16)
        ),
        logs_topic=env.get(v.KAFKA_LOGS_TOPIC, KafkaSettings.logs_topic, topic),
        insights_topic=env.get(v.KAFKA_INSIGHTS_TOPIC, KafkaSettings.insights_topic, topic),
        dead_letter_topic=env.get(
            v.KAFKA_DEAD_LETTER_TOPIC, KafkaSettings.dead_letter_topic, topic
        ),
        logs_retention_hours=env.get(
            v.KAFKA_LOGS_RETENTION_HOURS,
            KafkaSettings.logs_retention_hours,
            p.int_in(1, 10 * 365 * 24),
        ),
    )


def _database(env: p.Env) -> DatabaseSettings:
    database = DatabaseSettings(
        url=env.get(
            v.DATABASE_URL, DatabaseSettings.url, p.url(frozenset({"postgresql", "postgres"}))
        ),
        pool_min=env.get(v.DATABASE_POOL_MIN, DatabaseSettings.pool_min, p.int_in(0, 100)),
        pool_max=env.get(v.DATABASE_POOL_MAX, DatabaseSettings.pool_max, p.int_in(1, 100)),
        logs_retention_days=env.get(
            v.LOGS_RETENTION_DAYS, DatabaseSettings.logs_retention_days, p.int_in(1, 100 * 365)
        ),
    )
    if database.pool_min > database.pool_max:
        raise SettingsError(v.DATABASE_POOL_MIN, f"must not exceed {v.DATABASE_POOL_MAX}")
    return database


def _rabbitmq(env: p.Env) -> RabbitSettings:
    queue = p.matching(_QUEUE_NAME, "queue name")
    return RabbitSettings(
        url=env.get(v.RABBITMQ_URL, RabbitSettings.url, p.url(frozenset({"amqp", "amqps"}))),
        log_queue=env.get(v.LOG_QUEUE, RabbitSettings.log_queue, queue),
        alerts_queue=env.get(v.ALERTS_QUEUE, RabbitSettings.alerts_queue, queue),
        recommendation_queue=env.get(
            v.RECOMMENDATION_QUEUE, RabbitSettings.recommendation_queue, queue
        ),
    )


def _jwt(env: p.Env, *, development: bool) -> JwtSettings:
    algorithm = env.get(
        v.JWT_ALGORITHM, JwtSettings.algorithm, p.one_of(HMAC_ALGORITHMS | ASYMMETRIC_ALGORITHMS)
    )
    public_key = env.get(v.JWT_PUBLIC_KEY_FILE, None, p.file_text)
    secret = env.get(v.JWT_SECRET, None, p.text)
    if algorithm in HMAC_ALGORITHMS:
        if secret is None:
            if not development:
                raise SettingsError(
                    v.JWT_SECRET,
                    f"must be set in production ({v.ENVIRONMENT}=production, the default)",
                )
            secret = DEV_JWT_SECRET
        elif secret == DEV_JWT_SECRET and not development:
            raise SettingsError(
                v.JWT_SECRET, "is the published development secret; production refuses it"
            )
        if len(secret.encode()) < _MIN_HMAC_SECRET_BYTES:
            raise SettingsError(
                v.JWT_SECRET, f"must be at least {_MIN_HMAC_SECRET_BYTES} bytes for {algorithm}"
            )
    elif public_key is None:
        raise SettingsError(v.JWT_PUBLIC_KEY_FILE, f"is required for {algorithm}")
    if algorithm in HMAC_ALGORITHMS and env.raw(v.JWT_PRIVATE_KEY_FILE) is not None:
        # Refused rather than ignored: whoever set it expects tokens signed with it.
        raise SettingsError(
            v.JWT_PRIVATE_KEY_FILE,
            f"is only for asymmetric algorithms; {algorithm} signs with {v.JWT_SECRET}",
        )
    return JwtSettings(
        secret=secret or "",
        public_key=public_key,
        algorithm=algorithm,
        audience=env.raw(v.JWT_AUDIENCE),
        issuer=env.raw(v.JWT_ISSUER),
        leeway_seconds=env.get(v.JWT_LEEWAY_SECONDS, JwtSettings.leeway_seconds, p.int_in(0, 3600)),
        private_key=env.get(v.JWT_PRIVATE_KEY_FILE, None, p.private_key_for(algorithm, public_key)),
        token_ttl_seconds=env.get(
            v.JWT_TOKEN_TTL_SECONDS, JwtSettings.token_ttl_seconds, p.int_in(1, 86_400)
        ),
    )


def _analysis(env: p.Env, max_services: int) -> AnalysisSettings:
    defaults = AnalysisSettings
    return AnalysisSettings(
        window_seconds=env.get(v.WINDOW_SECONDS, defaults.window_seconds, p.int_in(1, 86_400)),
        allowed_lateness_seconds=env.get(
            v.ALLOWED_LATENESS_SECONDS, defaults.allowed_lateness_seconds, p.int_in(0, 86_400)
        ),
        max_future_seconds=env.get(
            v.MAX_FUTURE_SECONDS, defaults.max_future_seconds, p.int_in(0, 86_400)
        ),
        anomaly_threshold=env.get(
            v.ANOMALY_THRESHOLD, defaults.anomaly_threshold, p.float_in(0.0, 1.0)
        ),
        max_services=max_services,
    )


def _max_services(env: p.Env) -> int:
    """Live services, for the detectors and the template miner alike: were they to differ, a
    service one of them evicted would come back to the other with new template ids."""
    bound = p.int_in(1, 10_000_000)
    analysis = env.get(v.ANALYSIS_MAX_SERVICES, None, bound)
    templates = env.get(v.TEMPLATE_MAX_SERVICES, None, bound)
    if analysis is not None and templates is not None and analysis != templates:
        raise SettingsError(
            v.TEMPLATE_MAX_SERVICES,
            f"must equal {v.ANALYSIS_MAX_SERVICES} ({analysis}), got {templates}; "
            "setting one of them is enough",
        )
    if analysis is not None:
        return analysis
    return AnalysisSettings.max_services if templates is None else templates


def _templates(env: p.Env, max_services: int) -> TemplateSettings:
    defaults = TemplateSettings
    return TemplateSettings(
        max_tokens=env.get(v.TEMPLATE_MAX_TOKENS, defaults.max_tokens, p.int_in(1, 100_000)),
        max_templates_per_service=env.get(
            v.TEMPLATE_MAX_TEMPLATES_PER_SERVICE,
            defaults.max_templates_per_service,
            p.int_in(1, 10_000_000),
        ),
        max_services=max_services,
        extra_masks=env.get(v.TEMPLATE_EXTRA_MASKS, defaults.extra_masks, p.masks),
    )


def _ingest(env: p.Env) -> IngestSettings:
    defaults = IngestSettings
    return IngestSettings(
        max_message_bytes=env.get(
            v.LOG_MESSAGE_MAX_BYTES, defaults.max_message_bytes, p.int_in(1024, 64 * 1024 * 1024)
        ),
        prefetch=env.get(v.RABBITMQ_PREFETCH, defaults.prefetch, p.int_in(1, 65_535)),
        linger_ms=env.get(v.BRIDGE_LINGER_MS, defaults.linger_ms, p.int_in(0, 10_000)),
        kafka_message_max_bytes=env.get(
            v.KAFKA_MESSAGE_MAX_BYTES,
            defaults.kafka_message_max_bytes,
            p.int_in(64 * 1024, 100 * 1024 * 1024),
        ),
        session_timeout_seconds=env.get(
            v.KAFKA_SESSION_TIMEOUT_SECONDS, defaults.session_timeout_seconds, p.int_in(6, 300)
        ),
        batch_messages=env.get(
            v.INGEST_BATCH_MESSAGES, defaults.batch_messages, p.int_in(1, 10_000)
        ),
        batch_wait_ms=env.get(v.INGEST_BATCH_WAIT_MS, defaults.batch_wait_ms, p.int_in(1, 60_000)),
        dead_letter_payload_bytes=env.get(
            v.DEAD_LETTER_PAYLOAD_BYTES,
            defaults.dead_letter_payload_bytes,
            p.int_in(0, 16 * 1024 * 1024),
        ),
        max_service_labels=env.get(
            v.METRICS_MAX_SERVICE_LABELS, defaults.max_service_labels, p.int_in(1, 100_000)
        ),
        max_kafka_lag=env.get(
            v.BRIDGE_MAX_KAFKA_LAG, defaults.max_kafka_lag, p.int_in(0, 1_000_000_000)
        ),
        stop_grace_seconds=env.get(
            v.WORKER_STOP_GRACE_SECONDS, defaults.stop_grace_seconds, p.float_in(0.0, 3600.0)
        ),
        stall_report_seconds=env.get(
            v.INGEST_STALL_SECONDS, defaults.stall_report_seconds, p.float_in(1.0, 86_400.0)
        ),
    )
