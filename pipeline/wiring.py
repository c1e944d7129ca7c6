"""Maps the operator's settings onto the pure cores' own configs.

Kept out of ``pipeline.settings`` so that reading the configuration never imports the cores (and
with them river, numpy and scikit-learn).
"""

from __future__ import annotations

from pipeline.analysis.config import AnalysisConfig
from pipeline.settings import AnalysisSettings, TemplateSettings
from pipeline.templates.config import MinerConfig


def analysis_config(settings: AnalysisSettings) -> AnalysisConfig:
    """The analysis core's config for the stream service.

    Isolation Forest refits never run inline in the service: a refit takes long enough to stall
    every agent on the event loop, so the stream runs them in a thread (``take_refits``).
    """
    return AnalysisConfig(
        window_seconds=settings.window_seconds,
        allowed_lateness_seconds=float(settings.allowed_lateness_seconds),
        max_future_seconds=float(settings.max_future_seconds),
        threshold=settings.anomaly_threshold,
        max_services=settings.max_services,
        refit_inline=False,
    )


def miner_config(settings: TemplateSettings) -> MinerConfig:
    return MinerConfig(
        max_tokens=settings.max_tokens,
        max_templates_per_service=settings.max_templates_per_service,
        max_services=settings.max_services,
        extra_masks=settings.extra_masks,
    )
