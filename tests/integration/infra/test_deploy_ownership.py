"""deploy/postgres.sh and deploy/rabbitmq.sh configure and stop only servers they started.

Each test gives the scripts a throwaway STACK_DIR, so to them every server already running
(the shared stack included) is foreign.  PostgreSQL: a throwaway cluster is initdb'd as the
postgres user on a free port with its socket in /var/run/postgresql, like a system cluster;
its roles must come out of `up`/`down` unchanged.  RabbitMQ: the shared stack's node plays
the foreign node, with `runuser`/`rabbitmqctl` replaced by recording fakes so that even a
regressed script cannot stop it; a real throwaway node checks our own up/down still work.
Needs root (the scripts do).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..brokers import (
    free_port,
    kill_processes_with,
    port_open,
    run_script,
    script_env,
)
from ..brokers import (
    shared_tmp as make_shared_tmp,
)
from ..conftest import BASE

PG_SOCKDIR = "/var/run/postgresql"

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(os.geteuid() != 0, reason="the deploy scripts run as root"),
]


def _pg_bindir() -> Path | None:
    for candidate in [
        Path("/usr/lib/postgresql/15/bin"),
        *sorted(Path("/usr/lib/postgresql").glob("*/bin")),
    ]:
        if (candidate / "pg_ctl").exists():
            return candidate
    return None


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    path = make_shared_tmp()
    yield path
    shutil.rmtree(path, ignore_errors=True)


# ---------------------------------------------------------------- PostgreSQL


@dataclass
class Cluster:
    port: int
    data: Path
    bindir: Path

    def sql(self, query: str) -> str:
        """Run QUERY as the postgres superuser over the unix socket (peer auth)."""
        result = subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(self.bindir / "psql"),
                "-h",
                PG_SOCKDIR,
                "-p",
                str(self.port),
                "-d",
                "postgres",
                "-XAtq",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                query,
            ],
            capture_output=True,
            text=True,
            cwd="/",
            timeout=30,
            check=True,
        )
        return result.stdout

    def roles_and_databases(self) -> str:
        """Everything the bug used to change: roles, their password hashes, flags, databases."""
        return self.sql(
            "SELECT rolname, coalesce(rolpassword, ''), rolcanlogin, rolcreatedb, rolsuper"
            " FROM pg_authid ORDER BY 1"
        ) + self.sql("SELECT datname FROM pg_database ORDER BY 1")

    def answers(self) -> bool:
        return (
            subprocess.run(
                [str(self.bindir / "pg_isready"), "-q", "-h", "localhost", "-p", str(self.port)],
                check=False,
                timeout=10,
            ).returncode
            == 0
        )


@pytest.fixture
def foreign_pg(shared_tmp: Path) -> Iterator[Cluster]:
    """A PostgreSQL that deploy/postgres.sh did not initialise, like a system or dev cluster."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not installed")
    os.makedirs(PG_SOCKDIR, exist_ok=True)
    shutil.chown(PG_SOCKDIR, "postgres", "postgres")
    base = shared_tmp / "foreign-pg"
    base.mkdir()
    shutil.chown(base, "postgres", "postgres")
    data = base / "data"
    port = free_port()

    def as_postgres(*cmd: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *cmd],
            cwd="/",
            check=True,
            capture_output=True,
            timeout=120,
        )

    as_postgres(
        str(bindir / "initdb"),
        "-D",
        str(data),
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--auth-local=peer",
        "--auth-host=scram-sha-256",
    )
    options = (
        f"-c port={port} -c listen_addresses=localhost -c unix_socket_directories={PG_SOCKDIR}"
        " -c fsync=off"
    )
    as_postgres(
        str(bindir / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-l",
        str(base / "pg.log"),
        "-w",
        "start",
    )
    cluster = Cluster(port, data, bindir)
    try:
        yield cluster
    finally:
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-m",
                "immediate",
                "stop",
            ],
            cwd="/",
            check=False,
            capture_output=True,
            timeout=60,
        )


FOREIGN_SETUPS: dict[str, str] = {
    "no-role": "",
    "role-with-another-password": "CREATE ROLE log_analysis LOGIN PASSWORD 'somebody-elses-secret'",
    "role-without-login": "CREATE ROLE log_analysis NOLOGIN",
}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("setup", sorted(FOREIGN_SETUPS))
def test_postgres_up_never_changes_roles_on_a_foreign_server(foreign_pg, shared_tmp, setup):
    if FOREIGN_SETUPS[setup]:
        foreign_pg.sql(FOREIGN_SETUPS[setup])
    before = foreign_pg.roles_and_databases()
    env = script_env(shared_tmp / "stack", PG_PORT=str(foreign_pg.port), PG_TIMEOUT="20")

    result = run_script("postgres.sh", "up", env=env)

    assert foreign_pg.roles_and_databases() == before
    assert foreign_pg.answers()
    assert result.returncode != 0, result.stdout
    assert "not started by this repo" in result.stderr
    assert "never creates or changes roles" in result.stderr

    result = run_script("postgres.sh", "down", env=env)
    assert result.returncode == 0, result.stderr
    assert foreign_pg.answers()
    assert foreign_pg.roles_and_databases() == before


