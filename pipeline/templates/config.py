"""Configuration of the template miner: every bound and option in one frozen dataclass."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MinerConfig:
    """Options and bounds shared by every per-service miner.

    The defaults suit a stream service: a few hundred templates per service is normal, and the
    bounds only exist so that a misbehaving producer cannot exhaust memory.
    """

    # Messages longer than this are cut before masking: masking is linear in the length, and
    # nothing after the first 8 KiB of a log line helps to identify its template.
    max_message_chars: int = 8192
    # Tokens beyond this position are folded into one trailing <*> parameter.
    max_tokens: int = 128
    # A single token longer than this is treated as a variable (base64 blobs, dumps), which also
    # bounds the memory of one template to about max_tokens * max_token_chars characters.
    max_token_chars: int = 256
    # Token sequences kept per template: a template of lists of varying length keeps one per
    # length seen, up to this many (bounded memory per template).
    max_shapes_per_template: int = 16
    # At most this many parameters are reported per message; the rest are dropped (counted).
    max_parameters: int = 64
    max_templates_per_service: int = 2000
    max_services: int = 10_000
    # Generalisation aliases (old id -> new id) kept per service, oldest dropped first.
    max_aliases_per_service: int = 20000
    # Exact-message cache shared by all services: repeated messages skip masking and matching.
    max_cached_messages: int = 20000
    max_cached_message_chars: int = 512
    # Fraction of a template's tokens a message must share to join it (Drain's "st").
    similarity_threshold: float = 0.5
    # Messages that differ from a template only in plain words ("Link ok" / "Link error") form
    # separate templates until the differing words took this many distinct values; then the
    # position is a variable and the siblings merge. UPPER_CASE words do only after
    # min_distinct_upper_states inside a message, Capitalised ones after min_distinct_states,
    # and both as plain words at the end of a message (a state reported last).
    min_distinct_words: int = 3
    # A Capitalised word in the middle of a message that took this many distinct words of one
    # case, where nothing else but labels' values differs, is a state printed by one call
    # (``state was: Failed,`` / ``Succeeded,``): a variable after all; 0: never (nor UPPER_CASE).
    min_distinct_states: int = 5
    # The same for UPPER_CASE states (``RUNNING`` / ``FAILED``, ``GET`` / ``PUT``): an enum's
    # name or a protocol's word printed by ``%s``, where a Capitalised word inside a sentence
    # is more often a noun of the format (``for Chapter <*>`` / ``for Series <*>``); 0: never.
    min_distinct_upper_states: int = 4
    # A head ending in ":" seen before this many different tails, one holding a value of its
    # own (one more when all are plain words), ends in free text: its templates become one
    # whose tail is a variable of any length (tails.py).
    min_distinct_tails: int = 3
    # Masked text that this many distinct messages of a template had alike is constant text
    # (FoundationDB's closing "/>", Fluentd's "#0"), shown as written (constants.py); 0: never.
    # Repeats of one message count only for small numbers and null ids; a name quoted after a
    # key needs constants.KEYED_FACTOR times as many.
    min_constant_messages: int = 5
    # Extra masks applied before the built-in ones: (regex, name) pairs.
    extra_masks: tuple[tuple[str, str], ...] = ()
    # Names of built-in masks to switch off (see masking.BUILTIN_MASKS).
    disabled_masks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        positive = {
            "max_message_chars": self.max_message_chars,
            "max_tokens": self.max_tokens,
            "max_token_chars": self.max_token_chars,
            "max_templates_per_service": self.max_templates_per_service,
            "max_services": self.max_services,
            "max_shapes_per_template": self.max_shapes_per_template,
        }
        for name, value in positive.items():
            if value < 1:
                raise ValueError(f"{name} must be >= 1, got {value}")
        for name, value in {
            "max_parameters": self.max_parameters,
            "max_aliases_per_service": self.max_aliases_per_service,
            "max_cached_messages": self.max_cached_messages,
            "max_cached_message_chars": self.max_cached_message_chars,
        }.items():
            if value < 0:
                raise ValueError(f"{name} must be >= 0, got {value}")
        if self.min_distinct_words < 2:
            raise ValueError("min_distinct_words must be >= 2")
        if self.min_constant_messages == 1 or self.min_constant_messages < 0:
            raise ValueError("min_constant_messages must be 0 (off) or >= 2")
        if self.min_distinct_states == 1 or self.min_distinct_states < 0:
            raise ValueError("min_distinct_states must be 0 (off) or >= 2")
        if self.min_distinct_upper_states == 1 or self.min_distinct_upper_states < 0:
            raise ValueError("min_distinct_upper_states must be 0 (off) or >= 2")
        if self.min_distinct_tails < 2:
            raise ValueError("min_distinct_tails must be >= 2")
        if not 0.0 < self.similarity_threshold <= 1.0:
            raise ValueError("similarity_threshold must be in (0, 1]")
