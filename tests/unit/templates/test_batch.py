"""The batch entry point (``assign``) and the digit-pattern cache behind it and ``mine``."""

from __future__ import annotations

import gc
import random

import pytest

from pipeline.offline.simulator import SimConfig, simulate
from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.tokenising import RECIPE_AFTER

NO_CACHES = MinerConfig(max_cached_messages=0)


@pytest.fixture(scope="module")
def simulated() -> list[tuple[str, str]]:
    """(service, message) of half an hour of the simulator's six services, in time order."""
    records, _, _ = simulate(SimConfig(seed=7, hours=0.5))
    return [(str(r["service"] if "service" in r else _service(r)), _message(r)) for r in records]


def _service(raw: dict[str, object]) -> str:
    for key in ("service_name", "app", "service"):
        if key in raw:
            return str(raw[key])
    raise AssertionError(raw)


def _message(raw: dict[str, object]) -> str:
    for key in ("message", "msg"):
        if key in raw:
            return str(raw[key])
    raise AssertionError(raw)


def by_service(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for service, message in pairs:
        grouped.setdefault(service, []).append(message)
    return grouped


def test_assign_gives_the_templates_mine_gives_one_by_one(
    simulated: list[tuple[str, str]],
) -> None:
    one = ServiceMiners(MinerConfig())
    many = ServiceMiners(MinerConfig())
    for service, messages in by_service(simulated).items():
        matches = [one.mine(service, m) for m in messages]
        # In slices, as the stream's batches come.
        ids: list[str] = []
        created: list[int] = []
        renamed: list[tuple[int, str]] = []
        for start in range(0, len(messages), 250):
            assigned = many.assign(service, messages[start : start + 250])
            created += [start + i for i in assigned.created]
            renamed += [(start + i, old) for i, old in assigned.renamed]
            ids += assigned.template_ids
        assert ids == [m.template_id for m in matches]
        assert created == [i for i, m in enumerate(matches) if m.is_new]
        assert renamed == [(i, m.previous_id) for i, m in enumerate(matches) if m.previous_id]
        assert many.templates(service) == one.templates(service)
        assert many.aliases(service) == one.aliases(service)
    assert many.stats == one.stats


def test_the_caches_change_no_template(simulated: list[tuple[str, str]]) -> None:
    cached = ServiceMiners(MinerConfig())
    uncached = ServiceMiners(NO_CACHES)
    for service, message in simulated:
        a = cached.mine(service, message)
        b = uncached.mine(service, message)
        assert (a.template_id, a.template, a.parameters) == (
            b.template_id,
            b.template,
            b.parameters,
        )
    stats = cached.stats
    assert uncached.stats.pattern_hits == uncached.stats.cache_hits == 0
    # Most simulated lines are known events with new numbers.
    assert stats.pattern_hits > 0.4 * stats.messages


def test_digits_alone_differing_is_a_pattern_hit_with_its_own_parameters() -> None:
    miners = ServiceMiners(MinerConfig())
    for i in range(RECIPE_AFTER + 1):  # the recipe comes after RECIPE_AFTER sightings
        miners.mine("svc", f"Sent 1{i} bytes to 10.0.0.{i} in 4{i} ms")
    before = miners.stats.pattern_hits
    match = miners.mine("svc", "Sent 17 bytes to 10.0.0.9 in 48 ms")
    assert miners.stats.pattern_hits == before + 1
    assert match.template == "Sent <*> bytes to <*> in <*> ms"
    assert match.parameters == (("size", "17"), ("ipv4", "10.0.0.9"), ("duration", "48"))
    assert not match.is_new and match.previous_id is None
    # Another number of digits is another pattern: matched the long way, same template.
    other = miners.mine("svc", "Sent 170 bytes to 10.0.0.9 in 48 ms")
    assert miners.stats.pattern_hits == before + 1
    assert other.template_id == match.template_id


def test_a_pattern_hit_never_returns_an_evicted_template() -> None:
    miners = ServiceMiners(MinerConfig(max_templates_per_service=1))
    for i in range(RECIPE_AFTER + 1):
        miners.mine("svc", f"job {i} done")
    first = miners.mine("svc", "job 7 done")
    assert miners.stats.pattern_hits >= 1
    miners.mine("svc", "Link error")  # evicts the only other template
    again = miners.mine("svc", "job 8 done")
    assert again.is_new
    assert again.template_id == first.template_id  # ids are a function of service and text
    assert miners.stats.evicted_templates >= 1


def test_a_pattern_of_another_service_is_a_miss() -> None:
    miners = ServiceMiners(MinerConfig())
    for i in range(RECIPE_AFTER + 1):
        miners.mine("a", f"user {i} logged in")
    hits = miners.stats.pattern_hits
    match = miners.mine("b", "user 5 logged in")
    assert match.is_new
    assert miners.stats.pattern_hits == hits


def test_hex_ids_alone_differing_is_a_pattern_hit_with_its_own_parameters() -> None:
    miners = ServiceMiners(MinerConfig())
    rng = random.Random(4)

    def key() -> str:
        while True:  # a hex id as id_pattern knows one: two digits or more, a letter
            text = "".join(rng.choice("0123456789abcdef") for _ in range(10))
            if sum(c.isdigit() for c in text) >= 2 and any(c.isalpha() for c in text):
                return text

    for _ in range(RECIPE_AFTER + 1):
        miners.mine("svc", f"Cache lookup for key {key()} took {rng.randrange(100, 999)} ms")
    before = miners.stats.pattern_hits
    match = miners.mine("svc", "Cache lookup for key 5e75ddc4f2 took 286 ms")
    assert miners.stats.pattern_hits == before + 1
    assert match.template == "Cache lookup for key <*> took <*> ms"
    assert match.parameters == (("id", "5e75ddc4f2"), ("duration", "286"))
    # The batch entry point takes the same path.
    assigned = miners.assign("svc", ["Cache lookup for key 0a1b2c3d4e took 101 ms"])
    assert assigned.template_ids == [match.template_id]
    assert miners.stats.pattern_hits == before + 2


def test_the_exact_message_cache_gives_the_collector_one_object_a_message() -> None:
    # A worker keeps up to max_cached_messages entries per process, and every full collection
    # walks each container they hold: an entry's tokens and values must not be among them.
    rng = random.Random(3)
    miners = ServiceMiners(MinerConfig())

    def word() -> str:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8))

    messages = [f"session {word()} closed by {word()} after {word()}" for _ in range(3000)]
    miners.mine("svc", messages[0])  # first use: regexes, the template, the masker's tables
    gc.collect()
    gc.collect()
    before = len(gc.get_objects())
    for message in messages[1:]:
        miners.mine("svc", message)
    gc.collect()
    gc.collect()
    assert miners.stats.cache_hits == 0 and len(miners.templates("svc")) == 1
    assert len(gc.get_objects()) - before < 1.2 * len(messages)
    again = miners.mine("svc", messages[-1])  # a hit: its parameters from the cached entry
    assert miners.stats.cache_hits == 1
    words = messages[-1].split()
    assert again.parameters == (("", words[1]), ("", words[4]), ("", words[6]))
