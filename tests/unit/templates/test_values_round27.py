"""Twenty-seventh round: an endpoint's address written as a URL with a name before ``@`` and
no path after the host (an actor system's address, ``akka://Orders@10.0.0.5:2552``, a
client's ``amqp://worker@mq-2:5672``) is one value, scheme and all: the object printed whole
into its placeholder. A URL with a path (``hdfs://nn:9000/data/x``) keeps its scheme, as
before (masking.Masker, _WHOLE_ADDRESS).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import WILDCARD, Masker
from pipeline.templates.tokens import instance_of
from tests.unit.templates.conftest import mine_all


def test_an_endpoint_address_is_one_value() -> None:
    masked, values = Masker().mask_token("akka://Orders@10.0.0.5:2552")
    assert masked == WILDCARD
    assert [value for _, value in values] == ["akka://Orders@10.0.0.5:2552"]


def test_an_endpoint_address_in_brackets_is_one_value() -> None:
    masked, _ = Masker().mask_token("[amqp://worker@mq-2:5672]")
    assert masked == f"[{WILDCARD}]"


def test_a_url_with_a_path_keeps_its_scheme() -> None:
    masked, _ = Masker().mask_token("hdfs://nn-1:9000/data/part-3")
    assert masked == f"hdfs://{WILDCARD}"
    masked, _ = Masker().mask_token("postgres://app@db-1:5432/orders")
    assert masked == f"postgres://{WILDCARD}"


def test_an_event_with_an_endpoint_address_reads_as_written() -> None:
    templates = mine_all(
        ServiceMiners(),
        [
            "Member [akka://Orders@10.0.0.5:2552] is unreachable",
            "Member [akka://Orders@10.0.0.9:2552] is unreachable",
            "Member [akka://Billing@10.0.1.2:2553] is unreachable",
        ],
    )
    assert set(templates) == {"Member [<*>] is unreachable"}


def test_the_same_event_after_another_sender_beats_another_event_of_this_sender() -> None:
    templates = mine_all(
        ServiceMiners(),
        [
            "Counter: Rebalance of non-existing shard [12] is ignored",
            "Cart: Rebalance of [66] from [10.0.0.1] timed out",
            "Account: Rebalance of [955] from [10.0.0.2] timed out",
            "Counter: Rebalance of [977] from [10.0.0.3] timed out",
        ],
    )
    assert templates[1:] == ["<*>: Rebalance of [<*>] from [<*>] timed out"] * 3
    assert templates[0] == "Counter: Rebalance of non-existing shard [<*>] is ignored"


def test_a_bare_variable_is_no_instance_of_a_named_value() -> None:
    assert not instance_of(["[-]", "<*>", "<*>"], ["[-]", "release(<*>):", "<*>"])
    assert not instance_of(["x", "<*>"], ["x", "err=<*>"])
    assert not instance_of(["x", "<*>"], ["x", "key:<*>"])
    # Values written in other masks stay instances of each other.
    assert instance_of(["x", "<*>"], ["x", "<*>:<*>"])
    assert instance_of(["x", "<*>:<*>"], ["x", "<*>"])
    assert instance_of(["grain", "<*>"], ["grain", "sys.client/<*>"])
    assert instance_of(["x", "err=<*>"], ["x", "err=<*>"])
