"""The publish phase of `bench`: exactly N records in B-sized messages, paced, cut at the
deadline."""

from __future__ import annotations

import orjson
import pytest

from pipeline.client.bench import BenchPlan, prepare_messages, publish_run
from pipeline.settings import load_settings

from .helpers import take_all

pytestmark = pytest.mark.timeout(60)


async def test_publishes_exactly_n_records_in_batches(service_env):
    settings = load_settings(service_env)
    plan = BenchPlan(records=1050, batch=100, services=4)
    published = await publish_run(settings, "run-a", prepare_messages(plan, "run-a"))
    assert (published.messages, published.records, published.complete) == (11, 1050, True)
    messages = await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 11)
    batches = [orjson.loads(m.body) for m in messages]
    assert sorted(len(b) for b in batches) == [50] + [100] * 10
    records = [r for b in batches for r in b]
    assert sorted(r["metadata"]["seq"] for r in records) == list(range(1050))
    assert {r["metadata"]["bench_run"] for r in records} == {"run-a"}
    assert len({r["service_name"] for r in records}) == 4
    assert {m.message_id for m in messages} == {f"bench-run-a-{i}" for i in range(11)}


async def test_rate_paces_the_messages(service_env):
    settings = load_settings(service_env)
    plan = BenchPlan(records=600, batch=100, rate=1000.0)
    published = await publish_run(
        settings, "run-b", prepare_messages(plan, "run-b"), rate=plan.rate
    )
    # The sixth message is due when the 500 records before it are: 0.5 s after the first.
    assert 0.5 <= published.seconds < 3.0
    assert published.records == 600
    await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 6)


async def test_the_deadline_stops_a_paced_publish(service_env):
    settings = load_settings(service_env)
    plan = BenchPlan(records=1000, batch=100, rate=100.0)
    published = await publish_run(
        settings, "run-c", prepare_messages(plan, "run-c"), rate=plan.rate, time_limit=1.5
    )
    # Messages are due at 0 s, 1 s, 2 s, ...: two go out before the deadline.
    assert (published.messages, published.records, published.complete) == (2, 200, False)
    await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 2)
