"""Reduce a multi-line message (a stack trace) to its first line plus the exception type.

A trace has as many shapes as there are call paths, so mining every line would give one
template per trace. What identifies the event is the message that started it and the type of
the exception: ``"<first line> <ExceptionType>"``.
"""

from __future__ import annotations

import re

# Java/JVM style: "java.io.IOException: msg", "Caused by: x.y.FooError", "Exception in thread".
_JAVA = re.compile(
    r"^\s*(?:Caused by:\s*|Exception in thread \"[^\"]*\"\s*)?"
    r"((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Exception|Error|Throwable|Fault))\b"
)
# Python style: the last unindented line after "Traceback (most recent call last):".
_PYTHON_LAST = re.compile(r"^((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)(?::|$)")


def exception_type(lines: list[str]) -> str | None:
    """Return the exception type named in the continuation lines, if any."""
    if any(line.startswith("Traceback (most recent call last)") for line in lines):
        for line in reversed(lines):
            if line and not line[0].isspace():
                match = _PYTHON_LAST.match(line)
                if match is not None and not line.startswith("Traceback"):
                    return match.group(1)
        return None
    for line in lines:
        match = _JAVA.match(line)
        if match is not None:
            return match.group(1)
    return None


def summarise(message: str) -> str:
    """Return the single line that stands for ``message`` (unchanged if it has one line)."""
    lines = message.splitlines()
    first = ""
    rest_start = 0
    for index, line in enumerate(lines):
        if line.strip():
            first, rest_start = line, index + 1
            break
    kind = exception_type(lines[rest_start:])
    if kind is None or kind in first:
        return first
    return f"{first} {kind}"
