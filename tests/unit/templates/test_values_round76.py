"""Seventy-sixth round: a state word where the format prints a value among its values.

A Capitalised or UPPER_CASE word inside a message waits for min_distinct_states (5) or
min_distinct_upper_states (4) values, and one ending it for min_distinct_words (3), before it
is a variable: such words more often name events. Where the word stands among the format's
values, right after one at the end (``Failed to parse response - <*> POST`` / ``HEAD``) or
between two joined by short lower-case words (``<*> is Succeeded for '<*>'`` /
``Terminating``), it is the call's value: two of them are enough (``miner._amid_values``).
So is a label's value closed by a full stop before the next sentence (``is at state: ACTIVE.
Ignoring the ...``), as one closed by a comma before the next label was (``miner._labelled``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all

_OP = "Auth::securityStatus:"


def test_a_state_between_two_values_is_a_value_after_two(miners: ServiceMiners) -> None:
    # MediaWiki's ``%s is %s for '%s'``: two states, the name as Go writes it before ``is``
    # and the quoted name after ``for`` the format's other values.
    messages = [
        f"{_OP} fs.ErrPermission is Terminating for 'sensor.vega_default'",
        f"{_OP} fs.ErrPermission is Succeeded for 'sensor.delta_backend'",
        f"{_OP} io.EOF is Succeeded for 'sensor.orion_gamma'",
        f"{_OP} context.Canceled is Terminating for 'sensor.gateway_local'",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {f"{_OP} <*> is <*> for '<*>'"}


def test_a_method_ending_the_message_after_a_value_is_a_value(miners: ServiceMiners) -> None:
    # Synapse's ``Failed to parse response - %s %s``: the method printed right after a value.
    messages = [
        "Failed to parse response - MsgVote POST",
        "Failed to parse response - MsgSnap HEAD",
        "Failed to parse response - MsgApp POST",
        "Failed to parse response - MsgVote HEAD",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Failed to parse response - <*> <*>"}


def test_a_label_value_closed_by_a_full_stop_is_a_value(miners: ServiceMiners) -> None:
    # Samza's ``Barrier version: {} is at state: {}. Ignoring the barrierState change
    # notification.``: the sentence after the full stop is the format's, the word before it
    # the label's value.
    messages = [
        f"Barrier version: {version} is at state: {state}. Ignoring the change notification."
        for version, state in (("80706", "ACTIVE"), ("19533", "DEGRADED"), ("512", "ACTIVE"))
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "Barrier version: <*> is at state: <*>. Ignoring the change notification."
    }


def test_states_the_sentence_holds_stay_apart(miners: ServiceMiners) -> None:
    # Guard: a state after a word of the sentence (``as CLOB`` / ``as BLOB``: a kind the
    # format names), one before a value with no short word between (``onDestroy Fragment
    # <*>`` / ``Activity``), one closed by punctuation (``) Start.`` / ``End.``) and a
    # lower-case verb after a value at the end (``Jail '<*>' started`` / ``stopped``) keep
    # their events apart at two values; so does a Capitalised word closed by a full stop
    # after a label when no new sentence follows (``profile: Default. see docs``).
    messages = [
        "Binding parameter #12 as CLOB",
        "Binding parameter #13 as BLOB",
        "Tag: onDestroy Fragment 0x1a2b",
        "Tag: onDestroy Activity 0x3c4d",
        "remove_snapshot(Snapshot ID = 1ed3ce33) Start.",
        "remove_snapshot(Snapshot ID = 9f7d2e2d) End.",
        "Jail 'sshd' started",
        "Jail 'nginx' stopped",
        "Loaded profile: Default. see docs",
        "Loaded profile: Custom. see docs",
    ]
    templates = mine_all(miners, messages)
    assert len(set(templates)) == 10
