"""Eighty-fourth round: a dotted name in front of a short message is a value.

The ioBroker js-controller (winston) logs ``${this.namespace} terminating``, OS-Ken ``%s
disabled``, Pinpoint ``{} destroying completed.``: a unit's, a logger's or an entity's dotted
name (``backend.service``, ``sensor.garden_garden``) before a message of one or two words. A
lower-case name joined by ``.``, ``_`` or ``-`` in front was a value only before an event's own
message (tails.event_tail: four plain words, or two and a value), so each name made a template
of its own. After dotted names (a ``.`` in both) a short message (_short_tail) or a sentence
and its error (tails.sentence_head) now counts too, as after a label (``web.service:``, rounds
51 and 61): the first token becomes a variable after ``min_distinct_words`` such names
(_subject_message). A plain word in front
(``sysinfo updated``, Loghub's ``cupsd startup succeeded``: a daemon's own message) is not taken
by the value those names made (_dotted_tails), and a name joined by ``_`` or ``-`` alone (C's
``talloc_zero failed.``) stays the event's word.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.miner import _subject_message
from tests.unit.templates.conftest import mine_all


def test_dotted_units_before_one_word_are_one_template(miners: ServiceMiners) -> None:
    messages = [
        "primary.service terminating",
        "gateway.service terminating",
        "delta.service terminating",
        "backend.service terminating",
        "vega.service terminating",
        "gateway.service terminating",
    ]
    templates = mine_all(miners, messages)
    assert templates[-3:] == ["<*> terminating"] * 3


def test_dotted_entities_before_a_short_sentence_are_one_template(
    miners: ServiceMiners,
) -> None:
    messages = [
        "vega.service destroying completed.",
        "gamma.service destroying completed.",
        "sensor.birch_kitchen No UUID found!",
        "gateway.service destroying completed.",
        "sensor.hallway_hermes No UUID found!",
        "maple.service destroying completed.",
        "sensor.orders_scheduler No UUID found!",
        "sensor.birch_frontend No UUID found!",
    ]
    templates = mine_all(miners, messages)
    assert templates[-3] == "<*> destroying completed."
    assert templates[-2:] == ["<*> No UUID found!"] * 2


def test_a_plain_word_stays_apart_from_the_value_of_dotted_names(
    miners: ServiceMiners,
) -> None:
    messages = [
        "orion.service updated",
        "sysinfo updated",
        "sysinfo updated",
        "replica.service updated",
        "delta.service updated",
        "sysinfo updated",
        "backup.service updated",
        "cupsd updated",
    ]
    templates = mine_all(miners, messages)
    assert templates[-2] == "<*> updated"
    assert templates[-3] == "sysinfo updated"
    assert templates[-1] == "cupsd updated"


def test_plain_words_and_snake_names_in_front_stay_the_events(miners: ServiceMiners) -> None:
    messages = [
        "sysinfo updated",
        "orion.service updated",
        "sysinfo updated",
        "replica.service updated",
        "cupsd startup succeeded",
        "rpc.statd startup succeeded",
        "rpc.idmapd startup succeeded",
        "klogd startup succeeded",
        "talloc_zero failed.",
        "pack_buffer failed.",
        "sysdb_search_users failed.",
        "tevent_add_timer failed.",
    ]
    templates = mine_all(miners, messages)
    assert templates[2] == "sysinfo updated"
    # Two dotted names are no evidence yet before a short message: two daemons' messages.
    assert templates[4:8] == [
        "cupsd startup succeeded",
        "rpc.statd startup succeeded",
        "rpc.idmapd startup succeeded",
        "klogd startup succeeded",
    ]
    # Names joined by ``_`` alone before a short message: C functions', the events' words.
    assert templates[8:] == [
        "talloc_zero failed.",
        "pack_buffer failed.",
        "sysdb_search_users failed.",
        "tevent_add_timer failed.",
    ]


def test_subject_message() -> None:
    assert _subject_message("web.service", ["terminating"])
    assert _subject_message("sensor.door", ["No", "UUID", "found!"])
    state_change = ["Invalid", "id", "on", "system", "state", "change:", "<*>"]
    assert _subject_message("db.service", state_change)
    assert not _subject_message("talloc_zero", ["failed."])
    assert not _subject_message("db-3", ["stopped"])
    # No plain word, or an error's chain of contexts: no event's own message.
    assert not _subject_message("web.service", ["<*>"])
    assert not _subject_message("web.service", [":", "'<*>'"])
    assert not _subject_message("web.service", ["open", "<*>:", "<*>"])
    # An event's own message after any such name, as before.
    assert _subject_message("db-3", ["is", "running", "on", "<*>"])


def test_a_restored_miner_keeps_a_plain_word_apart_from_the_value_of_dotted_names() -> None:
    # The messages seen after dotted names are kept in the snapshot: without them the restored
    # miner took ``cupsd updated`` into ``<*> updated``, which the running one kept apart.
    messages = [
        "orion.service updated",
        "sysinfo updated",
        "sysinfo updated",
        "replica.service updated",
        "delta.service updated",
        "sysinfo updated",
        "backup.service updated",
    ]
    running = ServiceMiners()
    running.assign("svc", messages)
    restored = ServiceMiners.restore(running.snapshot())
    for miners in (running, restored):
        assert miners.assign("svc", ["cupsd updated"]).created == [0]
        assert miners.assign("svc", ["web.service updated"]).created == []
    assert restored.snapshot() == running.snapshot()
