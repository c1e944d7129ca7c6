"""Our subcommands of the Faust command line (`python -m pipeline <command>`).

``register_commands`` adds them to Faust's command group explicitly; the entry point calls it.
`migrate`, `migrate-create`, `send` and `bench` take the settings (the last two only parse
options and call ``pipeline.client``); `templates`, `analyze` and `simulate` are offline and keep
their argument parsing in ``pipeline.offline`` (argparse), so they are only forwarded to.
"""

from __future__ import annotations

import asyncio
import importlib
import os
import sys
from collections.abc import Callable, Coroutine, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from aiokafka.errors import KafkaError

from pipeline.client.progress import Progress
from pipeline.errors import SettingsError, StorageError
from pipeline.settings import Settings

# command name -> ("module:function" taking argv and returning an exit code, one-line help)
OFFLINE_COMMANDS: dict[str, tuple[str, str]] = {
    "templates": (
        "pipeline.offline.templates_command:main",
        "Mine log templates from a file into a CSV.",
    ),
    "analyze": (
        "pipeline.offline.analyze_command:analyze_main",
        "Detect anomalies in JSON lines, offline.",
    ),
    "simulate": (
        "pipeline.offline.simulate_command:simulate_main",
        "Write logs with labelled incidents.",
    ),
}


def migrate_command(settings: Settings) -> click.Command:
    @click.command(
        "migrate",
        help="Apply pending SQL migrations to DATABASE_URL (idempotent, safe to run "
        "concurrently), or with --down N revert the last N.",
    )
    @click.option(
        "--down",
        "steps",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help="Revert the last N applied migrations, newest first; refuses (reverting nothing) "
        "when one of them has no down section.",
    )
    def migrate(steps: int | None) -> None:
        # Imported here: asyncpg is not needed by the other commands.
        from storage.migrations import migrate as apply
        from storage.migrations import rollback

        url, sql_dir = settings.database.url, settings.sql_dir
        try:
            if steps is None:
                done = asyncio.run(apply(url, sql_dir))
                verb = "applied"
            else:
                done = asyncio.run(rollback(url, sql_dir, steps))
                verb = "reverted"
        except StorageError as exc:
            click.echo(f"migrate: {exc}", err=True)
            sys.exit(1)
        if done:
            names = ", ".join(migration.label for migration in done)
            click.echo(f"migrate: {verb} {len(done)} migration(s): {names}")
        else:
            click.echo("migrate: database is up to date")

    return migrate


def migrate_create_command(settings: Settings) -> click.Command:
    @click.command(
        "migrate-create",
        help="Create the next numbered migration file NNNN_NAME.sql (NAME: [a-z0-9_]+) from the "
        "template, with up and down sections to fill in.",
    )
    @click.argument("name")
    @click.option(
        "--sql-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="The directory holding migrations/ and migration_template.sql "
        "(default: LOG_ANALYSIS_SQL_DIR, else the checkout's sql/).",
    )
    def migrate_create(name: str, sql_dir: Path | None) -> None:
        from storage.migration_files import create_migration_file

        try:
            path = create_migration_file(sql_dir or settings.sql_dir, name)
        except StorageError as exc:
            click.echo(f"migrate-create: {exc}", err=True)
            sys.exit(1)
        click.echo(f"migrate-create: created {path}")

    return migrate_create


