"""The Faust worker class the service runs (Faust's ``Worker`` setting).

Faust's own worker, at ``--loglevel`` WARN or above (its default), shows a terminal spinner and,
so that the spinner turns on every log record, sets the root logger to DEBUG. Every library's
debug call then builds a record that no handler prints: aiormq logs each AMQP frame, aiokafka
each fetch, which cost about 2% of a loaded worker's CPU (py-spy, `bench -n 300000`). This
worker keeps the root logger at LOG_LEVEL and shows no spinner.
"""

from __future__ import annotations

import logging

import faust


class Worker(faust.Worker):
    def on_setup_root_logger(self, logger: logging.Logger, level: int) -> None:
        self.spinner = None
