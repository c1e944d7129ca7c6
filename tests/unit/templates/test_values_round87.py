"""Eighty-seventh round: a call in front whose one argument the masks took in another form
finds its template among the calls led by a variable.

OpenTTD logs ``sendto(%s)`` with the address a host and port (masked ``sendto(<*>:<*>)``) or a
URL (``sendto(https://<*>)``); virt-manager ``hasFile(%s) returning %s``, Narayana
``RESTRecord(%s, %s, %s, %s)``. Round 86 made such tokens one call (tokens.call_argument), but a
first token the masks took part of leads the group of a variable, and there the miner looked
only for the calls whose arguments and bracketed values differ (tokens.call_values): a call of
one argument in another form made a template of its own, and a one-token message shares no
equal token with anything. The look in that group now takes any other token of the same call
(tokens.one_call), as the look among other first tokens already did.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_a_one_token_call_with_its_address_in_another_form_is_one_event(
    miners: ServiceMiners,
) -> None:
    messages = [
        "sendto(metrics-2.corp.internal:5432)",
        "sendto(10.243.135.195:6443)",
        "sendto(https://10.53.96.220:5432/gateway)",
        "sendto(unix:///run/maple/beta.sock)",
        "sendto(10.218.64.131:9042)",
    ]
    assert set(mine_all(miners, messages)) == {"sendto(<*>)"}


def test_a_call_in_front_with_its_address_in_another_form_joins_its_template(
    miners: ServiceMiners,
) -> None:
    messages = [
        "hasFile(aurora-9.corp.internal:2379) returning sensor.zeus_staging",
        "hasFile(10.2.240.195:6443) returning sensor.alpha_main",
        "hasFile(https://10.36.96.11:8080/billing) returning sensor.alpha_main",
        "hasFile(unix:///run/gamma/main.sock) returning sensor.vega_prod",
    ]
    assert set(mine_all(miners, messages)) == {"hasFile(<*>) returning <*>"}


def test_other_calls_and_other_words_after_the_call_stay_apart(
    miners: ServiceMiners,
) -> None:
    messages = [
        "sendto(metrics-2.corp.internal:5432)",
        "sendto(10.243.135.195:6443)",
        "recvfrom(https://10.53.96.220:5432/gateway)",
        "recvfrom(unix:///run/maple/beta.sock)",
        "sendto(10.218.64.131:9042) refused",
        "sendto(metrics-2.corp.internal:5432) refused",
        "sendto(https://10.53.96.220:5432/gateway) accepted",
        "sendto(unix:///run/maple/beta.sock) accepted",
    ]
    templates = mine_all(miners, messages)
    # Another call's name is another event, whatever form its argument takes.
    assert not set(templates[0:2]) & set(templates[2:4])
    # Other words after the same call make another event.
    assert not set(templates[4:6]) & set(templates[6:8])
