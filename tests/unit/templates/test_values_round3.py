"""Values whose shape, not their count, shows they vary (third round, docs/templates.md): a path
or URL before the punctuation of a sentence, content digests, names as code writes them, objects
in angle brackets, JSON arrays and long JSON objects, URLs of another scheme, and a longer head
after a value."""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.quoting import join_angled
from pipeline.templates.tails import tails_vary
from pipeline.templates.tokens import names_differ
from tests.unit.templates.conftest import mine_all


def test_a_full_stop_after_a_path_ends_the_sentence(miners: ServiceMiners) -> None:
    assert miners.mine("a", "Could not remove spool /var/q/7f2a.").template == (
        "Could not remove spool <*>."
    )
    match = miners.mine("b", "Cannot open ledger /srv/books/2020.bin. Retrying later.")
    assert match.template == "Cannot open ledger <*>. Retrying later."
    assert match.parameters[0] == ("path", "/srv/books/2020.bin")


def test_a_dot_after_a_path_before_a_lower_case_word_is_part_of_the_path(
    miners: ServiceMiners,
) -> None:
    # Only the end of the message or a Capitalised word shows a sentence ended.
    match = miners.mine("a", "allocate: /tmp/job_7/part-00012. blk_-881 chosen")
    assert match.template == "allocate: <*> <*> chosen"
    assert match.parameters[0] == ("path", "/tmp/job_7/part-00012.")
    # The same through the message recipes (made after a few messages of one digit pattern).
    for number in range(10, 20):
        later = miners.mine("a", f"allocate: /tmp/job_7/part-000{number}. blk_-8{number} chosen")
        assert later.template == "allocate: <*> <*> chosen"
        assert later.parameters[0] == ("path", f"/tmp/job_7/part-000{number}.")


def test_a_content_digest_is_one_value(miners: ServiceMiners) -> None:
    digest = "9" * 20 + "ab" * 22
    match = miners.mine("a", f"pulled layer sha256:{digest} in 3 ms")
    assert match.template == "pulled layer <*> in <*> ms"
    assert match.parameters[0] == ("digest", f"sha256:{digest}")
    # A digest may label the message as well.
    assert miners.mine("d", f"sha1:{digest}: queued").template == "<*>: queued"
    # A label without a digit before a hash is a key, and a port is no digest.
    assert miners.mine("b", f"stored chunk:{digest}").template == "stored chunk:<*>"
    assert miners.mine("c", "dial relay-3:8443 now").template == "dial <*>:<*> now"


def test_names_written_as_identifiers_are_values_after_two_of_them() -> None:
    miners = ServiceMiners(MinerConfig())
    messages = [
        "worker 4 stopped: cause net.ErrTimeout",
        "worker 9 stopped: cause io.ErrShortRead",
    ]
    assert mine_all(miners, messages) == ["worker <*> stopped: cause <*>"] * 2
    camel = ["Dropping frame PingFrame for peer", "Dropping frame GoAwayFrame for peer"]
    assert mine_all(miners, camel, "s2") == ["Dropping frame <*> for peer"] * 2
    # Punctuation ending the sentence is no part of the name.
    shouted = ["Clock zone is cfg.zone_north!", "Clock zone is cfg.zone_south!"]
    assert mine_all(miners, shouted, "s4") == ["Clock zone is <*>!"] * 2
    # Plain words still need min_distinct_words values: they are more often other events.
    # (``light``, not ``state`` as before round 73: the word after ``state`` is its value.)
    plain = ["Link light up now", "Link light down now"]
    assert mine_all(miners, plain, "s3") == plain


def test_which_names_differ_as_values() -> None:
    assert names_differ("net.ErrTimeout", "io.ErrShortRead")
    assert names_differ("lamp_hall", "door_back")
    assert names_differ("cache.service", "db.service")  # a shared kind, as an extension
    assert names_differ("PingFrame", "GoAwayFrame")
    # One type in two packages names two constants.
    assert not names_differ("walpb.Record", "snappb.Record")
    # Other punctuation around them is another place in the sentence.
    assert not names_differ("PingFrame:", "GoAwayFrame")
    assert not names_differ("ok", "error")  # plain words
    assert not names_differ("EOF_MARK", "END_MARK")  # upper case: named states or events
    assert not names_differ("io.<*>", "net.ErrTimeout")


