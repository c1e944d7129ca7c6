"""The dead-letter agent: dead-letter topic -> the ``dead_letters`` table.

The bridge cannot write PostgreSQL in the step that refuses a payload, so its dead letters travel
through Kafka; this agent stores them, acking only after PostgreSQL committed. The table's natural
key makes a replayed dead letter add no second row.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from pipeline.agents.ingest import Sink
from pipeline.agents.stopping import register_batch_agent
from pipeline.ingest import dead_letters
from pipeline.ingest.dead_letters import WHOLE_MESSAGE
from storage.rows import DeadLetterRow


def read_dead_letters(
    values: Sequence[bytes], *, source: str, payload_limit: int
) -> list[DeadLetterRow]:
    """Decode the topic's values; one that is not a dead letter of ours is kept as one."""
    letters: list[DeadLetterRow] = []
    for value in values:
        letter = dead_letters.decode(value)
        if letter is None:
            letter = dead_letters.dead_letter(
                stage="dead_letter",
                reason="not a dead letter this version wrote",
                field=None,
                source=source,
                position=WHOLE_MESSAGE,
                message_sha256=dead_letters.sha256(value),
                payload=value,
                received_at=time.time(),
                payload_limit=payload_limit,
            )
        letters.append(letter)
    return letters


def register_dead_letter_agent(
    app: Any,
    topic: Any,
    sink: Sink,
    *,
    source: str,
    payload_limit: int,
    batch_messages: int,
    batch_seconds: float,
    on_failure: Callable[[str], None],
    on_skip: Callable[[str], None],
) -> Any:
    async def handle(events: Sequence[Any]) -> None:
        letters = read_dead_letters(
            [event.value for event in events], source=source, payload_limit=payload_limit
        )
        await sink.store_dead_letters(letters)

    return register_batch_agent(
        app,
        topic,
        "dead_letters",
        handle,
        batch_messages=batch_messages,
        batch_seconds=batch_seconds,
        on_failure=on_failure,
        on_skip=on_skip,
    )