def send_command(settings: Settings) -> click.Command:
    @click.command(
        "send",
        help="Publish log records to the RabbitMQ log queue (LOG_QUEUE) with publisher confirms "
        "and print how many messages and records RabbitMQ confirmed. JSON is one record or an "
        "array of records, sent as one message; with --file every non-blank line (a record or "
        "an array) is one message. Input that is not JSON is refused with its line number and "
        "nothing is sent (exit 1). Valid JSON that is not a good log record is sent as it is: "
        "the service dead-letters it, so this is also how to test the dead-letter path.",
        epilog="\b\nExamples:\n"
        '  python -m pipeline send \'{"service_name": "api", "level": "ERROR", '
        '"message": "disk full"}\'\n'
        "  python -m pipeline send --file logs.jsonl\n"
        "  tail -n 100 app.jsonl | python -m pipeline send --file -",
    )
    @click.argument("json_text", metavar="[JSON]", required=False)
    @click.option(
        "--file",
        "-f",
        "source",
        type=click.Path(exists=True, dir_okay=False, allow_dash=True),
        default=None,
        help="A file of JSON lines, or - for stdin.",
    )
    def send(json_text: str | None, source: str | None) -> None:
        from pipeline.client.errors import ClientError
        from pipeline.client.inputs import message_from_argument, messages_from_lines
        from pipeline.client.send import send_messages

        if (json_text is None) == (source is None):
            raise click.UsageError("give either JSON or --file FILE (- for stdin)")
        try:
            if source is not None:
                with click.open_file(source, "rb") as lines:
                    messages = messages_from_lines(lines, "<stdin>" if source == "-" else source)
            else:
                assert json_text is not None
                messages = [message_from_argument(json_text)]
            result = asyncio.run(send_messages(settings, messages))
        except ClientError as exc:
            click.echo(f"send: {exc}", err=True)
            sys.exit(1)
        click.echo(
            f"send: {result.messages} message(s) with {result.records} record(s) confirmed "
            f"on queue {settings.rabbitmq.log_queue!r}"
        )

    return send


class NamedValue(click.ParamType):
    """``NAME=VALUE``, as a (name, value) pair."""

    name = "NAME=VALUE"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[str, str]:
        if isinstance(value, tuple):
            return value
        name, sep, rest = str(value).partition("=")
        if not sep or not name or not rest:
            self.fail(f"expected NAME=VALUE, got {value!r}", param, ctx)
        return name, rest


NAMED = NamedValue()


def bench_command(settings: Settings) -> click.Command:
    @click.command(
        "bench",
        help="Measure ingest throughput: publish N generated records (metadata tagged with a "
        "new run id and a sequence number) to the log queue, wait until PostgreSQL holds each "
        "exactly once or --timeout passes, and print one JSON line: run_id, records, sent, "
        "stored, duplicates, seconds (first publish to all stored), logs_per_s, "
        "publish_seconds, publish_logs_per_s, messages, batch, services, rate, timed_out, "
        "p50/p95/p99/max_latency_s (publish to row stored), alerts (stored meanwhile for the "
        "run's services), processes (peak and end memory in MiB, RSS for a --metrics-url and "
        "PSS summed over a process and its children otherwise, and CPU seconds, for the "
        "bench itself, each --metrics-url, each --watch), ok. "
        "Exit 0 when every record was stored exactly once, else 1 (a broker or database error "
        "is printed on stderr instead of the JSON line). A progress bar is shown on a terminal.",
    )
    @click.option(
        "--records",
        "-n",
        type=click.IntRange(min=1),
        required=True,
        metavar="N",
        help="Records to generate and publish.",
    )
    @click.option(
        "--batch",
        type=click.IntRange(1, 10_000),
        default=100,
        show_default=True,
        metavar="B",
        help="Records per RabbitMQ message (a JSON array).",
    )
    @click.option(
        "--services",
        type=click.IntRange(min=1),
        default=10,
        show_default=True,
        metavar="S",
        help="Services the records are spread over (named bench-gateway, bench-auth, ...).",
    )
    @click.option(
        "--rate",
        type=click.FloatRange(min=0, min_open=True),
        default=None,
        metavar="R",
        help="At most R records per second, steadily paced (default: as fast as possible).",
    )
    @click.option(
        "--timeout",
        type=click.FloatRange(min=0, min_open=True),
        default=600.0,
        show_default=True,
        metavar="SECONDS",
        help="Give up this long after the first publish.",
    )
    @click.option(
        "--in-flight",
        type=click.IntRange(min=1),
        default=200,
        show_default=True,
        metavar="M",
        help="Published messages RabbitMQ has not confirmed yet, at most.",
    )
    @click.option("--seed", type=int, default=0, show_default=True, help="Generator seed.")
    @click.option(
        "--metrics-url",
        "metrics_urls",
        multiple=True,
        type=NAMED,
        metavar="NAME=URL",
        help="A worker's /metrics to watch (peak RSS, CPU seconds); repeatable. Default: "
        f"worker=http://127.0.0.1:{settings.web.port}/metrics.",
    )
    @click.option(
        "--watch",
        "pids",
        multiple=True,
        type=NAMED,
        metavar="NAME=PID",
        help="A local process (and its children) to watch the same way; repeatable.",
    )
    def bench(
        records: int,
        batch: int,
        services: int,
        rate: float | None,
        timeout: float,
        in_flight: int,
        seed: int,
        metrics_urls: tuple[tuple[str, str], ...],
        pids: tuple[tuple[str, str], ...],
    ) -> None:
        from pipeline.client.bench import BenchPlan, run_bench
        from pipeline.client.errors import ClientError

        try:
            watched = tuple((name, int(pid)) for name, pid in pids)
        except ValueError:
            raise click.BadParameter("a PID is a number", param_hint="--watch") from None
        urls = metrics_urls or (("worker", f"http://127.0.0.1:{settings.web.port}/metrics"),)
        plan = BenchPlan(
            records, batch, services, rate, timeout, in_flight, seed,
            metrics_urls=urls, pids=watched,
        )  # fmt: skip
        try:
            summary = asyncio.run(run_bench(settings, plan))
        except (ClientError, StorageError) as exc:
            click.echo(f"bench: {exc}", err=True)
            sys.exit(1)
        click.echo(summary.to_json())
        sys.exit(0 if summary.ok else 1)

    return bench


