"""Which database errors are worth retrying, how long to wait between tries, and the retry loop.

Every error is one of three kinds (:func:`classify`):

- ``TRANSIENT``: the database or the network failed (connection lost or refused, timeouts,
  SQLSTATE classes 08, 40, 53 and 57P, and 55P03: a lock wait timed out). The same call will
  succeed once it is back.
- ``DATA``: what we sent was refused (SQLSTATE classes 22, 23 and 54, or the driver could not
  encode a value). Sending it again fails again; the caller isolates the record and dead-letters it.
- ``OTHER``: anything else, in practice a bug or a misconfiguration (42P01: the migrations were
  not applied). :func:`retry` retries it too, because dropping a batch would lose data, but logs
  it at ERROR so someone fixes the cause.

Class 54 (program limit exceeded) counts as data: its common case is one value too large for an
index (54000), which only that record triggers. Client-side, only encoding errors are data; a
``TypeError`` or ``ValueError`` raised inside an attempt is a bug in our code and must not make
the caller dead-letter every record of a batch.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import random
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import asyncpg
from asyncpg.exceptions import _base as asyncpg_base

from .errors import DatabaseUnavailable, StoreAborted

log = logging.getLogger(__name__)

T = TypeVar("T")

# 55P03: a lock_timeout ran out (partition DDL waiting behind another), gone on a later try.
_TRANSIENT_SQLSTATES = ("08", "40", "53", "57P", "55P03")
_DATA_SQLSTATES = ("22", "23", "54")
# Client-side failures of the connection itself; DatabaseUnavailable is what storage.database
# raises when it cannot connect (including a refused password: wrong settings heal only by a
# redeploy, but retrying them costs nothing and the WARNING names the cause).
_TRANSIENT_TYPES: tuple[type[BaseException], ...] = (
    OSError,
    TimeoutError,
    DatabaseUnavailable,
    # A schema change invalidated a cached statement; the next attempt prepares it afresh.
    asyncpg.InvalidCachedStatementError,
    asyncpg_base.OutdatedSchemaCacheError,
)
# The driver could not encode a value (a lone surrogate in a str, say). orjson's JSONEncodeError
# is not here: it is TypeError itself, so the caller catches it around orjson.dumps alone.
_DATA_TYPES: tuple[type[BaseException], ...] = (UnicodeError, asyncpg_base.DataError)


class ErrorKind(enum.Enum):
    TRANSIENT = "transient"
    DATA = "data"
    OTHER = "other"


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a PostgreSQL error, None for anything else."""
    if isinstance(exc, asyncpg.PostgresError):
        code = getattr(exc, "sqlstate", None)
        return code if isinstance(code, str) else None
    return None


def _link_kind(exc: BaseException) -> ErrorKind:
    # Checked before the SQLSTATE: InvalidCachedStatementError carries 0A000 (feature not
    # supported), which on its own would read as a bug.
    if isinstance(exc, _TRANSIENT_TYPES):
        return ErrorKind.TRANSIENT
    code = sqlstate(exc)
    if code is not None:
        if code.startswith(_TRANSIENT_SQLSTATES):
            return ErrorKind.TRANSIENT
        if code.startswith(_DATA_SQLSTATES):
            return ErrorKind.DATA
        return ErrorKind.OTHER
    if isinstance(exc, _DATA_TYPES):
        return ErrorKind.DATA
    return ErrorKind.OTHER


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        yield link
        link = link.__cause__ or link.__context__


def classify(exc: BaseException) -> ErrorKind:
    """The kind of ``exc``: transient when any exception in its chain is (a lost connection
    often surfaces as a driver error raised while rolling back), else the kind of ``exc`` itself."""
    if any(_link_kind(link) is ErrorKind.TRANSIENT for link in _chain(exc)):
        return ErrorKind.TRANSIENT
    return _link_kind(exc)


def root_cause(exc: BaseException) -> BaseException:
    """What really went wrong: the first transient error in ``exc``'s chain below our own
    wrappers (the "connection is closed" a rollback raised hides the server's "terminating
    connection"), else ``exc``."""
    for link in _chain(exc):
        if not isinstance(link, DatabaseUnavailable) and _link_kind(link) is ErrorKind.TRANSIENT:
            return link
    return exc


