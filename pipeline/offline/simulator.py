"""Simulated multi-service logs with labelled incidents and benign changes, for the tests, the
benchmark and the ``simulate`` command. Deterministic for a seed; ``simulate`` generates in
memory and ``write_simulation`` writes the files.

Benign behaviour: a daily cycle, bursty (over-dispersed) traffic, a slow ramp, deploys that add
INFO templates (with a restart), plain restarts, and a periodic batch job.  Incidents: one of
each kind at normal strength and one subtle (small spike, partial drop, a new error at about 1%
of traffic, a mild error-rate rise, a moderate pattern shift), never overlapping a benign change
of the same service.

Variants (``SimConfig.variant``), each a traffic shape real services have:

- ``standard``: the above.
- ``holdout``: changes rates, noise, magnitudes, template wording and the batch period, adds
  shifted templates on top of the traffic and mixes a never-seen generic error into error
  bursts, for scenarios not seen during tuning.
- ``cycles``: every service's volume follows a smooth cycle of 1.5 to 3 hours with about +-30%
  amplitude.
- ``new_normal``: after each incident the service's traffic settles at a level 20-35% away from
  where it was before (load moved elsewhere).
- ``subtle``: bursty minute-to-minute volume, an hourly batch job, and only subtle incidents: a
  new error at about 1% of a service's lines, a 15% shift of its template mix.
- ``daily``: three days of realistic volume: a daily cycle with long quiet nights, lower
  weekends, bursty low counts, a service whose data ends hours before the others', and a few
  labelled volume and error incidents by day.

``heldout=True`` applies the holdout generator's changes (rates, noise, wording) to any variant,
for seeds never looked at while tuning.
"""

from __future__ import annotations

import math
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from pipeline.analysis.records import iso

START = 1_767_225_600.0  # 2026-01-01T00:00:00Z
_FORMATTER = string.Formatter()

