"""The benchmark corpus of real logging calls: lines match their truth, splits stay apart."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pipeline.templates import MinerConfig
from tests.bench import logcall_corpus
from tests.bench.logcall_corpus import SYSTEMS, System, build_event, generate, kind_of
from tests.unit.templates.conftest import assert_matches


def full_sample(name: str) -> list[tuple[str, str]]:
    """The system's full sample, checked as every later split's is: as many lines as asked,
    nearly as many events, one clean line each with no ``<*>`` of its own, each matching its
    truth. The (line, truth) pairs, for a split's own checks."""
    pairs = list(generate(SYSTEMS[name]))
    assert len(pairs) == logcall_corpus.LINES == 2000
    assert len({truth for _, truth in pairs}) >= logcall_corpus.EVENTS - 10
    config = MinerConfig()
    for line, truth in pairs:
        assert line and "\n" not in line and "  " not in line
        assert "<*>" not in line
        assert_matches(truth, line, config)
    return pairs


def _split_index(split: str) -> int:
    return logcall_corpus.SPLITS.index(split)


def split_systems(split: str) -> tuple[dict[str, System], dict[str, System]]:
    """The systems of ``split`` and those of every other split, by name (none in both)."""
    mine = {s.name: s for s in SYSTEMS.values() if s.split == split}
    earlier = {s.name: s for s in SYSTEMS.values() if s.split != split}
    assert not set(mine) & set(earlier)
    return mine, earlier


def test_make_bench_templates_runs_every_split_in_order() -> None:
    makefile = (Path(__file__).parents[3] / "Makefile").read_text()
    listed = re.search(r"^LOGCALL_SPLITS := ((?:.*\\\n)*.*)$", makefile, re.M)
    assert listed is not None
    assert tuple(listed.group(1).replace("\\", " ").split()) == logcall_corpus.SPLITS


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


def test_the_novel_split_holds_four_new_systems_each_of_its_own_convention() -> None:
    novel = {s.name: s for s in SYSTEMS.values() if s.split == "novel"}
    assert set(novel) == {"zebra", "homebridge", "hibernate", "woodpecker"}
    earlier = {s.name for s in SYSTEMS.values() if s.split != "novel"}
    assert not set(novel) & earlier
    assert {s.language for s in novel.values()} == {"rust", "javascript", "java", "go"}
    assert {s.style for s in novel.values()} == {"tracing", "nodejs", "jboss", "zerolog"}
    # Conventions no earlier system has; the sixteenth, twentieth, thirtyfirst, thirtysixth and
    # thirtyeighth reuse tracing (Vector, Qdrant, Garage, Kanidm, Vaultwarden), the
    # twentysecond and twentythird nodejs (Uptime Kuma, Zigbee2MQTT), the thirtieth jboss
    # (Narayana), the thirtyfourth zerolog (Harness).
    reusing = (
        "novel",
        "sixteenth",
        "twentieth",
        "twentysecond",
        "twentythird",
        "thirtieth",
        "thirtyfirst",
        "thirtyfourth",
        "thirtysixth",
        "thirtyeighth",
    )
    earlier_styles = {s.style for s in SYSTEMS.values() if s.split not in reusing}
    assert not {s.style for s in novel.values()} & earlier_styles
    assert logcall_corpus.SPLITS[4:6] == ("novel", "sixth")


def test_the_sixth_split_holds_four_new_systems_none_of_them_seen_before() -> None:
    sixth = {s.name: s for s in SYSTEMS.values() if s.split == "sixth"}
    assert set(sixth) == {"jenkins", "postfix", "synapse", "tikv"}
    assert not set(sixth) & {s.name for s in SYSTEMS.values() if s.split != "sixth"}
    assert {s.language for s in sixth.values()} == {"java", "c", "python", "rust"}
    # Three conventions no earlier system has (Synapse's is printf with %r, as Salt's).
    earlier_styles = {s.style for s in SYSTEMS.values() if s.split != "sixth"}
    assert {s.style for s in sixth.values()} - earlier_styles == {"jul", "postfix", "unified"}
    assert logcall_corpus.SPLITS[5] == "sixth"


def test_the_seventh_split_holds_four_new_systems_of_conventions_no_earlier_one_has() -> None:
    seventh, earlier = split_systems("seventh")
    assert set(seventh) == {"telegraf", "couchdb", "puppet", "spamassassin"}
    # Three languages the corpus did not have (the splits before it), and four conventions.
    assert {s.language for s in seventh.values()} == {"go", "erlang", "ruby", "perl"}
    before = [s for s in earlier.values() if _split_index(s.split) < _split_index("seventh")]
    assert not {"erlang", "ruby", "perl"} & {s.language for s in before}
    assert {s.style for s in seventh.values()} == {"telegraf", "erlang", "ruby", "perl"}
    # Conventions no other system has; the twentyfirst reuses erlang (Riak KV) and ruby
    # (Vagrant), the twentysecond perl (Request Tracker), the thirtysecond ruby (Chef).
    reusing = ("twentyfirst", "twentysecond", "thirtysecond")
    others = {s.style for s in earlier.values() if s.split not in reusing}
    assert not {s.style for s in seventh.values()} & others
    assert logcall_corpus.SPLITS[6] == "seventh"


def test_the_eighth_split_holds_new_systems_of_languages_and_conventions_no_earlier_one_has() -> (
    None
):
    eighth, earlier = split_systems("eighth")
    assert set(eighth) == {"orleans", "kudu", "mediawiki", "teslamate"}
    assert {s.language for s in eighth.values()} == {"csharp", "cpp", "php", "elixir"}
    before = [s for s in earlier.values() if _split_index(s.split) < _split_index("eighth")]
    assert not {s.language for s in eighth.values()} & {s.language for s in before}
    assert {s.style for s in eighth.values()} == {"mel", "glog", "psr3", "elixir"}
    # Conventions no other system has; the twentieth reuses psr3 (Nextcloud Mail), the
    # twentyfirst elixir (Logflare), the thirtythird elixir (Sequin), the thirtyfourth glog
    # (Mesos).
    reusing = ("twentieth", "twentyfirst", "thirtythird", "thirtyfourth")
    others = {s.style for s in earlier.values() if s.split not in reusing}
    assert not {s.style for s in eighth.values()} & others
    assert logcall_corpus.SPLITS[7] == "eighth"


def test_the_ninth_split_holds_new_systems_of_conventions_no_earlier_one_has() -> None:
    ninth, earlier = split_systems("ninth")
    assert set(ninth) == {"element", "ansible", "pekko"}
    # The fortysecond brings Kotlin again (Komga), through kotlin-logging rather than Timber.
    before = {s.name: s for s in earlier.values() if s.split != "fortysecond"}
    assert not {"kotlin", "scala"} & {s.language for s in before.values()}
    assert {s.style for s in ninth.values()} == {"timber", "ansible", "pekko"}
    assert not {s.style for s in ninth.values()} & {s.style for s in earlier.values()}
    assert logcall_corpus.SPLITS[8] == "ninth"


def test_the_tenth_split_holds_new_systems_of_conventions_no_earlier_one_has() -> None:
    tenth, earlier = split_systems("tenth")
    assert set(tenth) == {"thanos", "cloudnativepg", "patroni", "lsyncd"}
    assert {s.language for s in tenth.values()} == {"go", "python", "lua"}
    # The twentythird reuses lua and labelled (KOReader), the twentyfourth labelled (opam,
    # AppFlowy, Hammerspoon).
    reusing = ("twentythird", "twentyfourth")
    before = {s.name: s for s in earlier.values() if s.split not in reusing}
    assert "lua" not in {s.language for s in before.values()}
    assert {s.style for s in tenth.values()} == {"gokit", "logr", "labelled"}
    # New when the tenth split was made; the fourteenth, fifteenth and thirtieth reuse go-kit's
    # logfmt (Loki, Cortex, Tempo).
    later = ("fourteenth", "fifteenth", "thirtieth")
    others = {s.style for s in before.values() if s.split not in later}
    assert not {s.style for s in tenth.values()} & others
    assert logcall_corpus.SPLITS[9] == "tenth"


@pytest.mark.parametrize("name", sorted(s.name for s in SYSTEMS.values() if s.split == "tenth"))
def test_the_tenth_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    for line, _truth in full_sample(name):
        if name == "thanos":
            assert "msg=" in line, line
        elif name == "cloudnativepg":
            assert line.startswith('{"msg":') and line.endswith("}"), line
        elif name == "patroni":
            assert re.match(r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL): ", line), line
        else:
            assert re.match(r"[A-Z][a-z]+: ", line), line


@pytest.mark.parametrize("name", sorted(s.name for s in SYSTEMS.values() if s.split == "ninth"))
def test_the_ninth_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    for line, _truth in full_sample(name):
        # No placeholder of the source is left in a line.
        assert "${" not in line and not re.search(
            r"\{(?:\d+|\w+(?:\.\w+)*)(?:![rs])?(?::[^}]*)?\}", line
        )
        if name == "element":
            assert re.match(r"\d+ (?:V|D|I|W|E|WTF)/ /\S+: ", line), line


@pytest.mark.parametrize("name", sorted(s.name for s in SYSTEMS.values() if s.split == "eighth"))
def test_the_eighth_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    for line, _truth in full_sample(name):
        # No placeholder of the source is left in a line (MediaWiki's one call whose context
        # lacks its key prints {rev_id}, as MediaWiki does; Kudu's text and Elixir's terms have
        # braces of their own).
        assert "<<" not in line and ">>" not in line and "#{" not in line
        if name in ("orleans", "mediawiki"):
            hole = re.search(r"\{[A-Za-z$]\w*(?:[:,][^}]*)?\}", line.replace("{rev_id}", ""))
            assert hole is None


@pytest.mark.parametrize("name", sorted(s.name for s in SYSTEMS.values() if s.split == "seventh"))
def test_the_seventh_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    for line, _truth in full_sample(name):
        # No placeholder of the source is left in a line.
        assert "#{" not in line and "%{" not in line and "@{[" not in line
        assert "~p" not in line and "~s" not in line


@pytest.mark.parametrize("name", sorted(s.name for s in SYSTEMS.values() if s.split == "sixth"))
def test_the_sixth_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    full_sample(name)


@pytest.mark.parametrize(
    "name", sorted(s.name for s in SYSTEMS.values() if s.split in ("unseen", "novel"))
)
def test_every_later_system_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    pairs = list(generate(SYSTEMS[name]))
    assert len(pairs) == logcall_corpus.LINES
    assert len({truth for _, truth in pairs}) >= logcall_corpus.EVENTS - 10
    config = MinerConfig()
    for line, truth in pairs:
        assert line and "\n" not in line and "  " not in line
        if SYSTEMS[name].split == "novel":
            # No placeholder of the source is left in a line.
            assert "${" not in line and "{}" not in line and "{:?}" not in line
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


def _line_and_truth(call: dict[str, Any], name: str, seed: int = 7) -> tuple[str, str]:
    import random

    rng = random.Random(seed)
    system = SYSTEMS[name]
    pieces = build_event(call, system, rng).render(rng, system)
    return "".join(text for text, _ in pieces), logcall_corpus.truth_of(pieces)


def test_rust_format_strings_and_tracing_fields_render_as_tracing_prints_them() -> None:
    call = {
        "style": "rust",
        "format": "Opened endpoint at {} after {attempts} tries {{braced}}: {path:?} id {:#x}",
        "verbs": ["{}", "{attempts}", "{path:?}", "{:#x}"],
        "args": ["listen_addr", "attempts", "path", "block_id"],
        "keys": ["peer_addr", "height", "count", "name"],
        "key_args": ["peer_addr", "height", "n", "name"],
        "key_sigils": ["?", "%", "", "?"],
    }
    line, truth = _line_and_truth(call, "zebra")
    # {{ }} are braces; {:?} of a string and a ?field or bare str field are quoted; %field and
    # numbers are not; the fields follow the message as key=value in the call's order.
    assert truth == (
        'Opened endpoint at <*> after <*> tries {braced}: "<*>" id <*> '
        'peer_addr="<*>" height=<*> count=<*> name="<*>"'
    )
    assert " id 0x" in line and "{" not in line.replace("{braced}", "")
    count = line.split(" count=")[1].split()[0]
    assert count.isdigit()


def test_node_template_literals_and_util_format_render_as_node_prints_them() -> None:
    call = {
        "style": "js",
        "format": (
            "Loaded plugin ${name} (%s) at 100%% after %d tries, accessor${n === 1 ? 'y' : 'ies'}"
        ),
        "verbs": ["${name}", "%s", "%d", "${n === 1 ? 'y' : 'ies'}"],
        "args": ["name", "identifier", "attempts", "n === 1 ? 'y' : 'ies'"],
        "arg_values": [None, None, None, ["y", "ies"]],
    }
    for seed in range(6):
        line, truth = _line_and_truth(call, "homebridge", seed)
        assert truth == "Loaded plugin <*> (<*>) at 100% after <*> tries, <*>"
        assert "${" not in line and "%s" not in line and "%%" not in line
        assert " at 100% after " in line
        assert line.endswith((", accessory", ", accessories"))
        assert line.split(" after ")[1].split()[0].isdigit()


def test_jboss_messages_keep_their_id_and_format_by_their_kind() -> None:
    printf = {
        "style": "printf",
        "format": "HHH000412: Hibernate ORM core version %s",
        "verbs": ["%s"],
        "args": ["versionString"],
        "message_id": "HHH000412",
    }
    line, truth = _line_and_truth(printf, "hibernate")
    assert truth == "HHH000412: Hibernate ORM core version <*>"
    assert line.startswith("HHH000412: Hibernate ORM core version ") and "%s" not in line
    message_format = {
        "style": "messageformat",
        "format": "Skipped adding attribute [{1}] to base type [{0}], it''s fine",
        "verbs": ["{1}", "{0}"],
        "args": ["baseType", "attributeName"],
    }
    line, truth = _line_and_truth(message_format, "hibernate")
    assert truth == "Skipped adding attribute [<*>] to base type [<*>], it's fine"
    assert "{0}" not in line and "{1}" not in line and "it's" in line
    # debug(Object): the text as it is, braces and all.
    plain = {"style": "plain", "format": "Literal {0} braces stay"}
    assert _line_and_truth(plain, "hibernate")[0] == "Literal {0} braces stay"


def test_zerolog_prints_its_fields_then_the_message_as_one_json_object() -> None:
    import json

    call = {
        "style": "zerolog",
        "format": 'cannot assign user to repo %s ("%d" times)',
        "printf": True,
        "verbs": ["%s", "%d"],
        "args": ["repo.FullName", "attempt"],
        "keys": ["error", "repo", "attempt", "took", "labels"],
        "key_args": ["err", "repo.FullName", "n", "time.Since(start)", "labels"],
        "fieldtypes": ["Error", "String", "Int", "Duration", "Strings"],
    }
    line, truth = _line_and_truth(call, "woodpecker")
    record = json.loads(line)
    assert list(record) == ["error", "repo", "attempt", "took", "labels", "message"]
    assert isinstance(record["attempt"], int) and isinstance(record["took"], int)
    assert isinstance(record["labels"], list) and isinstance(record["repo"], str)
    assert record["message"].startswith("cannot assign user to repo ")
    assert truth.startswith('{"error":"<*>","repo":"<*>","attempt":<*>,"took":<*>,"labels":<*>,')
    assert truth.startswith(
        '"message":"cannot assign user to repo <*> (\\"', truth.index('"message"')
    )
    # Msg (not Msgf) prints its text as it is.
    line, truth = _line_and_truth({"style": "zerolog", "format": "at 100%s"}, "woodpecker")
    assert json.loads(line) == {"message": "at 100%s"}


def test_placeholders_of_the_new_conventions_are_not_words() -> None:
    has_words = logcall_corpus._has_words
    assert not has_words("{name}: {}", "tracing") and has_words("{name}", "")
    assert not has_words("${message}", "nodejs") and has_words("${message}", "")
    assert not has_words("{0} {1}", "jboss") and not has_words("{0} {1}", "jul")
    assert not has_words("{region_id}: {}", "unified")
    assert has_words("Opened endpoint at {addr}", "tracing")


def test_java_util_logging_formats_only_with_parameters_as_message_format_does() -> None:
    call = {
        "style": "messageformat",
        "format": "Installed {0} plugins from ''{1}'' in {2,number,#} ms; {3} didn't answer {node}",
        "verbs": ["{0}", "{1}", "{2,number,#}", "{3}"],
        "args": ["count", "site.getId()", "elapsed", "node"],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "jenkins", seed)
        # '' is a quote; a lone ' quotes the rest of the text, its braces and all.
        assert truth == "Installed <*> plugins from '<*>' in <*> ms; <*> didnt answer {node}"
        assert line.endswith(" didnt answer {node}") and "{0}" not in line
        # A Number is grouped (12,345) unless its pattern says otherwise.
        count = line.removeprefix("Installed ").split(" plugins")[0]
        assert count.replace(",", "").isdigit() and (len(count) < 4 or "," in count)
        assert line.split(" in ")[-1].split(" ms")[0].isdigit()
    # No parameters (fine("..."), or an exception only): the text as it is.
    plain = {"style": "plain", "format": "Can't load {0} ''yet''"}
    line, truth = _line_and_truth(plain, "jenkins")
    assert (line, truth) == ("Can't load {0} ''yet''", "Can't load {0} ''yet''")
    # A pattern MessageFormat refuses is printed as it is.
    refused = {"style": "messageformat", "format": "Bad {name} for {0}", "args": ["x"]}
    assert _line_and_truth(refused, "jenkins")[0] == "Bad {name} for {0}"


def test_postfix_prints_the_severity_before_the_text_and_percent_m_as_strerror() -> None:
    call = {
        "call": "msg_warn",
        "label": "warning: ",
        "format": "%s: open %s: %m",
        "verbs": ["%s", "%s", "%m"],
        "args": ["myname", "path"],
        "arg_values": [["dict_open"], None],
    }
    line, truth = _line_and_truth(call, "postfix")
    assert truth == "warning: <*>: open <*>: <*>"
    assert line.startswith("warning: dict_open: open /")
    assert line.rsplit(": ", 1)[1] in logcall_corpus._ERRNO_TEXT
    info = {
        "call": "msg_info",
        "format": "statistics: max connection rate %d/%ds",
        "verbs": ["%d", "%d"],
        "args": ["rate", "interval"],
    }
    line, truth = _line_and_truth(info, "postfix")
    assert truth == "statistics: max connection rate <*>/<*>s"
    assert line.startswith("statistics: max connection rate ")


def test_python_repr_values_are_quoted_as_repr_quotes_a_string() -> None:
    call = {
        "format": "Failed to remove media %r: %s",
        "verbs": ["%r", "%s"],
        "args": ["media_id", "e"],
    }
    line, truth = _line_and_truth(call, "synapse")
    assert truth == "Failed to remove media '<*>': <*>"
    assert line.startswith("Failed to remove media '") and "%r" not in line


def test_tikv_unified_format_quotes_when_it_must_and_prints_fields_last_to_first() -> None:
    call = {
        "style": "rust",
        "format": "region {} split [{:?}]",
        "verbs": ["{}", "{:?}"],
        "args": ["region_id", "key_name"],
        "keys": ["store id", "path", "peer_id", "err", "err_code"],
        "key_args": ["store_id", "path", "peer.get_id()", "e", "error_code(&e)"],
        "key_sigils": ["", "?", "", "?", "%"],
        "key_values": [None, None, None, None, ["KV:Raftstore:NotLeader"]],
    }
    line, truth = _line_and_truth(call, "tikv")
    # The message JSON-encoded (it holds spaces and brackets), a Debug string quoted inside it;
    # slog's fields from the last to the first, then the logger's thread_id. (The Loghub-2.0
    # rules of every truth fold the backslash after a value into it.)
    assert truth == (
        '["region <*> split [\\"<*>"]"] [err_code=<*>] [err=<*>] [peer_id=<*>] '
        '[path=<*>] ["store id"=<*>] [thread_id=<*>]'
    )
    assert line.startswith('["region ') and '\\"]"] [err_code=KV:Raftstore:NotLeader] ' in line
    path = line.split(" [path=")[1].split("] [")[0]
    assert path.startswith('"\\"/') and path.endswith('\\""')  # ?path: Debug, then JSON
    assert line.split(" [peer_id=")[1].split("]")[0].isdigit()
    # A message without a space, '"', '=', '[' or ']' is written bare, its values kept so.
    bare = {"style": "rust", "format": "Provider::get_ts{}", "verbs": ["{}"], "args": ["name"]}
    for seed in range(10):
        line, truth = _line_and_truth(bare, "tikv", seed)
        # (The Loghub-2.0 rules make the token holding the value one <*>.)
        assert truth == "[Provider::<*>] [thread_id=<*>]"
        message = line.split("] [thread_id=")[0]
        assert message.startswith("[Provider::get_ts") and not logcall_corpus._needs_json(
            message[1:]
        )


def test_telegraf_prints_the_level_indicator_and_the_plugin_before_the_message() -> None:
    call = {
        "indicator": "E!",
        "plugin": "inputs.modbus",
        "format": "Reading %q failed after %d tries: %v (100%%)",
        "verbs": ["%q", "%d", "%v"],
        "args": ["device.Name", "attempts", "err"],
    }
    line, truth = _line_and_truth(call, "telegraf")
    assert truth == 'E! [inputs.modbus] Reading "<*>" failed after <*> tries: <*> (100%)'
    assert line.startswith('E! [inputs.modbus] Reading "') and line.endswith(" (100%)")
    # A package registering several plugins: the prefix is one of them; log.Printf with no
    # plugin prints the indicator alone.
    several = {"indicator": "W!", "plugins": ["inputs.bcache", "inputs.slab"], "format": "Not here"}
    for seed in range(6):
        line, truth = _line_and_truth(several, "telegraf", seed)
        assert line in ("W! [inputs.bcache] Not here", "W! [inputs.slab] Not here")
        assert truth == "W! [<*>] Not here"
    agent = {"indicator": "I!", "format": "[agent] Hang on, flushing any cached metrics"}
    assert _line_and_truth(agent, "telegraf")[0] == (
        "I! [agent] Hang on, flushing any cached metrics"
    )


def test_erlang_io_lib_controls_print_terms_as_couch_log_does() -> None:
    call = {
        "style": "erlang",
        "format": "~p: db ~p (~w) opened by ~p on ~p in ~Bms, ~s ~~ ~p",
        "verbs": ["~p", "~p", "~w", "~p", "~p", "~B", "~s", "~p"],
        "args": ["?MODULE", "DbName", "DbName", "self()", "node()", "Time", "Path", "Reason"],
        "arg_values": [["couch_server"], None, None, None, None, None, None, None],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "couchdb", seed)
        # ~p of a binary writes <<"...">>, ~w its bytes; a pid, a quoted node name, a term.
        # (The Loghub-2.0 rules fold <<<*>>> and <*>ms into one <*>.)
        assert truth == "<*>: db <<\"<*>\">> (<*>) opened by <*> on '<*>' in <*>, <*> ~ <*>"
        assert line.startswith('couch_server: db <<"') and " ~ " in line
        ints = line.split(" (<<")[1].split(">>)")[0]
        assert bytes(int(b) for b in ints.split(",")).decode().isprintable()
        assert re.search(r" opened by <0\.\d+\.0> on 'couchdb@[\d.]+' in \d+ms, ", line)


