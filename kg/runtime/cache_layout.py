"""The entries of a build's cache folder (``OUT/.cache`` by default), named in one place.

>>> CACHE_FILES[0], SNAPSHOTS_NAME
('lock', 'pipeline')
"""

from __future__ import annotations

#: one build at a time (:class:`kg.runtime.lifecycle.CacheLock`)
LOCK_NAME = "lock"
#: what the last build read (:class:`kg.runtime.manifest.BuildState`)
MANIFEST_NAME = "manifest.bin"
#: the outputs the last build published (:func:`kg.runtime.manifest.record_outputs`)
OUTPUTS_NAME = "outputs.bin"
#: the entity table (:mod:`kg.runtime.resolution`)
TABLE_NAME = "resolution.bin"
RESULTS_NAME = "results.pack"
FRAGMENTS_NAME = "fragments.pack"
#: the two packs (:class:`kg.runtime.store.PackStore`), each with its index
PACKS = (RESULTS_NAME, RESULTS_NAME + ".idx", FRAGMENTS_NAME, FRAGMENTS_NAME + ".idx")
#: the files of the cache folder (one of another kind is set aside: E111)
CACHE_FILES = (LOCK_NAME, MANIFEST_NAME, OUTPUTS_NAME, TABLE_NAME, *PACKS)
#: the folder of pipeline snapshots (the workers' ``snapshot_dir``)
SNAPSHOTS_NAME = "pipeline"
