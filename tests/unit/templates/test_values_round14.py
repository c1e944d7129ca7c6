"""Fourteenth round: the object a message is about, printed in front of it and then ``: ``
(rclone's ``fs.Debugf(o, ...)``), is a value (subjects.py): a path or a word with a value in it
after ``min_distinct_words`` of them, and a front of several words once the service prints
such subjects and the same rest followed fronts with other first words."""

from __future__ import annotations

import orjson

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.tokens import is_subject
from tests.unit.templates.conftest import assert_matches, mine_all

_PATHS = ["docs/maple-893.pdf", "media/video/vega-571", "music/albums/gamma-831.jpg"]
_FS = ["S3 bucket backups", "Azure container logs", "Local file system at /srv/backup"]
_REST = "Sending accumulated directory entries to disk"


def _subjects_printed(miners: ServiceMiners) -> None:
    """Messages that show the service prints objects in front (paths, one token each)."""
    mine_all(miners, [f"{path}: retrying." for path in _PATHS])


def test_paths_in_front_of_one_message_are_a_value(miners: ServiceMiners) -> None:
    messages = [f"{path}: Destination exists, skipping" for path in _PATHS]
    assert set(mine_all(miners, messages)) == {"<*>: Destination exists, skipping"}


def test_two_paths_are_no_evidence_yet(miners: ServiceMiners) -> None:
    messages = [f"{path}: Destination exists, skipping" for path in _PATHS[:2]]
    assert len(set(mine_all(miners, messages))) == 2


def test_a_call_in_front_is_no_subject() -> None:
    assert is_subject("docs/a-<*>.pdf:")
    assert is_subject("worker-<*>:")
    assert not is_subject("GetBranch[<*>]:")
    assert not is_subject("hook(<*>):")
    assert not is_subject("iclouddrive:")


def test_fronts_of_words_stay_where_no_subjects_were_printed(miners: ServiceMiners) -> None:
    # collectd's "ceph plugin: ...": constant senders' names, each with its own events.
    messages = [f"{front}: {_REST}" for front in _FS]
    assert len(set(mine_all(miners, messages))) == 3


def test_fronts_of_words_are_subjects_once_the_service_prints_them(
    miners: ServiceMiners,
) -> None:
    _subjects_printed(miners)
    messages = [f"{front}: {_REST}" for front in _FS]
    assert set(mine_all(miners, messages)) == {f"<*>: {_REST}"}
    for message in messages:
        assert_matches(f"<*>: {_REST}", message, miners.config)


def test_the_subject_is_one_value_of_its_whole_text(miners: ServiceMiners) -> None:
    _subjects_printed(miners)
    for front in _FS[:2]:
        miners.mine("svc", f"{front}: {_REST}")
    match = miners.mine("svc", f"{_FS[2]}: {_REST}")
    assert match.template == f"<*>: {_REST}"
    assert match.parameters[0] == ("", _FS[2])


def test_fronts_that_share_their_first_word_are_a_label(miners: ServiceMiners) -> None:
    _subjects_printed(miners)
    messages = [
        f"Tablet {tablet}: Previous leader failed, marking the tserver as leader"
        for tablet in ["d4bea97", "b6fddff", "eccf3bc"]
    ]
    assert all(text.startswith("Tablet ") for text in mine_all(miners, messages))


def test_a_short_error_after_fronts_stays_a_value(miners: ServiceMiners) -> None:
    _subjects_printed(miners)
    messages = [f"{head}: context canceled" for head in ["Failed to read", "Cannot open file"]]
    assert not any(text.startswith("<*>:") for text in mine_all(miners, messages))


def test_subjects_survive_a_restore(miners: ServiceMiners) -> None:
    _subjects_printed(miners)
    mine_all(miners, [f"{front}: {_REST}" for front in _FS[:2]])
    restored = ServiceMiners.restore(miners.snapshot(), miners.config)
    match = restored.mine("svc", f"Google drive root 'archive': {_REST}")
    assert match.template == f"<*>: {_REST}"
    again = ServiceMiners.restore(restored.snapshot(), miners.config)
    assert again.mine("svc", f"{_FS[0]}: {_REST}").template_id == match.template_id


def test_a_snapshot_without_subjects_loads(miners: ServiceMiners) -> None:
    _subjects_printed(miners)
    state = orjson.loads(miners.snapshot())
    for service in state["services"]:
        del service["prints_subjects"], service["subject_rests"]
    restored = ServiceMiners.restore(orjson.dumps(state), MinerConfig())
    assert restored.mine("svc", "docs/x-1.pdf: retrying.").template == "<*>: retrying."
