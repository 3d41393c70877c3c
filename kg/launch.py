"""The ``kg`` program: hands ``kg build`` to a running pipeline server, else runs the CLI.

Only the standard library is imported before that choice, so a rebuild handed to the
server (:func:`kg.server.forward_build`) does not pay for typer, spaCy or the exporters
in this process. Everything else is :mod:`kg.cli`.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["build"]:
        from kg.server import forward_build

        code = forward_build(argv)
        if code is not None:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)  # nothing of this process needs tearing down
    from kg.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
