"""A service's state larger than one Kafka message: saved in chunks, restored after a restart."""

from __future__ import annotations

import random
import signal
import time
from typing import Any

import pytest

from bridges.partitioning import ServicePartitioner

from ..processes import get_json
from .conftest import Stream, messages, topic_records

pytestmark = [pytest.mark.slow]

SERVICE = "big"
# 1,500 templates of 120 random words: about 1.7 MB of miner state after compression.
STEMS, WORDS = 1500, 120
# Plain words at one place: a place becomes <*> only at its third distinct word, so only a
# miner that remembers the first three turns the fourth into the same template.
FIRST_THREE, FOURTH = ("alpha", "beta", "gamma"), "delta"
KAFKA_LIMIT = 1_000_000


def stems() -> list[list[str]]:
    rng = random.Random(20)
    # Letters past "f" only: no word looks like a hex value a mask would take.
    return [
        ["".join(rng.choice("ghijklmnopqrstuvwxyz") for _ in range(8)) for _ in range(WORDS)]
        for _ in range(STEMS)
    ]


def items(variants: tuple[str, ...]) -> list[dict[str, Any]]:
    now = time.time()
    out = []
    for stem, words in enumerate(stems()):
        for variant in variants:
            text = [*words[: WORDS // 2], variant, *words[WORDS // 2 :]]
            out.append(
                {
                    "service": SERVICE,
                    "level": "INFO",
                    "message": " ".join(text),
                    "timestamp": now,
                    "metadata": {"run": "large", "stem": stem, "variant": variant},
                }
            )
    return out


async def changelog(topic: str, count: int) -> list[tuple[int, bytes, int]]:
    """(partition, key, value size) of every record of ``topic`` (``count`` partitions); a
    tombstone has size -1."""
    return [
        (r.partition, r.key or b"", -1 if r.value is None else len(r.value))
        for r in await topic_records(topic, count)
    ]


def metric(stream: Stream, line_start: str) -> float:
    _, text = get_json(f"http://127.0.0.1:{stream.env['WEB_PORT']}/metrics")
    values = [
        float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(line_start)
    ]
    return sum(values)


@pytest.mark.timeout(480)
async def test_a_miner_over_the_message_limit_is_saved_in_chunks_and_keeps_its_templates(
    stream: Stream,
):
    env = {"TEMPLATE_MAX_TEMPLATES_PER_SERVICE": "10000"}
    worker = stream.start(env=env)
    first = items(FIRST_THREE)
    await stream.publish(messages(first, 100))
    await stream.wait_for("SELECT count(*) FROM logs", len(first), within=240)
    live = "SELECT count(*) FROM templates WHERE superseded_by IS NULL"
    await stream.wait_for(live, STEMS, within=30)
    assert metric(stream, "template_miner_bound_hits_total") == 0
    assert metric(stream, "service_state_errors_total") == 0
    templates = (await stream.fetch("SELECT count(*) FROM templates"))[0][0]
    assert not (problem := worker.stop(signal.SIGTERM, wait=60)), problem

    # What reached the changelog: chunks, all in the service's partition, none near the limit.
    app_id = stream.env["LOG_ANALYSIS_APP_ID"]
    count = int(stream.env["KAFKA_TOPIC_PARTITIONS"])
    miner = await changelog(f"{app_id}-miner-state-changelog", count)
    ours = [(p, key, size) for p, key, size in miner if key.split(b"\x00")[0] == SERVICE.encode()]
    indexes = {int(key.split(b"\x00")[2]) for _, key, _ in ours if b"\x00" in key}
    assert max(indexes, default=-1) >= 2, "no value of over 1 MB (three chunks) was saved"
    home = ServicePartitioner(count)(SERVICE)
    # (That the default partitioner would scatter such keys is a unit test: here which keys
    # get written depends on how batches fell, and a few may all hash home by chance.)
    assert {p for p, _, _ in ours} == {home}
    detector = await changelog(f"{app_id}-detector-state-changelog", count)
    assert max(size for _, _, size in miner + detector) < KAFKA_LIMIT

    stream.start(env=env)
    second = items((FOURTH,))
    await stream.publish(messages(second, 100))
    await stream.wait_for("SELECT count(*) FROM logs", len(first) + len(second), within=120)
    rows = await stream.fetch(
        "SELECT (metadata->>'stem')::int AS stem, metadata->>'variant' AS variant, template_id "
        "FROM logs WHERE metadata->>'variant' IN ($1, $2)",
        FIRST_THREE[-1],
        FOURTH,
    )
    ids: dict[str, dict[int, str]] = {FIRST_THREE[-1]: {}, FOURTH: {}}
    for row in rows:
        ids[row["variant"]][row["stem"]] = row["template_id"]
    # The restarted worker put every fourth variant in the template the third one made.
    assert ids[FOURTH] == ids[FIRST_THREE[-1]]
    assert (await stream.fetch("SELECT count(*) FROM templates"))[0][0] == templates
    assert metric(stream, "service_state_errors_total") == 0