def test_ruby_interpolation_and_string_format_render_after_puppets_level() -> None:
    call = {
        "style": "ruby-format",
        "label": "Notice: ",
        "format": "Applied #{count} of %{total} resources to %{node} at 100%% (#{name.inspect})",
        "verbs": ["#{count}", "%{total}", "%{node}", "#{name.inspect}"],
        "args": ["count", "resources.size", "'agent'", "name.inspect"],
        "arg_values": [None, None, ["agent"], None],
    }
    line, truth = _line_and_truth(call, "puppet")
    assert truth == 'Notice: Applied <*> of <*> resources to <*> at 100% ("<*>")'
    assert line.startswith("Notice: Applied ") and ' resources to agent at 100% ("' in line
    # Without String#% the text stays as it is, %% and all.
    plain = {"style": "ruby", "label": "Debug: ", "format": "At 100%% of #{n}", "verbs": ["#{n}"]}
    line, truth = _line_and_truth({**plain, "args": ["count"]}, "puppet")
    assert truth == "Debug: At 100%% of <*>" and line.startswith("Debug: At 100%% of ")


def test_perl_interpolation_and_sprintf_render_after_spamassassins_level_and_facility() -> None:
    call = {
        "style": "perl-sprintf",
        "label": "dbg: ",
        "format": "bayes: $self->{name} has %d tokens in @files (@{[ $db->errstr ]}): $! 5%%",
        "verbs": ["$self->{name}", "%d", "@files", "@{[ $db->errstr ]}", "$!"],
        "args": ["$self->{name}", "$count", "@files", "$db->errstr", "$!"],
    }
    line, truth = _line_and_truth(call, "spamassassin")
    assert truth == "dbg: bayes: <*> has <*> tokens in <*> (<*>): <*> 5%"
    assert line.startswith("dbg: bayes: ") and line.endswith(" 5%") and "$" not in line
    assert line.rsplit(": ", 1)[1].removesuffix(" 5%") in logcall_corpus._ERRNO_TEXT
    # Without sprintf's arguments, %% stays as it is.
    plain = {"style": "perl", "label": "info: ", "format": "generic: 100%% done", "verbs": []}
    assert _line_and_truth(plain, "spamassassin")[0] == "info: generic: 100%% done"


def test_dotnet_message_templates_bind_holes_by_name_and_write_values_by_their_type() -> None:
    call = {
        "style": "template",
        "format": (
            "Silo {SiloAddress} is {Status} after {Elapsed}: {Count:N0} grains, {Load:F2}% load, "
            "{{not a hole}}, peers {Peers}, {Ok}"
        ),
        "verbs": [
            "{SiloAddress}",
            "{Status}",
            "{Elapsed}",
            "{Count:N0}",
            "{Load:F2}",
            "{Peers}",
            "{Ok}",
        ],
        "args": ["siloAddress", "status", "elapsed", "count", "load", "peers", "ok"],
        "types": [
            "SiloAddress",
            "SiloStatus",
            "TimeSpan",
            "int",
            "double",
            "IEnumerable<SiloAddress>",
            "bool",
        ],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "orleans", seed)
        assert truth == (
            "Silo <*> is <*> after <*>: <*> grains, <*>% load, {not a hole}, peers <*>, <*>"
        )
        assert re.fullmatch(
            r"Silo S10(?:\.\d+){3}:11111:\d{9} is (?:Created|Joining|Active|ShuttingDown|Stopping|"
            r"Dead) after 00:\d\d:\d\d\.\d{7}: \d{1,3}(?:,\d{3})* grains, \d+\.\d\d% load, "
            r"\{not a hole\}, peers S10\S+(?:, S10\S+)*, (?:True|False)",
            line,
        ), line


def test_glog_streams_and_substitute_render_as_kudu_prints_them() -> None:
    call = {
        "style": "glog",
        "format": (
            'Tablet <<tablet_id>> is <<(leader ? "LEADER" : "FOLLOWER")>>: '
            "$0 of $1 rows in <<elapsed.ToString()>>, 100% done: <<s.ToString()>>"
        ),
        "verbs": [
            "<<tablet_id>>",
            '<<(leader ? "LEADER" : "FOLLOWER")>>',
            "$0",
            "$1",
            "<<elapsed.ToString()>>",
            "<<s.ToString()>>",
        ],
        "args": [
            "tablet_id",
            '(leader ? "LEADER" : "FOLLOWER")',
            "count",
            "total_rows",
            "elapsed.ToString()",
            "s.ToString()",
        ],
        "arg_values": [None, ["LEADER", "FOLLOWER"], None, None, None, None],
    }
    line, truth = _line_and_truth(call, "kudu")
    assert truth == "Tablet <*> is <*>: <*> of <*> rows in <*>, 100% done: <*>"
    assert re.fullmatch(
        r"Tablet \S+ is (?:LEADER|FOLLOWER): \d+ of \d+ rows in \d+\.\d{3}s, 100% done: "
        r"[A-Z][A-Za-z ]+: .+",
        line,
    ), line
    # PLOG adds strerror's text and errno; a protobuf's debug string is key: value pairs.
    plog = {"style": "glog", "format": "Could not open <<path>>", "verbs": ["<<path>>"]}
    line, truth = _line_and_truth({**plog, "args": ["path"], "errno": True}, "kudu")
    assert truth == "Could not open <*>: <*> [<*>]"
    assert line.split(": ", 1)[1].rsplit(" [", 1)[0] in logcall_corpus._ERRNO_TEXT
    pb = {"style": "glog", "format": "Request: <<SecureShortDebugString(req)>>"}
    line, _ = _line_and_truth(
        {
            **pb,
            "verbs": ["<<SecureShortDebugString(req)>>"],
            "args": ["SecureShortDebugString(req)"],
        },
        "kudu",
    )
    assert re.fullmatch(r'Request: (?:\w+: (?:\d+|"\w+") ?)+', line), line


def test_psr3_placeholders_take_the_context_as_mediawikis_legacy_logger_flattens_it() -> None:
    call = {
        "style": "psr3",
        "format": "Foo::bar: {title} by {user} failed ({class}, {cached}): {exception} {missing}",
        "verbs": ["{title}", "{user}", "{class}", "{cached}", "{exception}"],
        "args": ["$title", "$user->getName()", "get_class( $store )", "true", "$e"],
        "arg_values": [None, None, None, ["true"], None],
    }
    line, truth = _line_and_truth(call, "mediawiki")
    # A placeholder the context does not bind stays as it is; a literal the context gives is
    # a value of the truth, as every system's spelled-out arguments are.
    assert truth == "Foo::bar: <*> by <*> failed (<*>, <*>): <*> {missing}"
    assert line.startswith("Foo::bar: ") and line.endswith(" {missing}")
    assert re.search(r", true\): \[Exception \S+\( /srv/mediawiki/includes/\S+\.php:\d+\) ", line)
    assert re.search(r" failed \(MediaWiki\\\w+\\\w+Store, ", line), line
    # A message with no context is its text; %% is not formatted.
    plain = {"style": "psr3", "format": "100%% {done}", "verbs": []}
    assert _line_and_truth(plain, "mediawiki")[0] == "100%% {done}"


def test_php_interpolation_and_concatenated_values_are_filled_before_the_context() -> None:
    call = {
        "style": "psr3",
        "format": (
            "Re-insert into {$this->table} for $title->mTitle failed: {${implode( ', ', $keys )}}"
            " ({reason}); '$notInterpolated' stays"
        ),
        "verbs": ["{$this->table}", "$title->mTitle", "{${implode( ', ', $keys )}}", "{reason}"],
        "args": ["$this->table", "$title->mTitle", "implode( ', ', $keys )", "$reason"],
    }
    line, truth = _line_and_truth(call, "mediawiki")
    assert truth == "Re-insert into <*> for <*> failed: <*> (<*>); '$notInterpolated' stays"
    assert line.endswith("); '$notInterpolated' stays") and "{" not in line
    joined = line.split(" failed: ")[1].rsplit(" (", 1)[0]
    # implode() joins the items; only the logger writes an array as [Array(n)].
    assert "Array" not in joined and all(item for item in joined.split(", "))


def test_placeholders_of_the_eighth_splits_conventions_are_not_words() -> None:
    has_words = logcall_corpus._has_words
    assert not has_words("{SiloAddress}: {Count:N0}", "mel")
    assert not has_words("<<tablet_id>> $0", "glog") and not has_words("{title}", "psr3")
    assert not has_words("$title {$this->table} {${implode( ', ', $keys )}}", "psr3")
    assert has_words("Tablet <<tablet_id>> copied", "glog")
    assert not has_words("#{inspect(reason)} / #{state}", "elixir")


def test_elixir_interpolation_writes_inspected_terms_after_the_level_and_car_id() -> None:
    call = {
        "style": "elixir",
        "label": "[warning] ",
        "metadata": ["car_id"],
        "format": "#{__MODULE__} / #{state}: #{inspect(name)} failed: #{inspect(reason)} 100%%",
        "verbs": ["#{__MODULE__}", "#{state}", "#{inspect(name)}", "#{inspect(reason)}"],
        "args": ["__MODULE__", "state", "inspect(name)", "inspect(reason)"],
        "arg_values": [["Elixir.TeslaMate.Vehicles"], None, None, None],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "teslamate", seed)
        # An atom to_string'd is bare, an inspected string is quoted, a reason is a term.
        assert truth == 'car_id=<*> [warning] <*> / <*>: "<*>" failed: <*> 100%%'
        assert re.fullmatch(
            r'car_id=[1-3] \[warning\] Elixir\.TeslaMate\.Vehicles / [a-z]+: "[^"]+" failed: '
            r"(?::\w+|\{.+\}|%[\w.]*\{.+\}) 100%%",
            line,
        ), line
    # Without car_id in the call, Logger prints the level alone.
    plain = {"style": "elixir", "label": "[info] ", "format": "Token refresh is disabled"}
    assert _line_and_truth(plain, "teslamate")[0] == "[info] Token refresh is disabled"


def test_kotlin_templates_render_after_elements_thread_priority_and_tag() -> None:
    call = {
        "style": "kotlin",
        "label": "W/ ",
        "tag": "VOIP/WebRtcCall",
        "format": "Room $roomId: event ${event.eventId} from ${sender} at 100% ($count)",
        "verbs": ["$roomId", "${event.eventId}", "${sender}", "$count"],
        "args": ["roomId", "event.eventId", "sender", "count"],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "element", seed)
        # The tag is constant text, though it looks like a path.
        assert truth == "<*> W/ /VOIP/WebRtcCall: Room <*>: event <*> from <*> at 100% (<*>)"
        # Matrix ids: a room !opaque:server, an event $ and base64, a user @name:server; a %
        # is not formatted when the call passes no arguments.
        assert re.fullmatch(
            r"\d+ W/ /VOIP/WebRtcCall: Room ![A-Za-z0-9]{18}:[\w.]+: event \$[\w-]{43} "
            r"from @[a-z]+\d+:[\w.]+ at 100% \(\d+\)",
            line,
        ), line
    # With arguments, Timber formats the message with String.format: %s, %d, %% a percent sign.
    formatted = {
        "style": "kotlin-format",
        "label": "E/ ",
        "tag": "Tag",
        "format": "Cannot decode Bitmap: %s (%d%%)",
        "printf_args": ["uri", "percent"],
    }
    line, truth = _line_and_truth(formatted, "element")
    assert truth == "<*> E/ /Tag: Cannot decode Bitmap: <*> (<*>%)"
    assert re.fullmatch(r"\d+ E/ /Tag: Cannot decode Bitmap: \S+ \(\d+%\)", line), line


def test_python_format_fields_render_after_ansibles_host_prefix() -> None:
    call = {
        "style": "str-format",
        "level": "INFO",
        "host": "self.host",
        "format": "{action}: PUT {0!r} TO {1} in {2:.2f}s {{done}}",
        "verbs": ["{action}", "{0!r}", "{1}", "{2:.2f}"],
        "args": ["self._task.action", "in_path", "out_path", "elapsed"],
        "arg_values": [["reboot", "ansible.builtin.reboot"], None, None, None],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "ansible", seed)
        # A verbose message for a host is "<host> text"; !r quotes a string as repr does,
        # {{ and }} are braces, :.2f two places.
        assert truth == "<*> <*>: PUT '<*>' TO <*> in <*> {done}"
        assert re.fullmatch(
            r"<[\w.]+> (?:reboot|ansible\.builtin\.reboot): PUT '/\S+' TO /\S+ in \d+\.\d\ds "
            r"\{done\}",
            line,
        ), line
    # A debug message for a host is "[host]: text" after the pid and time (left out).
    debug = dict(call, level="DEBUG", style="fstring")
    line, truth = _line_and_truth(debug, "ansible")
    assert truth == "[<*>]: <*>: PUT '<*>' TO <*> in <*> {done}"
    assert re.fullmatch(r"\[[\w.]+\]: \S+: PUT '/\S+' TO /\S+ in \S+s \{done\}", line), line
    # printf: %r quotes, %% is a percent sign; a plain text is printed as it is.
    printf = {"style": "printf", "format": "EXEC %s (%r) 100%%", "args": ["cmd", "name"]}
    line, truth = _line_and_truth(printf, "ansible")
    assert truth == "EXEC <*> ('<*>') 100%"
    assert re.fullmatch(r"EXEC \S+ \('[^']+'\) 100%", line), line
    plain = {"style": "plain", "level": "DEBUG", "format": "done {x} 100%%"}
    assert _line_and_truth(plain, "ansible")[0] == "done {x} 100%%"


def test_placeholders_of_the_ninth_splits_conventions_are_not_words() -> None:
    has_words = logcall_corpus._has_words
    assert not has_words("$roomId ${event.eventId}", "timber")
    assert not has_words("{0} {name!r} {elapsed:.2f}", "ansible")
    assert has_words("Room $roomId", "timber") and has_words("PUT {0} TO {1}", "ansible")


def test_scala_interpolation_and_pekko_templates_render_after_the_cluster_prefix() -> None:
    call = {
        "style": "pekko",
        "cluster": True,
        "format": "Leader is moving node [{}] to [{}] in ${typeName} for {}, 100% $$",
        "verbs": ["{}", "{}", "${typeName}", "{}"],
        "args": ["m.address", "m.status", "typeName", "sender()"],
        "arg_values": [None, ["Up"], None, None],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "pekko", seed)
        # s"..." is filled first, then each {} by an argument in turn; % and $ are text.
        assert truth == (
            "Cluster Node [<*>] - Leader is moving node [<*>] to [<*>] in <*> for <*>, 100% $$"
        )
        assert re.fullmatch(
            r"Cluster Node \[pekko://ClusterSystem@10(?:\.\d+){3}:\d+\] - Leader is moving node "
            r"\[pekko://ClusterSystem@[\d.]+:\d+\] to \[Up\] in [A-Za-z]+ for "
            r"Actor\[pekko://ClusterSystem@[\d.]+:\d+/[\w/]+#-?\d+\], 100% \$\$",
            line,
        ), line
    # A call with no arguments is not formatted: its {} stays; the cluster's prefix names one
    # of the three nodes whose lines these are.
    plain = {
        "style": "pekko-plain",
        "format": "Welcome {} from ${node}",
        "verbs": ["${node}"],
        "args": ["node"],
    }
    line, truth = _line_and_truth(plain, "pekko")
    assert truth == "Welcome {} from <*>" and line.startswith("Welcome {} from pekko://")
    nodes = {
        _line_and_truth({"style": "pekko-plain", "cluster": True, "format": "Up"}, "pekko", n)[0]
        for n in range(30)
    }
    assert len(nodes) == 3


def test_placeholders_of_scala_interpolation_are_not_words() -> None:
    assert not logcall_corpus._has_words("$node ${m.address} {}", "pekko")
    assert logcall_corpus._has_words("Welcome ${node}", "pekko")


def test_go_kit_prints_the_calls_pairs_in_order_with_msg_among_them() -> None:
    call = {
        "style": "structured",
        "format": "compaction failed",
        "keys": ["group", "msg", "err", "mode"],
        "key_args": ["g.Key()", None, "err", "mode"],
        "arg_values": [None, None, None, ["vertical"]],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "thanos", seed)
        # The pairs as the call gives them; msg is quoted as a value with a space is.
        assert truth == 'group=<*> msg="compaction failed" err=<*> mode=<*>'
        assert re.fullmatch(
            r'group=\S+ msg="compaction failed" err=(?:\S+|".*") mode=vertical', line
        )
    # A message of one word is not quoted; a quote in it is escaped when it is.
    line, truth = _line_and_truth(
        {"style": "structured", "format": "starting", "keys": ["msg"], "key_args": [None]}, "thanos"
    )
    assert line == truth == "msg=starting"
    quoted = {"style": "structured", "format": 'bad "x"', "keys": ["msg"], "key_args": [None]}
    assert _line_and_truth(quoted, "thanos")[0] == 'msg="bad \\"x\\""'


def test_logr_pairs_and_error_render_in_cloudnativepgs_json() -> None:
    import json

    call = {
        "style": "structured",
        "format": "Cannot reconcile",
        "keys": ["podName", "attempt", "took", "phase"],
        "key_args": ["pod.Name", "attempt", "time.Since(start)", "phase"],
        "arg_values": [None, None, None, ["Running"]],
        "error_arg": "err",
    }
    line, truth = _line_and_truth(call, "cloudnativepg")
    record = json.loads(line)
    # The message first, the call's pairs in order, then Error's err; a duration in seconds.
    assert list(record) == ["msg", "podName", "attempt", "took", "phase", "error"]
    assert record["msg"] == "Cannot reconcile" and record["phase"] == "Running"
    assert isinstance(record["attempt"], int) and isinstance(record["took"], float)
    assert isinstance(record["podName"], str) and isinstance(record["error"], str)
    assert truth == (
        '{"msg":"Cannot reconcile","podName":"<*>","attempt":<*>,"took":<*>,'
        '"phase":"<*>","error":"<*>"}'
    )
    # Error(nil, ...) writes no error; a call with no pairs is its message alone.
    plain = {"style": "structured", "format": "Ready", "keys": [], "error_arg": "nil"}
    assert _line_and_truth(plain, "cloudnativepg") == ('{"msg":"Ready"}', '{"msg":"Ready"}')


def test_a_label_comes_before_printf_or_the_text_as_it_is() -> None:
    call = {
        "format": "Lock owner: %s; I am %r (%d%%)",
        "verbs": ["%s", "%r", "%d"],
        "args": ["lock_owner", "self.state_handler.name", "n"],
        "label": "INFO: ",
    }
    line, truth = _line_and_truth(call, "patroni")
    assert truth == "INFO: Lock owner: <*>; I am '<*>' (<*>%)"
    assert re.fullmatch(r"INFO: Lock owner: \S+; I am '\S+' \(\d+%\)", line), line
    # A call with no arguments is not formatted: its % is text.
    plain = {"style": "plain", "format": "at 100%s done", "label": "WARNING: "}
    line, truth = _line_and_truth(plain, "patroni")
    assert line == "WARNING: at 100%s done" and truth == "WARNING: at 100%s done"
    # Lsyncd's Lua operands joined: a category, the text, a value; a table as its address.
    joined = {
        "format": "Calling rsync on %s (%s) 100%%",
        "verbs": ["%s", "%s"],
        "args": ["event.path", "config.excludes"],
        "label": "Normal: ",
    }
    line, truth = _line_and_truth(joined, "lsyncd")
    assert truth.startswith("Normal: Calling rsync on <*> (") and line.endswith(") 100%")
    assert re.fullmatch(r"Normal: Calling rsync on /\S+ \(.+\) 100%", line), line
    table = logcall_corpus.format_list("a\x00b", "lua", "labelled")
    assert re.fullmatch(r"\(Table: 0x55[0-9a-f]{8}\)", table)


def test_the_eleventh_split_holds_new_everyday_daemons() -> None:
    eleventh = {s.name: s for s in SYSTEMS.values() if s.split == "eleventh"}
    assert set(eleventh) == {"smartd", "cups", "fail2ban", "openbao"}
    earlier = {s.name for s in SYSTEMS.values() if s.split != "eleventh"}
    assert not set(eleventh) & earlier
    assert {s.language for s in eleventh.values()} == {"c", "python", "go"}
    assert {s.style for s in eleventh.values()} == {"printf", "hclog"}
    assert logcall_corpus.SPLITS[9] == "tenth"
    assert logcall_corpus.SPLITS[10] == "eleventh"


@pytest.mark.parametrize("name", sorted(s.name for s in SYSTEMS.values() if s.split == "eleventh"))
def test_the_eleventh_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    for line, truth in full_sample(name):
        if name == "openbao":
            assert re.match(r"[a-z][\w.-]*: \S", line), line
        elif name == "cups" and truth.startswith("[Job "):
            assert re.match(r"\[Job \d+\] ", line), line


def test_hclog_prints_the_logger_name_the_call_gives() -> None:
    call = {
        "style": "structured",
        "format": "failed to take snapshot",
        "keys": ["path", "WAL ID"],
        "args": ["snapshotPath", "walID"],
        "file": "internal/physical/raft/snapshot.go",
        "logger": "physical.raft",
    }
    line, truth = _line_and_truth(call, "openbao")
    assert truth == "physical.raft: failed to take snapshot: path=<*> WAL ID=<*>"
    assert re.fullmatch(r"physical\.raft: failed to take snapshot: path=\S+ WAL ID=\S+", line)
    # A call with no pairs: the name and the message alone.
    plain = {
        "style": "structured",
        "format": "vault is unsealed",
        "file": "internal/vault/core.go",
        "logger": "vault",
    }
    assert _line_and_truth(plain, "openbao") == (
        "vault: vault is unsealed",
        "vault: vault is unsealed",
    )
    # Without a logger, the name is the call's package path, as for Consul.
    del plain["logger"]
    assert _line_and_truth(plain, "openbao")[1] == "internal.vault: vault is unsealed"


def test_a_cups_job_message_is_printed_after_its_job_id() -> None:
    call = {
        "format": "[Job %d] Unable to start filter %s - %s.",
        "verbs": ["%d", "%s", "%s"],
        "args": ["job->id", "filter->filter", "strerror(errno)"],
    }
    line, truth = _line_and_truth(call, "cups")
    assert truth == "[Job <*>] Unable to start filter <*> - <*>."
    assert re.fullmatch(r"\[Job \d+\] Unable to start filter \S+ - .+\.", line), line


def test_the_twelfth_split_holds_new_systems_of_conventions_no_earlier_one_has() -> None:
    twelfth, earlier = split_systems("twelfth")
    assert set(twelfth) == {"ghostty", "geth", "sourcekit-lsp", "tlp"}
    assert {s.language for s in twelfth.values()} == {"zig", "go", "swift", "shell"}
    # Languages and conventions no other system had; the twentysecond reuses zig (TigerBeetle).
    others = {s.name: s for s in earlier.values() if s.split != "twentysecond"}
    assert not {"zig", "swift", "shell"} & {s.language for s in others.values()}
    assert {s.style for s in twelfth.values()} == {"zig", "geth", "swift", "shell"}
    assert not {s.style for s in twelfth.values()} & {s.style for s in others.values()}
    assert logcall_corpus.SPLITS[11] == "twelfth"


