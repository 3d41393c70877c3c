"""End-to-end benchmark of ``kg build`` on the shared corpus, against a naive baseline.

One run measures, on a copy of ``../shared/corpus`` (laws + reports) in a temporary folder:

1. **kg, full build**: ``kg build COPY --workers N`` (a fresh output and cache folder) —
   wall seconds, characters/s, documents/s, peak memory (RSS of the main process plus
   its workers, sampled every 0.1 s; PSS too, which does not count pages the forked
   workers share twice), CPU seconds, triples in ``graph.ttl``;
   run twice: first with an empty shared pipeline snapshot folder (``KG_PIPELINE_SHARED``,
   a temporary one: the **cold** build, which builds the NLP pipeline and saves it),
   then the measured full build, which restores it (as every build of the same code
   after the first does, like jieba's own dictionary cache);
2. **kg, incremental**: one law file of the copy modified, the same command again (a new
   process: it loads the pipeline from the cache's snapshot) — its time as a share of the
   full build (target ≤ 10 %), and that exactly one document was extracted again; then a
   rebuild with nothing changed; then ``--watch`` rebuilds (one process kept running,
   target ≤ 5 %);
3. **jieba.cut**: plain ``jieba.cut`` over the same documents' text in one process (the
   text read by kg's readers first, not timed) — kg's characters/s with N workers divided
   by this is the speed figure that holds across machines (target ≥ 2.5×);
4. **baseline** (``bench/baseline.py``, with ``--pos-baseline``): ``jieba.posseg``
   nr/ns/nt/nz words + a 《…》 regex, rdflib's Turtle serialiser, one process;
5. **quality**: entity F1 on the dev gold (``../shared/eval/dev``) of kg
   (``kg.eval.evaluate``) and, with ``--pos-baseline``, of the baseline.

Targets: kg ≥ 2.5× one-process ``jieba.cut`` with 2 workers, peak memory ≤ 2 GB,
incremental ≤ 10 % of the full build in a new process and ≤ 5 % with ``--watch``.

The machine may be shared: the load average before and after is printed, and so is the
CPU time, so that a slow run can be told from a slow program.

Usage: ``.venv/bin/python bench/bench_build.py [--limit N] [--workers 2] [--pos-baseline]
[--json out.json]`` (``--limit N``: N law files and N/10 records of each report file).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CORPUS = ROOT.parent / "shared" / "corpus"
TARGET_JIEBA_RATIO = 2.5
TARGET_MEM = 2_000_000_000
TARGET_INCREMENTAL = 0.10
TARGET_WATCH = 0.05
#: incremental rebuilds measured (each after another change); the median is reported
INCREMENTAL_RUNS = 3


# --------------------------------------------------------------------------- running


def snapshot_code(dst: Path) -> dict[str, str]:
    """Copy the code and data a build depends on (``kg/``, ``ontology/``, ``data/``) and
    return the environment that runs it: the checkout may change while the benchmark runs
    (other work in the same tree), and every build of one run must see the same code."""
    for name in ("kg", "ontology", "data"):
        shutil.copytree(ROOT / name, dst / name, ignore=shutil.ignore_patterns("__pycache__"))
    # compiled once, untimed, as pip compiles an installed package: without it every
    # build compiles kg's sources again (PYTHONDONTWRITEBYTECODE keeps no .pyc)
    import compileall

    compileall.compile_dir(dst / "kg", quiet=1)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(dst), str(ROOT / "bench")])}
    # and numba's cache of the compiled jieba route (make does the same)
    subprocess.run([sys.executable, "-m", "kg.nlp.routes"], env=env, check=True)
    return env


ENV: dict[str, str] | None = None


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _pss(pid: int) -> int:
    """PSS of ``pid`` in bytes, from ``smaps_rollup`` (psutil's ``memory_full_info`` reads
    the whole ``smaps``: ~20 ms per big process, every 0.1 s, taken from the build)."""
    with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
        for line in f:
            if line.startswith(b"Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def run(cmd: list[str], *, pss: bool = True) -> dict[str, Any]:
    """Run ``cmd``; wall time, CPU time of the whole process tree, peak RSS/PSS of the tree."""
    import psutil

    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    peak = {"rss": 0, "pss": 0}
    done = threading.Event()

    def sample() -> None:
        proc = psutil.Process(p.pid)
        while not done.is_set():
            try:
                procs = [proc, *proc.children(recursive=True)]
            except psutil.Error:
                break
            rss = total_pss = 0
            for q in procs:
                try:
                    rss += q.memory_info().rss
                    if pss:
                        total_pss += _pss(q.pid)
                except (psutil.Error, OSError):
                    pass
            peak["rss"] = max(peak["rss"], rss)
            peak["pss"] = max(peak["pss"], total_pss)
            done.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = p.communicate()
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    return {"cmd": cmd, "rc": p.returncode, "stdout": out, "stderr": err, "wall": wall,
            "cpu": _children_cpu() - cpu0, "peak_rss": peak["rss"], "peak_pss": peak["pss"]}


def _summary_int(stderr: str, pattern: str) -> int:
    m = re.search(pattern, stderr)
    return int(m.group(1).replace(",", "")) if m else 0


def kg_build(corpus: Path, out: Path, workers: int, *extra: str) -> dict[str, Any]:
    r = run([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out),
             "--workers", str(workers), *extra])
    if r["rc"] != 0:
        raise SystemExit(f"kg build failed ({r['rc']}):\n{r['stderr'][-3000:]}")
    r["docs"] = _summary_int(r["stderr"], r"documents read: (\d+)")
    r["cached"] = _summary_int(r["stderr"], r"from cache: (\d+)")
    r["chars"] = _summary_int(r["stderr"], r"characters: ([\d,]+)")
    r["timings"] = (re.search(r"seconds: .*", r["stderr"]) or [""])[0]
    return r


JIEBA_SCRIPT = """
import json, sys, time
from pathlib import Path
import jieba
from kg.ingest import iter_documents
texts = [d.text for d in iter_documents([Path(sys.argv[1])]) if hasattr(d, "text")]
jieba.initialize()
t = time.perf_counter()
for text in texts:
    for _ in jieba.cut(text):
        pass
