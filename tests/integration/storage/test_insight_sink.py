"""InsightSink against a real PostgreSQL: idempotent storage of what the detectors find, the
incident lifecycle in any delivery order, refusals, retries, and migration 0003 itself."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime
from typing import Any

import asyncpg
import orjson
import pytest

from pipeline.analysis.events import Anomaly, WindowReport
from pipeline.analysis.incidents import IncidentTracker
from pipeline.insights.messages import from_report
from storage.database import Database
from storage.errors import StoreAborted
from storage.insight_sink import InsightSink
from storage.migrations import discover, migrate, rollback
from storage.retry import Backoff, ErrorKind
from tests.unit.analysis.helpers import T0, normal_mix, run

from ..conftest import BASE
from .conftest import Recorder, fetch, killing_after_insert_into, sql_dir_through

pytestmark = pytest.mark.timeout(60)

FAST = Backoff(initial=0.01, factor=2.0, cap=0.05)
WIDTH = 60
TABLES = ("insights", "window_stats", "anomalies", "incidents")
# Too long for a btree entry even after compression.
INCOMPRESSIBLE = "".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(200))

Message = dict[str, Any]


def make_sink(database: Database, recorder: Recorder | None = None) -> InsightSink:
    recorder = recorder or Recorder()
    return InsightSink(
        database, BASE.sql_dir, should_stop=recorder.should_stop, observer=recorder, backoff=FAST
    )


async def contents(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the four tables, every column, in key order."""
    found = {}
    for table in TABLES:
        rows = await fetch(url, f"SELECT * FROM {table} ORDER BY 1, 2, 3")
        found[table] = [tuple(row.values()) for row in rows]
    return found


async def incident(url: str, incident_id: str) -> asyncpg.Record:
    [row] = await fetch(url, "SELECT * FROM incidents WHERE incident_id = $1", incident_id)
    return row


def decoded(reports: list[WindowReport]) -> list[Message]:
    """The insights-topic bodies of ``reports`` as a consumer decodes them."""
    return [orjson.loads(m.encode()) for r in reports for m in from_report(r, WIDTH, [{"t": 1}])]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.fixture(scope="module")
def burst() -> list[Message]:
    """A real error_rate incident from the analysis core: opened, updated five times, resolved."""
    errors = {m: [*normal_mix(200, m), ("badpw", "ERROR", 30)] for m in range(60, 66)}
    _, reports = run(range(80), override=errors)
    return decoded(reports)


def of_type(messages: list[Message], kind: str) -> list[Message]:
    return [m for m in messages if m["type"] == kind]


# -- a small incident tracker driven window by window, for exact orders of events --------------


def anomaly(kind: str = "volume_drop", severity: str = "medium", score: float = 0.6) -> Anomaly:
    return Anomaly("api", 0.0, 0.0, kind, score, severity, 100.0, 3.0, f"{kind} seen", "")


def close(
    tracker: IncidentTracker, index: int, fired: list[Anomaly], *, dormant: bool = False
) -> list[Message]:
    """The messages of window ``index`` closing with ``fired``; ``dormant``: the service went
    quiet in it, which resolves everything in the same window (as the detector does)."""
    start = T0 + index * WIDTH
    end = start + WIDTH
    placed = [replace(a, window_start=start, window_end=end) for a in fired]
    stamped, events = tracker.step(index, start, end, placed)
    if dormant:
        events.extend(tracker.resolve_all(index))
    score = max((a.score for a in stamped), default=0.1)
    report = WindowReport(
        "api", start, end, 0 if dormant else 100, score, {"volume": 100.0},
        tuple(stamped), tuple(events),
    )  # fmt: skip
    return decoded([report])


# -- idempotency -------------------------------------------------------------------------------


async def test_a_burst_is_stored_once_and_storing_it_again_changes_nothing(url, database, burst):
    sink = make_sink(database)
    assert await sink.store(burst) == len(burst)
    stored = await contents(url)
    assert {table: len(rows) for table, rows in stored.items()} == {
        "insights": len(burst),
        "window_stats": len(of_type(burst, "window_summary")),
        "anomalies": len(of_type(burst, "anomaly")),
        "incidents": 1,
    }
    assert await sink.store(burst) == 0
    assert await sink.store(list(reversed(burst))) == 0
    assert await contents(url) == stored


