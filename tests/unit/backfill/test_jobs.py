"""Job ids and the names of a run."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pipeline.backfill.jobs import RunNames, file_job_id, range_job_id, worker_environment
from pipeline.settings import Settings
from pipeline.settings import variables as v


def test_a_file_job_is_named_by_its_bytes(tmp_path: Path) -> None:
    one, two, other = tmp_path / "one", tmp_path / "two", tmp_path / "other"
    one.write_bytes(b"same")
    two.write_bytes(b"same")
    other.write_bytes(b"different")
    assert file_job_id(one) == file_job_id(two) != file_job_id(other)
    assert file_job_id(one).startswith("i-") and len(file_job_id(one)) == 18


def test_a_range_job_is_named_by_topic_and_range() -> None:
    start = datetime(2026, 12, 1, tzinfo=UTC)
    end = datetime(2026, 12, 2, tzinfo=UTC)
    assert range_job_id("logs", start, end) == range_job_id("logs", start, end)
    assert range_job_id("logs", start, end) != range_job_id("logs", start, None)
    assert range_job_id("logs", start, None) != range_job_id("other", start, None)


def test_a_run_has_names_of_its_own_and_its_worker_a_backfill_role(tmp_path: Path) -> None:
    names = RunNames.of(Settings(), "i-0123456789abcdef", 2)
    assert names.app_id == "log-analysis-backfill-i-0123456789abcdef-g2"
    assert names.records_topic == "log-analysis.logs.backfill-i-0123456789abcdef-g2"
    assert len(set(names.topics())) == 3
    env = worker_environment(
        {"KEEP": "me", v.APP_ID: "live"},
        names,
        detect=False,
        partitions=6,
        web_port=9999,
        data_dir=tmp_path,
    )
    assert env["KEEP"] == "me"
    assert env[v.APP_ID] == names.app_id
    assert (env[v.BACKFILL], env[v.KAFKA_TOPIC_PARTITIONS], env[v.WEB_PORT]) == (
        "windows",
        "6",
        "9999",
    )
    assert env[v.KAFKA_LOGS_TOPIC] == names.records_topic