# (level, template) per service; {placeholders} are filled with random values.
_BASE_TEMPLATES: dict[str, list[tuple[str, str, float]]] = {
    "auth": [
        ("INFO", "User {uid} logged in from {ip}", 30),
        ("INFO", "Issued access token for user {uid} valid for {n}s", 20),
        ("DEBUG", "Session cache hit for key {hex}", 25),
        ("INFO", "Password check for user {uid} took {ms} ms", 12),
        ("WARNING", "Slow directory lookup for user {uid}: {ms} ms", 3),
        ("ERROR", "Invalid credentials for user {uid} from {ip}", 1),
    ],
    "payments": [
        ("INFO", "Payment {order} authorised for {amount} EUR", 25),
        ("INFO", "Charge {order} captured by provider in {ms} ms", 20),
        ("DEBUG", "Fraud score for order {order} is {score}", 20),
        ("INFO", "Refund {order} queued for customer {uid}", 6),
        ("WARNING", "Provider latency high: {ms} ms for order {order}", 3),
        ("ERROR", "Card declined for order {order} code {code}", 1),
    ],
    "orders": [
        ("INFO", "Order {order} created by customer {uid} with {n} items", 25),
        ("INFO", "Order {order} status changed to shipped", 15),
        ("DEBUG", "Inventory reserved for sku {sku} qty {n}", 25),
        ("INFO", "GET /api/orders/{order} 200 {ms}ms", 20),
        ("WARNING", "Inventory low for sku {sku}: {n} left", 3),
        ("ERROR", "Failed to update order {order}: version conflict", 1),
    ],
    "search": [
        ("INFO", "Query '{word}' returned {n} hits in {ms} ms", 35),
        ("DEBUG", "Shard {n} responded in {ms} ms", 30),
        ("INFO", "Index refresh completed for segment {hex}", 8),
        ("INFO", "Autocomplete for prefix '{word}' served from cache", 15),
        ("WARNING", "Query '{word}' exceeded soft limit of {n} ms", 3),
        ("ERROR", "Shard {n} unavailable, partial results returned", 1),
    ],
    "notifications": [
        ("INFO", "Email {hex} sent to user {uid}", 30),
        ("INFO", "Push notification {hex} delivered to device {hex2}", 25),
        ("DEBUG", "Template {word} rendered in {ms} ms", 20),
        ("INFO", "SMS {hex} accepted by gateway", 10),
        ("WARNING", "Retrying delivery of {hex} attempt {n}", 3),
        ("ERROR", "Bounce received for email {hex} to user {uid}", 1),
    ],
    "gateway": [
        ("INFO", "GET /v1/{word} 200 {ms}ms upstream={word2}", 40),
        ("INFO", "POST /v1/{word} 201 {ms}ms upstream={word2}", 20),
        ("DEBUG", "Route matched /v1/{word} -> {word2}", 20),
        ("INFO", "Rate limiter bucket {hex} has {n} tokens left", 8),
        ("WARNING", "Upstream {word2} slow: {ms} ms", 3),
        ("ERROR", "GET /v1/{word} 502 upstream {word2} reset connection", 1),
    ],
}
_RATES = {
    "auth": 120,
    "payments": 80,
    "orders": 150,
    "search": 200,
    "notifications": 60,
    "gateway": 250,
}
# A new error introduced by an incident, per service (never part of normal traffic).
_NEW_ERRORS = {
    "auth": ("ERROR", "JWT signature verification failed for token {hex}: key {hex2} expired"),
    "payments": ("ERROR", "Timeout after {ms} ms calling provider for order {order}"),
    "orders": ("CRITICAL", "Database connection pool exhausted after {ms} ms wait"),
    "search": ("ERROR", "OutOfMemoryError while merging segment {hex}"),
    "notifications": ("ERROR", "Connection refused by smtp relay {ip}:{n}"),
    "gateway": ("ERROR", "Rate limit exceeded for client {hex}: 429 returned"),
}
_EXTRA_NEW_ERRORS = [
    ("ERROR", "Disk quota exceeded while writing {word} spool file {hex}"),
    ("CRITICAL", "TLS handshake with {word2}.internal failed: certificate expired"),
]
_GENERIC_ERROR = ("ERROR", "Unhandled exception in request handler {word}: {word2} failed", 1.0)
_DEPLOY_TEMPLATES = [
    ("INFO", "Feature flag {word} evaluated to {word2} for user {uid}"),
    ("DEBUG", "New cache layer lookup for key {hex} took {ms} ms"),
]
_STARTUP = [
    ("INFO", "Starting service version {ver}"),
    ("INFO", "Loaded configuration from /etc/app/{word}.yaml"),
    ("INFO", "Listening on port {n}"),
    ("INFO", "Connected to database {word2} in {ms} ms"),
]
_BATCH = ("INFO", "Batch export processed chunk {n} of {n2} in {ms} ms")
# The batch job runs in these minutes of every period.
BATCH_MINUTES = (10, 11)
_WORDS = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "omega",
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
]


@dataclass(frozen=True, slots=True)
class TruthIncident:
    service: str
    kind: str
    start: float
    end: float
    subtle: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "service": self.service,
            "kind": self.kind,
            "start": iso(self.start),
            "end": iso(self.end),
            "subtle": self.subtle,
        }


@dataclass(frozen=True, slots=True)
class BenignEvent:
    service: str
    kind: str
    start: float
    end: float
    # A periodic event (the batch job) recurs every this many minutes; 0: once.
    every_minutes: int = 0

    def to_dict(self) -> dict[str, Any]:
        event: dict[str, Any] = {
            "service": self.service,
            "kind": self.kind,
            "start": iso(self.start),
            "end": iso(self.end),
        }
        if self.every_minutes:
            event["every_minutes"] = self.every_minutes
        return event


VARIANTS = ("standard", "holdout", "cycles", "new_normal", "subtle", "daily")
# Hours a variant lasts unless asked otherwise (`daily` needs days for its seasons).
DEFAULT_HOURS = {"daily": 72.0}


@dataclass(frozen=True, slots=True)
class SimConfig:
    seed: int = 1
    hours: float = 6.0
    start: float = START
    variant: str = "standard"
    rate_scale: float = 1.0
    warmup_minutes: int = 60
    heldout: bool = False

    def __post_init__(self) -> None:
        if self.variant not in VARIANTS:
            raise ValueError(f"unknown variant {self.variant!r}; known: {', '.join(VARIANTS)}")

    @property
    def twisted(self) -> bool:
        """The holdout generator's changes apply (rates, noise, wording)."""
        return self.heldout or self.variant == "holdout"


