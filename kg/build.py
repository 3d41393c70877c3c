"""``kg build`` as a library: the public face of :mod:`kg.runtime`.

``build`` writes a graph's files, ``extract_graph`` returns the networkx graph, ``export``
writes a graph you have, ``watch`` rebuilds on change.

>>> import tempfile
>>> report = build(out_dir=tempfile.mkdtemp(), workers=1, quiet=True, formats=("ttl",))
>>> report.docs_read, report.docs_failed
(2, 0)
"""

from __future__ import annotations

from kg.runtime.build import (
    ALL_FORMATS,
    DEFAULT_FORMATS,
    SAMPLE_DIR,
    BuildReport,
    build,
    default_workers,
    extract_graph,
)
from kg.runtime.outputs import export
from kg.runtime.policy import OneShot, Resident
from kg.runtime.watch import input_signature, watch

__all__ = [
    "ALL_FORMATS",
    "DEFAULT_FORMATS",
    "SAMPLE_DIR",
    "BuildReport",
    "OneShot",
    "Resident",
    "build",
    "default_workers",
    "export",
    "extract_graph",
    "input_signature",
    "watch",
]