@pytest.mark.parametrize("name", sorted(s.name for s in SYSTEMS.values() if s.split == "twelfth"))
def test_the_twelfth_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    for line, _truth in full_sample(name):
        # No placeholder of the source is left in a line.
        assert "\\(" not in line
        if name == "ghostty":
            assert re.match(r"(?:error|warning|info|debug)(?:\([\w-]+\))?: ", line), line
            assert not re.search(r"\{(?:[sdxXtcbf?]|any|d:\.\d|Bi|x:0>\d+)?\}", line), line
        elif name == "geth":
            assert not line.startswith(("INFO", "WARN", "ERROR", "DEBUG", "TRACE", "CRIT")), line
        elif name == "tlp":
            assert not re.search(r"\$(?:[\w{(?]|$)", line), line


def test_zig_std_fmt_renders_after_ghosttys_level_and_scope() -> None:
    call = {
        "style": "zig",
        "format": "binding failed id={x} err={} mode={} ratio={d:.2} {{raw}} action={s}",
        "verbs": ["{x}", "{}", "{}", "{d:.2}", "{s}"],
        "args": ["surface.core().id", "err", "self.mode", "ratio", "@tagName(action)"],
        "label": "warning(app): ",
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "ghostty", seed)
        # {} of an error is error.Name, of an enum .tag; {d:.2} two places; {{ }} are braces.
        assert truth == (
            "warning(app): binding failed id=<*> err=<*> mode=<*> ratio=<*> {raw} action=<*>"
        )
        assert re.fullmatch(
            r"warning\(app\): binding failed id=[0-9a-f]+ err=error\.[A-Z]\w+ mode=\.[a-z_]+ "
            r"ratio=\d+\.\d\d \{raw\} action=[a-z_]+",
            line,
        ), line
    # {t} of an error is its name alone; the default scope prints "level: ".
    tag = {"format": "spawn failed err={t}", "verbs": ["{t}"], "args": ["err"], "label": "error: "}
    line, truth = _line_and_truth(tag, "ghostty")
    assert truth == "error: spawn failed err=<*>" and re.fullmatch(
        r"error: spawn failed err=[A-Z]\w+", line
    )
    assert not logcall_corpus._has_words("{s} {d:.2} {}", "zig")


def test_geth_terminal_format_quotes_values_and_groups_numbers_as_geth_does() -> None:
    call = {
        "style": "structured",
        "format": "Imported new chain segment",
        "keys": ["number", "hash", "elapsed", "size", "from", "reason"],
        "key_args": [
            "head.Number()",
            "head.Hash()",
            "common.PrettyDuration(time.Since(start))",
            "common.StorageSize(size)",
            "addr",
            '"head state missing"',
        ],
        "arg_values": [None, None, None, None, None, ["head state missing"]],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "geth", seed)
        # The pairs in order; a number from 100000 on grouped; a hash as its TerminalString; a
        # value with a space in plain quotes; a duration in microseconds (µ) Go-quoted.
        assert truth == (
            "Imported new chain segment number=<*> hash=<*> elapsed=<*> size=<*> from=<*> "
            "reason=<*>"
        )
        assert re.fullmatch(
            r"Imported new chain segment number=(?:\d{1,5}|\d{1,3}(?:,\d{3})+) "
            r"hash=[0-9a-f]{6}\.\.[0-9a-f]{6} elapsed=(?:[\dm.]+(?:ms|s)|\"[\d.]+µs\") "
            r'size="[\d.]+ [KMG]?i?B" from=0x[0-9a-fA-F]{40} reason="head state missing"',
            line,
        ), line
    # A message holding '=' is quoted whole; a value with '"' is Go-quoted.
    plain = {"style": "structured", "format": "Invalid value=x", "keys": []}
    assert _line_and_truth(plain, "geth") == ('"Invalid value=x"', '"Invalid value=x"')
    quoted = {"style": "structured", "format": "Bad", "keys": ["v"], "arg_values": [['say "hi"']]}
    assert _line_and_truth(quoted, "geth")[0] == 'Bad v="say \\"hi\\""'
    assert _line_and_truth({**quoted, "arg_values": [["a=b"]]}, "geth")[0] == 'Bad v="a=b"'


def test_swift_interpolation_renders_as_sourcekit_lsps_log_writes_the_message() -> None:
    call = {
        "style": "swift",
        "format": "Created \\(type(of: server), privacy: .public) at \\(projectRoot) after "
        "\\(count) tries (100%)",
        "verbs": ["\\(type(of: server), privacy: .public)", "\\(projectRoot)", "\\(count)"],
        "args": ["type(of: server), privacy: .public", "projectRoot", "count"],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "sourcekit-lsp", seed)
        # Each \\(expr) written by its description (a type by its full name); % is text.
        assert truth == "Created <*> at <*> after <*> tries (100%)"
        assert re.fullmatch(r"Created [A-Z]\w+\.[A-Z]\w+ at /\S+ after \d+ tries \(100%\)", line)
    uri = {
        "style": "swift",
        "format": "Failed to open \\(uri.forLogging): \\(error.forLogging)",
        "verbs": ["\\(uri.forLogging)", "\\(error.forLogging)"],
        "args": ["uri.forLogging", "error.forLogging"],
    }
    line, truth = _line_and_truth(uri, "sourcekit-lsp")
    assert truth == "Failed to open <*>: <*>" and line.startswith("Failed to open file:///")
    assert not logcall_corpus._has_words("\\(x) \\(y, privacy: .public)", "swift")
    assert logcall_corpus._has_words("Reloading \\(uri)", "swift")


def test_shell_expansion_renders_as_tlps_traces_reach_the_journal() -> None:
    call = {
        "style": "shell",
        "format": "batdrv.${_batdrv_plugin}.write_thresholds($1): bat=$_bat_str; "
        "bf=$_bf_stop; old=$old_stop; rc=$? (100%)",
        "verbs": ["${_batdrv_plugin}", "$1", "$_bat_str", "$_bf_stop", "$old_stop", "$?"],
        "args": ["${_batdrv_plugin}", "$1", "$_bat_str", "$_bf_stop", "$old_stop", "$?"],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "tlp", seed)
        # Each expansion written as the shell writes it, no quotes; % is text.
        assert truth == (
            "batdrv.<*>.write_thresholds(<*>): bat=<*>; bf=<*>; old=<*>; rc=<*> (100%)"
        )
        assert re.fullmatch(
            r"batdrv\.[a-z0-9-]+\.write_thresholds\(\w+\): bat=(?:BAT[01TC]|CMB0); "
            r"bf=/sys/class/power_supply/\w+/\w+; old=\d+; rc=[0-4] \(100%\)",
            line,
        ), line
    # A command substitution is replaced by its output.
    profile = {
        "style": "shell",
        "format": 'power_profile=$(pp2str "$_pp_next")($_pp_next)',
        "verbs": ['$(pp2str "$_pp_next")', "$_pp_next"],
        "args": ['pp2str "$_pp_next"', "$_pp_next"],
    }
    line, truth = _line_and_truth(profile, "tlp")
    assert truth == "power_profile=<*>(<*>)"
    assert re.fullmatch(r"power_profile=(?:performance|balanced|power-saver)\(\S+\)", line)
    assert not logcall_corpus._has_words('$x ${y} $1 $? $(pp2str "$z")', "shell")
    assert logcall_corpus._has_words("set_dirty_parms($1).not_configured", "shell")


def test_the_thirteenth_split_holds_new_systems_of_conventions_no_earlier_one_has() -> None:
    thirteenth, earlier = split_systems("thirteenth")
    assert set(thirteenth) == {"foundationdb", "fluentd", "icinga2", "buildbot"}
    assert {s.language for s in thirteenth.values()} == {"cpp", "ruby", "python"}
    assert {s.style for s in thirteenth.values()} == {"fdbtrace", "fluentd", "icinga", "twisted"}
    assert not {s.style for s in thirteenth.values()} & {s.style for s in earlier.values()}
    assert logcall_corpus.SPLITS[12] == "thirteenth"


@pytest.mark.parametrize(
    "name", sorted(s.name for s in SYSTEMS.values() if s.split == "thirteenth")
)
def test_the_thirteenth_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    for line, _truth in full_sample(name):
        if name == "foundationdb":
            assert re.fullmatch(r'<Event Type="\w+" ID="[0-9a-f]{16}"(?: [\w.]+="[^"]*")* />', line)
        elif name == "fluentd":
            assert re.match(r"\[(?:trace|debug|info|warn|error|fatal)\]: (?:#0 )?\S", line), line
            assert "#{" not in line
        elif name == "buildbot":
            assert line.startswith("[-] "), line
        else:
            assert re.match(r"(?:debug|notice|information|warning|critical)/[\w-]+: \S", line)
            assert "<<" not in line


def test_foundationdb_trace_events_render_as_its_xml_trace_writes_them() -> None:
    call = {
        "style": "fdb-trace",
        "format": "MasterRecoveryState",
        "id_arg": "self->dbgid",
        "keys": ["StatusCode", "Status", "Begin", "Error", "ErrorDescription", "ErrorCode"],
        "key_args": [
            "RecoveryStatus::reading_coordinated_state",
            "status",
            "range.begin",
            "e",
            "e",
            "e",
        ],
        "arg_values": [["2"], ['<a & "b">'], None, None, None, None],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "foundationdb", seed)
        # The type and ID, each detail in order, .error(e)'s three attributes; & " < > escaped.
        assert truth == (
            '<Event Type="MasterRecoveryState" ID="<*>" StatusCode="<*>" Status="<*>" '
            'Begin="<*>" Error="<*>" ErrorDescription="<*>" ErrorCode="<*>" />'
        )
        assert re.fullmatch(
            r'<Event Type="MasterRecoveryState" ID="[0-9a-f]{16}" StatusCode="2" '
            r'Status="&lt;a &amp; &quot;b&quot;&gt;" Begin="[^"]+" Error="[a-z_]+" '
            r'ErrorDescription="[A-Z][^"]+" ErrorCode="1\d{3}" />',
            line,
        ), line
    # An event given no ID prints a UID of zeros.
    bare = {"style": "fdb-trace", "format": "WorkerRemoved", "keys": []}
    line, _ = _line_and_truth(bare, "foundationdb")
    assert line == '<Event Type="WorkerRemoved" ID="0000000000000000" />'


def test_fluentd_messages_and_pairs_render_as_its_logger_prints_them() -> None:
    call = {
        "style": "fluentd",
        "label": "[warn]: ",
        "worker": True,
        "format": "failed to flush the buffer after #{retries} retries",
        "verbs": ["#{retries}"],
        "args": ["retries"],
        "keys": ["chunk_id", "plugin", "error"],
        "key_args": ["dump_unique_id_hex(chunk.unique_id)", "self.class", "e"],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "fluentd", seed)
        # "#{x}" by to_s, then key=value.inspect; error: of an exception as its class and
        # message; the worker's "#0 " before the message.
        assert truth == (
            '[warn]: #0 failed to flush the buffer after <*> retries chunk_id="<*>" '
            'plugin=<*> error_class=<*> error="<*>"'
        )
        assert re.fullmatch(
            r"\[warn\]: #0 failed to flush the buffer after \d+ retries chunk_id=\"[^\"]+\" "
            r'plugin=Fluent::Plugin::\w+ error_class=[A-Z][\w:]+ error="[^"]+"',
            line,
        ), line
    # The supervisor's lines have no worker id; an exception under another key is inspected.
    supervisor = {
        "style": "fluentd",
        "label": "[error]: ",
        "worker": False,
        "format": "config error",
        "keys": ["file", "exception"],
        "key_args": ["@config_path", "e"],
    }
    line, truth = _line_and_truth(supervisor, "fluentd")
    assert truth == '[error]: config error file="<*>" exception=<*>'
    assert re.fullmatch(r'\[error\]: config error file="/\S+" exception=#<[\w:]+: .+>', line)
    assert not logcall_corpus._has_words("#{name} #{path}", "fluentd")


def test_icinga_streams_render_after_the_severity_and_facility() -> None:
    call = {
        "style": "icinga",
        "label": "warning/ApiListener: ",
        "format": "Cannot connect to host '<<host>>' on port '<<port>>': "
        "<<DiagnosticInformation(ex, false)>>",
        "verbs": ["<<host>>", "<<port>>", "<<DiagnosticInformation(ex, false)>>"],
        "args": ["host", "port", "DiagnosticInformation(ex, false)"],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "icinga2", seed)
        assert truth == "warning/ApiListener: Cannot connect to host '<*>' on port '<*>': <*>"
        assert re.fullmatch(
            r"warning/ApiListener: Cannot connect to host '[\w.-]+' on port '\d+': \S.*", line
        ), line
    # A conditional between literals takes one of them.
    choice = {
        "style": "icinga",
        "label": "notice/Checkable: ",
        "format": 'Flapping <<(enabled ? "enabled" : "disabled")>> for checkable \'<<name>>\'',
        "verbs": ['<<(enabled ? "enabled" : "disabled")>>', "<<name>>"],
        "args": ['(enabled ? "enabled" : "disabled")', "name"],
        "arg_values": [["enabled", "disabled"], None],
    }
    line, truth = _line_and_truth(choice, "icinga2")
    assert truth == "notice/Checkable: Flapping <*> for checkable '<*>'"
    assert re.fullmatch(r"notice/Checkable: Flapping (?:en|dis)abled for checkable '\S+'", line)
    assert not logcall_corpus._has_words("<<GetName()>> <<host>>", "icinga")


def test_twisted_log_msg_renders_as_buildbots_log_file_writes_it() -> None:
    # log.msg joins its arguments by spaces without formatting them: "%s" stays as it is.
    joined = {
        "style": "fstring",
        "format": "P4Poller: got change {num} %s {branch!r}",
        "verbs": ["{num}", "{branch!r}"],
        "args": ["num", "branch"],
    }
    for seed in range(5):
        line, truth = _line_and_truth(joined, "buildbot", seed)
        assert truth == "[-] P4Poller: got change <*> %s '<*>'"
        assert re.fullmatch(r"\[-\] P4Poller: got change \d+ %s '[^']+'", line), line
    # A printf the call applied ("..." % x) is formatted; %% is a percent sign.
    applied = {
        "style": "printf",
        "format": "disk usage %d%% on %r",
        "verbs": ["%d", "%%", "%r"],
        "args": ["percent", "path"],
    }
    line, truth = _line_and_truth(applied, "buildbot")
    assert truth == "[-] disk usage <*>% on '<*>'"
    assert re.fullmatch(r"\[-\] disk usage \d+% on '/\S+'", line), line
    plain = {"style": "plain", "format": "Stopping reactor"}
    assert _line_and_truth(plain, "buildbot") == ("[-] Stopping reactor", "[-] Stopping reactor")


def test_the_fourteenth_split_holds_new_everyday_systems_of_four_languages() -> None:
    fourteenth, earlier = split_systems("fourteenth")
    assert set(fourteenth) == {"zookeeper", "loki", "collectd", "borg"}
    assert {s.language for s in fourteenth.values()} == {"java", "go", "c", "python"}
    # Each logs the ordinary way of its ecosystem, rendered as earlier systems of it are.
    assert {s.style for s in fourteenth.values()} == {"slf4j", "gokit", "printf"}
    assert {s.style for s in fourteenth.values()} <= {s.style for s in earlier.values()}
    assert not any(s.exception_inline or s.bare_durations for s in fourteenth.values())
    assert logcall_corpus.SPLITS[13] == "fourteenth"


@pytest.mark.parametrize(
    "name", sorted(s.name for s in SYSTEMS.values() if s.split == "fourteenth")
)
def test_the_fourteenth_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    for line, truth in full_sample(name):
        if name == "loki":
            assert re.search(r'(?:^| )msg=(?:"[^"]*"|\S+)', line), line
        elif name == "zookeeper":
            assert "{}" not in truth, truth
        elif name == "collectd" and truth.startswith("<*> plugin: "):
            assert re.match(r"\w+ plugin: \S", line), line
        elif name == "borg":
            assert not re.search(r"%[sdr]", truth), truth


def test_collectd_daemon_log_prints_the_plugin_name_before_the_message() -> None:
    # P_ERROR is daemon_log: "%s plugin: " and the name of the plugin it runs for, then the
    # message; STRERRNO is STRERROR(errno), strerror's text.
    call = {
        "file": "src/utils/db_query/db_query.c",
        "call": "P_ERROR",
        "format": "%s plugin: Query `%s': Prepare failed: %s",
        "verbs": ["%s", "%s", "%s"],
        "args": ["plugin_get_ctx().name", "q->name", "STRERROR(errno)"],
        "arg_values": [["dbi", "oracle", "postgresql"], None, None],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "collectd", seed)
        # The shared normalisation takes the backtick that opens `%s' into the value.
        assert truth == "<*> plugin: Query <*>': Prepare failed: <*>"
        assert re.fullmatch(
            r"(?:dbi|oracle|postgresql) plugin: Query `\S+': Prepare failed: [A-Z][a-z].*", line
        ), line
    plain: dict[str, Any] = {
        "format": "cpu plugin: Found %i processor%s.",
        "verbs": ["%i", "%s"],
        "args": ["(int)cpu_list_len", 'cpu_list_len == 1 ? "" : "s"'],
        "arg_values": [None, ["", "s"]],
    }
    line, truth = _line_and_truth(plain, "collectd")
    # A conditional between literals takes one of them (the shared normalisation takes the
    # word it ends into the value).
    assert truth == "cpu plugin: Found <*> <*>."
    assert re.fullmatch(r"cpu plugin: Found \d+ processors?\.", line), line


def test_zookeeper_and_loki_render_as_their_loggers_print_them() -> None:
    # SLF4J: {} filled in order; the exception after them goes on the lines after.
    call = {
        "format": "Exception causing close of session 0x{}: {}",
        "verbs": ["{}", "{}"],
        "args": ["Long.toHexString(sessionId)", "e.getMessage()", "e"],
        "throwable_arg": "e",
    }
    line, truth = _line_and_truth(call, "zookeeper")
    assert truth == "Exception causing close of session <*>: <*>"
    assert re.fullmatch(r"Exception causing close of session 0x\S+: \S.*", line), line
    # go-kit: the call's pairs in order, msg among them, quoted when it holds a space.
    pairs = {
        "style": "structured",
        "format": "failed to flush chunks",
        "keys": ["msg", "err", "num_chunks", "component"],
        "key_args": [None, "err", "len(chunks)", '"ingester"'],
        "arg_values": [None, None, None, ["ingester"]],
    }
    for seed in range(5):
        line, truth = _line_and_truth(pairs, "loki", seed)
        assert truth == 'msg="failed to flush chunks" err=<*> num_chunks=<*> component=<*>'
        assert re.fullmatch(
            r'msg="failed to flush chunks" err=(?:"[^"]+"|\S+) num_chunks=\d+ component=ingester',
            line,
        ), line


def test_the_fifteenth_split_holds_new_everyday_systems_of_three_languages() -> None:
    fifteenth, earlier = split_systems("fifteenth")
    assert set(fifteenth) == {"hbase", "cortex", "barman"}
    assert {s.language for s in fifteenth.values()} == {"java", "go", "python"}
    # Each logs the ordinary way of its ecosystem, rendered as earlier systems of it are.
    assert {s.style for s in fifteenth.values()} == {"slf4j", "gokit", "printf"}
    assert {s.style for s in fifteenth.values()} <= {s.style for s in earlier.values()}
    # HBase's "took {} ms" prints a bare number, as Flink's does.
    assert [s.name for s in fifteenth.values() if s.bare_durations] == ["hbase"]
    assert not any(s.exception_inline for s in fifteenth.values())
    assert logcall_corpus.SPLITS[14] == "fifteenth"


@pytest.mark.parametrize("name", sorted(s.name for s in SYSTEMS.values() if s.split == "fifteenth"))
def test_the_fifteenth_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    for line, truth in full_sample(name):
        if name == "cortex":
            assert re.search(r'(?:^| )msg=(?:"[^"]*"|\S+)', line), line
        elif name == "hbase":
            assert "{}" not in truth, truth
            assert not re.search(r"\d+ms ms\b", line), line
        elif name == "barman":
            assert not re.search(r"%[sdr]", truth), truth


def test_hbase_cortex_and_barman_render_as_their_loggers_print_them() -> None:
    # SLF4J: {} filled in order, a duration before its unit a bare number; the exception
    # after the placeholders goes on the lines after.
    call = {
        "format": "WAL {} roll period {} ms elapsed",
        "verbs": ["{}", "{}"],
        "args": ["wal", "this.rollPeriod"],
    }
    line, truth = _line_and_truth(call, "hbase")
    assert truth == "WAL <*> roll period <*> ms elapsed"
    assert re.fullmatch(r"WAL \S+ roll period \d+ ms elapsed", line), line
    thrown = {
        "format": "Failed to open region {}",
        "verbs": ["{}"],
        "args": ["regionName", "e"],
        "throwable_arg": "e",
    }
    line, truth = _line_and_truth(thrown, "hbase")
    assert truth == "Failed to open region <*>"
    assert re.fullmatch(r"Failed to open region \S+", line), line
    # go-kit: the call's pairs in order, msg among them, quoted when it holds a space; a
    # literal value is one of the values the source gives.
    pairs = {
        "style": "structured",
        "format": "skip group",
        "keys": ["msg", "reason", "user"],
        "key_args": [None, '"partitioned group already exists"', "userID"],
        "arg_values": [None, ["partitioned group already exists"], None],
    }
    for seed in range(5):
        line, truth = _line_and_truth(pairs, "cortex", seed)
        # The shared normalisation makes the literal reason a value.
        assert truth == 'msg="skip group" reason=<*> user=<*>'
        assert re.fullmatch(
            r'msg="skip group" reason="partitioned group already exists" user=\S+', line
        ), line
    # Python printf: %r writes repr, %d a number; a call without arguments prints its text.
    printf = {
        "format": "Copy failed (safe before %s): %r",
        "verbs": ["%s", "%r"],
        "args": ["safe_horizon", "e"],
    }
    line, truth = _line_and_truth(printf, "barman")
    assert truth == "Copy failed (safe before <*>): '<*>'"
    assert re.fullmatch(r"Copy failed \(safe before \S+\): '.+'", line), line
    plain = {"format": "The validity of a failed backup cannot be checked", "call": "output.info"}
    text = "The validity of a failed backup cannot be checked"
    assert _line_and_truth(plain, "barman") == (text, text)


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        # FoundationDB's closing "/>" is text, not a path.
        ([('<Event Type="', False), ("Open", True), ('" />', False)], '<Event Type="<*>" />'),
        # Digit-only text and Loghub's special words stay (collectd, HBase).
        ([("socket(2) failed: ", False), ("EBADF", True)], "socket(2) failed: <*>"),
        ([("read returned NULL for ", False), ("x", True)], "read returned NULL for <*>"),
        ([("region is null, see HBASE-8547", False)], "region is null, see HBASE-8547"),
        ([("cannot read /proc/stat: ", False), ("e", True)], "cannot read /proc/stat: <*>"),
    ],
)
def test_truth_keeps_constant_text(pieces: list[tuple[str, bool]], expected: str) -> None:
    assert logcall_corpus.truth_of(pieces) == expected


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        ([("block blk_", False), ("17", True), (" added", False)], "block <*> added"),
        ([("at ", False), ("10", True), (".", False), ("2", True)], "at <*>"),
        ([("took  ", False), ("3", True), ("", False), ("ms", True)], "took <*>"),
    ],
)
def test_truth_writes_values_as_templates_do(pieces: list[tuple[str, bool]], expected: str) -> None:
    """A sub-token holding a value is the value, adjacent values fold, spaces collapse: the
    conventions rendering follows for variables (rendering.normalise_variables)."""
    assert logcall_corpus.truth_of(pieces) == expected


