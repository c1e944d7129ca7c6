"""Builds the Faust application from the settings; wiring only, no logic.

The app keeps a handle on everything it builds (metrics, database, token verifier, topics; agents,
bridges and sinks as they arrive), so tests and commands reach them through the app rather than
through module globals. Commands are registered by ``pipeline.commands.register_commands``, called
from the entry point, not as a side effect of building the app.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiokafka
import faust
from faust.app.base import BootStrategy
from faust.sensors.prometheus import setup_prometheus_sensors
from faust.types import ServiceT
from faust.types.web import Web as FaustWeb
from mode import Service
from prometheus_client import CollectorRegistry, ProcessCollector

from pipeline import __version__
from pipeline.agents.stopping import give_up_unacked_after
from pipeline.kafka_probe import check_kafka
from pipeline.logging_setup import logging_config, quiet_repeats
from pipeline.metrics import Metrics
from pipeline.settings import Settings
from pipeline.state.partitioner import partition_by_service
from pipeline.stream import StreamParts, attach_stream
from pipeline.topics import Topics, define_topics
from storage.api_reads import ApiReads
from storage.clients import ClientStore
from storage.database import Database
from storage.queries import load_queries
from web.api_views import ApiContext, register_api_views
from web.auth import TokenVerifier
from web.clients import register_client_views
from web.docs_pages import register_docs_views
from web.health import register_health_views
from web.middleware import build_middlewares
from web.openapi import build_spec, register_openapi_view
from web.server import IdleLimitedWeb
from web.static_assets import register_favicon
from web.ui_pages import register_ui_views

# While a broker is away, each kind of Kafka client error is logged once per this many seconds.
REPEATED_LOG_SECONDS = 10.0


class TopicDeclarer(Service):
    """Creates our topics on the broker before the consumer subscribes to them (auto-creation is
    off on the broker, and a consumer that subscribes first logs errors until they exist)."""

    def __init__(self, topics: Topics, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._topics = topics

    async def on_start(self) -> None:
        for topic in self._topics.all():
            await topic.maybe_declare()


class _Boot(BootStrategy):
    def kafka_producer(self) -> list[ServiceT]:
        services = list(super().kafka_producer())
        declarer = getattr(self.app, "topic_declarer", None)
        if services and declarer is not None:
            services.append(declarer)
        return services


class LogAnalysisApp(faust.App):
    """A Faust app that also carries the service's settings and what was built from them."""

    BootStrategy = _Boot

    settings: Settings
    metrics: Metrics
    registry: CollectorRegistry
    database: Database
    api_reads: ApiReads
    verifier: TokenVerifier
    owned_topics: Topics  # `topics` is Faust's conductor
    topic_declarer: TopicDeclarer
    stream_parts: StreamParts  # `stream` is a Faust method

    def _new_web(self) -> FaustWeb:
        # Faust's aiohttp driver with a limit on idle and stalled connections (web/server.py).
        return IdleLimitedWeb(self, idle_timeout_seconds=self.settings.web.idle_timeout_seconds)

    async def on_stop(self) -> None:
        # Faust's wait for its streams to ack what they hold has no end of its own.
        grace = asyncio.ensure_future(
            give_up_unacked_after(self, self.settings.ingest.stop_grace_seconds)
        )
        try:
            await super().on_stop()
        finally:
            grace.cancel()

    async def on_shutdown(self) -> None:
        # After every child (agents included) stopped: they may still write while stopping.
        await super().on_shutdown()
        await self.database.close()
        await self.api_reads.close()
        self.stream_parts.fit_pool.shutdown(wait=False, cancel_futures=True)


