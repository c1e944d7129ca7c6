"""Seventy-eighth round: a URL that ends in its port is a host and a port, two values.

The XCUITest driver logs ``The temporary web server is running at http://${host}:${port}``;
its host is sometimes rendered with a port of its own (``http://10.238.184.170:6443:39``).
The ``url`` mask took everything after the scheme as one value (``http://<*>``), while the
format wrote the host and the port apart (``http://<*>:<*>``, as Loghub's Hadoop truth writes
``hdfs://msra-sa-41:9000``). A URL whose rest ends in a port (and at most a slash) is masked
as its host, whatever it holds, and its port (``masking._LAST_PORT``); a URL with a path after
the port stays one value (``http://<*>``), as before.

A call that prints a host sometimes with a port and sometimes without (Ballista's ``History
server listening on http://{}``) then gives ``http://<*>:<*>`` and ``http://<*>`` in one
place; the miner joins them as one URL of the scheme, ``http://<*>`` (``tokens.generalise_token``),
not ``http:<*>``, which a prefix up to the last shared colon gave.

The words that end a message with a sentence's stop (``miner._stops_differ``): rustic logs
``nothing to copy.``, ``nothing to do!`` and ``nothing to remove``, three calls; three words
after one head read as one call's value (``nothing to <*>``). A format writes the same stop
after its value every time, so words ended by different stops (or one by none) are calls'
own words, not values; one call's values with one stop still join (``Unknown command <*>.``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import Masker
from tests.unit.templates.conftest import mine_all


def test_a_url_ending_in_its_port_is_a_host_and_a_port() -> None:
    masker = Masker()
    assert masker.mask_token("http://10.238.184.170:6443:39") == (
        "http://<*>:<*>",
        (("url", "10.238.184.170:6443"), ("num", "39")),
    )
    assert masker.mask_token("http://localhost:8080/")[0] == "http://<*>:<*>/"
    assert masker.mask_token("[hdfs://msra-sa-41:9000]")[0] == "[hdfs://<*>:<*>]"


def test_a_host_with_a_port_of_its_own_before_the_port(miners: ServiceMiners) -> None:
    messages = [
        "The temporary web server is running at http://10.238.184.170:6443:39",
        "The temporary web server is running at http://10.119.53.69:6443:41",
        "The temporary web server is running at http://10.247.125.93:9042:35",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"The temporary web server is running at http://<*>:<*>"}


def test_a_host_printed_with_and_without_a_port_is_one_url(miners: ServiceMiners) -> None:
    # Guard: passes before the round too; fails with the mask's change alone (``http:<*>``).
    messages = [
        "History server listening on http://gamma-0.corp.internal:8080",
        "History server listening on http://10.77.131.68",
        "History server listening on http://node-3.corp:8123",
        "History server listening on http://10.77.131.69",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"History server listening on http://<*>"}


def test_urls_with_a_path_and_other_calls_stay_apart(miners: ServiceMiners) -> None:
    # Guard, passing before and after: a path after the port keeps the URL one value, and
    # the two calls stay two, as do documentation links that differ (no value, no mask).
    messages = [
        "Fetching http://10.240.115.31:2380/metadata/instance",
        "Fetched http://10.0.0.2:8080",
        "Fetching http://10.0.0.1:80/metadata/instance",
        "Fetched http://10.0.0.3:8081",
        "See https://docs.fluentd.org/input for details",
        "See https://docs.fluentd.org/output for details",
    ]
    templates = mine_all(miners, messages)
    assert templates[0] == "Fetching http://<*>"
    assert templates[1].startswith("Fetched http://<*>")
    assert templates[2:4] == templates[:2]
    assert templates[4] != templates[5]


def test_words_ended_by_different_stops_are_calls_own(miners: ServiceMiners) -> None:
    messages = [
        "nothing to copy.",
        "nothing to copy.",
        "nothing to do!",
        "nothing to copy.",
        "nothing to remove",
        "nothing to copy.",
    ]
    templates = mine_all(miners, messages)
    assert templates == messages


def test_one_calls_words_with_one_stop_still_join(miners: ServiceMiners) -> None:
    # Guard, passing before and after: the same stop, or none, after each is one call's value.
    messages = [
        "Unknown command pull.",
        "Unknown command push.",
        "Unknown command fetch.",
        "Unknown command clone.",
        "Skipping plugin alpha",
        "Skipping plugin beta",
        "Skipping plugin gamma",
        "Skipping plugin delta",
    ]
    templates = mine_all(miners, messages)
    assert set(templates[:4]) == {"Unknown command <*>."}
    assert set(templates[4:]) == {"Skipping plugin <*>"}