@dataclass(slots=True)
class _Effect:
    """A change to one service over [start, end) minutes."""

    kind: str
    start: int
    end: int
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class _Service:
    name: str
    rate: float
    noise: float
    phase: float
    templates: list[tuple[str, str, float]]
    aliases: int
    effects: list[_Effect] = field(default_factory=list)
    # Traffic shape (variants): a cycle of `period` minutes and `amplitude`, or a day with nights
    # at `night` of the daytime level and weekends at `weekend` of a weekday.
    period: float = 0.0
    amplitude: float = 0.0
    night: float = 0.0
    weekend: float = 1.0
    # (minute, factor): from that minute on, the level is multiplied by factor (new_normal).
    settles: list[tuple[int, float]] = field(default_factory=list)
    # The minute the service's data ends (daily), if it does.
    ends: int | None = None


def _values(rng: np.random.Generator) -> dict[str, Callable[[], str]]:
    return {
        "uid": lambda: str(int(rng.integers(1000, 99999))),
        "ip": lambda: "10.{}.{}.{}".format(*rng.integers(0, 255, 3)),
        "n": lambda: str(int(rng.integers(1, 500))),
        "n2": lambda: str(int(rng.integers(500, 900))),
        "ms": lambda: str(int(rng.integers(2, 3000))),
        "hex": lambda: f"{int(rng.integers(0, 2**40)):010x}",
        "hex2": lambda: f"{int(rng.integers(0, 2**40)):010x}",
        "order": lambda: f"ord-{int(rng.integers(10000, 999999))}",
        "amount": lambda: f"{rng.uniform(1, 500):.2f}",
        "score": lambda: f"{rng.uniform(0, 1):.3f}",
        "code": lambda: str(int(rng.integers(1, 60))),
        "sku": lambda: f"SKU{int(rng.integers(1000, 9999))}",
        "word": lambda: _WORDS[int(rng.integers(0, len(_WORDS)))],
        "word2": lambda: _WORDS[int(rng.integers(0, len(_WORDS)))],
        "ver": lambda: "2.{}.{}".format(*rng.integers(0, 20, 2)),
    }


def _render(text: str, values: dict[str, Callable[[], str]]) -> str:
    names = [name for _, name, _, _ in _FORMATTER.parse(text) if name]
    return text.format(**{name: values[name]() for name in names})


def _reword(text: str) -> str:
    """Holdout wording: same structure, different words, so tuning cannot memorise texts."""
    swaps = {
        "User": "Account",
        "Order": "Purchase",
        "for": "on",
        "in": "within",
        "Query": "Search",
        "sent": "dispatched",
        "GET": "PUT",
    }
    return " ".join(swaps.get(w, w) for w in text.split(" "))


_KINDS = ["volume_spike", "volume_drop", "error_rate", "new_error_pattern", "pattern_shift"]


def _slots(config: SimConfig) -> list[tuple[str, bool]]:
    """The incidents of a scenario: (kind, subtle)."""
    if config.variant == "subtle":
        return [("new_error_pattern", True), ("pattern_shift", True)] * 3
    if config.variant == "daily":
        kinds = ["volume_spike", "volume_drop", "error_rate", "new_error_pattern"]
        return [(kind, False) for kind in kinds + kinds[:2]]
    # Ten incidents (each kind normal and subtle).
    return [(kind, k >= len(_KINDS)) for k, kind in enumerate(_KINDS * 2)]


