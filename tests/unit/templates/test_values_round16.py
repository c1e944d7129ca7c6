"""Sixteenth round: a constant as code names it keeps its digits (masking._is_constant_name);
the one word after a label and before a comma is the label's value (miner._labelled); a word
in brackets in front of an event's own message is a value (miner._bracketed_word); escaped
quotes around a value stay (tokens._OPENERS); free text inside a quoted message ends at its
quote (tails.free_form); a value logrus quoted is bare (quoting.unquote_spaced_values); pins
every shape holds show (miner._shown); a null id is constant (constants._null_id, also after a
naming key: miner._without_names); siblings left behind join (miner._absorb_family)."""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import Masker
from pipeline.templates.tokens import generalise_token
from tests.unit.templates.conftest import assert_matches, mine_all


def test_a_constant_name_with_digits_is_a_word() -> None:
    masker = Masker()
    for name in ("LEASE6_QUERY_DROP_0012", "NXT_FLOW2_MOD", "IFLA_STATS64", "OPT_V4_ROUTE_9"):
        assert masker.mask_token(name) == (name, ()), name


def test_an_identifier_with_digits_is_still_a_value() -> None:
    masker = Masker()
    for token in ("job_1445_0012", "TASK_0012", "attempt_1_0020_m_0", "AB_1234_5678"):
        masked, values = masker.mask_token(token)
        assert masked == "<*>", token
        assert values, token


def test_message_ids_with_digits_lead_different_events(miners: ServiceMiners) -> None:
    messages = [
        f"{code} [hw=1 aa:bb:cc:{i:02x}], tid=0x{i}f0: client record unchanged"
        for code in ("LEASE6_QUERY_DROP_0012", "LEASE6_QUERY_DROP_0013", "NCR4_SEND_FAIL_0002")
        for i in range(3)
    ]
    templates = mine_all(miners, messages)
    assert len(set(templates)) == 3
    assert all(t.startswith(m.split()[0]) for t, m in zip(templates, messages, strict=True))


def _event(path: str, method: str) -> str:
    return f'msg="Got answer for sync job {path}, method: {method}, detail: ok"'


def test_an_upper_case_word_after_a_label_and_a_comma_is_its_value(
    miners: ServiceMiners,
) -> None:
    messages = [
        _event(f"team-{i}/job-{i}", method) for i, method in enumerate(("PATCH", "TRACE", "PATCH"))
    ]
    templates = mine_all(miners, messages)
    # The job's name with its team (team-0/job-0) is one value (masking's ``path``).
    assert set(templates) == {'msg="Got answer for sync job <*>, method: <*>, detail: ok"'}
    for message in messages:
        assert_matches(templates[-1], message, miners.config)


def test_a_lower_case_word_after_a_label_and_a_comma_needs_two_forms(
    miners: ServiceMiners,
) -> None:
    messages = [
        f"probe of node-{i} done, outcome: {word}, next: later"
        for i, word in enumerate(("passed", "skipped"))
    ]
    assert set(mine_all(miners, messages)) == {"probe of <*> done, outcome: <*>, next: later"}


def test_an_upper_case_word_mid_message_without_a_label_still_names_an_event(
    miners: ServiceMiners,
) -> None:
    messages = [
        f"Sent {word} request to node-{i}, status: ok" for i, word in enumerate(("PATCH", "TRACE"))
    ]
    assert len(set(mine_all(miners, messages))) == 2


def test_a_word_after_a_label_with_more_words_after_it_is_not_its_value(
    miners: ServiceMiners,
) -> None:
    messages = [
        f"worker node-{i} reports: {word} the queue now"
        for i, word in enumerate(("DRAINED", "PAUSED"))
    ]
    assert len(set(mine_all(miners, messages))) == 2


# A word in brackets in front of an event's own message (miner._bracketed_word).
_STATES = ["[QUEUED]", "[STALE]", "[RETRYING]", "[QUEUED]", "[HALTED]"]


def test_a_word_in_brackets_in_front_is_a_value(miners: ServiceMiners) -> None:
    messages = [
        f"{state} Giving up. source is empty after sync, will not retry." for state in _STATES
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"[<*>] Giving up. source is empty after sync, will not retry."}
    for message in messages:
        assert_matches(templates[-1], message, miners.config)