def test_an_object_in_angle_brackets_is_one_value(miners: ServiceMiners) -> None:
    assert join_angled(["hold", "<Lease", "42:west>:", "gone"]) == [
        "hold",
        "<Lease 42:west>:",
        "gone",
    ]
    assert join_angled(["x", "<", "y", "and", "z", ">", "w"]) is None  # comparisons
    assert join_angled(["cap", "<mem:512,", "cpu:2>"]) is None  # a record of fields
    assert join_angled(["a", "<ok>", "b"]) is None
    assert join_angled(["got", "<HALT", "now>"]) is None  # upper case: an event's words
    messages = [
        "Lost hold on <Lease 42:west>: lease expired",
        "Lost hold on <Lease 7:east-annex>: lease expired",
        "Lost hold on <Worker object at 0x7f3a2c>: lease expired",
    ]
    assert mine_all(miners, messages) == ["Lost hold on <*>: lease expired"] * 3


def test_a_value_then_the_same_label_in_every_tail_is_a_longer_head(
    miners: ServiceMiners,
) -> None:
    errors = ["i/o timeout", "EOF", "open /srv/a.db: no such file or directory", "disk full"]
    errors += ["context canceled", "permission denied"]
    messages = [f"Move failed from: /srv/in/{n}.bin into: {e}" for n, e in enumerate(errors)]
    assert mine_all(miners, messages) == ["Move failed from: <*> into: <*>"] * len(errors)
    # Tails that agree on no label after their value are free text after the first head.
    assert tails_vary([("<*>", "into:", "x", "y"), ("<*>", "onto:", "z", "w"), ("a", "b")], 3)
    assert not tails_vary(
        [("<*>", "into:", "x", "y"), ("b", "into:", "z"), ("<*>", "into:", "w")], 3
    )


def test_a_json_array_is_one_value(miners: ServiceMiners) -> None:
    messages = [
        'peers joined {"cluster":"c1","peers":["10.0.0.1:2380","10.0.0.2:2380"]}',
        'peers joined {"cluster":"c2","peers":["10.0.0.3:2380"]}',
        'peers joined {"cluster":"c3","peers":[]}',
    ]
    assert mine_all(miners, messages) == ['peers joined {"cluster":"<*>","peers":<*>}'] * 3


def test_a_long_json_object_keeps_its_keys() -> None:
    # Over max_token_chars, a JSON object is still masked when what is left fits: its keys are
    # the event's words. Other long tokens are one value.
    miners = ServiceMiners(MinerConfig(max_token_chars=40))
    reason = "x" * 60
    match = miners.mine("a", f'stalled {{"member":"m-4","reason":"{reason}"}}')
    assert match.template == 'stalled {"member":"<*>","reason":"<*>"}'
    assert miners.stats.long_tokens == 0
    assert miners.mine("b", f"stalled {reason}").template == "stalled <*>"
    assert miners.stats.long_tokens == 1


def test_punctuation_after_a_url_is_the_sentence_s(miners: ServiceMiners) -> None:
    match = miners.mine("a", "probing via https://10.1.2.3:8443/hub, then sleeping.")
    assert match.template == "probing via https://<*>, then sleeping."
    assert match.parameters[0] == ("url", "10.1.2.3:8443/hub")
    assert (
        miners.mine("b", "gave up on unix:///run/x/agent.sock.").template
        == "gave up on unix://<*>."
    )


def test_addresses_of_another_scheme_differ_in_a_value(miners: ServiceMiners) -> None:
    messages = [
        "session to https://10.9.8.7:443/api closed",
        "session to unix:///run/hub.sock closed",
    ]
    assert mine_all(miners, messages) == ["session to <*> closed"] * 2
