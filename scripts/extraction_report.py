"""Write the extraction-quality tables of docs/extraction-quality.md.

Usage: python scripts/extraction_report.py [--errors] [GOLD_DIR ...] > table.md
Each GOLD_DIR holds <stem>.txt and <stem>.gold.json (tests/gold uses the bundled article).
With ``--errors`` the missed and spurious relations of every article are listed
after the tables, each missed one tagged with its likely cause:
``end`` (an end entity was not found), ``wrong`` (a prediction of the same
property shares an end: wrong direction or wrong other end) or ``rule`` (both
ends found, no rule fired).
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph import api
from graph.rdf.evaluate import load_gold, score
from graph.text.read import bundled_article

ROWS = ("micro:entities", "micro:relations", "observation", "micro:all", "event")  # events are not in micro:all


def articles(folder: Path):
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        txt = folder / f"{stem}.txt"
        yield stem, (txt if txt.exists() else bundled_article()), gold


def _cause(missed: tuple[str, ...], unfound: set[str], spurious: tuple[tuple[str, ...], ...]) -> str:
    s, p, o = missed[:3]
    if s in unfound or o in unfound:
        return "end"
    for fs, fp, fo, *_ in spurious:
        if fp == p and ({fs, fo} & {s, o}):
            return "wrong"
    return "rule"


def _error_lines(name: str, sc) -> list[str]:
    unfound = {row[0] for row in sc.missed.get("entity:*", ())}
    out = []
    for cat in sorted({*sc.missed, *sc.spurious}):
        if not cat.startswith("relation:") or cat.endswith("+role"):
            continue
        spurious = sc.spurious.get(cat, ())
        for row in sc.missed.get(cat, ()):
            out.append(f"FN {_cause(row, unfound, spurious):<5} {name} :: " + " | ".join(row))
        for row in spurious:
            out.append(f"FP       {name} :: " + " | ".join(row))
    return out


def main(argv: list[str]) -> None:
    errors = "--errors" in argv
    argv = [a for a in argv if a != "--errors"]
    folders = [Path(a) for a in argv] or [Path("tests/gold"), Path("tests/articles"), Path("tests/heldout")]
    print("| article | " + " | ".join(f"{r} P / R" for r in ROWS) + " |")
    print("|---|" + "---|" * len(ROWS))
    per_relation: dict[str, list[int]] = {}
    error_lines: list[str] = []
    pooled = {r: [0, 0, 0] for r in ROWS}
    per_set: dict[str, list[int]] = {}
    for folder in folders:
        in_set = per_set.setdefault(folder.name, [0, 0, 0])
        for stem, txt, gold in articles(folder):
            result = api.build([txt], include_ontology=False)
            sc = score(result.dataset, load_gold(gold))
            cells = [f"{sc[r].precision:.3f} / {sc[r].recall:.3f}" for r in ROWS]
            print(f"| {folder.name}/{stem} | " + " | ".join(cells) + " |")
            if errors:
                error_lines += _error_lines(f"{folder.name}/{stem}", sc)
            for r in ROWS:
                for i, n in enumerate((sc[r].tp, sc[r].fp, sc[r].fn)):
                    pooled[r][i] += n
                    if r == "micro:all":
                        in_set[i] += n
            for row in sc.categories:
                if row.category.startswith("relation:"):
                    acc = per_relation.setdefault(row.category, [0, 0, 0])
                    acc[0] += row.tp
                    acc[1] += row.fp
                    acc[2] += row.fn
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    cells = [f"{ratio(tp, tp + fp):.3f} / {ratio(tp, tp + fn):.3f}" for tp, fp, fn in pooled.values()]
    print("| **pooled** | " + " | ".join(cells) + " |")
    print()
    print("| set | micro:all P / R / F1 |")
    print("|---|---|")
    for name, (tp, fp, fn) in per_set.items():
        p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
        print(f"| {name} | {p:.3f} / {r:.3f} / {2 * p * r / (p + r) if p + r else 0.0:.3f} |")
    print()
    print("| relation (all articles above) | TP | FP | FN | P | R |")
    print("|---|---|---|---|---|---|")
    for cat, (tp, fp, fn) in sorted(per_relation.items()):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(f"| {cat.split(':', 1)[1]} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} |")
    if errors:
        print()
        print("\n".join(error_lines))


if __name__ == "__main__":
    main(sys.argv[1:])
