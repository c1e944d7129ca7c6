"""Eighty-third round: a value quoted in one call and written bare in another keeps the two
apart when siblings are taken in.

linuxptp (C printf) logs ``locked item global.%s as '%s'`` and, in another call, ``locked item
global.%s as %s``. A message whose value is quoted where the template's is bare is another
call's (_quoting_differs, _match); but once a value of the bare call's shape became a variable
(``global.<*>/repo9`` / ``global.user15/repo29``), _absorb_family took in every sibling the
shape then covered, the quoted call's among them: one template ``locked item <*> as <*>``.
Siblings that quote a value the shape writes bare, after no label, now stay apart
(_quoted_unlabelled). After a label (``leader_uuid: "<*>"`` / ``index: <*>``) a dump quotes a
field's value by its type, so there quoting tells no call.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.miner import _quoted_unlabelled
from tests.unit.templates.conftest import mine_all


def test_a_quoted_value_and_a_bare_one_stay_two_calls_when_a_value_generalises(
    miners: ServiceMiners,
) -> None:
    messages = [
        "locked item global.user22/repo17 as 'user24/repo13'",
        "locked item global.user28/repo12 as 'user24/repo13'",
        "locked item global.user24/repo8 as 'user13/repo23'",
        "locked item global.user26/repo9 as 9",
        "locked item global.user3/repo11 as 'user27/repo7'",
        "locked item global.node-23.corp as 149",
        "locked item global.user15/repo29 as 32",
        "locked item global.user11/repo25 as 'user24/repo13'",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"locked item <*> as '<*>'", "locked item <*> as <*>"}
    assert templates[-1] == "locked item <*> as '<*>'"
    assert templates[-2] == "locked item <*> as <*>"


def test_a_quoted_device_and_a_bare_one_stay_two_calls(miners: ServiceMiners) -> None:
    messages = [
        'skipping device "kube-system/billing-3d313995f3-3b3c0" because it contains a '
        'filesystem "orion-3"',
        "skipping device sensor.primary_worker with osd 995375785 already configured",
        'skipping device "kube-system/atlas-9016608353-84819" with osd 48 already configured',
        "skipping device sensor.backup_hermes with osd 793140232 already configured",
        'skipping device "kube-system/canary-ded591879e-8e613" with osd 95 already configured',
        "skipping device sensor.scheduler_invoices with osd 299833226 already configured",
        'skipping device "kube-system/nova-8bce31c3c0-c3b60" with osd 76 already configured',
        "skipping device sensor.main_nova with osd 919622656 already configured",
        'skipping device "kube-system/metrics-a3e77fb02b-e4733" with osd 99 already configured',
    ]
    templates = mine_all(miners, messages)
    assert templates[-1] == 'skipping device "<*>" with osd <*> already configured'
    assert templates[-2] == "skipping device <*> with osd <*> already configured"


def test_other_calls_after_to_stay_apart_and_one_quoted_call_stays_one(
    miners: ServiceMiners,
) -> None:
    messages = [
        'Failed to destroy "kube-system/a-1"',
        'Failed to destroy "kube-system/b-2"',
        "Failed to start container",
        "Failed to stop monitor",
        "Failed to load config",
        'Failed to destroy "kube-system/c-3"',
    ]
    templates = mine_all(miners, messages)
    assert templates[0] == templates[1] == templates[-1] == 'Failed to destroy "<*>"'
    assert len(set(templates[2:5])) == 3
    assert 'Failed to destroy "<*>"' not in templates[2:5]


def test_quoting_after_a_label_tells_no_call() -> None:
    # A dump (protobuf's text, YAML) quotes a field's value by its type: after a token
    # ending in a colon, in either shape, quoting is no sign of another call.
    assert _quoted_unlabelled(["locked", "as", "'<*>'"], ["locked", "as", "<*>"])
    assert _quoted_unlabelled(["locked", "as", "<*>"], ["locked", "as", "'<*>'"])
    assert not _quoted_unlabelled(["leader_uuid:", '"<*>"', "}"], ["leader_uuid:", "<*>", "}"])
    assert not _quoted_unlabelled(["index:", "<*>"], ["uuid:", '"<*>"'])
    assert not _quoted_unlabelled(["locked", "as", "<*>"], ["locked", "by", "<*>"])
