from __future__ import annotations

import gc

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.miner import ServiceMiner


def test_template_lru_eviction_is_counted() -> None:
    miners = ServiceMiners(MinerConfig(max_templates_per_service=3))
    words = ["alpha", "beta", "gamma", "delta"]
    ids = [miners.mine("s", f"{w} happened").template_id for w in words]
    assert miners.stats.evicted_templates == 1
    assert miners.template_text("s", ids[0]) is None
    assert miners.template_text("s", ids[-1]) == "delta happened"
    assert len(miners.templates("s")) == 3


def test_recently_used_template_survives_eviction() -> None:
    miners = ServiceMiners(MinerConfig(max_templates_per_service=2, max_cached_messages=0))
    old = miners.mine("s", "alpha happened").template_id
    miners.mine("s", "beta happened")
    miners.mine("s", "alpha happened")  # touch: beta is now least recently used
    miners.mine("s", "gamma happened")
    assert miners.template_text("s", old) == "alpha happened"


def test_service_lru_eviction_is_counted() -> None:
    miners = ServiceMiners(MinerConfig(max_services=2))
    for service in ("a", "b", "a", "c"):
        miners.mine(service, "hello 1")
    assert miners.services() == ["a", "c"]
    assert miners.stats.evicted_services == 1


def test_token_bound_folds_the_tail_into_one_variable() -> None:
    miners = ServiceMiners(MinerConfig(max_tokens=4))
    match = miners.mine("s", "a b c d e f g")
    assert match.template == "a b c <*>"
    assert match.parameters == (("truncated", "d e f g"),)
    assert miners.stats.truncated_tokens == 1


def test_long_tokens_become_variables() -> None:
    miners = ServiceMiners(MinerConfig(max_token_chars=10))
    match = miners.mine("s", "payload " + "x" * 50)
    assert match.template == "payload <*>"
    assert miners.stats.long_tokens == 1


def test_message_length_bound() -> None:
    miners = ServiceMiners(MinerConfig(max_message_chars=20))
    match = miners.mine("s", "short words here and then a lot more")
    assert miners.stats.truncated_messages == 1
    assert len(match.template) <= 20


def test_parameter_bound() -> None:
    miners = ServiceMiners(MinerConfig(max_parameters=2))
    match = miners.mine("s", "values 1 2 3 4")
    assert len(match.parameters) == 2
    assert miners.stats.dropped_parameters == 2


def test_alias_bound() -> None:
    miners = ServiceMiners(MinerConfig(max_aliases_per_service=1, min_distinct_words=2))
    miners.mine("s", "job a at stage x done")
    miners.mine("s", "job b at stage x done")
    miners.mine("s", "job c at stage y done")
    assert miners.stats.evicted_aliases == 1


def test_cache_bound_keeps_working() -> None:
    miners = ServiceMiners(MinerConfig(max_cached_messages=2))
    for i in range(10):
        assert miners.mine("s", f"tick {i % 3}").template == "tick <*>"


def test_shapes_per_template_bound() -> None:
    miners = ServiceMiners(MinerConfig(max_shapes_per_template=2))
    for length in range(1, 6):
        blocks = " ".join(f"blk_{i}" for i in range(length))
        assert miners.mine("s", f"delete {blocks} now").template == "delete <*> now"
    assert miners.stats.capped_shapes == 3
    assert miners.mine("s", "delete blk_1 blk_2 blk_3 blk_4 now").template == "delete <*> now"


def test_evicted_services_are_not_kept_alive_by_the_shared_caches() -> None:
    miners = ServiceMiners(MinerConfig(max_services=10))
    for seq in range(1_000):
        miners.mine(f"x-{seq:04d}", f"user {seq} logged in from 10.0.{seq % 256}.7 in 5 ms")
    gc.collect()
    alive = {id(o) for o in gc.get_objects() if isinstance(o, ServiceMiner)}
    # The ten kept, and at most as many evicted since the caches were last emptied (before,
    # one per cached message: every service of this run).
    assert len(alive) <= 2 * 10
    assert miners.services() == [f"x-{seq:04d}" for seq in range(990, 1_000)]
    # The caches still answer: a kept service's message again is a hit, its template the same.
    again = miners.mine("x-0999", "user 999 logged in from 10.0.231.7 in 5 ms")
    assert (
        again.template == miners.mine("x-0999", "user 5 logged in from 10.0.1.7 in 6 ms").template
    )


def test_forgotten_services_are_not_kept_alive_by_the_shared_caches() -> None:
    miners = ServiceMiners(MinerConfig(max_services=10))

    def alive() -> int:
        gc.collect()
        return sum(isinstance(o, ServiceMiner) for o in gc.get_objects())

    for seq in range(100):
        miners.mine(f"x-{seq:04d}", f"user {seq} logged in in 5 ms")
        miners.forget(f"x-{seq:04d}")  # its state reloaded elsewhere, or moved
    assert alive() <= 10
    for seq in range(10):
        miners.mine(f"y-{seq}", f"user {seq} logged in in 5 ms")
    miners.forget_all()  # partitions moved: every miner goes
    assert alive() == 0
