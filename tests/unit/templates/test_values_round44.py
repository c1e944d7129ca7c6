"""Forty-fourth round: after a subject's short name and its colon (``TRACE: Plugin Network:``,
``Cache sync:``), tails that read as events' own messages, of several lengths, are that
subject's events, not the values of one free tail (``tails.subject_head``,
``miner._subject_events``); error texts after such a head are still free text.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tails import subject_head
from tests.unit.templates.conftest import assert_matches, mine_all


def _split(text: str) -> list[str]:
    return text.split()


def test_a_short_name_and_its_colon_is_a_subject() -> None:
    assert subject_head(_split("TRACE: Plugin Network:"))
    assert subject_head(_split("Cache sync:"))
    assert subject_head(_split("Motion search job <*>:"))
    # A sentence before its value is no subject, nor a head ending in a full stop.
    assert not subject_head(_split("Failed to apply build using <*> directory:"))
    assert not subject_head(_split("ERROR compose: Failed to apply build using <*> directory:"))
    assert not subject_head(_split("Seems service <*> is down."))


def test_events_after_a_subject_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "TRACE: Plugin Network: Overwriting macaddress 52:54:00:12:34:56 with "
        "52:54:00:aa:bb:cc from interface eth0",
        "TRACE: Plugin Network: Skipping route entry without a device 10.0.0.0/24",
        "TRACE: Plugin Network: found 3 addresses on interface 10.0.0.1",
        "TRACE: Plugin Network: Unable to determine 'inet' as no default routes were found for "
        "that interface family",
        "TRACE: Plugin Network: found 5 addresses on interface 10.0.0.2",
    ]
    templates = mine_all(miners, messages)
    assert templates == [
        "TRACE: Plugin Network: Overwriting macaddress <*> with <*> from interface eth0",
        "TRACE: Plugin Network: Skipping route entry without a device <*>/<*>",
        "TRACE: Plugin Network: found <*> addresses on interface <*>",
        "TRACE: Plugin Network: Unable to determine 'inet' as no default routes were found for "
        "that interface family",
        "TRACE: Plugin Network: found <*> addresses on interface <*>",
    ]
    for message, template in zip(messages, templates, strict=True):
        assert_matches(template, message, miners.config)


def test_a_subject_becoming_a_variable_takes_in_no_other_events(miners: ServiceMiners) -> None:
    messages = [
        "TRACE: Plugin Virtualization: Guest running on KVM detected",
        "TRACE: Plugin Libvirt: Node is not a virtualization host. Skipping...",
        "TRACE: Plugin Habitat: Unable to determine the installed version of Habitat, skipping "
        "collection.",
        "TRACE: Plugin EC2: Fetching metadata from host 10.0.0.4 at port 8080",
        "TRACE: Plugin Virtualization: 7 containers found on host 10.0.0.9",
        *(
            f'TRACE: Plugin {name}: Could not shell_out "{name.lower()} -v". Skipping plugin'
            for name in ("Groovy", "Mono", "Lua", "Perl", "Rust", "Java")
        ),
        "TRACE: Plugin Libvirt: Node is not a virtualization host. Skipping...",
    ]
    templates = mine_all(miners, messages)
    assert templates[:5] == [
        "TRACE: Plugin Virtualization: Guest running on KVM detected",
        "TRACE: Plugin Libvirt: Node is not a virtualization host. Skipping...",
        "TRACE: Plugin Habitat: Unable to determine the installed version of Habitat, skipping "
        "collection.",
        "TRACE: Plugin EC2: Fetching metadata from host <*> at port <*>",
        "TRACE: Plugin Virtualization: <*> containers found on host <*>",
    ]
    assert set(templates[5:11]) == {'TRACE: Plugin <*>: Could not shell_out "<*>". Skipping plugin'}
    assert templates[11] == templates[1]


def test_error_texts_after_a_subject_are_still_free_text(miners: ServiceMiners) -> None:
    messages = [
        "Cache sync: open /var/cache/x: permission denied",
        "Cache sync: dial tcp 10.0.0.5:443: connect: connection refused",
        "Cache sync: read 10.0.0.6:80: i/o timeout",
        "Cache sync: context canceled",
    ]
    assert set(mine_all(miners, messages)) == {"Cache sync: <*>"}