def offline_command(name: str, target: str, help_text: str) -> click.Command:
    def forward(args: tuple[str, ...]) -> None:
        module, _, function = target.partition(":")
        entry: Callable[[list[str]], int] = getattr(importlib.import_module(module), function)
        sys.exit(entry(list(args)))

    return click.Command(
        name,
        callback=forward,
        params=[click.Argument(["args"], nargs=-1, type=click.UNPROCESSED)],
        help=f"{help_text} Run with --help for its options.",
        # argparse in the target module owns the options, including --help.
        context_settings={"ignore_unknown_options": True, "help_option_names": []},
        add_help_option=False,
    )


def dead_letters_command(settings: Settings) -> click.Group:
    @click.group(
        "dead-letters",
        help="Inspect what was refused (counts by stage and reason, the newest letters) and "
        "send letters again through the log queue once their cause is fixed.",
    )
    def dead_letters() -> None:
        pass

    @dead_letters.command("list", help="Counts by stage and reason, then the newest letters.")
    @click.option("--reason", default=None, help="Only letters with exactly this reason.")
    @click.option(
        "--since",
        type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%z"]),
        default=None,
        help="Only letters received at or after this time (ISO-8601; UTC when no offset).",
    )
    @click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
    def list_letters(reason: str | None, since: datetime | None, limit: int) -> None:
        from pipeline.client.dead_letters import format_overview, overview
        from pipeline.client.errors import ClientError

        if since is not None and since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        try:
            counts, recent = asyncio.run(overview(settings, reason, since, limit))
        except (StorageError, ClientError) as exc:
            click.echo(f"dead-letters: {exc}", err=True)
            sys.exit(1)
        click.echo(format_overview(counts, recent))

    @dead_letters.command(
        "resend",
        help="Publish the stored payloads of dead letters ID... to the log queue (LOG_QUEUE), "
        "where they are validated again. Refuses unknown ids and payloads kept only in part; "
        "exit 1 when any was refused.",
    )
    @click.argument("ids", nargs=-1, required=True, type=click.IntRange(min=1))
    def resend_letters(ids: tuple[int, ...]) -> None:
        from pipeline.client.dead_letters import resend
        from pipeline.client.errors import ClientError

        try:
            plan = asyncio.run(resend(settings, ids))
        except (StorageError, ClientError) as exc:
            click.echo(f"dead-letters: {exc}", err=True)
            sys.exit(1)
        for letter in plan.send:
            click.echo(f"resent {letter.id} ({letter.stage}: {letter.reason})")
        for letter_id, why in plan.refused:
            click.echo(f"refused {letter_id}: {why}", err=True)
        if plan.refused:
            sys.exit(1)

    return dead_letters


