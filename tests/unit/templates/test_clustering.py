from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from tests.unit.templates.conftest import assert_matches, mine_all


def test_numbers_and_addresses_become_variables(miners: ServiceMiners) -> None:
    match = miners.mine("svc", "Accepted password for bob from 10.0.0.1 port 2222 ssh2")
    assert match.template == "Accepted password for bob from <*> port <*> ssh2"
    assert match.parameters == (("ipv4", "10.0.0.1"), ("num", "2222"))
    assert match.is_new


def test_same_event_shares_one_template(miners: ServiceMiners) -> None:
    texts = mine_all(
        miners,
        [f"Served block blk_{i}{i} to /10.0.0.{i}" for i in range(1, 6)],
    )
    assert set(texts) == {"Served block <*> to <*>"}


def test_differing_words_are_separate_events_until_they_vary(miners: ServiceMiners) -> None:
    texts = mine_all(miners, ["Link ok", "Link error", "Link ok"])
    assert texts == ["Link ok", "Link error", "Link ok"]
    users = [f"Failed password for invalid user {name} from 1.2.3.4" for name in "abcdefg"]
    assert set(mine_all(miners, users)) == {"Failed password for invalid user <*> from <*>"}


def test_upper_case_states_never_merge_inside_a_message(miners: ServiceMiners) -> None:
    # At the end of a message they are a state reported last (test_values_round6.py); inside
    # it, only after min_distinct_upper_states (4) of them (test_values_round22.py, 42).
    states = ["NEW", "RUNNING", "DONE"]
    texts = mine_all(miners, [f"task_1_{i} moved to {s} state" for i, s in enumerate(states)])
    assert texts == [f"<*> moved to {s} state" for s in states]


def test_multiline_uses_first_line_and_exception_type(miners: ServiceMiners) -> None:
    traces = [
        f"Request {i} failed\njava.lang.IllegalStateException: bad {i}\n\tat a.B.c(B.java:{i})"
        + "\n\tat x.Y.z(Y.java:1)" * i
        for i in range(1, 4)
    ]
    texts = mine_all(miners, traces)
    assert set(texts) == {"Request <*> failed java.lang.IllegalStateException"}
    python = "Job 7 crashed\nTraceback (most recent call last):\n  File 'x.py'\nValueError: no"
    assert miners.mine("svc", python).template == "Job <*> crashed ValueError"


def test_services_never_share_templates(miners: ServiceMiners) -> None:
    a = miners.mine("a", "cache warmed in 5 ms")
    b = miners.mine("b", "cache warmed in 5 ms")
    assert a.template == b.template
    assert a.template_id != b.template_id
    assert miners.resolve("a", b.template_id) == b.template_id  # unknown to a: unchanged
    assert miners.template_text("a", b.template_id) is None


def test_units_name_their_values(miners: ServiceMiners) -> None:
    match = miners.mine("svc", "stored (estimated size 5.2 KB, free 30 MB) in 12 ms")
    assert match.template == "stored (estimated size <*> KB, free <*> MB) in <*> ms"
    assert match.parameters == (("size", "5.2"), ("size", "30"), ("duration", "12"))


def test_units_varying_with_the_value_are_not_new_events(miners: ServiceMiners) -> None:
    texts = mine_all(miners, ["size 5.2 KB, free 3 MB", "size 80 B, free 3 MB"])
    assert texts == ["size <*>, free <*> MB"] * 2


def test_dates_are_written_field_by_field(miners: ServiceMiners) -> None:
    match = miners.mine("svc", "connection at Fri Jul  1 07:57:30 2005 closed")
    assert match.template == "connection at <*>:<*>:<*> closed"
    assert match.parameters == (
        ("timestamp", "Fri Jul  1 07"),
        ("timestamp", "57"),
        ("timestamp", "30 2005"),
    )
    other = miners.mine("svc", "run from 2017-07-07 10:19:23 done")
    assert other.template == "run from <*>-<*>-<*> <*>:<*>:<*> done"


def test_generalised_positions_report_whole_tokens() -> None:
    miners = ServiceMiners(MinerConfig(min_distinct_words=2))
    miners.mine("svc", "login user=alice ok")
    match = miners.mine("svc", "login user=bob ok")
    assert match.template == "login user=<*> ok"
    assert match.parameters == (("user", "bob"),)


