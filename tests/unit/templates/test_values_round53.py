"""Fifty-third round: an exception's message goes on after a full stop when a label of its own
follows (``... already exists. Status: 409 (Conflict)``); a call in front whose argument a mask
took finds the event a word there began.

Greenshot (C#, log4net) prints .NET exceptions inside its messages, and Azure's
``RequestFailedException`` writes a sentence, then ``Status: 409 (Conflict)``: the message
ended at the sentence's full stop, its ``Status:`` field was taken for the event's words, and
the event split in two templates (errtexts.join_exceptions). TLP (shell) writes what it acts
on as a call's argument in front (``select_battery(stop):``): ``false`` there is masked, the
first token became ``select_battery(<*>):``, keyed with the variables, and the search for a
message led by a variable stopped before the calls led by words (miner._search).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.errtexts import join_exceptions
from tests.unit.templates.conftest import mine_all


def test_a_label_after_a_full_stop_is_the_message_s() -> None:
    raw = [
        "upload",
        "failed:",
        "Azure.RequestFailedException:",
        "The",
        "entity",
        "exists.",
        "Status:",
        "409",
        "(Conflict),",
        "will",
        "retry",
    ]
    found = join_exceptions(raw, set(), set())
    assert found is not None
    assert found[0] == [
        "upload",
        "failed:",
        "Azure.RequestFailedException: The entity exists. Status: 409 (Conflict),",
        "will",
        "retry",
    ]


def test_a_sentence_after_a_full_stop_stays_the_event_s() -> None:
    raw = ["upload", "failed:", "Acme.StoreException:", "disk", "gone.", "Retrying", "now"]
    found = join_exceptions(raw, set(), set())
    assert found is not None
    assert found[0] == ["upload", "failed:", "Acme.StoreException: disk gone.", "Retrying", "now"]
    raw = ["upload", "failed:", "Acme.StoreException:", "disk", "gone.", "next:", "7"]
    found = join_exceptions(raw, set(), set())
    assert found is not None
    assert found[0][2:] == ["Acme.StoreException: disk gone.", "next:", "7"]


def test_an_exception_with_a_status_is_one_value(miners: ServiceMiners) -> None:
    messages = [
        "Could not parse response due to error System.OperationCanceledException: The "
        "operation was canceled., response was: node-3.corp",
        "Could not parse response due to error Azure.RequestFailedException: The specified "
        "entity already exists. Status: 409 (Conflict), response was: node-36.corp",
        "Could not parse response due to error System.Net.Sockets.SocketException (111): "
        "Connection refused 10.218.160.135:11111, response was: node-41.corp",
        "Could not parse response due to error System.OperationCanceledException: The "
        "operation was canceled., response was: node-57.corp",
    ]
    assert len(set(mine_all(miners, messages))) == 1


def test_a_masked_argument_in_front_finds_the_call(miners: ServiceMiners) -> None:
    messages = [
        "batdrv.thinkpad.select_battery(stop): bat_str=BAT1; cfg=BAT0; bd_read=/sys/a",
        "batdrv.thinkpad.select_battery(stop): bat_str=BAT1; cfg=BATC; bd_read=/sys/b",
        "batdrv.thinkpad.select_battery(false): bat_str=BAT1; cfg=BATC; bd_read=/sys/c",
        "batdrv.thinkpad.select_battery(stop): bat_str=BAT1; cfg=BAT0; bd_read=/sys/d",
    ]
    assert set(mine_all(miners, messages)) == {
        "batdrv.thinkpad.select_battery(<*>): bat_str=BAT1; cfg=<*>; bd_read=<*>"
    }


def test_a_masked_value_in_front_of_another_name_stays_apart(miners: ServiceMiners) -> None:
    messages = ["load(stop): done in 5 ms", "load(stop): done in 7 ms", "save(false): done in 9 ms"]
    templates = mine_all(miners, messages)
    assert templates[2] != templates[0]
