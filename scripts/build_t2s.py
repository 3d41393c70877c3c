"""Regenerate ``ontology/lexicon/t2s_chars.tsv`` from OpenCC's character tables.

A developer's tool (``pip install opencc-python-reimplemented``, Apache-2.0, which ships
OpenCC's dictionaries): the product reads only the generated table. A traditional
character is mapped to its first simplified candidate, and only when it is never a
simplified character itself (乾, 於, 台, 著 stay as they are: they are also words of
simplified text).

Usage: ``python scripts/build_t2s.py``
"""

from __future__ import annotations

from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "ontology" / "lexicon" / "t2s_chars.tsv"
HEADER = """\
# Traditional → simplified characters, one for one (matching folds traditional text so
# that 全國人民代表大會 finds 全国人民代表大会). Only characters that are never simplified
# characters themselves (not 乾, 於, 台, 著). Derived from OpenCC's TSCharacters.txt and
# STCharacters.txt (Apache License 2.0, https://github.com/BYVoid/OpenCC) by
# scripts/build_t2s.py.
"""


def _table(name: str) -> dict[str, list[str]]:
    path = Path(opencc.__file__).parent / "dictionary" / name
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        k, v = line.split("\t")
        out[k] = v.split()
    return out


def main() -> None:
    ts, st = _table("TSCharacters.txt"), _table("STCharacters.txt")
    rows = sorted(
        (k, v[0])
        for k, v in ts.items()
        if len(k) == 1
        and len(v[0]) == 1
        and k not in st
        and k not in v
        and ord(k) <= 0xFFFF
        and ord(v[0]) <= 0xFFFF
    )
    OUT.write_text(HEADER + "".join(f"{k}\t{v}\n" for k, v in rows), encoding="utf-8")
    print(f"{len(rows)} characters → {OUT}")


if __name__ == "__main__":
    main()
