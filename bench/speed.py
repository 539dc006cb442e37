"""Issue 18's figures in one run: whole ``parkkg build`` commands, old code beside new, ``jieba.lcut`` beside both.

Every command runs in a fresh process; its wall time, CPU time (user +
system, workers included) and peak RSS come from the operating system
(``wait4``), not from parkkg. Commands are interleaved (old, new, old, new,
...) so that load from other users of the machine falls on both alike;
``jieba.lcut`` over the same text runs in the same invocation, so the
MB/s figures can be compared with it.

    python bench/speed.py --corpus /tmp/c1mb --old /path/to/old/checkout --runs 1 --out results.json

``--old`` is a checkout of the code before the change (optional); the new
code is this repository. The result is JSON and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["measure", "jieba_rate", "main"]

REPO = Path(__file__).resolve().parent.parent


def measure(cmd: list[str], *, env: dict[str, str] | None = None, cwd: str | None = None) -> dict[str, float]:
    """Run ``cmd`` to completion; its wall and CPU seconds and peak RSS (MB), as the kernel counted them.

    Examples
    --------
    >>> m = measure([sys.executable, "-c", "pass"])
    >>> m["wall"] > 0 and m["cpu"] >= 0 and m["rss_mb"] > 0
    True
    """
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}:\n{err[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024, "stdout": out, "stderr": err}  # type: ignore[dict-item]


def jieba_rate(folder: Path) -> dict[str, float]:
    """``jieba.lcut`` over every ``.txt`` under ``folder`` in a fresh process (``bench/measure.py jieba``): CPU seconds and MB/s."""
    out = subprocess.run([sys.executable, str(REPO / "bench" / "measure.py"), "jieba", "--corpus", str(folder)],
                         capture_output=True, text=True, check=True).stdout
    got = json.loads(next(line for line in reversed(out.splitlines()) if line.startswith("{")))
    return {"cpu": got["cpu_seconds"], "mb": got["bytes"] / 1e6, "mb_per_s": got["mb_per_s"]}


def _size_mb(folder: Path | None) -> float:
    if folder is None:
        from graph.text.read import bundled_article

        return bundled_article().stat().st_size / 1e6
    return sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, action="append", default=[], help="a corpus folder (repeatable)")
    ap.add_argument("--old", type=Path, help="a checkout of the code before the change")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--validate", action="store_true", help="also time corpus builds with SHACL validation")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)

    trees = {"new": REPO} | ({"old": args.old.resolve()} if args.old else {})
    work = Path(tempfile.mkdtemp(prefix="parkkg-speed-"))
    cases: list[tuple[str, list[str], Path | None]] = [("demo: parkkg build (bundled article)", [], None)]
    for corpus in args.corpus:
        for jobs in args.jobs:
            cases.append((f"parkkg build --no-viz --no-validate -j {jobs} {corpus.name}", [str(corpus), "--no-viz", "--no-validate", "-j", str(jobs)], corpus))
        if args.validate:
            cases.append((f"parkkg build --no-viz -j 1 {corpus.name}", [str(corpus), "--no-viz", "-j", "1"], corpus))
    results: list[dict] = []
    for label, extra, corpus in cases:
        runs: dict[str, list[dict]] = {name: [] for name in trees}
        for i in range(args.runs):
            for name, tree in trees.items():
                env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
                out = work / f"{name}-{i}"
                cmd = [sys.executable, "-m", "graph", "build", *extra, "-o", str(out), "--no-cache"]
                m = measure(cmd, env=env, cwd=str(tree))
                runs[name].append(m)
                print(f"{label} [{name}]: {m['wall']:.2f} s wall, {m['cpu']:.2f} s CPU, {m['rss_mb']:.0f} MB", file=sys.stderr)
        size = _size_mb(corpus)
        row: dict = {"case": label, "mb": size}
        for name, ms in runs.items():
            row[name] = {k: statistics.median(m[k] for m in ms) for k in ("wall", "cpu", "rss_mb")}
            row[name]["mb_per_s_cpu"] = size / row[name]["cpu"]
            row[name]["stages"] = next((line for line in ms[-1]["stderr"].splitlines() if line.startswith("time:")), "")
        results.append(row)
    jieba = {c.name: jieba_rate(c) for c in args.corpus}
    doc = {"results": results, "jieba": jieba, "runs": args.runs, "cpus": os.cpu_count(), "load": os.getloadavg()}
    if args.out:
        args.out.write_text(json.dumps(doc, indent=2, ensure_ascii=False))
    print(table(doc))
    return 0


def table(doc: dict) -> str:
    lines = ["| command | MB | old: wall / CPU / RSS | new: wall / CPU / RSS | CPU ratio old/new | new MB/s (CPU) |", "|---|---|---|---|---|---|"]
    for r in doc["results"]:
        def cell(k: str) -> str:
            m = r.get(k)
            return f"{m['wall']:.1f} s / {m['cpu']:.1f} s / {m['rss_mb']:.0f} MB" if m else "–"
        ratio = f"{r['old']['cpu'] / r['new']['cpu']:.2f}×" if "old" in r else "–"
        lines.append(f"| `{r['case']}` | {r['mb']:.2f} | {cell('old')} | {cell('new')} | {ratio} | {r['new']['mb_per_s_cpu']:.3f} |")
    for name, j in doc["jieba"].items():
        lines.append(f"| `jieba.lcut` over {name} (same run) | {j['mb']:.2f} | – | {j['cpu']:.1f} s CPU | – | {j['mb_per_s']:.3f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
