"""The end-to-end benchmark's standard set: `python -m pipeline bench` in the scenarios issue 16
sets targets for, against the local stack, with every process watched.

    .venv/bin/python tests/bench/bench_stream.py [--quick] [--write-docs]

Each scenario gets names of its own: a new database (``log_analysis_bench``, made, migrated
and dropped for the scenario), its own Kafka topics, RabbitMQ queues and Faust app id, and a
worker started for it on a free port. So a scenario never writes into the data of a `make run`
(nor drains its queue), and every scenario starts from an empty database: the rows earlier runs
left do not slow later ones. A `make run` worker left running still shares the CPU; the script
says so. Prints one JSON line per scenario (the bench's own line, plus the scenario and its
target), then a Markdown table. ``--write-docs`` puts the table between the markers of
docs/performance.md and draws docs/images/performance.png.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "performance.md"
CHART = ROOT / "docs" / "images" / "performance.png"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
STACK = ROOT / ".stack"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.settings import load_settings  # noqa: E402

BENCH_DATABASE = "log_analysis_bench"


@dataclass(frozen=True)
class Scenario:
    name: str
    args: tuple[str, ...]
    quick_records: int
    records: int
    target: str
    # Whether the bench's line meets the target.
    met: Any


SCENARIOS = (
    Scenario(
        "100 records a message, as fast as possible",
        ("--batch", "100"),
        200_000,
        1_000_000,
        ">= 20,000 logs/s (goal 40,000)",
        lambda r: r["logs_per_s"] >= 20_000,
    ),
    Scenario(
        "1 record a message, as fast as possible",
        ("--batch", "1", "--in-flight", "500"),
        20_000,
        60_000,
        ">= 4,000 logs/s",
        lambda r: r["logs_per_s"] >= 4_000,
    ),
    Scenario(
        "steady 10,000 logs/s, 100 a message",
        ("--batch", "100", "--rate", "10000"),
        150_000,
        600_000,
        "p99 <= 2 s",
        lambda r: r["p99_latency_s"] is not None and r["p99_latency_s"] <= 2.0,
    ),
    Scenario(
        "steady 5,000 logs/s, 100 a message",
        ("--batch", "100", "--rate", "5000"),
        75_000,
        300_000,
        "(reference)",
        lambda r: None,
    ),
)


def environment() -> dict[str, str]:
    return {**os.environ, "LOG_ANALYSIS_ENV": os.environ.get("LOG_ANALYSIS_ENV", "development")}


def web_port(env: dict[str, str]) -> int:
    return int(env.get("WEB_PORT", "8000"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def database_url(url: str, name: str) -> str:
    """``url`` with its database replaced by ``name``."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def bench_environment(base: dict[str, str], prefix: str, port: int, data: Path) -> dict[str, str]:
    """``base`` with names of the scenario's own (see the module docstring)."""
    url = database_url(load_settings(base).database.url, BENCH_DATABASE)
    return {
        **base,
        "DATABASE_URL": url,
        "LOG_ANALYSIS_APP_ID": prefix,
        "KAFKA_LOGS_TOPIC": f"{prefix}.logs",
        "KAFKA_INSIGHTS_TOPIC": f"{prefix}.insights",
        "KAFKA_DEAD_LETTER_TOPIC": f"{prefix}.dead-letter",
        "LOG_QUEUE": f"{prefix}.log_analysis_queue",
        "ALERTS_QUEUE": f"{prefix}.alerts_queue",
        "RECOMMENDATION_QUEUE": f"{prefix}.recommendation_queue",
        "WEB_HOST": "127.0.0.1",
        "WEB_PORT": str(port),
        "LOG_ANALYSIS_DATA_DIR": str(data),
    }


DROP_ATTEMPTS = 60


async def _recreate_database(admin_url: str, name: str, create: bool) -> None:
    import asyncpg

    admin = await asyncpg.connect(admin_url)
    try:
        for attempt in range(DROP_ATTEMPTS):
            try:
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                break
            except asyncpg.InsufficientPrivilegeError:
                # FORCE may not end a superuser's backend: autovacuum, busy on the rows a run
                # just stored. It ends by itself (or is cancelled by a DROP that finds it).
                if attempt == DROP_ATTEMPTS - 1:
                    raise
                await asyncio.sleep(1)
        if create:
            await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


async def _remove_names(env: dict[str, str], prefix: str) -> None:
    """Delete the scenario's queues and topics (best effort: a broker gone is reported)."""
    import aio_pika
    from aiokafka.admin import AIOKafkaAdminClient

    settings = load_settings(env)
    try:
        connection = await aio_pika.connect(settings.rabbitmq.url, timeout=10)
        async with connection:
            channel = await connection.channel()
            for name in ("log_analysis_queue", "alerts_queue", "recommendation_queue"):
                await channel.queue_delete(f"{prefix}.{name}")
    except (TimeoutError, OSError, aio_pika.exceptions.AMQPError) as exc:
        print(f"could not delete the bench's queues: {exc}", file=sys.stderr)
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka.bootstrap_servers)
    try:
        await admin.start()
        topics = [t for t in await admin.list_topics() if t.startswith(f"{prefix}")]
        if topics:
            await admin.delete_topics(topics)
    except Exception as exc:  # cleanup reports and goes on
        print(f"could not delete the bench's topics: {exc}", file=sys.stderr)
    finally:
        await admin.close()


