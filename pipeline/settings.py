"""The one frozen settings object, built from the environment at start-up.

Every variable the service reads is named here and nowhere else. A bad value fails at start-up with
:class:`SettingsError`, which names the variable and says why, instead of surfacing later as a
confusing connection error deep inside an agent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import orjson

from pipeline.analysis.config import AnalysisConfig
from pipeline.templates.config import MinerConfig

T = TypeVar("T")
N = TypeVar("N", int, float)

_REPO_ROOT = Path(__file__).resolve().parents[1]

# Environment variable names, kept as constants so the compose file, `.env.example` and the tests
# can be checked against one list.
APP_ID = "LOG_ANALYSIS_APP_ID"
KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS"
KAFKA_TOPIC_PARTITIONS = "KAFKA_TOPIC_PARTITIONS"
KAFKA_REPLICATION_FACTOR = "KAFKA_REPLICATION_FACTOR"
KAFKA_LOGS_TOPIC = "KAFKA_LOGS_TOPIC"
KAFKA_INSIGHTS_TOPIC = "KAFKA_INSIGHTS_TOPIC"
KAFKA_DEAD_LETTER_TOPIC = "KAFKA_DEAD_LETTER_TOPIC"
DATABASE_URL = "DATABASE_URL"
DATABASE_POOL_MIN = "DATABASE_POOL_MIN"
DATABASE_POOL_MAX = "DATABASE_POOL_MAX"
RABBITMQ_URL = "RABBITMQ_URL"
LOG_QUEUE = "LOG_QUEUE"
ALERTS_QUEUE = "ALERTS_QUEUE"
RECOMMENDATION_QUEUE = "RECOMMENDATION_QUEUE"
JWT_SECRET = "JWT_SECRET"
JWT_PUBLIC_KEY_FILE = "JWT_PUBLIC_KEY_FILE"
JWT_ALGORITHM = "JWT_ALGORITHM"
JWT_AUDIENCE = "JWT_AUDIENCE"
JWT_ISSUER = "JWT_ISSUER"
JWT_LEEWAY_SECONDS = "JWT_LEEWAY_SECONDS"
WINDOW_SECONDS = "WINDOW_SECONDS"
ALLOWED_LATENESS_SECONDS = "ALLOWED_LATENESS_SECONDS"
MAX_FUTURE_SECONDS = "MAX_FUTURE_SECONDS"
ANOMALY_THRESHOLD = "ANOMALY_THRESHOLD"
ANALYSIS_MAX_SERVICES = "ANALYSIS_MAX_SERVICES"
TEMPLATE_MAX_TOKENS = "TEMPLATE_MAX_TOKENS"
TEMPLATE_MAX_TEMPLATES_PER_SERVICE = "TEMPLATE_MAX_TEMPLATES_PER_SERVICE"
TEMPLATE_MAX_SERVICES = "TEMPLATE_MAX_SERVICES"
TEMPLATE_EXTRA_MASKS = "TEMPLATE_EXTRA_MASKS"
WEB_HOST = "WEB_HOST"
WEB_PORT = "WEB_PORT"
LOG_FORMAT = "LOG_FORMAT"
LOG_LEVEL = "LOG_LEVEL"
DATA_DIR = "LOG_ANALYSIS_DATA_DIR"
SQL_DIR = "LOG_ANALYSIS_SQL_DIR"

# HS256 keys shorter than the hash output make brute-forcing a stolen token practical (RFC 7518
# section 3.2), so shorter secrets are refused rather than warned about.
_MIN_HMAC_SECRET_BYTES = 32
_HMAC_ALGORITHMS = frozenset({"HS256", "HS384", "HS512"})
_ASYMMETRIC_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"}
)
_LOG_LEVELS = frozenset({"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"})
_QUEUE_NAME = re.compile(r"^[A-Za-z0-9_.:-]{1,255}$")
# Kafka's own rule for topic names (Topic.validate in the broker).
_TOPIC_NAME = re.compile(r"^[A-Za-z0-9._-]{1,249}$")
_DEV_SECRET = "dev-only-insecure-jwt-secret-change-me-0123456789"


class SettingsError(ValueError):
    """A configuration value is missing or invalid; names the variable and the reason."""

    def __init__(self, variable: str, reason: str) -> None:
        super().__init__(f"{variable}: {reason}")
        self.variable = variable
        self.reason = reason


@dataclass(frozen=True)
class KafkaSettings:
    bootstrap_servers: str = "localhost:9092"
    topic_partitions: int = 4
    replication_factor: int = 1
    logs_topic: str = "log-analysis.logs"
    insights_topic: str = "log-analysis.insights"
    dead_letter_topic: str = "log-analysis.dead-letter"

    @property
    def broker_url(self) -> str:
        """The bootstrap list in the ``kafka://host:port;host:port`` form Faust expects."""
        return "kafka://" + ";".join(self.bootstrap_servers.split(","))


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = "postgresql://log_analysis:log_analysis@localhost:5432/log_analysis"
    pool_min: int = 1
    pool_max: int = 10


