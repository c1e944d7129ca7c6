"""`python -m pipeline clients add | list | revoke` over an in-memory store (no database here;
tests/integration/web/test_clients.py runs them against PostgreSQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner, Result

from pipeline.client import api_clients
from pipeline.commands import clients_command
from storage.clients import ClientExists, ClientInfo, Revocation
from tests.factories import dev_settings
from web.clients import SecretHasher

NOW = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)


class MemoryStore:
    def __init__(self) -> None:
        self.hashes: dict[str, str] = {}
        self.infos: dict[str, ClientInfo] = {}

    async def add(self, name: str, secret_hash: str) -> ClientInfo:
        if name in self.infos:
            raise ClientExists(f"a client named {name!r} exists")
        self.hashes[name] = secret_hash
        self.infos[name] = ClientInfo(name, NOW, None, None)
        return self.infos[name]

    async def list(self) -> list[ClientInfo]:
        return [self.infos[name] for name in sorted(self.infos)]

    async def revoke(self, name: str) -> Revocation | None:
        info = self.infos.get(name)
        if info is None:
            return None
        if info.revoked_at is not None:
            return Revocation(name, info.revoked_at, False)
        self.infos[name] = ClientInfo(name, info.created_at, NOW, info.last_used_at)
        return Revocation(name, NOW, True)


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> MemoryStore:
    memory = MemoryStore()

    @asynccontextmanager
    async def open_store(settings: object) -> AsyncIterator[MemoryStore]:
        yield memory

    monkeypatch.setattr(api_clients, "open_store", open_store)
    return memory


def run(*args: str) -> Result:
    return CliRunner().invoke(clients_command(dev_settings()), list(args))


def test_add_prints_the_secret_once_on_stdout_and_stores_only_its_hash(store):
    result = run("add", "billing")
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip()
    assert len(secret) == 43 and "\n" not in secret
    assert "cannot be shown again" in result.stderr
    stored = store.hashes["billing"]
    assert stored.startswith("$argon2id$") and secret not in stored
    assert SecretHasher().verify(stored, secret)


def test_adding_a_name_twice_is_exit_2_and_keeps_the_first(store):
    assert run("add", "billing").exit_code == 0
    first = store.hashes["billing"]
    again = run("add", "billing")
    assert again.exit_code == 2
    assert "a client named 'billing' exists" in again.stderr
    assert again.stdout == ""
    assert store.hashes["billing"] == first


@pytest.mark.parametrize("name", ["Billing", "a:b", "", "-x", "x" * 64, "naïve", "a b"])
def test_invalid_names_are_refused_before_anything_is_stored(store, name):
    result = run("add", "--", name)
    assert result.exit_code == 2
    assert "lower-case letters" in result.output
    assert store.hashes == {}


def test_list_shows_names_and_times_never_hashes(store):
    assert run("list").stdout.strip() == "no clients"
    run("add", "billing")
    run("add", "audit.bot")
    run("revoke", "audit.bot")
    listed = run("list")
    assert listed.exit_code == 0
    lines = listed.stdout.strip().splitlines()
    assert lines[0].split() == ["NAME", "CREATED", "REVOKED", "LAST", "USED"]
    assert lines[1].split() == ["audit.bot", "2026-03-01T12:00:00Z", "2026-03-01T12:00:00Z", "-"]
    assert lines[2].split() == ["billing", "2026-03-01T12:00:00Z", "-", "-"]
    assert "argon2" not in listed.output


def test_revoke_is_idempotent_and_unknown_names_exit_1(store):
    run("add", "billing")
    first = run("revoke", "billing")
    assert first.exit_code == 0 and "revoked 'billing'" in first.stdout
    second = run("revoke", "billing")
    assert second.exit_code == 0 and "already revoked" in second.stdout
    unknown = run("revoke", "nobody")
    assert unknown.exit_code == 1 and "no client named 'nobody'" in unknown.stderr


def test_a_storage_error_is_exit_1(monkeypatch):
    from storage.errors import DatabaseUnavailable

    async def broken(settings: object) -> list[ClientInfo]:
        raise DatabaseUnavailable("cannot connect to postgresql://***@db:5432/x")

    monkeypatch.setattr(api_clients, "list_clients", broken)
    result = run("list")
    assert result.exit_code == 1 and "cannot connect" in result.stderr
