"""Public value types returned by the miner."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TemplateMatch:
    """The template a message was assigned to when it arrived."""

    template_id: str  # stable id of the template the message now belongs to
    template: str  # current template text, variables written <*>
    # (name, value) for each variable: the mask name ("num", "ipv4", a key of key=value ...)
    # or "" for a position that became <*> by generalisation.
    parameters: tuple[tuple[str, str], ...]
    is_new: bool  # this message created the template
    previous_id: str | None  # set when this message generalised a template: its old id