_TIMES = click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%z"])
_DETECT_HELP = (
    "Also run the detectors' findings into storage: anomalies and incidents stored with "
    "origin=replay, never published to RabbitMQ. Without it, window statistics only."
)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _run_backfill(name: str, work: Callable[[Progress], Coroutine[Any, Any, object]]) -> None:
    from pipeline.backfill.runner import BackfillFailed

    try:
        asyncio.run(work(Progress()))
    except (BackfillFailed, StorageError, OSError) as exc:
        click.echo(f"{name}: {exc}", err=True)
        sys.exit(1)
    except KafkaError as exc:
        click.echo(f"{name}: Kafka: {exc!r}", err=True)
        sys.exit(1)


def replay_command(settings: Settings) -> click.Command:
    @click.command(
        "replay",
        help="Reprocess the logs topic from --from (to --to, else its end) as a job of its own "
        "(own app id and topics): logs, templates and window statistics of the range are "
        "rebuilt through the idempotent sinks, so nothing doubles, and nothing is published. "
        "Run it again after an interruption to resume.",
    )
    @click.option("--from", "start", type=_TIMES, required=True, help="ISO-8601; UTC if bare.")
    @click.option("--to", "end", type=_TIMES, default=None, help="ISO-8601; UTC if bare.")
    @click.option("--detect", is_flag=True, help=_DETECT_HELP)
    def replay(start: datetime, end: datetime | None, detect: bool) -> None:
        from pipeline.backfill.commands import replay_range

        first, last = _utc(start), (_utc(end) if end is not None else None)
        if last is not None and last <= first:
            raise click.BadParameter("must be after --from", param_hint="--to")
        _run_backfill(
            "replay",
            lambda progress: replay_range(
                settings, os.environ, first, last, detect, click.echo, progress
            ),
        )

    return replay


def import_command(settings: Settings) -> click.Command:
    @click.command(
        "import",
        help="Backfill archived logs from FILE (JSON lines, one record or array per line; "
        "gzip read as such) through the bridge's validation, as a job of its own. Records "
        "must carry their own time. Rejected records are printed with their line and reason "
        "and kept as dead letters. Safe to run twice; run it again to resume.",
    )
    @click.argument(
        "path", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path)
    )
    @click.option("--detect", is_flag=True, help=_DETECT_HELP)
    def import_(path: Path, detect: bool) -> None:
        from pipeline.backfill.commands import import_file, import_job

        job = import_job(path, detect)
        _run_backfill(
            "import",
            lambda progress: import_file(settings, os.environ, path, job, click.echo, progress),
        )

    return import_


# A subject is an identity shown in logs and claims; control characters could forge log lines.
_MAX_SUBJECT_CHARS = 200
_MAX_TOKEN_TTL_SECONDS = 86_400


