"""The benchmark corpus of real logging calls: lines match their truth, splits stay apart."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.templates import MinerConfig
from tests.bench import logcall_corpus
from tests.bench.logcall_corpus import SYSTEMS, build_event, generate, kind_of
from tests.unit.templates.conftest import assert_matches


def test_the_splits_are_apart_and_each_holds_four_systems_of_several_languages() -> None:
    tuning = {s.name for s in SYSTEMS.values() if s.split == "tuning"}
    held_out = {s.name for s in SYSTEMS.values() if s.split == "held-out"}
    assert len(tuning) == len(held_out) == 4 and not tuning & held_out
    for split in ("tuning", "held-out"):
        languages = {s.language for s in SYSTEMS.values() if s.split == split}
        assert {"go", "c"} <= languages and len(languages) == 3
    fresh = {s.name for s in SYSTEMS.values() if s.split == "fresh"}
    assert fresh and not fresh & (tuning | held_out)
    unseen = {s.name for s in SYSTEMS.values() if s.split == "unseen"}
    assert len(unseen) == 4 and not unseen & (tuning | held_out | fresh)
    assert {s.language for s in SYSTEMS.values() if s.split == "unseen"} == {
        "c",
        "go",
        "java",
        "python",
    }
    assert set(logcall_corpus.SPLITS) == {s.split for s in SYSTEMS.values()}


@pytest.mark.parametrize("name", sorted(s.name for s in SYSTEMS.values() if s.split == "unseen"))
def test_every_unseen_system_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    pairs = list(generate(SYSTEMS[name]))
    assert len(pairs) == logcall_corpus.LINES
    assert len({truth for _, truth in pairs}) >= logcall_corpus.EVENTS - 10
    config = MinerConfig()
    for line, truth in pairs:
        assert line and "\n" not in line and "  " not in line
        assert_matches(truth, line, config)


@pytest.mark.parametrize("name", sorted(SYSTEMS))
def test_every_line_matches_its_truth_and_the_events_are_as_many_as_asked(name: str) -> None:
    pairs = list(generate(SYSTEMS[name], lines=600, events=60, seed=3))
    assert len(pairs) == 600
    truths = {truth for _, truth in pairs}
    # Two calls may print the same text once values are masked; nearly all stay apart.
    assert 50 <= len(truths) <= 60
    config = MinerConfig()
    for line, truth in pairs:
        assert "\n" not in line and "  " not in line
        assert_matches(truth, line, config)


def test_the_same_seed_gives_the_same_lines_and_another_seed_other_ones() -> None:
    system = SYSTEMS["gitea"]
    first = list(generate(system, lines=200, events=40, seed=5))
    assert first == list(generate(system, lines=200, events=40, seed=5))
    assert first != list(generate(system, lines=200, events=40, seed=6))


def test_values_follow_what_their_argument_is() -> None:
    import random

    rng = random.Random(1)
    assert kind_of("err", rng) == "error"
    assert kind_of("len(repos)", rng) == "number"
    assert kind_of("cw.localID.String()", rng) == "id"
    assert kind_of("endpoints", rng) == "list"
    assert kind_of("pod.Status.Phase", rng) == "state"
    assert kind_of("filepath", rng) == "path"


def test_structured_calls_render_as_the_logger_prints_them() -> None:
    import random

    rng = random.Random(2)
    zap = {
        "style": "structured",
        "format": "failed to open WAL",
        "keys": ["error", "took"],
        "fieldtypes": ["Error", "Duration"],
        "args": ["err", "time.Since(start)"],
    }
    pieces = build_event(zap, SYSTEMS["etcd"], rng).render(rng, SYSTEMS["etcd"])
    assert logcall_corpus.truth_of(pieces) == 'failed to open WAL {"error":"<*>","took":"<*>"}'
    klog = {
        "style": "structured",
        "format": "Failed to stop container",
        "keys": ["err", "containerID", "attempt"],
        "args": ["err", "id", "n"],
    }
    pieces = build_event(klog, SYSTEMS["kubelet"], rng).render(rng, SYSTEMS["kubelet"])
    assert logcall_corpus.truth_of(pieces) == (
        '"Failed to stop container" err="<*>" containerID="<*>" attempt=<*>'
    )
    logrus = {
        "style": "printf",
        "format": "failed to drain exec process %s io",
        "verbs": ["%s"],
        "args": ["e.id"],
        "keys": ["error"],
        "key_args": ["err"],
    }
    pieces = build_event(logrus, SYSTEMS["containerd"], rng).render(rng, SYSTEMS["containerd"])
    assert logcall_corpus.truth_of(pieces) == (
        'msg="failed to drain exec process <*> io" error=<*>'
    )
    line = "".join(text for text, _ in pieces)
    assert line.startswith('msg="failed to drain exec process ')


def test_write_lays_out_the_files_as_the_loghub_samples(tmp_path: Path) -> None:
    logcall_corpus.write(tmp_path, seed=1, splits=("held-out",))
    folders = sorted(p.name for p in (tmp_path / "held-out").iterdir())
    assert folders == sorted(s.name for s in SYSTEMS.values() if s.split == "held-out")
    assert not (tmp_path / "tuning").exists()
    name = folders[0]
    with open(tmp_path / "held-out" / name / f"{name}_2k.log_structured_corrected.csv") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == logcall_corpus.LINES and set(rows[0]) >= {"Content", "EventTemplate"}


def test_slog_and_hclog_quote_values_by_their_own_rules() -> None:
    import random

    rng = random.Random(4)
    slog = {
        "style": "structured",
        "format": "Error loading config",
        "keys": ["file", "err"],
        "args": ["absPath", "err"],
        "file": "cmd/prometheus/main.go",
    }
    pieces = build_event(slog, SYSTEMS["prometheus"], rng).render(rng, SYSTEMS["prometheus"])
    assert logcall_corpus.truth_of(pieces) == 'msg="Error loading config" file=<*> err=<*>'
    hclog = {
        "style": "structured",
        "format": "failed to transfer leadership",
        "keys": ["attempt", "error"],
        "args": ["i", "err"],
        "file": "agent/consul/leader.go",
    }
    pieces = build_event(hclog, SYSTEMS["consul"], rng).render(rng, SYSTEMS["consul"])
    assert logcall_corpus.truth_of(pieces) == (
        "agent.consul: failed to transfer leadership: attempt=<*> error=<*>"
    )
    assert logcall_corpus._quote("a b", "hclog", SYSTEMS["consul"]) == [('"a b"', True)]
    assert logcall_corpus._quote("10.0.0.1:8300", "hclog", SYSTEMS["consul"]) == [
        ("10.0.0.1:8300", True)
    ]
    assert logcall_corpus._quote("a,b", "slog", SYSTEMS["prometheus"]) == [("a,b", True)]
    assert logcall_corpus._quote("a,b", "hclog", SYSTEMS["consul"]) == [('"a,b"', True)]


def test_arguments_the_source_spells_out_take_only_those_values() -> None:
    import random

    rng = random.Random(5)
    call = {
        "format": "Opened %s%s socket fd=%d",
        "verbs": ["%s", "%s", "%d"],
        "args": ['type == SOCK_DGRAM ? "UDP" : "TCP"', '"v4"', "sock_fd"],
        "arg_values": [["UDP", "TCP"], ["v4"], None],
    }
    event = build_event(call, SYSTEMS["chrony"], rng)
    lines = {"".join(t for t, _ in event.render(rng, SYSTEMS["chrony"])) for _ in range(40)}
    assert all(
        line.startswith(("Opened UDPv4 socket fd=", "Opened TCPv4 socket fd=")) for line in lines
    )
    assert any("UDP" in line for line in lines) and any("TCP" in line for line in lines)
    pieces = event.render(rng, SYSTEMS["chrony"])
    assert logcall_corpus.truth_of(pieces) == "Opened <*> socket fd=<*>"
    slf4j = {
        "format": "GroupReduceCombineDriver object reuse: {}.",
        "args": ['(this.objectReuseEnabled ? "ENABLED" : "DISABLED")'],
        "arg_values": [["ENABLED", "DISABLED"]],
    }
    event = build_event(slf4j, SYSTEMS["flink"], rng)
    line = "".join(t for t, _ in event.render(rng, SYSTEMS["flink"]))
    assert line in (
        "GroupReduceCombineDriver object reuse: ENABLED.",
        "GroupReduceCombineDriver object reuse: DISABLED.",
    )


def test_a_duration_followed_by_its_unit_is_a_bare_number_where_the_system_says_so() -> None:
    import random

    rng = random.Random(6)
    call = {"format": "Successful initialization (took {} ms).", "args": ["duration"]}
    for name in ("flink", "cassandra"):
        event = build_event(call, SYSTEMS[name], rng)
        line = "".join(text for text, _ in event.render(rng, SYSTEMS[name]))
        bare = line.removeprefix("Successful initialization (took ").removesuffix(" ms).")
        assert bare.isdigit() == SYSTEMS[name].bare_durations
