"""Counters of the miner, exposed as an immutable snapshot for metrics exporters."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True, slots=True)
class MinerStats:
    """Monotonic counters since the miner state was created (restored state keeps its counts)."""

    messages: int = 0
    templates_created: int = 0
    generalisations: int = 0
    # Templates that became identical after generalising and were folded into one.
    merges: int = 0
    cache_hits: int = 0
    # Messages whose digits alone differed from an earlier message's (see ServiceMiner).
    pattern_hits: int = 0
    multiline_messages: int = 0
    # Bounds that were hit, one counter per kind.
    truncated_messages: int = 0
    truncated_tokens: int = 0
    long_tokens: int = 0
    dropped_parameters: int = 0
    capped_shapes: int = 0
    evicted_templates: int = 0
    evicted_services: int = 0
    evicted_aliases: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


class Counters:
    """The mutable twin of MinerStats, shared by all service miners of one ServiceMiners."""

    __slots__ = tuple(f.name for f in fields(MinerStats))

    def __init__(self, initial: dict[str, int] | None = None) -> None:
        for name in self.__slots__:
            setattr(self, name, 0)
        for name, value in (initial or {}).items():
            if name in self.__slots__ and isinstance(value, int):
                setattr(self, name, value)

    def freeze(self) -> MinerStats:
        return MinerStats(**{name: getattr(self, name) for name in self.__slots__})

    # Declared for type checkers; real storage is the slots set in __init__.
    messages: int
    templates_created: int
    generalisations: int
    merges: int
    cache_hits: int
    pattern_hits: int
    multiline_messages: int
    truncated_messages: int
    truncated_tokens: int
    long_tokens: int
    dropped_parameters: int
    capped_shapes: int
    evicted_templates: int
    evicted_services: int
    evicted_aliases: int
