"""Property tests: mining never raises, and every message matches the template it was given.

"Matches" (documented in docs/templates.md): read the template as a regular expression in
which each ``<*>`` stands for any run of characters, possibly empty, and every other character
for itself; it must match the whole of ``normalised_message(message)`` - the message cut to
``max_message_chars``, reduced to first line + exception type if it has several lines, with runs
of whitespace folded into single spaces.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.templates import MinerConfig, ServiceMiners
from tests.unit.templates.conftest import assert_matches

WORDS = st.sampled_from(
    [
        "user",
        "Link",
        "ok",
        "error",
        "from",
        "port",
        "=",
        "x=1",
        "id=",
        "(",
        ")",
        "[a]",
        "10.0.0.1",
        "10.0.0.1:80",
        "fe80::1",
        "0x1f",
        "42",
        "-3",
        "3.5",
        "KB",
        "ms",
        "5ms",
        "blk_-12",
        "node-7",
        "/var/log/x",
        "http://h.com/1",
        "a@b.com",
        "2015-10-18",
        "Fri",
        "Jul",
        "1",
        "07:57:30",
        "2005",
        "true",
        "root",
        "<*>",
        "\ue000",
        "TASK_DONE",
        "ssh2",
        "é",
        "日本",
        "\\",
        ".",
        ",",
        "user=root",
        "rhost=",
        "host.example.com",
        "bytes",
        "(1.2",
        "KB)",
        "<1",
        "sec",
        "delay=00:00:01,",
        "com.apple.x.y:",
        "org.a.b.C:",
    ]
)
MESSAGES = st.one_of(
    st.lists(WORDS, max_size=12).map(" ".join),
    st.text(max_size=80),
    st.lists(WORDS, max_size=6).map("\n".join),
)


@pytest.mark.timeout(30)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MESSAGES, min_size=1, max_size=25))
def test_every_message_matches_its_template(messages: list[str]) -> None:
    config = MinerConfig(min_distinct_words=2, max_tokens=8, max_token_chars=12)
    miners = ServiceMiners(config)
    for message in messages:
        match = miners.mine("s", message)
        assert_matches(match.template, message, config)
    # After later messages generalised templates, earlier messages still match the final form.
    for message in messages:
        match = miners.mine("s", message)
        final = miners.template_text("s", match.template_id)
        assert final is not None
        assert_matches(final, message, config)


@pytest.mark.timeout(30)
@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), MESSAGES), max_size=30))
def test_mining_never_raises_and_snapshots_round_trip(pairs: list[tuple[str, str]]) -> None:
    miners = ServiceMiners(MinerConfig(max_templates_per_service=4, max_services=2))
    for service, message in pairs:
        miners.mine(service, message)
    restored = ServiceMiners.restore(miners.snapshot(), miners.config)
    for service in miners.services():
        assert restored.templates(service) == miners.templates(service)
