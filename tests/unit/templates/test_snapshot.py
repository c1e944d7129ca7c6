from __future__ import annotations

import random

import orjson
import pytest

from pipeline.templates import MinerConfig, ServiceMiners, SnapshotError
from pipeline.templates.ids import template_id
from pipeline.templates.rendering import normalise

MESSAGES = [
    "user alice logged in from 10.0.0.1",
    "user bob logged in from 10.0.0.2",
    "user carol logged in from 10.0.0.3",
    "disk /dev/sda1 at 91%",
    "Link ok",
    "Link error",
]


def test_round_trip_keeps_templates_ids_aliases_and_counters() -> None:
    miners = ServiceMiners()
    first_ids = [miners.mine("a", m).template_id for m in MESSAGES]
    miners.mine("b", "other service 1")
    restored = ServiceMiners.restore(miners.snapshot())
    assert restored.services() == miners.services()
    for service in ("a", "b"):
        assert restored.templates(service) == miners.templates(service)
    assert [restored.resolve("a", t) for t in first_ids] == [
        miners.resolve("a", t) for t in first_ids
    ]
    assert restored.stats == miners.stats
    assert restored.snapshot() == miners.snapshot()


def test_restored_miner_continues_with_the_same_ids() -> None:
    miners = ServiceMiners()
    for message in MESSAGES:
        miners.mine("a", message)
    restored = ServiceMiners.restore(miners.snapshot())
    after = "user dave logged in from 10.0.0.4"
    assert restored.mine("a", after) == miners.mine("a", after)


def test_snapshot_is_versioned_json() -> None:
    miners = ServiceMiners()
    miners.mine("a", "hello 1")
    state = orjson.loads(miners.snapshot())
    assert state["format"] == "pipeline.templates"
    assert state["version"] == 1


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x80\x04pickle",
        b"[]",
        b'{"format": "other", "version": 1}',
        b'{"format": "pipeline.templates", "version": 99, "services": []}',
        b'{"format": "pipeline.templates", "version": 1, "services": [{"service": 1}]}',
        b'{"format": "pipeline.templates", "version": 1, "services": [{"service": "a",'
        b' "templates": [{"id": "x", "text": "t", "shapes": [{"tokens": [1]}]}],'
        b' "aliases": []}]}',
        b'{"format": "pipeline.templates", "version": 1, "services": [{"service": "a",'
        b' "templates": [], "aliases": [], "senders": [7]}]}',
        b'{"format": "pipeline.templates", "version": 1, "services": [{"service": "a",'
        b' "templates": [{"id": "x", "text": "t", "shapes": [{"tokens": ["<*>"],'
        b' "pins": [[0, "<*>"]]}]}], "aliases": []}]}',
        b'{"format": "pipeline.templates", "version": 1, "services": [{"service": "a",'
        b' "templates": [{"id": "x", "text": "t", "shapes": [{"tokens": ["<*>"],'
        b' "seen": "5"}]}], "aliases": []}]}',
        b'{"format": "pipeline.templates", "version": 1, "services": [{"service": "a",'
        b' "templates": [], "aliases": [], "dotted_tails": [["updated", 3]]}]}',
        b'{"format": "pipeline.templates", "version": 1, "services": [{"service": "a",'
        b' "templates": [], "aliases": [], "dotted_tails": "updated"}]}',
    ],
)
def test_bad_snapshots_are_rejected(data: bytes) -> None:
    with pytest.raises(SnapshotError):
        ServiceMiners.restore(data)


def test_restore_into_smaller_bounds_evicts() -> None:
    miners = ServiceMiners()
    for word in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]:
        miners.mine("a", f"{word} happened")
    restored = ServiceMiners.restore(miners.snapshot(), MinerConfig(max_templates_per_service=3))
    assert len(restored.templates("a")) == 3


def test_variadic_templates_survive_a_restore() -> None:
    miners = ServiceMiners()
    miners.mine("a", "delete blk_1 blk_2 blk_3")
    miners.mine("a", "delete blk_4")
    restored = ServiceMiners.restore(miners.snapshot())
    match = restored.mine("a", "delete blk_5 blk_6 blk_7 blk_8")
    assert match.template == "delete <*>"
    assert match == miners.mine("a", "delete blk_5 blk_6 blk_7 blk_8")


def test_measured_templates_survive_a_restore() -> None:
    miners = ServiceMiners()
    miners.mine("a", "conn 1 close, 0 bytes sent, lifetime 00:01")
    miners.mine("a", "conn 2 close, 1190 bytes (1.16 KB) sent, lifetime <1 sec")
    restored = ServiceMiners.restore(miners.snapshot())
    match = restored.mine("a", "conn 3 close, 9 bytes sent, lifetime <1 sec")
    assert match.template == "conn <*> close, <*> sent, lifetime <*>"
    assert match == miners.mine("a", "conn 3 close, 9 bytes sent, lifetime <1 sec")


