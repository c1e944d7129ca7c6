"""Online log template mining: masking, clustering into templates, stable ids. Pure, no IO.

Public API::

    miners = ServiceMiners(MinerConfig())
    match = miners.mine("api", "user 42 logged in")   # TemplateMatch
    assigned = miners.assign("api", messages)           # many at once, without parameters
    miners.resolve("api", old_id)                       # follow generalisation aliases
    data = miners.snapshot(); ServiceMiners.restore(data)
"""

from pipeline.errors import SnapshotError
from pipeline.templates.config import MinerConfig
from pipeline.templates.miner import Assigned
from pipeline.templates.model import TemplateMatch
from pipeline.templates.service_miners import ServiceMiners
from pipeline.templates.stats import MinerStats

__all__ = [
    "Assigned",
    "MinerConfig",
    "MinerStats",
    "ServiceMiners",
    "SnapshotError",
    "TemplateMatch",
]
