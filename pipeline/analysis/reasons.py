"""The one-sentence reason attached to every anomaly: what happened and where to look."""

from __future__ import annotations

from pipeline.analysis.events import TemplateRef
from pipeline.analysis.rules import Candidate


def reason(service: str, cand: Candidate, refs: tuple[TemplateRef, ...]) -> str:
    """One sentence a person can act on."""
    top = f"'{refs[0].template}'" if refs else "no single template"
    if cand.run is not None and cand.kind in ("volume_spike", "volume_drop"):
        return _run_reason(service, cand.kind, cand.run, top, cand.daily_anchor)
    if cand.kind == "volume_spike":
        ratio = cand.actual / max(cand.expected, 1.0)
        return (
            f"{service} logged {cand.actual:.0f} lines, {ratio:.1f}x the expected "
            f"{cand.expected:.0f}, mostly {top}; check for a traffic surge, retry storm "
            "or logging loop."
        )
    if cand.kind == "volume_drop":
        pct = 100.0 * cand.actual / max(cand.expected, 1.0)
        return (
            f"{service} logged {cand.actual:.0f} lines, {pct:.0f}% of the expected "
            f"{cand.expected:.0f} (missing e.g. {top}); check that the service, its "
            "upstream traffic and its log shipper are up."
        )
    if cand.kind == "error_rate":
        return (
            f"Errors were {cand.actual:.1f}% of {service}'s logs against an expected "
            f"{cand.expected:.1f}%, led by {top}; investigate that failure first."
        )
    if cand.kind == "new_error_pattern":
        level = refs[0].level if refs else "WARNING"
        return (
            f"{service} started logging a never-seen {level} {top} "
            f"({cand.actual:.0f} times); check the latest deploy, config change or "
            "dependency behind it."
        )
    return (
        f"{top} rose to {cand.actual:.0f}% of {service}'s logs from an expected "
        f"{cand.expected:.0f}%; find what now drives this message."
    )


def _run_reason(
    service: str, kind: str, run: tuple[int, int, float], top: str, daily: bool = False
) -> str:
    """A run of windows summed against the level from before it (``rules.anchored``), or
    against what this time of day usually brings (``daily``)."""
    windows, lines, anchor = run
    expected = windows * anchor
    ratio = lines / max(expected, 1.0)
    if kind == "volume_spike":
        basis = "at this time of day" if daily else "from its level before the rise"
        return (
            f"{service} logged {lines} lines over the last {windows} windows, {ratio:.1f}x the "
            f"{expected:.0f} expected {basis} ({anchor:.1f} a window), "
            f"mostly {top}; check for a traffic surge, retry storm or logging loop."
        )
    basis = "at this time of day" if daily else "from its level before the drop"
    return (
        f"{service} logged {lines} lines over the last {windows} windows, {100.0 * ratio:.0f}% "
        f"of the {expected:.0f} expected {basis} ({anchor:.1f} a "
        f"window; missing e.g. {top}); check that the service, its upstream traffic and its "
        "log shipper are up."
    )
