"""Start worker subprocesses for integration tests and wait on them over HTTP."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .conftest import REPO_ROOT


class Worker:
    def __init__(self, args: list[str], env: Mapping[str, str], log_path: Path) -> None:
        self.log_path = log_path
        self._log = log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, *args],
            cwd=REPO_ROOT,
            env=dict(env),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self, sig: int = signal.SIGKILL, wait: float = 30) -> bool:
        """Send ``sig`` and wait; True when the process exited by itself within ``wait`` seconds,
        False when it had to be SIGKILLed (or had already exited before the signal)."""
        exited_by_itself = False
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)
            try:
                self.process.wait(wait)
                exited_by_itself = True
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self._log.close()
        return exited_by_itself

    def stop(self, sig: int = signal.SIGTERM, wait: float = 30) -> str:
        """Send ``sig`` and wait, as ``kill``; "" when the process exited by itself, otherwise
        what happened and the end of its log (for an assertion's message)."""
        already = self.process.poll()
        if self.kill(sig, wait):
            return ""
        if already is not None:
            what = f"the worker had already exited with {already} before signal {sig}"
        else:
            what = f"the worker did not exit within {wait} s of signal {sig} and was SIGKILLed"
        tail = "\n".join(self.log_text().splitlines()[-40:])
        return f"{what}; the end of {self.log_path}:\n{tail}"


def get_json(url: str, headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(url, headers=dict(headers or {}))
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        body, status = exc.read(), exc.code
    try:
        return status, json.loads(body)
    except ValueError:
        return status, body.decode(errors="replace")


def wait_until(
    condition: Callable[[], bool], timeout: float, what: str, worker: Worker | None = None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker is not None and worker.process.poll() is not None:
            raise AssertionError(f"worker exited while waiting for {what}:\n{worker.log_text()}")
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.5)
    tail = worker.log_text()[-4000:] if worker is not None else ""
    raise AssertionError(f"timed out after {timeout}s waiting for {what}\n{tail}")
