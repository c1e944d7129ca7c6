"""A progress bar on stderr when it is a terminal, and nothing otherwise (pipes, CI, tests)."""

from __future__ import annotations

import sys
from typing import TextIO

from tqdm import tqdm


class Progress:
    """One bar per phase; ``update``/``set`` are no-ops when disabled."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self._stream = stream or sys.stderr
        self._enabled = self._stream.isatty() if enabled is None else enabled
        self._bar: tqdm[None] | None = None

    def start(self, description: str, total: int | None, unit: str = "rec") -> None:
        """A new bar; ``total`` None when unknown (rate only, no ETA)."""
        self.close()
        if self._enabled:
            self._bar = tqdm(
                total=total, desc=description, unit=unit, unit_scale=True, file=self._stream
            )

    def update(self, count: int) -> None:
        if self._bar is not None:
            self._bar.update(count)

    def set(self, done: int) -> None:
        if self._bar is not None:
            self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
