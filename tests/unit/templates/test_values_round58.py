"""Fifty-eighth round: a package's exported name in front of an event's own message, as Go code
writes an error's or a type's name (``context.Canceled``, ``os.ErrNotExist``), is a value.

pghoard prints the error first (``%s file %r already archived and has valid hash``), and so do
programs that write Go's errors there: each error led a template of its own, the first token
being Drain's event word. Names of three parts and lower-case names of two (``web.service``)
were values before; a package's exported name is one too, before an event's own message
(tails.event_tail). Before a short message (``http.Server closed``) it may name the event, and
a class's member (``Config.Load``, a Capitalised first part) is the call that logs: both stay
apart as before.

A smaller part: a tag in square brackets opening the message is a label as ``Controller:`` is
(round 55's methods after a label): SABnzbd's ``[macos] warningsUpdate Exception`` beside
``[macos] pauseUpdate Exception`` names the method that logs, one call each. After a plain word,
or after a value in brackets (``[#1203]``), such names vary as before.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all

_ARCHIVED = [
    "context.Canceled file '/run/a/alpha.json' already archived and has valid hash",
    "os.ErrNotExist file '/var/lib/b.conf' already archived and has valid hash",
    "net.ErrClosed file '/home/git/orders' already archived and has valid hash",
    "context.Canceled file '/run/c/delta.json' already archived and has valid hash",
]


def test_package_names_in_front_of_an_event_are_values(miners: ServiceMiners) -> None:
    templates = mine_all(miners, _ARCHIVED)
    assert templates == ["<*> file '<*>' already archived and has valid hash"] * 4


def test_package_names_in_front_of_an_event_with_values_are_values(
    miners: ServiceMiners,
) -> None:
    messages = [
        "context.DeadlineExceeded worker 12 has not stopped",
        "os.ErrNotExist worker 7 has not stopped",
        "fs.ErrPermission worker 31 has not stopped",
    ]
    assert mine_all(miners, messages)[-1] == "<*> worker <*> has not stopped"


def test_package_names_before_a_short_message_stay_apart(miners: ServiceMiners) -> None:
    messages = ["http.Server closed", "http.Client closed", "http.Transport closed"]
    assert mine_all(miners, messages) == messages


def test_class_members_in_front_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "Config.Load could not read the file /etc/a.conf",
        "Cache.Load could not read the file /etc/b.conf",
        "Store.Load could not read the file /etc/c.conf",
    ]
    templates = mine_all(miners, messages)
    assert len(set(templates)) == 3
    assert all(
        template.startswith(message.split()[0])
        for template, message in zip(templates, messages, strict=True)
    )


def test_methods_after_a_tag_in_brackets_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "[macos] warningsUpdate Exception",
        "[macos] pauseUpdate Exception",
        "[macos] speedUpdate Exception",
        "[macos] warningsUpdate Exception",
    ]
    assert mine_all(miners, messages) == messages


def test_names_after_a_plain_word_still_vary(miners: ServiceMiners) -> None:
    messages = ["Ignoring fooBar setting", "Ignoring barBaz setting", "Ignoring quxQuux setting"]
    assert mine_all(miners, messages)[-1] == "Ignoring <*> setting"


def test_names_after_a_value_in_brackets_still_vary(miners: ServiceMiners) -> None:
    messages = [
        "[#1203] userProfile not cached",
        "[#88] orderHistory not cached",
        "[#9] cartItems not cached",
    ]
    assert mine_all(miners, messages)[-1] == "[#<*>] <*> not cached"


def test_plain_words_after_a_tag_in_brackets_still_vary(miners: ServiceMiners) -> None:
    messages = [
        "[macos] sabnzbd Exception",
        "[macos] gateway Exception",
        "[macos] billing Exception",
    ]
    assert mine_all(miners, messages)[-1] == "[macos] <*> Exception"