def test_repeated_message_hits_the_cache(miners: ServiceMiners) -> None:
    first = miners.mine("svc", "disk sda1 at 91%")
    second = miners.mine("svc", "disk sda1 at 91%")
    assert second.template_id == first.template_id
    assert second.parameters == first.parameters
    assert not second.is_new
    assert miners.stats.cache_hits == 1


def test_capitalised_event_words_never_merge(miners: ServiceMiners) -> None:
    words = ["Paused", "Resumed", "Started", "Stopped"]
    texts = mine_all(
        miners, [f"[instance: 1{i}] VM {w} (Lifecycle Event)" for i, w in enumerate(words)]
    )
    assert texts == [f"[instance: <*>] VM {w} (Lifecycle Event)" for w in words]


def test_lists_of_any_length_are_one_template(miners: ServiceMiners) -> None:
    messages = [
        "ask 10.0.0.1:50010 to delete blk_1 blk_2 blk_3",
        "ask 10.0.0.2:50010 to delete blk_4",
        "ask 10.0.0.3:50010 to delete blk_5 blk_6 blk_7 blk_8 blk_9 blk_10",
    ]
    first = miners.mine("svc", messages[0])
    second = miners.mine("svc", messages[1])
    assert second.template == "ask <*>:<*> to delete <*>"
    assert second.previous_id == first.template_id
    third = miners.mine("svc", messages[2])
    assert third.template_id == second.template_id
    assert [value for name, value in third.parameters if name == "id"] == [
        f"blk_{i}" for i in range(5, 11)
    ]
    assert miners.resolve("svc", first.template_id) == second.template_id


def test_fixed_arity_runs_stay_as_written(miners: ServiceMiners) -> None:
    texts = mine_all(miners, ["REPORT : 7 5 150 240", "REPORT : 8 6 151 241"])
    assert texts == ["REPORT : <*> <*> <*> <*>"] * 2


def test_dotted_component_names_in_front_become_variables(miners: ServiceMiners) -> None:
    components = ["com.apple.icloud.heartbeat", "com.apple.Safari.Update", "com.apple.cache.daily"]
    texts = mine_all(
        miners, [f"{name}: job deferred for {i}0 seconds." for i, name in enumerate(components)]
    )
    assert set(texts) == {"com.apple.<*>: job deferred for <*> seconds."}


def test_dotted_names_that_differ_elsewhere_too_stay_apart(miners: ServiceMiners) -> None:
    keys = ["job.id", "task.id", "task.partition", "tip.id"]
    texts = mine_all(
        miners, [f"mapred.{key} is deprecated. Instead, use mapreduce.{key}" for key in keys]
    )
    assert texts == [f"mapred.{key} is deprecated. Instead, use mapreduce.{key}" for key in keys]


VERBS = ["got", "sent", "lost"]


def test_plain_first_words_never_become_variables(miners: ServiceMiners) -> None:
    texts = mine_all(miners, [f"{verb} block 4{i} from peer" for i, verb in enumerate(VERBS)])
    assert texts == [f"{verb} block <*> from peer" for verb in VERBS]


def test_measurements_written_differently_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        "proxy.example.com:5070 close, " + rest
        for rest in [
            "0 bytes sent, 0 bytes received, lifetime 00:01",
            "403 bytes sent, 426 bytes received, lifetime <1 sec",
            "451 bytes sent, 18846 bytes (18.4 KB) received, lifetime 00:02",
            "1190 bytes (1.16 KB) sent, 815 bytes received, lifetime <1 sec",
        ]
    ]
    texts = mine_all(miners, messages)
    assert set(texts) == {"<*> close, <*> sent, <*> received, lifetime <*>"}
    for text, message in zip(texts, messages, strict=True):
        assert_matches(text, message, MinerConfig())


def test_key_value_tokens_are_not_measurements(miners: ServiceMiners) -> None:
    texts = mine_all(
        miners,
        ["auth failure; rhost=10.0.0.1", "auth failure; rhost=10.0.0.2 user=bob"],
    )
    assert texts == ["auth failure; rhost=<*>", "auth failure; rhost=<*> user=bob"]
