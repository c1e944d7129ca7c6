"""Service clients against the real PostgreSQL: `clients add` (the command itself), a token from
POST /api/v1/auth/token, the API with it, revocation, the failure limit, and the secret kept out
of the database and the logs. The web app is served in-process (aiohttp's test server)."""

from __future__ import annotations

import asyncio
import base64
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

import asyncpg
import pytest
from aiohttp.test_utils import TestClient, TestServer
from click.testing import CliRunner, Result

from pipeline.app import LogAnalysisApp, create_app
from pipeline.commands import clients_command
from pipeline.settings import Settings
from pipeline.settings import variables as v
from storage.clients import ClientStore
from storage.migration_files import discover
from storage.migrations import migrate, rollback
from tests.factories import dev_settings
from tests.integration.conftest import BASE
from web.clients import TOKEN_PATH, register_client_views

pytestmark = [pytest.mark.slow, pytest.mark.timeout(90)]

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
GRANT = "grant_type=client_credentials"
LIMIT = 3


@dataclass
class Served:
    settings: Settings
    app: LogAnalysisApp
    client: TestClient
    url: str

    async def command(self, *args: str) -> Result:
        # The command runs its own event loop (asyncio.run), so it gets a thread of its own.
        runner = CliRunner()
        return await asyncio.to_thread(runner.invoke, clients_command(self.settings), list(args))

    async def add(self, name: str) -> str:
        result = await self.command("add", name)
        assert result.exit_code == 0, result.output
        return result.stdout.strip()

    async def token_response(self, name: str, secret: str) -> tuple[int, dict, dict]:
        basic = base64.b64encode(f"{name}:{secret}".encode()).decode()
        response = await self.client.post(
            TOKEN_PATH, data=GRANT, headers={**FORM, "Authorization": f"Basic {basic}"}
        )
        return response.status, dict(response.headers), await response.json()

    async def rows(self, query: str, *args: object) -> list[asyncpg.Record]:
        connection = await asyncpg.connect(self.url)
        try:
            return list(await connection.fetch(query, *args))
        finally:
            await connection.close()


@pytest.fixture
async def served(fresh_database: str, caplog: pytest.LogCaptureFixture) -> AsyncIterator[Served]:
    caplog.set_level(logging.DEBUG)
    await migrate(fresh_database, BASE.sql_dir)
    settings = dev_settings(
        {v.DATABASE_URL: fresh_database, v.CLIENT_FAILURES_PER_MINUTE: str(LIMIT)}
    )
    app = create_app(settings)
    # create_app may serve the endpoint itself (once wired); register it only when it does not.
    if TOKEN_PATH not in app.web.views:
        register_client_views(app, ClientStore(app.database, settings.sql_dir), settings)
    app.web.init_server()
    try:
        async with TestClient(TestServer(app.web.web_app)) as client:  # type: ignore[attr-defined]
            yield Served(settings, app, client, fresh_database)
    finally:
        await app.database.close()
        await app.api_reads.close()


async def test_a_client_gets_a_token_uses_the_api_and_is_refused_once_revoked(served, caplog):
    secret = await served.add("billing")

    status, headers, body = await served.token_response("billing", secret)
    assert status == 200, body
    assert headers["Cache-Control"] == "no-store" and headers["Pragma"] == "no-cache"
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3600
    api = await served.client.get(
        "/api/v1/services", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert api.status == 200, await api.text()

    # The body's credentials work as well as Basic.
    response = await served.client.post(
        TOKEN_PATH, data=f"{GRANT}&client_id=billing&client_secret={secret}", headers=FORM
    )
    assert response.status == 200

    [row] = await served.rows("SELECT * FROM api_clients")
    assert row["name"] == "billing" and row["secret_hash"].startswith("$argon2id$")
    assert row["last_used_at"] is not None and row["revoked_at"] is None
    assert all(secret not in str(value) for value in row.values())

    listed = await served.command("list")
    assert listed.exit_code == 0
    assert "billing" in listed.stdout and "argon2" not in listed.stdout

    revoked = await served.command("revoke", "billing")
    assert revoked.exit_code == 0 and "revoked 'billing'" in revoked.stdout
    again = await served.command("revoke", "billing")
    assert again.exit_code == 0 and "already revoked" in again.stdout

    status, headers, body = await served.token_response("billing", secret)
    assert status == 401
    assert body["error"] == "invalid_client"
    assert headers["WWW-Authenticate"].startswith("Basic realm=")

    assert "billing" in caplog.text  # the refusals and the issue were logged ...
    assert secret not in caplog.text  # ... without the secret
    assert secret not in str(await served.rows("SELECT * FROM api_clients"))


async def test_wrong_secrets_are_limited_then_429(served, caplog):
    secret = await served.add("inventory")
    for attempt in range(LIMIT):
        status, _, body = await served.token_response("inventory", f"guess-{attempt}")
        assert (status, body["error"]) == (401, "invalid_client")
    status, headers, body = await served.token_response("inventory", secret)
    assert status == 429
    assert body["error"] == "slow_down"
    assert 1 <= int(headers["Retry-After"]) <= 60
    assert secret not in caplog.text


async def test_a_taken_name_is_exit_2_and_the_first_secret_keeps_working(served):
    secret = await served.add("audit")
    again = await served.command("add", "audit")
    assert again.exit_code == 2 and "exists" in again.stderr
    status, _, _ = await served.token_response("audit", secret)
    assert status == 200


async def test_the_table_refuses_bad_names_and_clear_secrets_and_migrates_down(served):
    connection = await asyncpg.connect(served.url)
    try:
        with pytest.raises(asyncpg.CheckViolationError):
            await connection.execute(
                "INSERT INTO api_clients (name, secret_hash) VALUES ('Bad:Name', '$argon2id$x')"
            )
        with pytest.raises(asyncpg.CheckViolationError):
            await connection.execute(
                "INSERT INTO api_clients (name, secret_hash) VALUES ('ok', 'plain-secret')"
            )
    finally:
        await connection.close()
    await served.app.database.close()
    # Down to before 0007, through any later migration.
    later = [m for m in discover(BASE.sql_dir / "migrations") if m.version >= 7]
    reverted = await rollback(served.url, BASE.sql_dir, len(later))
    assert reverted[-1].label.startswith("0007")
    exists = "SELECT to_regclass('api_clients') IS NOT NULL AS present"
    assert (await served.rows(exists))[0]["present"] is False
    await migrate(served.url, BASE.sql_dir)
    assert (await served.rows(exists))[0]["present"] is True