@pytest.mark.timeout(120)
def test_postgres_uses_a_foreign_server_whose_login_works_as_is(foreign_pg, shared_tmp):
    foreign_pg.sql("CREATE ROLE log_analysis LOGIN PASSWORD 'log_analysis'")
    foreign_pg.sql("CREATE DATABASE log_analysis OWNER log_analysis")
    before = foreign_pg.roles_and_databases()  # a re-set password would change the SCRAM salt
    env = script_env(shared_tmp / "stack", PG_PORT=str(foreign_pg.port), PG_TIMEOUT="20")

    up = run_script("postgres.sh", "up", env=env)
    status = run_script("postgres.sh", "status", env=env)
    down = run_script("postgres.sh", "down", env=env)

    assert foreign_pg.answers()
    assert foreign_pg.roles_and_databases() == before
    assert up.returncode == 0, up.stdout + up.stderr
    assert "left alone" in up.stdout
    assert status.returncode == 0 and "not started by this repo" in status.stdout
    assert down.returncode == 0, down.stderr
    assert "not touching it" in down.stderr


@pytest.mark.timeout(120)
def test_postgres_a_stale_pid_file_does_not_make_a_foreign_server_ours(foreign_pg, shared_tmp):
    """Our data dir (with marker) holds a postmaster.pid whose pid/port now belong to a foreign
    postmaster (pid reuse after a crash/reboot): neither `up` nor `down` may act on it."""
    foreign_pg.sql("CREATE ROLE log_analysis LOGIN PASSWORD 'somebody-elses-secret'")
    before = foreign_pg.roles_and_databases()
    ours = shared_tmp / "stack/postgres/data"
    ours.mkdir(parents=True)
    (ours / "PG_VERSION").write_text("15\n")
    (ours / "log_analysis_stack.id").write_text(f"log-analysis-stack {uuid.uuid4()}\n")
    shutil.copy(foreign_pg.data / "postmaster.pid", ours / "postmaster.pid")
    env = script_env(shared_tmp / "stack", PG_PORT=str(foreign_pg.port), PG_TIMEOUT="20")

    up = run_script("postgres.sh", "up", env=env)
    assert foreign_pg.roles_and_databases() == before
    down = run_script("postgres.sh", "down", env=env)
    assert foreign_pg.answers()
    assert foreign_pg.roles_and_databases() == before

    assert up.returncode != 0, up.stdout
    assert "not started by this repo" in up.stderr
    assert down.returncode == 0, down.stderr
    assert "not touching it" in down.stderr


