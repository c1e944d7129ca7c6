from __future__ import annotations

import pytest

from pipeline.templates import ServiceMiners


@pytest.mark.parametrize("message", ["", "   ", "\t\n  \r\n", "\n\n\n"])
def test_empty_and_blank_messages(message: str) -> None:
    miners = ServiceMiners()
    match = miners.mine("s", message)
    assert match.template == ""
    assert miners.mine("s", message).template_id == match.template_id


def test_binary_garbage() -> None:
    garbage = bytes(range(256)).decode("latin-1") + "\ufffd\x00\ue000<*>"
    miners = ServiceMiners()
    for _ in range(3):
        assert isinstance(miners.mine("s", garbage).template, str)


@pytest.mark.timeout(30)
def test_one_megabyte_line() -> None:
    miners = ServiceMiners()
    match = miners.mine("s", "start " + "abc123 " * 150_000)
    assert match.template.startswith("start")
    assert miners.stats.truncated_messages == 1


@pytest.mark.timeout(30)
def test_ten_thousand_tokens() -> None:
    miners = ServiceMiners()
    message = " ".join(f"w{i}" for i in range(10_000))
    match = miners.mine("s", message)
    assert match.template.endswith("<*>")
    assert miners.stats.truncated_tokens == 1
