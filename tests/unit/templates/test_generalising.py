"""Mechanisms that make templates hold on software the miner was not built from: quoted
values, free text after a head ending in ':', and local URLs (docs/templates.md)."""

from __future__ import annotations

import pytest

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.errtexts import join_error_texts
from pipeline.templates.quoting import join_quoted, opening_quote
from pipeline.templates.rendering import render
from pipeline.templates.tails import head_ends, tails_vary, value_slots
from pipeline.templates.tokens import differ_in_words
from tests.unit.templates.conftest import assert_matches, mine_all

ERRORS = [
    "i/o timeout",
    "context deadline exceeded",
    "permission denied",
    "EOF",
    "dial tcp 10.0.0.5:443: connect: connection refused",
    "open /var/lib/x/y.db: no such file or directory",
]


# -- quoted values ----------------------------------------------------------------------------


def test_a_quoted_value_spanning_tokens_is_joined_and_a_quoted_key_is_skipped() -> None:
    raw = ['{"error":"i/o', 'timeout","took":"1s"}', "done"]
    assert join_quoted(raw) == ['{"error":"i/o timeout","took":"1s"}', "done"]
    assert join_quoted(['err="rpc', "error:", "code", "=", 'NotFound"', 'id="x"']) == [
        'err="rpc error: code = NotFound"',
        'id="x"',
    ]
    assert join_quoted(["can't", "get", "it's"]) is None  # apostrophes open nothing
    assert join_quoted(['x="unclosed', "value"]) is None
    # An escaped quote does not close the value.
    assert join_quoted(['e="a', 'b\\"c', 'd"']) == ['e="a b\\"c d"']
    # A message that starts with a quote quotes itself (klog), it is not a value.
    assert join_quoted(['"Failed', "to", 'stop"', 'err="a', 'b"']) == [
        '"Failed',
        "to",
        'stop"',
        'err="a b"',
    ]
    # So does one whose first token opens the quote after brackets (TiKV's ["message"]); a
    # JSON object's first value still is one.
    assert join_quoted(['["Failed', "to", 'stop"]', '[err="a', 'b"]']) == [
        '["Failed',
        "to",
        'stop"]',
        '[err="a b"]',
    ]
    assert join_quoted(['{"error":"i/o', 'timeout"}']) == ['{"error":"i/o timeout"}']
    assert opening_quote('{"error":"i/o') == '"'
    assert opening_quote('{"error":"EOF"}') is None


@pytest.mark.parametrize(
    ("messages", "template"),
    [
        (
            [f'failed to send watch response {{"error":"{e}"}}' for e in ERRORS],
            'failed to send watch response {"error":"<*>"}',
        ),
        (
            [f'"Failed to stop container" err="{e}" containerID="abc"' for e in ERRORS],
            '"Failed to stop container" err="<*>" containerID="<*>"',
        ),
        (
            ['relation "my table" does not exist', 'relation "orders" does not exist'],
            'relation "<*>" does not exist',
        ),
        (
            ['attachment with type "EBUSY" blocked', 'attachment with type "EACCES" blocked'],
            'attachment with type "<*>" blocked',
        ),
    ],
)
def test_quoted_values_are_one_variable_whatever_their_length(
    miners: ServiceMiners, messages: list[str], template: str
) -> None:
    assert set(mine_all(miners, messages)) == {template}
    for message in messages:
        assert_matches(template, message, miners.config)


def test_quoted_words_apart_are_a_value_but_other_words_are_not() -> None:
    assert not differ_in_words('"EBUSY"', '"EACCES"')
    assert not differ_in_words("('get',", "('put',")
    assert differ_in_words("started", "stopped")
    assert differ_in_words("'a'b", "'c'd")  # the quotes do not enclose the difference


def test_the_klog_message_in_quotes_still_names_the_event(miners: ServiceMiners) -> None:
    first, second = mine_all(
        miners, ['"Failed to stop container" err="EOF"', '"Failed to start pod" err="EOF"']
    )
    assert first != second


def test_a_message_quoted_in_brackets_names_the_event(miners: ServiceMiners) -> None:
    assert mine_all(
        miners,
        [
            '["Failed to stop container"] [region_id=3] [thread_id=5]',
            '["Failed to start pod"] [region_id=4] [thread_id=7]',
        ],
    ) == [
        '["Failed to stop container"] [region_id=<*>] [thread_id=<*>]',
        '["Failed to start pod"] [region_id=<*>] [thread_id=<*>]',
    ]


