"""Template text from template tokens, following the Loghub-2.0 conventions for variables.

The corrected Loghub annotations (Khan et al., ICSE 2022, as revised for Loghub-2.0) write a
variable as the whole sub-token between delimiters and fold adjacent variables into one; those
conventions are about how a value is written, and :func:`normalise_variables` applies them to
every template we render. The same correction also masks constant text: path-like tokens,
digit-only tokens and the words true/false/null/root/admin. :func:`normalise` is the whole
correction (``correct_single_template``), for Loghub evaluation only: a product template keeps a
constant ``null``, ``/>`` or ``(2)`` as written, since showing it as ``<*>`` would be a false
variable.
"""

from __future__ import annotations

import re

from pipeline.templates.masking import WILDCARD

_PATH_DELIMITERS = r"\s,!;:=|\"'\[\](){}"
_TOKEN_DELIMITERS = _PATH_DELIMITERS + r".\-+@#$%&"
_PATH_SPLIT = re.compile(f"([{_PATH_DELIMITERS}])")
_TOKEN_SPLIT = re.compile(f"([{_TOKEN_DELIMITERS}])")
_PATH = re.compile(r"^(/[^/]+)+$")
# A whole sub-token (a run between delimiters) holding a variable and no slash.
_RUN_START, _RUN_END = f"(?<![^{_TOKEN_DELIMITERS}])", f"(?![^{_TOKEN_DELIMITERS}])"
_GLUED = re.compile(f"{_RUN_START}[^{_TOKEN_DELIMITERS}/]*<\\*>[^{_TOKEN_DELIMITERS}/]*{_RUN_END}")
_SPECIAL = {"true", "false", "null", "root", "admin"}
# A quoted token with a variable in it ("node-<*>", 'db-<*>.corp'): people quote a value as a
# whole, so the quoted text is the variable, not only its digits.
_QUOTED_VALUE = re.compile(r"([\"'])[^\s\"']*<\*>[^\s\"']*\1(?=[,.;:)\]}]*$)")


def normalise(template: str) -> str:
    """Loghub-2.0 template correction (``correct_single_template``), rule for rule.

    Spaces are collapsed; path-like tokens, digit-only tokens, booleans and a few user names
    become ``<*>``; a sub-token holding a ``<*>`` becomes ``<*>``; ``<*>.<*>`` and ``<*><*>``
    fold into one. For comparing with Loghub's corrected annotations, not for our templates.
    """
    return _correct(template, constants=True)


def normalise_variables(template: str) -> str:
    """The variable conventions of :func:`normalise` alone; constant text stays as written.

    Spaces are collapsed; a sub-token holding a ``<*>`` becomes ``<*>``; ``<*>.<*>`` and
    ``<*><*>`` fold into one.
    """
    return _correct(template, constants=False)


def _correct(template: str, constants: bool) -> str:
    # Spaces collapsed: split and join see the whitespace \s sees, at a quarter of a regex's cost.
    template = " ".join(template.split())
    # The cheap tests in front only skip regexes that cannot match (a path starts with "/", a
    # glued variable holds "<*>"; the split leaves no whitespace inside a token, so "$" is the
    # end, and ^\d+$ is isdecimal).
    if constants:
        template = "".join(
            "<*>" if token[:1] == "/" and _PATH.match(token) else token
            for token in _PATH_SPLIT.split(template)
        )
    if "<*>" in template:
        # A sub-token with a variable is one variable: one regex pass over the text finds
        # them all, where splitting the text and testing each sub-token took a step apiece.
        template = _GLUED.sub("<*>", template)
    if constants:
        tokens = _TOKEN_SPLIT.split(template)
        for index, token in enumerate(tokens):
            if token.isdecimal() or token.lower() in _SPECIAL:
                tokens[index] = "<*>"
        template = "".join(tokens)
    while "<*>.<*>" in template:
        template = template.replace("<*>.<*>", "<*>")
    while "<*><*>" in template:
        template = template.replace("<*><*>", "<*>")
    return template


def render(tokens: list[str], folded: set[int] | frozenset[int] = frozenset()) -> str:
    """Template text for template tokens: joined with spaces, then :func:`normalise_variables`.

    ``folded`` positions (units that vary with their value, "5.2 KB" / "80 B") join the
    variable before them, keeping only their trailing punctuation: ``size <*>,``.
    """
    tokens = [_whole_quoted(token) if "<*>" in token else token for token in tokens]
    if folded:
        kept: list[str] = []
        for index, token in enumerate(tokens):
            if index in folded and kept:
                kept[-1] += token.replace(WILDCARD, "")
            else:
                kept.append(token)
        tokens = kept
    return normalise_variables(" ".join(tokens))


def _whole_quoted(token: str) -> str:
    """``token`` with a quoted text holding a variable written as one variable."""
    if token[:1] not in "\"'":
        return token
    return _QUOTED_VALUE.sub(r"\1<*>\1", token, count=1)
