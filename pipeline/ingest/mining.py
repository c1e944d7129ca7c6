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
    wires = list(records)
    # One call of the miners' batch entry point per service: services are mined apart, so
    # their order within the batch does not matter, only each service's own.
    positions: dict[str, list[int]] = {}
    for position, wire in enumerate(wires):
        service = wire.record.service_name
        where = positions.get(service)
        if where is None:
            positions[service] = [position]
        else:
            where.append(position)
    assigned_ids = [""] * len(wires)
    created: list[tuple[str, str]] = []
    for service, where in positions.items():
        result = miners.assign(service, [wires[i].record.message for i in where])
        ids = result.template_ids
        for position, tid in zip(where, ids, strict=True):
            assigned_ids[position] = tid
        if result.created or result.renamed:
            batch.changed_services.add(service)
        batch.new_templates += len(result.created)
        created.extend((service, ids[i]) for i in result.created)
    assigned = list(zip(wires, assigned_ids, strict=True))
    first_level: dict[tuple[str, str], str] = {}
    for wire, tid in assigned:
        first_level.setdefault((wire.record.service_name, tid), wire.record.log_level)
    templates: dict[tuple[str, str], TemplateRow] = {}
    # A batch holds few templates and many records: each id is resolved once.
    resolved: dict[tuple[str, str], str] = {}
    append = batch.rows.append
    for wire, assigned_id in assigned:
        record = wire.record
        service = record.service_name
        template_id = resolved.get((service, assigned_id))
        if template_id is None:
            template_id = resolved[(service, assigned_id)] = miners.resolve(service, assigned_id)
        key = (service, template_id)
        if key not in templates:
            text = miners.template_text(service, template_id) or ""
            level = first_level.get(key) or first_level[(service, assigned_id)]
            templates[key] = TemplateRow(service, template_id, text, level)
        append(
            LogRow(
                record.event_id,
                service,
                record.log_level,
                record.timestamp,
                record.message,
                template_id,
                record.host,
                record.trace_id,
                record.metadata,
                wire.received_at,
                record.clamped,
                record.truncated,
                record.sanitized,
            )
        )
    batch.templates = list(templates.values())
    batch.created = {(service, miners.resolve(service, tid)) for service, tid in created}
    # Only the aliases this batch made or touched: a service keeps thousands of old ones.
    touched = set(templates) | set(resolved) if batch.changed_services else set()
    for service in batch.changed_services:
        batch.aliases.extend(
            Alias(service, old, new)
            for old, new in miners.aliases(service).items()
            if (service, old) in touched or (service, new) in touched
        )
    return batch
