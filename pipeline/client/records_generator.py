"""Synthetic log records for ``bench``: many message shapes, a realistic level mix. Pure, no IO.

Deterministic for a seed. Values (ids, durations, paths) come from pools drawn once from the
seeded generator, so each record costs a few random draws and one ``str.format``: 100,000
records take a fraction of a second. Every record carries ``{"bench_run": run_id, "seq": n}``
in its metadata, which makes its derived event id unique and lets ``bench`` find it in
PostgreSQL. Records have no ``event_id``; about one in ten has no timestamp (the service then
uses the time it received it). Service names start with ``bench-`` so benchmark traffic never
mixes with the baselines of real services.
"""

from __future__ import annotations

import random
import string
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import orjson

# Cumulative level shares: 80% INFO, 12% DEBUG, 6% WARNING, 2% ERROR.
LEVEL_SHARES: tuple[tuple[float, str], ...] = (
    (0.80, "INFO"),
    (0.92, "DEBUG"),
    (0.98, "WARNING"),
    (1.00, "ERROR"),
)
NO_TIMESTAMP_SHARE = 0.10
TRACE_SHARE = 0.5
SERVICE_PREFIX = "bench-"

TEMPLATES: dict[str, tuple[str, ...]] = {
    "INFO": (
        "{method} {path} {status} {ms}ms",
        "User {user} logged in from {ip}",
        "Order {order} created with {count} items, total {amount} EUR",
        "Payment {order} authorised by provider in {ms} ms",
        "Request {request_id} completed in {ms} ms",
        "Cache miss for key {cache_key}, loaded from database in {ms} ms",
        "Sent email {uuid} to user {user}",
        "Job {job} finished: processed {count} rows in {ms} ms",
        "Connected to {host}:{port} in {ms} ms",
        "Uploaded {file} ({bytes} bytes) to bucket {bucket}",
        "Consumer {consumer} committed offset {offset} on partition {partition}",
        "Health check passed: {up} of {total} dependencies up",
        "Session {hex} refreshed for user {user}, expires in {seconds}s",
        "Feature flag {flag} evaluated to {bool} for user {user}",
        "Scheduled task {job} started on worker {worker}",
        "Search for '{word}' returned {count} results in {ms} ms",
    ),
    "DEBUG": (
        "SQL SELECT on {table} returned {count} rows in {ms} ms",
        "Acquired lock {lock} after {ms} ms",
        "Route matched {path} -> handler {handler}",
        "Parsed {bytes} bytes of JSON payload for request {request_id}",
        "Cache hit for key {cache_key}",
        "Retry policy for {host}: attempt {attempt} of 5",
        "Serialized response for {request_id} in {us} us",
        "Connection pool {pool}: {active} active, {idle} idle",
    ),
    "WARNING": (
        "Slow query on {table}: {ms} ms (threshold 500 ms)",
        "Retrying request to {host} after {ms} ms (attempt {attempt})",
        "Disk usage on {mount} at {percent}%",
        "Rate limit approaching for client {client}: {count} requests in 60s",
        "Deprecated API {path} called by client {client}",
        "Memory usage {percent}% of {mb} MB limit",
    ),
    "ERROR": (
        "Failed to process order {order}: payment declined (code {code})",
        "Timeout after {ms} ms calling {host}:{port}",
        "Unhandled exception in {handler}: KeyError '{word}'",
        "Database connection to {host} lost: {errno}",
        "Could not write {file}: No space left on device",
    ),
}

SERVICE_NAMES = (
    "gateway",
    "auth",
    "payments",
    "orders",
    "search",
    "notifications",
    "inventory",
    "shipping",
    "billing",
    "users",
    "catalog",
    "checkout",
    "recommendations",
    "reviews",
    "media",
    "analytics",
)
_WORDS = (
    "alpha",
    "beta",
    "gamma",
    "delta",
    "users",
    "orders",
    "items",
    "carts",
    "stock",
    "prices",
    "books",
    "music",
    "shoes",
    "phones",
    "maps",
    "cards",
    "news",
    "photos",
    "tickets",
    "offers",
)
_POOL_BITS = 12  # 4096 values per placeholder