@contextmanager
def own_names(base: dict[str, str], number: int) -> Iterator[dict[str, str]]:
    """A scenario's environment: a new, migrated database and names no one else uses; all
    removed afterwards."""
    prefix = f"la-bench-{number}-{int(time.time())}"
    admin_url = load_settings(base).database.url
    with tempfile.TemporaryDirectory(prefix="la-bench-") as data:
        env = bench_environment(base, prefix, free_port(), Path(data))
        asyncio.run(_recreate_database(admin_url, BENCH_DATABASE, create=True))
        try:
            subprocess.run(
                [sys.executable, "-m", "pipeline", "migrate"],
                cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
            yield env
        finally:
            asyncio.run(_remove_names(env, prefix))
            asyncio.run(_recreate_database(admin_url, BENCH_DATABASE, create=False))


def ready(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=3) as r:
            return bool(r.status == 200)
    except (OSError, urllib.error.URLError):
        return False


def worker_environments(env: dict[str, str], count: int) -> list[dict[str, str]]:
    """``env`` for the first worker; the others share its app id, topics and database (so the
    logs topic's partitions are shared out) with a web port and data directory of their own."""
    envs = [env]
    for number in range(2, count + 1):
        # Inside the scenario's data directory, which own_names removes.
        data = Path(env["LOG_ANALYSIS_DATA_DIR"]) / f"worker-{number}"
        data.mkdir()
        envs.append({**env, "WEB_PORT": str(free_port()), "LOG_ANALYSIS_DATA_DIR": str(data)})
    return envs


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    worker = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "worker", "--loglevel=info"],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 180
    while not ready(web_port(env)):
        if worker.poll() is not None or time.monotonic() > deadline:
            worker.kill()
            raise SystemExit(f"the worker did not become ready; see {log}")
        time.sleep(1)
    return worker


def stop_worker(worker: subprocess.Popen[bytes]) -> None:
    worker.terminate()
    try:
        worker.wait(60)
    except subprocess.TimeoutExpired:
        worker.kill()


def stack_pids() -> list[tuple[str, int]]:
    """The local stack's brokers and database, when this checkout runs them."""
    found = []
    for name, path in (
        ("kafka", STACK / "kafka" / "kafka.pid"),
        ("rabbitmq", STACK / "rabbitmq" / "rabbitmq.pid"),
        ("postgres", STACK / "postgres" / "data" / "postmaster.pid"),
    ):
        try:
            found.append((name, int(path.read_text().split()[0])))
        except (OSError, ValueError, IndexError):
            continue
    return found


def run(
    scenario: Scenario, records: int, env: dict[str, str], ports: list[int] | None = None
) -> dict[str, Any]:
    """One scenario's ``pipeline bench`` line; ``ports``: the workers' web ports when there
    are several (each is watched as ``worker-N``; one worker is ``worker``)."""
    watch = [arg for name, pid in stack_pids() for arg in ("--watch", f"{name}={pid}")]
    if ports and len(ports) > 1:
        for number, port in enumerate(ports, 1):
            watch += ["--metrics-url", f"worker-{number}=http://127.0.0.1:{port}/metrics"]
    command = [
        sys.executable, "-m", "pipeline", "bench", "-n", str(records), *scenario.args,
        "--timeout", "1200", *watch,
    ]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    if not lines:
        raise SystemExit(f"bench printed nothing: {done.stderr[-2000:]}")
    line: dict[str, Any] = json.loads(lines[-1])
    line["scenario"] = scenario.name
    line["target"] = scenario.target
    line["met"] = scenario.met(line)
    return line


def megabytes(line: dict[str, Any], name: str) -> str:
    processes = line["processes"]
    if name == "worker" and name not in processes:
        # Several workers: each one's peak and CPU seconds.
        found = [processes[key] for key in sorted(processes) if key.startswith("worker-")]
        return " + ".join(_usage(process) for process in found) or "-"
    return _usage(processes.get(name, {}))


def _usage(process: dict[str, Any]) -> str:
    if "peak_mb" not in process:
        return "-"
    return f"{process['peak_mb']:.0f} / {process['cpu_seconds']:.0f}"


