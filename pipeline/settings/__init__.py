"""The one frozen settings object, built from the environment at start-up.

``variables`` names every variable read, ``parsing`` reads typed values, ``loader`` builds the
settings and ``model`` holds the frozen classes. This package imports none of our cores.
"""

from pipeline.errors import SettingsError
from pipeline.settings.loader import load_settings
from pipeline.settings.model import (
    DEVELOPMENT,
    PRODUCTION,
    AnalysisSettings,
    DatabaseSettings,
    IngestSettings,
    JwtSettings,
    KafkaSettings,
    RabbitSettings,
    Settings,
    TemplateSettings,
    WebSettings,
)

__all__ = [
    "DEVELOPMENT",
    "PRODUCTION",
    "AnalysisSettings",
    "DatabaseSettings",
    "IngestSettings",
    "JwtSettings",
    "KafkaSettings",
    "RabbitSettings",
    "Settings",
    "SettingsError",
    "TemplateSettings",
    "WebSettings",
    "load_settings",
]
