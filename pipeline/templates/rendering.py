"""Template text from template tokens, following the Loghub-2.0 conventions for variables."""

from __future__ import annotations

import re

from pipeline.templates.masking import WILDCARD

# Adjacent variables and dotted variables are one variable ("<*><*>", "<*>.<*>" -> "<*>"), as in
# the corrected Loghub annotations; variables separated by a space stay separate.
_RUNS = re.compile(r"<\*>(?:\.?<\*>)+")


def render(tokens: list[str]) -> str:
    """Join template tokens with single spaces and fold runs of glued variables."""
    text = " ".join(tokens)
    if "<*><*>" in text or "<*>.<*>" in text:
        text = _RUNS.sub(WILDCARD, text)
    return text
