from pipeline.analysis.records import parse_record
from pipeline.ingest.mining import mine_batch
from pipeline.ingest.wire import WireRecord
from pipeline.templates import ServiceMiners


def wire(service: str, message: str, level: str = "INFO", position: int = 0) -> WireRecord:
    record = parse_record(
        {"service": service, "message": message, "level": level, "ts": 1_700_000_000 + position},
        position=position,
        received_at=1_700_000_100.0,
    )
    return WireRecord(record, 1_700_000_100.0)


def test_rows_carry_the_template_in_use_at_the_end_of_the_batch():
    miners = ServiceMiners()
    records = [
        wire("api", f"Link {state}", position=i)
        for i, state in enumerate(["up", "down", "flapping", "up"])
    ]
    batch = mine_batch(records, miners)
    ids = {row.template_id for row in batch.rows}
    assert len(ids) == 1
    (template,) = batch.templates
    assert template.template == "Link <*>"
    assert template.template_id in ids
    assert batch.aliases and all(alias.new_id == template.template_id for alias in batch.aliases)
    assert batch.changed_services == {"api"}
    assert batch.new_templates >= 1


def test_templates_of_two_services_stay_apart_and_fields_pass_through():
    miners = ServiceMiners()
    batch = mine_batch([wire("api", "user 7 logged in"), wire("db", "user 7 logged in")], miners)
    assert {(t.service, t.template) for t in batch.templates} == {
        ("api", "user <*> logged in"),
        ("db", "user <*> logged in"),
    }
    row = batch.rows[0]
    assert (row.service, row.level, row.ts, row.received_at) == (
        "api",
        "INFO",
        1_700_000_000.0,
        1_700_000_100.0,
    )


def test_a_known_template_changes_no_state():
    miners = ServiceMiners()
    mine_batch([wire("api", "user 7 logged in")], miners)
    again = mine_batch([wire("api", "user 8 logged in")], miners)
    assert again.changed_services == set() and again.new_templates == 0 and again.aliases == []