def test_the_sixteenth_split_holds_new_systems_a_platform_team_runs_in_three_languages() -> None:
    sixteenth, earlier = split_systems("sixteenth")
    assert set(sixteenth) == {"vector", "openvswitch", "argocd"}
    assert {s.language for s in sixteenth.values()} == {"rust", "c", "go"}
    # Vector's tracing and Open vSwitch's printf are renderers earlier systems use; logrus'
    # JSON formatter (Argo CD) is new.
    assert {s.style for s in sixteenth.values()} == {"tracing", "printf", "logrusjson"}
    assert {s.style for s in sixteenth.values()} - {s.style for s in earlier.values()} == {
        "logrusjson"
    }
    assert not any(s.bare_durations or s.exception_inline for s in sixteenth.values())
    assert logcall_corpus.SPLITS[15] == "sixteenth"


@pytest.mark.parametrize("name", sorted(s.name for s in SYSTEMS.values() if s.split == "sixteenth"))
def test_the_sixteenth_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    for line, truth in full_sample(name):
        if name == "vector":
            # No placeholder of the source is left, and a rate limit field is never a value.
            assert "{}" not in line and "{:?}" not in line, line
            assert not re.search(r"internal_log_rate_limit=(?!true\b|false\b)", line), line
        elif name == "openvswitch":
            assert not re.search(r"%(?:l?[sdux]|zu|p)\b", truth), truth
        elif name == "argocd":
            # One JSON object, its keys sorted, with "msg" among them.
            assert line.startswith("{") and line.endswith("}"), line
            keys = re.findall(r'(?:^\{|,)"([\w.]+)":', line)
            assert "msg" in keys and keys == sorted(keys), line


def test_vector_fields_with_a_literal_or_a_constant_value_are_constant_text() -> None:
    call = {
        "style": "rust",
        "format": "Failed to glob path.",
        "keys": ["error", "error_code", "error_type", "stage", "internal_log_rate_limit", "path"],
        "key_args": [
            "self.error",
            '"globbing"',
            "error_type::READER_FAILED",
            "error_stage::RECEIVING",
            "true",
            "self.path",
        ],
        "key_sigils": ["%", "", "", "", "", "?"],
        "key_literals": [None, '"globbing"', '"reader_failed"', '"receiving"', "true", None],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "vector", seed)
        assert truth.startswith('Failed to glob path. error=<*> error_code="globbing" ')
        assert 'error_type="reader_failed" stage="receiving"' in truth
        assert truth.endswith(' path="<*>"')
        assert re.fullmatch(
            r"Failed to glob path\. error=.+ error_code=\"globbing\" error_type=\"reader_failed\" "
            r'stage="receiving" internal_log_rate_limit=true path="[^"]+"',
            line,
        ), line
    # Without key_literals (Zebra's calls) every field is a value, as before.
    zebra = {**call, "key_literals": None}
    del zebra["key_literals"]
    _, truth = _line_and_truth(zebra, "zebra")
    assert "reader_failed" not in truth and "globbing" not in truth


def test_open_vswitch_prints_its_printf_message_with_macros_expanded() -> None:
    # IP_FMT and IP_ARGS: four %u and the octets of an address; a conditional between literals
    # takes one of them.
    call = {
        "format": "%s: learned that %u.%u.%u.%u is on port %s (%s)",
        "verbs": ["%s", "%u", "%u", "%u", "%u", "%s", "%s"],
        "args": [
            "bridge->name",
            "IP_ARGS(ip)[0]",
            "IP_ARGS(ip)[1]",
            "IP_ARGS(ip)[2]",
            "IP_ARGS(ip)[3]",
            "port->name",
            'learned ? "new" : "moved"',
        ],
        "arg_values": [
            None,
            ["10", "172"],
            ["0", "16"],
            ["1", "2"],
            ["5", "10"],
            None,
            ["new", "moved"],
        ],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "openvswitch", seed)
        # The shared normalisation (Loghub-2.0's rules) makes the dotted octets one value.
        assert truth == "<*>: learned that <*> is on port <*> (<*>)"
        assert re.fullmatch(
            r"\S+: learned that (?:10|172)\.(?:0|16)\.[12]\.(?:5|10) "
            r"is on port \S+ \((?:new|moved)\)",
            line,
        ), line
    plain = {"format": "Can't parse conntrack event type."}
    assert _line_and_truth(plain, "openvswitch") == (plain["format"], plain["format"])


def test_argo_cd_prints_logrus_json_with_the_fields_and_msg_sorted_by_key() -> None:
    call = {
        "style": "printf",
        "format": "Refreshing app <%s> for %q",
        "verbs": ["%s", "%q"],
        "args": ["app.Name", "reason"],
        "keys": ["application", "time", "appNamespace", "error"],
        "key_args": ["app.Name", "started", "app.Namespace", "err"],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "argocd", seed)
        # Keys sorted (a field named time renamed fields.time), "msg" in its place; < and >
        # written as encoding/json's HTML-safe escapes, %q's quotes escaped in the string.
        keys = re.findall(r'(?:^\{|,)"([\w.]+)":', line)
        assert keys == ["appNamespace", "application", "error", "fields.time", "msg"], line
        assert '"msg":"Refreshing app \\u003c' in line and '\\u003e for \\"' in line, line
        assert line.endswith('\\""}'), line
        # An error field's "read tcp a->b" is written HTML-safe too.
        assert "<" not in line and ">" not in line, line
        assert truth.startswith(
            '{"appNamespace":"<*>","application":"<*>","error":"<*>","fields.time":"<*>",'
            '"msg":"Refreshing app '
        ), truth
    errors = [_line_and_truth(call, "argocd", seed)[0] for seed in range(40)]
    assert any("\\u003e" in line.split('"error":')[1].split('","')[0] for line in errors)
    plain = {"style": "plain", "format": "Reconciliation of 100% of apps & projects"}
    line, _ = _line_and_truth(plain, "argocd")
    assert line == '{"msg":"Reconciliation of 100% of apps \\u0026 projects"}'


def test_the_seventeenth_split_holds_new_systems_a_platform_team_runs_in_three_languages() -> None:
    seventeenth, earlier = split_systems("seventeenth")
    assert set(seventeenth) == {"kea", "debezium", "rclone"}
    assert {s.language for s in seventeenth.values()} == {"cpp", "java", "go"}
    # Debezium's SLF4J is a renderer earlier systems use; Kea's message ids and rclone's
    # object before the message are new.
    assert {s.style for s in seventeenth.values()} == {"kea", "slf4j", "rclone"}
    assert {s.style for s in seventeenth.values()} - {s.style for s in earlier.values()} == {
        "kea",
        "rclone",
    }
    assert [s.name for s in seventeenth.values() if s.bare_durations] == ["debezium"]
    assert not any(s.exception_inline for s in seventeenth.values())
    assert logcall_corpus.SPLITS[16] == "seventeenth"


@pytest.mark.parametrize(
    "name", sorted(s.name for s in SYSTEMS.values() if s.split == "seventeenth")
)
def test_the_seventeenth_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    for line, truth in full_sample(name):
        if name == "kea":
            # The message id leads, constant in the truth, and no %1 of the dictionary is left.
            ident = re.match(r"[A-Z][A-Z0-9_]+ ", line)
            assert ident and truth.startswith(ident.group()), (line, truth)
            assert not re.search(r"%\d", truth), truth
        elif name == "debezium":
            assert "{}" not in truth, truth
        elif name == "rclone":
            assert not re.search(r"%[-+# 0-9.]*[sdvqxfwT]\b", truth), truth
            assert not line.startswith(("nil:", "<nil>:")), line


def test_kea_prints_the_message_id_then_its_text_filled_by_the_arguments() -> None:
    text = "%1: lease %2 has been allocated for %3 seconds"
    call: dict[str, Any] = {
        "id": "DHCP4_LEASE_ALLOC",
        "format": "DHCP4_LEASE_ALLOC " + text,
        "verbs": ["%1", "%2", "%3"],
        "args": ["query->getLabel()", "lease->addr_.toText()", "lease->valid_lft_"],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "kea", seed)
        assert truth == "DHCP4_LEASE_ALLOC <*>: lease <*> has been allocated for <*> seconds"
        assert re.fullmatch(
            r"DHCP4_LEASE_ALLOC \[hwtype=1 08:00:27(?::[0-9a-f]{2}){3}\], "
            r"cid=\[(?:01:08:00:27(?::[0-9a-f]{2}){3}|no info)\], tid=0x[0-9a-f]{8}: "
            r"lease 192\.0\.2\.\d+ has been allocated for \S+ seconds",
            line,
        ), line
    # A DHCPv6 message: the packet's DUID and the lease's IPv6 address.
    v6 = {**call, "id": "DHCP6_LEASE_ALLOC", "format": "DHCP6_LEASE_ALLOC " + text}
    line, _ = _line_and_truth(v6, "kea")
    assert re.match(r"DHCP6_LEASE_ALLOC duid=\[00:03:00:01:[0-9a-f:]+\], tid=0x[0-9a-f]{6}: ", line)
    assert " lease 2001:db8:" in line, line
    # A duration is the number of the unit the text writes after it; a message about DHCPv6
    # writes IPv6 addresses whatever its id.
    retry = {
        "id": "HA_LEASE_RETRY",
        "format": "HA_LEASE_RETRY retrying DHCPv6 lease %1 in %2 milliseconds",
        "verbs": ["%1", "%2"],
        "args": ["lease6->addr_", "db_reconnect_ctl->retryInterval()"],
    }
    for seed in range(5):
        line, _ = _line_and_truth(retry, "kea", seed)
        assert re.fullmatch(r"\S+ retrying DHCPv6 lease 2001:db8:\S+ in \d+ milliseconds", line)
    # A message with no argument prints its id and text as they are.
    quiet = {"id": "DHCP4_SHUTDOWN", "format": "DHCP4_SHUTDOWN server shutdown"}
    assert _line_and_truth(quiet, "kea") == (quiet["format"], quiet["format"])


def test_rclone_prints_the_object_the_call_names_before_its_message() -> None:
    call = {
        "format": "Failed to copy: %v",
        "verbs": ["%v"],
        "args": ["err"],
        "object": "o",
        "object_kind": "object",
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "rclone", seed)
        assert truth == "<*>: Failed to copy: <*>"
        assert re.fullmatch(r"[\w/]+/[\w-]+(?:\.[\w.]+)?: Failed to copy: .+", line), line
    fs = {**call, "object": "f", "object_kind": "fs"}
    line, truth = _line_and_truth(fs, "rclone")
    assert re.match(
        r"(?:Local file system at|S3 bucket|Google drive|B2 bucket|Azure container) ", line
    )
    assert truth == "<*>: Failed to copy: <*>", truth
    # A string the call names is constant text; nil names nothing.
    named = {
        **call,
        "object": '"vfs cache"',
        "object_kind": "literal",
        "object_literal": "vfs cache",
    }
    assert _line_and_truth(named, "rclone")[1] == "vfs cache: Failed to copy: <*>"
    bare = {"format": "Failed to copy: %v", "verbs": ["%v"], "args": ["err"]}
    assert _line_and_truth(bare, "rclone")[1] == "Failed to copy: <*>"
    # fs.Log's text is printed as it is, a percent sign included.
    plain = {
        "style": "plain",
        "format": "Transferred 100% of %d files",
        "object": "f",
        "object_kind": "fs",
    }
    line, truth = _line_and_truth(plain, "rclone")
    assert line.endswith(": Transferred 100% of %d files"), line
    assert truth == "<*>: Transferred 100% of %d files", truth


@dataclass(frozen=True)
class _Split:
    """What a later split holds: its systems, their languages and styles (each a list of
    names split by spaces), and its facts."""

    systems: str
    languages: str
    styles: str
    # The styles no other split has (those of the splits in ``styles_ignoring`` left out).
    new_styles: str = ""
    styles_ignoring: str = ""
    bare_durations: str = ""
    # How many systems of each of its languages the other splits hold, at least and at most;
    # with ``only_before`` only the splits before it count.
    others_per_language: tuple[int, int] | None = None
    only_before: bool = False
    # How many calls each of its systems holds at least, and the checks (``_check_call``)
    # every call of each passes.
    calls: int = 0
    call_checks: str = ""


def _names(names: str) -> set[str]:
    return set(names.split())


_LATER_SPLITS = {
    # No new convention: logrus' text (as containerd's), SLF4J and Python's printf.
    "eighteenth": _Split(
        "externaldns eureka certbot",
        "go java python",
        "logrus slf4j printf",
        bare_durations="eureka",
        calls=300,
        call_checks="verbs<=args",
    ),
    "nineteenth": _Split(
        "velero conductor cloudinit",
        "go java python",
        "logrus slf4j printf",
        bare_durations="conductor",
        calls=1000,
        call_checks="verbs<=args",
    ),
    # Serilog's rendering of .NET message templates is new; Rust's log macros and PSR-3 are
    # rendered as Zebra's and MediaWiki's. The twentythird, thirtyfirst and thirtyeighth reuse
    # serilog (Kavita, Duplicati, the Bitwarden server).
    "twentieth": _Split(
        "jellyfin qdrant nextcloud-mail",
        "csharp rust php",
        "serilog tracing psr3",
        "serilog",
        "twentythird thirtyfirst thirtyeighth",
        call_checks="one-line as-many-verbs-as-args",
    ),
    # Languages the corpus had one or two systems each of (Puppet and Fluentd, CouchDB,
    # TeslaMate); no new renderer: Log4r's, lager's and Logger's lines as Puppet's, CouchDB's
    # and TeslaMate's are rendered.
    "twentyfirst": _Split(
        "vagrant riak-kv logflare",
        "ruby erlang elixir",
        "ruby erlang elixir",
        others_per_language=(1, 2),
        only_before=True,
        call_checks="one-nonblank-line verbs==args",
    ),
    # Languages the corpus had one system each of (Ghostty, Homebridge, SpamAssassin); their
    # renderers reused: std.log as Ghostty's, template literals as Homebridge's after Uptime
    # Kuma's label, Perl interpolation as SpamAssassin's with Log::Dispatch's caller after it.
    "twentysecond": _Split(
        "tigerbeetle uptime-kuma request-tracker",
        "zig javascript perl",
        "zig nodejs perl",
        others_per_language=(1, 1),
        only_before=True,
        call_checks="one-nonblank-line verbs==args verbs-in-format",
    ),
    # TypeScript (as JavaScript: its errors are JavaScript's), C# and Lua, languages the corpus
    # had one or two systems each of (Homebridge and Uptime Kuma, Orleans and Jellyfin,
    # Lsyncd); no new renderer: template literals after Zigbee2MQTT's label as Uptime Kuma's,
    # Kavita's templates as Jellyfin's, KOReader's joined operands as Lsyncd's.
    "twentythird": _Split(
        "zigbee2mqtt kavita koreader",
        "javascript csharp lua",
        "nodejs serilog labelled",
        others_per_language=(1, 2),
        only_before=True,
        call_checks="one-nonblank-line verbs==args verbs-in-format",
    ),
    # OCaml, Dart and Objective-C, languages no earlier system is written in; no new renderer:
    # each call recorded as a printf after its logger's label, rendered as Lsyncd's.
    "twentyfourth": _Split(
        "opam appflowy hammerspoon",
        "ocaml dart objc",
        "labelled",
        others_per_language=(0, 0),
        calls=100,
        call_checks="one-nonblank-line verbs==args verbs-in-format no-style",
    ),
    # Go, Python and Java, each with a convention the corpus renders already: restic's Go
    # debug.Log printf as Gitea's, Luigi's Python logging as Home Assistant's,
    # DolphinScheduler's SLF4J as ZooKeeper's; no new renderer.
    "twentyfifth": _Split(
        "restic luigi dolphinscheduler",
        "go python java",
        "printf slf4j",
        calls=180,
        call_checks="one-nonblank-line no-style no-label",
    ),
    # Go, Python and Java again, each with a convention the corpus renders already: Harbor's
    # Go log printf as Gitea's, Keystone's Python logging as Home Assistant's, SeaTunnel's
    # SLF4J as ZooKeeper's; no new renderer.
    "twentysixth": _Split(
        "harbor keystone seatunnel",
        "go python java",
        "printf slf4j",
        calls=180,
        call_checks="one-nonblank-line no-style no-label",
    ),
    # Go, Python and Java once more, each with a convention the corpus renders already:
    # SeaweedFS's Go glog printf as Gitea's, Cinder's Python logging as Home Assistant's,
    # Ranger's SLF4J as ZooKeeper's; no new renderer.
    "twentyseventh": _Split(
        "seaweedfs cinder ranger",
        "go python java",
        "printf slf4j",
        calls=180,
        call_checks="one-nonblank-line no-style no-label",
    ),
    # Go, Python and Java once more, each with a convention the corpus renders already:
    # Rook's Go capnslog printf as Gitea's, Swift's Python logging as Home Assistant's,
    # Atlas's SLF4J as ZooKeeper's; no new renderer.
    "twentyeighth": _Split(
        "rook swift atlas",
        "go python java",
        "printf slf4j",
        calls=180,
        call_checks="one-nonblank-line no-style no-label",
    ),
    # Go, Python and Java once more, each with a convention the corpus renders already:
    # Nomad's hclog as Consul's, AWX's Python logging as Home Assistant's, Zeppelin's SLF4J as
    # ZooKeeper's; no new renderer.
    "twentyninth": _Split(
        "nomad awx zeppelin",
        "go python java",
        "hclog printf slf4j",
        calls=180,
        call_checks="one-nonblank-line no-label",
    ),
    # Go, Python and Java once more, each with a convention the corpus renders already:
    # Tempo's go-kit logfmt as Loki's, Frigate's Python logging as Home Assistant's,
    # Narayana's JBoss Logging as Hibernate's; no new renderer.
    "thirtieth": _Split(
        "tempo frigate narayana",
        "go python java",
        "gokit printf jboss",
        calls=180,
        call_checks="one-nonblank-line no-label",
    ),
    # Three languages the last six splits had none of, each with a convention the corpus
    # renders already: Garage's Rust log macros as Qdrant's (its hashes' and ids' Debug bare),
    # Suricata's C printf as collectd's, Duplicati's String.Format holes as Kavita's Serilog
    # holes (every value written as it is); no new renderer (Rust's {:?} honours a hole the
    # record marks bare, as Serilog's holes do).
    "thirtyfirst": _Split(
        "garage suricata duplicati",
        "rust c csharp",
        "tracing printf serilog",
        calls=300,
        call_checks="one-nonblank-line no-label",
    ),
    # Go, Python and Ruby, each with a convention the corpus renders already: M3's zap fields
    # as etcd's, Deluge's Python logging as Home Assistant's, Chef's Ruby interpolation after
    # its level ("INFO: ") as Puppet's and Vagrant's; no new renderer.
    "thirtysecond": _Split(
        "m3 deluge chef",
        "go python ruby",
        "zap printf ruby",
        calls=700,
        call_checks="one-nonblank-line",
    ),
    # Go, Java and Elixir, each with a convention the corpus renders already: Longhorn's logrus
    # text as Velero's, Storm's SLF4J as ZooKeeper's, Sequin's Elixir interpolation after
    # Logger's "[level] " as Logflare's; no new renderer.
    "thirtythird": _Split(
        "longhorn storm sequin",
        "go java elixir",
        "logrus slf4j elixir",
        calls=300,
        call_checks="one-nonblank-line verbs<=args",
    ),
    # Go, Python and C++, each with a convention the corpus renders already: Harness's zerolog
    # JSON as Woodpecker's, Cobbler's Python logging as Home Assistant's, Mesos's glog streams
    # as Kudu's; no new renderer.
    "thirtyfourth": _Split(
        "harness cobbler mesos",
        "go python cpp",
        "zerolog printf glog",
        calls=350,
        call_checks="one-nonblank-line verbs<=args",
    ),
    # Go, Java and Python, each with a convention the corpus renders already: Tekton's zap
    # sugared logger as etcd's, Ozone's SLF4J as ZooKeeper's, CKAN's Python logging as Home
    # Assistant's; no new renderer.
    "thirtyfifth": _Split(
        "tekton ozone ckan",
        "go java python",
        "zap slf4j printf",
        calls=180,
        call_checks="one-nonblank-line verbs<=args no-label",
    ),
    # Go, C and Rust, each with a convention the corpus renders already: SPIRE's logrus as
    # Longhorn's, SSSD's DEBUG printf as Suricata's, Kanidm's tracing macros as Garage's; no
    # new renderer.
    "thirtysixth": _Split(
        "spire sssd kanidm",
        "go c rust",
        "logrus printf tracing",
        calls=450,
        call_checks="one-nonblank-line verbs<=args no-label",
    ),
    # Java, Python and Go, each with a convention the corpus renders already: Helix's SLF4J as
    # ZooKeeper's, Manila's Python logging as Home Assistant's, the Postgres Operator's logrus
    # as Longhorn's; no new renderer.
    "thirtyseventh": _Split(
        "helix manila postgresoperator",
        "java python go",
        "slf4j printf logrus",
        calls=450,
        call_checks="one-nonblank-line verbs<=args no-label",
    ),
    # Rust, C# and Go, each with one of the corpus's less common conventions, rendered already:
    # Vaultwarden's log macros as Garage's, the Bitwarden server's ILogger message templates
    # through Serilog's file sink as Jellyfin's, the Nomad Autoscaler's hclog pairs as Consul's;
    # no new renderer.
    "thirtyeighth": _Split(
        "vaultwarden bitwarden nomad-autoscaler",
        "rust csharp go",
        "tracing serilog hclog",
        calls=180,
        call_checks="one-nonblank-line no-label",
    ),
    # Python, Java and Go: Ironic's Python logging as Home Assistant's and Ratis's SLF4J as
    # ZooKeeper's, and a convention the corpus did not have, Dex's log/slog through its JSON
    # handler ({"msg":"...","key":"value"}, a number or a list bare), with its renderer.
    "thirtyninth": _Split(
        "ironic ratis dex",
        "python java go",
        "printf slf4j slogjson",
        "slogjson",
        calls=250,
        call_checks="one-nonblank-line no-label",
    ),
    # Python, Java and C++: Accumulo's SLF4J as ZooKeeper's, and two conventions the corpus did
    # not have, Heat's Python logging with a mapping (%(name)s filled from the call's dict) and
    # Hyprland's C++20 std::format ({}, {:x}, {:.2f}), each with its renderer. The fortyfirst
    # reuses pymapping (Barbican).
    "fortieth": _Split(
        "heat accumulo hyprland",
        "python java cpp",
        "pymapping slf4j stdformat",
        "pymapping stdformat",
        "fortyfirst",
        calls=400,
        call_checks="one-nonblank-line no-label",
    ),
    # Python, Go and Java again, with no new convention: Barbican's Python logging (positional
    # %s and %(name)s with a mapping) as Heat's, Iceberg's SLF4J as ZooKeeper's and Podman's
    # logrus printf as Longhorn's.
    "fortyfirst": _Split(
        "barbican iceberg podman",
        "python java go",
        "pymapping slf4j logrus",
        calls=240,
        call_checks="one-nonblank-line no-label",
    ),
    # Python, Kotlin and Go, with two conventions the corpus did not have: FlexGet's loguru
    # (str.format's {} and {name} only when the call passes arguments) and Komga's
    # kotlin-logging lambdas ("$x ${expr}" with no tag before them), each with its renderer;
    # CRI-O's logrus printf (its own log.Infof(ctx, ...) included) as Longhorn's.
    "fortysecond": _Split(
        "flexget komga crio",
        "python kotlin go",
        "loguru kotlinlogging logrus",
        "loguru kotlinlogging",
        calls=340,
        call_checks="one-nonblank-line no-label",
    ),
}