def table(lines: list[dict[str, Any]]) -> str:
    head = (
        "| scenario | records | logs/s | p50 / p95 / p99 latency (s) | stored once | target | met "
        "| worker MiB / CPU s | postgres | kafka | rabbitmq |\n"
        "|---|---:|---:|---|---|---|---|---|---|---|---|\n"
    )
    rows = []
    for r in lines:
        latency = (
            "-"
            if r["p50_latency_s"] is None
            else f"{r['p50_latency_s']:.2f} / {r['p95_latency_s']:.2f} / {r['p99_latency_s']:.2f}"
        )
        met = {True: "yes", False: "**no**", None: "-"}[r["met"]]
        rows.append(
            f"| {r['scenario']} | {r['records']:,} | {r['logs_per_s']:,.0f} | {latency} "
            f"| {'yes' if r['ok'] else '**no**'} | {r['target']} | {met} "
            f"| {megabytes(r, 'worker')} | {megabytes(r, 'postgres')} | {megabytes(r, 'kafka')} "
            f"| {megabytes(r, 'rabbitmq')} |"
        )
    return head + "\n".join(rows) + "\n"


def chart(lines: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [f"{i + 1}" for i in range(len(lines))]
    fig, (rate, latency) = plt.subplots(1, 2, figsize=(10, 3.6))
    rate.bar(names, [r["logs_per_s"] for r in lines], color="#4c72b0")
    rate.axhline(20_000, color="#c44e52", linestyle="--", linewidth=1, label="target 20,000")
    rate.set_title("logs/s end to end")
    rate.set_xlabel("scenario")
    rate.legend(loc="upper right", fontsize=8)
    for offset, key, colour in ((-0.25, "p50", "#55a868"), (0, "p95", "#dd8452"),
                                (0.25, "p99", "#c44e52")):  # fmt: skip
        values = [r[f"{key}_latency_s"] or 0 for r in lines]
        latency.bar([i + offset for i in range(len(lines))], values, width=0.25, label=key,
                    color=colour)  # fmt: skip
    latency.set_xticks(range(len(lines)), names)
    latency.set_yscale("log")
    latency.axhline(2.0, color="#333333", linestyle="--", linewidth=1, label="p99 target 2 s")
    latency.set_title("publish to stored (s, log scale)")
    latency.set_xlabel("scenario")
    latency.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_docs(lines: list[dict[str, Any]], quick: bool, worker_note: str) -> None:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    body = (
        f"{BEGIN}\n"
        f"Measured {stamp} by `tests/bench/bench_stream.py{' --quick' if quick else ''}` on "
        f"{os.cpu_count()} cores ({platform.machine()}), Python {platform.python_version()}, "
        f"every service local; {worker_note}. Scenarios are numbered in the chart in table "
        "order. Memory is the peak in MiB: the worker's RSS (from its /metrics), and for the "
        "brokers and PostgreSQL the proportional set size of the process and its children "
        "(shared buffers counted once); CPU seconds over the run.\n\n"
        + table(lines)
        + "\n![logs/s and latency per scenario](images/performance.png)\n"
        + f"{END}"
    )
    text = DOC.read_text() if DOC.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    start, end = text.index(BEGIN), text.index(END) + len(END)
    DOC.write_text(text[:start] + body + text[end:])
    chart(lines, CHART)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="Smaller runs (about a minute).")
    parser.add_argument("--write-docs", action="store_true", help="Update docs/performance.md.")
    parser.add_argument(
        "--workers", type=int, default=1, help="Worker processes per scenario (partitions shared)."
    )
    parser.add_argument(
        "--only",
        type=int,
        action="append",
        choices=range(1, len(SCENARIOS) + 1),
        help="Only scenario K (1-based, in table order); may be repeated.",
    )
    parser.add_argument("--records", type=int, help="Records per scenario instead of its own.")
    args = parser.parse_args()
    if args.write_docs and (args.workers > 1 or args.only or args.records):
        parser.error("--write-docs writes the whole one-worker standard set")
    base = environment()
    note = "one worker started for each scenario (`--loglevel=info`), on a new database"
    if ready(web_port(base)):
        print("a worker answers on WEB_PORT: it shares the CPU with the bench", file=sys.stderr)
        note += "; another worker (a `make run`) was running meanwhile"
    log = STACK / "logs" / "bench-worker.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for number, scenario in enumerate(SCENARIOS, 1):
        if args.only and number not in args.only:
            continue
        records = scenario.quick_records if args.quick else scenario.records
        records = args.records or records
        print(f"{scenario.name}: {records:,} records (worker log: {log})", file=sys.stderr)
        with own_names(base, number) as env:
            envs = worker_environments(env, args.workers)
            workers: list[subprocess.Popen[bytes]] = []
            try:
                # Started inside the try: one that never gets ready stops those before it.
                for i, each in enumerate(envs):
                    own_log = log if i == 0 else log.with_suffix(f".{i + 1}.log")
                    workers.append(start_worker(each, own_log))
                line = run(scenario, records, env, [web_port(each) for each in envs])
            finally:
                for worker in workers:
                    stop_worker(worker)
        lines.append(line)
        print(json.dumps(line), flush=True)
    print(table(lines))
    if args.write_docs:
        write_docs(lines, args.quick, note)
        print(f"wrote {DOC.relative_to(ROOT)} and {CHART.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