async def test_a_message_twice_in_one_batch_is_stored_once(url, database, burst):
    first = burst[:5]
    assert await make_sink(database).store([*first, *first]) == 5
    assert len(await fetch(url, "SELECT id FROM insights")) == 5


async def test_overlapping_batches_count_only_new_messages(url, database, burst):
    sink = make_sink(database)
    assert await sink.store(burst[:30]) == 30
    assert await sink.store(burst[20:50]) == 20
    assert len(await fetch(url, "SELECT id FROM insights")) == 50


async def test_a_store_of_nothing_does_nothing():
    database = Database("postgresql://nobody:nothing@127.0.0.1:1/nowhere", 1, 2)
    assert await make_sink(database, Recorder(stop_after_retries=0)).store([]) == 0


# -- what each type becomes ----------------------------------------------------------------------


async def test_the_insights_row_is_the_message(url, database, burst):
    await make_sink(database).store(burst)
    message = of_type(burst, "recommendation")[0]
    [row] = await fetch(url, "SELECT * FROM insights WHERE id = $1", message["id"])
    assert (row["type"], row["service_name"]) == ("recommendation", "api")
    assert row["window_start"] == at(message["window_start"])
    assert row["window_end"] == at(message["window_end"])
    assert orjson.loads(row["body"]) == message


async def test_window_stats_are_keyed_by_service_and_window_start(url, database, burst):
    sink = make_sink(database)
    await sink.store(burst)
    summaries = of_type(burst, "window_summary")
    rows = await fetch(url, "SELECT * FROM window_stats ORDER BY window_start")
    assert [(r["service_name"], r["window_start"]) for r in rows] == [
        ("api", at(m["window_start"])) for m in summaries
    ]
    alarmed = next(m for m in summaries if m["data"]["anomalies"])
    [row] = [r for r in rows if r["window_start"] == at(alarmed["window_start"])]
    assert row["window_end"] == at(alarmed["window_end"])
    assert (row["volume"], row["score"]) == (alarmed["data"]["volume"], alarmed["data"]["score"])
    assert orjson.loads(row["features"]) == alarmed["data"]["features"]
    assert row["anomaly_kinds"] == ["error_rate"]
    # Another message (another id) for a stored window is kept in insights, not counted twice.
    again = alarmed | {"id": "summary:replayed", "data": alarmed["data"] | {"volume": 1}}
    assert await sink.store([again]) == 1
    [row] = await fetch(
        url, "SELECT volume FROM window_stats WHERE window_start = $1", row["window_start"]
    )
    assert row["volume"] == alarmed["data"]["volume"]


async def test_anomalies_are_keyed_by_incident_window_and_kind(url, database, burst):
    sink = make_sink(database)
    await sink.store(burst)
    message = of_type(burst, "anomaly")[0]
    data = message["data"]
    start = at(data["window_start"])
    [row] = await fetch(url, "SELECT * FROM anomalies WHERE window_start = $1", start)
    assert (row["incident_id"], row["kind"], row["service_name"]) == (
        data["incident_id"], "error_rate", "api",
    )  # fmt: skip
    assert (row["score"], row["severity"], row["expected"], row["actual"]) == (
        data["score"], data["severity"], data["expected"], data["actual"],
    )  # fmt: skip
    assert (row["reason"], row["rule_evidence"], row["model_score"]) == (
        data["reason"], data["rule_evidence"], data["model_score"],
    )  # fmt: skip
    assert orjson.loads(row["contributing_templates"]) == data["contributing_templates"]
    assert orjson.loads(row["details"]) == {}
    # The same incident and window with another kind is another anomaly.
    other = message | {
        "id": message["id"].replace("error_rate", "pattern_shift"),
        "data": data | {"kind": "pattern_shift", "hint": "kept in details"},
    }
    assert await sink.store([other]) == 1
    rows = await fetch(
        url, "SELECT kind, details FROM anomalies WHERE window_start = $1 ORDER BY kind", start
    )
    assert [r["kind"] for r in rows] == ["error_rate", "pattern_shift"]
    assert orjson.loads(rows[1]["details"]) == {"hint": "kept in details"}