@pytest.mark.parametrize("split", list(_LATER_SPLITS))
def test_a_later_split_holds_its_new_systems_languages_and_styles(split: str) -> None:
    expected = _LATER_SPLITS[split]
    mine, earlier = split_systems(split)
    assert set(mine) == _names(expected.systems)
    assert {s.language for s in mine.values()} == _names(expected.languages)
    assert {s.style for s in mine.values()} == _names(expected.styles)
    ignoring = _names(expected.styles_ignoring)
    others = {s.style for s in earlier.values() if s.split not in ignoring}
    assert {s.style for s in mine.values()} - others == _names(expected.new_styles)
    if expected.others_per_language is not None:
        low, high = expected.others_per_language
        counted = [
            s
            for s in earlier.values()
            if not expected.only_before or _split_index(s.split) < _split_index(split)
        ]
        for language in _names(expected.languages):
            assert low <= sum(s.language == language for s in counted) <= high, language
    bare = [s.name for s in mine.values() if s.bare_durations]
    assert sorted(bare) == sorted(_names(expected.bare_durations))
    assert not any(s.exception_inline for s in mine.values())
    assert logcall_corpus.SPLITS[list(_LATER_SPLITS).index(split) + 17] == split


def test_the_fortysecond_split_is_the_last() -> None:
    assert logcall_corpus.SPLITS[40] == "fortyfirst"
    assert logcall_corpus.SPLITS[41] == "fortysecond"
    assert len(logcall_corpus.SPLITS) == 42


# A call of each system of the later splits read from its source: how many distinct formats
# the system holds at least, the file the call is in and its format.
_KNOWN_CALLS = {
    "externaldns": (
        280,
        "controller/execute.go",
        "running in dry-run mode. No changes to DNS records will be made.",
    ),
    "eureka": (
        280,
        "eureka-core/src/main/java/com/netflix/eureka/registry/AbstractInstanceRegistry.java",
        "Registered instance {}/{} with status {} (replication={})",
    ),
    "certbot": (
        280,
        "certbot/src/certbot/_internal/auth_handler.py",
        "Challenge failed for domain %s",
    ),
    "velero": (1000, "pkg/controller/backup_controller.go", "Getting backup"),
    "conductor": (
        1000,
        "core/src/main/java/com/netflix/conductor/core/execution/DeciderService.java",
        "Task: {} of type: {} in workflow: {}/{} is in pending state for longer than {} ms",
    ),
    "cloudinit": (
        1000,
        "cloudinit/config/cc_mounts.py",
        "Attempting to determine the real name of %s",
    ),
    "jellyfin": (
        1000,
        "src/Jellyfin.LiveTv/TunerHosts/SharedHttpStream.cs",
        "Opening {StreamType} Live stream from {Url}",
    ),
    "qdrant": (
        600,
        "lib/collection/src/collection/clean.rs",
        "Background task to clean shard {shard_id} failed: {err}",
    ),
    "nextcloud-mail": (
        200,
        "lib/BackgroundJob/QuotaJob.php",
        "Could not find account <{$accountId}> removing from jobs",
    ),
    "vagrant": (
        600,
        "lib/vagrant/action/builtin/box_add.rb",
        "Downloading box: #{url} => #{temp_path}",
    ),
    "riak-kv": (250, "src/riak_kv_index_hashtree.erl", "Starting AAE tree build: ~p"),
    "logflare": (
        250,
        "lib/logflare/google/bigquery/schema_utils/schema_utils.ex",
        "Unexpected value of TFS mode: #{mode}",
    ),
    "tigerbeetle": (550, "src/vsr/replica.zig", "{}: on_request: request collision (client bug)"),
    "uptime-kuma": (300, "server/model/domain_expiry.js", "No RDAP server found for TLD ${tld}"),
    "request-tracker": (1000, "lib/RT/Ticket.pm", "Tried to load a bogus ticket id: '$id'"),
    "zigbee2mqtt": (
        170,
        "lib/controller.ts",
        "Starting Zigbee2MQTT version ${info.version} (commit #${info.commitHash})",
    ),
    "kavita": (450, "API/Controllers/AccountController.cs", "{UserName} logged in at {Time}"),
    "koreader": (1200, "frontend/docsettings.lua", "DocSettings: data is read from %s"),
    "opam": (230, "src/repository/opamDownload.ml", "Downloading %s for %s"),
    "appflowy": (
        500,
        "frontend/appflowy_flutter/lib/features/workspace/logic/workspace_bloc.dart",
        "leave workspace success: %s",
    ),
    "hammerspoon": (
        500,
        "extensions/wifi/libwifi_watcher.m",
        "expected hs.wifi.watcher object, found %s",
    ),
    "restic": (340, "internal/backend/cache/backend.go", "download %v finished"),
    "luigi": (165, "luigi/contrib/bigquery.py", "View SQL: %s"),
    "dolphinscheduler": (
        1400,
        "dolphinscheduler-api/src/main/java/org/apache/dolphinscheduler/api/interceptor/"
        "LoginHandlerInterceptor.java",
        "user does not exist",
    ),
    "harbor": (1100, "src/controller/replication/execution.go", "recovered from the panic: %v"),
    "keystone": (165, "keystone/token/provider.py", "Unable to validate token: %s"),
    "seatunnel": (
        1000,
        "seatunnel-connectors-v2/connector-doris/src/main/java/org/apache/seatunnel/connectors/"
        "doris/backend/BackendClient.java",
        "Open scanner from {} failed.",
    ),
    "seaweedfs": (4500, "weed/storage/store.go", "tried to save empty state for store %s"),
    "cinder": (
        3100,
        "cinder/volume/manager.py",
        "Driver path %s is deprecated, update your configuration to the new path.",
    ),
    "ranger": (
        7100,
        "security-admin/src/main/java/org/apache/ranger/biz/ServiceDBStore.java",
        "Error while generating report file {}",
    ),
    "rook": (
        750,
        "pkg/operator/ceph/controller/predicate.go",
        "found %d ceph clusters in namespace %q",
    ),
    "swift": (320, "swift/cli/relinker.py", "Processing files for policy %s under %s"),
    "atlas": (
        2600,
        "repository/src/main/java/org/apache/atlas/repository/store/graph/v2/EntityGraphMapper.java",
        "Number of propagations to delete -> {}",
    ),
    "nomad": (1100, "drivers/docker/network.go", "failed to stop pause container"),
    "awx": (
        170,
        "awx/main/scheduler/task_manager.py",
        "Marking %s as canceled, all spawned jobs have concluded.",
    ),
    "zeppelin": (
        1100,
        "zeppelin-server/src/main/java/org/apache/zeppelin/notebook/repo/NotebookRepoSync.java",
        "Modified note is added to pull list : {}",
    ),
    "tempo": (440, "tempodb/backend/s3/s3.go", "object uploaded to s3"),
    "frigate": (480, "frigate/api/export.py", "Export queue is full; rejecting %s"),
    "narayana": (
        1300,
        "ArjunaCore/arjuna/classes/com/arjuna/ats/arjuna/logging/arjunaI18NLogger.java",
        "ARJUNA012077: Abort called on already aborted atomic action {0}",
    ),
    "garage": (280, "src/api/s3/put.rs", "Cannot cleanup after aborted PutObject: {}"),
    "suricata": (2000, "src/source-ipfw.c", "Can't set IPFW divert socket timeout: %s"),
    "duplicati": (
        700,
        "Duplicati/Library/Main/Operation/RemoteSynchronizationHandler.cs",
        "Remote synchronization to {0} failed with exit code {1}.",
    ),
    "m3": (800, "src/dbnode/server/server.go", "raised rlimit no file fds limit"),
    "deluge": (650, "deluge/core/authmanager.py", "Opening %s for load: %s"),
    "chef": (
        900,
        "lib/chef/application/base.rb",
        "SIGUSR1 received, will run now or after the current run",
    ),
    "longhorn": (1500, "controller/volume_controller.go", "Volume got new owner %v"),
    "storm": (
        1500,
        "storm-server/src/main/java/org/apache/storm/daemon/nimbus/Nimbus.java",
        "Killing topology: {}",
    ),
    "sequin": (
        300,
        "lib/sequin/aws/sns.ex",
        "[SNS] Failed to list topics for credential test: #{inspect(details)}",
    ),
    "harness": (
        1000,
        "app/api/controller/githook/client.go",
        "calling pre-receive",
    ),
    "cobbler": (300, "cobbler/modules/sync_post_wingen.py", "Build answer file: %s"),
    "mesos": (1800, "src/authentication/cram_md5/authenticatee.cpp", "Authentication success"),
    "tekton": (
        150,
        "pkg/reconciler/taskrun/taskrun.go",
        "Failed to update taskrun %s with default workspace: %v",
    ),
    "ozone": (
        4000,
        "hadoop-hdds/client/src/main/java/org/apache/hadoop/hdds/scm/OzoneClientConfig.java",
        "The checksum size ({}) is not allowed to be less than the minimum size ({}),"
        " resetting to the minimum size.",
    ),
    "ckan": (170, "ckan/lib/authenticator.py", "Login failed - username or email %r not found"),
    "spire": (350, "pkg/server/ca/manager/manager.go", "Unable to append JWT key to journal"),
    "sssd": (
        7000,
        "src/providers/ad/ad_subdomains.c",
        "Unable to lookup forest root information [%d]: %s",
    ),
    "kanidm": (1000, "server/core/src/lib.rs", "Failed to setup in memory schema: {:?}"),
    "helix": (
        700,
        "helix-core/src/main/java/org/apache/helix/controller/stages/"
        "ParticipantDeregistrationStage.java",
        "There are no instances to deregister from cluster {}",
    ),
    "manila": (900, "manila/share/manager.py", "Deleting share server '%s'"),
    "postgresoperator": (
        400,
        "pkg/cluster/pod.go",
        "master pod %q is not running, skipping switchover and recreating directly",
    ),
    "vaultwarden": (150, "src/api/admin.rs", "Invalid admin token. IP: {}"),
    "bitwarden": (
        500,
        "src/Admin/AdminConsole/Controllers/OrganizationsController.cs",
        "Failed to update migration cohort assignment for organization {OrganizationId}.",
    ),
    "nomad-autoscaler": (150, "agent/agent.go", "caught signal"),
    "ironic": (500, "ironic/conductor/manager.py", "RPC create_node called for node %s."),
    "ratis": (
        400,
        "ratis-server/src/main/java/org/apache/ratis/server/impl/RaftServerImpl.java",
        "{}: changes role from {} to {} at term {} for {}",
    ),
    "dex": (200, "cmd/dex/serve.go", "config issuer"),
    "heat": (
        400,
        "heat/engine/clients/os/nova.py",
        "Volume %(vol)s is detached from server %(srv)s",
    ),
    "accumulo": (
        1800,
        "server/manager/src/main/java/org/apache/accumulo/manager/ManagerClientServiceHandler.java",
        "No server found for name {}, unable to shut it down",
    ),
    "hyprland": (900, "src/pointer/PointerManager.cpp", "Attached pointer {} to global"),
    "barbican": (
        200,
        "barbican/api/middleware/context.py",
        "Processed request: %(status)s - %(method)s %(url)s",
    ),
    "iceberg": (
        650,
        "core/src/main/java/org/apache/iceberg/IncrementalFileCleanup.java",
        "Deleting {} manifest-list files",
    ),
    "podman": (950, "libpod/storage.go", "Failed to unmount container %q: %v"),
    "flexget": (2000, "flexget/components/archives/decompress.py", "Would extract: {} to {}"),
    "komga": (
        290,
        "komga/src/main/kotlin/org/gotson/komga/domain/service/BookConverter.kt",
        "Copying archive content to $destinationPath",
    ),
    "crio": (700, "server/container_stop.go", "Stopping container: %s (timeout: %ds)"),
}

# The checks of a system's calls beyond its split's: a Go printf on a logrus entry, Python's
# printf, Go's and Python's printf of the twentyfifth to thirtieth splits, the calls of the
# twentyninth and thirtieth splits' systems without a style (hclog, go-kit's pairs and JBoss
# Logging's three kinds of text have one), the thirtyfirst's, thirtysecond's and
# thirtythird's, thirtyfourth's, thirtyfifth's, thirtysixth's and thirtyseventh's holes, each
# with its argument (Suricata's and SSSD's C printf, Deluge's, Cobbler's, CKAN's and Manila's
# Python printf and Storm's, Ozone's and Helix's SLF4J without a style), Longhorn's, SPIRE's
# and the Postgres Operator's logrus fields in pairs, Harness's zerolog fields each with its key
# and type and Tekton's zap fields each with its key.
_LOGRUS = "logrus"
# loguru's methods, FlexGet's VERBOSE level (between DEBUG and INFO, recorded as INFO) among them
_LOGURU_METHODS = "trace debug verbose info success warning error critical exception"
_PYTHON_PRINTF = "printf-args"
_SYSTEM_CALL_CHECKS = {
    "externaldns": _LOGRUS,
    "certbot": _PYTHON_PRINTF,
    "velero": _LOGRUS + " no-bare-percent",
    "cloudinit": _PYTHON_PRINTF,
    "restic": "verbs==args verbs-in-format",
    "luigi": "verbs==args verbs-in-format",
    "harbor": "verbs==args verbs-in-format",
    "keystone": "verbs==args verbs-in-format",
    "seaweedfs": "verbs==args verbs-in-format",
    "cinder": "verbs==args verbs-in-format",
    "rook": "verbs==args verbs-in-format",
    "swift": "verbs==args verbs-in-format",
    "awx": "verbs==args verbs-in-format no-style",
    "zeppelin": "no-style",
    "frigate": "verbs==args verbs-in-format no-style",
    "garage": "verbs==args verbs-in-format",
    "suricata": "verbs==args verbs-in-format no-style",
    "duplicati": "verbs==args verbs-in-format",
    "deluge": "verbs==args verbs-in-format no-style",
    "chef": "verbs==args verbs-in-format",
    "longhorn": _LOGRUS + " no-bare-percent",
    "storm": "verbs-in-format no-style",
    "sequin": "verbs==args verbs-in-format",
    "harness": "no-label",
    "cobbler": "verbs==args verbs-in-format no-style",
    "mesos": "verbs==args verbs-in-format",
    "tekton": "",
    "ozone": "verbs-in-format no-style",
    "ckan": "verbs==args verbs-in-format no-style",
    "spire": _LOGRUS + " no-bare-percent",
    "sssd": "verbs==args verbs-in-format no-style",
    "kanidm": "verbs==args verbs-in-format",
    "helix": "verbs-in-format no-style",
    "manila": "verbs==args verbs-in-format no-style",
    "postgresoperator": _LOGRUS + " no-bare-percent",
    "vaultwarden": "verbs==args verbs-in-format",
    "bitwarden": "verbs==args verbs-in-format",
    "ironic": "verbs==args verbs-in-format no-style",
    "ratis": "verbs-in-format no-style",
    "heat": "verbs-in-format no-style",
    "accumulo": "verbs-in-format no-style",
    "hyprland": "verbs==args verbs-in-format no-style",
    "barbican": "verbs-in-format no-style",
    "iceberg": "verbs-in-format no-style",
    "podman": _LOGRUS + " no-bare-percent",
    "flexget": "verbs==args verbs-in-format no-style",
    "komga": "verbs==args verbs-in-format no-style",
    "crio": _LOGRUS + " no-bare-percent",
}