secs = time.perf_counter() - t
print(json.dumps({"chars": sum(map(len, texts)), "docs": len(texts), "seconds": secs}))
"""


def jieba_cut(corpus: Path) -> dict[str, Any]:
    """Plain one-process ``jieba.cut`` over the documents kg reads from ``corpus``."""
    r = subprocess.run([sys.executable, "-c", JIEBA_SCRIPT, str(corpus)], capture_output=True,
                       text=True, env=ENV)  # fmt: skip
    if r.returncode != 0:
        raise SystemExit(f"jieba.cut failed:\n{r.stderr[-3000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def pipeline_version() -> str:
    """The pipeline version the builds of this run see (the cache key of every result)."""
    code = "from kg.fingerprint import code_version as v; print(v())"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV)
    return r.stdout.strip()


def count_triples(path: Path) -> int:
    import pyoxigraph as ox

    fmt = ox.RdfFormat.TURTLE if path.suffix == ".ttl" else ox.RdfFormat.N_TRIPLES
    return sum(1 for _ in ox.parse(path=str(path), format=fmt))


# --------------------------------------------------------------------------- corpus copy


def copy_corpus(src: Path, dst: Path, limit: int | None) -> None:
    """Copy laws and reports (``limit``: that many law files, a tenth as many records of
    each report file)."""
    if limit is None:
        shutil.copytree(src, dst)
        return
    laws = sorted(
        p for p in (src / "laws").rglob("*") if p.is_file() and not p.name.startswith(".")
    )
    for p in laws[:limit]:
        q = dst / p.relative_to(src)
        q.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p, q)
    for p in sorted((src / "reports").glob("*.jsonl")):
        q = dst / p.relative_to(src)
        q.parent.mkdir(parents=True, exist_ok=True)
        with p.open(encoding="utf-8") as f:
            lines = [line for _, line in zip(range(max(1, limit // 10)), f, strict=False)]
        q.write_text("".join(lines), encoding="utf-8")


def touch_one(corpus: Path, n: int = 1) -> Path:
    """Modify one law file in the middle of the corpus (a new sentence at the end; ``n``
    makes it differ from earlier ones: a repeated paragraph is dropped by the cleaner)."""
    laws = sorted(p for p in (corpus / "laws").rglob("*.md"))
    victim = laws[len(laws) // 2]
    with victim.open("a", encoding="utf-8") as f:
        f.write(f"\n\n本条例第{n}款由国务院负责解释，工业和信息化部会同国家发展改革委组织实施。\n")
    return victim


WARM_SCRIPT = """
import json, sys, time
from pathlib import Path
from kg.build import watch
corpus, out, workers, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
runs = []
def on_report(r):
    runs.append({"seconds": r.seconds, "extracted": r.docs_extracted, "cached": r.docs_cached,
                 "timings": {k: round(v, 3) for k, v in r.timings.items()},
                 "changed_at": changed[0], "done_at": time.perf_counter()})
    if len(runs) < n:  # one law file gets a new sentence (another one each time)
        changed[0] = time.perf_counter()
        with victim.open("a", encoding="utf-8") as f:
            f.write(f"\\n\\n本办法第{len(runs)}条由商务部会同海关总署负责解释。\\n")
