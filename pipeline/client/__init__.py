"""Clients of the running service: ``send`` publishes logs to its RabbitMQ queue and ``bench``
measures how fast records travel from that queue into PostgreSQL.

Modules: ``inputs`` (JSON text from arguments and JSON-lines files, pure), ``publisher``
(publisher-confirmed publishing with a bounded number of unconfirmed messages), ``send``,
``records_generator`` (synthetic records, pure), ``stored`` (counting a bench run's rows),
``bench`` (publish phase, wait phase, summary) and ``progress`` (a bar on a terminal only).
``pipeline.commands`` parses the options and calls :func:`send.send_messages` and
:func:`bench.run_bench`.
"""
