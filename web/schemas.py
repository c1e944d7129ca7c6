"""Response shapes of the HTTP API, for ``/openapi.json``: the views build plain dicts (cheap on
the event loop), and the schemathesis run checks every response against these."""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")
Level = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
Severity = Literal["low", "medium", "high", "critical"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Envelope(Model, Generic[T]):
    data: T
    status_code: int
    message: str


class Problem(Model):
    field: str
    reason: str


class ErrorEnvelope(Model):
    data: None
    status_code: int
    message: str
    details: list[Problem] | None = None


class Page(Model, Generic[T]):
    items: list[T]
    page: int
    page_size: int
    total: int
    total_is_estimate: bool = Field(
        description="True when `total` is the planner's estimate rather than a count."
    )
    next: str | None = Field(description="Cursor of the next page; null on the last one.")


class LogEntry(Model):
    event_id: str
    service_name: str
    log_level: str
    timestamp: str
    message: str
    template_id: str | None
    host: str | None
    trace_id: str | None
    metadata: dict[str, Any]
    late: bool
    received_at: str | None
    clamped: bool
    truncated: bool
    sanitized: bool


class CommonError(Model):
    service_name: str
    template_id: str
    template: str
    count: int
    level: str | None


class Summary(Model):
    service: str | None
    total_logs: int
    error_rate: float = Field(description="Percent of lines at ERROR or CRITICAL.")
    severity: str
    common_errors: list[str]
    common_error_details: list[CommonError]
    anomalies_detected: int = Field(description="Incidents opened in the range.")
    recommendations: list[str]
    recommendation_details: list[dict[str, Any]]
    open_windows: int
    time_range: dict[str, str]


class WindowBrief(Model):
    window_start: str
    window_end: str
    volume: int
    errors: int
    error_rate: float
    score: float
    anomaly_kinds: list[str]


class ServiceRow(Model):
    service_name: str
    last_window: WindowBrief
    open_incidents: list[str]


class TopTemplate(Model):
    template_id: str
    template: str | None
    count: int


class WindowAnomaly(Model):
    kind: str
    score: float
    severity: str
    incident_id: str
    reason: str


class WindowRow(Model):
    service_name: str
    window_start: str
    window_end: str
    status: Literal["open", "closed"]
    source: Literal["live", "stored"]
    volume: int
    errors: int
    error_rate: float
    score: float | None
    anomaly_kinds: list[str]
    anomalies: list[WindowAnomaly]
    top_templates: list[TopTemplate]


class SeriesItem(Model):
    bucket_start: str
    bucket_end: str
    windows: int = Field(description="Windows starting in the bucket.")
    volume: int
    errors: int
    error_rate: float = Field(description="Percent of lines at ERROR or CRITICAL.")
    max_score: float | None = Field(description="Null while the bucket has only open windows.")
    anomalous_windows: int
    anomaly_kinds: list[str]
    open: bool = Field(description="The bucket holds a window still open.")


class Series(Model):
    service_name: str
    bucket_seconds: int
    start_time: str
    end_time: str
    items: list[SeriesItem] = Field(description="The buckets holding a window, oldest first.")


class Pattern(Model):
    service_name: str
    template_id: str
    template: str | None
    level: str | None
    count: int
    first_seen: str | None
    last_seen: str | None
    new: bool = Field(description="First seen within the range.")
    trend: list[int]
    bucket_seconds: int
    example: str | None


class Incident(Model):
    incident_id: str
    service_name: str
    kind: str
    status: Literal["open", "resolved"]
    severity: str
    started_at: str
    last_window_end: str
    opened_at: str
    resolved_at: str | None
    windows: int
    peak_score: float
    revision: int
    last_action: str
    origin: str
    reason: str | None
    expected: float | None
    actual: float | None
    contributing_templates: list[dict[str, Any]]
    path: str


class IncidentWindow(Model):
    window_start: str
    window_end: str
    kind: str
    score: float
    severity: str
    expected: float | None
    actual: float | None
    reason: str
    contributing_templates: list[dict[str, Any]]
    rule_evidence: float | None
    model_score: float | None


class IncidentRevision(Model):
    """One event applied to an incident: opened, updated (grown, escalated) or resolved."""

    revision: int
    action: Literal["opened", "updated", "resolved"]
    window_start: str
    window_end: str
    severity: Severity
    windows: int
    peak_score: float
    escalated: bool
    alerted: bool = Field(description="Whether this revision went out on alerts_queue.")
    reason: str | None


class IncidentDetail(Incident):
    anomalies: list[IncidentWindow]
    recommendations: list[dict[str, Any]]
    revisions: list[IncidentRevision]


class Root(Model):
    name: str
    version: str
    links: dict[str, str]


class Health(Model):
    status: str
    service: str
    uptime_seconds: float


class Readiness(Model):
    status: Literal["ok", "unavailable"]
    checks: dict[str, Literal["ok", "unavailable"]]


# -- POST /api/v1/auth/token: OAuth 2.0's own format (RFC 6749 sections 4.4 and 5), no envelope.


class TokenForm(Model):
    """The form body of a client credentials request; the credentials go in HTTP Basic or,
    both together, here."""

    grant_type: Literal["client_credentials"]
    client_id: str | None = Field(default=None, min_length=1, max_length=200)
    client_secret: str | None = Field(default=None, min_length=1, max_length=256)


class OAuthToken(Model):
    access_token: str
    token_type: Literal["Bearer"]
    expires_in: int


class OAuthProblem(Model):
    error: Literal[
        "invalid_request",
        "invalid_client",
        "unsupported_grant_type",
        "invalid_scope",
        "slow_down",
        "temporarily_unavailable",
    ]
    error_description: str
