"""Tenth round: a call's argument is a value (``reset_port(alpha).done``), the quotes a
``key=value`` logger puts around a value with spaces are the value's (``err=<*>``), and a
number written in groups of three digits after a key is one value (``count=1,204,551``)."""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.tokens import (
    call_argument,
    differ_in_words,
    generalise_token,
    later_argument,
)
from tests.unit.templates.conftest import assert_matches, mine_all

# -- a call's argument ------------------------------------------------------------------------


def test_a_call_in_front_that_differs_in_its_argument_is_one_event(
    miners: ServiceMiners,
) -> None:
    messages = [
        "reset_port(alpha).done",
        "reset_port(gamma).done",
        "reset_port(alpha).done",
        "reset_port(delta).done",
    ]
    first = miners.mine("svc", messages[0])
    second = miners.mine("svc", messages[1])
    assert second.template == "reset_port(<*>).done"
    assert second.previous_id == first.template_id
    assert miners.resolve("svc", first.template_id) == second.template_id
    assert mine_all(miners, messages) == ["reset_port(<*>).done"] * 4
    # The generalised template survives a restart: the next argument finds it there.
    restored = ServiceMiners.restore(miners.snapshot(), MinerConfig())
    match = restored.mine("svc", "reset_port(omega).done")
    assert (match.template, match.template_id, match.is_new) == (
        "reset_port(<*>).done",
        second.template_id,
        False,
    )
    for message in messages:
        assert_matches(match.template, message, MinerConfig())


def test_a_call_argument_inside_a_message_and_a_first_argument_vary_at_once(
    miners: ServiceMiners,
) -> None:
    templates = mine_all(
        miners,
        [
            "fan speed set by apply_curve(quiet), level 3",
            "fan speed set by apply_curve(turbo), level 5",
            "pump_switch(north, 4).ok",
            "pump_switch(south, 9).ok",
        ],
    )
    assert templates[:2] == ["fan speed set by apply_curve(<*>), level <*>"] * 2
    assert templates[2:] == ["pump_switch(<*>, <*>).ok"] * 2


def test_a_call_in_front_with_other_words_differing_names_another_event(
    miners: ServiceMiners,
) -> None:
    # A scope in brackets before different words (Zig's warning(scope):) is two events.
    templates = mine_all(
        miners,
        [
            "notice(paint): paint_row missing cell width=4",
            "notice(fonts): fonts_load missing cell width=9",
        ],
    )
    assert templates == [
        "notice(paint): paint_row missing cell width=<*>",
        "notice(fonts): fonts_load missing cell width=<*>",
    ]


def test_what_counts_as_a_call_argument() -> None:
    assert call_argument("stop_unit(web).x", "stop_unit(db).x") == (10, 13)
    assert generalise_token("stop_unit(web).x", "stop_unit(db).x") == "stop_unit(<*>).x"
    assert not differ_in_words("switch(auto,", "switch(stop,")
    # Brackets glued to no name, arguments with spaces or quotes, and other names stay words.
    assert call_argument("(preauth)", "(other)") is None
    assert call_argument("f('a').x", "f('b').x") is None
    assert call_argument("open(a).x", "close(a).x") is None
    assert call_argument("f(a,b)", "f(a,c)") is None
    assert differ_in_words("(preauth)", "(other)")


# -- quotes a logger adds ---------------------------------------------------------------------


def test_a_quoted_value_with_spaces_after_a_key_is_written_bare(miners: ServiceMiners) -> None:
    # logfmt, slog, hclog and logrus quote a value only when it holds spaces: err=%v.
    templates = mine_all(
        miners,
        [
            'upload failed bucket=blue err="lease expired on node"',
            'upload failed bucket=green err="broken pipe"',
            "upload failed bucket=teal err=EOF",
        ],
        "a",
    )
    assert templates == ["upload failed bucket=<*> err=<*>"] * 3
    match = miners.mine("a", '[sync] step=4 [reason="disk is full"]')
    assert match.template == "[sync] step=<*> [reason=<*>]"
    assert match.parameters == (("step", "4"), ("quoted", "disk is full"))


def test_quotes_the_format_wrote_stay(miners: ServiceMiners) -> None:
    # A value quoted without a space in it, and a message that quotes itself (klog quotes
    # every string), keep their quotes; so does a quoted value that is the message's text.
    assert miners.mine("b", 'loaded profile name="dark"').template == 'loaded profile name="<*>"'
    assert miners.mine("c", '"Sync failed" pod="web 1" err="quota hit"').template == (
        '"Sync failed" pod="<*>" err="<*>"'
    )
    assert miners.mine("d", 'msg="job done in time" took=3').template == (
        'msg="job done in time" took=<*>'
    )


# -- numbers in groups of three digits after a key ---------------------------------------------


def test_a_grouped_number_after_a_key_is_one_value(miners: ServiceMiners) -> None:
    match = miners.mine("e", "imported segments count=1,204,551 elapsed=3 total=12,009.5")
    assert match.template == "imported segments count=<*> elapsed=<*> total=<*>"
    assert ("count", "1,204,551") in match.parameters
    assert ("total", "12,009.5") in match.parameters
    # Not a list of numbers, and not groups of other widths.
    assert (
        miners.mine("e", "picked ids=4,5,6 from pool").template
        == "picked ids=<*>,<*>,<*> from pool"
    )


def test_a_template_with_the_quotes_kept_takes_in_spaced_values_after_a_restore(
    miners: ServiceMiners,
) -> None:
    # Templates of earlier versions (and values quoted without a space) wrote err="<*>": a
    # spaced value written bare generalises them, the old id becoming an alias.
    old = miners.mine("f", 'upload failed err="EOF"')
    assert old.template == 'upload failed err="<*>"'
    restored = ServiceMiners.restore(miners.snapshot(), MinerConfig())
    match = restored.mine("f", 'upload failed err="broken pipe"')
    assert (match.template, match.is_new, match.previous_id) == (
        "upload failed err=<*>",
        False,
        old.template_id,
    )
    assert restored.resolve("f", old.template_id) == match.template_id


def test_later_arguments_of_a_call_are_values_too(miners: ServiceMiners) -> None:
    templates = mine_all(
        miners,
        [
            "curve tune_fan(low, quiet, left).set by operator",
            "curve tune_fan(low, turbo, left).set by operator",
            "curve tune_fan(low, quiet, right).set by operator",
            "Hook: blend( red, matte, soft )",
            "Hook: blend( red, gloss, soft )",
        ],
    )
    assert templates[:3] == ["curve tune_fan(low, <*>, <*>).set by operator"] * 3
    assert templates[3:] == ["Hook: blend( red, <*>, soft )"] * 2
    # Outside a call, words before a comma stay words.
    assert mine_all(miners, ["fan set to quiet, left side", "fan set to turbo, left side"]) == [
        "fan set to quiet, left side",
        "fan set to turbo, left side",
    ]
    assert later_argument(["go(a,", "b)."], ["go(a,", "c)."], 1)
    assert not later_argument(["go", "b)."], ["go", "c)."], 1)
