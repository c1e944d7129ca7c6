"""One miner state per service, with the least recently seen service evicted past a bound."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable

from pipeline.errors import SnapshotError
from pipeline.templates.config import MinerConfig
from pipeline.templates.masking import Masker
from pipeline.templates.miner import Assigned, MessageCache, PatternCache, ServiceMiner
from pipeline.templates.model import TemplateMatch
from pipeline.templates.snapshot import dump_state, load_state
from pipeline.templates.stats import Counters, MinerStats
from pipeline.templates.tokenising import Tokeniser


class ServiceMiners:
    """Template miners keyed by service; templates of two services never merge.

    >>> miners = ServiceMiners()
    >>> miners.mine("api", "user 42 logged in").template
    'user <*> logged in'
    """

    def __init__(self, config: MinerConfig = MinerConfig()) -> None:  # noqa: B008 - frozen
        self._config = config
        self._counters = Counters()
        masker = Masker(config.extra_masks, config.disabled_masks)
        self._tokeniser = Tokeniser(config, masker, self._counters)
        self._miners: OrderedDict[str, ServiceMiner] = OrderedDict()
        self._cache: MessageCache = {}
        self._patterns: PatternCache = {}
        self._last: ServiceMiner | None = None
        # Services evicted since the owner last cleared this (the stream deletes their state).
        self.evicted_names: list[str] = []
        # Miners dropped (evicted or forgotten) since the shared caches were last emptied.
        self._dropped_since_clear = 0

    @property
    def config(self) -> MinerConfig:
        return self._config

    def mine(self, service: str, message: str) -> TemplateMatch:
        """Assign ``message`` to a template of ``service``, creating or generalising one."""
        miner = self._last
        if miner is None or miner.service != service:
            miner = self._miner(service)
        return miner.mine(message)

    def assign(self, service: str, messages: Iterable[str]) -> Assigned:
        """Mine many messages of one service, in order: the same templates as :meth:`mine`
        one by one, without the parameters (the batch entry point of the stream and
        ``analyze``)."""
        miner = self._last
        if miner is None or miner.service != service:
            miner = self._miner(service)
        return miner.assign(messages)

    def resolve(self, service: str, template_id: str) -> str:
        """Follow generalisation aliases of ``template_id`` to the id in use now."""
        miner = self._miners.get(service)
        return template_id if miner is None else miner.resolve(template_id)

    def template_text(self, service: str, template_id: str) -> str | None:
        """Current text of the template (aliases followed), or None if unknown or evicted."""
        miner = self._miners.get(service)
        return None if miner is None else miner.template_text(template_id)

    def services(self) -> list[str]:
        return list(self._miners)

    def templates(self, service: str) -> dict[str, str]:
        """Live templates of ``service``: id -> text."""
        miner = self._miners.get(service)
        if miner is None:
            return {}
        return {tid: template.text for tid, template in miner.templates.items()}

    def aliases(self, service: str) -> dict[str, str]:
        """Generalisation and merge aliases of ``service``: old id -> the id it became.

        A match reports one ``previous_id``; when several sibling templates merge at once the
        others are only here (and in :meth:`resolve`).
        """
        miner = self._miners.get(service)
        return {} if miner is None else dict(miner.aliases)

    @property
    def stats(self) -> MinerStats:
        return self._counters.freeze()

    def snapshot(self) -> bytes:
        """Serialise all miner state (orjson, versioned; see snapshot.py)."""
        return dump_state(self._miners.values(), self._counters)

    def __contains__(self, service: object) -> bool:
        return service in self._miners

    def snapshot_service(self, service: str) -> bytes | None:
        """One service's miner state (the :meth:`snapshot` format with one service and no
        counters), or None when the service has none."""
        miner = self._miners.get(service)
        return None if miner is None else dump_state([miner], Counters())

    def restore_service(self, data: bytes) -> str:
        """Install one service's miner from :meth:`snapshot_service` output, replacing any state
        it had here; returns the service's name. Counters are not changed by loading."""
        _, services = load_state(data)
        if len(services) != 1:
            raise SnapshotError(f"expected one service, found {len(services)}")
        name, loader = services[0]
        self.forget(name)
        before = self._counters.freeze()
        loader(self._miner(name))
        for counter, value in before.as_dict().items():
            setattr(self._counters, counter, value)
        return name

    def forget(self, service: str) -> None:
        """Drop a service's miner (it moved to another worker, or its state is reloaded)."""
        miner = self._miners.pop(service, None)
        if miner is not None:
            if self._last is miner:
                self._last = None
            self._dropped()

    def forget_all(self) -> None:
        self._miners.clear()
        self._last = None
        self._clear_caches()  # every entry's miner is gone

    def _dropped(self) -> None:
        """A miner left (evicted or forgotten). The shared caches' entries hold their
        miners (a hit must be its own miner's, so a dropped miner's entries are never hit
        again): without this, the whole state of evicted services stayed alive through them, up
        to one per cached message (40,000 services of one line each, 1,000 kept: 160 MiB).
        Emptied once as many miners were dropped as are kept, at most that many more are held;
        the caches only save work, and hot messages return."""
        self._dropped_since_clear += 1
        if self._dropped_since_clear >= self._config.max_services:
            self._clear_caches()

    def _clear_caches(self) -> None:
        self._cache.clear()
        self._patterns.clear()
        self._dropped_since_clear = 0

    @classmethod
    def restore(cls, data: bytes, config: MinerConfig = MinerConfig()) -> ServiceMiners:  # noqa: B008
        """Rebuild miners from :meth:`snapshot` output; ids continue unchanged."""
        miners = cls(config)
        counters, services = load_state(data)
        for name, loader in services:
            loader(miners._miner(name))
        # Loading re-creates templates; the restored counters replace what that counted.
        restored = Counters(counters)
        for name in Counters.__slots__:
            setattr(miners._counters, name, getattr(restored, name))
        return miners

    def _miner(self, service: str) -> ServiceMiner:
        miners = self._miners
        miner = miners.get(service)
        if miner is None:
            while len(miners) >= self._config.max_services:
                evicted, _ = miners.popitem(last=False)
                self.evicted_names.append(evicted)
                self._counters.evicted_services += 1
                self._dropped()
            miner = ServiceMiner(
                service,
                self._config,
                self._tokeniser,
                self._counters,
                self._cache,
                self._patterns,
            )
            miners[service] = miner
        else:
            miners.move_to_end(service)
        self._last = miner
        return miner
