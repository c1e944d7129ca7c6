"""Windowed anomaly detection, error analysis and insights over log records. Pure, no IO.

Public API::

    engine = AnalysisEngine(AnalysisConfig())
    record = parse_record(obj, position=i, received_at=now)      # or parse_payload(raw_bytes)
    observed = engine.observe(record, match.template_id, match.template, match.previous_id)
    observed.late                     # store it, it was not scored
    observed.reports                  # WindowReport per closed window: anomalies, incident
                                      # events (opened/updated/resolved), insights
    # in the stream, one engine per partition with its PartitionClock (clock.py):
    engine.observe(record, tid, text, mark=clock.observe(ts, received_at, wall))
    engine.tick(clock.now(wall))      # timer: closes windows of silent services
    while engine.behind:              # paced closing (close_slice) and fits off the loop:
        engine.take_refits() -> job.run() in a thread; engine.resume();
        engine.install_model(service, model) for each service in engine.waiting
    engine.summary(service); engine.snapshot(); AnalysisEngine.restore(data, config)
"""

from pipeline.analysis.config import AnalysisConfig, RecordLimits
from pipeline.analysis.engine import AnalysisEngine, Observed, RefitJob
from pipeline.analysis.events import Anomaly, IncidentEvent, Insight, TemplateRef, WindowReport
from pipeline.analysis.records import LogRecord, RecordRejected, parse_payload, parse_record
from pipeline.errors import SnapshotError

__all__ = [
    "AnalysisConfig",
    "AnalysisEngine",
    "Anomaly",
    "IncidentEvent",
    "Insight",
    "LogRecord",
    "Observed",
    "RecordLimits",
    "RecordRejected",
    "RefitJob",
    "SnapshotError",
    "TemplateRef",
    "WindowReport",
    "parse_payload",
    "parse_record",
]