def _check_call(name: str, call: dict[str, Any], checks: set[str]) -> None:
    """The checks of one recorded call of ``name``: those its table entry names, then its
    system's own."""
    assert call["level"] in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"), call
    if "verbs<=args" in checks:
        assert len(call.get("verbs", [])) <= len(call.get("args", [])), call
    if "logrus" in checks:
        # A Go printf on a logrus entry: its fields' keys and values in pairs.
        assert call["style"] == "printf" and call["receiver"], call
        assert len(call.get("keys", [])) == len(call.get("key_args", [])), call
    if "no-bare-percent" in checks and not call.get("verbs"):
        assert "%" not in call["format"], call
    if "printf-args" in checks and call.get("args"):
        assert len(call["verbs"]) == len(call["args"]), call
    if "one-line" in checks:
        assert "\n" not in call["format"], call
    if "one-nonblank-line" in checks:
        assert "\n" not in call["format"] and call["format"].strip(), call
    if "as-many-verbs-as-args" in checks:
        assert len(call.get("verbs", [])) == len(call.get("args", [])), call
    if "verbs==args" in checks:
        assert len(call["verbs"]) == len(call["args"]), call
    if "verbs-in-format" in checks:
        assert all(verb in call["format"] for verb in call["verbs"]), call
    if "no-style" in checks:
        assert "style" not in call, call
    if "no-label" in checks:
        assert "label" not in call, call
    if name == "jellyfin":
        assert call["style"] == "serilog", call
        assert len(call["verbs"]) == len(call["types"]) == len(call["quoted"]), call
        assert not any(verb.startswith("{@") for verb in call["verbs"]), call
    elif name == "qdrant":
        assert call["style"] == "rust" and call["call"].endswith("!"), call
    elif name == "nextcloud-mail":
        assert call["style"] == "psr3", call
    elif name == "vagrant":
        # Log4r's BasicFormatter: the level, the logger's short name, ": ".
        assert call["style"] == "ruby", call
        assert re.fullmatch(r"(DEBUG|INFO|WARN|ERROR|FATAL) [\w-]+: ", call["label"]), call
    elif name == "riak-kv":
        assert call["style"] == "erlang" and call["call"].startswith("lager:"), call
        assert "~n" not in call["format"], call
    elif name in ("logflare", "sequin"):
        # Logger's console "[level] ", Logger.warn's as "[warning] ".
        level = call["call"].removeprefix("Logger.")
        assert call["style"] == "elixir", call
        assert call["label"] == "[" + ("warning" if level == "warn" else level) + "] ", call
    elif name == "tigerbeetle":
        # log_with_timestamp: "level(scope): ", the level as std.log spells it.
        assert call["style"] == "zig", call
        assert re.fullmatch(r"(debug|info|warning|error)\(\w+\): ", call["label"]), call
        assert len(call["verbs"]) == len(re.findall(r"(?<!\{)\{[^{}]*\}", call["format"]))
    elif name == "uptime-kuma":
        # Logger.log: the module upper-cased in brackets, the level upper-cased.
        assert call["style"] == "js", call
        level = call["call"].removeprefix("log.").upper()
        assert call["label"] == f"[{call['module'].upper()}] {level}: ", call
    elif name == "request-tracker":
        # Log::Dispatch's canonical level in brackets; the caller's file and line after.
        assert call["style"] in ("perl", "perl-sprintf"), call
        assert re.fullmatch(
            r"\[(debug|info|notice|warning|error|critical|alert|emergency)\]: ", call["label"]
        ), call
        assert call["suffix"] == f" (/opt/rt6/{call['file']}:{call['line']})", call
    elif name == "zigbee2mqtt":
        # Its Logger: winston's level, then the namespace ("z2m" unless the call names one).
        assert call["style"] == "js", call
        level = call["call"].removeprefix("logger.")
        assert call["label"] == f"{level}: {call['namespace']}: ", call
        assert call["namespace"].startswith("z2m"), call
    elif name == "kavita":
        # Serilog's {Message:lj}: every value written as it is, no quotes.
        assert call["style"] == "serilog", call
        assert call["quoted"] == [False] * len(call["verbs"]), call
        assert all(re.fullmatch(r"\{[^{}]+\}", verb) for verb in call["verbs"]), call
    elif name == "koreader":
        # Its logger's level prefix; operands joined, values as %s.
        assert "style" not in call, call
        assert call["label"] in ("DEBUG ", "INFO ", "WARN ", "ERROR "), call
        assert set(call["verbs"]) <= {"%s"}, call
        assert call["format"].count("%s") >= len(call["verbs"]), call
    elif name == "opam":
        # OpamConsole.log: its debug section and a space; %a and %t written %s, %S %q, %b %t.
        assert call["level"] == "DEBUG", call
        assert re.fullmatch(r"[\w-]+ ", call["label"]), call
        assert not {"%a", "%S", "%b"} & set(call["verbs"]), call
    elif name == "appflowy":
        # Log.info/debug/trace/warn/error: the message as its Rust core's log gets it,
        # "[Flutter]: " before it; each interpolated value a %s.
        assert call["label"] == "[Flutter]: ", call
        assert set(call["verbs"]) <= {"%s"}, call
    elif name == "hammerspoon":
        # NSLog (no label) or LuaSkin's console prefix; %@ written %s.
        assert call["label"] in (
            "",
            "ERROR: LuaSkin: ",
            "** Warning: LuaSkin: ",
            "LuaSkin: ",
            "BREADCRUMB: ",
            "KNOWN BUG: ",
        ), call
        assert "%@" not in call["format"], call
    elif name in (
        "dolphinscheduler",
        "seatunnel",
        "ranger",
        "atlas",
        "zeppelin",
        "storm",
        "ozone",
        "helix",
        "ratis",
        "accumulo",
        "iceberg",
    ):
        # SLF4J: one {} a hole and its argument, an exception after them its own.
        holes = call["format"].count("{}")
        assert call["verbs"] == ["{}"] * holes, call
        thrown = 1 if call.get("throwable_arg") else 0
        assert len(call["args"]) == holes + thrown, call
        assert call["call"].split(".")[1] in ("trace", "debug", "info", "warn", "error")
    elif name in ("heat", "barbican"):
        # Python logging: %(name)s verbs and the mapping's argument for each name, in the order
        # of the format, or positional % verbs and their arguments.
        if "mapping" in call:
            names = re.findall(r"%\((\w+)\)", call["format"])
            assert [verb[2 : verb.index(")")] for verb in call["verbs"]] == names, call
            assert list(call["mapping"]) == names and "args" not in call, call
        else:
            assert len(call["verbs"]) == len(call["args"]), call
            assert "%(" not in call["format"], call
        assert call["call"].split(".")[-1] in (
            "debug",
            "info",
            "warning",
            "warn",
            "error",
            "exception",
            "critical",
        ), call
    elif name == "hyprland":
        # Log::logger->log(Log::LEVEL, fmt, args...): Log::INFO and Log::TRACE are debug
        # records; each hole {}, {:x}, {:X}, {:#x}, {:.Nf} or {:c} takes the next argument.
        called = re.fullmatch(r"Log::logger->log\(Log::([A-Z]+)\)", call["call"])
        assert called is not None, call
        level = called.group(1)
        assert call["level"] == {
            "INFO": "DEBUG",
            "TRACE": "DEBUG",
            "WARN": "WARNING",
            "ERR": "ERROR",
            "CRIT": "CRITICAL",
        }.get(level, level), call
        holes = re.findall(r"(?<!\{)\{[^{}]*\}", call["format"].replace("{{", ""))
        assert call["verbs"] == holes, call
        assert all(re.fullmatch(r"\{(?::(?:x|X|#x|\.\d+f|c))?\}", v) for v in holes), call
        assert not call["format"][:1].isspace(), call
    elif name == "flexget":
        # loguru: a field of str.format ({}, {0}, {name}, {!r}, {:.2f}) for each argument the
        # message takes, none when the call passes no argument; no width or padding.
        assert call["call"].split(".")[1] in _LOGURU_METHODS.split(), call
        fields = re.findall(r"(?<!\{)\{[^{}]*\}", call["format"].replace("{{", ""))
        assert call["verbs"] == (fields if call["args"] or call.get("kwargs") else []), call
        assert not any(re.search(r":[<>^=]?[-+ ]?#?0?\d", verb) for verb in call["verbs"]), call
    elif name == "komga":
        # kotlin-logging: logger.info { "..." }, logger.error(e) { "..." }; each $x or ${expr}
        # a value, its expression the verb's own.
        called = re.fullmatch(r"logger\.(trace|debug|info|warn|error)(?:\((\w+)\))?", call["call"])
        assert called is not None, call
        assert call.get("throwable_arg") == called.group(2), call
        level = called.group(1).upper()
        assert call["level"] == {"TRACE": "DEBUG", "WARN": "WARNING"}.get(level, level), call
        for verb, arg in zip(call["verbs"], call["args"], strict=True):
            assert verb == "$" + arg or (verb.startswith("${") and verb.endswith("}")), call
    elif name == "restic":
        # debug.Log, a Go printf shown only in a debug build: every call DEBUG.
        assert call["call"] == "debug.Log" and call["level"] == "DEBUG", call
    elif name in (
        "luigi",
        "keystone",
        "cinder",
        "swift",
        "awx",
        "frigate",
        "deluge",
        "cobbler",
        "ckan",
        "manila",
        "ironic",
    ):
        assert not any(verb.startswith("%(") for verb in call["verbs"]), call
    elif name == "tekton":
        # knative's zap SugaredLogger: Infof... a Go printf, Infow... a message and its fields
        # (zap.Error(err) or "key", value), Info... one literal; Panic and Fatal CRITICAL.
        method = call["call"].rsplit(".", 1)[1]
        level = method.rstrip("fw")
        assert level in ("Debug", "Info", "Warn", "Error", "Panic", "Fatal"), call
        assert call["level"] == {"Warn": "WARNING", "Panic": "CRITICAL", "Fatal": "CRITICAL"}.get(
            level, level.upper()
        ), call
        if method.endswith("w"):
            assert call["style"] == "structured", call
            assert len(call["keys"]) == len(call["args"]) == len(call["fieldtypes"]), call
            assert "%" not in call["format"], call
        else:
            assert "style" not in call and len(call["verbs"]) == len(call["args"]), call
            assert method.endswith("f") or not call["verbs"], call
    elif name == "harbor":
        # Its log package's Debugf/Infof/Warningf/Errorf/Fatalf, a Go printf; Fatalf CRITICAL.
        assert re.fullmatch(
            r"(log|logger|log\.G\([\w.]*\))\.(Debug|Info|Warning|Error|Fatal)f", call["call"]
        )
        assert (call["level"] == "CRITICAL") == call["call"].endswith("Fatalf"), call
    elif name == "seaweedfs":
        # glog's Infof (at any verbosity)/Warningf/Errorf/Fatalf, a Go printf; Fatalf CRITICAL.
        assert re.fullmatch(r"glog\.(V\(\d+\)\.)?(Info|Warning|Error|Fatal)f", call["call"])
        assert (call["level"] == "CRITICAL") == call["call"].endswith("Fatalf"), call
    elif name == "rook":
        # capnslog's Debugf/Infof/Warningf/Errorf, a Go printf; Fatalf would be CRITICAL.
        assert re.fullmatch(r"logger\.(Debug|Info|Warning|Error|Fatal)f", call["call"])
        assert (call["level"] == "CRITICAL") == call["call"].endswith("Fatalf"), call
    elif name == "nomad":
        # hclog's Trace/Debug/Info/Warn/Error: a message, then key/value pairs with literal keys.
        method = call["receiver"].rsplit(".", 1)[1]
        assert call["style"] == "structured", call
        assert method in ("Trace", "Debug", "Info", "Warn", "Error"), call
        assert call["level"] == {"Trace": "DEBUG", "Warn": "WARNING"}.get(method, method.upper())
        assert len(call.get("keys", [])) == len(call.get("args", [])), call
        assert not re.search(r"%[-+# 0-9.]*[a-zA-Z]", call["format"]), call
    elif name == "tempo":
        # go-kit's level.X(logger).Log: key/value pairs with literal keys, msg's text the format.
        assert call["style"] == "structured", call
        assert call["receiver"] in ("level.Debug", "level.Info", "level.Warn", "level.Error")
        assert len(call["keys"]) == len(call["key_args"]) and "msg" in call["keys"], call
        assert call["key_args"][call["keys"].index("msg")] is None, call
    elif name == "narayana":
        # JBoss Logging: an @Message method (its id before the text) or a logger's call;
        # MessageFormat {0} for tracev/debugv and methods with parameters, printf for tracef.
        assert call["style"] in ("printf", "messageformat", "plain"), call
        if call.get("message_id"):
            assert re.fullmatch(r"ARJUNA\d{6}", call["message_id"]), call
            assert call["format"].startswith(call["message_id"] + ": "), call
        if call["style"] == "messageformat":
            holes = [int(n) for n in re.findall(r"\{(\d+)[,}]", call["format"])]
            assert holes and max(holes) < len(call["args"]), call
        elif call["style"] == "printf":
            assert len(call["verbs"]) == len(call["args"]), call
        else:
            assert not call.get("args") and not re.search(r"\{\d+\}", call["format"]), call
    elif name == "garage":
        # The log crate's macros, as Qdrant's; a hole marked bare is a {:?} of a hash or an id.
        assert call["style"] == "rust" and call["call"].endswith("!"), call
        for verb, quoted in zip(call["verbs"], call.get("quoted", []), strict=False):
            assert quoted is None or (quoted is False and verb.endswith("?}")), call
    elif name == "vaultwarden":
        # The log crate's macros, as Garage's, without bare holes.
        assert call["style"] == "rust" and "quoted" not in call, call
        assert re.fullmatch(r"(log::)?(trace|debug|info|warn|error)!", call["call"]), call
    elif name == "bitwarden":
        # ILogger's LogX(exception?, "template", args) through Serilog: one named hole an
        # argument; a Guid (an argument named ...Id) written bare, a string quoted.
        assert call["style"] == "serilog", call
        assert len(call["verbs"]) == len(call["args"]) == len(call["types"]), call
        assert len(call["quoted"]) == len(call["verbs"]), call
        for ftype, quoted in zip(call["types"], call["quoted"], strict=True):
            assert (ftype == "Guid") == (quoted is False), call
        assert all(re.fullmatch(r"\{@?\w+(?::[^{}]*)?\}", verb) for verb in call["verbs"]), call
    elif name == "dex":
        # log/slog's Debug/Info/Warn/Error, with a context first in ...Context: a message
        # literal without printf verbs, then pairs with literal keys; a connector's group, the
        # request's pairs added by Dex's handler to the calls of its HTTP server.
        method = call["receiver"].rsplit(".", 1)[1]
        assert call["style"] == "structured", call
        assert method.removesuffix("Context") in ("Debug", "Info", "Warn", "Error"), call
        assert call["level"] == {"Warn": "WARNING"}.get(
            method[:4], method.removesuffix("Context").upper()
        )
        assert len(call["keys"]) == len(call["key_args"]) == len(call["fieldtypes"]), call
        assert not re.search(r"%[-+# 0-9.]*[a-zA-Z]", call["format"]), call
        assert method.endswith("Context") == ("context" in call), call
        assert not call.get("request") or call["file"].startswith("server/"), call
        if "group" in call:
            assert call["file"].startswith("connector/"), call
            assert list(call["group"]) == ["connector"], call
            assert list(call["group"]["connector"]) == ["type", "id"], call
    elif name == "nomad-autoscaler":
        # hclog's Trace/Debug/Info/Warn/Error, as Nomad's: a message, then pairs, literal keys.
        method = call["receiver"].rsplit(".", 1)[1]
        assert call["style"] == "structured", call
        assert method in ("Trace", "Debug", "Info", "Warn", "Error"), call
        assert call["level"] == {"Trace": "DEBUG", "Warn": "WARNING"}.get(method, method.upper())
        assert len(call.get("keys", [])) == len(call.get("args", [])), call
        assert not re.search(r"%[-+# 0-9.]*[a-zA-Z]", call["format"]), call
    elif name == "kanidm":
        # tracing's macros, as Garage's, without fields and without bare holes.
        assert call["style"] == "rust" and "quoted" not in call, call
        assert re.fullmatch(r"(tracing::)?(trace|debug|info|warn|error)!", call["call"]), call
    elif name == "sssd":
        # DEBUG(SSSDBG_..., fmt, ...): C printf; its level from the SSSDBG_ debug level.
        kind = re.fullmatch(r"DEBUG\(SSSDBG_(\w+)\)", call["call"])
        assert kind, call
        level = {
            "FATAL_FAILURE": "CRITICAL",
            "CRIT_FAILURE": "ERROR",
            "OP_FAILURE": "ERROR",
            "MINOR_FAILURE": "WARNING",
            "IMPORTANT_INFO": "INFO",
            "CONF_SETTINGS": "INFO",
        }
        assert call["level"] == level.get(kind.group(1), "DEBUG"), call
    elif name == "suricata":
        # SCLogError/Warning/Notice/Info/Perf/Config: C printf; Notice as INFO, Perf and
        # Config (shown with -vv) as DEBUG; SCLogDebug (debug builds only) left out.
        level = {"Error": "ERROR", "Warning": "WARNING", "Notice": "INFO", "Info": "INFO"}
        assert call["level"] == level.get(call["call"].removeprefix("SCLog"), "DEBUG"), call
        assert call["call"] in {"SCLog" + kind for kind in (*level, "Perf", "Config")}, call
    elif name == "duplicati":
        # Log.WriteXMessage(tag, id, [ex,] message, args): String.Format's {0} holes in the
        # order they appear, each with its argument, or an interpolated string's own holes.
        assert call["style"] == "serilog" and call["call"].startswith("Log.Write"), call
        assert call["quoted"] == [False] * len(call["verbs"]) == [False] * len(call["types"])
        if call["verbs"] and re.fullmatch(r"\{\d+(:[^{}]*)?\}", call["verbs"][0]):
            numbers = [int(verb[1:].partition(":")[0].rstrip("}")) for verb in call["verbs"]]
            assert len(set(numbers)) == len(numbers), call
    elif name == "harness":
        # zerolog's log.Ctx(ctx).Warn().Err(err).Str("key", v).Msgf(...): literal keys, each
        # field's type; Msgf's verbs each with its argument.
        assert call["style"] == "zerolog" and call["call"].endswith(("...Msg", "...Msgf")), call
        assert len(call.get("keys", [])) == len(call.get("key_args", [])), call
        assert len(call.get("keys", [])) == len(call.get("fieldtypes", [])), call
        assert len(call.get("verbs", [])) == len(call.get("args", [])), call
        assert all(verb in call["format"] for verb in call.get("verbs", [])), call
        assert bool(call.get("printf")) == call["call"].endswith("Msgf"), call
    elif name == "mesos":
        # glog's LOG(INFO) << "text" << expr: each streamed value written <<expr>>.
        assert call["style"] == "glog" and call["call"] in ("LOG", "VLOG", "PLOG", "LOG_IF"), call
        assert call["verbs"] == [f"<<{arg}>>" for arg in call["args"]], call
        assert (call["level"] == "DEBUG") == (call["call"] == "VLOG"), call
    elif name == "m3":
        # zap's logger.X("message", zap.String("key", v), zap.Error(err)...): literal keys.
        method = call["receiver"].rsplit(".", 1)[1]
        assert call["style"] == "structured", call
        assert method in ("Debug", "Info", "Warn", "Error", "Fatal"), call
        assert call["level"] == {"Warn": "WARNING", "Fatal": "CRITICAL"}.get(method, method.upper())
        assert len(call["keys"]) == len(call["args"]) == len(call["fieldtypes"]), call
    elif name == "chef":
        # Chef::Log's or a resource's logger: "#{expr}" after its level ("INFO: "); a resource
        # printed as its to_s, type[name], its values recorded in arg_values.
        level = call["call"].rsplit(".", 1)[1]
        assert call["style"] == "ruby" and call["label"] == level.upper() + ": ", call
        assert call["level"] == {"trace": "DEBUG", "warn": "WARNING", "fatal": "CRITICAL"}.get(
            level, level.upper()
        )
        for values in call.get("arg_values", []):
            assert values is None or all(re.fullmatch(r"\w+\[.+\]", v) for v in values), call


def _later_split_of(name: str) -> str:
    return f"{SYSTEMS[name].split}-{name}"


# The systems of the later splits, in the order of their splits.
_LATER_SYSTEMS = [n for split in _LATER_SPLITS.values() for n in sorted(_names(split.systems))]


def test_the_known_calls_cover_every_system_of_the_later_splits() -> None:
    assert sorted(_KNOWN_CALLS) == sorted(_LATER_SYSTEMS)


@pytest.mark.parametrize("name", _LATER_SYSTEMS, ids=_later_split_of)
def test_a_later_split_holds_many_calls_each_with_its_arguments(name: str) -> None:
    split = _LATER_SPLITS[SYSTEMS[name].split]
    formats, *known = _KNOWN_CALLS[name]
    checks = _names(split.call_checks) | _names(_SYSTEM_CALL_CHECKS.get(name, ""))
    calls = logcall_corpus.load_calls(name)
    assert len(calls) >= split.calls
    assert len({c["format"] for c in calls}) >= formats
    assert tuple(known) in {(c["file"], c["format"]) for c in calls}
    for call in calls:
        _check_call(name, call, checks)


def _check_rendered(name: str, line: str, truth: str) -> None:
    """The checks of one rendered line and its truth, by the style of the system's calls."""
    if name in ("externaldns", "velero", "longhorn", "spire", "postgresoperator", "podman", "crio"):
        # logrus' text after its time and level: msg="...", then the fields by key.
        assert line.startswith('msg="') and truth.startswith('msg="'), (line, truth)
        assert not re.search(r"%[-+# 0-9.]*[sdvqxfwT]\b", truth), truth
    elif name in ("eureka", "conductor"):
        assert "{}" not in truth, truth
    elif name in ("certbot", "cloudinit"):
        assert not re.search(r"%[-+# 0-9.]*[sdrif]\b", truth), truth
    elif name == "jellyfin":
        assert not re.search(r"\{[A-Za-z0-9]+(?::[^{}]*)?\}", truth), truth
    elif name == "qdrant":
        assert "{}" not in line and "{:?}" not in line, line
    elif name == "nextcloud-mail":
        assert "{$" not in line, line
    elif name == "vagrant":
        assert re.match(r"(DEBUG|INFO|WARN|ERROR|FATAL) [\w-]+: ", line), line
        assert "#{" not in line, line
    elif name == "riak-kv":
        assert not re.search(r"~[pswB]", line), line
    elif name in ("logflare", "sequin"):
        assert re.match(r"\[(debug|info|notice|warning|error)\] ", line), line
        assert "#{" not in line, line
    elif name == "tigerbeetle":
        assert re.match(r"(debug|info|warning|error)\(\w+\): ", line), line
        assert not re.search(r"\{[a-zA-Z0-9:.>]*\}", line), line
    elif name == "uptime-kuma":
        assert re.match(r"\[[A-Z0-9_-]+\] (DEBUG|INFO|WARN|ERROR): ", line), line
        assert "${" not in line, line
    elif name == "request-tracker":
        assert re.match(r"\[(debug|info|notice|warning|error|critical)\]: ", line), line
        assert re.search(r" \(/opt/rt6/[\w/.-]+:\d+\)$", line), line
        assert truth.endswith(line[line.rindex(" (/opt/rt6/") :]), (line, truth)
    elif name == "zigbee2mqtt":
        assert re.match(r"(debug|info|warning|error): z2m(:\w+)*: ", line), line
        assert "${" not in line, line
    elif name == "kavita":
        assert not re.search(r"\{@?[A-Z]\w*\}", line), line
    elif name == "koreader":
        assert re.match(r"(DEBUG|INFO|WARN|ERROR) ", line), line
    elif name in ("opam", "appflowy", "hammerspoon"):
        assert not re.search(r"%[-+ #0-9.]*[a-zA-Z@]", line) or "%" in line, line
        if name == "opam":
            assert re.match(r"[\w-]+ \S", line), line
        elif name == "appflowy":
            assert line.startswith("[Flutter]: "), line
            assert "${" not in line, line
        else:
            assert "%@" not in line, line
    elif name in (
        "dolphinscheduler",
        "seatunnel",
        "ranger",
        "atlas",
        "zeppelin",
        "storm",
        "ozone",
        "helix",
        "ratis",
        "accumulo",
        "iceberg",
    ):
        assert "{}" not in line, line
    elif name == "tempo":
        # go-kit's logfmt after its level=, ts= and caller=: the call's pairs, msg= among them.
        assert re.match(r"[\w.-]+=", line) and "msg=" in line, line
    elif name == "narayana":
        assert not re.search(r"\{\d+\}", line), line
        assert not re.search(r"%[-+# 0-9.]*[sdx]", truth), truth
        if line.startswith("ARJUNA"):
            assert re.match(r"ARJUNA\d{6}: ", line) and truth.startswith(line[:14]), line
    elif name in ("garage", "kanidm", "vaultwarden"):
        assert "{}" not in line and "{:?}" not in line, line
    elif name == "bitwarden":
        assert not re.search(r"\{@?\w+(?::[^{}]*)?\}", truth), truth
    elif name in ("suricata", "sssd"):
        assert not re.search(r"%[-+# 0-9.]*[lhz]*[sdiuxXfcp]", truth), truth
    elif name == "duplicati":
        assert not re.search(r"\{\d+(?::[^{}]*)?\}", line), line
    elif name == "harness":
        # zerolog's JSON object without its level and time: the fields, then "message".
        assert line.startswith("{") and line.endswith('"}') and '"message":"' in line, line
        assert not re.search(r"%[-+# 0-9.]*[sdvqxfwT]\b", truth), truth
    elif name == "mesos":
        assert "<<" not in line and not re.search(r"\$\d", truth), line
    elif name == "m3":
        # zap's console encoder after its time, level and caller: the message, a tab, the fields
        # (the tab a space in the sample, as in Loghub's).
        assert not re.search(r"%[-+# 0-9.]*[sdvqxfw]", truth), truth
        assert "\t" not in line and "\t" not in truth, line
        if ' {"' in line:
            assert line.endswith("}") and truth.endswith("}"), line
    elif name == "tekton":
        # zap's message, then (Infow...) its fields as etcd's; the printf verbs filled.
        assert not re.search(r"%[-+# 0-9.]*[sdvqxfw]", truth), truth
        assert "\t" not in line and "\t" not in truth, line
        if ' {"' in line:
            assert line.endswith("}") and truth.endswith("}"), line
    elif name == "chef":
        assert re.match(r"(TRACE|DEBUG|INFO|WARN|ERROR|FATAL): ", line), line
        assert "#{" not in line, line
    elif name in ("nomad", "nomad-autoscaler"):
        # hclog after its time and level: the logger's name, the message, the pairs.
        assert re.match(r"[\w.-]+: \S", line) and truth.startswith(line.split(": ", 1)[0]), line
    elif name in ("heat", "barbican"):
        # oslo.log after its header: the message, each %(name)s and %s filled.
        assert "%(" not in line and not re.search(r"%[-+# 0-9.]*[sdr]", truth), truth
    elif name == "flexget":
        # loguru's message after FlexGet's header: each field of str.format filled.
        assert not re.search(r"\{(?:\d*|\w+)(?:![rsa])?(?::[^{}]*)?\}", truth), truth
    elif name == "komga":
        # logback's message after Komga's header: each $x and ${expr} filled.
        assert not re.search(r"\$\{|\$[A-Za-z_]", truth), truth
    elif name == "hyprland":
        # Hyprland's logger after its level: the message, each {} filled.
        assert not re.search(r"\{(?::[^{}]*)?\}", line), line
        assert not re.search(r"\{(?::[^{}]*)?\}", truth), truth
    elif name == "dex":
        # slog's JSON handler after its time and level: one object, "msg" first.
        record = json.loads(line)
        assert next(iter(record)) == "msg" and line.endswith("}"), line
        assert truth.startswith('{"msg":"') and truth.endswith("}"), truth
    else:
        assert name in (
            "restic",
            "luigi",
            "harbor",
            "keystone",
            "seaweedfs",
            "cinder",
            "rook",
            "swift",
            "awx",
            "frigate",
            "deluge",
            "cobbler",
            "ckan",
            "manila",
            "ironic",
        ), name
        assert not re.search(r"%[-+# 0-9.]*[sdvqxr]", truth), truth


@pytest.mark.parametrize("name", _LATER_SYSTEMS, ids=_later_split_of)
def test_a_later_split_renders_its_full_sample_and_each_line_matches_its_truth(
    name: str,
) -> None:
    for line, truth in full_sample(name):
        _check_rendered(name, line, truth)


def test_external_dns_prints_logrus_text_with_its_fields_sorted_after_msg() -> None:
    call = {
        "style": "printf",
        "format": "Deleting %s record named '%s'",
        "verbs": ["%s", "%s"],
        "args": ["ep.RecordType", "name"],
        "keys": ["zoneName", "dnsName"],
        "key_args": ["zone.Name", "ep.DNSName"],
    }
    line, truth = _line_and_truth(call, "externaldns")
    assert truth == "msg=\"Deleting <*> record named '<*>'\" dnsName=<*> zoneName=<*>", truth
    assert re.fullmatch(r"msg=\"Deleting \S+ record named '\S+'\" dnsName=\S+ zoneName=\S+", line)


def test_eureka_and_certbot_print_their_messages_filled_by_the_arguments() -> None:
    registered = {
        "format": "Registered instance {}/{} with status {} (replication={})",
        "verbs": ["{}"] * 4,
        "args": ["registrant.getAppName()", "registrant.getId()", "status", "isReplication"],
    }
    line, truth = _line_and_truth(registered, "eureka")
    assert truth == "Registered instance <*>/<*> with status <*> (replication=<*>)", truth
    assert "{}" not in line and line.startswith("Registered instance "), line
    # Python logging fills %s, %d and %r (the repr's quotes around a string).
    renewal = {
        "format": "Deleting %s/cert%d.pem, plugins %r",
        "verbs": ["%s", "%d", "%r"],
        "args": ["archive", "ver", "filtered"],
    }
    line, truth = _line_and_truth(renewal, "certbot")
    assert truth == "Deleting <*>/cert<*>.pem, plugins '<*>'", truth
    assert re.fullmatch(r"Deleting \S+/cert\d+\.pem, plugins '.+'", line), line