def test_a_local_url_is_a_value(miners: ServiceMiners) -> None:
    # Each in a service of its own: addresses of two schemes in one place are one value
    # (test_values_round3), which would hide the scheme.
    assert mine_all(miners, ["listening on unix:///run/a/x.sock"], "a") == [
        "listening on unix://<*>"
    ]
    assert mine_all(miners, ["listening on file:///etc/b.conf"], "b") == ["listening on file://<*>"]
    assert mine_all(miners, ["see http://wiki.apache.org/x"]) == ["see http://wiki.apache.org/x"]


# -- free text after a head -------------------------------------------------------------------


def test_heads_end_at_a_colon_after_two_words() -> None:
    assert head_ends(["LoadIssue", "failed:", "EOF", "now"]) == [1]
    assert head_ends(["ciod:", "failed", "to", "read"]) == []  # a single label
    assert head_ends(["A", "b:", "c", "d:", "e"]) == [1, 3]
    # A lower-case name and a label opening the message name the sender (round 12).
    assert head_ends(["a", "b:", "c", "d:", "e"]) == [3]
    assert head_ends(["a", "b:"]) == []  # nothing after it


def test_tails_vary_needs_more_forms_without_values_and_a_shared_first_token_defers() -> None:
    plain = [("EOF",), ("i/o", "timeout"), ("permission", "denied")]
    assert not tails_vary(plain, 3)
    assert tails_vary([*plain, ("context", "canceled")], 3)
    assert tails_vary([("EOF",), ("open", "<*>:", "no", "such"), ("denied",)], 3)
    # All begin with "<*>:": the head goes on to the next colon.
    shared = [("<*>:", "Bye", "Bye"), ("<*>:", "disconnected"), ("<*>:", "x"), ("<*>:", "y")]
    assert not tails_vary(shared, 3)


def test_free_text_after_a_head_becomes_one_template(miners: ServiceMiners) -> None:
    mine_all(miners, [f"Error during startup: {e}" for e in ERRORS])
    messages = [f"Error during shutdown: {e}" for e in ERRORS]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Error during shutdown: <*>"}
    for message in messages:
        assert_matches("Error during shutdown: <*>", message, miners.config)
    # Later tails of any length join it.
    later = mine_all(miners, ["Error during shutdown: a b c d e f g h", "Error during shutdown: x"])
    assert set(later) == {"Error during shutdown: <*>"}


def test_the_merge_is_reported_and_old_ids_resolve(miners: ServiceMiners) -> None:
    mine_all(miners, [f"Sync of a repository failed: {e}" for e in ERRORS[:5]])
    matches = [miners.mine("svc", f"LoadIssue failed: {e}") for e in ERRORS[:5]]
    final = miners.resolve("svc", matches[-1].template_id)
    assert all(miners.resolve("svc", m.template_id) == final for m in matches)
    merging = [m for m in matches if m.previous_id is not None]
    assert len(merging) == 1 and not merging[0].is_new
    assert miners.template_text("svc", final) == "LoadIssue failed: <*>"


def test_three_plain_tails_stay_apart_but_a_fourth_or_a_value_merges(
    miners: ServiceMiners,
) -> None:
    plain = [
        "Received disconnect from 1.2.3.4: 11: " + t
        for t in ("Bye Bye [preauth]", "disconnected by user", "Closed due to user request.")
    ]
    assert len(set(mine_all(miners, plain))) == 3
    errors = ("EOF", "i/o timeout", ERRORS[5])
    mine_all(miners, [f"Failed to store y: {e}" for e in errors])  # the errors recur
    valued = [f"Failed to load x: {e}" for e in errors]
    assert set(mine_all(miners, valued)) == {"Failed to load x: <*>"}


def test_a_label_alone_is_no_head(miners: ServiceMiners) -> None:
    messages = [
        "ciod: failed to read message prefix",
        "ciod: Error reading message",
        "ciod: LOGIN chdir failed",
        "ciod: generated core files",
        "ciod: a b c d e",
    ]
    assert len(set(mine_all(miners, messages))) == len(messages)


def test_other_heads_and_services_are_not_joined(miners: ServiceMiners) -> None:
    mine_all(miners, [f"Error during shutdown: {e}" for e in ERRORS])
    other = mine_all(miners, ["Error during startup: context canceled"])
    assert other == ["Error during startup: context canceled"]
    elsewhere = mine_all(miners, ["Error during shutdown: EOF a b"], service="other")
    assert elsewhere == ["Error during shutdown: EOF a b"]


def test_a_free_tail_survives_a_snapshot(miners: ServiceMiners) -> None:
    mine_all(miners, [f"Error during shutdown: {e}" for e in ERRORS])
    restored = ServiceMiners.restore(miners.snapshot(), MinerConfig())
    assert mine_all(restored, ["Error during shutdown: one two three four five six seven"]) == [
        "Error during shutdown: <*>"
    ]


