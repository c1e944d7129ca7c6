"""Each anomaly kind on a synthetic service, and the benign changes that must not alert."""

from __future__ import annotations

from tests.unit.analysis.helpers import REQUIRED_ANOMALY_FIELDS, kinds, normal_mix, run


def test_steady_traffic_raises_nothing() -> None:
    _, reports = run(range(120))
    assert kinds(reports) == {}


def test_volume_spike() -> None:
    spike = {m: normal_mix(600, m) for m in range(60, 66)}
    _, reports = run(range(80), override=spike)
    assert kinds(reports).get("volume_spike", [])[0] == 60
    assert set(kinds(reports)) == {"volume_spike"}


def test_volume_drop_when_service_goes_silent_closed_by_tick() -> None:
    engine, reports = run(range(60))
    # Nothing more arrives: the timer closes the silent windows.
    reports += engine.tick(1_767_225_600.0 + 60 * 70)
    found = kinds(reports)
    assert found.get("volume_drop", [None])[0] == 61  # a drop must last two windows


def test_partial_drop() -> None:
    drop = {m: normal_mix(70, m) for m in range(60, 70)}
    _, reports = run(range(80), override=drop)
    assert min(kinds(reports)["volume_drop"]) <= 61


def test_error_rate() -> None:
    burst = {m: [*normal_mix(200, m), ("badpw", "ERROR", 30)] for m in range(60, 70)}
    _, reports = run(range(80), override=burst)
    found = kinds(reports)
    assert min(found["error_rate"]) <= 61
    assert "new_error_pattern" not in found


def test_new_error_pattern_at_one_percent() -> None:
    new = {m: [*normal_mix(200, m), ("oom", "ERROR", 2)] for m in range(60, 70)}
    _, reports = run(range(80), override=new)
    found = kinds(reports)
    assert found["new_error_pattern"][0] == 60
    assert "error_rate" not in found
    anomaly = next(a for r in reports for a in r.anomalies if a.kind == "new_error_pattern")
    assert anomaly.contributing_templates[0].template_id == "oom"
    assert anomaly.contributing_templates[0].example.startswith("oom message")
    assert anomaly.reason and anomaly.incident_id.startswith("inc-")


def test_single_new_error_occurrence_waits_for_a_repeat() -> None:
    once = {60: [*normal_mix(200, 60), ("odd", "ERROR", 1)]}
    _, reports = run(range(80), override=once)
    assert "new_error_pattern" not in kinds(reports)


def test_pattern_shift() -> None:
    shift = {
        m: [
            ("login", "INFO", 30),
            ("token", "INFO", 130),
            ("cache", "DEBUG", 30),
            ("slow", "WARNING", 6),
            ("badpw", "ERROR", 4),
        ]
        for m in range(60, 70)
    }
    _, reports = run(range(80), override=shift)
    found = kinds(reports)
    assert min(found["pattern_shift"]) <= 61
    anomaly = next(a for r in reports for a in r.anomalies if a.kind == "pattern_shift")
    assert anomaly.contributing_templates[0].template_id == "token"


def test_deploy_with_new_info_templates_is_an_insight_not_an_alert() -> None:
    deploy = {
        m: [*normal_mix(200, m), ("flag", "INFO", 40), ("newcache", "DEBUG", 20)]
        for m in range(60, 120)
    }
    _, reports = run(range(120), override=deploy)
    assert kinds(reports) == {}
    insights = [i for r in reports for i in r.insights]
    assert insights and {t.template_id for t in insights[0].templates} == {"flag", "newcache"}


def test_recurring_batch_peak_is_learned() -> None:
    batch = {
        m: [*normal_mix(200, m), ("export", "INFO", 400)] for m in range(120) if m % 30 in (10, 11)
    }
    _, reports = run(range(120), override=batch)
    assert kinds(reports) == {}


def test_a_batch_run_one_window_longer_off_the_window_boundary_is_still_the_batch() -> None:
    # The job usually fills minutes 10 and 11; the last run starts half a minute early.
    batch = {
        m: [*normal_mix(200, m), ("export", "INFO", 400)] for m in range(150) if m % 30 in (10, 11)
    }
    batch[129] = [*normal_mix(200, 129), ("export", "INFO", 200)]
    _, reports = run(range(150), override=batch)
    assert kinds(reports) == {}


def test_a_batch_run_that_goes_on_is_flagged() -> None:
    batch = {
        m: [*normal_mix(200, m), ("export", "INFO", 400)]
        for m in range(150)
        if m % 30 in (10, 11) or 130 <= m < 136
    }
    _, reports = run(range(150), override=batch)
    assert "volume_spike" in kinds(reports)


def test_warm_up_is_quiet() -> None:
    spike = {m: normal_mix(800, m) for m in range(3, 6)}
    _, reports = run(range(14), override=spike)
    assert kinds(reports) == {}


def test_every_anomaly_has_the_required_fields() -> None:
    spike = {m: normal_mix(600, m) for m in range(60, 63)}
    _, reports = run(range(70), override=spike)
    anomaly = next(a for r in reports for a in r.anomalies)
    data = anomaly.to_dict()
    assert set(data) >= REQUIRED_ANOMALY_FIELDS
    assert data["window_start"].endswith("Z") and 0.0 <= data["score"] <= 1.0
    assert data["severity"] in ("low", "medium", "high", "critical")
    assert data["actual"] > data["expected"]


def test_deploy_that_adds_a_lot_of_volume_is_learned_not_alerted() -> None:
    deploy = {
        m: [*normal_mix(200, m), ("flag", "INFO", 80), ("newcache", "DEBUG", 40)]
        for m in range(60, 150)
    }
    _, reports = run(range(150), override=deploy)
    assert kinds(reports) == {}


def test_long_incident_ends_without_a_false_drop() -> None:
    long = {m: normal_mix(600, m) for m in range(60, 110)}
    _, reports = run(range(150), override=long)
    found = kinds(reports)
    assert found["volume_spike"][0] == 60
    assert "volume_drop" not in found


def test_flood_of_a_never_seen_info_message_is_still_a_spike() -> None:
    flood = {m: [*normal_mix(200, m), ("retrying", "INFO", 600)] for m in range(60, 66)}
    _, reports = run(range(70), override=flood)
    assert min(kinds(reports)["volume_spike"]) <= 61
