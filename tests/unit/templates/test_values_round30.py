"""Thirtieth round: an instance's name, a lower-case word, a hyphen and a number standing
alone (``kiosk-4``, ``[lathe-17]``, ``shelf=bay-3``), is one value (the ``instance`` mask),
not a constant word with a number after it; a version, a name with more parts, capitals or a
host name are cut as before.
"""

from __future__ import annotations

import pytest

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import WILDCARD, Masker
from tests.unit.templates.conftest import mine_all


@pytest.mark.parametrize(
    ("token", "masked"),
    [
        ("kiosk-4", WILDCARD),
        ("[lathe-17]", f"[{WILDCARD}]"),
        ("(spindle-2),", f"({WILDCARD}),"),
        ("drawer-31:", f"{WILDCARD}:"),
        ('"tray_left-5"', f'"{WILDCARD}"'),
    ],
)
def test_a_numbered_name_alone_is_one_value(token: str, masked: str) -> None:
    result = Masker().mask_token(token)
    assert result[0] == masked
    assert [name for name, _ in result[1]] == ["instance"]


def test_a_numbered_name_after_a_key_is_the_key_s_value() -> None:
    assert Masker().mask_token("shelf=bay-3") == (f"shelf={WILDCARD}", (("shelf", "bay-3"),))


@pytest.mark.parametrize(
    ("token", "masked"),
    [
        ("gizmo-2.4.1", f"gizmo-{WILDCARD}"),  # a version
        ("crew-1-shift-3", f"crew-{WILDCARD}-shift-{WILDCARD}"),  # more parts after it
        ("ABC-8", f"ABC-{WILDCARD}"),  # capitals: a standard's or a type's name
        ("x-7", f"x-{WILDCARD}"),  # one letter
        ("--tries-3", f"--tries-{WILDCARD}"),  # an option
        ("rack-9:4410", f"{WILDCARD}:{WILDCARD}"),  # a host and its port
        ("zone-7.lab", WILDCARD),  # a host name
        ("bins/crate-5", WILDCARD),  # a path
    ],
)
def test_other_numbered_shapes_are_cut_as_before(token: str, masked: str) -> None:
    assert Masker().mask_token(token)[0] == masked


def test_an_event_seeing_one_name_writes_the_whole_token_as_a_value(
    miners: ServiceMiners,
) -> None:
    messages = [f"kiosk-{i} ran out of paper after {n} tickets" for i, n in ((4, 12), (9, 30))]
    assert set(mine_all(miners, messages)) == {
        f"{WILDCARD} ran out of paper after {WILDCARD} tickets"
    }
