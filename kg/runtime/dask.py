"""The Dask scheduler adapter: a Dask ``Client`` is an executor for extraction.

``kg build --scheduler tcp://host:8786`` sends each batch of documents to the cluster's
workers (which need kg installed, same version) and merges the results here, in input
order, so the graph equals a local build's. Batches in flight: two per worker thread of
the cluster.

>>> class Local:  # anything with submit() is an executor
...     def submit(self, fn, *args): ...
>>> as_executor(Local())[1] is None
True
"""

from __future__ import annotations

from typing import Any

from kg.errors import Errors, KGError


def connect(address: str, timeout: float = 10.0) -> Any:
    """A ``distributed.Client`` for ``address`` (raises E060 when unreachable)."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover
        raise KGError(
            Errors.E060, address=address, reason="dask.distributed is not installed"
        ) from exc
    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise KGError(Errors.E060, address=address, reason=exc) from exc


class DaskExecutor:
    """``submit(fn, *args)`` on a Dask client, without hashing the arguments."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def submit(self, fn: Any, *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def slots(self) -> int:
        """Batches to keep in flight: two per worker thread (at least two)."""
        try:
            workers = self.client.scheduler_info()["workers"].values()
            threads = sum(int(w.get("nthreads", 1)) for w in workers)
        except Exception:  # an old or unusual client: a safe default
            threads = 1
        return max(2, 2 * threads)


def is_dask_client(obj: Any) -> bool:
    return type(obj).__name__ == "Client" and type(obj).__module__.startswith("distributed")


def as_executor(obj: Any) -> tuple[Any, int | None]:
    """``(executor, slots)`` for anything given as ``executor=``: a Dask client is wrapped
    (slots from the cluster size); other executors are used as they are (slots None)."""
    if obj is None:
        return None, None
    if isinstance(obj, DaskExecutor):
        return obj, obj.slots()
    if is_dask_client(obj):
        ex = DaskExecutor(obj)
        return ex, ex.slots()
    return obj, None
