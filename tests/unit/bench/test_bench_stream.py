from __future__ import annotations

from pathlib import Path

from pipeline.settings import load_settings
from tests.bench.bench_stream import (
    BENCH_DATABASE,
    bench_environment,
    database_url,
    megabytes,
    worker_environments,
)


def test_database_url_changes_only_the_database():
    url = "postgresql://user:p%40ss@db.example:5433/log_analysis?sslmode=require"
    assert database_url(url, "other") == (
        "postgresql://user:p%40ss@db.example:5433/other?sslmode=require"
    )


def test_a_scenario_uses_names_of_its_own(tmp_path: Path):
    base = {"LOG_ANALYSIS_ENV": "development"}
    env = bench_environment(base, "la-bench-1-7", 50123, tmp_path)
    ours, default = load_settings(env), load_settings(base)
    assert ours.database.url.endswith(f"/{BENCH_DATABASE}")
    assert ours.database.url != default.database.url
    names = [
        ours.kafka.logs_topic,
        ours.kafka.insights_topic,
        ours.kafka.dead_letter_topic,
        ours.rabbitmq.log_queue,
        ours.rabbitmq.alerts_queue,
        ours.rabbitmq.recommendation_queue,
    ]
    assert all(name.startswith("la-bench-1-7.") for name in names)
    assert ours.web.port == 50123


def test_more_workers_share_the_names_with_ports_and_data_of_their_own(tmp_path: Path):
    env = bench_environment({"LOG_ANALYSIS_ENV": "development"}, "la-bench-2-7", 50123, tmp_path)
    envs = worker_environments(env, 3)
    assert envs[0] == env
    settings = [load_settings(each) for each in envs]
    assert len({s.web.port for s in settings}) == 3
    assert len({each["LOG_ANALYSIS_DATA_DIR"] for each in envs}) == 3
    assert all(Path(each["LOG_ANALYSIS_DATA_DIR"]).is_dir() for each in envs)
    for shared in ("LOG_ANALYSIS_APP_ID", "KAFKA_LOGS_TOPIC", "DATABASE_URL", "LOG_QUEUE"):
        assert {each[shared] for each in envs} == {env[shared]}
    assert worker_environments(env, 1) == [env]


def test_the_table_shows_each_worker():
    line = {
        "processes": {
            "worker-1": {"peak_mb": 300.4, "cpu_seconds": 19.6},
            "worker-2": {"peak_mb": 290.0, "cpu_seconds": 17.2},
        }
    }
    assert megabytes(line, "worker") == "300 / 20 + 290 / 17"
    assert megabytes({"processes": {"worker": {"peak_mb": 10, "cpu_seconds": 1}}}, "worker") == (
        "10 / 1"
    )
    assert megabytes({"processes": {}}, "kafka") == "-"