def faust_options(settings: Settings, verifier: TokenVerifier, metrics: Metrics) -> dict[str, Any]:
    return {
        "broker": settings.kafka.broker_url,
        "topic_partitions": settings.kafka.topic_partitions,
        "topic_replication_factor": settings.kafka.replication_factor,
        "topic_allow_declare": True,
        "datadir": str(settings.data_dir),
        "store": "memory://",
        "web_enabled": True,
        "web_host": settings.web.host,
        "web_port": settings.web.port,
        "web_bind": settings.web.host,
        # Where other workers send a request about a service this worker owns (table routing).
        **({"canonical_url": settings.web.canonical_url} if settings.web.canonical_url else {}),
        # Faust's table, graph and statistics views expose table data and internals; they stay off,
        # and the auth middleware guards whatever else Faust serves (the router) behind a JWT.
        "web_tables_enabled": False,
        "web_graph_enabled": False,
        "web_stats_enabled": False,
        "web_application_options": {"middlewares": build_middlewares(verifier, metrics)},
        "logging_config": logging_config(settings.log_format, settings.log_level),
        "Worker": "pipeline.faust_worker:Worker",
        "consumer_auto_offset_reset": "earliest",
        "broker_session_timeout": settings.ingest.session_timeout_seconds,
        "broker_heartbeat_interval": max(settings.ingest.session_timeout_seconds / 5, 1.0),
        # Events waiting for an agent: each may be a Kafka message of up to ~1 MB of records.
        "stream_buffer_maxsize": 256,
        "producer_max_request_size": settings.ingest.kafka_message_max_bytes + 64 * 1024,
        # Every record matters more than latency: wait for all in-sync replicas.
        "producer_acks": -1,
        # Kafka's default partitioner on the key up to its first NUL: the chunks of a large
        # state value land in their service's partition (the same as the default otherwise).
        "producer_partitioner": partition_by_service,
        "autodiscover": False,
    }


def create_app(settings: Settings, **overrides: Any) -> LogAnalysisApp:
    """The app for ``settings``; ``overrides`` are extra Faust settings (tests use them)."""
    quiet_repeats(aiokafka, REPEATED_LOG_SECONDS)
    registry = CollectorRegistry()
    # process_resident_memory_bytes, process_cpu_seconds_total, ...: what `bench` watches.
    ProcessCollector(registry=registry)
    metrics = Metrics.create(registry)
    verifier = TokenVerifier(settings.jwt)
    options = faust_options(settings, verifier, metrics) | overrides
    app = LogAnalysisApp(settings.app_id, **options)
    app.settings = settings
    app.metrics = metrics
    app.registry = registry
    app.verifier = verifier
    app.database = database = Database(
        settings.database.url, settings.database.pool_min, settings.database.pool_max
    )
    setup_prometheus_sensors(app, pattern="/metrics", registry=registry, name_prefix="faust")
    app.owned_topics = define_topics(app, settings.kafka)
    app.topic_declarer = TopicDeclarer(app.owned_topics, beacon=app.beacon)
    app.stream_parts = attach_stream(app, settings, metrics, database, app.owned_topics)
    ping = load_queries(settings.sql_dir, "health")["ping"]
    register_health_views(
        app,
        settings.app_id,
        __version__,
        {
            "postgresql": lambda: database.fetchval(ping),
            "kafka": lambda: check_kafka(app.producer),
            "rabbitmq": app.stream_parts.check_rabbitmq,
            "state": lambda: app.stream_parts.check_state(app),
        },
    )
    app.api_reads = ApiReads(
        settings.database.url,
        settings.sql_dir,
        settings.web.api_pool_max,
        settings.web.api_statement_timeout_ms,
    )
    detectors = app.stream_parts.detectors
    register_api_views(
        app,
        ApiContext(
            app.api_reads,
            settings.analysis.window_seconds,
            detectors.live_windows,
            detectors.live_services,
            routing_table=app.stream_parts.detector_state,
        ),
    )
    register_openapi_view(app, build_spec(__version__))
    register_docs_views(app)
    register_ui_views(app)
    register_favicon(app)
    register_client_views(app, ClientStore(database, settings.sql_dir), settings, metrics)
    return app
