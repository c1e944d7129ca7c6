from __future__ import annotations

import functools
import random
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.templates.masking import (
    _HEX_ID,
    BUILTIN_MASKS,
    FAIL_FAST,
    NOT_MID_WORD,
    Masker,
    _builtin_sub,
    _combine,
    _hidden,
    digit_pattern,
    id_pattern,
)


@pytest.fixture(scope="module")
def masker() -> Masker:
    return Masker()


@pytest.mark.parametrize(
    ("token", "masked", "names"),
    [
        ("42", "<*>", ["num"]),
        ("-17", "<*>", ["num"]),
        ("3.14", "<*>", ["num"]),
        ("0x1F", "<*>", ["hex"]),
        ("10.0.0.1", "<*>", ["ipv4"]),
        ("10.0.0.1:8080", "<*>:<*>", ["ipv4", "num"]),
        ("fe80::1", "<*>", ["ipv6"]),
        ("::ffff:10.0.0.1", "<*>", ["ipv6"]),
        ("::", "::", []),
        ("2001:db8:0:0:0:0:2:1", "<*>", ["ipv6"]),
        ("123e4567-e89b-12d3-a456-426614174000", "<*>", ["uuid"]),
        ("https://example.com/a?b=1", "https://<*>", ["url"]),
        # A colon after a URL ends the text in front of it (``conn to <url>: EOF``).
        ("https://10.0.0.1:8443/db:", "https://<*>:", ["url"]),
        ("unix:///run/x.sock:", "unix://<*>:", ["url"]),
        ("/var/log/syslog", "<*>", ["path"]),
        ("C:\\Users\\x", "<*>", ["path"]),
        ("bob@example.com", "<*>", ["email"]),
        ("2015-10-18", "<*>-<*>-<*>", ["timestamp"] * 3),
        ("18:01:47,978", "<*>:<*>:<*>,<*>", ["timestamp"] * 4),
        ("2015-10-18T18:01:47Z", "<*>-<*>-<*>T<*>:<*>:<*>Z", ["timestamp"] * 6),
        ("2004/06/09", "<*>/<*>/<*>", ["timestamp"] * 3),
        ("250ms", "<*>", ["duration"]),
        ("12KB", "<*>", ["size"]),
        ("v1.2.3", "<*>", ["version"]),
        ("ec2-52-80-34-196.compute.amazonaws.com", "<*>", ["host"]),
        ("mail.example.org", "<*>", ["host"]),
        ("aa:bb:cc:dd:ee:ff", "<*>", ["mac"]),
        ("00:11:43:e3:ba:c3", "<*>", ["mac"]),
        ("true", "<*>", ["bool"]),
        ("blk_-1608999687919862906", "<*>", ["id"]),
        ("attempt_1445144423722_0020_m_000000_0", "<*>", ["id"]),
        ("retries=3", "retries=<*>", ["retries"]),
        ("node-12", "<*>", ["instance"]),
        ("UTF-8", "UTF-<*>", ["num"]),
        ("(uid=0)", "(uid=<*>)", ["uid"]),
        # A time after a key is still written field by field.
        ("delay=00:00:01,", "delay=<*>:<*>:<*>,", ["delay"] * 3),
        ("took=12:30:45.123", "took=<*>:<*>:<*>.<*>", ["took"] * 4),
    ],
)
def test_builtin_masks(masker: Masker, token: str, masked: str, names: list[str]) -> None:
    result, values = masker.mask_token(token)
    assert result == masked
    assert [name for name, _ in values] == names


@pytest.mark.parametrize(
    "token",
    [
        "ssh2",
        "jk2_init()",
        "tty1",
        "log4j",
        "org.apache.hadoop.mapreduce.v2.app.MRAppMaster",
        "x.py",
        "mapred.task.id",
        "Link",
        "[preauth]",
        "(class=org.apache.Foo)",
        "http://wiki.apache.org/hadoop/NoRouteToHost",
    ],
)
def test_constants_stay(masker: Masker, token: str) -> None:
    assert masker.mask_token(token) == (token, ())


def test_values_restore_the_token(masker: Masker) -> None:
    masked, values = masker.mask_token("10.0.0.1:8080/x")
    parts = masked.split("<*>")
    rebuilt = parts[0] + "".join(v + p for (_, v), p in zip(values, parts[1:], strict=True))
    assert rebuilt == "10.0.0.1:8080/x"


