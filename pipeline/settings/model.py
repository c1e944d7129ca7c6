"""The settings classes: plain frozen values, no parsing and no imports of our cores.

``pipeline.wiring`` maps them onto the cores' own configs (``AnalysisConfig``, ``MinerConfig``), so
importing settings stays cheap (no river, numpy or scikit-learn) and the cores know nothing of the
environment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from pipeline.errors import SettingsError
from pipeline.settings.variables import JWT_PRIVATE_KEY_FILE

DEVELOPMENT = "development"
PRODUCTION = "production"
ENVIRONMENTS = frozenset({DEVELOPMENT, PRODUCTION})

# Published in the repository for local development; production refuses to start with it.
DEV_JWT_SECRET = "dev-only-insecure-jwt-secret-change-me-0123456789"
HMAC_ALGORITHMS = frozenset({"HS256", "HS384", "HS512"})
ASYMMETRIC_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"}
)


def default_data_dir() -> Path:
    """Faust's local state when LOG_ANALYSIS_DATA_DIR is unset: the user's state directory, never
    a folder inside the installed package."""
    return Path.home() / ".local" / "state" / "log-analysis"


def packaged_sql_dir() -> Path:
    """The ``migrations/`` and ``queries/`` shipped with the package.

    The repository's top-level ``sql/`` is packaged as ``storage.sql`` (see pyproject.toml), so a
    wheel carries it and an editable install maps it back to the checkout.
    """
    return Path(str(files("storage.sql")))


@dataclass(frozen=True)
class KafkaSettings:
    bootstrap_servers: str = "localhost:9092"
    topic_partitions: int = 4
    replication_factor: int = 1
    logs_topic: str = "log-analysis.logs"
    insights_topic: str = "log-analysis.insights"
    dead_letter_topic: str = "log-analysis.dead-letter"
    # How far back a replay of the logs topic can reach.
    logs_retention_hours: int = 168

    @property
    def broker_url(self) -> str:
        """The bootstrap list in the ``kafka://host:port;host:port`` form Faust expects."""
        return "kafka://" + ";".join(self.bootstrap_servers.split(","))


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = field(
        default="postgresql://log_analysis:log_analysis@localhost:5432/log_analysis", repr=False
    )
    pool_min: int = 1
    pool_max: int = 10
    # Whole UTC days of logs kept before today; older day partitions are dropped and older
    # records dead-lettered (storage/day_partitions.py).
    logs_retention_days: int = 30


@dataclass(frozen=True)
class RabbitSettings:
    url: str = field(default="amqp://guest:guest@localhost:5672/", repr=False)
    log_queue: str = "log_analysis_queue"
    alerts_queue: str = "alerts_queue"
    recommendation_queue: str = "recommendation_queue"


@dataclass(frozen=True)
class JwtSettings:
    secret: str = field(default=DEV_JWT_SECRET, repr=False)
    public_key: str | None = field(default=None, repr=False)
    algorithm: str = "HS256"
    audience: str | None = None
    issuer: str | None = None
    leeway_seconds: int = 30
    # PEM text; only `python -m pipeline token` (and tests) sign, the worker only verifies.
    private_key: str | None = field(default=None, repr=False)
    token_ttl_seconds: int = 3600

    @property
    def verification_key(self) -> str:
        return self.public_key if self.public_key is not None else self.secret

    @property
    def signing_key(self) -> str:
        """The HMAC secret, or the private key's PEM text for an asymmetric algorithm.

        Raises :class:`SettingsError` when an asymmetric algorithm has no private key: the worker
        runs without one, so its absence is only an error for whoever tries to sign.
        """
        if self.algorithm in HMAC_ALGORITHMS:
            return self.secret
        if self.private_key is None:
            raise SettingsError(
                JWT_PRIVATE_KEY_FILE, f"is required to sign {self.algorithm} tokens"
            )
        return self.private_key

    @property
    def uses_dev_secret(self) -> bool:
        return self.algorithm in HMAC_ALGORITHMS and self.secret == DEV_JWT_SECRET


@dataclass(frozen=True)
class AnalysisSettings:
    """The knobs of the anomaly core an operator is expected to turn; the rest keep the core's
    tuned defaults (``pipeline.analysis.AnalysisConfig``)."""

    window_seconds: int = 60
    allowed_lateness_seconds: int = 10
    max_future_seconds: int = 300
    anomaly_threshold: float = 0.45
    max_services: int = 10_000