def _schedule(
    config: SimConfig, rng: np.random.Generator
) -> tuple[list[_Service], list[TruthIncident], list[BenignEvent]]:
    # The standard and holdout variants draw exactly as they always did (their seeds are the
    # benchmark's history); the other variants' extra draws come after or from their own paths.
    variant = config.variant
    holdout = config.twisted
    daily = variant == "daily"
    minutes = int(config.hours * 60)
    services = []
    for i, (name, templates) in enumerate(_BASE_TEMPLATES.items()):
        rate = _RATES[name] * config.rate_scale * (rng.uniform(0.6, 1.6) if holdout else 1.0)
        texts = [(lvl, _reword(t) if holdout else t, w) for lvl, t, w in templates]
        services.append(
            _Service(
                name,
                rate,
                float(rng.uniform(0.04, 0.12 if holdout else 0.08)),
                float(rng.uniform(0, 2 * math.pi)),
                texts,
                i % 3,
            )
        )
    _shape_services(services, config, rng, minutes)
    truths: list[TruthIncident] = []
    benign: list[BenignEvent] = []
    # Incidents spread over services and time after warm-up (a day of it for `daily`, and by
    # day there, when people look).
    warmup = max(config.warmup_minutes, 24 * 60) if daily else config.warmup_minutes
    slots = _slots(config)
    usable = minutes - warmup - 30
    order = rng.permutation(len(slots))
    busy: dict[str, list[tuple[int, int]]] = {s.name: [] for s in services}

    def place(service: _Service, length: int, gap: int = 25) -> int | None:
        for _ in range(200):
            start = warmup + int(rng.integers(0, max(usable - length, 1)))
            if daily and not 9 * 60 <= start % 1440 <= 17 * 60:
                continue
            if service.ends is not None and start + length + gap > service.ends:
                continue
            if all(start + length + gap <= a or start >= b + gap for a, b in busy[service.name]):
                busy[service.name].append((start, start + length))
                return start
        return None

    for slot in order:
        kind, subtle = slots[int(slot)]
        service = services[int(rng.integers(0, len(services)))]
        length = 10 if variant == "subtle" else int(rng.integers(5, 16))
        start = place(service, length)
        if start is None:
            continue
        params: dict[str, Any] = {}
        if kind == "volume_spike":
            params["factor"] = float(rng.uniform(1.6, 1.8) if subtle else rng.uniform(2.5, 4))
        elif kind == "volume_drop":
            params["factor"] = float(rng.uniform(0.35, 0.5) if subtle else rng.choice([0.0, 0.1]))
        elif kind == "error_rate":
            params["share"] = float(rng.uniform(0.05, 0.07) if subtle else rng.uniform(0.12, 0.3))
        elif kind == "new_error_pattern":
            params["share"] = 0.01 if subtle else float(rng.uniform(0.03, 0.1))
            # A second new error on the same service must really be new.
            used = sum(1 for e in service.effects if e.kind == "new_error_pattern")
            params["error"] = (_NEW_ERRORS[service.name], *_EXTRA_NEW_ERRORS)[used]
        else:
            if variant == "subtle":
                params["share"] = float(rng.uniform(0.14, 0.16))
            else:
                params["share"] = float(rng.uniform(0.22, 0.3) if subtle else rng.uniform(0.4, 0.6))
            params["template"] = int(rng.integers(0, 4))
        service.effects.append(_Effect(kind, start, start + length, params))
        t0 = config.start + 60 * start
        truths.append(TruthIncident(service.name, kind, t0, t0 + 60 * length, subtle))
        if variant == "new_normal":
            # After it, traffic settles 20-35% away from where it was.
            factor = float(rng.uniform(0.65, 0.8) if rng.random() < 0.5 else rng.uniform(1.25, 1.5))
            service.settles.append((start + length, factor))

    # Benign changes, on services and at times free of incidents.
    if not daily:
        ramped = services[int(rng.integers(0, len(services)))]
        ramp_start = config.warmup_minutes + int(rng.integers(0, max(usable - 180, 1)))
        ramped.effects.append(_Effect("ramp", ramp_start, ramp_start + 180, {}))
        t_ramp = config.start + 60 * ramp_start
        benign.append(BenignEvent(ramped.name, "ramp", t_ramp, t_ramp + 180 * 60))
    for kind in ["deploy", "deploy", "restart", "restart"]:
        service = services[int(rng.integers(0, len(services)))]
        length = 2
        start = place(service, length, gap=20)
        if start is None:
            continue
        service.effects.append(_Effect(kind, start, start + length, {}))
        t0 = config.start + 60 * start
        benign.append(BenignEvent(service.name, kind, t0, t0 + 60 * length))
    batch = services[2]  # the orders service runs a periodic export
    # Hourly in the subtle and daily variants; the holdout generator's own otherwise.
    hourly = variant in ("subtle", "daily")
    period = 60 if hourly else int(rng.choice([20, 45])) if holdout else 30
    batch.effects.append(_Effect("batch", 0, minutes, {"period": period}))
    benign.append(
        BenignEvent(batch.name, "batch", config.start, config.start + 60 * minutes, period)
    )
    for service in services:
        for minute, _ in service.settles:
            t0 = config.start + 60 * minute
            benign.append(BenignEvent(service.name, "new_level", t0, t0 + 60))
        if service.ends is not None:
            t0 = config.start + 60 * service.ends
            benign.append(BenignEvent(service.name, "data_end", t0, config.start + 60 * minutes))
    return services, truths, benign


