"""Per-service detector state: size, save and restore cost per 1,000 services.

A service is warmed on four hours of one-minute windows (forest fitted, half-space trees past
warm-up), its state copied under 1,000 names, then: serialise all, restore all (half-space trees
replayed), refit all forests (in the stream two threads do this while the loop runs on), and,
with ``--kafka``, write the values to a compacted topic and read them back as a worker's
recovery does.

Run: .venv/bin/python tests/bench/bench_state.py [--services 1000] [--kafka]
"""

from __future__ import annotations

import argparse
import asyncio
import time
import uuid
import zlib

import orjson

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import SERVICE_MAGIC, SERVICE_VERSION, AnalysisEngine

CONFIG = AnalysisConfig(refit_inline=False)


def warmed_state(minutes: int) -> bytes:
    engine = AnalysisEngine(CONFIG)
    t0 = 1_767_225_600.0
    for minute in range(minutes):
        for i in range(40 + minute % 7):
            tid = f"t{(i * 7 + minute) % 25}"
            level = 3 if i % 19 == 0 else 1
            ts = t0 + minute * 60 + i
            engine.observe_fields("svc", ts, level, f"{tid} message {i}", tid, f"{tid} <*>")
        while engine.behind:
            for job in engine.take_refits():
                engine.install_model(job.service, job.run())
            engine.resume()
    value = engine.dump_service("svc", t0 + minutes * 60)
    assert value is not None
    return value


def renamed(value: bytes, name: str) -> bytes:
    state = orjson.loads(zlib.decompress(value[4:]))
    state["service"] = name
    return SERVICE_MAGIC + bytes([SERVICE_VERSION]) + zlib.compress(orjson.dumps(state), 1)


async def kafka_round_trip(values: list[bytes]) -> tuple[float, float]:
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    from pipeline.settings import load_settings

    servers = load_settings({"LOG_ANALYSIS_ENV": "development"}).kafka.bootstrap_servers
    topic = f"bench-state-{uuid.uuid4().hex[:8]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=servers)
    await admin.start()
    await admin.create_topics([NewTopic(topic, 1, 1, topic_configs={"cleanup.policy": "compact"})])
    producer = AIOKafkaProducer(bootstrap_servers=servers, max_request_size=1_048_576)
    await producer.start()
    started = time.perf_counter()
    for i, value in enumerate(values):
        await producer.send(topic, value, key=f"svc-{i}".encode())
    await producer.flush()
    written = time.perf_counter() - started
    await producer.stop()
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=servers, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    started = time.perf_counter()
    seen = 0
    while seen < len(values):
        batch = await consumer.getmany(timeout_ms=1000)
        seen += sum(len(messages) for messages in batch.values())
    read = time.perf_counter() - started
    await consumer.stop()
    await admin.delete_topics([topic])
    await admin.close()
    return written, read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--minutes", type=int, default=240)
    parser.add_argument("--kafka", action="store_true", help="also time a changelog round trip")
    args = parser.parse_args()
    n = args.services

    started = time.perf_counter()
    base = warmed_state(args.minutes)
    print(f"warmed one service on {args.minutes} windows in {time.perf_counter() - started:.1f} s")
    values = [renamed(base, f"svc-{i}") for i in range(n)]
    size = sum(len(v) for v in values)
    print(f"state: {len(base):,} bytes per service, {size / 1e6:.1f} MB for {n:,} services")

    engine = AnalysisEngine(CONFIG)
    started = time.perf_counter()
    for value in values:
        engine.load_service(value)
    restore = time.perf_counter() - started
    jobs = engine.take_refits()
    started = time.perf_counter()
    for job in jobs:
        engine.install_model(job.service, job.run())
    refit = time.perf_counter() - started
    started = time.perf_counter()
    for i in range(n):
        engine.dump_service(f"svc-{i}", 0.0)
    dump = time.perf_counter() - started
    per = 1000 / n
    print(f"restore (parse + half-space replay): {restore * per:.2f} s per 1,000 services")
    print(f"forest refits ({len(jobs)} of them, one thread): {refit * per:.2f} s per 1,000")
    print(f"save (serialise): {dump * per:.2f} s per 1,000 services")
    if args.kafka:
        written, read = asyncio.run(kafka_round_trip(values))
        print(f"changelog write: {written * per:.2f} s, read back: {read * per:.2f} s per 1,000")


if __name__ == "__main__":
    main()
