"""A minimal Faust app for the recovery test: one agent, one tumbling-windowed table.

Run as `python -m tests.integration.pipeline.recovery_app worker`; configured by environment so
each test run uses its own app id, topic and port.
"""

import os
from datetime import timedelta

import faust

# One window covering the whole test, so the count cannot straddle a window boundary.
WINDOW = timedelta(days=1)

app = faust.App(
    os.environ["RECOVERY_APP_ID"],
    broker="kafka://" + os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
    store="memory://",
    topic_partitions=1,
    web_host="127.0.0.1",
    web_bind="127.0.0.1",
    web_port=int(os.environ["RECOVERY_WEB_PORT"]),
    datadir=os.environ["RECOVERY_DATADIR"],
    consumer_auto_offset_reset="earliest",
    # A SIGKILLed member is only dropped after the session timeout; keep it short so the
    # restarted worker is assigned the partitions quickly.
    broker_session_timeout=10,
    broker_heartbeat_interval=2,
    broker_commit_interval=1.0,
    autodiscover=False,
)
topic = app.topic(
    os.environ["RECOVERY_TOPIC"], value_type=bytes, value_serializer="raw", partitions=1
)
counts = app.Table("counts", default=int, partitions=1).tumbling(WINDOW, expires=timedelta(days=2))


@app.agent(topic)
async def count(stream: faust.StreamT[bytes]) -> None:
    async for value in stream:
        counts[value.decode()] += 1


@app.page("/counts/{key}")
async def get_count(
    web: faust.web.View, request: faust.web.Request, key: str
) -> faust.web.Response:
    return web.json({"key": key, "count": counts[key].now()})


if __name__ == "__main__":
    app.main()
