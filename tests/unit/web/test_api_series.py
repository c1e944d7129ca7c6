"""GET /api/v1/services/{name}/series on an in-memory read model: the bucket it answers in,
stored buckets joined with the owning worker's live windows, 404 and 422 in the envelope."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

import faust
from aiohttp.test_utils import TestClient, TestServer

from pipeline.insights.live import LiveWindow
from storage.api_reads import ApiReads
from tests.unit.web.server import aiohttp_app
from web.api_views import ApiContext, register_api_views

NOW = datetime(2026, 12, 3, 12, 0, 30, tzinfo=UTC).timestamp()


class FakeReads:
    """The two reads the series makes, answering from fixed rows; remembers what was asked."""

    def __init__(self, rows: list[dict[str, Any]], known: bool = True) -> None:
        self.rows = rows
        self.known = known
        self.asked: list[tuple[Any, ...]] = []

    async def fetch(self, name: str, *args: Any) -> list[dict[str, Any]]:
        assert name == "service_series"
        self.asked.append(args)
        return self.rows

    async def fetchval(self, name: str, *args: Any) -> Any:
        assert name == "service_known"
        return self.known


def stored(minute: int, volume: int, *kinds: str) -> dict[str, Any]:
    """A stored one-window bucket ``minute`` minutes before NOW's minute."""
    start = datetime.fromtimestamp(NOW - NOW % 60 - minute * 60, UTC)
    return {
        "bucket": start,
        "windows": 1,
        "volume": volume,
        "errors": 1,
        "max_score": 0.5,
        "anomalous_windows": 1 if kinds else 0,
        "anomaly_kinds": list(kinds),
        "newest": start,
    }


async def get(reads: FakeReads, live: list[LiveWindow] | None, query: str) -> tuple[int, Any]:
    """The answer of a worker that owns no partition table (no routing), with these reads."""
    app = faust.App(f"series-test-{id(reads)}", autodiscover=False)
    ctx = ApiContext(cast(ApiReads, reads), 60, lambda _name: live, lambda: [], now=lambda: NOW)
    register_api_views(app, ctx)
    async with TestClient(TestServer(aiohttp_app(app))) as client:
        response = await client.get(f"/api/v1/services/checkout/series?{query}")
        return response.status, await response.json()


async def test_live_windows_after_the_newest_stored_one_join_the_series() -> None:
    minute = NOW - NOW % 60
    reads = FakeReads([stored(10, 100), stored(2, 30, "error_rate")])
    live = [
        LiveWindow(minute - 120, minute - 60, 30, 1, (), True, 0.5),  # stored already
        LiveWindow(minute - 60, minute, 20, 0, (), True, 0.9),
        LiveWindow(minute, minute + 60, 5, 5, (), False),
    ]
    status, body = await get(reads, live, "range=15m")
    assert status == 200 and body["status_code"] == 200
    data = body["data"]
    assert (data["service_name"], data["bucket_seconds"]) == ("checkout", 60)
    assert data["end_time"] == "2026-12-03T12:00:30Z"
    items = data["items"]
    assert [i["volume"] for i in items] == [100, 30, 20, 5]
    assert [i["open"] for i in items] == [False, False, False, True]
    assert items[1]["anomaly_kinds"] == ["error_rate"] and items[-1]["error_rate"] == 100.0
    (asked,) = reads.asked
    assert asked[1:] == (
        datetime.fromtimestamp(NOW - 900, UTC),
        datetime.fromtimestamp(NOW, UTC),
        60,
    )


async def test_an_unknown_service_is_404_and_too_many_buckets_422() -> None:
    status, body = await get(FakeReads([], known=False), None, "range=1h")
    assert status == 404 and body["data"] is None
    status, body = await get(FakeReads([]), [], "range=7d&bucket=1m")
    assert status == 422
    assert [d["field"] for d in body["details"]] == ["bucket"]
    status, body = await get(FakeReads([]), [], "range=1h&page=2")
    assert status == 422 and body["details"] == [{"field": "page", "reason": "unknown parameter"}]