def _pools(rng: random.Random) -> dict[str, tuple[str, ...]]:
    """Pre-drawn values for every placeholder."""

    def word() -> str:
        return rng.choice(_WORDS)

    def one_of(*values: object) -> Callable[[], object]:
        return lambda: rng.choice(values)

    def between(low: int, high: int, pattern: str = "{}") -> Callable[[], str]:
        return lambda: pattern.format(rng.randint(low, high))

    def hexid(digits: int) -> Callable[[], str]:
        return lambda: f"{rng.getrandbits(4 * digits):0{digits}x}"

    def words(pattern: str) -> Callable[[], str]:
        return lambda: pattern.format(word(), rng.randint(1, 99_999))

    def path() -> str:
        tail = rng.choice(("", "", f"/{word()}", "/items", "/status"))
        return f"/api/v{rng.randint(1, 3)}/{word()}/{rng.randint(1, 99_999)}{tail}"

    def ip() -> str:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"

    def uuid4() -> str:
        a, b, c = rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12)
        d, e = 0x8000 | rng.getrandbits(14), rng.getrandbits(48)
        return f"{a:08x}-{b:04x}-4{c:03x}-{d:04x}-{e:012x}"

    makers: dict[str, Callable[[], object]] = {
        "method": one_of("GET", "GET", "GET", "POST", "PUT", "DELETE"),
        "path": path,
        "status": one_of(200, 200, 200, 201, 204, 304, 400, 404, 500),
        "ms": lambda: max(1, int(rng.lognormvariate(3.0, 1.1))),
        "us": between(20, 9_000),
        "user": between(1, 250_000, "u{:06d}"),
        "ip": ip,
        "order": between(1, 9_999_999, "ORD-{:07d}"),
        "count": between(0, 5_000),
        "amount": lambda: f"{rng.uniform(1, 900):.2f}",
        "request_id": hexid(16),
        "cache_key": words("{}:{}"),
        "uuid": uuid4,
        "job": words("{}-export-{}"),
        "host": lambda: f"{rng.choice(('db', 'cache', 'api', 'mq'))}-{rng.randint(1, 9)}.internal",
        "port": one_of(5432, 6379, 8080, 443, 5672, 9092),
        "file": lambda: f"/var/lib/app/{word()}/{rng.getrandbits(32):08x}.bin",
        "bytes": between(100, 50_000_000),
        "bucket": lambda: f"{word()}-uploads",
        "consumer": words("{}-consumer-{}"),
        "offset": between(0, 90_000_000),
        "partition": between(0, 31),
        "up": between(3, 6),
        "total": one_of(6),
        "hex": hexid(12),
        "seconds": one_of(300, 900, 1800, 3600),
        "flag": lambda: f"new-{word()}-page",
        "bool": one_of("true", "false"),
        "worker": between(1, 64, "worker-{}"),
        "word": word,
        "table": one_of("users", "orders", "payments", "sessions", "items"),
        "lock": words("lock:{}:{}"),
        "handler": lambda: f"{word()}_handler",
        "attempt": between(1, 5),
        "pool": lambda: f"pg-{word()}",
        "active": between(0, 20),
        "idle": between(0, 20),
        "mount": one_of("/", "/var", "/data", "/tmp"),
        "percent": between(80, 99),
        "client": between(1, 400, "client-{}"),
        "mb": one_of(512, 1024, 2048, 4096),
        "code": one_of("05", "51", "54", "61", "91"),
        "errno": one_of(
            "connection reset by peer", "broken pipe", "server closed the connection unexpectedly"
        ),
    }
    size = 1 << _POOL_BITS
    return {name: tuple(str(make()) for _ in range(size)) for name, make in makers.items()}


def _placeholders(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def service_names(count: int) -> list[str]:
    """``count`` distinct service names (``bench-gateway``, ... then ``bench-gateway-2``)."""
    names = []
    for index in range(count):
        base = SERVICE_NAMES[index % len(SERVICE_NAMES)]
        round_ = index // len(SERVICE_NAMES)
        names.append(f"{SERVICE_PREFIX}{base}" + (f"-{round_ + 1}" if round_ else ""))
    return names


class _Clock:
    """ISO-8601 UTC text with milliseconds; the per-second prefix is computed once."""

    def __init__(self) -> None:
        self._second = -1
        self._prefix = ""

    def iso(self, ts: float) -> str:
        second, millis = divmod(round(ts * 1000), 1000)
        if second != self._second:
            self._second = second
            self._prefix = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
        return f"{self._prefix}.{millis:03d}Z"


def generate_records(
    count: int,
    *,
    services: int,
    run_id: str,
    seed: int = 0,
    start: float | None = None,
    records_per_second: float | None = None,
) -> Iterator[dict[str, Any]]:
    """``count`` records spread over ``services`` services, tagged with ``run_id`` and ``seq``.

    Timestamps start at ``start`` (default: now) and advance by ``1 / records_per_second``
    (when publishing is paced at that rate), else by one microsecond per record.
    """
    if count < 0 or services < 1:
        raise ValueError("count must be >= 0 and services >= 1")
    rng = random.Random(seed)
    pools = _pools(rng)
    by_level = {
        level: [(template, _placeholders(template)) for template in templates]
        for level, templates in TEMPLATES.items()
    }
    names = service_names(services)
    hosts = {name: [f"{name}-{rng.getrandbits(16):04x}-{i}" for i in range(4)] for name in names}
    begin = time.time() if start is None else start
    step = 1.0 / records_per_second if records_per_second else 1e-6
    clock = _Clock()
    random_ = rng.random
    bits = rng.getrandbits
    for seq in range(count):
        draw = random_()
        level = "ERROR"
        for share, name in LEVEL_SHARES:
            if draw < share:
                level = name
                break
        templates = by_level[level]
        template, fields = templates[int(random_() * len(templates))]
        values = {field: pools[field][bits(_POOL_BITS)] for field in fields}
        service = names[int(random_() * services)]
        record: dict[str, Any] = {}
        if random_() >= NO_TIMESTAMP_SHARE:
            record["timestamp"] = clock.iso(begin + seq * step)
        record["service_name"] = service
        record["level"] = level
        record["message"] = template.format_map(values)
        record["host"] = hosts[service][bits(2)]
        if random_() < TRACE_SHARE:
            record["trace_id"] = f"{bits(128):032x}"
        record["metadata"] = {"bench_run": run_id, "seq": seq}
        yield record


def encode_messages(records: Iterable[dict[str, Any]], batch: int) -> Iterator[tuple[bytes, int]]:
    """Message bodies of up to ``batch`` records each (a JSON array, even of one record), with
    the number of records in each; only the last one can be shorter."""
    if batch < 1:
        raise ValueError("batch must be >= 1")
    chunk: list[dict[str, Any]] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == batch:
            yield orjson.dumps(chunk), batch
            chunk = []
    if chunk:
        yield orjson.dumps(chunk), len(chunk)
