"""The build machinery: how ``kg build`` runs (``kg.build`` is its public face).

- :mod:`kg.runtime.build`: one build (read → extract → resolve → graph → export);
- :mod:`kg.runtime.policy`: one-shot builds and resident (``--watch``) builds;
- :mod:`kg.runtime.watch`: rebuild on change;
- :mod:`kg.runtime.workers`: worker processes; :mod:`kg.runtime.dask`: a Dask cluster;
- :mod:`kg.runtime.extract`: parallel, cached extraction in input order;
- :mod:`kg.runtime.codec`: results as bytes; :mod:`kg.runtime.store`: the cache files;
  :mod:`kg.runtime.manifest`: what the last build read;
- :mod:`kg.runtime.outputs`: all-or-nothing writing of the formats;
- :mod:`kg.runtime.lifecycle`: workers, locks and staging folders die with their build.

Nothing is imported here: ``kg build`` loads only the parts a build needs.
"""