def test_two_words_in_brackets_in_front_are_no_proof_yet(miners: ServiceMiners) -> None:
    messages = [f"{state} Giving up. source is empty after sync" for state in _STATES[:2]]
    assert len(set(mine_all(miners, messages))) == 2


def test_a_word_in_brackets_before_an_error_chain_names_the_call(miners: ServiceMiners) -> None:
    # Not an event's own message (a chain of contexts joined by colons): the word in front
    # names what failed, as a label does.
    messages = [f"{state} sync: open file: denied" for state in _STATES[:4]]
    assert len(set(mine_all(miners, messages))) == 3


# A value in escaped quotes inside a quoted message keeps them (tokens._OPENERS, _CLOSERS).


def test_escaped_quotes_around_a_value_are_kept() -> None:
    assert generalise_token('\\"lemon\\""', '\\"kiwi-7\\""') == '\\"<*>\\""'
    assert generalise_token('\\"lemon\\"', '\\"kiwi\\"') == '\\"<*>\\"'


def test_a_value_in_escaped_quotes_inside_logrus_msg(miners: ServiceMiners) -> None:
    messages = [
        f'msg="Pulling layer \\"{name}\\" from cache"' for name in ("lemon", "kiwi-7", "fig-2")
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {'msg="Pulling layer \\"<*>" from cache"'}
    for message in messages:
        assert_matches(templates[-1], message, miners.config)


# The free text after a head inside a quoted message ends where the quote closes
# (tails.free_form): the quote and the fields after it stay.
_ERRORS = [
    "EOF",
    "dial tcp 10.1.2.3:443: connect: connection refused",
    "token 4f2a expired at 10:02 today, renew it first",
    "x509: certificate signed by unknown authority",
    "EOF",
]


def test_free_text_inside_logrus_msg_ends_at_its_quote(miners: ServiceMiners) -> None:
    messages = [
        f'msg="Failed to renew lease: {error}" lease=l-{i}7 mount=kv'
        for i, error in enumerate(_ERRORS)
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {'msg="Failed to renew lease: <*>" lease=<*> mount=kv'}
    for message in messages:
        assert_matches(templates[-1], message, miners.config)


def test_free_text_inside_logrus_msg_alone_keeps_its_quote(miners: ServiceMiners) -> None:
    messages = [f'msg="Failed to renew lease: {error}"' for error in _ERRORS[1:4]]
    messages.append('msg="Failed to renew lease: lookup vault-2.internal: no such host"')
    templates = mine_all(miners, messages)
    assert set(templates) == {'msg="Failed to renew lease: <*>"'}


def test_free_text_inside_a_json_msg_ends_at_its_quote(miners: ServiceMiners) -> None:
    messages = [
        f'{{"lease":"l-{i}7","msg":"Failed to renew lease: {error}","mount":"kv-{i}"}}'
        for i, error in enumerate(_ERRORS)
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {'{"lease":"<*>","msg":"Failed to renew lease: <*>","mount":"<*>"}'}
    for message in messages:
        assert_matches(templates[-1], message, miners.config)


def test_free_text_inside_msg_survives_a_snapshot(miners: ServiceMiners) -> None:
    messages = [
        f'msg="Failed to renew lease: {error}" lease=l-{i}7 mount=kv'
        for i, error in enumerate(_ERRORS)
    ]
    mine_all(miners, messages)
    restored = ServiceMiners.restore(miners.snapshot())
    match = restored.mine(
        "svc", 'msg="Failed to renew lease: permission denied" lease=l-9 mount=kv'
    )
    assert match.template == 'msg="Failed to renew lease: <*>" lease=<*> mount=kv'
    assert not match.is_new


# logrus' text formatter quotes a value that holds more than letters, digits and -._/@^+
# (quoting.unquote_spaced_values): the quotes are the logger's, not the format's.


def test_a_value_logrus_quoted_is_written_bare(miners: ServiceMiners) -> None:
    messages = [
        f'msg="Dialing peer" addr="10.0.{i}.1:8080" ref="sha1:{i}af3" attempt={i}' for i in range(3)
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {'msg="Dialing peer" addr=<*> ref=<*> attempt=<*>'}


def test_quoted_values_outside_logrus_keep_their_quotes(miners: ServiceMiners) -> None:
    messages = [f'Dialing peer addr="10.0.{i}.1:8080" attempt={i}' for i in range(3)]
    assert set(mine_all(miners, messages)) == {'Dialing peer addr="<*>" attempt=<*>'}


# Constant text behind a mask in a template of several shapes (miner._shown, _observe).
_FLUSH_ERRORS = [
    "open /srv/q/a1.buf: permission denied",
    "dial tcp 10.0.0.7:24224: connect: connection refused",
    "write /srv/q/b2.buf: no space left on device",
    "EOF",
    "read tcp 10.0.0.9:51234->10.0.0.7:24224: read: connection reset by peer",
    "lookup sink-3.internal: no such host",
    "open /srv/q/c3.buf: permission denied",
]


def test_a_pin_every_shape_holds_shows(miners: ServiceMiners) -> None:
    messages = [f"[warn]: #3 flush to sink failed: {error}" for error in _FLUSH_ERRORS]
    templates = mine_all(miners, messages)
    assert templates[-1] == "[warn]: #3 flush to sink failed: <*>"
    assert len(set(templates)) == 1
    for message in messages:
        assert_matches(templates[-1], message, miners.config)


def test_a_pin_one_shape_lacks_stays_a_variable(miners: ServiceMiners) -> None:
    messages = [f"[warn]: #3 flush to sink failed: {error}" for error in _FLUSH_ERRORS]
    messages.append("[warn]: #4 flush to sink failed: unexpected end of file in chunk 12")
    templates = mine_all(miners, messages)
    assert set(templates) == {"[warn]: #<*> flush to sink failed: <*>"}


# Siblings left behind when a position became a variable on values alone
# (miner._absorb_family with values or subjects).


def test_a_sibling_that_differs_only_in_values_joins_the_event(miners: ServiceMiners) -> None:
    messages = [
        "Grant team2.proj9 access to the bucket",
        "Grant team9.proj15 access to the bucket",
        "Grant team13.proj20 access to the bucket",
        "Grant team9.proj44 access to the bucket",
    ]
    templates = mine_all(miners, messages)
    assert templates[1:] == ["Grant <*> access to the bucket"] * 3


def test_a_sibling_led_by_another_subject_joins_the_event(miners: ServiceMiners) -> None:
    messages = [
        "media/clip-670.mov: Set access time to 45357",
        "media/poster-808.png: Set access time to 1891",
        "media/clip-670.mov: Set access time to 52121",
        "books/2026/draft-575: Set access time to 11219",
        "media/poster-808.png: Set access time to 1891",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"<*>: Set access time to <*>"}


def test_a_sibling_with_a_word_there_stays_apart(miners: ServiceMiners) -> None:
    messages = [
        "Grant team2.proj9 access to the bucket",
        "Grant Reader access to the bucket",
        "Grant team9.proj15 access to the bucket",
        "Grant team13.proj20 access to the bucket",
        "Grant Reader access to the bucket",
    ]
    templates = mine_all(miners, messages)
    assert templates[-1] == "Grant Reader access to the bucket"


# A null id every message of a template had is constant text (constants._null_id), also
# after a key and where a key names the event (miner._without_names).


def test_a_null_id_after_a_key_is_constant(miners: ServiceMiners) -> None:
    messages = [f"lease renewed ref=0000000000000000 took={i * 37 + 11}ms" for i in range(8)]
    templates = mine_all(miners, messages)
    assert templates[-1] == "lease renewed ref=0000000000000000 took=<*>"


def test_a_null_id_in_events_named_by_a_key_is_constant(miners: ServiceMiners) -> None:
    kinds = [
        ("LeaseRenewed", "Took"),
        ("LeaseLost", "Holder"),
        ("LeaseTaken", "Epoch"),
        ("LeaseQueued", "Depth"),
        ("LeaseDropped", "Reason"),
    ]
    messages = [
        f'<Trace Kind="{kind}" Ref="0000000000000000" {field}="{i * 7919 + 13}" />'
        for i in range(8)
        for kind, field in kinds
    ]
    templates = mine_all(miners, messages)
    assert templates[-5:] == [
        f'<Trace Kind="{kind}" Ref="0000000000000000" {field}="<*>" />' for kind, field in kinds
    ]


def test_a_generated_id_after_a_key_stays_a_variable(miners: ServiceMiners) -> None:
    messages = [f"lease renewed ref=0000000000004711 took={i * 37 + 11}ms" for i in range(8)]
    templates = mine_all(miners, messages)
    assert templates[-1] == "lease renewed ref=<*> took=<*>"
