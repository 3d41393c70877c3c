"""Import spaCy without its command line: imported by :mod:`kg.nlp.pipeline` before spaCy.

``spacy/__init__.py`` imports ``spacy.cli.info`` only to offer ``spacy.info``, and with it
the whole command line (jinja2, packaging, weasel, httpx, …): a third of spaCy's import
time, paid by every worker process before it can extract a document, for code a pipeline
never runs. While spaCy itself is imported, ``spacy.cli`` and ``spacy.cli.info`` are
stand-ins (the package's real folder, so its submodules import as usual); they are
removed afterwards, so ``import spacy.cli`` and ``spacy.cli`` (through the module's
``__getattr__``) give the real command line and ``spacy.info`` calls the real one.
Nothing happens when spaCy was imported already; when its ``__init__`` wants more of the
command line than ``info`` the stand-ins are dropped and spaCy is imported as usual.

>>> import spacy, spacy.cli
>>> callable(spacy.info), hasattr(spacy.cli, "download")
(True, True)
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
from typing import Any

_CLI = ("spacy.cli.info", "spacy.cli")


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported when called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _module_getattr(name: str) -> Any:
    if name == "cli":
        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


def import_spacy() -> None:
    """Import spaCy (see the module docstring); a no-op when it is imported already."""
    if "spacy" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:  # pragma: no cover - spaCy is a dependency
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = [os.path.join(os.path.dirname(spec.origin), "cli")]
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy
    except ImportError:  # its __init__ wants more of the command line: import it as usual
        spacy = None
    finally:
        for name in _CLI:
            if sys.modules.get(name) is stand_ins[name]:
                del sys.modules[name]
    if spacy is None:
        sys.modules.pop("spacy", None)
        importlib.import_module("spacy")
        return
    if spacy.__dict__.get("cli") is cli:
        del spacy.__dict__["cli"]
    spacy.__dict__.setdefault("__getattr__", _module_getattr)


import_spacy()