async def test_other_and_unknown_types_are_stored_in_insights_only(url, database, burst):
    sink = make_sink(database)
    recommendation = of_type(burst, "recommendation")[0]
    unknown = recommendation | {"id": "forecast:api:1", "type": "forecast", "data": {"x": 1}}
    assert await sink.store([recommendation, unknown]) == 2
    stored = await contents(url)
    assert sorted(row[1] for row in stored["insights"]) == ["forecast", "recommendation"]
    assert stored["window_stats"] == stored["anomalies"] == stored["incidents"] == []


# -- incidents -------------------------------------------------------------------------------


async def test_the_incident_lifecycle_ends_resolved(url, database, burst):
    sink = make_sink(database)
    events = of_type(burst, "incident")
    assert [e["data"]["action"] for e in events] == ["opened", *["updated"] * 5, "resolved"]
    first, last = events[0], events[-1]
    incident_id = first["data"]["incident_id"]
    await sink.store(burst[: burst.index(first) + 1])
    opened = await incident(url, incident_id)
    assert (opened["status"], opened["last_action"], opened["windows"]) == ("open", "opened", 1)
    assert opened["resolved_at"] is None
    for message in burst[burst.index(first) + 1 :]:
        await sink.store([message])
    row = await incident(url, incident_id)
    data = last["data"]
    assert (row["status"], row["last_action"], row["revision"]) == (
        "resolved", "resolved", data["revision"],
    )  # fmt: skip
    assert (row["service_name"], row["kind"], row["severity"]) == ("api", "error_rate", "critical")
    assert (row["windows"], row["peak_score"]) == (6, data["peak_score"])
    assert row["started_at"] == at(first["window_start"]) == at(data["started_at"])
    assert row["last_window_end"] == at(data["last_window_end"])
    assert row["opened_at"] == at(first["window_end"])
    assert row["resolved_at"] == at(last["window_end"])
    assert orjson.loads(row["details"]) == data
    assert row["created_at"] == opened["created_at"]


@pytest.mark.parametrize("order", ["reversed", "one_batch_reversed", "resolved_first"])
async def test_events_delivered_out_of_order_end_in_the_same_state(url, database, burst, order):
    events = of_type(burst, "incident")
    sink = make_sink(database)
    if order == "reversed":
        for message in reversed(events):
            await sink.store([message])
    elif order == "one_batch_reversed":
        await sink.store(list(reversed(events)))
    else:
        await sink.store([events[-1]])
        await sink.store(events[:-1])
    row = await incident(url, events[0]["data"]["incident_id"])
    assert (row["status"], row["last_action"], row["windows"]) == ("resolved", "resolved", 6)
    assert row["revision"] == events[-1]["data"]["revision"]
    assert row["resolved_at"] == at(events[-1]["window_end"])
    assert row["opened_at"] == at(events[0]["window_end"])
    assert orjson.loads(row["details"]) == events[-1]["data"]


async def test_a_replayed_older_event_does_not_reopen_a_resolved_incident(url, database, burst):
    events = of_type(burst, "incident")
    sink = make_sink(database)
    await sink.store([events[0], events[-1]])
    before = await incident(url, events[0]["data"]["incident_id"])
    assert before["status"] == "resolved"
    # Never stored before, so only the revision rule keeps it out.
    assert await sink.store([events[3]]) == 1
    assert await sink.store([events[0]]) == 0
    assert await incident(url, events[0]["data"]["incident_id"]) == before


@pytest.mark.parametrize("split", [False, True])
@pytest.mark.parametrize("resolved_first", [False, True])
async def test_an_update_and_a_resolution_in_one_window_resolve(
    url, database, split, resolved_first
):
    tracker = IncidentTracker("api", resolve_after=2, cooldown=5)
    messages = close(tracker, 0, [anomaly()]) + close(tracker, 1, [anomaly()], dormant=True)
    events = of_type(messages, "incident")
    assert [e["data"]["action"] for e in events] == ["opened", "updated", "resolved"]
    assert events[1]["data"]["revision"] == events[2]["data"]["revision"]
    last_two = [events[2], events[1]] if resolved_first else events[1:]
    sink = make_sink(database)
    await sink.store(events[:1])
    if split:
        for message in last_two:
            await sink.store([message])
    else:
        await sink.store(last_two)
    row = await incident(url, events[0]["data"]["incident_id"])
    assert (row["status"], row["last_action"], row["windows"]) == ("resolved", "resolved", 2)