def _subject(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not value.strip():
        raise click.BadParameter("must not be empty or blank")
    if not value.isprintable():
        raise click.BadParameter("must be printable (no control characters)")
    if len(value) > _MAX_SUBJECT_CHARS:
        raise click.BadParameter(f"must be at most {_MAX_SUBJECT_CHARS} characters")
    return value


def token_command(settings: Settings) -> click.Command:
    jwt = settings.jwt

    @click.command(
        "token",
        help=f"Print a bearer token for the HTTP API, signed with JWT_ALGORITHM (here "
        f"{jwt.algorithm}) and JWT_SECRET (HS*) or JWT_PRIVATE_KEY_FILE (RS*/ES*/PS*/EdDSA), "
        "claiming JWT_AUDIENCE and JWT_ISSUER when set. For local use and tests; exit 2 when "
        "the key to sign with is missing.",
        epilog="\b\nExample:\n"
        '  curl -H "Authorization: Bearer $(python -m pipeline token --sub ops)" '
        "localhost:8000/router/",
    )
    @click.option(
        "--sub",
        "subject",
        required=True,
        callback=_subject,
        metavar="NAME",
        help=f"The token's subject (printable, at most {_MAX_SUBJECT_CHARS} characters).",
    )
    @click.option(
        "--ttl",
        type=click.IntRange(1, _MAX_TOKEN_TTL_SECONDS),
        default=None,
        metavar="SECONDS",
        help=f"Lifetime (default: JWT_TOKEN_TTL_SECONDS, here {jwt.token_ttl_seconds}).",
    )
    def token(subject: str, ttl: int | None) -> None:
        from web.auth import issue_token

        try:
            signed = issue_token(jwt, subject, ttl)
        except SettingsError as exc:
            # A configuration problem, like the entry point's own "configuration error" (2).
            click.echo(f"token: {exc}", err=True)
            sys.exit(2)
        click.echo(signed)

    return token


def _client_name(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from storage.clients import CLIENT_NAME_RULE, valid_client_name

    if not valid_client_name(value):
        raise click.BadParameter(CLIENT_NAME_RULE)
    return value


def clients_command(settings: Settings) -> click.Group:
    @click.group(
        "clients",
        help="Services that call the HTTP API with credentials of their own: they trade their "
        "name and secret for a bearer token at POST /api/v1/auth/token (OAuth 2.0 client "
        "credentials). Only an argon2id hash of each secret is stored.",
    )
    def clients() -> None:
        pass

    @clients.command(
        "add",
        help="Add client NAME and print its secret, once: it cannot be shown again (only its "
        "hash is stored). The secret goes to stdout alone, the note to stderr. Exit 2 when the "
        "name is invalid or taken (revoked names included).",
    )
    @click.argument("name", callback=_client_name)
    def add(name: str) -> None:
        from pipeline.client.api_clients import add_client
        from storage.clients import ClientExists

        try:
            created = asyncio.run(add_client(settings, name))
        except ClientExists:
            click.echo(
                f"clients: a client named {name!r} exists (revoked ones too); choose another "
                "name, e.g. to rotate a secret: add a new client, move the service, revoke the "
                "old one",
                err=True,
            )
            sys.exit(2)
        except StorageError as exc:
            click.echo(f"clients: {exc}", err=True)
            sys.exit(1)
        click.echo(
            f"clients: added {name!r}. Its secret follows; it cannot be shown again, store it "
            "now (e.g. in the service's secret store):",
            err=True,
        )
        click.echo(created.secret)

    @clients.command("list", help="Every client: name, created, revoked, last used (UTC).")
    def list_() -> None:
        from pipeline.client.api_clients import format_clients, list_clients

        try:
            found = asyncio.run(list_clients(settings))
        except StorageError as exc:
            click.echo(f"clients: {exc}", err=True)
            sys.exit(1)
        click.echo(format_clients(found))

    @clients.command(
        "revoke",
        help="Revoke client NAME: it gets no new tokens (those issued live until they expire, "
        "at most JWT_TOKEN_TTL_SECONDS). Revoking a revoked client changes nothing (exit 0); "
        "an unknown name exits 1.",
    )
    @click.argument("name")
    def revoke(name: str) -> None:
        from pipeline.client.api_clients import revoke_client

        try:
            done = asyncio.run(revoke_client(settings, name))
        except StorageError as exc:
            click.echo(f"clients: {exc}", err=True)
            sys.exit(1)
        if done is None:
            click.echo(f"clients: no client named {name!r}", err=True)
            sys.exit(1)
        when = done.revoked_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if done.newly_revoked:
            click.echo(f"clients: revoked {name!r} at {when}")
        else:
            click.echo(f"clients: {name!r} was already revoked (at {when}); nothing changed")

    return clients


def our_commands(settings: Settings) -> Iterable[click.Command]:
    yield migrate_command(settings)
    yield migrate_create_command(settings)
    yield send_command(settings)
    yield bench_command(settings)
    yield dead_letters_command(settings)
    yield replay_command(settings)
    yield import_command(settings)
    yield token_command(settings)
    yield clients_command(settings)
    for name, (target, help_text) in OFFLINE_COMMANDS.items():
        yield offline_command(name, target, help_text)


def register_commands(group: click.Group, settings: Settings) -> None:
    """Add our commands to ``group`` (Faust's ``cli``), replacing any of the same name."""
    for command in our_commands(settings):
        assert command.name is not None
        group.add_command(command, command.name)