def test_literal_wildcard_in_input_is_a_value(masker: Masker) -> None:
    masked, values = masker.mask_token("a<*>b")
    assert masked == "a<*>b"
    assert values == (("literal", "<*>"),)


def test_extra_masks_come_first_with_their_name() -> None:
    masker = Masker(extra_masks=((r"ORD-[A-Z]+", "order"),))
    assert masker.mask_token("ORD-ABC") == ("<*>", (("order", "ORD-ABC"),))


def test_disabled_builtin_mask() -> None:
    masker = Masker(disabled=("bool",))
    assert masker.mask_token("true") == ("true", ())


def test_bad_extra_mask_fails_early() -> None:
    with pytest.raises(Exception):  # noqa: B017 - re.error or ValueError, both early
        Masker(extra_masks=(("(", "broken"),))


SHAPE_TOKENS = st.text(alphabet="0123456789ab_-./:,;)]x", min_size=1, max_size=14)


@pytest.mark.timeout(30)
@settings(max_examples=400, deadline=None)
@given(SHAPE_TOKENS)
@example("a_-0")  # found by the recipes' test below: _SHAPES called it an id, not an instance
@example("ab_-12_x")
def test_fast_paths_agree_with_the_combined_regex(token: str) -> None:
    # Disabling a mask that does not exist switches the fast paths off but changes nothing else.
    assert Masker().mask_token(token) == Masker(disabled=("none",)).mask_token(token)


DIGIT_TOKENS = st.text(alphabet="0123456789aAbfx_-./:,;)]=<*>TZsmB", min_size=1, max_size=14)


@pytest.mark.timeout(30)
@settings(max_examples=400, deadline=None)
@given(DIGIT_TOKENS, st.randoms(use_true_random=False))
def test_recipes_agree_with_the_combined_regex(token: str, rng: random.Random) -> None:
    # Tokens with other digits in the same places are masked from a recipe of the pattern
    # (made from its second token on).
    masker = Masker()
    reference = Masker(disabled=("none",))
    for _ in range(3):
        other = "".join(rng.choice("0123456789") if c.isdigit() else c for c in token)
        assert masker.mask_token(other) == reference.mask_token(other)


# Tokens id_pattern writes alike: eight or more lowercase hex characters, two digits or more,
# a letter or more (the digits and letters in any order, the digit at either end or not).
HEX_IDS = st.text(alphabet="0123456789abcdef", min_size=8, max_size=64).filter(
    lambda t: sum(c.isdigit() for c in t) >= 2 and any(c.isalpha() for c in t)
)


@pytest.mark.timeout(30)
@settings(max_examples=1000, deadline=None)
@given(HEX_IDS)
def test_every_hex_id_token_is_one_id_value(token: str) -> None:
    # What lets id_pattern give all of them one pattern: the masks never look at the letters.
    assert Masker().mask_token(token) == ("<*>", (("id", token),))
    assert Masker(disabled=("none",)).mask_token(token) == ("<*>", (("id", token),))


# Random bytes as the bytes of a pattern: mostly 0, hex letters and spaces.
_INTO_PATTERN_BYTES = bytes(b"00abf x\t."[byte % 9] for byte in range(256))


def test_id_pattern_hides_whole_hex_id_tokens_only() -> None:
    def pattern(text: str) -> bytes:
        return id_pattern(digit_pattern(text))

    assert pattern("key c025ab0635 took 12 ms") == pattern("key 5e75ddc4f2 took 99 ms")
    assert pattern("key c025ab0635 took") == b"key " + b"\xff" * 10 + b" took"
    # Not ids: one digit (deadbee1 is a word with a digit), no letter (a number), upper case,
    # too short, or part of a larger token (key=..., a path, a prefix).
    for text in (
        "key deadbee1",
        "key 12345678",
        "key C025AB0635",
        "key c025ab0",
        "key=c025ab0635",
        "/tmp/c025ab0635",
        "xc025ab0635",
        "c025ab0635,",
    ):
        assert b"\xff" not in pattern(text), text
    # Only ASCII whitespace counts as a token's edge (a subset of what str.split splits on).
    assert b"\xff" not in pattern("key\u00a0c025ab0635")
    assert pattern("\tc025ab0635\n").count(b"\xff") == 10


