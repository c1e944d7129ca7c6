"""A TCP forwarder in its own thread, to take a broker away from a worker and give it back."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


class TcpProxy:
    """Forwards ``127.0.0.1:port`` to ``target``. ``outage(seconds)`` drops every connection
    and refuses new ones for that long, as a broker that restarts does (``down()`` and ``up()``
    for an outage of the caller's length). Runs its own event
    loop in a thread, so it forwards while the test blocks (starting a worker does)."""

    def __init__(self, host: str, port: int) -> None:
        self._target = (host, port)
        self._down = False
        self._writers: set[asyncio.StreamWriter] = set()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._server = self._call(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port: int = self._server.sockets[0].getsockname()[1]

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout=30)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._down:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self._target)
        except OSError:
            writer.close()
            return
        self._writers.update((writer, up_writer))
        await asyncio.gather(
            self._pump(reader, up_writer), self._pump(up_reader, writer), return_exceptions=True
        )

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _drop_all(self, seconds: float | None) -> None:
        self._down = True
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()
        if seconds is not None:
            await asyncio.sleep(seconds)
            self._down = False

    def down(self) -> None:
        """Every connection dropped, new ones refused, until :meth:`up`."""
        self._call(self._drop_all(None))

    def up(self) -> None:
        self._down = False

    def outage(self, seconds: float) -> None:
        """Blocks for ``seconds``: every connection dropped, new ones refused."""
        self._call(self._drop_all(seconds))

    def close(self) -> None:
        self._server.close()
        self._call(self._drop_all(0))
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)


@contextlib.contextmanager
def tcp_proxy(host: str, port: int) -> Iterator[TcpProxy]:
    proxy = TcpProxy(host, port)
    try:
        yield proxy
    finally:
        proxy.close()