def test_free_tails_stay_within_the_shape_bound() -> None:
    miners = ServiceMiners(MinerConfig(max_shapes_per_template=4))
    mine_all(miners, [f"Error during shutdown: {e}" for e in ERRORS])
    words = [" ".join(["w"] * n) for n in range(1, 30)]
    templates = mine_all(miners, [f"Error during shutdown: {w}" for w in words])
    assert set(templates) == {"Error during shutdown: <*>"}
    assert miners.stats.capped_shapes > 0


def test_the_text_of_a_message_key_is_the_event_not_a_value(miners: ServiceMiners) -> None:
    first, second, third = mine_all(
        miners,
        [
            'msg="failed to remove runc container" error="i/o timeout"',
            'msg="failed to start shim" error="i/o timeout"',
            'level=info msg="done" took="1 s"',
        ],
    )
    # The quotes logfmt puts around a value with spaces are the value's (test_values_round10).
    assert first == 'msg="failed to remove runc container" error=<*>'
    assert second == 'msg="failed to start shim" error=<*>'
    assert third == 'level=info msg="done" took=<*>'
    assert join_quoted(['{"msg":"a', 'b","error":"c', 'd"}']) == ['{"msg":"a', 'b","error":"c d"}']


# -- symbols, lists, names with numbers, JSON objects -----------------------------------------


def test_error_numbers_and_signals_by_name_are_values(miners: ServiceMiners) -> None:
    templates = mine_all(
        miners,
        [
            "attachment with type EBUSY blocked",
            "attachment with type EACCES blocked",
            "worker got SIGTERM, exiting",
            "worker got SIGKILL, exiting",
        ],
    )
    assert templates == [
        "attachment with type <*> blocked",
        "attachment with type <*> blocked",
        "worker got <*>, exiting",
        "worker got <*>, exiting",
    ]
    # Words that merely look alike stay words.
    assert mine_all(miners, ["EOF reached", "ERROR here"]) == ["EOF reached", "ERROR here"]


def test_lists_of_any_length_are_one_variable(miners: ServiceMiners) -> None:
    messages = [
        "unknown keys [a, b] in config",
        "unknown keys [c] in config",
        "unknown keys [d, e, f] in config",
        "loading ['x', 'y'] now",
        "loading ['z'] now",
        "peers [n1 n2 n3] joined",
        "peers [n4] joined",
    ]
    assert mine_all(miners, messages) == [
        "unknown keys <*> in config",
        "unknown keys <*> in config",
        "unknown keys <*> in config",
        "loading <*> now",
        "loading <*> now",
        "peers <*> joined",
        "peers <*> joined",
    ]
    for message, template in zip(messages, mine_all(miners, messages), strict=True):
        assert_matches(template, message, miners.config)


def test_bracketed_words_of_one_length_stay_words(miners: ServiceMiners) -> None:
    templates = mine_all(
        miners, ["Connection closed by 1.2.3.4 [preauth]", "Connection closed by 1.2.3.5 [other]"]
    )
    assert templates == [
        "Connection closed by <*> [preauth]",
        "Connection closed by <*> [other]",
    ]


def test_names_with_a_number_in_them_are_values_whatever_their_word(
    miners: ServiceMiners,
) -> None:
    templates = mine_all(
        miners,
        [
            "joined node-17.corp now",
            "joined web-3.corp now",
            "using invoices-3 ok",
            "using maple-12 ok",
        ],
    )
    assert templates == ["joined <*> now", "joined <*> now", "using <*> ok", "using <*> ok"]
    assert differ_in_words("node-<*>", "step<*>")  # not the same shape


def test_json_objects_with_other_keys_are_other_events(miners: ServiceMiners) -> None:
    messages = [
        'failed to close: {"error":"EOF"}',
        'failed to truncate {"path":"a","error":"EOF"}',
        'failed to open {"path":"b","error":"EOF"}',
        'failed to sync {"path":"c","error":"EOF"}',
    ]
    first, *rest = mine_all(miners, messages)
    assert first == 'failed to close: {"error":"<*>"}'
    assert all(t.endswith('{"path":"<*>","error":"<*>"}') for t in rest)
    assert not differ_in_words('{"error":"<*>"}', '{"error":"<*>"}')
    assert differ_in_words('{"error":"<*>","a":"<*>"}', '{"path":"<*>","error":"<*>"}')