@dataclass(frozen=True)
class RabbitSettings:
    url: str = "amqp://guest:guest@localhost:5672/"
    log_queue: str = "log_analysis_queue"
    alerts_queue: str = "alerts_queue"
    recommendation_queue: str = "recommendation_queue"


@dataclass(frozen=True)
class JwtSettings:
    secret: str = field(default=_DEV_SECRET, repr=False)
    public_key: str | None = field(default=None, repr=False)
    algorithm: str = "HS256"
    audience: str | None = None
    issuer: str | None = None
    leeway_seconds: int = 30

    @property
    def verification_key(self) -> str:
        return self.public_key if self.public_key is not None else self.secret

    @property
    def uses_dev_secret(self) -> bool:
        return self.algorithm in _HMAC_ALGORITHMS and self.secret == _DEV_SECRET


@dataclass(frozen=True)
class AnalysisSettings:
    """The knobs of the anomaly core an operator is expected to turn; the rest keep the core's
    tuned defaults (``pipeline.analysis.AnalysisConfig``)."""

    window_seconds: int = 60
    allowed_lateness_seconds: int = 10
    max_future_seconds: int = 300
    anomaly_threshold: float = 0.45
    max_services: int = 10_000

    def config(self) -> AnalysisConfig:
        return AnalysisConfig(
            window_seconds=self.window_seconds,
            allowed_lateness_seconds=float(self.allowed_lateness_seconds),
            max_future_seconds=float(self.max_future_seconds),
            threshold=self.anomaly_threshold,
            max_services=self.max_services,
        )


@dataclass(frozen=True)
class TemplateSettings:
    """Bounds of the template miner, and masks for identifiers specific to the user's systems."""

    max_tokens: int = 128
    max_templates_per_service: int = 2000
    max_services: int = 1000
    # (regex, name) pairs, applied before the built-in masks.
    extra_masks: tuple[tuple[str, str], ...] = ()

    def config(self) -> MinerConfig:
        return MinerConfig(
            max_tokens=self.max_tokens,
            max_templates_per_service=self.max_templates_per_service,
            max_services=self.max_services,
            extra_masks=self.extra_masks,
        )


@dataclass(frozen=True)
class WebSettings:
    host: str = "0.0.0.0"  # in a container it must listen beyond loopback
    port: int = 8000


@dataclass(frozen=True)
class Settings:
    app_id: str = "log-analysis"
    kafka: KafkaSettings = KafkaSettings()
    database: DatabaseSettings = DatabaseSettings()
    rabbitmq: RabbitSettings = RabbitSettings()
    jwt: JwtSettings = JwtSettings()
    analysis: AnalysisSettings = AnalysisSettings()
    templates: TemplateSettings = TemplateSettings()
    web: WebSettings = WebSettings()
    log_format: str = "text"
    log_level: str = "INFO"
    data_dir: Path = _REPO_ROOT / ".stack" / "faust"
    sql_dir: Path = _REPO_ROOT / "sql"


# --- parsing helpers --------------------------------------------------------------------------


