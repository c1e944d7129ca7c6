"""Eightieth round: a word written where a format puts a value, beside its key, is a value
after two of them.

Apache Ambari (Java, SLF4J) logs ``no user configuration found for type = {}. This may be
...``, ``created ExecutionCommand for host {}, role {}, roleCommand {}, and command ID {}`` and
``Queued task #{} is expected to have a status of {} but has a status of {}, skipping.``: each
call's word took two values only (``tcp4`` / ``udp``, ``git`` / ``tar``, ``running`` /
``stopped``), and two words are a call's own words, not a value, unless something says they
are a value (a label's, a kind noun's: round 42, 68, 71). Three more such places now say so:
a spaced ``=`` with the word closed by a comma or a full stop (``_assigned``, as round 42 took
the word ending the message); ``a <kind noun> of`` (``_kind_of``, the kind nouns of
``_kind_named``); a key after a key and its variable closed by a comma, the word closed by a
comma too (``_key_listed``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_a_word_after_a_spaced_equals_sign_closed_by_a_stop_is_its_value(
    miners: ServiceMiners,
) -> None:
    messages = [
        "setMissingConfigurations: no user configuration found for type = tcp4. This may be"
        " caused by an error in the blueprint configuration.",
        "setMissingConfigurations: no user configuration found for type = udp. This may be"
        " caused by an error in the blueprint configuration.",
        "setMissingConfigurations: no user configuration found for type = tcp4. This may be"
        " caused by an error in the blueprint configuration.",
        "Opening stream 17 with codec = opus, bitrate 96000",
        "Opening stream 18 with codec = flac, bitrate 44100",
        "Opening stream 19 with codec = opus, bitrate 128000",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "setMissingConfigurations: no user configuration found for type = <*>. This may be"
        " caused by an error in the blueprint configuration.",
        "Opening stream <*> with codec = <*>, bitrate <*>",
    }


def test_the_word_after_a_kind_noun_of_is_its_value(miners: ServiceMiners) -> None:
    messages = [
        "Queued task #10013ecb8f9a is expected to have a status of running but has a status"
        " of deactivating, skipping.",
        "Queued task #b8858b677ca2 is expected to have a status of stopped but has a status"
        " of exited, skipping.",
        "Queued task #20013ecb8f9b is expected to have a status of running but has a status"
        " of failed, skipping.",
        "Queued task #c8858b677ca3 is expected to have a status of stopped but has a status"
        " of dead, skipping.",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "Queued task #<*> is expected to have a status of <*> but has a status of <*>, skipping."
    }


def test_a_word_in_a_list_of_keys_and_values_is_its_keys_value(miners: ServiceMiners) -> None:
    messages = [
        "created ExecutionCommand for host 10.149.158.135:443, role local.service, roleCommand"
        " tar, and command ID 75aa944c6cc5cfa30ce2f09ed2b42060",
        "created ExecutionCommand for host hallway-7.corp.internal:443, role zeus.service,"
        " roleCommand git, and command ID 048ae469894441233d4e990b4d7045aa",
        "created ExecutionCommand for host 10.14.252.91:443, role backup.service, roleCommand"
        " git, and command ID 5e50bbc78c824d8f269fd22ec1ebb31d",
        "Plan: Upload vega_staging, Update orders, Delete 67368",
        "Plan: Upload worker_invoices, Update main, Delete 47142",
        "Plan: Upload kitchen_alpha, Update orders, Delete 1182",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "created ExecutionCommand for host <*>:<*>, role <*>, roleCommand <*>, and command ID <*>",
        "Plan: Upload <*>, Update <*>, Delete <*>",
    }


def test_what_names_the_thing_of_a_kind_stays_apart(miners: ServiceMiners) -> None:
    # Guard: what must stay apart stays apart. Without the article, ``type of`` is followed by
    # the thing the type belongs to, the call's own noun (request-tracker: two calls); after
    # ``the``, likewise. A word after a spaced ``=`` that goes on without a stop is not
    # taken, nor one closed by a comma after words alone (no key and variable before it).
    messages = [
        "[error]: Invalid type of attr mapping for 41, value is lost",
        "[error]: Invalid type of LDAP mapping for 87, value is lost",
        "[error]: Invalid type of attr mapping for 42, value is lost",
        "[error]: Invalid type of LDAP mapping for 88, value is lost",
        "Checking the status of backup jobs in 4s",
        "Checking the status of restore jobs in 5s",
        "Checking the status of backup jobs in 6s",
        "Checking the status of restore jobs in 7s",
        "mode = fast path taken for 12 requests",
        "mode = slow path taken for 13 requests",
        "mode = fast path taken for 14 requests",
        "mode = slow path taken for 15 requests",
        "Dropping cache entries, keeping index, reason 5",
        "Dropping cache entries, keeping journal, reason 6",
        "Dropping cache entries, keeping index, reason 7",
        "Dropping cache entries, keeping journal, reason 8",
    ]
    templates = mine_all(miners, messages)
    assert len(set(templates)) == 8, sorted(set(templates))