async def test_a_reopening_within_the_cooldown_reopens(url, database):
    tracker = IncidentTracker("api", resolve_after=1, cooldown=5)
    windows = [
        close(tracker, 0, [anomaly()]),
        close(tracker, 1, []),  # resolved
        close(tracker, 3, [anomaly(severity="high", score=0.9)]),  # back: updated, escalated
    ]
    events = of_type([m for w in windows for m in w], "incident")
    assert [e["data"]["action"] for e in events] == ["opened", "resolved", "updated"]
    sink = make_sink(database)
    for messages in windows:
        await sink.store(messages)
    row = await incident(url, events[0]["data"]["incident_id"])
    assert (row["status"], row["last_action"], row["severity"]) == ("open", "updated", "high")
    assert row["resolved_at"] is None
    assert row["revision"] == events[-1]["data"]["revision"]
    assert orjson.loads(row["details"])["escalated"] is True


# -- refusals ----------------------------------------------------------------------------------


def _spoil(messages: list[Message], kind: str, **changes: Any) -> Message:
    message = of_type(messages, kind)[0]
    data = changes.pop("data", None)
    spoiled = message | {"id": f"{message['id']}:spoiled"} | changes
    if data is not None:
        spoiled["data"] = message["data"] | data
    return spoiled


@pytest.mark.parametrize(
    ("kind", "changes", "code"),
    [
        ("window_summary", {"window_start": "yesterday"}, "InvalidInsight"),
        ("window_summary", {"window_start": "2026-01-01T00:00:00"}, "InvalidInsight"),  # no zone
        ("window_summary", {"id": None}, "InvalidInsight"),
        ("window_summary", {"data": {"volume": "ten"}}, "InvalidInsight"),
        ("anomaly", {"data": {"score": None}}, "InvalidInsight"),
        ("incident", {"data": {"action": "exploded"}}, "InvalidInsight"),
        ("incident", {"data": {"revision": -1}}, "InvalidInsight"),
        ("recommendation", {"data": {"text": "bad \ud800"}}, "JSONEncodeError"),
        ("recommendation", {"id": "x" * 2000}, "InvalidInsight"),
        ("recommendation", {"service_name": "nul \x00 byte"}, "22021"),  # PostgreSQL refuses it
        ("recommendation", {"data": {"text": "nul \x00"}}, "22P05"),  # jsonb refuses \u0000
        ("recommendation", {"type": INCOMPRESSIBLE}, "54000"),  # too large for the type index
        ("window_summary", {"data": {"features": {"x": "\x00"}}}, "22P05"),
        ("anomaly", {"data": {"incident_id": INCOMPRESSIBLE}}, "54000"),
    ],
)
async def test_a_bad_message_is_refused_without_blocking_the_rest(
    url, database, burst, kind, changes, code
):
    recorder = Recorder()
    good = burst[:40]
    bad = _spoil(burst[40:], kind, **changes)
    assert await make_sink(database, recorder).store([*good[:20], bad, *good[20:]]) == 40
    assert recorder.rejected == [code]
    assert recorder.retries == []
    assert len(await fetch(url, "SELECT id FROM insights")) == 40


async def test_something_not_an_object_is_refused(url, database, burst):
    recorder = Recorder()
    messages: list[Any] = [["not", "an", "object"], burst[0]]
    assert await make_sink(database, recorder).store(messages) == 1
    assert recorder.rejected == ["InvalidInsight"]


# -- failures of the database --------------------------------------------------------------------


async def test_missing_schema_is_retried_until_told_to_stop(fresh_database, burst):
    # No migrations: 42P01 (undefined table) is a deployment error, not a reason to drop data.
    recorder = Recorder(stop_after_retries=3)
    database = Database(fresh_database, 1, 2)
    try:
        with pytest.raises(StoreAborted):
            await make_sink(database, recorder).store(burst[:3])
    finally:
        await database.close()
    assert recorder.retries == [(ErrorKind.OTHER, "42P01")] * 3


@pytest.fixture
async def kill_after_insert(url, monkeypatch):
    async with killing_after_insert_into("insights", url, monkeypatch) as kills:
        yield kills


async def test_a_lost_connection_is_retried_and_the_batch_stored_once(
    url, database, burst, kill_after_insert
):
    recorder = Recorder()
    assert await make_sink(database, recorder).store(burst) == len(burst)
    assert kill_after_insert == [0]
    assert [kind for kind, _ in recorder.retries] == [ErrorKind.TRANSIENT]
    assert len((await contents(url))["incidents"]) == 1


