from datetime import UTC, datetime

from pipeline.client.dead_letters import format_overview, plan_resend
from storage.dead_letter_reader import LetterSummary, ReasonCount, StoredPayload

AT = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


def stored(letter_id: int, truncated: bool = False) -> StoredPayload:
    return StoredPayload(letter_id, "bridge", "invalid JSON", -1, truncated, b'{"a": 1}')


def test_each_id_is_sent_once_in_the_order_asked_and_the_rest_say_why():
    plan = plan_resend([5, 2, 5, 7, 9], [stored(2), stored(5), stored(7, truncated=True)])
    assert [letter.id for letter in plan.send] == [5, 2]
    assert plan.refused == [
        (7, "only the first 8 bytes of it were kept"),
        (9, "no such dead letter"),
    ]


def test_the_overview_counts_by_stage_and_reason_then_lists_the_newest():
    text = format_overview(
        [ReasonCount("bridge", "invalid JSON", 12, AT), ReasonCount("storage", "too long", 1, AT)],
        [LetterSummary(40, "storage", "too long", "message", "q", 3, 9000, True, AT)],
    )
    lines = text.splitlines()
    assert lines[1].split() == ["12", "bridge", "2026-12-02T08:00:00+00:00", "invalid", "JSON"]
    assert lines[-1].split()[:4] == ["40", "2026-12-02T08:00:00+00:00", "storage", "9000"]
    assert lines[-1].endswith("too long (message) [kept in part]")


def test_no_letters_say_so():
    assert format_overview([], []) == "no dead letters"
