"""Nineteenth round: the file and line of the logging call (``(/opt/rt6/lib/RT/Ticket.pm:188)``)
is constant text once every message of a template has it (constants._source_location), from
the second message on (constants.LOCATED_AFTER); a word
in brackets in front (``[MONITOR]``) is a tag, no word of a sentence that makes a head
(tails.all_head_ends); two numbers joined by ``..`` or ``/`` after a key are two values
(masking._NUMBER_PAIR), and such a key stays a word against a plain word (tokens.differ_in_words);
a logger that quoted a word needing no quotes quotes every string, so its ``error="<*>"`` keeps
its quotes (quoting._QUOTED_STRING)."""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.constants import can_be_constant, counts_repeats, located
from pipeline.templates.tails import head_ends
from pipeline.templates.tokens import differ_in_words
from tests.unit.templates.conftest import mine_all

_WHERE = "(/opt/rt6/lib/RT/Ticket.pm:1775)"


def test_a_source_location_can_be_constant() -> None:
    assert can_be_constant("(<*>:<*>)", [("path", "/opt/rt6/lib/RT/Ticket.pm"), ("num", "1775")])
    # A path alone under a root of the file system stays a value, and so does an address.
    assert not can_be_constant("<*>", [("path", "/opt/rt6/lib/RT/Ticket.pm")])
    assert not can_be_constant("<*>:<*>", [("path", "/10.0.0.1"), ("num", "7000")])
    assert not can_be_constant("<*>:<*>", [("host", "node-1.corp"), ("num", "7000")])


def test_repeats_count_towards_a_source_location() -> None:
    assert counts_repeats({3: ("(<*>:<*>)", _WHERE)})
    assert not counts_repeats({3: ("<*>", "/opt/rt6/lib/RT/Ticket.pm")})
    assert not counts_repeats({3: ("<*>:<*>:<*>", "10:11:12")})
    assert not counts_repeats({3: ("<*>:<*>", "/10.0.0.1:7000")})


def test_the_callers_file_and_line_stay_constant(miners: ServiceMiners) -> None:
    messages = [
        f"[error]: {name} couldn't init a transaction ({i}) {_WHERE}"
        for i, name in enumerate(["tcp4", "unix", "udp", "tcp6", "sctp", "raw", "tcp4"])
    ]
    assert mine_all(miners, messages)[-1] == (
        f"[error]: <*> couldn't init a transaction (<*>) {_WHERE}"
    )


def test_a_message_repeated_shows_its_source_location(miners: ServiceMiners) -> None:
    where = "(/opt/rt6/lib/RT/Authen/ExternalAuth/DBI.pm:684)"
    message = f"[debug]: No user was authenticated by browser cookie {where}"
    assert mine_all(miners, [message] * 6)[-1] == message


def test_another_location_makes_it_a_variable_again(miners: ServiceMiners) -> None:
    messages = [f"[warning]: Failed to parse {i} {_WHERE}" for i in range(6)]
    messages.append("[warning]: Failed to parse 7 (/opt/rt6/lib/RT/User.pm:12)")
    assert mine_all(miners, messages)[-1] == "[warning]: Failed to parse <*> (<*>:<*>)"


def test_a_pinned_source_location_keeps_its_id_across_a_restore() -> None:
    miners = ServiceMiners(MinerConfig())
    message = f"[debug]: Ticket loaded {_WHERE}"
    ids = [miners.mine("svc", message).template_id for _ in range(6)]
    restored = ServiceMiners.restore(miners.snapshot())
    assert restored.resolve("svc", ids[0]) == ids[-1]
    assert restored.mine("svc", message).template_id == ids[-1]
    assert restored.template_text("svc", ids[-1]) == message


def test_a_source_location_shows_from_the_second_message(miners: ServiceMiners) -> None:
    where = "(/opt/rt6/lib/RT/Dashboard/Mailer.pm:492)"
    messages = [
        f"[warning]: Unable to delete an obsolete subscription: {i} {where}" for i in (9, 92)
    ]
    first, second = mine_all(miners, messages)
    assert first == second == f"[warning]: Unable to delete an obsolete subscription: <*> {where}"
    # One message alone may be a value met once: it stays a variable.
    alone = mine_all(miners, [f"[debug]: Skipping scrips for transaction #7 {_WHERE}"])
    assert alone == ["[debug]: Skipping scrips for transaction #<*> (<*>:<*>)"]


