"""Thirty-seventh round: a call's name stays when its argument is a value a mask took on one
side and a word on the other (``request(<*>)`` / ``request(adac3eb)``); the rest of a JSON
object after a message key's text with spaces (``successful","connector_id":"..."``) is masked
field by field when it is too long for a token, as a whole object is; and several words that
differ at once, one of them the verb after ``to`` or ``not``, are another event, not values.
"""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.masking import Masker
from pipeline.templates.stats import Counters
from pipeline.templates.tokenising import Tokeniser
from pipeline.templates.tokens import call_argument, generalise_token
from tests.unit.templates.conftest import mine_all


def test_a_masked_argument_keeps_the_calls_name() -> None:
    assert generalise_token("request(<*>)", "request(adac3eb)") == "request(<*>)"
    assert generalise_token("request(adac3eb)", "request(<*>)") == "request(<*>)"
    assert generalise_token("errno(<*>),", "errno(busy),") == "errno(<*>),"
    assert call_argument("request(<*>)", "request(adac3eb)") == (8, 11)


def test_other_names_still_generalise_whole() -> None:
    assert generalise_token("x(<*>)", "y(<*>)") == "<*>)"
    assert call_argument("(<*>)", "(abc)") is None


def test_a_hex_id_with_one_digit_joins_the_calls_template() -> None:
    messages = [
        "6741ce86-a337-eca4-dd8f-b56f4dcccd65: receive client request(68109f4)",
        "ee41ca62-c4d4-b444-b646-066cd67a500a: receive client request(0191a2d)",
        "7e883451-9f1c-be3e-7023-db26d0c87be0: receive client request(adac3eb)",
        "f3539ee2-1ab1-9ddb-62f0-f4fc04ed7036: receive client request(dfeb776)",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert set(texts) == {"<*>: receive client request(<*>)"}


def _long_value(seed: int) -> str:
    return "sha256:" + f"{seed:064x}"


def _json_line(words: str, seed: int, user: str) -> str:
    return (
        f'{{"msg":"{words}","connector_id":"{_long_value(seed)}",'
        f'"client_id":"{_long_value(seed + 1)}","username":"{user}",'
        f'"request_id":"{_long_value(seed + 2)}","client_remote_addr":"10.0.0.{seed % 250}:443"}}'
    )


def test_the_rest_of_a_long_json_object_is_masked_by_field() -> None:
    tokeniser = Tokeniser(MinerConfig(), Masker(), Counters())
    tokens, _ = tokeniser.tokenise(_json_line("token exchange successful", 7, "canary"))
    assert tokens[:2] == ['{"msg":"token', "exchange"]
    assert tokens[2].startswith('successful","connector_id":"<*>"')
    assert tokens[2].endswith('"client_remote_addr":"<*>"}')


def test_a_long_json_message_keeps_its_last_word() -> None:
    messages = [
        _json_line("token exchange successful", 3, "canary"),
        _json_line("token exchange successful", 11, "sensor.metrics_storage"),
        _json_line("token exchange successful", 19, "birch"),
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert len(set(texts)) == 1
    assert texts[0].startswith('{"msg":"token exchange successful","connector_id":"<*>"')


def test_a_long_token_that_continues_no_json_object_is_one_value() -> None:
    tokeniser = Tokeniser(MinerConfig(), Masker(), Counters())
    tokens, values = tokeniser.tokenise("payload " + "ab" * 200)
    assert tokens == ["payload", "<*>"]
    assert values[0][0] == "long"


def test_verbs_after_to_name_events() -> None:
    messages = [
        'msg="failed to get refresh token" err="x: y"',
        'msg="failed to verify id token" err="x: y"',
        'msg="failed to store device token" err="x: y"',
        'msg="failed to revoke access token" err="x: y"',
        'msg="failed to load session token" err="x: y"',
        'msg="failed to create signing token" err="x: y"',
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert len(set(texts)) == len(messages)
    assert texts[0] == 'msg="failed to get refresh token" err=<*>'


def test_one_word_after_to_may_still_be_a_value() -> None:
    messages = [
        "node state changed to follower after election",
        "node state changed to leader after election",
        "node state changed to candidate after election",
        "node state changed to observer after election",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert set(texts) == {"node state changed to <*> after election"}


def test_several_words_elsewhere_still_vary() -> None:
    messages = [
        "lease held by alpha beta for renewal",
        "lease held by gamma delta for renewal",
        "lease held by epsilon zeta for renewal",
        "lease held by eta theta for renewal",
        "lease held by iota kappa for renewal",
        "lease held by lambda mu for renewal",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert set(texts) == {"lease held by <*> <*> for renewal"}
