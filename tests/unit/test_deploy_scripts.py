"""deploy/*.sh only ever stop or delete what they started or created themselves.

These run the real scripts with a throwaway STACK_DIR and stand-in processes (no services
needed): a process that merely looks like a broker/node of someone else must survive `down`,
and the stand-in for our own one must be stopped (the positive control that proves the test
can see a kill). `runuser`, `rabbitmqctl`, `mvn` and `java` are replaced by recording fakes,
so even a regressed script cannot reach a real server while these tests run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SLEEPER = "import time; time.sleep(120)"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("bash") is None,
    reason="the deploy scripts need bash and /proc",
)


def _fake(bin_dir: Path, name: str, record: Path, rc: int = 0) -> None:
    path = bin_dir / name
    path.write_text(f'#!/bin/sh\necho "{name} $*" >>"{record}"\nexit {rc}\n')
    path.chmod(0o755)


@pytest.fixture
def fakes(tmp_path: Path) -> tuple[Path, Path]:
    """(bin dir to put first on PATH, file where every fake call is recorded)."""
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir()
    record = tmp_path / "calls.log"
    record.touch()
    for name in ("runuser", "rabbitmqctl", "rabbitmq-server"):
        _fake(bin_dir, name, record)
    for name in ("mvn", "java"):
        _fake(bin_dir, name, record, rc=1)
    return bin_dir, record


def _env(stack: Path, bin_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RABBITMQ_", "KAFKA_"))}
    env.update(
        STACK_DIR=str(stack),
        PATH=f"{bin_dir}:{env.get('PATH', '/usr/bin:/bin')}",
        # Never a node of the real stack, even if a regressed script calls rabbitmqctl.
        RABBITMQ_STACK_NODENAME="la-unit-test-no-such-node@localhost",
        RABBITMQ_SBIN=str(bin_dir),
        RABBITMQ_PORT="1",  # nothing listens there
        KAFKA_PORT="1",
        **extra,
    )
    return env


def _run(script: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(DEPLOY / script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=100,
        check=False,
    )


@pytest.fixture
def spawn() -> Iterator:
    """spawn(argv0, *args, env=None): a sleeping python process with that argv/environment."""
    procs: list[subprocess.Popen[bytes]] = []

    def _spawn(
        argv0: str, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            [argv0, "-c", SLEEPER, *args], executable=sys.executable, env=env or {}
        )
        procs.append(proc)
        # Reap it as soon as it dies: a zombie still answers `kill -0`, and the scripts wait
        # for the pid to disappear.
        threading.Thread(target=proc.wait, daemon=True).start()
        time.sleep(0.2)  # let exec finish, so /proc shows the final cmdline/environ
        return proc

    yield _spawn
    for proc in procs:
        proc.kill()
        proc.wait()


def _alive(proc: subprocess.Popen[bytes]) -> bool:
    return proc.poll() is None


def _wait_dead(proc: subprocess.Popen[bytes], seconds: float = 10) -> bool:
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        return False
    return True


def test_deploy_scripts_are_shellcheck_clean():
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck not installed")
    scripts = sorted(str(p) for p in DEPLOY.glob("*.sh"))
    result = subprocess.run(
        [shellcheck, *scripts], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------- kafka


@pytest.mark.timeout(60)
def test_kafka_down_leaves_a_broker_it_did_not_start(tmp_path, fakes, spawn):
    bin_dir, _ = fakes
    stack = tmp_path / "stack"
    (stack / "kafka").mkdir(parents=True)
    # Another clone's broker (a different server.properties), with its pid in OUR pid file
    # (stale pid file, pid reused), plus an unrelated process: neither is ours.
    foreign = spawn(
        "java", "kafka.Kafka", str(tmp_path / "other-clone/.stack/kafka/server.properties")
    )
    (stack / "kafka/kafka.pid").write_text(f"{foreign.pid}\n")
    unrelated = spawn("sleep")

    result = _run("kafka.sh", "down", env=_env(stack, bin_dir))

    assert result.returncode == 0, result.stderr
    assert "down (not running)" in result.stdout
    assert _alive(foreign) and _alive(unrelated)

    # Positive control: a process with exactly our command line is stopped (found by /proc scan).
    ours = spawn("java", "kafka.Kafka", str(stack / "kafka/server.properties"))
    result = _run("kafka.sh", "down", env=_env(stack, bin_dir))
    assert result.returncode == 0, result.stderr
    assert f"stopping pid {ours.pid}" in result.stdout
    assert _wait_dead(ours)
    assert _alive(foreign) and _alive(unrelated)


@pytest.mark.timeout(60)
def test_kafka_never_deletes_a_libs_dir_it_did_not_create(tmp_path, fakes):
    bin_dir, _ = fakes
    libs = tmp_path / "opt-kafka-libs"
    libs.mkdir()
    (libs / "keep-me.txt").write_text("not ours\n")

    result = _run("kafka.sh", "jars", env=_env(tmp_path / "stack", bin_dir, KAFKA_LIBS=str(libs)))

    assert result.returncode != 0
    assert "not deleting it" in result.stderr
    assert (libs / "keep-me.txt").read_text() == "not ours\n"

    # Someone else's Kafka installation is used as it is.
    (libs / "kafka_2.13-3.9.0.jar").write_bytes(b"")
    result = _run("kafka.sh", "jars", env=_env(tmp_path / "stack", bin_dir, KAFKA_LIBS=str(libs)))
    assert result.returncode == 0, result.stderr
    assert "as they are" in result.stdout
    assert sorted(p.name for p in libs.iterdir()) == ["kafka_2.13-3.9.0.jar", "keep-me.txt"]


# ---------------------------------------------------------------- rabbitmq


@pytest.mark.timeout(90)
def test_rabbitmq_down_leaves_a_node_it_did_not_start(tmp_path, fakes, spawn):
    bin_dir, record = fakes
    stack = tmp_path / "stack"
    (stack / "rabbitmq").mkdir(parents=True)
    # A node of another clone / the system service: its pid sits in our pid file (stale file,
    # reused pid) but it runs with other directories.
    foreign = spawn("beam.smp", env={"RABBITMQ_MNESIA_BASE": "/var/lib/rabbitmq/mnesia"})
    (stack / "rabbitmq/rabbitmq.pid").write_text(f"{foreign.pid}\n")

    result = _run("rabbitmq.sh", "down", env=_env(stack, bin_dir))

    assert result.returncode == 0, result.stderr
    assert "down (not running)" in result.stdout
    assert _alive(foreign)
    assert "stop" not in record.read_text(), record.read_text()

    # Positive control: the node we started (our RABBITMQ_MNESIA_BASE) is stopped.
    ours = spawn("beam.smp", env={"RABBITMQ_MNESIA_BASE": f"{stack}/rabbitmq/mnesia"})
    (stack / "rabbitmq/rabbitmq.pid").write_text(f"{ours.pid}\n")
    result = _run("rabbitmq.sh", "down", env=_env(stack, bin_dir))
    assert result.returncode == 0, result.stderr
    assert f"pid {ours.pid}" in result.stdout
    assert _wait_dead(ours)
    assert _alive(foreign)


@pytest.mark.timeout(60)
def test_rabbitmq_down_without_our_state_touches_nothing(tmp_path, fakes):
    bin_dir, record = fakes
    result = _run("rabbitmq.sh", "down", env=_env(tmp_path / "fresh-stack", bin_dir))
    assert result.returncode == 0, result.stderr
    assert "down (not running)" in result.stdout
    assert record.read_text() == ""
    assert not (tmp_path / "fresh-stack/rabbitmq").exists()