def test_one_service_round_trips_without_touching_the_others_or_the_counters():
    from pipeline.errors import SnapshotError
    from pipeline.templates import ServiceMiners

    miners = ServiceMiners()
    for value in ("ok", "error", "down", "up"):
        miners.mine("api", f"Link {value}")
    miners.mine("db", "query took 5 ms")
    data = miners.snapshot_service("api")
    assert data is not None and miners.snapshot_service("nope") is None

    fresh = ServiceMiners()
    fresh.mine("db", "query took 5 ms")
    stats = fresh.stats
    assert fresh.restore_service(data) == "api"
    assert "api" in fresh and "db" in fresh
    assert fresh.stats == stats
    assert fresh.templates("api") == miners.templates("api")
    assert (
        fresh.mine("api", "Link flapping").template_id == miners.mine("api", "Link x").template_id
    )

    fresh.forget("api")
    assert "api" not in fresh
    with pytest.raises(SnapshotError):
        fresh.restore_service(miners.snapshot())


def test_snapshot_from_before_constant_text_was_kept_loads_with_its_ids() -> None:
    """Until 2026-12-04 rendering also wrote constant text the Loghub rules correct as ``<*>``
    (``root=`` as ``<*>=``). Such a snapshot loads with its ids; the texts are rendered anew."""
    miners = ServiceMiners()
    miners.mine("geth", "Rebuilt trie database root=32d268..1e99a2")
    state = orjson.loads(miners.snapshot())
    (template,) = state["services"][0]["templates"]
    assert template["text"] == "Rebuilt trie database root=<*>"
    template["text"] = normalise(template["text"])  # as the old rendering wrote it
    template["id"] = old_id = template_id("geth", template["text"])
    assert template["text"] == "Rebuilt trie database <*>=<*>"
    restored = ServiceMiners.restore(orjson.dumps(state))
    match = restored.mine("geth", "Rebuilt trie database root=8b5556..29e2fe")
    assert match.template_id == old_id
    assert restored.template_text("geth", old_id) == "Rebuilt trie database root=<*>"
    again = ServiceMiners.restore(restored.snapshot())
    assert again.mine("geth", "Rebuilt trie database root=e75777..18f09d").template_id == old_id


def _old_template(service: str, text: str, tokens: list[str], **shape: object) -> dict[str, object]:
    return {
        "id": template_id(service, text),
        "text": text,
        "count": 10,
        "shapes": [{"tokens": tokens, "general": [], "folded": [], **shape}],
    }


def test_snapshot_from_before_rounds_78_and_79_keeps_what_it_can() -> None:
    """Templates as round 77's miner saved them (a snapshot taken from it, cut down): a URL
    ending in its port one value, a capitalised ``Null`` a null value kept as a pin. Ids follow
    a template's text: where the text stays, so does the id, even for lines the masks now cut
    otherwise; where the miner now writes the text differently, the lines get the new text's id
    and the old template keeps its own (and ages out)."""
    null_pin = {"seen": 8, "pins": [[0, "<*>", "Null"]]}
    state = {
        "format": "pipeline.templates",
        "version": 1,
        "counters": {},
        "services": [
            {
                "service": "svc",
                "templates": [
                    _old_template(
                        "svc", "Listening on http://<*>", ["Listening", "on", "http://<*>"]
                    ),
                    _old_template(
                        "svc",
                        "Null sink <*> started.",
                        ["<*>", "sink", "<*>", "started."],
                        **null_pin,
                    ),
                    _old_template(
                        "svc",
                        "<*> buf to load.",
                        ["<*>", "buf", "to", "load."],
                        seen=1,
                        pins=[[0, "<*>", "Null"]],
                    ),
                ],
                "aliases": [],
            }
        ],
    }
    state["services"][0]["templates"][1]["shapes"][0]["general"] = [2]  # type: ignore[index]
    miners = ServiceMiners.restore(orjson.dumps(state))
    listening = miners.mine("svc", "Listening on http://host-3.local:9003")
    assert listening.template_id == template_id("svc", "Listening on http://<*>")
    assert not listening.is_new
    first = miners.mine("svc", "Null sink kitchen_a started.")  # a shape of its own at first
    second = miners.mine("svc", "Null sink kitchen_b started.")
    assert second.template_id == template_id("svc", "Null sink <*> started.")
    assert miners.resolve("svc", first.template_id) == second.template_id
    buf = miners.mine("svc", "Null buf to load.")
    assert buf.template == "Null buf to load." and buf.is_new
    assert miners.template_text("svc", template_id("svc", "<*> buf to load.")) is not None


def test_a_snapshot_grows_with_the_templates_not_with_the_square_of_their_length() -> None:
    # The stream saves a service's miner in one changelog value of at most 16 MB compressed
    # (docs/stream.md): state that names every prefix of every long message by its tokens
    # grows with the square of a message's length (an attempt of 2026-12-07 took the stream's
    # large-state miner from 1.7 MB to 23.8 MB). Long messages of random words, each event in
    # three variants at one place, as tests/integration/stream/test_large_state.py mines them.
    rng = random.Random(20)
    miners = ServiceMiners(MinerConfig(max_templates_per_service=1000))
    messages = []
    for _ in range(60):
        words = ["".join(rng.choice("ghijklmnopqrstuvwxyz") for _ in range(8)) for _ in range(120)]
        messages += [" ".join([*words[:60], v, *words[60:]]) for v in ("alpha", "beta", "gamma")]
    for start in range(0, len(messages), 100):
        miners.assign("big", messages[start : start + 100])
    texts = sum(len(text) for text in miners.templates("big").values())
    size = len(miners.snapshot_service("big") or b"")
    assert texts > 60 * 120 * 8
    assert size < 4 * texts, (size, texts)
