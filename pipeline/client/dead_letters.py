"""`dead-letters list` and `dead-letters resend`: what was refused and why, and sending it again.

A dead letter's stored payload is what was refused: a whole RabbitMQ message (position -1) or
one record of one. ``resend`` publishes it to the log queue, so it goes through the bridge's
validation again, once its cause is fixed. A record sent again is a message of its own, so its
derived event id (content and position 0) is the same however often it is sent: it is stored
once. Payloads kept only in part (``truncated``) are refused: sending a prefix would store
something else.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from pipeline.client.publisher import open_publisher
from pipeline.settings import Settings
from storage.dead_letter_reader import DeadLetterReader, LetterSummary, ReasonCount, StoredPayload


class ResendPlan(NamedTuple):
    send: list[StoredPayload]
    refused: list[tuple[int, str]]  # (id, why)


def plan_resend(ids: Sequence[int], found: Sequence[StoredPayload]) -> ResendPlan:
    """Which of ``ids`` can be sent again (in the order asked, each once) and why not the rest.

    >>> plan_resend([3, 9], [StoredPayload(3, "bridge", "x", 0, False, b"{}")]).refused
    [(9, 'no such dead letter')]
    """
    by_id = {letter.id: letter for letter in found}
    plan = ResendPlan([], [])
    for letter_id in dict.fromkeys(ids):
        letter = by_id.get(letter_id)
        if letter is None:
            plan.refused.append((letter_id, "no such dead letter"))
        elif letter.truncated:
            plan.refused.append(
                (letter_id, f"only the first {len(letter.payload)} bytes of it were kept")
            )
        else:
            plan.send.append(letter)
    return plan


async def resend(settings: Settings, ids: Sequence[int]) -> ResendPlan:
    """Publish the sendable ones of ``ids`` to the log queue with confirms; the plan followed."""
    reader = DeadLetterReader(settings.database.url, settings.sql_dir)
    plan = plan_resend(ids, await reader.payloads(list(dict.fromkeys(ids))))
    if plan.send:
        async with open_publisher(settings.rabbitmq.url, settings.rabbitmq.log_queue) as publisher:
            for letter in plan.send:
                await publisher.publish(letter.payload, 1)
            await publisher.drain()
    return plan


async def overview(
    settings: Settings, reason: str | None, since: datetime | None, limit: int
) -> tuple[list[ReasonCount], list[LetterSummary]]:
    reader = DeadLetterReader(settings.database.url, settings.sql_dir)
    return await reader.counts(reason, since), await reader.recent(reason, since, limit)


def format_overview(counts: Sequence[ReasonCount], recent: Sequence[LetterSummary]) -> str:
    """Counts by stage and reason, then the newest letters, as plain text."""
    if not counts:
        return "no dead letters"
    lines = [f"{'letters':>8}  {'stage':<8} {'newest':<25} reason"]
    lines += [
        f"{c.letters:>8}  {c.stage:<8} {c.newest.isoformat(timespec='seconds'):<25} {c.reason}"
        for c in counts
    ]
    lines += ["", f"{'id':>8}  {'received':<25} {'stage':<8} {'bytes':>8}  reason"]
    for letter in recent:
        where = f" ({letter.field})" if letter.field else ""
        kept = " [kept in part]" if letter.truncated else ""
        lines.append(
            f"{letter.id:>8}  {letter.received_at.isoformat(timespec='seconds'):<25} "
            f"{letter.stage:<8} {letter.size:>8}  {letter.reason}{where}{kept}"
        )
    return "\n".join(lines)