def test_velero_prints_logrus_text_with_its_error_and_fields_sorted_after_msg() -> None:
    # pkg/controller/data_download_controller.go: a logger with the download's fields.
    call = {
        "style": "printf",
        "format": "DD should be resumed by another node %s",
        "verbs": ["%s"],
        "args": ["dd.Status.Node"],
        "keys": ["dd", "current node", "error"],
        "key_args": ["dd.Name", "r.nodeName", "err"],
    }
    line, truth = _line_and_truth(call, "velero")
    assert truth == (
        'msg="DD should be resumed by another node <*>" current node=<*> dd=<*> error=<*>'
    ), truth
    assert line.startswith('msg="DD should be resumed by another node '), line
    assert re.search(r'" current node=\S+ dd=\S+ error=', line), line


def test_conductor_and_cloud_init_print_their_messages_filled_by_the_arguments() -> None:
    # core/.../execution/tasks/SystemTaskWorker.java
    poller = {
        "format": "Starting poller — queue: {}, dedicated pool: {} threads, pollInterval: {} ms",
        "verbs": ["{}", "{}", "{}"],
        "args": ["queueName", "poolSize", "pollInterval"],
    }
    line, truth = _line_and_truth(poller, "conductor")
    assert truth == (
        "Starting poller — queue: <*>, dedicated pool: <*> threads, pollInterval: <*> ms"
    ), truth
    # A duration before the unit the format writes is a bare number (bare_durations).
    assert re.fullmatch(
        r"Starting poller — queue: \S+, dedicated pool: \d+ threads, "
        r"pollInterval: \d+ ms",
        line,
    ), line
    # Python logging fills %s and %d.
    dns = {
        "format": "%s has %d entries in dns_nameservers. Only 3 are used.",
        "verbs": ["%s", "%d"],
        "args": ["iface", "len(nameservers)"],
    }
    line, truth = _line_and_truth(dns, "cloudinit")
    assert truth == "<*> has <*> entries in dns_nameservers. Only 3 are used.", truth
    assert re.fullmatch(r"\S+ has \d+ entries in dns_nameservers\. Only 3 are used\.", line), line


def test_serilog_quotes_strings_and_writes_other_values_bare() -> None:
    # Jellyfin's file log renders {Message}: a string in double quotes, its quotes escaped; a
    # number, a Guid, a TimeSpan, an enum bare; a value of unknown type judged by its kind.
    call = {
        "style": "serilog",
        "format": (
            "Refreshing {Name} ({ItemId}) of {Path} after {Elapsed}: {Count:N0} items, "
            "{{not a hole}}, state {State}, {Total} total, from {Source}"
        ),
        "verbs": [
            "{Name}",
            "{ItemId}",
            "{Path}",
            "{Elapsed}",
            "{Count:N0}",
            "{State}",
            "{Total}",
            "{Source}",
        ],
        "args": [
            "item.Name",
            "item.Id",
            "item.Path",
            "sw.Elapsed",
            "itemCount",
            "result.Status",
            "total",
            "url",
        ],
        "types": ["string", "Guid", "string", "TimeSpan", "int", "TaskCompletionStatus", "", ""],
        "quoted": [True, False, True, False, False, False, None, None],
    }
    for seed in range(5):
        line, truth = _line_and_truth(call, "jellyfin", seed)
        assert truth == (
            'Refreshing "<*>" (<*>) of "<*>" after <*>: <*> items, {not a hole}, state <*>, '
            '<*> total, from "<*>"'
        ), truth
        assert re.fullmatch(
            r'Refreshing "[^"]+" \([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\) '
            r'of "[^"]+" after 00:\d\d:\d\d\.\d{7}: \d{1,3}(?:,\d{3})* items, \{not a hole\}, '
            r'state \S+, \d+ total, from "[^"]+"',
            line,
        ), line
    jellyfin = SYSTEMS["jellyfin"]
    assert logcall_corpus._quote('say "hi" C:\\x', "serilog", jellyfin) == [
        ('"', False),
        ('say \\"hi\\" C:\\x', True),
        ('"', False),
    ]
    # A sequence is written as Serilog writes one: ["a", "b"].
    assert logcall_corpus.format_list("a\x00b", "csharp", "serilog") == '["a", "b"]'
    # Orleans' templates (Microsoft.Extensions.Logging's own rendering) stay unquoted.
    orleans = {"style": "template", "format": "Opened {Name}", "verbs": ["{Name}"]}
    orleans |= {"args": ["name"], "types": ["string"]}
    assert '"' not in _line_and_truth(orleans, "orleans")[0]


def test_qdrant_and_nextcloud_mail_render_as_their_loggers_print_them() -> None:
    # lib/collection/src/shards/local_shard/mod.rs: positional, captured and Debug arguments.
    recovering = {
        "style": "rust",
        "format": "Recovering shard {}: {count}/{} ({:.2}%) {path:?}",
        "verbs": ["{}", "{count}", "{}", "{:.2}", "{path:?}"],
        "args": ["self.path.display()", "count", "total", "ratio", "path"],
    }
    line, truth = _line_and_truth(recovering, "qdrant")
    assert truth == 'Recovering shard <*>: <*>/<*> (<*>%) "<*>"', truth
    assert re.fullmatch(r'Recovering shard \S+: \d+/\d+ \(\d+\.\d\d%\) "[^"]+"', line), line
    # lib/Service/...: PHP interpolation, concatenation, then PSR-3's {key} from the context.
    sync = {
        "style": "psr3",
        "format": "Mailbox {$mailbox->getId()} of $accountId failed for {user}: {$e->getMessage()}",
        "verbs": ["{$mailbox->getId()}", "$accountId", "{user}", "{$e->getMessage()}"],
        "args": ["$mailbox->getId()", "$accountId", "$this->userId", "$e->getMessage()"],
    }
    line, truth = _line_and_truth(sync, "nextcloud-mail")
    assert truth == "Mailbox <*> of <*> failed for <*>: <*>", truth
    assert line.startswith("Mailbox ") and "{" not in line and "$" not in line, line


def test_riak_lager_calls_render_as_couch_log_does_with_riak_node_names() -> None:
    # src/riak_kv_entropy_manager.erl and a handoff's node()s: io_lib's ~p of a node name,
    # quoted as an atom, named riak@...; CouchDB's nodes keep their name.
    disabled = {
        "style": "erlang",
        "format": "Active anti-entropy is disabled on ~p",
        "verbs": ["~p"],
        "args": ["RemoteNode"],
    }
    handoff = {
        "style": "erlang",
        "format": "Handoff from ~p to ~p finished in ~Bms",
        "verbs": ["~p", "~p", "~B"],
        "args": ["node()", "TargetNode", "Time"],
    }
    for seed in range(5):
        line, truth = _line_and_truth(disabled, "riak-kv", seed)
        assert truth == "Active anti-entropy is disabled on '<*>'", truth
        assert re.fullmatch(r"Active anti-entropy is disabled on 'riak@[\d.]+'", line), line
        line, truth = _line_and_truth(handoff, "riak-kv", seed)
        assert truth == "Handoff from '<*>' to '<*>' finished in <*>", truth
        assert re.search(r"from 'riak@[\d.]+' to 'riak@[\d.]+' finished in \d+ms$", line), line
        couch = _line_and_truth(handoff, "couchdb", seed)[0]
        assert re.search(r"from 'couchdb@[\d.]+' to 'couchdb@[\d.]+' ", couch), couch


def test_vagrant_and_logflare_print_after_their_loggers_headers() -> None:
    # lib/vagrant/action/builtin/box_add.rb: Log4r's "LEVEL name: " before the interpolation.
    box = {
        "style": "ruby",
        "label": "INFO box_add: ",
        "format": "Downloading box: #{url} => #{temp_path}",
        "verbs": ["#{url}", "#{temp_path}"],
        "args": ["url", "temp_path"],
    }
    line, truth = _line_and_truth(box, "vagrant")
    assert truth == "INFO box_add: Downloading box: <*> => <*>", truth
    assert re.fullmatch(r"INFO box_add: Downloading box: \S+ => \S+", line), line
    # lib/logflare/...: Elixir's Logger, "[warning] " then the message, inspect/1's terms.
    endpoint = {
        "style": "elixir",
        "label": "[warning] ",
        "format": "Endpoint query failed for #{endpoint.token}: #{inspect(reason)}",
        "verbs": ["#{endpoint.token}", "#{inspect(reason)}"],
        "args": ["endpoint.token", "inspect(reason)"],
    }
    line, truth = _line_and_truth(endpoint, "logflare")
    assert truth == "[warning] Endpoint query failed for <*>: <*>", truth
    assert line.startswith("[warning] Endpoint query failed for ") and "#{" not in line, line


def test_tigerbeetle_prints_after_its_scope_and_a_replica_as_its_log_prefix() -> None:
    # src/vsr/replica.zig: self.log_prefix() writes the replica's index and its status's
    # letter, upper-cased on the primary ("1N"); an op is an integer.
    newer = {
        "style": "zig",
        "label": "debug(replica): ",
        "format": "{}: jump_to_newer_op: advancing: op={}..{} checksum={x:0>32}..{x:0>32}",
        "verbs": ["{}", "{}", "{}", "{x:0>32}", "{x:0>32}"],
        "args": [
            "self.log_prefix()",
            "self.op",
            "header.op - 1",
            "self.journal.header_with_op(self.op).?.checksum",
            "header.parent",
        ],
        "arg_values": [["0N", "1n", "2n", "1N", "0n", "0v", "1V", "2v", "2r", "1h"]],
    }
    for seed in range(5):
        line, truth = _line_and_truth(newer, "tigerbeetle", seed)
        assert truth == (
            "debug(replica): <*>: jump_to_newer_op: advancing: op=<*>..<*> checksum=<*>..<*>"
        ), truth
        assert re.fullmatch(
            r"debug\(replica\): \d[nNvVrh]: jump_to_newer_op: advancing: op=\d+\.\.\d+ "
            r"checksum=[0-9a-f]{32}\.\.[0-9a-f]{32}",
            line,
        ), line


def test_uptime_kuma_and_request_tracker_print_around_their_messages() -> None:
    # server/model/maintenance.js: "Run maintenance id: " + this.id, after the module and
    # level; Homebridge's calls, with no label, start with their message.
    run = {
        "style": "js",
        "label": "[MAINTENANCE] DEBUG: ",
        "format": "Run maintenance id: ${this.id}",
        "verbs": ["${this.id}"],
        "args": ["this.id"],
    }
    line, truth = _line_and_truth(run, "uptime-kuma")
    assert truth == "[MAINTENANCE] DEBUG: Run maintenance id: <*>", truth
    assert re.fullmatch(r"\[MAINTENANCE\] DEBUG: Run maintenance id: \S+", line), line
    bare = {key: value for key, value in run.items() if key != "label"}
    assert _line_and_truth(bare, "homebridge")[1] == "Run maintenance id: <*>"
    # lib/RT/Ticket.pm: Log::Dispatch's "[debug]: ", the message, the caller's file and line.
    bogus = {
        "style": "perl",
        "label": "[debug]: ",
        "format": "Tried to load a bogus ticket id: '$id'",
        "verbs": ["$id"],
        "args": ["$id"],
        "suffix": " (/opt/rt6/lib/RT/Ticket.pm:188)",
    }
    line, truth = _line_and_truth(bogus, "request-tracker")
    assert (
        truth == "[debug]: Tried to load a bogus ticket id: '<*>' (/opt/rt6/lib/RT/Ticket.pm:188)"
    )
    assert re.fullmatch(
        r"\[debug\]: Tried to load a bogus ticket id: '[^']+' \(/opt/rt6/lib/RT/Ticket\.pm:188\)",
        line,
    ), line
    # SpamAssassin's calls have no suffix.
    plain = {key: value for key, value in bogus.items() if key not in ("label", "suffix")}
    assert _line_and_truth(plain, "spamassassin")[1] == "Tried to load a bogus ticket id: '<*>'"


def test_zigbee2mqtt_kavita_and_koreader_print_as_their_loggers_do() -> None:
    # lib/mqtt.ts: its namespace "z2m:mqtt" after winston's level, then the template literal.
    connecting = {
        "style": "js",
        "label": "info: z2m:mqtt: ",
        "format": "Connecting to MQTT server at ${mqttSettings.server}",
        "verbs": ["${mqttSettings.server}"],
        "args": ["mqttSettings.server"],
    }
    line, truth = _line_and_truth(connecting, "zigbee2mqtt")
    assert truth == "info: z2m:mqtt: Connecting to MQTT server at <*>", truth
    assert re.fullmatch(r"info: z2m:mqtt: Connecting to MQTT server at \S+", line), line
    # API/Controllers/AccountController.cs: {Message:lj} writes a string without quotes,
    # where Jellyfin's {Message} quotes it.
    login = {
        "style": "serilog",
        "format": "{UserName} attempting to login from {IpAddress}",
        "verbs": ["{UserName}", "{IpAddress}"],
        "args": ["loginDto.Username", "HttpContext.Connection.RemoteIpAddress?.ToString()"],
        "types": [],
        "quoted": [False, False],
    }
    line, truth = _line_and_truth(login, "kavita")
    assert truth == "<*> attempting to login from <*>", truth
    assert re.fullmatch(r"[^\s\"]+ attempting to login from [^\s\"]+", line), line
    quoted = dict(login, quoted=[True, True])
    line, truth = _line_and_truth(quoted, "jellyfin")
    assert truth == '"<*>" attempting to login from "<*>"', truth
    # frontend/docsettings.lua: the level, then the operands joined by a space.
    read = {
        "label": "DEBUG ",
        "format": "DocSettings: data is read from %s",
        "verbs": ["%s"],
        "args": ["candidate_path"],
    }
    line, truth = _line_and_truth(read, "koreader")
    assert truth == "DEBUG DocSettings: data is read from <*>", truth
    assert re.fullmatch(r"DEBUG DocSettings: data is read from \S+", line), line


def test_garage_suricata_and_duplicati_print_as_their_loggers_do() -> None:
    # src/block/manager.rs: a Hash's and a Uuid's Debug is their hex, bare; an error's Display.
    get = {
        "style": "rust",
        "format": "Get block {:?}: node {:?} could not be contacted: {}",
        "verbs": ["{:?}", "{:?}", "{}"],
        "args": ["hash", "node", "e"],
        "quoted": [False, False, None],
    }
    line, truth = _line_and_truth(get, "garage")
    assert truth == "Get block <*>: node <*> could not be contacted: <*>", truth
    assert line.startswith("Get block ") and '"' not in line.split(": node")[0], line
    line, truth = _line_and_truth(dict(get, quoted=[]), "garage")
    assert line.startswith('Get block "'), line
    # src/source-ipfw.c: C printf, the message alone.
    ipfw = {
        "format": "Can't set IPFW divert socket timeout: %s",
        "verbs": ["%s"],
        "args": ["strerror(errno)"],
    }
    line, truth = _line_and_truth(ipfw, "suricata")
    assert truth == "Can't set IPFW divert socket timeout: <*>", truth
    assert line.startswith("Can't set IPFW divert socket timeout: ") and "%" not in line, line
    # Duplicati's RemoteSynchronizationHandler.cs: String.Format's holes, each value bare.
    sync = {
        "style": "serilog",
        "format": "Remote synchronization to {0} failed with exit code {1}.",
        "verbs": ["{0}", "{1}"],
        "args": ["dest", "exitCode"],
        "types": ["", ""],
        "quoted": [False, False],
    }
    line, truth = _line_and_truth(sync, "duplicati")
    assert truth == "Remote synchronization to <*> failed with exit code <*>.", truth
    assert re.fullmatch(r"Remote synchronization to [^\s\"]+ failed with exit code \S+\.", line)


def test_m3_deluge_and_chef_print_as_their_loggers_do() -> None:
    # src/dbnode/server/server.go: zap's console line, the message, a tab, the fields as JSON.
    rlimit = {
        "style": "structured",
        "format": "unable to raise rlimit",
        "args": ["err"],
        "keys": ["error"],
        "fieldtypes": ["Error"],
        "receiver": "logger.Warn",
    }
    line, truth = _line_and_truth(rlimit, "m3")
    assert truth == 'unable to raise rlimit {"error":"<*>"}', truth  # the tab a space
    assert re.fullmatch(r'unable to raise rlimit\t\{"error":".+"\}', line), line
    # deluge/core/authmanager.py: Python's printf, the message alone.
    opening = {
        "format": "Opening %s for load: %s",
        "verbs": ["%s", "%s"],
        "args": ["filename", "_filepath"],
    }
    line, truth = _line_and_truth(opening, "deluge")
    assert truth == "Opening <*> for load: <*>", truth
    assert line.startswith("Opening ") and "%s" not in line, line
    # lib/chef/provider/mount.rb: the level, then the resource as its to_s prints it.
    mounted = {
        "style": "ruby",
        "label": "INFO: ",
        "format": "#{new_resource} mounted",
        "verbs": ["#{new_resource}"],
        "args": ["new_resource"],
        "arg_values": [["mount[/mnt/data]", "mount[/srv/backup]"]],
    }
    line, truth = _line_and_truth(mounted, "chef")
    assert truth == "INFO: <*> mounted", truth
    assert line in ("INFO: mount[/mnt/data] mounted", "INFO: mount[/srv/backup] mounted"), line


def test_longhorn_storm_and_sequin_print_as_their_loggers_do() -> None:
    # controller/engine_controller.go: logrus' text, the logger's engine field after msg.
    owner = {
        "style": "printf",
        "format": "Engine got new owner %v",
        "verbs": ["%v"],
        "args": ["ec.controllerID"],
        "keys": ["engine"],
        "key_args": ["name"],
    }
    line, truth = _line_and_truth(owner, "longhorn")
    assert truth == 'msg="Engine got new owner <*>" engine=<*>', truth
    assert re.fullmatch(r'msg="Engine got new owner \S+" engine=\S+', line), line
    # storm-server/.../Nimbus.java: SLF4J's {} filled by the argument.
    killing = {
        "format": "Killing topology: {}",
        "verbs": ["{}"],
        "args": ["topoId"],
        "call": "LOG.info",
    }
    line, truth = _line_and_truth(killing, "storm")
    assert truth == "Killing topology: <*>", truth
    assert line.startswith("Killing topology: ") and "{}" not in line, line
    # lib/sequin/aws/sns.ex: Logger's "[debug] " then the message, inspect/1's term.
    topics = {
        "style": "elixir",
        "label": "[debug] ",
        "format": "[SNS] Failed to list topics for credential test: #{inspect(details)}",
        "verbs": ["#{inspect(details)}"],
        "args": ["inspect(details)"],
    }
    line, truth = _line_and_truth(topics, "sequin")
    assert truth == "[debug] [SNS] Failed to list topics for credential test: <*>", truth
    assert line.startswith("[debug] [SNS] Failed to list topics for credential test: "), line
    assert "#{" not in line, line


def test_harness_cobbler_and_mesos_print_as_their_loggers_do() -> None:
    # app/api/controller/githook/client.go: zerolog's JSON, the field then the message.
    calling = {
        "style": "zerolog",
        "format": "calling pre-receive",
        "keys": ["repo_id"],
        "key_args": ["c.baseInput.RepoID"],
        "fieldtypes": ["Int64"],
        "call": "log.Ctx().Debug()...Msg",
    }
    line, truth = _line_and_truth(calling, "harness")
    assert truth == '{"repo_id":<*>,"message":"calling pre-receive"}', truth
    assert re.fullmatch(r'\{"repo_id":\d+,"message":"calling pre-receive"\}', line), line
    # cobbler/modules/sync_post_wingen.py: Python's printf, the message alone.
    answer = {
        "format": "Build answer file: %s",
        "verbs": ["%s"],
        "args": ["answerfile_name"],
        "call": "logger.info",
    }
    line, truth = _line_and_truth(answer, "cobbler")
    assert truth == "Build answer file: <*>", truth
    assert line.startswith("Build answer file: ") and "%s" not in line, line
    # src/authentication/cram_md5/authenticatee.cpp: a glog stream, the value after the text.
    attempting = {
        "style": "glog",
        "format": "Attempting to authenticate with mechanism '<<mechanism>>'",
        "verbs": ["<<mechanism>>"],
        "args": ["mechanism"],
        "call": "LOG",
    }
    line, truth = _line_and_truth(attempting, "mesos")
    assert truth == "Attempting to authenticate with mechanism '<*>'", truth
    assert re.fullmatch(r"Attempting to authenticate with mechanism '[^'<>]+'", line), line


def test_tekton_ozone_and_ckan_print_as_their_loggers_do() -> None:
    # pkg/reconciler/taskrun/taskrun.go: the sugared logger's Errorf, a Go printf filled.
    update = {
        "format": "Failed to update taskrun %s with default workspace: %v",
        "verbs": ["%s", "%v"],
        "args": ["tr.Name", "err"],
        "call": "logger.Errorf",
    }
    line, truth = _line_and_truth(update, "tekton")
    assert truth == "Failed to update taskrun <*> with default workspace: <*>", truth
    assert line.startswith("Failed to update taskrun ") and "%" not in line, line
    # pkg/pipelinerunmetrics/metrics.go: Errorw, the message then its fields as etcd's.
    recorder = {
        "style": "structured",
        "format": "failed to configure recorder",
        "args": ["err"],
        "keys": ["error"],
        "fieldtypes": [""],
        "call": "logger.Errorw",
    }
    line, truth = _line_and_truth(recorder, "tekton")
    assert truth == 'failed to configure recorder {"error":"<*>"}', truth  # the tab a space
    assert re.fullmatch(r'failed to configure recorder\t\{"error":".+"\}', line), line
    # hadoop-hdds/client/.../OzoneClientConfig.java: SLF4J's holes, as ZooKeeper's.
    checksum = {
        "format": "The checksum size ({}) is not allowed to be less than the minimum size ({}),"
        " resetting to the minimum size.",
        "verbs": ["{}", "{}"],
        "args": ["bytesPerChecksum", "OZONE_CLIENT_BYTES_PER_CHECKSUM_MIN_SIZE"],
        "call": "LOG.warn",
    }
    line, truth = _line_and_truth(checksum, "ozone")
    assert truth.startswith("The checksum size (<*>) is not allowed"), truth
    assert "{}" not in line and line.endswith("resetting to the minimum size."), line
    # ckan/lib/authenticator.py: Python's printf, %r a repr in quotes.
    login = {
        "format": "Login failed - username or email %r not found",
        "verbs": ["%r"],
        "args": ["login"],
        "call": "log.debug",
    }
    line, truth = _line_and_truth(login, "ckan")
    assert truth == "Login failed - username or email '<*>' not found", truth
    assert re.fullmatch(r"Login failed - username or email '[^']+' not found", line), line


