"""Eighty-second round: an UPPER_CASE state in front, joined to a value by a short word, is a
value of the call.

Senlin (OpenStack clustering, Python ``logging``) logs ``LOG.info("%s for %s", status, name)``:
``INACTIVE for kube-system/...``, ``NOT_READY for ...``, ``ACTIVE for ...``. The first word
names the event (Drain's premise) and became a variable only before an event's own message
(``PUT ignoring request ...``, _sender_varies); three tokens are no such message, and
``NOT_READY`` (with ``_``) was no word of capitals. An UPPER_CASE state in front followed by a
short lower-case word and a value (``%s for %s``) is now one of the call's values, as
_amid_values (round 76) takes such a state inside the message. Capitalised words in front
(``Waiting for <*>`` / ``Looking for <*>``) stay a sentence's verbs, each its own event.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_an_upper_case_state_in_front_of_for_and_a_value_is_a_value(
    miners: ServiceMiners,
) -> None:
    messages = [
        "INACTIVE for kube-system/hallway-c8282dbf91-b29e9",
        "NOT_READY for kube-system/vega-a7d70e493d-70d8b",
        "ACTIVE for kube-system/scheduler-9a1113e25f-30ab9",
        "OFFLINE for kube-system/vega-77f9bab515-07fc1",
        "RUNNING for kube-system/orion-0c1d2e3f4a-1b2c3",
        "INACTIVE for kube-system/birch-7616fb2ac2-6a456",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"<*> for <*>"}


def test_capitalised_words_in_front_of_for_and_a_value_stay_apart(
    miners: ServiceMiners,
) -> None:
    messages = [
        "Waiting for kube-system/hallway-c8282dbf91-b29e9",
        "Looking for kube-system/vega-a7d70e493d-70d8b",
        "Searching for kube-system/scheduler-9a1113e25f-30ab9",
        "Asking for kube-system/vega-77f9bab515-07fc1",
        "Waiting for kube-system/orion-0c1d2e3f4a-1b2c3",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "Waiting for <*>",
        "Looking for <*>",
        "Searching for <*>",
        "Asking for <*>",
    }