def _shape_services(
    services: list[_Service], config: SimConfig, rng: np.random.Generator, minutes: int
) -> None:
    """The variant's traffic shape, drawn from a generator of its own (the standard and holdout
    draws stay as they were)."""
    variant = config.variant
    if variant in ("standard", "holdout", "new_normal"):
        return
    shape = np.random.default_rng([config.seed, 7])
    for service in services:
        if variant == "cycles":
            service.period = float(shape.uniform(90, 180))
            service.amplitude = float(shape.uniform(0.25, 0.35))
        elif variant == "subtle":
            service.noise = float(shape.uniform(0.15, 0.25))
        elif variant == "daily":
            # Low, bursty counts at night; some services nearly silent then.
            service.rate *= float(shape.uniform(0.03, 0.5))
            service.noise = float(shape.uniform(0.1, 0.3))
            service.night = float(shape.uniform(0.02, 0.3))
            service.weekend = float(shape.uniform(0.5, 0.9))
            # The busiest hour moves around mid-afternoon.
            service.phase = float(shape.uniform(-2.0, 2.0))
    if variant == "daily":
        # One service's data ends hours before the others' (a series that stops).
        ended = services[int(shape.integers(0, len(services)))]
        ended.ends = minutes - int(shape.uniform(4, 10) * 60)


