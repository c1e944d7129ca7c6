from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.ids import template_id


def test_id_is_a_hash_of_service_and_text() -> None:
    miners = ServiceMiners()
    match = miners.mine("api", "GET /health answered 200")
    assert match.template_id == template_id("api", match.template)
    assert len(match.template_id) == 16
    # Same text, same id, whatever the order templates were created in.
    other = ServiceMiners()
    other.mine("api", "something else entirely")
    assert other.mine("api", "GET /health answered 200").template_id == match.template_id


def test_generalisation_aliases_old_id_to_new() -> None:
    miners = ServiceMiners(MinerConfig(min_distinct_words=2))
    first = miners.mine("svc", "worker alpha started")
    second = miners.mine("svc", "worker beta started")
    assert second.template == "worker <*> started"
    assert second.previous_id == first.template_id
    assert second.template_id != first.template_id
    assert miners.resolve("svc", first.template_id) == second.template_id
    assert miners.template_text("svc", first.template_id) == "worker <*> started"
    third = miners.mine("svc", "worker gamma started")
    assert third.template_id == second.template_id
    assert third.previous_id is None
    assert miners.stats.generalisations == 1


def test_merged_siblings_all_resolve_to_the_merged_template() -> None:
    miners = ServiceMiners()  # three distinct words make a variable
    ids = [miners.mine("svc", f"user {name} logged out").template_id for name in "abc"]
    final = miners.resolve("svc", ids[-1])
    assert {miners.resolve("svc", tid) for tid in ids} == {final}
    assert miners.template_text("svc", final) == "user <*> logged out"
    assert miners.stats.merges >= 1


def test_chains_of_generalisation_resolve_to_the_end() -> None:
    miners = ServiceMiners(MinerConfig(min_distinct_words=2))
    a = miners.mine("svc", "job a at stage x done")
    miners.mine("svc", "job b at stage x done")
    c = miners.mine("svc", "job c at stage y done")
    assert miners.resolve("svc", a.template_id) == c.template_id
    assert miners.template_text("svc", a.template_id) == "job <*> at stage <*> done"


def test_aliases_lists_every_merged_id() -> None:
    miners = ServiceMiners()
    ids = [miners.mine("svc", f"user {name} logged out").template_id for name in "abc"]
    final = miners.resolve("svc", ids[-1])
    aliases = miners.aliases("svc")
    assert {old for old in ids if old != final} <= set(aliases)
    assert miners.aliases("unknown") == {}
