"""The runs of backfill jobs (replay, import): which generation a run is, and when it is done.

A job is what it reads (a file's bytes, or a time range of the logs topic), named by a digest.
A run of a job whose newest generation is still ``running`` resumes that generation (its Kafka
topics and consumer offsets); otherwise it starts the next one, with topics of its own, so a
finished job run again is processed afresh (and, every sink being idempotent, doubles nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .database import Database
from .queries import load_queries

__all__ = ["BackfillJobs", "JobRun"]


@dataclass(frozen=True, slots=True)
class JobRun:
    job_id: str
    generation: int
    resumed: bool


class BackfillJobs:
    def __init__(self, database: Database, sql_dir: Path) -> None:
        self._database = database
        self._queries = load_queries(sql_dir, "backfill")

    async def begin(self, job_id: str, kind: str, source: str, detect: bool) -> JobRun:
        """The run to do now: the newest generation if it is unfinished, else a new one."""
        async with self._database.session(30.0) as connection, connection.transaction():
            latest = await connection.fetchrow(self._queries["latest_run"], job_id)
            if latest is not None and latest["status"] == "running":
                return JobRun(job_id, int(latest["generation"]), resumed=True)
            generation = 1 if latest is None else int(latest["generation"]) + 1
            await connection.execute(
                self._queries["start_run"], job_id, generation, kind, source, detect
            )
        return JobRun(job_id, generation, resumed=False)

    async def count(self, run: JobRun, records: int, rejected: int) -> None:
        async with self._database.session(30.0) as connection:
            await connection.execute(
                self._queries["count_run"], run.job_id, run.generation, records, rejected
            )

    async def finish(self, run: JobRun) -> None:
        async with self._database.session(30.0) as connection:
            await connection.execute(self._queries["finish_run"], run.job_id, run.generation)
