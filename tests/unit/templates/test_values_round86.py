"""Eighty-sixth round: a call's one argument that is an address in two forms is one value.

OpenSearch logs ``startProbe(%s) not probing local node``, MINA SSHD ``bindInternal(%s)
binding`` and ``connect(%s) - failed (%s) ...``, Nutch ``getProtocolOutput(%s, %s)``: the
argument is sometimes a host and port (masked ``<*>:<*>``), sometimes a URL or a local socket's
URI (masked ``https://<*>``, ``unix://<*>``, their scheme kept). A call's argument that differs
was a value only when it was one plain word or a mask's ``<*>`` (tokens.call_argument, round
37); an address the masks took in parts or with its scheme was not, so the call's name itself
became a variable (``<*>)``) or each form made a template of its own. An argument that is such
an address on both sides, in the same quotes or none, is now the call's one value.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tokens import call_argument, differ_in_words, generalise_token
from tests.unit.templates.conftest import mine_all


def test_a_calls_address_argument_is_one_value_whatever_its_form(
    miners: ServiceMiners,
) -> None:
    messages = [
        "startProbe(10.214.166.115:6443) not probing local node",
        "startProbe(canary-8.corp.internal:3000) not probing local node",
        "startProbe(unix:///run/main/hermes.sock) not probing local node",
        "startProbe(https://10.236.218.21:2380/kitchen) not probing local node",
        "bindInternal(10.7.250.100:9042) binding",
        "bindInternal(alpha-5.corp.internal:443) binding",
        "bindInternal(https://10.66.87.253:6443/main) binding",
    ]
    templates = mine_all(miners, messages)
    assert templates[2:4] == ["startProbe(<*>) not probing local node"] * 2
    assert templates[-1] == "bindInternal(<*>) binding"


def test_tokens_of_one_call_with_an_address_in_two_forms() -> None:
    pairs = [
        ("sendto(<*>:<*>)", "sendto(https://<*>)", "sendto(<*>)"),
        ("startProbe(https://<*>)", "startProbe(unix://<*>)", "startProbe(<*>)"),
        ("getProtocolOutput(https://<*>,", "getProtocolOutput(<*>:<*>,", "getProtocolOutput(<*>,"),
        ("opendir('<*>:<*>')", "opendir('unix://<*>')", "opendir('<*>')"),
        ('open("<*>")', 'open("https://<*>:<*>/")', 'open("<*>")'),
    ]
    for mine, theirs, pattern in pairs:
        assert call_argument(mine, theirs) is not None
        assert not differ_in_words(mine, theirs)
        assert generalise_token(mine, theirs) == pattern
        assert generalise_token(theirs, mine) == pattern


def test_other_text_in_the_brackets_and_other_calls_stay_apart(
    miners: ServiceMiners,
) -> None:
    # Literal text beside the value is the format's (``<*>/status`` / ``<*>/health``), and an
    # address quoted on one side only is another format's.
    assert call_argument("get(<*>/status)", "get(<*>/health)") is None
    assert differ_in_words("get(<*>/status)", "get(<*>/health)")
    assert call_argument("open('<*>')", "open(<*>:<*>)") is None
    assert call_argument("open('<*>:<*>')", "open('<*>:<*>/status')") is None
    messages = [
        "startProbe(10.214.166.115:6443) not probing local node",
        "startProbe(canary-8.corp.internal:3000) not probing local node",
        "stopProbe(https://10.236.218.21:2380/kitchen) not probing local node",
        "stopProbe(unix:///run/main/hermes.sock) not probing local node",
        "startProbe(https://10.236.218.21:2380/kitchen) probing remote node",
        "startProbe(unix:///run/main/hermes.sock) probing remote node",
    ]
    templates = mine_all(miners, messages)
    # Another call's name, or other words after the same call, make another event.
    events = [set(templates[0:2]), set(templates[2:4]), set(templates[4:6])]
    assert all(not (events[i] & events[j]) for i in range(3) for j in range(i + 1, 3))
