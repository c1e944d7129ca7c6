"""Fifty-second round: two values joined by ``@``; an instance's name before a sentence's full
stop; an error noted after an open head before it followed other heads, and a one-token error.

Dependabot (Ruby, ``"#{path} not found in #{name}@#{version}"``) writes a name and a version
joined by ``@``: generalised as one token, ``gateway_default@<*>`` / ``cedar_staging@<*>`` gave
``<*>``, where the format has two values. ``Release date: hallway-9.`` kept ``hallway-<*>.``: the
instance mask (``worker-3``) stopped before any full stop, a host's dot or a sentence's. espanso
(Rust, ``error!("Unable to show notification {}", err)``) prints errors after a head ending in a
word: a tail noted before it had followed heads ending in ``:`` was never rechecked, and an error
of one token (``Overloaded``) was no tail of such a head.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import WILDCARD, Masker
from pipeline.templates.tokens import generalise_token
from tests.unit.templates.conftest import mine_all


def test_values_joined_by_an_at_sign_stay_two() -> None:
    assert generalise_token(f"gateway_default@{WILDCARD}", f"cedar_staging@{WILDCARD}") == (
        f"{WILDCARD}@{WILDCARD}"
    )
    assert generalise_token(f"{WILDCARD}/repo5@{WILDCARD}:", f"{WILDCARD}/repo7@{WILDCARD}:") == (
        f"{WILDCARD}@{WILDCARD}:"
    )


def test_a_side_alike_stays_and_an_email_stays_one_value() -> None:
    assert generalise_token(f"Server@{WILDCARD}", f"Server@{WILDCARD}:") == f"Server@{WILDCARD}"
    assert generalise_token(f"a@b@{WILDCARD}", f"c@d@{WILDCARD}") == WILDCARD
    assert Masker().mask_token("bob@example.com") == (WILDCARD, (("email", "bob@example.com"),))


def test_a_name_and_version_are_two_values(miners: ServiceMiners) -> None:
    messages = [
        "/etc/canary.log not found in gateway_default@97550",
        "/etc/canary.log not found in cedar_staging@29729",
        "/home/git/gamma-62.snap not found in vega_canary@85868",
        "/tmp/birch/hermes.sock not found in orders_atlas@42543",
    ]
    found = mine_all(miners, messages)
    assert set(found) == {"<*> not found in <*>@<*>"}


def test_an_instances_name_before_a_full_stop_is_one_value() -> None:
    masker = Masker()
    assert masker.mask_token("hallway-9.") == (f"{WILDCARD}.", (("instance", "hallway-9"),))
    assert masker.mask_token("hermes-11.") == (f"{WILDCARD}.", (("instance", "hermes-11"),))


def test_an_instances_name_before_a_hosts_dot_is_not() -> None:
    masker = Masker()
    masked, _ = masker.mask_token("hallway-9.corp")
    assert masked != f"{WILDCARD}.corp"
    assert masker.mask_token("zeus-40:`server`")[0] == f"{WILDCARD}:`server`"


def test_errors_after_an_open_head_noted_before_they_recur(miners: ServiceMiners) -> None:
    messages = [
        "Unable to show notification invalid block height: 2331515",
        "error while checking if capabilities are enabled: invalid block height: 2224188",
        "experienced error while sending event signal: invalid block height: 12",
        "error while checking if capabilities are enabled: channel closed",
        "experienced error while sending event signal: channel closed",
        "error while checking if capabilities are enabled: early eof reached",
        "experienced error while sending event signal: early eof reached",
        "Unable to show notification channel closed",
        "Unable to show notification early eof reached",
        "Unable to show notification invalid block height: 2331516",
    ]
    found = mine_all(miners, messages)
    assert found[0] == found[7] == found[-1] == "Unable to show notification <*>"


def test_a_one_token_error_after_an_open_head(miners: ServiceMiners) -> None:
    messages = [
        "error while checking if capabilities are enabled: Overloaded",
        "experienced error while sending event signal: Overloaded",
        "error while checking if capabilities are enabled: channel closed",
        "experienced error while sending event signal: channel closed",
        "error while checking if capabilities are enabled: early eof reached",
        "experienced error while sending event signal: early eof reached",
        "Unable to show notification Overloaded",
        "Unable to show notification channel closed",
        "Unable to show notification early eof reached",
        "Unable to show notification Overloaded",
    ]
    found = mine_all(miners, messages)
    assert found[6] == found[7] == found[-1] == "Unable to show notification <*>"


def test_the_other_tails_of_an_open_head_join_its_free_text(miners: ServiceMiners) -> None:
    messages = [
        "error while checking if capabilities are enabled: Overloaded",
        "experienced error while sending event signal: Overloaded",
        "error while checking if capabilities are enabled: Elapsed(())",
        "experienced error while sending event signal: Elapsed(())",
        "error while checking if capabilities are enabled: channel closed",
        "experienced error while sending event signal: channel closed",
        "Unable to show notification Overloaded",
        "Unable to show notification Elapsed(())",
        "Unable to show notification channel closed",
        "Unable to show notification Elapsed(())",
    ]
    found = mine_all(miners, messages)
    # Elapsed(()) became a variable after the colons before it was noted as a tail there.
    assert found[7] == found[-1] == found[6] == "Unable to show notification <*>"


def test_one_token_events_after_an_open_head_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "Unable to show notification window",
        "Unable to show notification badge",
        "Unable to show notification window",
    ]
    found = mine_all(miners, messages)
    assert found[0] != found[1]
