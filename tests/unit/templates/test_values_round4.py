"""Fourth round (docs/templates.md): the value of an error key is free text up to the next
field, heads that differ only in a value are one call, keys in brackets, numbered hosts in a
one-label domain, numbers written in groups of three digits, and several quoted values in one
token."""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tails import calls
from tests.unit.templates.conftest import mine_all


def test_the_value_of_an_error_key_is_free_text_up_to_the_next_field(
    miners: ServiceMiners,
) -> None:
    messages = [
        "sync aborted retry_err=deadline has passed",
        "sync aborted retry_err=Broken(Pipe) while writing frame",
        "sync aborted retry_err=Overloaded",
    ]
    assert mine_all(miners, messages) == ["sync aborted retry_err=<*>"] * 3
    match = miners.mine("b", "flush failed error=disk quota exceeded (code 122) path=/v/x.wal")
    assert match.template == "flush failed error=<*> path=<*>"
    assert match.parameters == (("error", "disk quota exceeded (code 122)"), ("path", "/v/x.wal"))
    # A number alone is masked after its key as any number is.
    match = miners.mine("e", "drift err=-0.25 skew=3")
    assert match.template == "drift err=<*> skew=<*>"
    assert match.parameters == (("err", "-0.25"), ("skew", "3"))
    # Camel case keys name errors too; a quoted value is masked as quoted values are.
    assert miners.mine("c", "gave up lastErr=socket closed early").template == (
        "gave up lastErr=<*>"
    )
    assert miners.mine("d", 'gave up err="socket closed"').template == "gave up err=<*>"


def test_other_keys_keep_the_words_after_them(miners: ServiceMiners) -> None:
    assert miners.mine("a", "user=carol logged out").template == "user=carol logged out"
    # A key that only ends in the letters of one is no error key.
    assert miners.mine("b", "drift prerr=low since boot").template == "drift prerr=low since boot"


def test_heads_that_differ_only_in_a_value_are_one_call() -> None:
    assert calls({("notice:", "<*>:"), ("notice:", "alpha:"), ("notice:", "unix://<*>:")}) == 1
    assert calls({("notice:", "alpha:"), ("notice:", "beta:")}) == 2
    assert calls({("Load[<*>]:",), ("Save[<*>]:",)}) == 2


def test_events_after_a_severity_and_a_value_stay_apart(miners: ServiceMiners) -> None:
    # The same texts after "notice: <name>:" and "notice: <path>:" are the same two events,
    # not values recurring after many calls.
    messages = [
        "notice: /srv/q1.db: lock file went stale",
        "notice: alpha: lock file went stale",
        "notice: beta: lock file went stale",
        "notice: /srv/q2.db: index checksum mismatch",
        "notice: gamma: index checksum mismatch",
        "notice: delta: index checksum mismatch",
        "notice: /srv/q3.db: lock file went stale",
        "notice: /srv/q4.db: index checksum mismatch",
    ]
    templates = mine_all(miners, messages)
    assert templates[-2] == "notice: <*>: lock file went stale"
    assert templates[-1] == "notice: <*>: index checksum mismatch"


def test_a_key_in_brackets_is_a_key(miners: ServiceMiners) -> None:
    messages = [
        '["compaction paused"] [reason=Throttled] [worker=3]',
        '["compaction paused"] [reason="queue is full"] [worker=5]',
    ]
    assert mine_all(miners, messages) == ['["compaction paused"] [reason=<*>] [worker=<*>]'] * 2


def test_a_numbered_host_in_a_domain_of_one_label_is_a_host(miners: ServiceMiners) -> None:
    match = miners.mine("a", "lease renewed for db-12.cluster")
    assert match.template == "lease renewed for <*>"
    assert match.parameters == (("host", "db-12.cluster"),)
    # A file name with a digit glued to a word, and a host before a path, are not.
    assert miners.mine("b", "loaded stats2.properties").template == "loaded stats2.properties"
    assert miners.mine("c", "pull db-3.cluster/img now").template == "pull db-<*>.cluster/img now"


def test_a_number_in_groups_of_three_digits_is_one_value(miners: ServiceMiners) -> None:
    match = miners.mine("a", "indexed 12,345,678 rows in (1,024) pages")
    assert match.template == "indexed <*> rows in (<*>) pages"
    assert match.parameters == (("num", "12,345,678"), ("num", "1,024"))
    # A call's arguments, and numbers of other lengths, stay apart.
    assert miners.mine("b", "called sum(3,141)").template == "called sum(<*>,<*>)"
    assert miners.mine("c", "ports 80,443,8080 open").template == "ports <*>,<*>,<*> open"


def test_quoted_values_in_one_token_are_values_each(miners: ServiceMiners) -> None:
    messages = [
        "fetched 'job7/run11'/'ab12cd34ef56ab12cd34ef56ab12cd34' from cache",
        "fetched 'job9/run2'/'0f0e0d0c0b0a09080706050403020100' from cache",
    ]
    assert mine_all(miners, messages) == ["fetched '<*>'/'<*>' from cache"] * 2
