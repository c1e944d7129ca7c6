"""Records in, rows out: templates assigned by the per-service miners. Pure (the miners are the
only state, and the caller owns them).

Rows carry the template id in use at the end of the batch: a template that generalised halfway
through a batch gives its earlier rows the new id too, and the old id is reported as an alias
(stored as ``templates.superseded_by``), so ids seen by users are as current as they can be.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.ingest.wire import WireRecord
from pipeline.templates import ServiceMiners
from storage.rows import Alias, LogRow, TemplateRow


@dataclass(slots=True)
class MinedBatch:
    rows: list[LogRow] = field(default_factory=list)
    templates: list[TemplateRow] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    # Services whose templates changed (new or generalised): their miner state must be saved.
    changed_services: set[str] = field(default_factory=set)
    new_templates: int = 0
    # (service, template id in use at the end of the batch) of templates this batch created.
    created: set[tuple[str, str]] = field(default_factory=set)


def mine_batch(records: Iterable[WireRecord], miners: ServiceMiners) -> MinedBatch:
    batch = MinedBatch()
    assigned: list[tuple[WireRecord, str]] = []
    created: list[tuple[str, str]] = []
    first_level: dict[tuple[str, str], str] = {}
    for wire in records:
        record = wire.record
        service = record.service_name
        match = miners.mine(service, record.message)
        assigned.append((wire, match.template_id))
        first_level.setdefault((service, match.template_id), record.log_level)
        if match.is_new:
            batch.new_templates += 1
            batch.changed_services.add(service)
            created.append((service, match.template_id))
        if match.previous_id is not None:
            batch.changed_services.add(service)
    templates: dict[tuple[str, str], TemplateRow] = {}
    for wire, assigned_id in assigned:
        record = wire.record
        service = record.service_name
        template_id = miners.resolve(service, assigned_id)
        key = (service, template_id)
        if key not in templates:
            text = miners.template_text(service, template_id) or ""
            level = first_level.get(key) or first_level[(service, assigned_id)]
            templates[key] = TemplateRow(service, template_id, text, level)
        batch.rows.append(
            LogRow(
                event_id=record.event_id,
                service=service,
                level=record.log_level,
                ts=record.timestamp,
                message=record.message,
                template_id=template_id,
                host=record.host,
                trace_id=record.trace_id,
                metadata=record.metadata,
                received_at=wire.received_at,
                clamped=record.clamped,
                truncated=record.truncated,
                sanitized=record.sanitized,
            )
        )
    batch.templates = list(templates.values())
    batch.created = {(service, miners.resolve(service, tid)) for service, tid in created}
    # Only the aliases this batch made or touched: a service keeps thousands of old ones.
    touched = set(templates) | {(w.record.service_name, tid) for w, tid in assigned}
    for service in batch.changed_services:
        batch.aliases.extend(
            Alias(service, old, new)
            for old, new in miners.aliases(service).items()
            if (service, old) in touched or (service, new) in touched
        )
    return batch
