"""Twenty-eighth round: a time or duration with a fraction finer than milliseconds
(``00:03:45.0152610``, a TimeSpan; ``0:00:08.000000``, a timedelta) is one value, its unit
with it (masking, _ONE_TIME); an exception of a namespace in capitals (.NET's
``System.IO.IOException: Disk full``) is one value inside a message as a Java one is
(errtexts._THROWN), and a full stop ending the message after its message is the message's
(tokenising, _SENTENCE_MESSAGE); a name in lower camel case with digits glued to its
brackets (``fetchS3ObjectV2(...)``) is a method's, not an id (masking, _CAMEL_NAME).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import WILDCARD, Masker
from tests.unit.templates.conftest import mine_all


def test_a_timespan_is_one_value() -> None:
    masked, values = Masker().mask_token("00:03:45.0152610")
    assert masked == WILDCARD
    assert [value for _, value in values] == ["00:03:45.0152610"]


def test_a_timespan_with_its_unit_and_a_comma_is_one_value() -> None:
    masked, values = Masker().mask_token("00:13:34.4561323ms,")
    assert masked == f"{WILDCARD},"
    assert [value for _, value in values] == ["00:13:34.4561323ms"]


def test_a_timedelta_before_a_colon_is_one_value() -> None:
    masked, _ = Masker().mask_token("0:00:08.000000:")
    assert masked == f"{WILDCARD}:"


def test_a_time_of_day_or_milliseconds_stays_field_by_field() -> None:
    assert Masker().mask_token("07:57:30")[0] == f"{WILDCARD}:{WILDCARD}:{WILDCARD}"
    assert Masker().mask_token("18:01:47,978")[0] == f"{WILDCARD}:{WILDCARD}:{WILDCARD},{WILDCARD}"
    assert Masker().mask_token("18:01:47.978")[0] == f"{WILDCARD}:{WILDCARD}:{WILDCARD}.{WILDCARD}"


def test_an_event_with_a_timespan_reads_as_written() -> None:
    templates = mine_all(
        ServiceMiners(),
        [
            "Sync of ledger took 00:03:45.0152610",
            "Sync of ledger took 00:00:02.5000000",
            "Sync of ledger took 01:12:09.9912345",
        ],
    )
    assert set(templates) == {f"Sync of ledger took {WILDCARD}"}


def test_a_dotnet_exception_inside_a_message_is_one_value() -> None:
    templates = mine_all(
        ServiceMiners(),
        [
            "Could not flush shard 4, System.IO.IOException: Disk quota exceeded, will retry",
            "Could not flush shard 9, System.IO.IOException: Disk quota exceeded, will retry",
            "Could not flush shard 2, Contoso.Store.LockTimeoutException: Lock held, will retry",
        ],
    )
    assert set(templates) == {f"Could not flush shard {WILDCARD}, {WILDCARD}, will retry"}


def test_a_full_stop_after_a_dotnet_exception_message_is_the_messages() -> None:
    templates = mine_all(
        ServiceMiners(),
        [
            "Dropping page 4 of index: System.TimeoutException: The wait timed out.",
            "Dropping page 7 of index: System.TimeoutException: The wait timed out.",
            "Dropping page 2 of index: System.TimeoutException: The wait timed out.",
        ],
    )
    assert set(templates) == {f"Dropping page {WILDCARD} of index: {WILDCARD}"}


def test_a_full_stop_after_a_java_exception_stays_the_formats() -> None:
    templates = mine_all(
        ServiceMiners(),
        [
            "Dropping page 4 of index: java.io.IOException: wait timed out.",
            "Dropping page 7 of index: java.io.IOException: wait timed out.",
            "Dropping page 2 of index: java.io.IOException: wait timed out.",
        ],
    )
    assert set(templates) == {f"Dropping page {WILDCARD} of index: {WILDCARD}."}


def test_a_camel_case_name_with_digits_before_brackets_is_a_call() -> None:
    masked, values = Masker().mask_token("fetchS3ObjectV2(path=/srv/a)")
    assert masked == f"fetchS3ObjectV2(path={WILDCARD})"
    assert [value for _, value in values] == ["/srv/a"]


def test_traces_of_methods_with_digits_in_their_names_stay_apart() -> None:
    messages = ["<== flushAll()"] * 6 + [
        "<== fetchS3ObjectV2(path=/srv/a)",
        "<== readUtf8HeaderV2(opts)",
    ]
    templates = mine_all(ServiceMiners(), messages)
    assert templates[0] == "<== flushAll()"
    assert templates[-2] == f"<== fetchS3ObjectV2(path={WILDCARD})"