def error_code(exc: BaseException) -> str:
    """A short label for ``exc`` with few distinct values, fit for a metric label: the SQLSTATE
    of a PostgreSQL error, else the exception's class name; both of :func:`root_cause`."""
    cause = root_cause(exc)
    code = sqlstate(cause)
    return code if code is not None else type(cause).__name__


def error_message(exc: BaseException) -> str:
    """PostgreSQL's primary message without DETAIL (which may repeat the whole row), else str()."""
    if isinstance(exc, asyncpg.PostgresError) and exc.args:
        return str(exc.args[0])
    return str(exc) or type(exc).__name__


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential backoff: ``initial`` seconds, times ``factor`` after each failure, at most
    ``cap``; each wait is then shortened by a random fraction of up to ``jitter``, so replicas
    that lost the database together do not all come back in the same instant."""

    initial: float = 0.1
    factor: float = 2.0
    cap: float = 5.0
    jitter: float = 0.5

    def delays(self, rng: Callable[[], float] = random.random) -> Iterator[float]:
        """The waits before the second, third, ... attempt; endless."""
        delay = self.initial
        while True:
            bounded = min(delay, self.cap)
            yield bounded * (1.0 - self.jitter * rng())
            delay = bounded * self.factor


def _ignore(kind: ErrorKind, code: str) -> None:
    pass


async def retry(
    attempt: Callable[[], Awaitable[T]],
    *,
    what: str,
    should_stop: Callable[[], bool],
    backoff: Backoff | None = None,
    on_retry: Callable[[ErrorKind, str], None] = _ignore,
    rng: Callable[[], float] = random.random,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    poll: float = 0.25,
) -> T:
    """Run ``attempt`` until it returns, waiting out failures with ``backoff``.

    Every failure is retried, whatever its kind: one that reaches this loop is one ``attempt``
    could not handle itself (a data error it could not pin on one record included), and giving
    up would drop the batch. Transient failures are logged at WARNING the first time their code
    appears in this loop, others at ERROR the first time; repeats at DEBUG, so an outage of an
    hour logs a few lines. ``on_retry(kind, code)`` is called for every failure retried.

    ``attempt`` is always run at least once. After a failure, if ``should_stop()`` is true (it is
    also polled every ``poll`` seconds while waiting), raises :class:`StoreAborted` chained to
    the last failure. ``attempt`` must commit all or nothing, so nothing of an aborted call is
    stored (unless the connection dropped while PostgreSQL committed, which no client can tell).
    """
    delays = (backoff or Backoff()).delays(rng)
    logged: set[str] = set()
    failures = 0
    started = time.monotonic()
    while True:
        failure: Exception
        try:
            result = await attempt()
        except Exception as exc:
            failure = exc
        else:
            if failures:
                log.info(
                    "%s succeeded after %d failed attempt(s) in %.1f s",
                    what,
                    failures,
                    time.monotonic() - started,
                )
            return result
        failures += 1
        kind = classify(failure)
        code = error_code(failure)
        _log_failure(what, kind, code, failure, first=code not in logged)
        logged.add(code)
        if should_stop():
            raise StoreAborted(f"{what}: stopped after {failures} failed attempt(s)") from failure
        on_retry(kind, code)
        if await _wait(next(delays), should_stop, sleep, poll):
            raise StoreAborted(f"{what}: stopped after {failures} failed attempt(s)") from failure


def _log_failure(what: str, kind: ErrorKind, code: str, exc: Exception, *, first: bool) -> None:
    message = "%s failed (%s %s), retrying: %s"
    args = (what, kind.value, code, error_message(exc))
    if not first:
        log.debug(message, *args)
    elif kind is ErrorKind.TRANSIENT:
        log.warning(message, *args)
    else:
        log.error(message, *args, exc_info=exc)


async def _wait(
    delay: float,
    should_stop: Callable[[], bool],
    sleep: Callable[[float], Awaitable[None]],
    poll: float,
) -> bool:
    """Sleep ``delay`` seconds in slices of ``poll``; True as soon as ``should_stop()`` is."""
    remaining = delay
    while remaining > 0:
        step = min(poll, remaining)
        await sleep(step)
        remaining -= step
        if should_stop():
            return True
    return False