def _shape(service: _Service, minute: int, start: float) -> float:
    """The service's level at ``minute`` relative to its base rate."""
    if service.period:
        return 1.0 + service.amplitude * math.sin(2 * math.pi * minute / service.period)
    t = start + 60 * minute
    if service.night:
        hour = (t % 86400.0) / 3600.0 - service.phase
        daylight = 0.5 * (1.0 - math.cos(2 * math.pi * (hour - 3.0) / 24.0))
        level: float = service.night + (1.0 - service.night) * math.pow(daylight, 1.5)
        weekday = (int(t // 86400) + 3) % 7  # 1970-01-01 was a Thursday; Monday is 0
        return level * (service.weekend if weekday >= 5 else 1.0)
    t_day = t / 86400.0
    return 1.0 + 0.3 * math.sin(2 * math.pi * t_day + service.phase)


def _minute_records(
    service: _Service,
    minute: int,
    config: SimConfig,
    rng: np.random.Generator,
    values: dict[str, Callable[[], str]],
) -> list[tuple[float, str, str]]:
    if service.ends is not None and minute >= service.ends:
        return []
    rate = service.rate * _shape(service, minute, config.start)
    for since, factor in service.settles:
        if minute >= since:
            rate *= factor
    rate *= math.exp(rng.normal(0.0, service.noise))  # bursty: over-dispersed counts
    templates = list(service.templates)
    extra: list[tuple[str, str, float]] = []
    window_fraction = 1.0
    for effect in service.effects:
        if effect.kind == "ramp" and minute >= effect.start:
            rate *= 1.0 + 0.6 * min(1.0, (minute - effect.start) / (effect.end - effect.start))
        if effect.kind == "deploy" and minute >= effect.start:
            extra += [(lvl, t, 8.0) for lvl, t in _DEPLOY_TEMPLATES]
        if not effect.start <= minute < effect.end:
            continue
        if effect.kind in ("volume_spike", "volume_drop"):
            rate *= effect.params["factor"]
        elif effect.kind in ("deploy", "restart") and minute == effect.start:
            window_fraction = 0.6
    count = int(rng.poisson(rate * window_fraction))
    out: list[tuple[str, str, str]] = []
    total_weight = sum(w for _, _, w in templates) + sum(w for _, _, w in extra)
    choices = templates + extra
    weights = np.array([w for _, _, w in choices], dtype=float) / total_weight
    weights /= weights.sum()
    picks: list[int] = rng.choice(len(choices), size=count, p=weights).tolist() if count else []
    base_t = config.start + 60 * minute
    for pick in picks:
        level, text, _ = choices[pick]
        out.append((level, _render(text, values), ""))
    for effect in service.effects:
        if not effect.start <= minute < effect.end:
            continue
        if effect.kind == "batch":
            if minute % effect.params["period"] in BATCH_MINUTES:
                for _ in range(int(rng.poisson(2.0 * service.rate))):
                    out.append((_BATCH[0], _render(_BATCH[1], values), ""))
        elif effect.kind == "error_rate":
            errors = [t for t in templates if t[0] == "ERROR"]
            if config.variant == "holdout":
                # Holdout: the burst also contains a generic error the service never logged.
                errors = [*errors, _GENERIC_ERROR]
            for _ in range(int(rng.binomial(count, effect.params["share"]))):
                level, text, _ = errors[int(rng.integers(0, len(errors)))]
                out.append((level, _render(text, values), ""))
        elif effect.kind == "new_error_pattern":
            level, text = effect.params["error"]
            # On the daily variant's quiet series a share of a few lines can be none at all:
            # the error shows at least once a minute there, or the truth would be invisible.
            floor = 1 if config.variant == "daily" else 0
            for _ in range(max(int(rng.binomial(count, effect.params["share"])), floor)):
                out.append((level, _render(text, values), ""))
        elif effect.kind == "pattern_shift":
            level, text, _ = templates[effect.params["template"]]
            share = effect.params["share"]
            if config.variant == "holdout":
                # Holdout: the shifted template comes on top of the usual traffic.
                extra_lines = int(len(out) * share / (1.0 - share) * 0.6)
                out += [(level, _render(text, values), "") for _ in range(extra_lines)]
            else:
                # Keep volume: replace a share of the window's lines by the shifted template.
                keep = int(len(out) * (1.0 - share))
                out = out[:keep] + [
                    (level, _render(text, values), "") for _ in range(len(out) - keep)
                ]
        elif effect.kind in ("deploy", "restart") and minute == effect.start:
            for level, text in _STARTUP:
                out.append((level, _render(text, values), ""))
    records: list[tuple[float, str, str]] = []
    for level, message, _ in out:
        records.append((base_t + float(rng.uniform(0.0, 60.0)), level, message))
    return records


def _encode(service: _Service, ts: float, level: str, message: str, variant: str) -> dict[str, Any]:
    # Services use different (accepted) field aliases and timestamp formats.
    if service.aliases == 0:
        return {
            "timestamp": iso(ts),
            "service_name": service.name,
            "log_level": level,
            "message": message,
        }
    if service.aliases == 1:
        return {
            "ts": int(ts * 1000),
            "service": service.name,
            "level": "warn" if level == "WARNING" else level.lower(),
            "msg": message,
        }
    return {
        "@timestamp": iso(ts),
        "app": service.name,
        "severity": "FATAL" if level == "CRITICAL" else level,
        "message": message,
        "host": f"{service.name}-{int(ts) % 3}",
    }


def simulate(
    config: SimConfig,
) -> tuple[Iterator[dict[str, Any]], list[TruthIncident], list[BenignEvent]]:
    """Records (a lazy iterator in timestamp order), the truth and the benign events."""
    rng = np.random.default_rng(config.seed)
    services, truths, benign = _schedule(config, rng)
    values = _values(rng)

    def records() -> Iterator[dict[str, Any]]:
        for minute in range(int(config.hours * 60)):
            batch: list[tuple[float, _Service, str, str]] = []
            for service in services:
                for ts, level, message in _minute_records(service, minute, config, rng, values):
                    batch.append((ts, service, level, message))
            batch.sort(key=lambda item: item[0])
            for ts, service, level, message in batch:
                yield _encode(service, ts, level, message, config.variant)

    return records(), sorted(truths, key=lambda t: t.start), benign


def write_simulation(out_dir: Path, config: SimConfig) -> dict[str, Path]:
    """Write logs.jsonl, truth.jsonl and benign.jsonl into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    records, truths, benign = simulate(config)
    paths = {
        "logs": out_dir / "logs.jsonl",
        "truth": out_dir / "truth.jsonl",
        "benign": out_dir / "benign.jsonl",
    }
    with paths["logs"].open("wb") as fh:
        for record in records:
            fh.write(orjson.dumps(record) + b"\n")
    with paths["truth"].open("wb") as fh:
        for truth in truths:
            fh.write(orjson.dumps(truth.to_dict()) + b"\n")
    with paths["benign"].open("wb") as fh:
        for event in benign:
            fh.write(orjson.dumps(event.to_dict()) + b"\n")
    return paths
