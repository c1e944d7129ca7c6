from __future__ import annotations

from pathlib import Path

from pipeline.settings import load_settings
from tests.bench.bench_stream import BENCH_DATABASE, bench_environment, database_url


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
