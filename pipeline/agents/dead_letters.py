"""The dead-letter agent: dead-letter topic -> the ``dead_letters`` table.

The bridge cannot write PostgreSQL in the step that refuses a payload, so its dead letters travel
through Kafka; this agent stores them, acking only after PostgreSQL committed. The table's natural
key makes a replayed dead letter add no second row.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any

from pipeline.agents.ingest import Sink
from pipeline.agents.stopping import give_up_unacked
from pipeline.errors import StorageError
from pipeline.ingest import dead_letters
from pipeline.ingest.dead_letters import WHOLE_MESSAGE
from storage.rows import DeadLetterRow

log = logging.getLogger(__name__)


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
) -> Any:
    async def store_dead_letters(stream: Any) -> None:
        async for events in stream.noack_take(batch_messages, within=batch_seconds):
            letters = read_dead_letters(
                [event.value for event in events], source=source, payload_limit=payload_limit
            )
            try:
                await sink.store_dead_letters(letters)
            except StorageError as exc:
                log.warning("dead letters left for replay: %s", exc)
                give_up_unacked(app, [topic.get_topic_name()])
                return
            for event in events:
                await stream.ack(event)

    return app.agent(topic, name="dead_letters", concurrency=1)(store_dead_letters)
