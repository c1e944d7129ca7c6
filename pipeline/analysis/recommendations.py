"""Rule-based, explainable recommendations: error templates are matched against categories,
and each recommendation cites the templates that triggered it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    pattern: re.Pattern[str]
    advice: str


def _category(name: str, pattern: str, advice: str) -> Category:
    return Category(name, re.compile(pattern, re.IGNORECASE), advice)


CATEGORIES: tuple[Category, ...] = (
    _category(
        "timeout",
        r"time[d\s_-]?out|deadline exceeded|took too long",
        "Review timeouts and connection-pool sizes for the slow dependency, and add "
        "retries with backoff where the call is idempotent.",
    ),
    _category(
        "auth_token",
        r"\b(jwt|token)\b.*\b(expired|invalid|verif\w*|signature)\b|"
        r"\b(expired|invalid)\b.*\btoken\b",
        "Review token lifetimes and refresh logic, and check that signing keys were "
        "rotated consistently across services.",
    ),
    _category(
        "out_of_memory",
        r"out ?of ?memory|outofmemory|\boom\b|memoryerror|heap space",
        "Raise the memory limit or find the allocation growth (heap profile), and cap batch sizes.",
    ),
    _category(
        "connection_refused",
        r"connection refused|econnrefused|connection reset|"
        r"reset connection|unreachable",
        "Check that the upstream is running and reachable (DNS, ports, network policy), "
        "and add circuit breaking.",
    ),
    _category(
        "pool_exhausted",
        r"pool exhausted|too many connections|no available connection",
        "Increase the connection pool or shorten how long connections are held, and look "
        "for leaked connections.",
    ),
    _category(
        "disk_full",
        r"no space left|disk full|disk quota|enospc",
        "Free or grow the volume and add log/data retention before the disk fills again.",
    ),
    _category(
        "rate_limit",
        r"rate.?limit|too many requests|\b429\b|throttl",
        "Reduce the request rate (batching, caching, backoff) or raise the quota with the "
        "provider.",
    ),
    _category(
        "database",
        r"deadlock|database|sql|constraint|version conflict",
        "Inspect slow or conflicting queries and transaction scope in the database.",
    ),
    _category(
        "tls",
        r"certificate|ssl|tls|handshake",
        "Check certificate validity and chains, and renew before expiry.",
    ),
    _category(
        "upstream_5xx",
        r"\b5\d\d\b|bad gateway|service unavailable|unavailable",
        "Look at the failing upstream's health and add fallbacks or partial results.",
    ),
    _category(
        "authentication",
        r"invalid credentials|unauthori[sz]ed|forbidden|\b401\b|\b403\b",
        "Check for credential-stuffing or misconfigured clients; consider rate limits on login.",
    ),
)

_KIND_ADVICE = {
    "volume_drop": "Check that the service and its log shipper are running; a silent service "
    "often means a crash loop or lost connectivity.",
    "volume_spike": "Check for a traffic surge, retry storm or logging loop; add rate limits if "
    "it is abusive traffic.",
    "new_error_pattern": "Compare against the latest deploy or config change; roll back if the "
    "new error started with it.",
    "pattern_shift": "Find what drives the message whose share jumped (a feature flag, a "
    "client, a cache change).",
    "error_rate": "Triage the leading error template first; it carries most of the rise.",
}


@dataclass(frozen=True, slots=True)
class Recommendation:
    category: str
    text: str
    template_ids: tuple[str, ...]
    templates: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "recommendation": self.text,
            "template_ids": list(self.template_ids),
            "templates": list(self.templates),
        }


def categorise(template: str) -> str | None:
    for category in CATEGORIES:
        if category.pattern.search(template):
            return category.name
    return None


def recommend(
    error_templates: Iterable[tuple[str, str]], anomaly_kinds: Iterable[str] = ()
) -> list[Recommendation]:
    """Recommendations for (template id, template text) pairs of a service's errors, plus one
    per anomaly kind seen; ordered as the categories are (most specific first)."""
    cited: dict[str, list[tuple[str, str]]] = {}
    for tid, text in error_templates:
        name = categorise(text)
        if name is not None:
            cited.setdefault(name, []).append((tid, text))
    result = []
    for category in CATEGORIES:
        found = cited.get(category.name)
        if found:
            result.append(
                Recommendation(
                    category.name,
                    category.advice,
                    tuple(t for t, _ in found),
                    tuple(x for _, x in found),
                )
            )
    for kind in dict.fromkeys(anomaly_kinds):
        advice = _KIND_ADVICE.get(kind)
        if advice is not None:
            result.append(Recommendation(kind, advice, (), ()))
    return result
