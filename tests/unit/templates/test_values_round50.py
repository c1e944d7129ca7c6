"""Fiftieth round: free text amid a message, an error printed with more of the format after it.

PhotoPrism (Go, logrus) writes ``faces: %s (resolve ambiguous subjects)``, ``moments: %s
(remove duplicates)``, ``file %s: %s while removing share info``: the error varies in length
and wording, and free text was a value only at the end of a message or of its quote, so each
error text made a template. A span between a head and constant text ending the message is one
value once spans of two lengths came between them, each holding a value or seen between other
heads too, one of them an error's text seen so (``miner._note_spans``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_an_error_amid_a_message_is_one_value(miners: ServiceMiners) -> None:
    messages = [
        "moments: dial tcp 10.0.0.7:443: connect: connection refused (remove duplicates)",
        "faces: dial tcp 10.0.0.7:443: connect: connection refused (resolve ambiguous subjects)",
        "faces: context canceled (resolve ambiguous subjects)",
        "faces: etcdserver: request timed out (resolve ambiguous subjects)",
        "faces: rpc error: code = Unavailable desc = connection closed"
        " (resolve ambiguous subjects)",
        "faces: dial tcp 10.0.0.9:2380: connect: connection refused (resolve ambiguous subjects)",
    ]
    found = mine_all(miners, messages)
    assert set(found[1:]) == {"faces: <*> (resolve ambiguous subjects)"}
    assert found[0] != found[1]


def test_the_earlier_templates_of_the_span_are_taken_in(miners: ServiceMiners) -> None:
    messages = [
        "file 3f2a: failed to unmount /srv/a: permission denied while removing share info",
        "file 9c1b: etcdserver: request timed out while removing share info",
        "config: etcdserver: request timed out (create config path)",
        "file 77aa: open /etc/x: no such file or directory while removing share info",
    ]
    miners.assign("svc", messages)
    ids = [miners.mine("svc", message).template_id for message in messages]
    assert ids[0] == ids[1] == ids[3]
    assert miners.mine("svc", messages[3]).template == "file <*>: <*> while removing share info"


def test_plain_words_seen_after_two_heads_are_no_error(miners: ServiceMiners) -> None:
    messages = [
        "faces: found no new samples",
        "index: found no new samples",
        "faces: computed distance of 42 new samples",
    ]
    found = mine_all(miners, messages)
    assert found[0] == "faces: found no new samples"
    assert found[2] == "faces: computed distance of <*> new samples"


def test_spans_that_begin_alike_are_more_of_the_format(miners: ServiceMiners) -> None:
    messages = [
        "replica: 3: on_ip: waiting for quorum",
        "primary: 3: on_ip: waiting for quorum",
        "replica: 3: on_join_view: view=7 waiting for quorum",
    ]
    found = mine_all(miners, messages)
    assert found[0] != found[2]
    assert found[2] == "replica: <*>: on_join_view: view=<*> waiting for quorum"
