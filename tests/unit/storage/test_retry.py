"""Error classification, the backoff sequence and the retry loop, without a database."""

from __future__ import annotations

import logging

import asyncpg
import pytest
from asyncpg.exceptions import _base as asyncpg_base

from storage.errors import DatabaseUnavailable, StoreAborted
from storage.retry import Backoff, ErrorKind, classify, error_code, error_message, retry


def postgres_error(cls: type[asyncpg.PostgresError], message: str = "boom") -> Exception:
    exc = cls(message)
    assert isinstance(exc, Exception)
    return exc


@pytest.mark.parametrize(
    "cls",
    [
        asyncpg.ConnectionDoesNotExistError,  # 08003
        asyncpg.ConnectionFailureError,  # 08006
        asyncpg.exceptions.SerializationError,  # 40001
        asyncpg.exceptions.DeadlockDetectedError,  # 40P01
        asyncpg.TooManyConnectionsError,  # 53300
        asyncpg.exceptions.DiskFullError,  # 53100
        asyncpg.exceptions.AdminShutdownError,  # 57P01
        asyncpg.CannotConnectNowError,  # 57P03
        asyncpg.InvalidCachedStatementError,  # 0A000, but only a stale statement cache
    ],
)
def test_connection_and_concurrency_errors_are_transient(cls):
    assert classify(postgres_error(cls)) is ErrorKind.TRANSIENT


@pytest.mark.parametrize(
    "cls",
    [
        asyncpg.exceptions.CheckViolationError,  # 23514
        asyncpg.exceptions.NotNullViolationError,  # 23502
        asyncpg.exceptions.UniqueViolationError,  # 23505
        asyncpg.exceptions.CharacterNotInRepertoireError,  # 22021: a NUL in text
        asyncpg.exceptions.UntranslatableCharacterError,  # 22P05: \u0000 in jsonb
        asyncpg.exceptions.DatetimeFieldOverflowError,  # 22008
        asyncpg.exceptions.ProgramLimitExceededError,  # 54000: a key too large for its index
    ],
)
def test_refused_values_are_data_errors(cls):
    assert classify(postgres_error(cls)) is ErrorKind.DATA


@pytest.mark.parametrize(
    "cls",
    [
        asyncpg.exceptions.UndefinedTableError,  # 42P01: migrations not applied
        asyncpg.exceptions.UndefinedColumnError,
        asyncpg.exceptions.InsufficientPrivilegeError,
        asyncpg.exceptions.QueryCanceledError,  # 57014: class 57 but not 57P
        asyncpg.exceptions.FeatureNotSupportedError,
    ],
)
def test_other_postgres_errors_are_other(cls):
    assert classify(postgres_error(cls)) is ErrorKind.OTHER


def test_an_unknown_sqlstate_is_read_from_the_instance():
    exc = asyncpg.exceptions.UnknownPostgresError("x")
    exc.sqlstate = "08999"
    assert classify(exc) is ErrorKind.TRANSIENT
    assert error_code(exc) == "08999"


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (ConnectionRefusedError(111, "refused"), ErrorKind.TRANSIENT),
        (ConnectionResetError(), ErrorKind.TRANSIENT),
        (OSError("network unreachable"), ErrorKind.TRANSIENT),
        (TimeoutError(), ErrorKind.TRANSIENT),
        (DatabaseUnavailable("cannot connect"), ErrorKind.TRANSIENT),
        (asyncpg_base.OutdatedSchemaCacheError("stale"), ErrorKind.TRANSIENT),
        (UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"), ErrorKind.DATA),
        (asyncpg_base.DataError("invalid input for query argument $1"), ErrorKind.DATA),
        # Our own bugs must not read as bad rows, or a split would dead-letter a whole batch.
        (TypeError("expected str, got int"), ErrorKind.OTHER),
        (ValueError("bad"), ErrorKind.OTHER),
        (KeyError("insert_logs"), ErrorKind.OTHER),
        (asyncpg.InterfaceError("cannot use Connection.transaction() here"), ErrorKind.OTHER),
    ],
)
def test_client_side_errors(exc, kind):
    assert classify(exc) is kind


def _raised(exc: Exception, during: Exception) -> Exception:
    try:
        try:
            raise during
        except Exception:
            raise exc  # noqa: B904 - the implicit chain is what we test
    except Exception as raised:
        return raised


def test_a_driver_error_raised_while_a_connection_broke_is_transient():
    lost = postgres_error(asyncpg.ConnectionDoesNotExistError, "connection was closed")
    raised = _raised(asyncpg.InterfaceError("the underlying connection is closed"), lost)
    assert classify(raised) is ErrorKind.TRANSIENT
    assert error_code(raised) == "08003"
    assert error_message(raised) == "the underlying connection is closed"


def test_a_data_error_raised_while_handling_another_keeps_its_own_kind():
    earlier = postgres_error(asyncpg.exceptions.CheckViolationError)
    raised = _raised(asyncpg.InterfaceError("misuse"), earlier)
    assert classify(raised) is ErrorKind.OTHER


