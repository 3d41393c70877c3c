"""Extraction beyond one machine: a Dask ``Client`` is an executor for ``extract_stream``.

``kg build --scheduler tcp://host:8786`` sends each batch of documents to the cluster's
workers (which need kg installed) and merges the results here, in input order, so the
graph equals a local build's.
"""

from __future__ import annotations

from typing import Any

from kg.errors import Errors, KGError


def connect(address: str, timeout: float = 10.0) -> Any:
    """A ``distributed.Client`` for ``address`` (raises E060 when unreachable)."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover
        raise KGError(Errors.E060, address=address, reason="dask.distributed is not installed") from exc
    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise KGError(Errors.E060, address=address, reason=exc) from exc
