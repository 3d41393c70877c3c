"""How the builds of one process use workers, memory and housekeeping.

A build is the same function whoever calls it; what differs between ``kg build`` (one
build, then the process ends) and ``kg build --watch`` (build after build in one process)
is this policy object:

- :class:`OneShot`: the build forks its workers (the first one at once, to load the
  pipeline while the inputs are scanned) and stops them when it is done; it keeps nothing
  between builds and does its housekeeping (saving the manifest, deleting replaced files)
  before it returns;
- :class:`Resident`: workers stay up, their pipelines loaded, for the next build; decoded
  results and RDF fragments are kept in :attr:`Resident.memos`; housekeeping is left in
  ``report.pending`` for the caller to run once it has shown the report
  (``report.run_pending()``). ``close()`` stops the workers.

>>> p = OneShot()
>>> p.memo("results") is None, p.later([], print)
(True, False)
>>> r = Resident(); r.memo("results") is r.memos["results"]
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kg.runtime.workers import Pools


class OneShot:
    """One build in this process (``kg build``)."""

    def pools(self, n: int, snapshot_dir: str | None) -> Pools:
        """Worker processes for a build (the first one forked at once)."""
        pools = Pools(n, snapshot_dir)
        pools.prestart()
        return pools

    def release(self, pools: Pools, abort: bool = False) -> None:
        """The build no longer needs ``pools`` (``abort``: it was stopped or failed)."""
        pools.shutdown(kill=True, abort=abort)

    def memo(self, kind: str) -> dict[Any, Any] | None:
        """What the build may keep in memory for the next one (None: nothing)."""
        return None

    def later(self, pending: list[Callable[[], object]], fn: Callable[[], object]) -> bool:
        """Whether ``fn`` (housekeeping) was left in ``pending`` to run after the report;
        False: the build runs it now."""
        return False

    def close(self) -> None:
        """Stop what the policy keeps between builds."""


class Resident(OneShot):
    """Build after build in one process (``kg build --watch``, notebooks)."""

    def __init__(self) -> None:
        self.memos: dict[str, dict[Any, Any]] = {}
        self._pools: Pools | None = None

    def pools(self, n: int, snapshot_dir: str | None) -> Pools:
        if self._pools is None or self._pools.snapshot_dir != snapshot_dir or self._pools.broken:
            if self._pools is not None:
                self._pools.shutdown(kill=True)
            self._pools = super().pools(n, snapshot_dir)
        self._pools.n = max(self._pools.n, n)
        self._pools.prestart()
        return self._pools

    def release(self, pools: Pools, abort: bool = False) -> None:
        return None  # kept, their pipelines loaded, for the next build (also after an error)

    def memo(self, kind: str) -> dict[Any, Any] | None:
        return self.memos.setdefault(kind, {})

    def later(self, pending: list[Callable[[], object]], fn: Callable[[], object]) -> bool:
        pending.append(fn)
        return True

    def close(self) -> None:
        if self._pools is not None:
            self._pools.shutdown(kill=True)
            self._pools = None