@settings(max_examples=2000, deadline=None)
@given(st.binary(max_size=40).map(lambda b: b.translate(_INTO_PATTERN_BYTES)))
def test_id_pattern_skips_the_regex_only_where_it_cannot_match(pattern: bytes) -> None:
    # Without eight hex bytes in a row id_pattern gives the pattern back without the regex.
    assert id_pattern(pattern) == _HEX_ID.sub(_hidden, pattern)


def _combined(masks: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in masks))


_WITH_GUARDS = re.compile(f"{NOT_MID_WORD}(?:{_combined(BUILTIN_MASKS).pattern})")
_WITHOUT_GUARDS = _combined(
    tuple(
        (name, functools.reduce(lambda rx, g: rx.replace(g, ""), FAIL_FAST, rx))
        for name, rx in BUILTIN_MASKS
    )
)
HOST_TOKENS = st.text(alphabet="0123456789abfAxEStv_-./:=\"'@<>[]\\٣é ", min_size=1, max_size=24)


@pytest.mark.timeout(30)
@settings(max_examples=1000, deadline=None)
@given(HOST_TOKENS)
def test_fail_fast_lookaheads_and_mid_word_test_change_no_match(token: str) -> None:
    def found(pattern: re.Pattern[str]) -> list[tuple[str | None, int, int]]:
        return [(m.lastgroup, m.start(), m.end()) for m in pattern.finditer(token)]

    assert found(_WITH_GUARDS) == found(_WITHOUT_GUARDS)


_MASK_TOKENS = st.text(
    alphabet="0123456789abcefxEStv_-./:=\"'@<>[]\\٣é ,()", min_size=1, max_size=24
)
_ALL_MASKS = _combine(list(BUILTIN_MASKS), True)


@pytest.mark.timeout(30)
@settings(max_examples=1000, deadline=None)
@given(_MASK_TOKENS)
def test_masks_left_out_for_a_token_cannot_match_in_it(token: str) -> None:
    # Each mask alone, anywhere in the token: if it matches, the token's regex has it.
    kept = set(_builtin_sub(token).__self__.groupindex)  # type: ignore[attr-defined]
    for name, rx in BUILTIN_MASKS:
        if re.search(rx, token) is not None:
            assert name in kept, (name, token)

    def named(match: re.Match[str]) -> str:
        return f"<{match.lastgroup}>"

    assert _builtin_sub(token)(named, token) == _ALL_MASKS.sub(named, token)


@pytest.mark.parametrize(
    "token",
    [
        "node-7.corp",
        "ec2-52-80-1-2.compute.amazonaws.com",
        "msra-sa-41:8030",
        "node-7/10.0.0.7",
        "fe80::1",
        "::ffff:10.0.0.1",
        "2001:db8:0:0:0:0:2:1",
        "a" * 40 + "1",
        "x=" + "ab12" * 16,
    ],
)
def test_fail_fast_lookaheads_on_hosts_and_addresses(token: str) -> None:
    assert _WITH_GUARDS.sub(lambda m: f"<{m.lastgroup}>", token) == _WITHOUT_GUARDS.sub(
        lambda m: f"<{m.lastgroup}>", token
    )


QUOTED_FIELDS = st.builds(
    lambda key, quote, text, end: f"{key}={quote}{text}{end}",
    st.sampled_from(
        [
            "chunk",
            "Type",
            "a_b",
            "msg",
            "xmsg",
            "message",
            "EPERM",
            "SIGTERM",
            "True",
            "root",
            "k2",
            "a.b",
            "a-b",
            "v",
        ]
    ),
    st.sampled_from(['"', "'"]),
    st.text(alphabet="ab1 =\"'\\<*>:/.", max_size=12),
    st.sampled_from(['"', "'", "", '"x']),
)


@pytest.mark.timeout(30)
@settings(max_examples=1000, deadline=None)
@given(QUOTED_FIELDS)
def test_quoted_fields_are_masked_as_the_combined_regex_masks_them(token: str) -> None:
    assert Masker().mask_token(token) == Masker(disabled=("none",)).mask_token(token)
