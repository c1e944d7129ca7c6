from __future__ import annotations

import re

import pytest

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.tokenising import normalised_message


@pytest.fixture
def miners() -> ServiceMiners:
    return ServiceMiners(MinerConfig())


def mine_all(miners: ServiceMiners, messages: list[str], service: str = "svc") -> list[str]:
    """Mine ``messages`` and return each one's final template text (aliases resolved)."""
    ids = [miners.mine(service, message).template_id for message in messages]
    return [miners.template_text(service, tid) or "" for tid in ids]


def template_regex(template: str) -> re.Pattern[str]:
    """The template as a regex: each ``<*>`` is any run of characters, possibly empty."""
    return re.compile(".*?".join(re.escape(part) for part in template.split("<*>")), re.DOTALL)


def assert_matches(template: str, message: str, config: MinerConfig) -> None:
    """The message, as the miner sees it, matches the template (docs/templates.md)."""
    text = normalised_message(message, config)
    assert template_regex(template).fullmatch(text), (template, text)