def test_several_words_differing_at_once_need_more_values_to_be_one(
    miners: ServiceMiners,
) -> None:
    events = ["check hash", "close snapshot", "release wal", "save backend"]
    templates = mine_all(miners, [f"failed to {e} now" for e in events])
    assert len(set(templates)) == 4  # two positions at once: five distinct pairs needed
    users = mine_all(miners, [f"session opened for {u} today" for u in ("ann", "bob", "cy")])
    assert set(users) == {"session opened for <*> today"}


def test_a_head_whose_value_generalised_later_takes_in_its_earlier_templates(
    miners: ServiceMiners,
) -> None:
    # The name in the head is a word, so it is a variable only after three names; the free
    # tail must then cover the templates made before, whatever their tail.
    messages = [
        "Unable to rename alpha to x. Error: open /a/b: no such file",
        "Unable to rename beta to x. Error: EOF",
        "Unable to rename gamma to x. Error: permission denied",
        "Unable to rename delta to x. Error: open /c/d: no such file",
        "Unable to rename alpha to x. Error: EOF",
        "Unable to rename omega to x. Error: EOF",  # the third name: a variable
        "Unable to rename sigma to x. Error: i/o timeout",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Unable to rename <*> to x. Error: <*>"}


def test_a_quoted_value_in_the_head_does_not_split_its_evidence(miners: ServiceMiners) -> None:
    mine_all(miners, [f"dbfs open failed: {e}" for e in ERRORS])
    messages = [
        'dbfs remove "a.service": context deadline exceeded',
        'dbfs remove "b.service": mkdir /x/y: file exists',
        'dbfs remove "b.service": unexpected EOF',
        'dbfs remove "c.service": x509: certificate has expired',
    ]
    assert set(mine_all(miners, messages)) == {'dbfs remove "<*>": <*>'}


def test_error_texts_of_the_c_library_are_values(miners: ServiceMiners) -> None:
    templates = mine_all(
        miners,
        [
            "Failed to open /dev/x: No such file or directory",
            "Failed to open /dev/y: Permission denied",
            "dial tcp 10.0.0.1:443: connect: connection refused",
            "dial tcp 10.0.0.2:443: connect: connection reset by peer",
            "[Errno 2] No such file or directory: '/x'",
            "[Errno 13] Permission denied: '/y'",
            "no such thing here",
        ],
    )
    assert templates == [
        "Failed to open <*>: <*>",
        "Failed to open <*>: <*>",
        "dial tcp <*>:<*>: connect: <*>",
        "dial tcp <*>:<*>: connect: <*>",
        "[Errno <*>] <*>: '<*>'",
        "[Errno <*>] <*>: '<*>'",
        "no such thing here",
    ]
    match = miners.mine("other", "Failed to open /dev/z: Device or resource busy.")
    assert match.template == "Failed to open <*>: <*>."
    assert ("errtext", "Device or resource busy") in match.parameters


def test_escaped_quotes_in_a_quoted_message_and_quoted_key_values_are_values(
    miners: ServiceMiners,
) -> None:
    templates = mine_all(
        miners,
        [
            'msg="skipping image label \\"cedar\\": reserved" error=EOF',
            'msg="skipping image label \\"alpha\\": reserved" error="i/o timeout"',
        ],
    )
    assert len(set(templates)) == 1
    assert not differ_in_words('\\"cedar\\":', '\\"alpha\\":')
    assert not differ_in_words("error=EOF", 'error="<*>"')
    assert differ_in_words("tty=NODEVssh", "tty=:<*>")  # not a masked value as a whole


def test_events_after_a_category_label_stay_apart(miners: ServiceMiners) -> None:
    # libvirt writes its error code's text in front of each message: what follows is the
    # event, not a value (it never follows another head, and has no value every time).
    mine_all(miners, [f"Error during startup: {e}" for e in ERRORS])
    events = [
        "internal error: missing emulator in QEMU capabilities cache",
        "internal error: unsupported node device event ID 7",
        "internal error: Unknown CPU feature sse4",
        "internal error: cannot parse the QEMU version",
        "internal error: unsupported node device event ID 9",
    ]
    templates = mine_all(miners, events)
    assert len(set(templates)) == 4
    assert templates[1] == templates[4] == "internal error: unsupported node device event ID <*>"


def test_two_tails_that_recur_after_other_heads_are_values(miners: ServiceMiners) -> None:
    # Each of these errors followed several calls, so after a new call two of them suffice.
    for call in ("Sync of a mirror failed", "Push to a remote failed", "Fetch of tags failed"):
        mine_all(miners, [f"{call}: {e}" for e in ("context canceled", "i/o timeout")])
    templates = mine_all(
        miners,
        ["Upload of a file failed: context canceled", "Upload of a file failed: i/o timeout"],
    )
    assert set(templates) == {"Upload of a file failed: <*>"}
    # Two tails that never followed another head stay two events.
    fresh = ["Cache warm up done: all shards", "Cache warm up done: no shards"]
    assert len(set(mine_all(miners, fresh))) == 2


def test_a_single_label_is_a_head_before_tails_that_recur(miners: ServiceMiners) -> None:
    assert head_ends(["LoadUser:", "EOF", "x"]) == []
    assert head_ends(["LoadUser:", "EOF", "x"], labels=True) == [0]
    for call in ("Sync of a mirror failed", "Push to a remote failed", "Fetch of tags failed"):
        mine_all(miners, [f"{call}: {e}" for e in ("context canceled", "i/o timeout")])
    templates = mine_all(miners, ["LoadUser: context canceled", "LoadUser: i/o timeout"])
    assert set(templates) == {"LoadUser: <*>"}
    assert mine_all(miners, ["LoadUser: a b c d"]) == ["LoadUser: <*>"]
    # Labels that differ only in a value are other calls, and keep their own template.
    saved = mine_all(miners, ["SaveUser[7]: context canceled", "SaveUser[9]: i/o timeout"])
    assert set(saved) == {"SaveUser[<*>]: <*>"}
    loaded = mine_all(miners, ["LoadRepo[3]: context canceled", "LoadRepo[4]: i/o timeout"])
    assert set(loaded) == {"LoadRepo[<*>]: <*>"}


def test_tails_differing_in_one_word_before_more_of_the_event_keep_it(
    miners: ServiceMiners,
) -> None:
    tails: list[tuple[str, ...]] = [
        ("Open", "for", "entity", "<*>"),
        ("Closed", "for", "entity", "<*>"),
    ]
    assert value_slots(tails) == [0]
    assert value_slots([("EOF",), ("closed",)]) == []
    assert value_slots([("a", "b", "<*>"), ("c", "d", "<*>")]) == []
    states = ("Open", "Closed", "Jammed", "Open")
    messages = [
        f"Got invalid lock state: {s} for entity {n}. Expected: {n + 1}"
        for n, s in enumerate(states)
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Got invalid lock state: <*> for entity <*>. Expected: <*>"}


def test_a_quoted_text_with_a_variable_in_it_is_one_variable(miners: ServiceMiners) -> None:
    assert render(['"disk-<*>"', "of", "'db-<*>.lan'),"]) == "\"<*>\" of '<*>'),"
    assert render(['"disk-a"', "<*>-x"]) == '"disk-a" <*>-x'  # no variable, or not quoted
    messages = [f'cannot resize volume "disk-{n}" of pool "main"' for n in (3, 17, 4)]
    assert set(mine_all(miners, messages)) == {'cannot resize volume "<*>" of pool "main"'}


def test_capitalised_words_ending_a_message_become_a_variable(miners: ServiceMiners) -> None:
    modes = ["Heating", "Cooling", "Drying", "Heating"]
    assert set(mine_all(miners, [f"Thermostat reported mode - {m}" for m in modes])) == {
        "Thermostat reported mode - <*>"
    }
    # Elsewhere, also in upper case, they stay the words of different events.
    inner = mine_all(miners, [f"Pump went {m} at once" for m in modes[:3]])
    assert len(set(inner)) == 3
    upper = mine_all(miners, [f"Valve moved to {m.upper()} at once" for m in modes[:3]])
    assert len(set(upper)) == 3


def test_a_head_seen_before_its_tails_recurred_is_merged_once_they_do(
    miners: ServiceMiners,
) -> None:
    upload = "Upload of a file failed: "
    early = [miners.mine("svc", upload + e).template_id for e in ("context canceled", "EOF")]
    assert len(set(early)) == 2  # nothing recurs yet
    mine_all(miners, [f"Sync of a mirror failed: {e}" for e in ("context canceled", "EOF")])
    # Both errors have now followed two heads: the first head's templates became one.
    assert {miners.template_text("svc", miners.resolve("svc", t)) for t in early} == {
        upload + "<*>"
    }
    assert mine_all(miners, [upload + "a b c"]) == [upload + "<*>"]


def test_a_message_opening_with_an_error_text_keeps_its_words(miners: ServiceMiners) -> None:
    assert join_error_texts(["Permission", "denied", "for", "table", "x"]) is None
    assert join_error_texts(["open:", "permission", "denied"]) == (
        ["open:", "permission denied"],
        {1},
    )
    messages = [f"permission denied for schema s{n}" for n in (1, 2, 3)]
    assert set(mine_all(miners, messages)) == {"permission denied for schema <*>"}
