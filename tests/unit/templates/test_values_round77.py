"""Seventy-seventh round: a value in quotes after a label, and text out of quotes after it.

Radicale prints its settings with ``%s : '%s'`` and, for one unset, ``%s : (not provided)``.
Both tails follow many settings' labels, so the label's tails read as values that recur
(``miner._recurring``), and the head's templates became one free tail, ``auth.ldap_group_filter
: <*>``, whose quoted values then took the unquoted text too. A format that quotes the value
it prints after a label quotes it every time: a tail of one quoted value and a tail out of
quotes after one label are two calls' (``miner._quoting_splits``).

What a label followed by one word and a value must keep apart (a rule tried and dropped):

Apicurio Registry's ``Rollback: {} #{}`` prints a state (``Terminating`` / ``Pending`` /
``Waiting``) right after a label and right before a value. Taking such a word as the call's
value after two of them (as round 76's ``miner._amid_values`` does between two values) was
tried and dropped: after a label at the start of a message, a Capitalised word before a value
is most often the event's verb (Puppet's ``Debug: Unlocked '%s'`` / ``Debug: Executing '%s'``,
zigbee2mqtt's ``z2m: Interviewing '%s'`` / ``z2m: Configuring '%s'``, Uptime Kuma's ``INFO:
Patching %s`` / ``INFO: Importing %s``), each its own call. The guard keeps them apart at two
messages each, as the miner does.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_text_out_of_quotes_stays_apart_from_a_quoted_value(miners: ServiceMiners) -> None:
    messages = [
        "auth.ldap_groups_attribute : 'sensor.zeus_storage'",
        "auth.ldap_group_filter : '727583fe560e'",
        "auth.ldap_group_filter : '4a348f763b2a'",
        "auth.ldap_group_filter : 'c2dafb2c98f9'",
        "auth.ldap_group_filter : 'fddb95b34540'",
        "auth.ldap_groups_attribute : 'sensor.vega_beta'",
        "auth.ldap_group_filter : 'fddb95b3450'",
        "auth.ldap_group_filter : (not provided)",
        "auth.ldap_user_attribute : (not provided)",
        "auth.ldap_user_attribute : 'orders_hallway'",
        "auth.ldap_user_attribute : (not provided)",
    ]
    templates = mine_all(miners, messages)
    assert templates[1] == "auth.ldap_group_filter : '<*>'"
    assert templates[7] == "auth.ldap_group_filter : (not provided)"
    assert templates[8] == "auth.ldap_user_attribute : (not provided)"
    assert templates[9] != templates[8]


def test_verbs_after_a_label_before_a_value_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "Debug: Unlocked '/home/git/hallway/garden/backend-34/alpha'",
        "Debug: Executing 'unpigz'",
        "Debug: Unlocked '/srv/primary-73/invoices'",
        "Debug: Executing 'tar'",
        "info: z2m: Interviewing 'node-27.corp'",
        "info: z2m: Configuring 'node-63.corp'",
        "info: z2m: Interviewing 'node-52.corp'",
        "info: z2m: Configuring 'node-11.corp'",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "Debug: Unlocked '<*>'",
        "Debug: Executing '<*>'",
        "info: z2m: Interviewing '<*>'",
        "info: z2m: Configuring '<*>'",
    }


def test_a_verb_after_a_tag_and_a_label_before_a_path_stays_apart(
    miners: ServiceMiners,
) -> None:
    messages = [
        "[DB] INFO: Patching /var/lib/billing/default/main.sock",
        "[DB] INFO: Importing /etc/667d5be9.snap",
        "[DB] INFO: Patching /etc/default/replica.db",
        "[DB] INFO: Importing /var/lib/orders/aurora.json",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"[DB] INFO: Patching <*>", "[DB] INFO: Importing <*>"}