def test_error_codes_are_sqlstates_or_class_names():
    assert error_code(postgres_error(asyncpg.exceptions.CheckViolationError)) == "23514"
    assert error_code(ConnectionRefusedError()) == "ConnectionRefusedError"
    unavailable = DatabaseUnavailable("cannot connect")
    unavailable.__cause__ = ConnectionRefusedError()
    assert error_code(unavailable) == "ConnectionRefusedError"
    assert error_code(DatabaseUnavailable("lost")) == "DatabaseUnavailable"


def test_error_message_leaves_out_postgres_detail():
    exc = postgres_error(asyncpg.exceptions.CheckViolationError, "violates check constraint")
    exc.detail = "Failing row contains (a very long row)."  # type: ignore[attr-defined]
    assert "DETAIL" in str(exc)
    assert error_message(exc) == "violates check constraint"


def _first(backoff: Backoff, count: int, rng: float) -> list[float]:
    delays = backoff.delays(lambda: rng)
    return [round(next(delays), 6) for _ in range(count)]


def test_backoff_doubles_from_a_tenth_of_a_second_up_to_five():
    assert _first(Backoff(jitter=0.0), 9, 0.7) == [0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 5.0, 5.0, 5.0]


def test_jitter_shortens_each_wait_by_at_most_its_fraction():
    assert _first(Backoff(), 3, 0.0) == [0.1, 0.2, 0.4]
    assert _first(Backoff(), 3, 1.0) == [0.05, 0.1, 0.2]
    assert _first(Backoff(), 8, 0.5)[-1] == 3.75


class Attempts:
    """Fails with the given exceptions in turn, then returns "done"."""

    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return "done"


class Clock:
    def __init__(self) -> None:
        self.slept: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


def _never() -> bool:
    return False


async def test_retry_returns_once_an_attempt_succeeds():
    clock = Clock()
    retried: list[tuple[ErrorKind, str]] = []
    undefined = postgres_error(asyncpg.exceptions.UndefinedTableError)
    attempts = Attempts(ConnectionResetError(), undefined)
    result = await retry(
        attempts,
        what="test",
        should_stop=_never,
        backoff=Backoff(jitter=0.0),
        on_retry=lambda kind, code: retried.append((kind, code)),
        sleep=clock.sleep,
    )
    assert result == "done"
    assert attempts.calls == 3
    assert retried == [(ErrorKind.TRANSIENT, "ConnectionResetError"), (ErrorKind.OTHER, "42P01")]
    assert sum(clock.slept) == pytest.approx(0.1 + 0.2)
    assert max(clock.slept) <= 0.25


async def test_retry_also_retries_data_errors_the_attempt_did_not_handle():
    attempts = Attempts(postgres_error(asyncpg.exceptions.CheckViolationError))
    clock = Clock()
    assert await retry(attempts, what="t", should_stop=_never, sleep=clock.sleep) == "done"
    assert attempts.calls == 2


async def test_retry_stops_when_told_and_chains_the_last_failure():
    clock = Clock()
    failures = [ConnectionRefusedError() for _ in range(10)]
    attempts = Attempts(*failures)
    stop_after = 3

    def should_stop() -> bool:
        return attempts.calls >= stop_after

    with pytest.raises(StoreAborted) as raised:
        await retry(attempts, what="t", should_stop=should_stop, sleep=clock.sleep)
    assert attempts.calls == stop_after
    assert raised.value.__cause__ is failures[stop_after - 1]


async def test_retry_runs_once_even_when_already_stopping():
    attempts = Attempts()
    assert await retry(attempts, what="t", should_stop=lambda: True) == "done"
    with pytest.raises(StoreAborted):
        await retry(Attempts(OSError()), what="t", should_stop=lambda: True)


async def test_a_long_wait_is_cut_short_when_told_to_stop():
    clock = Clock()
    flags = iter([False, False, True])  # after the failure, after the first slice, the second

    with pytest.raises(StoreAborted):
        await retry(
            Attempts(OSError(), OSError()),
            what="t",
            should_stop=lambda: next(flags),
            backoff=Backoff(initial=5.0, jitter=0.0),
            sleep=clock.sleep,
            poll=0.25,
        )
    assert clock.slept == [0.25, 0.25]


async def test_retry_logs_each_distinct_error_once(caplog):
    undefined = [postgres_error(asyncpg.exceptions.UndefinedTableError) for _ in range(3)]
    attempts = Attempts(*undefined, OSError(), OSError())
    with caplog.at_level(logging.DEBUG, logger="storage.retry"):
        await retry(attempts, what="t", should_stop=_never, sleep=Clock().sleep)
    levels = [(r.levelname, "42P01" in r.getMessage()) for r in caplog.records]
    assert levels == [
        ("ERROR", True),
        ("DEBUG", True),
        ("DEBUG", True),
        ("WARNING", False),
        ("DEBUG", False),
        ("INFO", False),
    ]