@pytest.mark.timeout(180)
def test_postgres_own_cluster_is_marked_configured_repaired_and_stopped(shared_tmp):
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not installed")
    port = free_port()
    env = script_env(shared_tmp / "stack", PG_PORT=str(port), PG_TIMEOUT="60")
    data = shared_tmp / "stack/postgres/data"
    try:
        result = run_script("postgres.sh", "up", env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        assert (data / "log_analysis_stack.id").read_text().startswith("log-analysis-stack ")
        status = run_script("postgres.sh", "status", env=env)
        assert status.returncode == 0 and "not started by this repo" not in status.stdout

        # Someone changes the password on OUR cluster: `up` repairs it (it is ours).
        cluster = Cluster(port, data, bindir)
        cluster.sql("ALTER ROLE log_analysis PASSWORD 'changed'")
        assert run_script("postgres.sh", "probe", env=env).returncode != 0
        result = run_script("postgres.sh", "up", env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        assert run_script("postgres.sh", "probe", env=env).returncode == 0
    finally:
        result = run_script("postgres.sh", "down", env=env)
    assert result.returncode == 0, result.stderr
    assert "stopping postmaster" in result.stdout
    assert not port_open(port)


# ---------------------------------------------------------------- RabbitMQ


@pytest.fixture
def recording_fakes(shared_tmp: Path) -> tuple[Path, Path]:
    """A bin dir with fake runuser/rabbitmqctl/rabbitmq-server that only record their arguments."""
    bin_dir = shared_tmp / "fakebin"
    bin_dir.mkdir()
    record = shared_tmp / "calls.log"
    record.touch()
    record.chmod(0o666)
    for name in ("runuser", "rabbitmqctl", "rabbitmq-server"):
        path = bin_dir / name
        path.write_text(f'#!/bin/sh\necho "{name} $*" >>"{record}"\nexit 0\n')
        path.chmod(0o755)
    return bin_dir, record


def _fake_rmq_env(stack: Path, bin_dir: Path, port: int) -> dict[str, str]:
    env = script_env(stack)
    env.update(
        PATH=f"{bin_dir}:{env.get('PATH', '/usr/bin:/bin')}",
        RABBITMQ_SBIN=str(bin_dir),
        RABBITMQ_PORT=str(port),
        RABBITMQ_TIMEOUT="20",
        RABBITMQ_MANAGEMENT="0",
        # Even a regressed script's real rabbitmqctl would target no existing node.
        RABBITMQ_STACK_NODENAME=f"la-test-{uuid.uuid4().hex[:8]}@localhost",
    )
    return env


def _rabbit_calls(record: Path) -> list[str]:
    """Recorded calls of the RabbitMQ tools (`runuser ... test -x DIR` probes are harmless)."""
    lines = record.read_text().splitlines()
    return [line for line in lines if "rabbitmqctl" in line or "rabbitmq-server" in line]


@pytest.mark.timeout(120)
def test_rabbitmq_up_and_down_leave_a_foreign_node_alone(shared_tmp, recording_fakes):
    bin_dir, record = recording_fakes
    url = urlsplit(BASE.rabbitmq.url)
    if url.hostname not in ("localhost", "127.0.0.1"):
        pytest.skip("needs the RabbitMQ of the local stack")
    port = url.port or 5672  # the shared stack's node: not ours here
    env = _fake_rmq_env(shared_tmp / "stack", bin_dir, port)

    up = run_script("rabbitmq.sh", "up", env=env)
    down = run_script("rabbitmq.sh", "down", env=env)

    assert _rabbit_calls(record) == []
    assert port_open(port)
    assert up.returncode == 0, up.stdout + up.stderr
    assert "left alone" in up.stdout
    assert down.returncode == 0, down.stderr
    assert "not started by this repo" in down.stderr


@pytest.mark.timeout(120)
def test_rabbitmq_up_fails_clearly_on_a_port_held_by_something_else(shared_tmp, recording_fakes):
    bin_dir, record = recording_fakes
    with socket.socket() as listener:  # accepts TCP, never speaks AMQP
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        port = listener.getsockname()[1]
        env = _fake_rmq_env(shared_tmp / "stack", bin_dir, port)
        up = run_script("rabbitmq.sh", "up", env=env)
        down = run_script("rabbitmq.sh", "down", env=env)
    assert _rabbit_calls(record) == []
    assert up.returncode != 0
    assert "not a node started by this repo" in up.stderr
    assert down.returncode == 0, down.stderr
    assert "not started by this repo" in down.stderr


@pytest.fixture
def own_rabbit(shared_tmp: Path) -> Iterator[tuple[dict[str, str], int]]:
    """(env for a stack dir 'clone-a' with a unique node name, its free port)."""
    if not Path("/usr/lib/rabbitmq/bin/rabbitmq-server").exists():
        pytest.skip("rabbitmq-server not installed")
    port = free_port()
    env = script_env(
        shared_tmp / "clone-a",
        RABBITMQ_PORT=str(port),
        RABBITMQ_STACK_NODENAME=f"la-test-{uuid.uuid4().hex[:8]}@localhost",
        RABBITMQ_MANAGEMENT="0",
        RABBITMQ_TIMEOUT="90",
    )
    yield env, port
    # Whatever happens, no node of this test survives it (only a process with its environment).
    kill_processes_with(
        f"RABBITMQ_MNESIA_BASE={shared_tmp}/clone-a/rabbitmq/mnesia".encode(), "environ"
    )


@pytest.mark.timeout(240)
@pytest.mark.slow
def test_rabbitmq_down_stops_our_node_and_only_ours(shared_tmp, own_rabbit, recording_fakes):
    env_a, port = own_rabbit
    # A second clone (own STACK_DIR, same port).  Its tools are recording fakes: a regressed
    # `down` must not be able to stop any real node (e.g. rabbit@localhost of the shared stack).
    bin_dir, record = recording_fakes
    env_b = _fake_rmq_env(shared_tmp / "clone-b", bin_dir, port)

    result = run_script("rabbitmq.sh", "up", env=env_a, timeout=150)
    assert result.returncode == 0, result.stdout + result.stderr
    pid = int((shared_tmp / "clone-a/rabbitmq/rabbitmq.pid").read_text().split()[0])
    status = run_script("rabbitmq.sh", "status", env=env_a)
    assert status.returncode == 0 and "not started by this repo" not in status.stdout

    # A second clone finds clone A's node: it uses it, and its `down` does not stop it.
    result = run_script("rabbitmq.sh", "up", env=env_b)
    assert result.returncode == 0 and "left alone" in result.stdout, result.stdout + result.stderr
    result = run_script("rabbitmq.sh", "down", env=env_b)
    assert _rabbit_calls(record) == []
    assert port_open(port)
    assert result.returncode == 0 and "not touching it" in result.stderr, (
        result.stdout + result.stderr
    )
    os.kill(pid, 0)  # still alive

    result = run_script("rabbitmq.sh", "down", env=env_a)
    assert result.returncode == 0, result.stderr
    assert f"pid {pid}" in result.stdout
    assert "SIGKILL" not in result.stderr  # SIGTERM made it shut down cleanly
    assert not port_open(port)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
