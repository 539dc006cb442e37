"""A canonical text dump of what extraction finds, to prove a speed-up changes nothing.

Usage: ``python scripts/extraction_fingerprint.py OUT.txt [FILE_OR_FOLDER ...]``.
Given paths, it dumps exactly those: a file, or a folder's ``*.txt`` files
(recursively), e.g. a ``bench/generate.py --seed 1`` corpus. Without paths it
dumps the bundled article and every ``tests/*/*.txt`` outside the sealed blind
batches (:data:`SEALED`), which nothing but their scoring may read. Each document is extracted on its own (``graph.api.extract``) and
written as its sorted mentions, relations, observations, events and aliases,
one ``repr`` a line, so two runs compare with ``cmp`` or ``diff``. The last
line printed is a SHA-256 of the whole dump.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from graph.api import extract
from graph.text.read import bundled_article, read_document

ROOT = Path(__file__).resolve().parent.parent

#: test folders kept sealed for blind scoring (docs/extraction-quality.md): never dumped by default
SEALED = frozenset({"blind10", "blind11"})


def default_paths() -> list[Path]:
    """The bundled article and the unsealed test articles, in a fixed order."""
    return [bundled_article(), *sorted(p for p in ROOT.glob("tests/*/*.txt") if p.parent.name not in SEALED)]


def expand(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    return out


def dump_lines(path: Path) -> list[str]:
    """The canonical lines of one document's extraction."""
    ex, indicators = extract(read_document(path))
    lines = [f"# {path.name}"]
    for kind, items in (
        ("mention", ex.mentions),
        ("relation", ex.relations),
        ("observation", ex.observations),
        ("event", ex.events),
    ):
        lines.extend(sorted(f"{kind} {item!r}" for item in items))
    lines.extend(sorted(f"alias {k!r} {v!r}" for k, v in ex.aliases.items()))
    lines.extend(sorted(f"indicator {k!r} {v!r}" for k, v in indicators.items()))
    return lines


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    paths = expand(sys.argv[2:]) or default_paths()
    text = "\n".join(line for p in paths for line in dump_lines(p)) + "\n"
    out.write_text(text, encoding="utf-8")
    print(f"{len(paths)} documents, {text.count(chr(10))} lines -> {out}")
    print(hashlib.sha256(text.encode()).hexdigest())


if __name__ == "__main__":
    main()