async def test_an_aborted_store_commits_nothing(url, database, burst, kill_after_insert):
    kill_after_insert[0] = 100
    recorder = Recorder(stop_after_retries=2)
    with pytest.raises(StoreAborted):
        await make_sink(database, recorder).store(burst)
    assert await contents(url) == {table: [] for table in TABLES}


# -- the migration -------------------------------------------------------------------------------


async def schema(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Columns, constraints and indexes of the public schema."""
    queries = {
        "columns": """
            SELECT table_name, ordinal_position, column_name, data_type, is_nullable,
                column_default
            FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2""",
        "constraints": """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2""",
        "indexes": """
            SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' ORDER BY 1, 2""",
    }
    return {name: [tuple(r.values()) for r in await fetch(url, q)] for name, q in queries.items()}


async def test_0003_applies_and_rolls_back_to_exactly_the_schema_before(
    fresh_database, tmp_path, burst
):
    url = fresh_database
    await migrate(url, sql_dir_through(tmp_path / "before", 2))
    # Stored by the current SQL, so every later migration is applied too, and rolled back.
    later = [m.label for m in discover(BASE.sql_dir / "migrations") if m.version >= 3]
    before = await schema(url)
    assert [m.label for m in await migrate(url, BASE.sql_dir)] == later
    tables = {row[0] for row in (await schema(url))["columns"]}
    assert set(TABLES) <= tables
    database = Database(url, 1, 2)
    try:
        await make_sink(database).store(burst)
    finally:
        await database.close()
    reverted = await rollback(url, BASE.sql_dir, len(later))
    assert [m.label for m in reverted] == later[::-1]
    assert await schema(url) == before
    # The anomalies stored under 0003 stay, under 0001's key.
    anomalies = await fetch(url, "SELECT incident_id FROM anomalies")
    assert len(anomalies) == len(of_type(burst, "anomaly"))
    assert [m.label for m in await migrate(url, BASE.sql_dir)] == later


async def test_the_keys_are_the_natural_keys(url):
    keys = await fetch(
        url,
        """SELECT conrelid::regclass::text AS t, pg_get_constraintdef(oid) AS key
           FROM pg_constraint WHERE contype = 'p' AND conrelid::regclass::text = ANY($1)""",
        list(TABLES),
    )
    assert {row["t"]: row["key"] for row in keys} == {
        "insights": "PRIMARY KEY (id)",
        "window_stats": "PRIMARY KEY (service_name, window_start)",
        "anomalies": "PRIMARY KEY (incident_id, window_start, kind)",
        "incidents": "PRIMARY KEY (incident_id)",
    }


# -- origin ------------------------------------------------------------------------------------


async def test_a_replay_marks_what_it_finds_and_leaves_live_findings_live(url, database, burst):
    # The live stream stored the incident's first windows; a replay then finds all of it.
    anomalies = of_type(burst, "anomaly")
    opened = next(i for i, m in enumerate(burst) if m["type"] not in ("anomaly", "window_summary"))
    live_part = burst[: opened + 1]
    live_anomalies = len(of_type(live_part, "anomaly"))
    await make_sink(database).store(live_part)
    replay = InsightSink(database, BASE.sql_dir, should_stop=lambda: False, origin="replay")
    await replay.store(burst)
    rows = await fetch(url, "SELECT origin, count(*) AS n FROM anomalies GROUP BY 1 ORDER BY 1")
    assert {r["origin"]: r["n"] for r in rows} == {
        "live": live_anomalies,
        "replay": len(anomalies) - live_anomalies,
    }
    # The incident was first stored live: later events update it, the origin stays.
    [incident] = await fetch(url, "SELECT origin, status FROM incidents")
    assert (incident["origin"], incident["status"]) == ("live", "resolved")


async def test_an_incident_only_a_replay_found_is_marked_replay(url, database, burst):
    replay = InsightSink(database, BASE.sql_dir, should_stop=lambda: False, origin="replay")
    await replay.store(burst)
    assert [r["origin"] for r in await fetch(url, "SELECT origin FROM incidents")] == ["replay"]
    origins = await fetch(url, "SELECT DISTINCT origin FROM anomalies")
    assert [r["origin"] for r in origins] == ["replay"]