def test_only_source_locations_show_early() -> None:
    pins = {2: ("(<*>:<*>)", _WHERE), 4: ("#<*>", "#0"), 5: ("<*>:<*>", "/10.0.0.1:7000")}
    assert located(pins) == {2: ("(<*>:<*>)", _WHERE)}


def test_a_template_with_a_shown_location_keeps_its_id_across_a_restore() -> None:
    miners = ServiceMiners(MinerConfig())
    messages = [f"[error]: Couldn't parse query: {q} {_WHERE}" for q in ("17", "42")]
    ids = [miners.mine("svc", message).template_id for message in messages]
    restored = ServiceMiners.restore(miners.snapshot())
    assert restored.resolve("svc", ids[0]) == ids[1]
    assert restored.mine("svc", "[error]: Couldn't parse query: 99 " + _WHERE).template_id == ids[1]


def test_a_tag_in_brackets_is_no_word_of_a_head() -> None:
    assert head_ends(["[MONITOR]", "DEBUG:", "Globalping", "fetch"]) == []
    assert head_ends(["[MONITOR]", "failed", "to", "fetch:", "timeout"]) == [3]
    assert head_ends(["Failed", "to", "fetch:", "timeout"]) == [2]


def test_events_after_a_tag_and_a_level_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "[MONITOR] DEBUG: Globalping fetch measurement: sha256:" + "ab" * 32,
        "[MONITOR] DEBUG: [staging-7] The oauth access-token undefined or expired.",
        "[MONITOR] DEBUG: Patched /tmp/2dc101dc3de8.snap",
        "[MONITOR] DEBUG: Importing http-graceful-shutdown",
        "[MONITOR] DEBUG: node-4.corp expires in 2 days",
    ]
    assert len(set(mine_all(miners, messages))) == len(messages)


def test_two_numbers_after_a_key_are_two_values(miners: ServiceMiners) -> None:
    messages = [
        f"jump_to_newer_op: advancing: op={i}..{i * 7 + 3} clients={i}/{i + 32}"
        for i in range(1, 4)
    ]
    assert mine_all(miners, messages)[-1] == (
        "jump_to_newer_op: advancing: op=<*>..<*> clients=<*>/<*>"
    )
    # A hash abbreviated around two dots (geth's a89202..e3bded) is one value.
    hashes = [f"Imported new chain segment old={h}..e3bded" for h in ("a89202", "b1c3d4")]
    assert mine_all(miners, hashes)[-1] == "Imported new chain segment old=<*>"


def test_a_key_with_two_values_is_a_word_against_a_plain_word() -> None:
    assert differ_in_words("rtt=<*>..<*>", "stopped")
    assert differ_in_words("stopped", "rtt=<*>..<*>")
    assert not differ_in_words("<*>..<*>", "stopped")
    assert not differ_in_words("rtt=<*>..<*>", "rtt=<*>")


def test_a_logger_quoting_every_string_keeps_its_quotes(miners: ServiceMiners) -> None:
    messages = [
        f'[warn]: failed to set socket option option={i} value="zfs" error_class=IOError '
        f'error="{error}"'
        for i, error in enumerate(["Broken pipe", "closed stream", "Connection reset by peer"])
    ]
    assert mine_all(miners, messages)[-1] == (
        '[warn]: failed to set socket option option=<*> value="<*>" error_class=IOError error="<*>"'
    )


def test_a_logger_quoting_what_needs_quotes_writes_the_value_bare(miners: ServiceMiners) -> None:
    # µ is no ASCII letter: hclog quoted it; and a message key's text is no value at all.
    messages = [
        f'initialize: status=Failed verify=x{i} err="{error}" took="36.6µs"'
        for i, error in enumerate(["context deadline exceeded", "no such host", "EOF here"])
    ]
    messages.append('level=info msg="done" took="1 s"')
    templates = mine_all(miners, messages)
    assert templates[-2] == 'initialize: status=Failed verify=<*> err=<*> took="<*>"'
    assert templates[-1] == 'level=info msg="done" took=<*>'
