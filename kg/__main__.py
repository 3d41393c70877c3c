"""``python -m kg …``: the ``kg`` command line (:func:`kg.cli.main`), for environments
where the console script is not on ``PATH``."""

from kg.cli import main

if __name__ == "__main__":
    main()
