"""Thirty-fourth round: a hash algorithm or text codec named with its digits (``SHA256``,
``base64``, ``cp1252``), from the platform's own tables, is a word of the template, not an
``id`` value; other words with digits (``node123``) stay values.
"""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.masking import Masker
from tests.unit.templates.conftest import mine_all


def test_a_hash_or_codec_name_is_not_masked() -> None:
    masker = Masker()
    for token in ("SHA256", "sha512", "base64", "cp1252", "(sha384),", "UTF16:"):
        assert masker.mask_token(token) == (token, ())


def test_a_word_with_digits_that_names_nothing_is_still_a_value() -> None:
    masker = Masker()
    for token in ("node123", "host42", "ms500"):
        assert masker.mask_token(token)[0] == "<*>"


def test_the_algorithm_stays_in_the_template() -> None:
    messages = [
        "Checksum SHA256 mismatch for parcel 17",
        "Checksum SHA256 mismatch for parcel 23",
        "Checksum SHA256 mismatch for parcel 5",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert set(texts) == {"Checksum SHA256 mismatch for parcel <*>"}