def test_spire_sssd_and_kanidm_print_as_their_loggers_do() -> None:
    # pkg/server/ca/manager/manager.go: logrus' text, the WithError field after msg.
    journal = {
        "style": "printf",
        "format": "Unable to append JWT key to journal",
        "keys": ["error"],
        "key_args": ["err"],
        "receiver": "log.WithError(err).Error",
    }
    line, truth = _line_and_truth(journal, "spire")
    assert truth == 'msg="Unable to append JWT key to journal" error=<*>', truth
    assert re.fullmatch(r'msg="Unable to append JWT key to journal" error=\S.*', line), line
    # src/providers/ad/ad_subdomains.c: C printf, the message alone.
    forest = {
        "format": "Unable to lookup forest root information [%d]: %s",
        "verbs": ["%d", "%s"],
        "args": ["ret", "sss_strerror(ret)"],
        "call": "DEBUG(SSSDBG_OP_FAILURE)",
    }
    line, truth = _line_and_truth(forest, "sssd")
    assert truth == "Unable to lookup forest root information [<*>]: <*>", truth
    assert re.fullmatch(r"Unable to lookup forest root information \[-?\d+\]: .+", line), line
    # server/core/src/lib.rs: tracing's error!, an error's Debug.
    schema = {
        "style": "rust",
        "format": "Failed to setup in memory schema: {:?}",
        "verbs": ["{:?}"],
        "args": ["e"],
        "call": "error!",
    }
    line, truth = _line_and_truth(schema, "kanidm")
    assert truth == "Failed to setup in memory schema: <*>", truth
    assert line.startswith("Failed to setup in memory schema: ") and "{" not in line, line


def test_helix_manila_and_the_postgres_operator_print_as_their_loggers_do() -> None:
    # helix-core/.../ParticipantDeregistrationStage.java: SLF4J, one {} a hole.
    deregister = {
        "format": "There are no instances to deregister from cluster {}",
        "verbs": ["{}"],
        "args": ["cache.getClusterName()"],
        "call": "LOG.debug",
    }
    line, truth = _line_and_truth(deregister, "helix")
    assert truth == "There are no instances to deregister from cluster <*>", truth
    assert re.fullmatch(r"There are no instances to deregister from cluster \S+", line), line
    # manila/share/manager.py: Python's printf, the message alone.
    deleting = {
        "format": "Deleting share server '%s'",
        "verbs": ["%s"],
        "args": ["server_id"],
        "call": "LOG.debug",
    }
    line, truth = _line_and_truth(deleting, "manila")
    assert truth == "Deleting share server '<*>'", truth
    assert re.fullmatch(r"Deleting share server '[^']+'", line), line
    # pkg/cluster/pod.go: logrus' text, a Go printf in msg="...", %q a quoted string.
    switchover = {
        "style": "printf",
        "format": "master pod %q is not running, skipping switchover and recreating directly",
        "verbs": ["%q"],
        "args": ["util.NameFromMeta(masterPod.ObjectMeta)"],
        "receiver": "c.logger.Warningf",
    }
    line, truth = _line_and_truth(switchover, "postgresoperator")
    assert truth.startswith('msg="master pod ') and truth.endswith(' directly"'), truth
    assert "<*>" in truth and "%q" not in truth, truth
    assert line.startswith('msg="master pod ') and "%q" not in line, line


def test_vaultwarden_bitwarden_and_the_nomad_autoscaler_print_as_their_loggers_do() -> None:
    # src/api/admin.rs: the log crate's error!, one {} a hole.
    invalid = {
        "format": "Invalid admin token. IP: {}",
        "verbs": ["{}"],
        "args": ["ip.ip"],
        "call": "error!",
        "style": "rust",
    }
    line, truth = _line_and_truth(invalid, "vaultwarden")
    assert truth == "Invalid admin token. IP: <*>", truth
    assert line.startswith("Invalid admin token. IP: ") and "{" not in line, line
    # src/Admin/.../OrganizationsController.cs: ILogger's LogError, a named hole.
    # Serilog's file sink writes {Message}: a Guid bare, a string in double quotes.
    cohort = {
        "format": "Failed to update migration cohort assignment for organization {OrganizationId}.",
        "style": "serilog",
        "verbs": ["{OrganizationId}"],
        "args": ["id"],
        "types": ["Guid"],
        "quoted": [False],
    }
    line, truth = _line_and_truth(cohort, "bitwarden")
    assert truth == "Failed to update migration cohort assignment for organization <*>.", truth
    guid = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    prefix = "Failed to update migration cohort assignment for organization "
    assert re.fullmatch(re.escape(prefix) + guid + r"\.", line), line
    # src/Admin/Billing/Controllers/OrganizationPlanMigrationCohortsController.cs: a string.
    cohort_name = {
        "format": "Error creating cohort. Name: {Name}",
        "style": "serilog",
        "verbs": ["{Name}"],
        "args": ["model.Name"],
        "types": [""],
        "quoted": [None],
    }
    line, truth = _line_and_truth(cohort_name, "bitwarden")
    assert truth == 'Error creating cohort. Name: "<*>"', truth
    assert re.fullmatch(r'Error creating cohort\. Name: "[^"]+"', line), line
    # agent/agent.go: hclog's Info, the logger's name, the message, then its pair.
    signal = {
        "style": "structured",
        "format": "caught signal",
        "receiver": "a.logger.Info",
        "args": ["sig.String()"],
        "keys": ["signal"],
        "logger": "agent",
    }
    line, truth = _line_and_truth(signal, "nomad-autoscaler")
    assert re.fullmatch(r"agent: caught signal: signal=\S+", line), line
    assert truth == "agent: caught signal: signal=<*>", truth


def test_ironic_and_ratis_print_as_their_loggers_do() -> None:
    # ironic/conductor/manager.py: Python logging, one %s a hole.
    create = {
        "format": "RPC create_node called for node %s.",
        "verbs": ["%s"],
        "args": ["node_obj.uuid"],
        "call": "LOG.debug",
    }
    line, truth = _line_and_truth(create, "ironic")
    assert truth == "RPC create_node called for node <*>.", truth
    assert line.startswith("RPC create_node called for node ") and "%s" not in line, line
    # ratis-server/.../RaftServerImpl.java: SLF4J, one {} a hole, the member id first.
    role = {
        "format": "{}: changes role from {} to {} at term {} for {}",
        "verbs": ["{}"] * 5,
        "args": ["getMemberId()", "this.role", "newRole", "state.getCurrentTerm()", "reason"],
        "call": "LOG.info",
    }
    line, truth = _line_and_truth(role, "ratis")
    assert truth == "<*>: changes role from <*> to <*> at term <*> for <*>", truth
    assert "{}" not in line and ": changes role from " in line, line


def test_heat_accumulo_and_hyprland_print_as_their_loggers_do() -> None:
    # heat/engine/clients/os/nova.py: Python logging, each %(name)s the mapping's value.
    detached = {
        "format": "Volume %(vol)s is detached from server %(srv)s",
        "verbs": ["%(vol)s", "%(srv)s"],
        "mapping": {"vol": "attach_id", "srv": "server_id"},
        "call": "LOG.info",
    }
    line, truth = _line_and_truth(detached, "heat")
    assert truth == "Volume <*> is detached from server <*>", truth
    assert line.startswith("Volume ") and " is detached from server " in line, line
    assert "%(" not in line, line
    # A positional call of Heat's is a printf, as Home Assistant's.
    stack = {
        "format": "Stack %s not found",
        "verbs": ["%s"],
        "args": ["stack_name"],
        "call": "LOG.warning",
    }
    line, truth = _line_and_truth(stack, "heat")
    assert truth == "Stack <*> not found" and "%s" not in line, (line, truth)
    # server/manager/.../ManagerClientServiceHandler.java: SLF4J, one {} a hole.
    server = {
        "format": "No server found for name {}, unable to shut it down",
        "verbs": ["{}"],
        "args": ["tabletServer"],
        "call": "log.warn",
    }
    line, truth = _line_and_truth(server, "accumulo")
    assert truth == "No server found for name <*>, unable to shut it down", truth
    assert "{}" not in line and line.startswith("No server found for name "), line
    # src/pointer/PointerManager.cpp: std::format, {} the value as it is.
    attached = {
        "format": "Attached pointer {} to global",
        "verbs": ["{}"],
        "args": ["pointer->m_hlName"],
        "call": "Log::logger->log(Log::DEBUG)",
    }
    line, truth = _line_and_truth(attached, "hyprland")
    assert truth == "Attached pointer <*> to global", truth
    assert "{}" not in line and line.startswith("Attached pointer "), line


def test_barbican_iceberg_and_podman_print_as_their_loggers_do() -> None:
    # barbican/api/middleware/context.py: Python logging, each %(name)s the mapping's value.
    processed = {
        "format": "Processed request: %(status)s - %(method)s %(url)s",
        "verbs": ["%(status)s", "%(method)s", "%(url)s"],
        "mapping": {"status": "resp.status", "method": "resp.request.method", "url": "resp.url"},
        "call": "LOG.info",
    }
    line, truth = _line_and_truth(processed, "barbican")
    assert truth == "Processed request: <*> - <*> <*>", truth
    assert re.fullmatch(r"Processed request: \S+ - \S+ \S+", line), line
    # A positional call of Barbican's is a printf, as Home Assistant's.
    post = {"format": "Start on_post...%s", "verbs": ["%s"], "args": ["data"], "call": "LOG.debug"}
    line, truth = _line_and_truth(post, "barbican")
    assert truth == "Start on_post...<*>" and line.startswith("Start on_post..."), (line, truth)
    assert "%s" not in line, line
    # core/.../IncrementalFileCleanup.java: SLF4J, one {} a hole.
    deleting = {
        "format": "Deleting {} manifest-list files",
        "verbs": ["{}"],
        "args": ["manifestListsToDelete.size()"],
        "call": "LOG.debug",
    }
    line, truth = _line_and_truth(deleting, "iceberg")
    assert truth == "Deleting <*> manifest-list files", truth
    assert re.fullmatch(r"Deleting \d+ manifest-list files", line), line
    # libpod/storage.go: logrus' text, a Go printf in msg="...", %q a quoted string.
    unmount = {
        "style": "printf",
        "format": "Failed to unmount container %q: %v",
        "verbs": ["%q", "%v"],
        "args": ["container.ID", "err"],
        "receiver": "logrus.Debugf",
    }
    line, truth = _line_and_truth(unmount, "podman")
    assert truth.startswith('msg="Failed to unmount container \\"<*>'), truth
    assert line.startswith('msg="Failed to unmount container \\"') and "%q" not in line, line
    # libpod/oci_conmon_common.go: a field of WithFields after the message.
    conmon = {
        "style": "printf",
        "format": "running conmon: %s",
        "verbs": ["%s"],
        "args": ["r.conmonPath"],
        "receiver": 'logrus.WithFields(logrus.Fields{"args":args,}).Debugf',
        "keys": ["args"],
        "key_args": ["args"],
    }
    line, truth = _line_and_truth(conmon, "podman")
    assert truth == 'msg="running conmon: <*>" args=<*>', truth
    assert re.fullmatch(r'msg="running conmon: \S+" args=\S.*', line), line


def test_flexget_komga_and_crio_print_as_their_loggers_do() -> None:
    # flexget/components/archives/decompress.py: loguru, str.format's {} each an argument.
    extract = {
        "format": "Would extract: {} to {}",
        "verbs": ["{}", "{}"],
        "args": ["info.filename", "destination"],
        "call": "logger.info",
    }
    line, truth = _line_and_truth(extract, "flexget")
    assert truth == "Would extract: <*> to <*>", truth
    assert line.startswith("Would extract: ") and " to " in line and "{}" not in line, line
    # komga/.../BookConverter.kt: kotlin-logging, the template's $x its value.
    copying = {
        "format": "Copying archive content to $destinationPath",
        "verbs": ["$destinationPath"],
        "args": ["destinationPath"],
        "call": "logger.info",
    }
    line, truth = _line_and_truth(copying, "komga")
    assert truth == "Copying archive content to <*>", truth
    assert line.startswith("Copying archive content to ") and "$" not in line, line
    # ${expr} and an exception's call: the message only, its trace on later lines.
    renaming = {
        "format": "Renaming ${book.path} to $destinationPath: failed",
        "verbs": ["${book.path}", "$destinationPath"],
        "args": ["book.path", "destinationPath"],
        "call": "logger.error(e)",
        "throwable_arg": "e",
    }
    line, truth = _line_and_truth(renaming, "komga")
    assert truth == "Renaming <*> to <*>: failed", truth
    assert re.fullmatch(r"Renaming \S+ to \S+: failed", line), line
    # server/container_stop.go: CRI-O's log.Infof(ctx, ...), logrus' text, msg="...".
    stopping = {
        "style": "printf",
        "format": "Stopping container: %s (timeout: %ds)",
        "verbs": ["%s", "%d"],
        "args": ["req.GetContainerId()", "req.GetTimeout()"],
        "receiver": "log.Infof",
    }
    line, truth = _line_and_truth(stopping, "crio")
    assert truth == 'msg="Stopping container: <*> (timeout: <*>)"', truth
    assert re.fullmatch(r'msg="Stopping container: \S+ \(timeout: \d+s\)"', line), line


def test_loguru_formats_only_a_message_given_arguments() -> None:
    # With arguments: {0} and {name} by position and name, {!r} a repr, {:.2f} fixed, {{ }}
    # braces. Without: the text as it is, braces and all.
    call = {
        "format": "Plugins took {:.2f} seconds for {!r} ({name}) {{ok}} #{0}",
        "verbs": ["{:.2f}", "{!r}", "{name}", "{0}"],
        "args": ["took", "task_name", "plugin.name", "took"],
        "kwargs": ["name"],
    }
    line, truth = _line_and_truth(call, "flexget")
    assert truth == "Plugins took <*> seconds for '<*>' (<*>) {ok} #<*>", truth
    match = re.fullmatch(
        r"Plugins took (\d+\.\d\d) seconds for '([^']*)' \((\S+)\) \{ok\} #(.+)", line
    )
    assert match is not None, line
    bare = {"format": "Keeping {{ and }} as {} written", "verbs": [], "args": []}
    line, truth = _line_and_truth(bare, "flexget")
    assert line == truth == "Keeping {{ and }} as {} written", (line, truth)


def test_python_logging_with_a_mapping_fills_each_name_from_it() -> None:
    # %(name)r is the value's repr, %(name)d a number, %% a percent; the mapping's argument
    # for a name judges its value, whatever the order of the names in the mapping.
    call = {
        "format": "Stack %(name)r at %(pct)d%% of %(total)d resources (%(state)s)",
        "verbs": ["%(name)r", "%(pct)d", "%(total)d", "%(state)s"],
        "mapping": {"state": "stack.state", "name": "stack.name", "pct": "p", "total": "n"},
    }
    line, truth = _line_and_truth(call, "heat")
    assert truth == "Stack '<*>' at <*>% of <*> resources (<*>)", truth
    match = re.fullmatch(r"Stack '([^']*)' at (\d+)% of (\d+) resources \((.+)\)", line)
    assert match is not None, line


def test_cpp_std_format_renders_as_the_standard_library_prints() -> None:
    # {:x} lower hex, {:X} upper, {:#x} after 0x, {:.2f} two places, {:.0f} none, {:c} a
    # character, {{ and }} braces.
    call = {
        "format": "Surface {:x} ({:#x}, {:X}) at {:.2f} Hz, {:.0f} wide {{}} key {:c}",
        "verbs": ["{:x}", "{:#x}", "{:X}", "{:.2f}", "{:.0f}", "{:c}"],
        "args": ["(uintptr_t)this", "(uintptr_t)m_owner", "FORMAT", "refresh", "w", "key"],
    }
    line, truth = _line_and_truth(call, "hyprland")
    # (the truth's rules, Loghub 2.0's, fold a unit written against its number into the
    # value; after a space it stays apart)
    assert truth == "Surface <*> (<*>, <*>) at <*> Hz, <*> wide {} key <*>", truth
    match = re.fullmatch(
        r"Surface ([0-9a-f]+) \((0x[0-9a-f]+), ([0-9A-F]+)\) at (\d+\.\d\d) Hz, (\d+) wide \{\} "
        r"key (.)",
        line,
    )
    assert match is not None, line
    # src/state/FallbackState.cpp: a timeout before the unit the text writes is a bare count.
    timeout = {
        "format": "[FallbackStateKeeper] Launch timeout of {}ms exceeded, entering fallback state.",
        "verbs": ["{}"],
        "args": ["READY_TIMEOUT_TO_UNSAFE_MS"],
    }
    for seed in range(5):
        line, _ = _line_and_truth(timeout, "hyprland", seed)
        assert re.fullmatch(r"\[FallbackStateKeeper\] Launch timeout of \d+ms exceeded, .*", line)


def test_dex_prints_as_slogs_json_handler_does() -> None:
    # cmd/dex/serve.go: logger.Info, the message, then its pair, a string quoted.
    client = {
        "style": "structured",
        "format": "config static client",
        "receiver": "logger.Info",
        "keys": ["client_name"],
        "key_args": ["client.Name"],
        "fieldtypes": [""],
    }
    line, truth = _line_and_truth(client, "dex")
    assert truth == '{"msg":"config static client","client_name":"<*>"}', truth
    assert list(json.loads(line)) == ["msg", "client_name"], line
    # A Duration is its nanoseconds and a []string a JSON array, both bare.
    tokens = {
        "style": "structured",
        "format": "config id tokens",
        "keys": ["valid_for", "response_types"],
        "key_args": ["idTokensValidFor", "c.OAuth2.ResponseTypes"],
        "fieldtypes": ["Duration", "Strings"],
    }
    line, truth = _line_and_truth(tokens, "dex")
    assert truth == '{"msg":"config id tokens","valid_for":<*>,"response_types":<*>}', truth
    record = json.loads(line)
    assert isinstance(record["valid_for"], int) and isinstance(record["response_types"], list)
    # server/...: an ErrorContext on a request's context: Dex's handler adds the request's
    # address and id after the call's pairs; a quote in the message escaped.
    failed = {
        "style": "structured",
        "format": 'failed to "store" device request',
        "keys": ["err"],
        "key_args": ["err"],
        "fieldtypes": [""],
        "context": "r.Context()",
        "request": True,
    }
    line, truth = _line_and_truth(failed, "dex")
    expected = '{"msg":"failed to \\"store\\" device request","err":"<*>",'
    assert truth == expected + '"client_remote_addr":"<*>","request_id":"<*>"}', truth
    record = json.loads(line)
    assert record["msg"] == 'failed to "store" device request', line
    assert list(record) == ["msg", "err", "client_remote_addr", "request_id"], line
    # connector/ldap/ldap.go: the connector's group, its type a literal, before the pairs.
    kerberos = {
        "style": "structured",
        "format": "failed to initialize kerberos; disabling kerberos",
        "keys": ["err"],
        "key_args": ["kerr"],
        "fieldtypes": [""],
        "group": {"connector": {"type": '"ldap"', "id": "id"}},
    }
    line, truth = _line_and_truth(kerberos, "dex")
    assert truth == (
        '{"msg":"failed to initialize kerberos; disabling kerberos",'
        '"connector":{"type":"ldap","id":"<*>"},"err":"<*>"}'
    ), truth
    assert json.loads(line)["connector"]["type"] == "ldap", line


def test_opam_appflowy_and_hammerspoon_print_as_their_loggers_do() -> None:
    # src/repository/opamDownload.ml: opam's section, then the Format string.
    downloading = {
        "label": "CURL ",
        "format": "Downloading %s for %s",
        "verbs": ["%s", "%s"],
        "args": ["(OpamSWHID.to_string swhid)", "(OpamStd.Format.pretty_list names)"],
    }
    line, truth = _line_and_truth(downloading, "opam")
    assert truth == "CURL Downloading <*> for <*>", truth
    assert re.fullmatch(r"CURL Downloading \S+ for .+", line), line
    # src/format/opamFilter.ml: %S, OCaml's quoted string, recorded as %q.
    undefined = {
        "label": "FILTER ",
        "format": "ERR in replacement: undefined ident %q",
        "verbs": ["%q"],
        "args": ["i"],
    }
    line, truth = _line_and_truth(undefined, "opam")
    assert re.fullmatch(r'FILTER ERR in replacement: undefined ident "[^"]*"', line), line
    # frontend/appflowy_flutter/.../workspace_bloc.dart: Log.info('... ${event.workspaceId}').
    leave = {
        "label": "[Flutter]: ",
        "format": "leave workspace success: %s",
        "verbs": ["%s"],
        "args": ["event.workspaceId"],
    }
    line, truth = _line_and_truth(leave, "appflowy")
    assert truth == "[Flutter]: leave workspace success: <*>", truth
    assert re.fullmatch(r"\[Flutter\]: leave workspace success: \S+", line), line
    # extensions/wifi/libwifi_watcher.m: LuaSkin's logError, its USERDATA_TAG written in.
    expected = {
        "label": "ERROR: LuaSkin: ",
        "format": "expected hs.wifi.watcher object, found %s",
        "verbs": ["%s"],
        "args": ["lua_typename(L, lua_type(L, idx))"],
    }
    line, truth = _line_and_truth(expected, "hammerspoon")
    assert truth == "ERROR: LuaSkin: expected hs.wifi.watcher object, found <*>", truth
    assert re.fullmatch(r"ERROR: LuaSkin: expected hs\.wifi\.watcher object, found \S+", line)
    # Hammerspoon/MJAppDelegate.m: NSLog, its date and process left out, no label.
    clicked = {
        "label": "",
        "format": "User double clicked on a Spoon in %s, skipping",
        "verbs": ["%s"],
        "args": ["MJConfigDirAbsolute()"],
    }
    line, truth = _line_and_truth(clicked, "hammerspoon")
    assert truth == "User double clicked on a Spoon in <*>, skipping", truth
    assert re.fullmatch(r"User double clicked on a Spoon in \S+, skipping", line), line


def test_restic_luigi_and_dolphinscheduler_print_as_their_loggers_do() -> None:
    # internal/repository/repository.go: restic's debug.Log, a Go printf.
    read = {
        "format": "read blob %v/%v from pack %v: wrong data returned, hash is %v",
        "verbs": ["%v", "%v", "%v", "%v"],
        "args": ["h.Type", "h.ID", "b.packID.String()", "id"],
    }
    line, truth = _line_and_truth(read, "restic")
    assert truth == "read blob <*>/<*> from pack <*>: wrong data returned, hash is <*>", truth
    assert re.fullmatch(r"read blob \S+/\S+ from pack \S+: wrong data returned, hash is \S+", line)
    # luigi/contrib/scalding.py: Python logging's % formatting.
    building = {
        "format": "Building job jar: %s",
        "verbs": ["%s"],
        "args": ["subprocess.list2cmdline(arglist)"],
    }
    line, truth = _line_and_truth(building, "luigi")
    assert truth == "Building job jar: <*>", truth
    assert re.fullmatch(r"Building job jar: .+", line), line
    # dolphinscheduler-api/.../LoginHandlerInterceptor.java: SLF4J with no hole.
    missing = {"format": "user does not exist", "verbs": [], "args": [], "call": "log.info"}
    line, truth = _line_and_truth(missing, "dolphinscheduler")
    assert (line, truth) == ("user does not exist", "user does not exist")
    # dolphinscheduler-alert-email/.../MailSender.java: a {} hole takes its argument; the
    # exception after the holes prints its trace on later lines.
    send = {
        "format": "Send email to {} failed",
        "verbs": ["{}"],
        "args": ["receivers", "e"],
        "throwable_arg": "e",
        "call": "log.error",
    }
    line, truth = _line_and_truth(send, "dolphinscheduler")
    assert truth == "Send email to <*> failed", truth
    assert re.fullmatch(r"Send email to .+ failed", line), line
