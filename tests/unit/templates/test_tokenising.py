from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.masking import Masker
from pipeline.templates.stats import Counters
from pipeline.templates.tokenising import RECIPE_AFTER, Tokeniser

PIECES = [
    "a",
    "uid=",
    "rhost=",
    "x",
    "0x",
    "<*>",
    "ms",
    "KB",
    ".",
    ":",
    "-",
    "_",
    "/",
    ",",
    "(",
    ")",
]
WORDS = st.lists(
    st.one_of(st.sampled_from(PIECES), st.from_regex(r"\d{1,4}", fullmatch=True)),
    min_size=1,
    max_size=5,
).map("".join)
MESSAGES = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)


def tokeniser(config: MinerConfig = MinerConfig()) -> Tokeniser:  # noqa: B008 - frozen
    return Tokeniser(config, Masker(), Counters())


@pytest.mark.timeout(30)
@settings(max_examples=300, deadline=None)
@given(MESSAGES, st.randoms(use_true_random=False))
def test_message_recipes_agree_with_masking(message: str, rng: random.Random) -> None:
    # Messages with other digits in the same places are tokenised from a recipe of the pattern
    # (made at its RECIPE_AFTER-th message) exactly as they would be token by token.
    mine = tokeniser()
    for _ in range(RECIPE_AFTER + 2):
        other = "".join(rng.choice("0123456789") if c.isdigit() else c for c in message)
        assert mine.tokenise(other) == tokeniser().tokenise(other)


def test_message_recipes_count_like_masking() -> None:
    # Long and folded tokens take the slow path, counted each time; no recipe skips that.
    config = MinerConfig(max_tokens=3, max_token_chars=8)
    counters = Counters()
    mine = Tokeniser(config, Masker(), counters)
    for number, digits in enumerate("123456789"[: RECIPE_AFTER + 2], start=1):
        message = f"12345678{digits} a{digits} b={digits}{digits} d{digits} e"
        assert mine.tokenise(message) == tokeniser(config).tokenise(message)
        assert (counters.long_tokens, counters.truncated_tokens) == (number, number)


@pytest.mark.parametrize(
    ("message", "first"),
    [
        ("HHH000412: Hibernate ORM core version 7.4.16", "HHH000412:"),
        ("ORA-00942: table or view does not exist", "ORA-00942:"),
        ("CWWKF0011I: The server defaultServer is ready", "CWWKF0011I:"),
        # Not a code in front: masked as before.
        ("Opened HHH000412: session 5", "Opened"),
        ("HHH000412 without its colon", "<*>"),
        ("abc00412: lower case", "<*>:"),
    ],
)
def test_a_message_code_in_front_stays_a_word(message: str, first: str) -> None:
    tokens, values = tokeniser().tokenise(message)
    assert tokens[0] == first
    assert len(values) == sum(token.count("<*>") for token in tokens)


def test_message_codes_of_one_digit_pattern_stay_apart() -> None:
    # Codes differ only in their digits: a recipe or pattern cache would give every code the
    # first one's; each message must keep its own, and each code be its own template.
    miners = ServiceMiners(MinerConfig())
    for i in range(RECIPE_AFTER * 3):
        miners.mine("jboss", f"HHH00041{i % 3}: Session {i} opened")
    templates = set(miners.templates("jboss").values())
    assert templates == {f"HHH00041{i}: Session <*> opened" for i in range(3)}
    assert miners.assign("jboss", ["HHH000417: Session 5 opened"]).created == [0]
