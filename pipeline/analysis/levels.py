"""Log level normalisation: every accepted spelling maps to one of five canonical levels."""

from __future__ import annotations

from typing import Final

DEBUG: Final = 0
INFO: Final = 1
WARNING: Final = 2
ERROR: Final = 3
CRITICAL: Final = 4

LEVEL_NAMES: Final = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LEVEL_CODES: Final = {name: code for code, name in enumerate(LEVEL_NAMES)}

_ALIASES: Final = {
    "DEBUG": DEBUG,
    "TRACE": DEBUG,
    "VERBOSE": DEBUG,
    "FINE": DEBUG,
    "FINER": DEBUG,
    "FINEST": DEBUG,
    "D": DEBUG,
    "INFO": INFO,
    "INFORMATION": INFO,
    "INFORMATIONAL": INFO,
    "NOTICE": INFO,
    "I": INFO,
    "WARN": WARNING,
    "WARNING": WARNING,
    "W": WARNING,
    "ERROR": ERROR,
    "ERR": ERROR,
    "SEVERE": ERROR,
    "E": ERROR,
    "CRITICAL": CRITICAL,
    "CRIT": CRITICAL,
    "FATAL": CRITICAL,
    "EMERG": CRITICAL,
    "EMERGENCY": CRITICAL,
    "ALERT": CRITICAL,
    "PANIC": CRITICAL,
    "F": CRITICAL,
    # OpenTelemetry's short names of severity numbers 2..4 of each range (TRACE2 .. FATAL4).
    **{
        f"{name}{n}": code
        for name, code in (
            ("TRACE", DEBUG),
            ("DEBUG", DEBUG),
            ("INFO", INFO),
            ("WARN", WARNING),
            ("ERROR", ERROR),
            ("FATAL", CRITICAL),
        )
        for n in (2, 3, 4)
    },
}
# Syslog severities (RFC 5424): 0 emergency .. 7 debug.
_SYSLOG: Final = (CRITICAL, CRITICAL, CRITICAL, ERROR, WARNING, INFO, INFO, DEBUG)
# Python logging numbers are multiples of ten, so they cannot be confused with syslog.
_PYTHON: Final = {10: DEBUG, 20: INFO, 30: WARNING, 40: ERROR, 50: CRITICAL}


def level_code(value: object) -> int | None:
    """Return the canonical level code for a level spelling or number, None if unknown."""
    if isinstance(value, str):
        code = _ALIASES.get(value)
        if code is not None:
            return code
        text = value.strip().upper()
        code = _ALIASES.get(text)
        if code is not None:
            return code
        # isdecimal, not isdigit (which takes "²", refused by int); int() refuses 4300+ digits.
        if text.isdecimal() and len(text) <= 18:
            return _number_level(int(text))
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _number_level(value)
    if isinstance(value, float) and value.is_integer():
        return _number_level(int(value))
    return None


def _number_level(number: int) -> int | None:
    if 0 <= number < len(_SYSLOG):
        return _SYSLOG[number]
    return _PYTHON.get(number)
