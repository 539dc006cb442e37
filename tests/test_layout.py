"""The package's shape, checked: stages import downwards only, extraction
knows no RDF, no module borrows another's private names, the code passes
ruff, and every module's docstring examples run.

The import graph is read from the source (every ``import`` statement,
including those inside functions, which run sooner or later), so a cycle
hidden behind a lazy import is still a cycle.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import shutil
import subprocess
import sys

import networkx as nx
import pytest

from conftest import ROOT

PACKAGE = ROOT / "graph"

#: What the text and extraction stages must never import (directly or lazily).
RDF_FREE = ("graph.text", "graph.extract")
FORBIDDEN_IN_RDF_FREE = ("rdflib", "pyoxigraph", "pyshacl", "pyshacl_turbo", "owlrl", "typer", "graph.cli", "graph.api",
                         "graph.vocab", "graph.rdf", "graph.sparql", "graph.views")


def _module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, object]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path) -> list[tuple[str, str | None]]:
    """(module, imported name or None) for every import statement in ``path``."""
    out: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, None) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import (the package uses absolute imports only)"
            out += [(node.module or "", a.name) for a in node.names]
    return out


def _import_graph() -> nx.DiGraph:
    mods = _modules()
    G = nx.DiGraph()
    G.add_nodes_from(mods)
    for name, path in mods.items():
        for module, imported in _imports(path):
            target = f"{module}.{imported}" if imported and f"{module}.{imported}" in mods else module
            if target in mods and target != name:
                G.add_edge(name, target)
    return G


def test_the_package_has_no_import_cycle():
    cycles = sorted(sorted(c) for c in nx.strongly_connected_components(_import_graph()) if len(c) > 1)
    assert cycles == []


def test_the_import_graph_is_read_from_every_stage():
    # the checks above are only as good as the graph they walk: it must see the pipeline's real edges
    G = _import_graph()
    assert G.has_edge("graph.api", "graph.extract.mentions")
    assert G.has_edge("graph.extract.mentions", "graph.text.segment")
    assert G.has_edge("graph.sparql.store", "graph.rdf.terms")
    assert G.number_of_edges() > 60


@pytest.mark.parametrize("package", RDF_FREE)
def test_text_and_extraction_import_no_rdf_library_and_no_later_stage(package):
    offenders = []
    for name, path in _modules().items():
        if name != package and not name.startswith(package + "."):
            continue
        for module, imported in _imports(path):
            full = f"{module}.{imported}" if imported else module
            if any(full == f or full.startswith(f + ".") or module == f for f in FORBIDDEN_IN_RDF_FREE):
                offenders.append(f"{name} imports {full}")
    assert offenders == []


def test_importing_the_extractor_loads_no_rdf_library():
    code = (
        "import sys, graph.extract.mentions, graph.extract.relations, graph.extract.observations, graph.text.read\n"
        "bad = sorted(m for m in ('rdflib', 'pyoxigraph', 'pyshacl', 'typer') if m in sys.modules)\n"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_no_module_imports_another_modules_private_names():
    mods = _modules()
    borrowed = []
    for name, path in mods.items():
        for module, imported in _imports(path):
            if module in mods and module != name and imported and imported.startswith("_") and not imported.startswith("__"):
                borrowed.append(f"{name} imports {module}.{imported}")
    assert borrowed == []


def test_the_code_passes_ruff():
    ruff = shutil.which("ruff") or str(ROOT / ".venv" / "bin" / "ruff")
    if not shutil.which(ruff):
        pytest.fail("ruff is not installed: `pip install -e '.[test]'` installs it")
    done = subprocess.run([ruff, "check", "graph", "tests", "bench", "scripts"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", sorted(n for n in _modules() if not n.endswith("__main__")))
def test_docstring_examples_run(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (run python -m doctest -v)"


def _declared() -> tuple[set[str], set[str]]:
    """(core dependencies, all dependencies incl. extras) of pyproject.toml, as normalised names."""
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names(reqs):
        return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in reqs}

    core = names(project["dependencies"])
    extras = set().union(*(names(v) for v in project.get("optional-dependencies", {}).values()))
    return core, core | extras


def _third_party_imports(paths) -> dict[str, set[str]]:
    """top-level module -> files importing it, for modules outside the standard library and the project."""
    out: dict[str, set[str]] = {}
    for path in paths:
        for module, _ in _imports(path) if path.is_relative_to(PACKAGE) else _imports_loose(path):
            top = module.split(".")[0]
            local = (path.parent / f"{top}.py").exists() or (path.parent / top).is_dir()
            if top and not local and top not in sys.stdlib_module_names and top not in ("graph", "bench", "__future__"):
                out.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return out


def _imports_loose(path) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, None) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            out += [(node.module or "", a.name) for a in node.names]
    return out


def _distributions_of(module: str) -> set[str]:
    from importlib.metadata import packages_distributions

    return {d.lower().replace("_", "-") for d in packages_distributions().get(module, [])}


def test_every_package_the_code_imports_is_declared():
    # a fresh `pip install` gets only what pyproject.toml names; an import that works here only
    # because something else pulled the package in breaks on the next machine (click, once)
    core, everything = _declared()
    missing = []
    for module, where in sorted(_third_party_imports(PACKAGE.rglob("*.py")).items()):
        if not _distributions_of(module) & everything:
            missing.append(f"{module} (imported by {', '.join(sorted(where))})")
    tests = [*(ROOT / "tests").glob("*.py"), *(ROOT / "bench").glob("*.py"), *(ROOT / "scripts").glob("*.py")]
    for module, where in sorted(_third_party_imports(tests).items()):
        if not _distributions_of(module) & everything:
            missing.append(f"{module} (imported by {', '.join(sorted(where))})")
    assert missing == [], "declare these in pyproject.toml: " + "; ".join(missing)


def test_the_lock_pins_every_declared_package():
    import re

    _, everything = _declared()
    pinned = {re.split(r"==", line, maxsplit=1)[0].lower().replace("_", "-")
              for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines() if "==" in line}
    assert everything - {"parkkg"} <= pinned, f"not in requirements.lock (run make lock): {sorted(everything - pinned)}"
