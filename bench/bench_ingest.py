"""Benchmark and check of reading: every input file through ``kg.ingest.iter_documents``
(the public reader API a build uses), timed in CPU seconds, with a hash of every result.

Each run reads the inputs once and prints the CPU seconds it took (``time.process_time``,
this process only), the number of documents and errors, the characters read, and one
SHA-256 over every result in order: ``(id, text, meta)`` of each document (meta as sorted
JSON) and the code and message of each error. A change to the readers or the cleaner that
keeps the output must keep the hash; ``--dump FILE`` writes one line per result
(id and its own hash) to find the documents that differ.

Usage: ``PYTHONPATH=$PWD .venv/bin/python bench/bench_ingest.py [INPUT ...] [--repeat N]
[--dump FILE]`` (default input ``../shared/corpus``; with ``--repeat`` the CPU figure
printed last is the median).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def _result_bytes(item: object) -> tuple[str, bytes]:
    from kg.model import Document

    if isinstance(item, Document):
        meta = json.dumps(item.meta, sort_keys=True, ensure_ascii=False, default=repr)
        rec = json.dumps(["doc", item.id, item.text, meta], ensure_ascii=False)
        return item.id, rec.encode("utf-8", "surrogatepass")
    rec = json.dumps(["err", type(item).__name__, str(item)], ensure_ascii=False)
    return str(item), rec.encode("utf-8", "surrogatepass")


def run(inputs: list[str], dump: str | None = None) -> tuple[float, int, int, int, str]:
    """``(cpu seconds, documents, errors, characters, hash)`` of one reading of ``inputs``."""
    from kg.ingest import iter_documents
    from kg.model import Document

    docs = errors = chars = 0
    results = []
    t0 = time.process_time()
    for item in iter_documents(inputs):
        results.append(item)
    cpu = time.process_time() - t0
    h = hashlib.sha256()
    lines = []
    for item in results:
        name, rec = _result_bytes(item)
        h.update(rec)
        h.update(b"\0")
        if isinstance(item, Document):
            docs += 1
            chars += len(item.text)
        else:
            errors += 1
        if dump is not None:
            lines.append(f"{name}\t{hashlib.sha256(rec).hexdigest()[:16]}")
    if dump is not None:
        Path(dump).write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogateescape")
    return cpu, docs, errors, chars, h.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="*", default=[str(DEFAULT_CORPUS)])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--dump", help="write one line per result: id and its hash")
    args = ap.parse_args()
    import kg.ingest  # noqa: F401  (imports are not timed)

    cpus = []
    for i in range(args.repeat):
        cpu, docs, errors, chars, digest = run(args.inputs, args.dump if i == 0 else None)
        cpus.append(cpu)
        print(f"run {i + 1}: {cpu:.2f} CPU-s  {docs} documents  {errors} errors  {chars} chars")
    print(f"median CPU-s {statistics.median(cpus):.2f}  hash {digest}")


if __name__ == "__main__":
    main()
