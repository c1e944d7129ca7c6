"""Twentieth round: an errno or signal name followed by a full stop is still a value
(masking's ``symbol``: ``set to EINVAL.``, ``for EAGAIN...``); a logger's severity in front
(``DEBUG CreDocument:``) is a label, no word of a sentence that makes a head
(tails.SEVERITIES); a value after ``key:`` that the masks could not tell (``(myId:bb4deea``)
differs from a masked one (``(myId:<*>``) in a value, as after ``key=`` (tokens.differ_in_words);
names joined by slashes with a digit in them (``kube-system/web-7f9c-x2``, ``user7/repo3``) are
one value (masking's ``path``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import Masker
from pipeline.templates.tails import head_ends
from pipeline.templates.tokens import differ_in_words
from tests.unit.templates.conftest import mine_all


def test_an_errno_name_before_a_full_stop_is_a_value() -> None:
    masker = Masker()
    assert masker.mask_token("EINVAL.") == ("<*>.", (("symbol", "EINVAL"),))
    assert masker.mask_token("EAGAIN...") == ("<*>...", (("symbol", "EAGAIN"),))
    # A dotted name that starts with one is no errno name.
    assert masker.mask_token("EINVAL.x") == ("EINVAL.x", ())


def test_errno_names_ending_a_sentence_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        f"Grains cache last modified {s} seconds ago and cache expiration is set to {e}. "
        "Grains cache expired. Refreshing."
        for s, e in (("54.7", "EINVAL"), ("12.1", "EPERM"), ("40.6", "EEXIST"))
    ]
    templates = mine_all(miners, messages)
    assert len(set(templates)) == 1
    assert templates[-1] == (
        "Grains cache last modified <*> seconds ago and cache expiration is set to <*>. "
        "Grains cache expired. Refreshing."
    )


def test_a_severity_is_no_word_of_a_head() -> None:
    assert head_ends(["DEBUG", "CreDocument:", "set", "font", "face", "x"]) == []
    assert head_ends(["INFO", "environment:", "Home", "path:", "/x"]) == [3]
    # A capitalised word of a sentence still makes one.
    assert head_ends(["Debugging", "CreDocument:", "x"]) == [1]


def test_events_after_a_severity_and_a_module_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "DEBUG CreDocument: set textlang hyphenation soft hyphens only sha256:" + "98" * 32,
        "DEBUG CreDocument: set font face 0942e9ba-60a7-27b7-8036-02c4ee97efc6",
        "DEBUG CreDocument: set nightmode images node-50.corp",
        "DEBUG CreDocument: set hyphenation left hyphen min 10.0.0.7",
    ]
    assert len(set(mine_all(miners, messages))) == len(messages)


def test_a_value_after_a_colon_key_masked_or_not_is_a_value() -> None:
    assert not differ_in_words("(myId:<*>", "(myId:bb4deea")
    assert not differ_in_words("(myId:bb4deea", "(myId:<*>")
    # Another key is another word.
    assert differ_in_words("(myId:<*>", "(peer:bb4deea")


def test_an_unmasked_value_after_a_colon_key_joins_its_event(miners: ServiceMiners) -> None:
    messages = ["startConnection (myId:bb4deea --> sid:28576)"] + [
        f"startConnection (myId:{h} --> sid:{n})"
        for h, n in (("db298a7", 50530), ("a9c31f0", 1204), ("77e0b2c", 9))
    ]
    templates = mine_all(miners, messages)
    assert templates == ["startConnection (myId:<*> --> sid:<*>)"] * 4


def test_names_joined_by_slashes_are_one_value() -> None:
    masker = Masker()
    pod = "kube-system/vega-6371680a20-cbdae"
    assert masker.mask_token(pod + ",") == ("<*>,", (("path", pod),))
    assert masker.mask_token("user7/repo3.") == ("<*>.", (("path", "user7/repo3"),))
    # Not without a digit, not two hex ids, not a host first, not a file before a colon.
    assert masker.mask_token("docs/api") == ("docs/api", ())
    assert masker.mask_token("3d50acb2/1ef062d")[0] == "<*>/<*>"
    assert masker.mask_token("db-3.cluster/img")[0] == "db-<*>.cluster/img"
    assert masker.mask_token("photos/2026/vega-766.mkv:")[0] == "photos/<*>/vega-<*>.mkv:"


def test_a_repository_named_with_digits_is_a_value(miners: ServiceMiners) -> None:
    message = "DEBUG bundler: Specifications to be removed - {}"
    messages = [message.format(name) for name in ("user7/repo3",) * 3 + ("user4/repo3",)]
    assert set(mine_all(miners, messages)) == {message.format("<*>")}
