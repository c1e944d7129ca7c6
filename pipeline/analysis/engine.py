"""The multi-service engine: routes records to per-service windows, closes windows on the
watermark or a timer tick, bounds live state, and snapshots everything to bytes.

Time: every window with an index below the horizon is closed, and the horizon only moves
forward, to the window holding ``time - allowed_lateness``. What ``time`` is depends on the
caller:

- offline (``analyze``): the newest event time seen (over all services of the engine);
- in the stream, one engine per partition: the partition's ``PartitionClock``
  (``pipeline.analysis.clock``) -- each record is observed with ``mark=clock.observe(...)``,
  the largest ``min(event time, receive time)`` seen, and while the partition is idle a timer
  calls ``tick(clock.now(wall))``, the mark run on by the wall-clock time passed. So a service
  that goes silent still closes its windows (empty ones) and its volume drop is seen.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import orjson

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.detector import ServiceDetector
from pipeline.analysis.detector_state import dump_detector, load_detector
from pipeline.analysis.events import IncidentEvent, WindowReport
from pipeline.analysis.records import LogRecord
from pipeline.analysis.scorers import FastForest, fit_forest
from pipeline.analysis.summary import service_summary
from pipeline.analysis.windows import WindowAccumulator
from pipeline.errors import SnapshotError

SNAPSHOT_MAGIC = b"LAE"
SNAPSHOT_VERSION = 2
SERVICE_MAGIC = b"LAS"
SERVICE_VERSION = 1


class Observed(NamedTuple):
    """Result of observing one record: whether it was late (store it, do not score it) and
    the reports of any windows its event time closed."""

    late: bool
    reports: tuple[WindowReport, ...]


_ON_TIME = Observed(False, ())
_LATE = Observed(True, ())


@dataclass(frozen=True, slots=True)
class RefitJob:
    """Training data for one service's isolation forest; ``run()`` is pure, so it can go to an
    executor, and its result goes back through ``AnalysisEngine.install_model``."""

    service: str
    data: np.ndarray
    trees: int
    seed: int

    def run(self) -> FastForest:
        return fit_forest(self.data, self.trees, self.seed)


class AnalysisEngine:
    """Windowed anomaly detection over many services; pure, no IO.

    >>> engine = AnalysisEngine(AnalysisConfig(window_seconds=60))
    >>> from pipeline.analysis.records import parse_record
    >>> rec = parse_record({"service": "api", "level": "info", "msg": "hi", "ts": 120})
    >>> engine.observe(rec, "t1", "hi").late
    False
    """

    def __init__(
        self,
        config: AnalysisConfig | None = None,
        close_slice: int | None = None,
        close_seconds: float | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.config = config or AnalysisConfig()
        self.services: dict[str, ServiceDetector] = {}
        self.max_ts = float("-inf")
        # Every window with an index below the horizon is closed (or, while ``behind``, due).
        self.horizon: int | None = None
        self.late = 0
        self.evicted = 0
        self._width = self.config.window_seconds
        self._lateness = self.config.allowed_lateness_seconds
        # At most this many windows close per call, and for at most this long (None: no
        # bound); the rest wait for ``resume``. The time bound matters because a window's cost
        # varies a hundredfold: a service's first close builds its half-space trees (~20 ms).
        self._close_slice = close_slice
        self._close_seconds = close_seconds
        self._clock = clock
        # Services that still have windows below the horizon to close, in order.
        self._closing: dict[str, None] = {}
        # Services held before their next window until their forest's model is installed.
        self._parked: set[str] = set()
        # Services were loaded (``load_service``) since the last ``resume``: those behind the
        # horizon are to close up to it. Checked once there, not at every load: saved at many
        # horizons, thousands of services would be walked at each rise.
        self._loaded = False
        self._refits: list[RefitJob] = []
        # Services added and evicted since the caller last cleared these (the stream saves
        # new services' state at once and deletes evicted services' state).
        self.added: list[str] = []
        self.evicted_names: list[str] = []
        # (service, window index, resolved events) of evicted services' open incidents.
        self.evicted_incidents: list[tuple[str, int, list[IncidentEvent]]] = []

    # -- ingestion -------------------------------------------------------------------------

    def observe(
        self,
        record: LogRecord,
        template_id: str,
        template: str,
        previous_id: str | None = None,
        *,
        mark: float | None = None,
    ) -> Observed:
        """Count one record (already template-mined) into its service's window.

        Without ``mark`` the horizon follows the newest event time seen; with it (the
        partition's ``PartitionClock`` mark, this record included) it follows ``mark``, and
        event times only choose the window, so a producer whose clock runs ahead opens a future
        window of its own service instead of making every other service's records late."""
        return self.observe_fields(
            record.service_name,
            record.timestamp,
            record.level_code,
            record.message,
            template_id,
            template,
            previous_id,
            mark=mark,
        )

    def observe_fields(
        self,
        service: str,
        ts: float,
        level: int,
        message: str,
        template_id: str,
        template: str,
        previous_id: str | None = None,
        *,
        mark: float | None = None,
        advance: bool = True,
    ) -> Observed:
        """``observe`` without a LogRecord, for callers that hold the fields already. With
        ``advance=False`` the record is counted but moves no time (refilling open windows
        from stored records after a restore): late only before the service's own closed
        windows, since its windows below the horizon are open if its state was saved before
        the horizon passed them (``load_service``)."""
        # The hot path: one dict lookup for the service, one for the window, a few counters.
        index = int(ts // self._width)
        svc = self.services.get(service)
        if svc is None:
            svc = self._add_service(service, index)
        if previous_id is not None:
            svc.rename(previous_id, template_id)
        horizon = self.horizon
        if index < svc.closed_until or (advance and horizon is not None and index < horizon):
            # Below the horizon even if the service has not closed that window yet (a slice
            # or a refit holds it): the same records are late however closing is paced.
            self.late += 1
            svc.stats.add_late(level, ts)
            return _LATE
        acc = svc.open.get(index)
        if acc is None:
            acc = svc.open[index] = WindowAccumulator(index)
            # Least-recently-seen order for eviction, refreshed once per window.
            self.services[service] = self.services.pop(service)
        if acc.add(template_id, level, message, ts):
            svc.remember_template(template_id, template)
        if not advance:
            return _ON_TIME
        if mark is None:
            if ts <= self.max_ts:
                return _ON_TIME
            self.max_ts = mark = ts
        elif ts > self.max_ts:
            self.max_ts = ts
        target = int((mark - self._lateness) // self._width)
        if horizon is None or target > horizon:
            return Observed(False, tuple(self._advance(target)))
        return _ON_TIME

    def observe_batch(
        self,
        service: str,
        timestamps: Sequence[float],
        levels: Sequence[int],
        messages: Sequence[str],
        template_ids: Sequence[str],
        texts: Mapping[str, str],
    ) -> int:
        """Count many records of one service (already template-mined; ``texts`` maps their
        template ids to their text) into their windows; returns how many were late.

        Time does not move: the caller calls :meth:`advance` once the batch's records of every
        service are in. So a batch that spans less than ``allowed_lateness`` makes none of its
        own records late, in whatever order its services come."""
        if not timestamps:
            return 0
        width = self._width
        indices = [int(ts // width) for ts in timestamps]
        svc = self.services.get(service)
        if svc is None:
            svc = self._add_service(service, indices[0])
        else:
            # Least-recently-seen order for eviction, refreshed once per batch.
            self.services[service] = self.services.pop(service)
        lowest = svc.closed_until if self.horizon is None else max(svc.closed_until, self.horizon)
        late = 0
        start = 0
        size = len(indices)
        while start < size:
            index = indices[start]
            end = start + 1
            while end < size and indices[end] == index:
                end += 1
            if index < lowest:
                for position in range(start, end):
                    svc.stats.add_late(levels[position], timestamps[position])
                late += end - start
            else:
                acc = svc.open.get(index)
                if acc is None:
                    acc = svc.open[index] = WindowAccumulator(index)
                new = acc.add_many(
                    template_ids[start:end],
                    levels[start:end],
                    messages[start:end],
                    timestamps[start:end],
                )
                for template_id in new:
                    svc.remember_template(template_id, texts.get(template_id, ""))
            start = end
        self.late += late
        return late

    def advance(self, newest: float) -> list[WindowReport]:
        """Move time to ``newest`` (the latest event time of a batch given to
        :meth:`observe_batch`), as :meth:`observe` without a mark does per record; the reports
        of the windows that closed."""
        if newest <= self.max_ts:
            return []
        self.max_ts = newest
        target = int((newest - self._lateness) // self._width)
        if self.horizon is None or target > self.horizon:
            return self._advance(target)
        return []

    def tick(self, now: float | None) -> list[WindowReport]:
        """Close windows on the clock: everything that ended ``allowed_lateness`` before now.

        In the stream ``now`` is ``clock.now(wall)`` (None before the partition's first record),
        never the wall clock itself: after a replay of old logs that would make the rest late.
        Does nothing before the first record: a timer firing at start-up must not make a
        backlog that is about to be replayed late."""
        if now is None or self.max_ts == float("-inf"):
            return []
        horizon = int((now - self.config.allowed_lateness_seconds) // self.config.window_seconds)
        if self.horizon is not None and horizon <= self.horizon:
            return []
        return self._advance(horizon)

    def flush(self, until: float | None = None) -> list[WindowReport]:
        """Close every open window (end of an offline run), and with ``until`` every window up
        to the one holding that time (so services silent at the end still close theirs)."""
        last = max((max(s.open) for s in self.services.values() if s.open), default=None)
        if until is not None and self.services:
            end = int(until // self._width)
            last = end if last is None else max(last, end)
        if last is None:
            return []
        return self._advance(last + 1)

    def _add_service(self, service: str, index: int) -> ServiceDetector:
        # A new service starts at its first window, or at the horizon if it arrives late.
        start = index if self.horizon is None else max(index, self.horizon)
        svc = ServiceDetector(service, self.config, start)
        self.services[service] = svc
        self.added.append(service)
        while len(self.services) > self.config.max_services:
            evicted = next(iter(self.services))
            gone = self.services.pop(evicted)
            resolved = gone.incidents.resolve_all(gone.closed_until)
            if resolved:
                self.evicted_incidents.append((evicted, gone.closed_until, resolved))
            self._closing.pop(evicted, None)
            self._parked.discard(evicted)
            self.evicted += 1
            self.evicted_names.append(evicted)
        return svc

    def _advance(self, horizon: int) -> list[WindowReport]:
        self.horizon = horizon
        closing = self._closing
        for name in self.services:
            if name not in self._parked:
                closing[name] = None
        return self.resume()

    # -- pacing: slices and refits ---------------------------------------------------------

    @property
    def behind(self) -> bool:
        """Windows below the horizon are still to close (call ``resume``, install models)."""
        return bool(self._closing or self._parked or self._loaded)

    @property
    def waiting(self) -> frozenset[str]:
        """Services whose next window waits for their forest's model (``install_model``)."""
        return frozenset(self._parked)

    def resume(self) -> list[WindowReport]:
        """Close the windows below the horizon, at most ``close_slice`` of them; a service
        whose forest fit is pending stops before its next window (it needs that model)."""
        horizon = self.horizon
        if self._loaded:
            self._loaded = False
            if horizon is not None:
                for name, detector in self.services.items():
                    if detector.closed_until < horizon and name not in self._parked:
                        self._closing[name] = None
        if horizon is None:
            return []
        reports: list[WindowReport] = []
        budget = self._close_slice
        deadline = None if self._close_seconds is None else self._clock() + self._close_seconds
        limit = self.config.max_silent_windows
        closing = self._closing
        while closing:
            name = next(iter(closing))
            svc = self.services.get(name)
            if svc is None:
                del closing[name]
                continue
            index = svc.closed_until
            while index < horizon:
                if svc.forest.pending:
                    self._parked.add(name)
                    break
                if (budget is not None and budget <= 0) or (
                    deadline is not None and reports and self._clock() >= deadline
                ):
                    svc.closed_until = index
                    return reports
                acc = svc.open.pop(index, None)
                if acc is None and svc.silent_windows >= limit:
                    # Dormant: jump to its next window with data instead of emitting empties.
                    index = min([i for i in svc.open if i > index] + [horizon])
                    continue
                reports.append(svc.close(index, acc))
                if svc.training is not None:
                    self._hand_out_fit(svc)
                index += 1
                if budget is not None:
                    budget -= 1
            svc.closed_until = max(svc.closed_until, index)
            del closing[name]
        return reports

    # -- isolation-forest refits off the event loop ------------------------------------------

    def take_refits(self) -> list[RefitJob]:
        """Fits that became due since the last call; run each ``job.run()`` (pure, e.g. in an
        executor) and hand the result to ``install_model``."""
        jobs, self._refits = self._refits, []
        return jobs

    def _hand_out_fit(self, svc: ServiceDetector) -> None:
        assert svc.training is not None
        self._refits.append(
            RefitJob(svc.name, svc.training, self.config.forest_trees, self.config.seed)
        )
        svc.training = None

    def install_model(self, service: str, model: FastForest | None) -> None:
        """Install a fitted model (None: the fit failed, keep the old one) and let the service
        close its windows again."""
        svc = self.services.get(service)
        if svc is None:
            return
        svc.forest.install_model(model)
        if service in self._parked:
            self._parked.discard(service)
            self._closing[service] = None

    def rename_template(self, service: str, old: str, new: str) -> None:
        """The miner generalised ``old`` into ``new`` (the stream learns it per batch, as an
        alias, where ``observe`` learns it per record as ``previous_id``)."""
        svc = self.services.get(service)
        if svc is not None:
            svc.rename(old, new)

    def resolve_templates(self, service: str, resolve: Callable[[str], str]) -> int:
        """Fold template ids that the miner has since merged into their current id
        (``resolve`` is e.g. ``lambda tid: miners.resolve(service, tid)``). The miner reports
        one ``previous_id`` per generalisation; siblings merged at the same time are caught
        here. Returns how many ids were folded."""
        svc = self.services.get(service)
        if svc is None:
            return 0
        folded = 0
        for tid in list(svc.seen):
            current = resolve(tid)
            if current != tid:
                svc.rename(tid, current)
                folded += 1
        return folded

    # -- summaries -------------------------------------------------------------------------

    def summary(self, service: str) -> dict[str, Any] | None:
        """The seed-shaped summary of one service, None if it is not live."""
        svc = self.services.get(service)
        return None if svc is None else service_summary(svc)

    def summaries(self) -> list[dict[str, Any]]:
        return [service_summary(svc) for svc in self.services.values()]

    # -- per-service state (the stream keeps one table value per service) -------------------

    def dump_service(self, service: str, mark: float | None = None) -> bytes | None:
        """One service's learned state, without its open windows (the stream rebuilds those
        from stored records); ``mark`` is the partition clock's, kept alongside. None if the
        service is not live."""
        svc = self.services.get(service)
        if svc is None:
            return None
        state = {
            "service": service,
            "window_seconds": self.config.window_seconds,
            "mark": mark,
            # A service's own closed_until may run ahead of the horizon (it started in the
            # future), so the horizon travels too.
            "horizon": self.horizon,
            "detector": dump_detector(svc, with_open=False),
        }
        body = zlib.compress(orjson.dumps(state), 1)
        return SERVICE_MAGIC + bytes([SERVICE_VERSION]) + body

    def load_service(self, data: bytes) -> tuple[str, float | None]:
        """Install a service from ``dump_service`` output, replacing what the engine had for
        it; returns its name and the clock mark stored with it. Raises ``SnapshotError`` for
        anything that is not such a state, whatever is wrong with it."""
        if len(data) < 4 or not data.startswith(SERVICE_MAGIC):
            raise SnapshotError("not a service state")
        if data[3] != SERVICE_VERSION:
            raise SnapshotError(f"unsupported service state version {data[3]}")
        try:
            state = orjson.loads(zlib.decompress(data[4:]))
            name = state["service"]
            if not isinstance(name, str):
                raise SnapshotError("service state: the service name is not text")
            if state["window_seconds"] != self.config.window_seconds:
                raise SnapshotError("service state was taken with a different window size")
            mark = state["mark"]
            horizon = state["horizon"]
            svc = load_detector(name, self.config, state["detector"])
        except SnapshotError:
            raise
        except Exception as exc:  # any malformed field: one clear error, never a crash
            raise SnapshotError(f"corrupt service state: {exc!r}") from None
        self.services[name] = svc
        self._parked.discard(name)
        self._closing.pop(name, None)
        if svc.training is not None:
            self._hand_out_fit(svc)
        if horizon is not None and (self.horizon is None or int(horizon) > self.horizon):
            self.horizon = int(horizon)
        # States saved at different times (a killed worker's last saves lost, some of them):
        # the services behind the newest horizon close up to it on ``resume``.
        self._loaded = True
        return name, None if mark is None else float(mark)

    # -- state -----------------------------------------------------------------------------

    def snapshot(self) -> bytes:
        """Versioned bytes holding everything learned (restore with ``AnalysisEngine.restore``)."""
        state: dict[str, Any] = {
            "version": SNAPSHOT_VERSION,
            "window_seconds": self.config.window_seconds,
            "max_ts": self.max_ts if self.max_ts != float("-inf") else None,
            "horizon": self.horizon,
            "late": self.late,
            "evicted": self.evicted,
            "services": {name: dump_detector(svc) for name, svc in self.services.items()},
        }
        body = zlib.compress(orjson.dumps(state, option=orjson.OPT_SERIALIZE_NUMPY), 6)
        return SNAPSHOT_MAGIC + bytes([SNAPSHOT_VERSION]) + body

    @classmethod
    def restore(
        cls, data: bytes, config: AnalysisConfig | None = None, close_slice: int | None = None
    ) -> AnalysisEngine:
        if len(data) < 4 or not data.startswith(SNAPSHOT_MAGIC):
            raise SnapshotError("not an analysis snapshot")
        if data[3] != SNAPSHOT_VERSION:
            raise SnapshotError(f"unsupported snapshot version {data[3]}")
        try:
            state = orjson.loads(zlib.decompress(data[4:]))
        except (zlib.error, orjson.JSONDecodeError) as exc:
            raise SnapshotError(f"corrupt snapshot: {exc}") from None
        engine = cls(config, close_slice)
        try:
            if state["window_seconds"] != engine.config.window_seconds:
                raise SnapshotError("snapshot was taken with a different window size")
            max_ts = float("-inf") if state["max_ts"] is None else float(state["max_ts"])
            horizon = None if state["horizon"] is None else int(state["horizon"])
            late, evicted = int(state["late"]), int(state["evicted"])
            services = {
                str(name): load_detector(str(name), engine.config, svc_state)
                for name, svc_state in state["services"].items()
            }
        except SnapshotError:
            raise
        except Exception as exc:  # any malformed field: one clear error, as load_service gives
            raise SnapshotError(f"corrupt snapshot: {exc!r}") from None
        engine.max_ts, engine.horizon, engine.late, engine.evicted = max_ts, horizon, late, evicted
        for name, svc in services.items():
            engine.services[name] = svc
            if svc.training is not None:
                engine._hand_out_fit(svc)
            if horizon is not None and svc.closed_until < horizon:
                # Taken while closing was paced: the rest closes on the next ``resume``.
                engine._closing[name] = None
        return engine
