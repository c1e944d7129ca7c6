from __future__ import annotations

import pytest

from pipeline.templates import MinerConfig, ServiceMiners


@pytest.fixture
def miners() -> ServiceMiners:
    return ServiceMiners(MinerConfig())


def mine_all(miners: ServiceMiners, messages: list[str], service: str = "svc") -> list[str]:
    """Mine ``messages`` and return each one's final template text (aliases resolved)."""
    ids = [miners.mine(service, message).template_id for message in messages]
    return [miners.template_text(service, tid) or "" for tid in ids]
