"""Twenty-first round: a value glued to ``error:`` (Objective-C's and C's ``error:%@``,
``hs.spotlight:start error:StartPodSandbox``) is the error's value, free text up to the next
``key=`` field, as after Go's ``err=`` (errtexts.join_error_values).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.errtexts import join_error_values, split_error_value
from pipeline.templates.lists import bracket_runs
from tests.unit.templates.conftest import mine_all


def test_a_value_glued_to_error_colon_is_one_value(miners: ServiceMiners) -> None:
    tokenise = miners._tokeniser.tokenise
    assert tokenise("ERROR: LuaSkin: hs.spotlight:start error:StartPodSandbox") == (
        ["ERROR:", "LuaSkin:", "hs.spotlight:start", "error:<*>"],
        [("error", "StartPodSandbox")],
    )
    # Free text up to the next key=value field, as after err=.
    assert tokenise("callback error:No route to host retries=3") == (
        ["callback", "error:<*>", "retries=<*>"],
        [("error", "No route to host"), ("retries", "3")],
    )
    assert split_error_value("error:Bad input") == ("error", ":", "Bad input")
    assert split_error_value("err=EOF") == ("err", "=", "EOF")


def test_error_colon_without_a_glued_value_is_no_key() -> None:
    # A head's colon with a space after it, an upper-case label, a word ending in "err".
    assert join_error_values(["callback", "error:", "timed", "out"], set()) is None
    assert join_error_values(["ERROR:Foo", "bar"], set()) is None
    assert join_error_values(["mirror:Foo", "bar"], set()) is None


def test_two_values_after_error_colon_are_one_event(miners: ServiceMiners) -> None:
    # Only two values, fewer than min_distinct_words: as words they made two templates.
    messages = [
        f"ERROR: LuaSkin: hs.spotlight:start error:{value}"
        for value in ("StartPodSandbox", "ListContainers", "StartPodSandbox", "ListContainers")
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"ERROR: LuaSkin: hs.spotlight:start error:<*>"}


def test_a_word_in_brackets_before_a_colon_is_no_list() -> None:
    tokens = ["[Flutter]:", "Remove", "reminder:", "[a", "b]"]
    assert bracket_runs(tokens) == [(3, 4)]
    # A list of one item is still one, and a quoted one before a colon too.
    assert bracket_runs(["got", "[a]"]) == [(1, 1)]
    assert bracket_runs(["events", "['replica']:", "fetching"]) == [(1, 1)]


def test_a_list_after_a_tag_in_brackets_keeps_the_tag(miners: ServiceMiners) -> None:
    messages = [
        "[Flutter]: Remove unavailable reminder: [user13/repo16 user4/repo5 user30/repo12]",
        "[Flutter]: Remove unavailable reminder: [user30/repo12]",
        "[Flutter]: Remove unavailable reminder: [user9/repo26 user2/repo25]",
    ]
    templates = mine_all(miners, messages)
    assert templates[1:] == ["[Flutter]: Remove unavailable reminder: <*>"] * 2


def test_calls_followed_by_the_same_error_stay_apart(miners: ServiceMiners) -> None:
    # Different calls (three words of the head differ) followed by the same text: each its
    # own event, however many of them there are.
    calls = [
        "get cloud config",
        "read workspace members",
        "move root view",
        "parse number data",
        "fetch user info",
        "load recent messages",
        "open row page",
        "set home layout",
        "delete old event",
    ]
    messages = [f"Failed to {c}: Null check operator used on a null value" for c in calls]
    templates = mine_all(miners, messages * 2)
    assert len(set(templates)) == len(calls)
    # Dart's `Null check operator`: the capitalised word is text, not a null (round 79).
    assert templates[-1] == "Failed to delete old event: Null check operator used on a <*> value"


def test_one_word_before_a_colon_still_varies(miners: ServiceMiners) -> None:
    # One position differing before the same tail is a value (min_distinct_words of them).
    messages = [f"Pipeline {name}: stopped by operator" for name in ("alpha", "beta", "gamma")]
    assert mine_all(miners, messages)[-1] == "Pipeline <*>: stopped by operator"
