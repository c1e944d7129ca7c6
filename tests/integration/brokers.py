"""Servers a test owns: a Kafka, RabbitMQ or PostgreSQL of its own, started and stopped by the
deploy scripts.

For tests that restart a broker: restarting the shared stack's would disturb every other user
of it (a `make run` on the same machine included). Each owned broker has its own STACK_DIR and
ports, so the scripts treat the shared stack's servers as foreign and never touch them.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .conftest import REPO_ROOT

DEPLOY = Path(REPO_ROOT) / "deploy"


def free_port(low: int = 10000, high: int = 12700) -> int:
    """A free port whose +20000 (RabbitMQ's distribution port) is free too, both below Linux's
    ephemeral range (32768 and up): while a test holds its broker down, the clients retrying
    its port take ephemeral source ports, and one of them (or a connect to itself, TCP's
    simultaneous open) could take the broker's own port in that range; the broker then fails
    to start again (seen once: a restarted Kafka on 35496 exited during startup)."""
    # Each pytest-xdist worker draws from its own part of the range, so two workers never
    # hand out one port between drawing and binding it.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")[2:]
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    span = (high - low) // max(workers, 1)
    low += span * (int(worker) % max(workers, 1) if worker.isdigit() else 0)
    for _ in range(200):
        port = int.from_bytes(os.urandom(2), "big") % span + low
        if port in _GIVEN:
            # Handed out before and perhaps not bound yet (a Kafka's broker and controller
            # ports are drawn one after the other): never the same port twice.
            continue
        try:
            for candidate in (port, port + 20000):
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", candidate))
        except OSError:
            continue
        _GIVEN.add(port)
        return port
    raise RuntimeError("no free port")


# The ports free_port handed out in this process.
_GIVEN: set[int] = set()


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True
    except OSError:
        return False


def run_script(
    script: str, *args: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(DEPLOY / script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def script_env(stack: Path, **extra: str) -> dict[str, str]:
    """The environment for a deploy script working in ``stack``, without the shared stack's
    RabbitMQ and PostgreSQL settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RABBITMQ_", "PG_"))}
    env.update(STACK_DIR=str(stack), **extra)
    return env


def shared_tmp() -> Path:
    """A temp dir the postgres and rabbitmq users can traverse (pytest's tmp_path is 0700)."""
    path = Path(tempfile.mkdtemp(prefix="la-test-broker-", dir="/tmp"))
    path.chmod(0o755)
    return path


def kill_processes_with(marker: bytes, where: str) -> None:
    """SIGKILL every process whose ``where`` ("cmdline" or "environ") holds ``marker`` as one
    of its NUL-separated entries: whatever a test did, no broker of it survives it."""
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if marker in (proc / where).read_bytes().split(b"\0"):
                os.kill(int(proc.name), signal.SIGKILL)
        except (OSError, ValueError):
            pass


@dataclass
class OwnedBroker:
    """One broker started by ``deploy/<script>`` in a STACK_DIR of its own."""

    script: str
    env: dict[str, str]
    port: int
    url: str

    def up(self, timeout: float = 150) -> float:
        """Start it and wait until it answers; the seconds that took."""
        started = time.monotonic()
        result = run_script(self.script, "up", env=self.env, timeout=timeout)
        assert result.returncode == 0, result.stdout + result.stderr
        return time.monotonic() - started

    def down(self, timeout: float = 120) -> None:
        """A clean stop (SIGTERM, as an operator or an orchestrator would)."""
        result = run_script(self.script, "down", env=self.env, timeout=timeout)
        assert result.returncode == 0, result.stdout + result.stderr
        assert not port_open(self.port), f"{self.script} down left port {self.port} open"

    def restart(self) -> None:
        self.down()
        self.up()


def owned_kafka() -> Iterator[OwnedBroker]:
    """A single-node Kafka of our own (the shared stack's jars, its own data and ports)."""
    stack = shared_tmp()
    port, controller = free_port(), free_port()
    env = script_env(
        stack,
        KAFKA_PORT=str(port),
        KAFKA_CONTROLLER_PORT=str(controller),
        KAFKA_HEAP_OPTS="-Xms256m -Xmx512m",
        KAFKA_TIMEOUT="120",
    )
    config = str(stack / "kafka" / "server.properties").encode()
    yield from _running(OwnedBroker("kafka.sh", env, port, f"localhost:{port}"), config, "cmdline")


def owned_rabbitmq() -> Iterator[OwnedBroker]:
    """A RabbitMQ node of our own (unique node name, its own port and mnesia)."""
    stack = shared_tmp()
    port = free_port()
    env = script_env(
        stack,
        RABBITMQ_PORT=str(port),
        RABBITMQ_STACK_NODENAME=f"la-test-{uuid.uuid4().hex[:8]}@localhost",
        RABBITMQ_MANAGEMENT="0",
        RABBITMQ_TIMEOUT="90",
    )
    mnesia = f"RABBITMQ_MNESIA_BASE={stack / 'rabbitmq' / 'mnesia'}".encode()
    url = f"amqp://guest:guest@localhost:{port}/"
    yield from _running(OwnedBroker("rabbitmq.sh", env, port, url), mnesia, "environ")


def owned_postgres() -> Iterator[OwnedBroker]:
    """A PostgreSQL cluster of our own (its own data directory and port; initdb takes seconds).
    Its ``url`` is the application database, empty until the test migrates it."""
    stack = shared_tmp()
    port = free_port()
    env = script_env(stack, PG_PORT=str(port), PG_TIMEOUT="60")
    data = str(stack / "postgres" / "data").encode()
    url = f"postgresql://log_analysis:log_analysis@localhost:{port}/log_analysis"
    yield from _running(OwnedBroker("postgres.sh", env, port, url), data, "cmdline")


def _running(broker: OwnedBroker, marker: bytes, where: str) -> Iterator[OwnedBroker]:
    """``broker`` up for the caller; afterwards stopped, every process of it gone (found by
    ``marker`` in its ``where``), and its STACK_DIR deleted."""
    try:
        broker.up()
        yield broker
    finally:
        run_script(broker.script, "down", env=broker.env)
        kill_processes_with(marker, where)
        shutil.rmtree(broker.env["STACK_DIR"], ignore_errors=True)