@dataclass(frozen=True)
class TemplateSettings:
    """Bounds of the template miner, and masks for identifiers specific to the user's systems."""

    max_tokens: int = 128
    max_templates_per_service: int = 2000
    max_services: int = 10_000
    # (regex, name) pairs, applied before the built-in masks.
    extra_masks: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class IngestSettings:
    """The ingest path: RabbitMQ -> bridge -> Kafka -> agent -> PostgreSQL."""

    # A RabbitMQ message (one record or a JSON array of them) larger than this is dead-lettered.
    max_message_bytes: int = 1024 * 1024
    # Unacked RabbitMQ messages the bridge holds at once: bounds its memory.
    prefetch: int = 1000
    # How long records of one service wait for company before they go to Kafka.
    linger_ms: int = 50
    # Cap of one Kafka message of records; Kafka refuses messages past about 1 MB by default.
    kafka_message_max_bytes: int = 900_000
    # Faust's default (60 s) leaves a killed worker's partitions unserved for a minute.
    session_timeout_seconds: int = 10
    # The agent stores up to this many Kafka messages (each many records) in one transaction,
    # waiting at most this long for them.
    batch_messages: int = 100
    batch_wait_ms: int = 200
    # The most of a refused payload a dead letter keeps.
    dead_letter_payload_bytes: int = 64 * 1024
    # Records in the logs topic not yet committed past which the bridge stops taking messages
    # (RabbitMQ holds them) until they are down to half; 0: never.
    max_kafka_lag: int = 200_000
    # Distinct service names that get their own metric label; later ones are "other".
    max_service_labels: int = 200
    # How long a stopping worker waits for events in flight to be acked before it gives up the
    # rest (redelivered to the next worker): under Docker's 10 s between SIGTERM and SIGKILL.
    stop_grace_seconds: float = 8.0
    # Records waiting in a logs partition and none of them finished for this long (no
    # rebalance or recovery running) is a stall: logged with where the agent waits, counted.
    stall_report_seconds: float = 60.0


@dataclass(frozen=True)
class WebSettings:
    host: str = "0.0.0.0"  # in a container it must listen beyond loopback
    port: int = 8000
    # This worker's URL as other workers reach it (Faust routes a request about a service to
    # the worker that owns it); Faust's default, http://<hostname>:<port>, when unset.
    canonical_url: str | None = None
    # The API's own database pool (reads never wait for an ingest connection) and the longest
    # any of its statements may run.
    api_pool_max: int = 4
    api_statement_timeout_ms: int = 5000
    # Failed client authentications at POST /api/v1/auth/token allowed per client name and per
    # remote address in any minute; past it, 429 until the oldest failure is a minute old.
    client_failures_per_minute: int = 10
    # A connection that sends no complete request head for this long (idle between requests, or
    # stalled halfway through its headers) is closed; aiohttp's own default is an hour.
    idle_timeout_seconds: float = 30.0
    # The longest a request body may take to arrive (the token endpoint reads one); then 408.
    body_timeout_seconds: float = 10.0


@dataclass(frozen=True)
class Settings:
    # `development` allows the published JWT secret and logs text; `production` (the default,
    # so that a forgotten variable fails safe) refuses that secret and logs JSON.
    environment: str = PRODUCTION
    app_id: str = "log-analysis"
    kafka: KafkaSettings = KafkaSettings()
    database: DatabaseSettings = DatabaseSettings()
    rabbitmq: RabbitSettings = RabbitSettings()
    jwt: JwtSettings = JwtSettings()
    analysis: AnalysisSettings = AnalysisSettings()
    templates: TemplateSettings = TemplateSettings()
    ingest: IngestSettings = IngestSettings()
    web: WebSettings = WebSettings()
    log_format: str = "json"
    log_level: str = "INFO"
    # "" for the live stream; "windows" or "detect" for a worker of a replay or import job
    # (pipeline/backfill), which the replay and import commands start with this set.
    backfill: str = ""
    data_dir: Path = field(default_factory=lambda: default_data_dir())
    sql_dir: Path = field(default_factory=lambda: packaged_sql_dir())

    @property
    def is_production(self) -> bool:
        return self.environment == PRODUCTION
