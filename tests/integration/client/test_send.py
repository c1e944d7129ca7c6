"""`send` publishes to the configured queue, confirmed and persistent."""

from __future__ import annotations

import asyncio
import sys

import aio_pika
import pytest

from pipeline.settings import load_settings

from ..conftest import REPO_ROOT
from .helpers import invoke, take_all

pytestmark = pytest.mark.timeout(60)


async def test_send_publishes_each_line_of_stdin_in_order(service_env):
    settings = load_settings(service_env)
    lines = [
        b'{"service_name": "api", "level": "ERROR", "message": "disk full on /data"}',
        b'[{"service_name": "api", "message": "a"}, {"service_name": "db", "message": "b"}]',
        b"42",  # valid JSON, not a record: sent as it is, the service dead-letters it
    ]
    result = await invoke(settings, "send", "--file", "-", stdin=b"\n".join(lines) + b"\n\n")
    assert result.exit_code == 0, result.output
    assert "3 message(s) with 4 record(s) confirmed" in result.stdout
    assert settings.rabbitmq.log_queue in result.stdout
    messages = await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 3)
    assert [m.body for m in messages] == lines
    assert all(m.delivery_mode == aio_pika.DeliveryMode.PERSISTENT for m in messages)
    assert {m.content_type for m in messages} == {"application/json"}


async def test_send_publishes_its_argument_as_one_message_and_reads_files(service_env, tmp_path):
    settings = load_settings(service_env)
    record = '{"service_name": "api", "message": "hello"}'
    result = await invoke(settings, "send", record)
    assert result.exit_code == 0, result.output
    assert "1 message(s) with 1 record(s)" in result.stdout
    path = tmp_path / "logs.jsonl"
    path.write_text(record + "\n" + record + "\n")
    result = await invoke(settings, "send", "--file", str(path))
    assert result.exit_code == 0, result.output
    messages = await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 3)
    assert [m.body for m in messages] == [record.encode()] * 3


async def test_many_messages_are_all_confirmed_and_queued(service_env):
    settings = load_settings(service_env)
    lines = [b'{"service_name": "api", "message": "m %d"}' % n for n in range(2000)]
    result = await invoke(settings, "send", "-f", "-", stdin=b"\n".join(lines))
    assert result.exit_code == 0, result.output
    assert "2000 message(s) with 2000 record(s)" in result.stdout
    messages = await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 2000)
    assert [m.body for m in messages] == lines


async def test_text_that_is_not_json_sends_nothing(service_env):
    settings = load_settings(service_env)
    result = await invoke(
        settings, "send", "--file", "-", stdin=b'{"message": "fine"}\n{"message": nope}\n'
    )
    assert result.exit_code == 1
    assert "send: <stdin>:2: invalid JSON" in result.stderr
    assert await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 0) == []


async def test_an_unreachable_broker_is_reported(service_env, free_port):
    env = {**service_env, "RABBITMQ_URL": f"amqp://guest:guest@127.0.0.1:{free_port}/"}
    result = await invoke(load_settings(env), "send", '{"message": "x"}')
    assert result.exit_code == 1
    assert "send: cannot connect to RabbitMQ at amqp://***@127.0.0.1" in result.stderr


async def test_the_entry_point_runs_send(service_env):
    settings = load_settings(service_env)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "pipeline",
        "send",
        "--file",
        "-",
        cwd=REPO_ROOT,
        env=service_env,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate(b'{"service_name": "api", "message": "via stdin"}\n')
    assert process.returncode == 0, err.decode()
    assert out.decode().startswith("send: 1 message(s) with 1 record(s) confirmed")
    messages = await take_all(settings.rabbitmq.url, settings.rabbitmq.log_queue, 1)
    assert messages[0].body == b'{"service_name": "api", "message": "via stdin"}'
