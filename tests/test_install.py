"""A plain (non-editable) install finds its ontology and bundled article.

The wheel is built from the checkout and installed into a folder of its own;
the build then runs from an unrelated directory with only that folder on
the path, so nothing can come from the source tree.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=600, **kw)


def test_wheel_install_builds_from_any_directory(tmp_path):
    wheels = tmp_path / "wheels"
    r = run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)])
    assert r.returncode == 0, r.stderr
    wheel = next(wheels.glob("parkkg-*.whl"))
    site = tmp_path / "site"
    r = run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)])
    assert r.returncode == 0, r.stderr
    assert (site / "graph" / "_ontology" / "parkkg.ttl").exists()
    assert (site / "graph" / "_data" / "qingyuan-hitech-zone-10-years.txt").exists()
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    r = run([sys.executable, "-c", "import graph, graph._resources as r; print(graph.__file__); print(r.ontology_dir())"], cwd=work, env=env)
    assert r.returncode == 0, r.stderr
    assert all(line.startswith(str(site)) for line in r.stdout.split()), r.stdout
    r = run([sys.executable, "-m", "graph", "build", "-o", "out"], cwd=work, env=env)
    assert r.returncode == 0, r.stderr
    assert (work / "out" / "parkkg.ttl").stat().st_size > 10000