class _Env:
    """Reads typed values from an environment mapping, failing with the variable's name."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self._environ = environ

    def raw(self, name: str) -> str | None:
        value = self._environ.get(name)
        if value is None:
            return None
        value = value.strip()
        return value or None

    def get(self, name: str, default: T, parse: Callable[[str, str], T]) -> T:
        value = self.raw(name)
        return default if value is None else parse(name, value)


def _bounded(convert: Callable[[str], N], what: str, low: N, high: N) -> Callable[[str, str], N]:
    def parse(name: str, value: str) -> N:
        try:
            number = convert(value)
        except ValueError:
            raise SettingsError(name, f"expected {what}, got {value!r}") from None
        if not low <= number <= high:
            raise SettingsError(name, f"must be between {low} and {high}, got {number}")
        return number

    return parse


def _int_in(low: int, high: int) -> Callable[[str, str], int]:
    return _bounded(int, "an integer", low, high)


def _float_in(low: float, high: float) -> Callable[[str, str], float]:
    return _bounded(float, "a number", low, high)


def _matching(pattern: re.Pattern[str], what: str) -> Callable[[str, str], str]:
    def parse(name: str, value: str) -> str:
        if not pattern.fullmatch(value):
            raise SettingsError(name, f"{value!r} is not a valid {what}")
        return value

    return parse


def _one_of(choices: frozenset[str], *, upper: bool = False) -> Callable[[str, str], str]:
    def parse(name: str, value: str) -> str:
        candidate = value.upper() if upper else value.lower()
        if candidate not in choices:
            raise SettingsError(name, f"must be one of {', '.join(sorted(choices))}, got {value!r}")
        return candidate

    return parse


def _url(schemes: frozenset[str]) -> Callable[[str, str], str]:
    def parse(name: str, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in schemes:
            raise SettingsError(
                name, f"scheme must be one of {', '.join(sorted(schemes))}, got {parts.scheme!r}"
            )
        try:
            parts.port  # noqa: B018 - urlsplit only validates the port when it is read
        except ValueError:
            raise SettingsError(name, "the port is not a number between 0 and 65535") from None
        if not parts.hostname:
            raise SettingsError(name, "has no host")
        return value

    return parse


def _bootstrap(name: str, value: str) -> str:
    servers = [server.strip() for server in value.split(",") if server.strip()]
    if not servers:
        raise SettingsError(name, "needs at least one host:port")
    for server in servers:
        host, sep, port = server.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise SettingsError(name, f"{server!r} is not host:port")
    return ",".join(servers)


def _masks(name: str, value: str) -> tuple[tuple[str, str], ...]:
    """A JSON object of mask name -> regular expression, e.g. ``{"ORDER": "ORD-[0-9]{8}"}``."""
    try:
        parsed = orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        raise SettingsError(name, f"expected a JSON object of name -> regex: {exc}") from None
    if not isinstance(parsed, dict):
        raise SettingsError(name, "expected a JSON object of name -> regex")
    masks = []
    for mask_name, pattern in parsed.items():
        if not isinstance(pattern, str) or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", mask_name):
            raise SettingsError(name, f"mask {mask_name!r}: names are identifiers, values regexes")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SettingsError(name, f"mask {mask_name!r}: invalid regex: {exc}") from None
        masks.append((pattern, mask_name))
    return tuple(masks)


def _text(name: str, value: str) -> str:
    return value


def _existing_dir(name: str, value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise SettingsError(name, f"{value!r} is not a directory")
    return path


def _read_key_file(name: str, value: str) -> str:
    try:
        return Path(value).read_text(encoding="utf-8")
    except OSError as exc:
        raise SettingsError(name, f"cannot read {value!r}: {exc.strerror}") from None


def _jwt_settings(env: _Env) -> JwtSettings:
    algorithm = env.get(
        JWT_ALGORITHM, "HS256", _one_of(_HMAC_ALGORITHMS | _ASYMMETRIC_ALGORITHMS, upper=True)
    )
    if algorithm == "EDDSA":
        algorithm = "EdDSA"
    public_key = env.get(JWT_PUBLIC_KEY_FILE, None, _read_key_file)
    secret = env.get(JWT_SECRET, _DEV_SECRET, _text)
    if algorithm in _HMAC_ALGORITHMS:
        if len(secret.encode()) < _MIN_HMAC_SECRET_BYTES:
            raise SettingsError(
                JWT_SECRET, f"must be at least {_MIN_HMAC_SECRET_BYTES} bytes for {algorithm}"
            )
    elif public_key is None:
        raise SettingsError(JWT_PUBLIC_KEY_FILE, f"is required for {algorithm}")
    return JwtSettings(
        secret=secret,
        public_key=public_key,
        algorithm=algorithm,
        audience=env.raw(JWT_AUDIENCE),
        issuer=env.raw(JWT_ISSUER),
        leeway_seconds=env.get(JWT_LEEWAY_SECONDS, 30, _int_in(0, 3600)),
    )


def load_settings(environ: Mapping[str, str]) -> Settings:
    """Build the settings from an environment mapping (usually ``os.environ``)."""
    env = _Env(environ)
    defaults = Settings()
    topic = _matching(_TOPIC_NAME, "Kafka topic name")
    queue = _matching(_QUEUE_NAME, "queue name")
    kafka = KafkaSettings(
        bootstrap_servers=env.get(KAFKA_BOOTSTRAP_SERVERS, "localhost:9092", _bootstrap),
        topic_partitions=env.get(KAFKA_TOPIC_PARTITIONS, 4, _int_in(1, 1024)),
        replication_factor=env.get(KAFKA_REPLICATION_FACTOR, 1, _int_in(1, 16)),
        logs_topic=env.get(KAFKA_LOGS_TOPIC, KafkaSettings.logs_topic, topic),
        insights_topic=env.get(KAFKA_INSIGHTS_TOPIC, KafkaSettings.insights_topic, topic),
        dead_letter_topic=env.get(KAFKA_DEAD_LETTER_TOPIC, KafkaSettings.dead_letter_topic, topic),
    )
    postgres_url = _url(frozenset({"postgresql", "postgres"}))
    database = DatabaseSettings(
        url=env.get(DATABASE_URL, DatabaseSettings.url, postgres_url),
        pool_min=env.get(DATABASE_POOL_MIN, 1, _int_in(0, 100)),
        pool_max=env.get(DATABASE_POOL_MAX, 10, _int_in(1, 100)),
    )
    if database.pool_min > database.pool_max:
        raise SettingsError(DATABASE_POOL_MIN, f"must not exceed {DATABASE_POOL_MAX}")
    rabbitmq = RabbitSettings(
        url=env.get(RABBITMQ_URL, RabbitSettings.url, _url(frozenset({"amqp", "amqps"}))),
        log_queue=env.get(LOG_QUEUE, RabbitSettings.log_queue, queue),
        alerts_queue=env.get(ALERTS_QUEUE, RabbitSettings.alerts_queue, queue),
        recommendation_queue=env.get(
            RECOMMENDATION_QUEUE, RabbitSettings.recommendation_queue, queue
        ),
    )
    window = env.get(WINDOW_SECONDS, 60, _int_in(1, 86_400))
    analysis = AnalysisSettings(
        window_seconds=window,
        allowed_lateness_seconds=env.get(ALLOWED_LATENESS_SECONDS, 10, _int_in(0, 86_400)),
        max_future_seconds=env.get(MAX_FUTURE_SECONDS, 300, _int_in(0, 86_400)),
        anomaly_threshold=env.get(
            ANOMALY_THRESHOLD, AnalysisSettings.anomaly_threshold, _float_in(0.0, 1.0)
        ),
        max_services=env.get(ANALYSIS_MAX_SERVICES, 10_000, _int_in(1, 10_000_000)),
    )
    templates = TemplateSettings(
        max_tokens=env.get(TEMPLATE_MAX_TOKENS, 128, _int_in(1, 100_000)),
        max_templates_per_service=env.get(
            TEMPLATE_MAX_TEMPLATES_PER_SERVICE, 2000, _int_in(1, 10_000_000)
        ),
        max_services=env.get(TEMPLATE_MAX_SERVICES, 1000, _int_in(1, 10_000_000)),
        extra_masks=env.get(TEMPLATE_EXTRA_MASKS, (), _masks),
    )
    web = WebSettings(
        host=env.get(WEB_HOST, WebSettings.host, _text),
        port=env.get(WEB_PORT, 8000, _int_in(1, 65_535)),
    )
    return Settings(
        app_id=env.get(APP_ID, defaults.app_id, topic),
        kafka=kafka,
        database=database,
        rabbitmq=rabbitmq,
        jwt=_jwt_settings(env),
        analysis=analysis,
        templates=templates,
        web=web,
        log_format=env.get(LOG_FORMAT, "text", _one_of(frozenset({"text", "json"}))),
        log_level=env.get(LOG_LEVEL, "INFO", _one_of(_LOG_LEVELS, upper=True)),
        data_dir=env.get(DATA_DIR, defaults.data_dir, lambda _name, value: Path(value)),
        sql_dir=env.get(SQL_DIR, defaults.sql_dir, _existing_dir),
    )


def environment_variables() -> tuple[str, ...]:
    """Every variable :func:`load_settings` reads, for documentation checks."""
    return tuple(
        value
        for name, value in globals().items()
        if name.isupper() and isinstance(value, str) and not name.startswith("_")
    )


__all__ = [
    "AnalysisSettings",
    "DatabaseSettings",
    "JwtSettings",
    "KafkaSettings",
    "RabbitSettings",
    "Settings",
    "SettingsError",
    "TemplateSettings",
    "WebSettings",
    "environment_variables",
    "load_settings",
]
