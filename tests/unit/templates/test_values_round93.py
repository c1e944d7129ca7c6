"""Ninety-third round: an error printed after a dash standing alone (Rust's ``"{} - {}"``).

Proxmox Backup Server writes ``log::error!("Error reading subscription - {}", err)``: the head
ends in a dash, not a colon, so no head was found and each error text (``Overloaded``,
``deadline has elapsed``, ``Permission denied (os error 13)``) made a template of its own. A
dash token after two plain words or more now ends an open head (``tails.open_ends``), as a
plain word does since round 38: its tails become one free text only when two of them are
errors the service has printed after other heads ending in ``:``. A name's events after a
dash (Pekko's ``Cluster Node [<*>] - Leader is moving ...``) and steps' states (Jena's
``Convert Geometry Structure - Completed``), never seen after a colon, stay apart.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tails import open_ends

_ERRORS = [
    "Overloaded",
    "deadline has elapsed",
    "channel closed",
    "Permission denied (os error 13)",
]
# The errors, printed after heads ending in ``:`` first (values that recur).
_LEARNT = [
    f"{head}: {error}"
    for error in _ERRORS
    for head in ("reading journal failed", "error checking certificates", "could not grow memory")
]


def _mine_batch(miners: ServiceMiners, messages: list[str]) -> list[str]:
    """Each message's final template text, the messages mined as one batch."""
    ids = miners.assign("svc", messages).template_ids
    return [miners.template_text("svc", miners.resolve("svc", tid)) or "" for tid in ids]


def _mine_each(miners: ServiceMiners, messages: list[str]) -> list[str]:
    """Each message's final template text, the messages mined one at a time."""
    ids = [miners.assign("svc", [message]).template_ids[0] for message in messages]
    return [miners.template_text("svc", miners.resolve("svc", tid)) or "" for tid in ids]


def test_errors_after_a_dash_are_one_template(miners: ServiceMiners) -> None:
    messages = [f"Error reading subscription - {error}" for error in _ERRORS]
    mined = _mine_each(miners, _LEARNT + messages)
    assert set(mined[len(_LEARNT) :]) == {"Error reading subscription - <*>"}


def test_errors_after_a_dash_and_a_quoted_value_in_a_batch(miners: ServiceMiners) -> None:
    paths = ["/home/git/staging-92.conf", "/var/lib/maple-73.log", "/srv/a/b.db", "/etc/x.json"]
    messages = [
        f'Unable to unmap file "{path}" - {error}'
        for path, error in zip(paths, _ERRORS, strict=True)
    ]
    mined = _mine_batch(miners, _LEARNT + messages)
    assert set(mined[len(_LEARNT) :]) == {'Unable to unmap file "<*>" - <*>'}


def test_events_after_a_dash_stay_apart(miners: ServiceMiners) -> None:
    # Guard: what follows the dash was never printed after a colon; each is its own event.
    steps = [
        f"{step} - {state}"
        for state in ("Started", "Completed")
        for step in ("Convert Geometry Structure", "Building Spatial Index", "Applying Schema")
    ]
    node = "Cluster Node [pekko://ClusterSystem@10.0.0.{}:25520] - {}"
    events = [
        node.format(1, "Exiting confirmed [pekko://ClusterSystem@10.2.0.1:25520]"),
        node.format(2, "Leader is moving node [pekko://ClusterSystem@10.2.0.3:25520] to [Up]"),
        node.format(3, "Welcome from [pekko://ClusterSystem@10.2.0.4:25520]"),
        node.format(4, "Shutting down myself"),
    ]
    mined = _mine_each(miners, _LEARNT + steps + events + steps + events)
    assert len(set(mined[len(_LEARNT) :])) == len(steps) + len(events)


def test_a_dash_ends_an_open_head_after_two_words() -> None:
    assert open_ends(["Error", "reading", "subscription", "-", "Overloaded"]) == [1, 2, 3]
    assert open_ends(["node", "-", "ready"]) == []  # one word before the dash
    assert open_ends(["copy", "<*>", "-", "<*>"]) == []
    assert open_ends(["Error", "reading", "-"]) == [1]  # nothing after the dash