changed = [None]
laws = sorted(p for p in (corpus / "laws").rglob("*.md"))
victim = laws[len(laws) // 3]
watch([corpus], out, workers=workers, cache_dir=out / ".cache", interval=0.1,
      on_report=on_report, max_builds=n, quiet=True)
print(json.dumps(runs))
"""


def kg_warm(corpus: Path, out: Path, workers: int, builds: int = 5) -> list[dict[str, Any]]:
    """``kg build --watch`` (in-process ``kg.build.watch``): a first build, then a rebuild
    after each of ``builds - 1`` changes of one law file; the workers (NLP pipeline loaded)
    stay up between builds."""
    r = run([sys.executable, "-c", WARM_SCRIPT, str(corpus), str(out), str(workers),
             str(builds)], pss=False)  # fmt: skip
    if r["rc"] != 0:
        raise SystemExit(f"watch failed ({r['rc']}):\n{r['stderr'][-3000:]}")
    return json.loads(r["stdout"].strip().splitlines()[-1])


# --------------------------------------------------------------------------- quality


F1_SCRIPT = """
import json
from baseline import baseline_graph
from kg.eval import find_docs, default_gold_dir, evaluate, score_graph
gold = default_gold_dir()
ours = evaluate(gold)
base = score_graph(baseline_graph(find_docs(gold, None)), gold)
print(json.dumps({"kg": ours.entity_total().as_dict(),
                  "kg_relations": ours.relations(False).as_dict(),
                  "baseline": base.entity_total().as_dict()}))
"""


def f1_scores() -> dict[str, Any]:
    """Entity F1 on the dev gold of kg and of the baseline (in a process running the
    benchmark's code snapshot)."""
    r = subprocess.run([sys.executable, "-c", F1_SCRIPT], capture_output=True, text=True,
                       env=ENV, cwd=ROOT)
    if r.returncode != 0:
        raise SystemExit(f"scoring failed:\n{r.stderr[-3000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- report


def _mb(n: float) -> str:
    return f"{n / 1e6:,.0f} MB"


def table(res: dict[str, Any]) -> str:
    kg, base = res["kg_full"], res.get("baseline")
    rows: list[tuple[str, str, str, str]] = []

    def row(name: str, a: str, b: str = "", ratio: str = "") -> None:
        rows.append((name, a, b, ratio))

    def rate(x: dict[str, Any], key: str) -> float:
        return x[key] / x["wall"] if x.get("wall") else 0.0

    row("documents", f"{kg['docs']:,}", f"{base['docs']:,}" if base else "")
    row("characters", f"{kg['chars']:,}", f"{base['chars']:,}" if base else "")
    row("wall seconds", f"{kg['wall']:.2f}", f"{base['wall']:.2f}" if base else "",
        f"{base['wall'] / kg['wall']:.1f}× faster" if base else "")
    row("characters/s", f"{rate(kg, 'chars'):,.0f}", f"{rate(base, 'chars'):,.0f}" if base else "",
        f"{rate(kg, 'chars') / rate(base, 'chars'):.1f}×" if base else "")
    row("documents/s", f"{rate(kg, 'docs'):,.1f}", f"{rate(base, 'docs'):,.1f}" if base else "")
    row("CPU seconds (all processes)", f"{kg['cpu']:.1f}", f"{base['cpu']:.1f}" if base else "")
    row("chars per CPU-second", f"{kg['chars'] / kg['cpu']:,.0f}" if kg["cpu"] else "",
        f"{base['chars'] / base['cpu']:,.0f}" if base and base["cpu"] else "")
    row("peak memory (RSS, tree)", _mb(kg["peak_rss"]), _mb(base["peak_rss"]) if base else "")
    row("peak memory (PSS, tree)", _mb(kg["peak_pss"]), _mb(base["peak_pss"]) if base else "")
    row("triples", f"{kg['triples']:,}", f"{base['triples']:,}" if base else "")
    if "f1" in res:
        f = res["f1"]
        row("dev-gold entity F1", f"{f['kg']['f1']:.3f}", f"{f['baseline']['f1']:.3f}",
            f"{f['kg']['f1'] / f['baseline']['f1']:.1f}×" if f["baseline"]["f1"] else "")
        row("  precision / recall", f"{f['kg']['precision']:.3f} / {f['kg']['recall']:.3f}",
            f"{f['baseline']['precision']:.3f} / {f['baseline']['recall']:.3f}")
        row("dev-gold relation F1 (explicit)", f"{f['kg_relations']['f1']:.3f}", "n/a")
    head = ("", f"kg ({res['workers']} workers)", "baseline", "kg vs baseline")
    w = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    lines = ["  ".join(c.ljust(w[i]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(head))]
    lines.append("  ".join("-" * x for x in w))
    for r in rows:
        lines.append("  ".join(c.ljust(w[i]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(r)))
    inc, same = res["kg_incremental"], res["kg_nochange"]
    share = inc["wall"] / kg["wall"]
    jb = res["jieba"]
    jieba_rate = jb["chars"] / jb["seconds"]
    jieba_ratio = rate(kg, "chars") / jieba_rate
    lines += [
        "",
        f"jieba.cut, one process, same documents: {jb['chars']:,} chars in "
        f"{jb['seconds']:.2f} s = {jieba_rate:,.0f} chars/s; kg with {res['workers']} workers: "
        f"{rate(kg, 'chars'):,.0f} chars/s = {jieba_ratio:.2f}× jieba.cut",
        f"kg timings (full): {kg['timings']}",
    ]
    cold = res.get("kg_full_cold")
    if cold:
        cold_ratio = rate(cold, "chars") / jieba_rate
        lines += [
            f"COLD pipeline cache (the first build of this code: no pipeline snapshot in "
            f"the user's shared folder, built and saved by the first worker): "
            f"{cold['wall']:.2f} s, {cold['cpu']:.1f} CPU-s, {rate(cold, 'chars'):,.0f} "
            f"chars/s = {cold_ratio:.2f}× jieba.cut; the full build above restores it",
            f"  timings: {cold['timings']}",
        ]
    lines += [
        f"INCREMENTAL rebuild (`kg build` again in a new process), one file changed "
        f"({res['touched']}): {inc['wall']:.2f} s = "
        f"{100 * share:.1f}% of the full build (median of "
        f"{', '.join(f'{x:.2f}' for x in res.get('kg_incremental_runs', [inc['wall']]))} s, "
        f"each after another change); "
        f"{inc['docs'] - inc['cached']} document(s) extracted, "
        f"{inc['cached']:,} from cache; peak {_mb(inc['peak_rss'])}",
        f"  timings: {inc['timings']}",
        f"rebuild, nothing changed: {same['wall']:.2f} s = {100 * same['wall'] / kg['wall']:.1f}%; "
        f"{same['docs'] - same['cached']} extracted",
    ]
    if res.get("kg_warm"):
        warm = res["kg_warm"][2:]  # the first rebuild also waits for the workers' pipeline
        # from the file's change to the outputs written (polling every 0.1 s included)
        secs = sorted(w["done_at"] - w["changed_at"] for w in warm)
        med = secs[len(secs) // 2]
        first = res["kg_warm"][1]
        lines += [
            "WARM (kg build --watch: one process kept running): "
            f"change → outputs written {med:.2f} s median of {len(warm)} = "
            f"{100 * med / kg['wall']:.1f}% of the full build "
            f"(each: {', '.join(f'{x:.2f}' for x in secs)} s, polling included; "
            f"extracted {', '.join(str(w['extracted']) for w in warm)}); first rebuild "
            f"{first['done_at'] - first['changed_at']:.2f} s (waits for the workers' pipeline)",
            f"  timings: {warm[-1]['timings']}",
        ]
    lines += [
        f"load average before / after: {res['load_before']:.2f} / {res['load_after']:.2f} "
        f"on {os.cpu_count()} cores",
        "",
        "targets:",
        f"  ≥ {TARGET_JIEBA_RATIO}× one-process jieba.cut with {res['workers']} workers: "
        f"{jieba_ratio:.2f}× " + ("OK" if jieba_ratio >= TARGET_JIEBA_RATIO else "MISSED")
        + (f" (cold pipeline cache: {rate(cold, 'chars') / jieba_rate:.2f}×)" if cold else ""),
        f"  peak memory ≤ {_mb(TARGET_MEM)}: {_mb(kg['peak_rss'])} "
        + ("OK" if kg["peak_rss"] <= TARGET_MEM else "MISSED"),
        f"  incremental ≤ {100 * TARGET_INCREMENTAL:.0f}% of full, new process: "
        f"{100 * share:.1f}% " + ("OK" if share <= TARGET_INCREMENTAL else "MISSED"),
    ]
    if res.get("kg_warm"):
        lines.append(
            f"  incremental ≤ {100 * TARGET_WATCH:.0f}% of full, warm (--watch): "
            f"{100 * med / kg['wall']:.1f}% "
            + ("OK" if med / kg["wall"] <= TARGET_WATCH else "MISSED")
        )
    if base:
        speed = rate(kg, "chars") / rate(base, "chars")
        ok = "OK" if speed >= 5 else "MISSED"
        lines.append(f"  ≥ 5× baseline throughput: {speed:.1f}× {ok}")
    if "f1" in res and res["f1"]["baseline"]["f1"]:
        q = res["f1"]["kg"]["f1"] / res["f1"]["baseline"]["f1"]
        lines.append(f"  ≥ 2× baseline entity F1: {q:.1f}× " + ("OK" if q >= 2 else "MISSED"))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="law files to take (quick run)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pos-baseline", action="store_true",
                    help="also run bench/baseline.py (jieba.posseg + rdflib, ~2 minutes)")
    ap.add_argument("--no-f1", action="store_true")
    ap.add_argument("--no-warm", action="store_true", help="skip the --watch rebuilds")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    ap.add_argument("--no-snapshot", action="store_true",
                    help="run the checkout itself, not a copy of its code taken at the start")
    args = ap.parse_args()
    global ENV

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    res: dict[str, Any] = {"workers": args.workers, "load_before": os.getloadavg()[0]}
    try:
        if args.no_snapshot:
            ENV = {**os.environ, "PYTHONPATH": str(ROOT / "bench")}
        else:
            ENV = snapshot_code(tmp / "code")
        # the user's shared pipeline snapshot folder, for this run only: the first full
        # build finds it empty (cold), the second finds the snapshot the first saved
        ENV["KG_PIPELINE_SHARED"] = str(tmp / "pipeline-shared")
        corpus = tmp / "corpus"
        copy_corpus(args.corpus, corpus, args.limit)
        out = tmp / "out"
        print(f"corpus copied to {corpus}; full build, cold pipeline cache…", file=sys.stderr)
        res["pipeline_version"] = pipeline_version()
        cold = res["kg_full_cold"] = kg_build(corpus, tmp / "out-cold", args.workers)
        shutil.rmtree(tmp / "out-cold", ignore_errors=True)
        print(f"  {cold['wall']:.2f} s; full build…", file=sys.stderr)
        kg = res["kg_full"] = kg_build(corpus, out, args.workers)
        kg["triples"] = count_triples(out / "graph.ttl")
        print(f"  {kg['wall']:.2f} s; incremental…", file=sys.stderr)
        res["touched"] = str(touch_one(corpus).relative_to(corpus))
        runs = [kg_build(corpus, out, args.workers)]
        for n in range(2, 2 + INCREMENTAL_RUNS - 1):  # another sentence each time
            touch_one(corpus, n)
            runs.append(kg_build(corpus, out, args.workers))
        res["kg_incremental_runs"] = [x["wall"] for x in runs]
        res["kg_incremental"] = sorted(runs, key=lambda x: x["wall"])[len(runs) // 2]
        res["kg_nochange"] = kg_build(corpus, out, args.workers)
        if not args.no_warm:
            print("warm rebuilds (watch)…", file=sys.stderr)
            res["kg_warm"] = kg_warm(corpus, out, args.workers)
        if pipeline_version() != res["pipeline_version"]:
            print("warning: the pipeline version changed during the run (files under kg/nlp or "
                  "ontology/ were modified): the rebuilds re-extracted everything",
                  file=sys.stderr)
        print("jieba.cut…", file=sys.stderr)
        res["jieba"] = jieba_cut(corpus)
        if args.pos_baseline:
            print("baseline…", file=sys.stderr)
            b = run([sys.executable, str(ROOT / "bench" / "baseline.py"), str(corpus), "--out",
                     str(tmp / "baseline.ttl")])
            if b["rc"] != 0:
                raise SystemExit(f"baseline failed:\n{b['stderr'][-3000:]}")
            b.update(json.loads(b["stdout"].strip().splitlines()[-1]))
            res["baseline"] = b
        if not args.no_f1:
            print("dev-gold F1…", file=sys.stderr)
            res["f1"] = f1_scores()
        res["load_after"] = os.getloadavg()[0]
        print(table(res))
        if args.json:
            for k in ("kg_full", "kg_full_cold", "kg_incremental", "kg_nochange", "baseline"):
                if k in res:
                    res[k] = {x: y for x, y in res[k].items() if x not in ("stdout", "stderr")}
            args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1, default=str))
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
