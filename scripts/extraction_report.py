"""Write the extraction-quality tables of docs/extraction-quality.md.

Usage: python scripts/extraction_report.py [GOLD_DIR ...] > table.md
Each GOLD_DIR holds <stem>.txt and <stem>.gold.json (tests/gold uses the bundled article).
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph import api
from graph.rdf.evaluate import load_gold, score
from graph.text.read import bundled_article

ROWS = ("micro:entities", "micro:relations", "observation", "micro:all")


def articles(folder: Path):
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        txt = folder / f"{stem}.txt"
        yield stem, (txt if txt.exists() else bundled_article()), gold


def main(argv: list[str]) -> None:
    folders = [Path(a) for a in argv] or [Path("tests/gold"), Path("tests/articles"), Path("tests/heldout")]
    print("| article | " + " | ".join(f"{r} P / R" for r in ROWS) + " |")
    print("|---|" + "---|" * len(ROWS))
    per_relation: dict[str, list[int]] = {}
    pooled = {r: [0, 0, 0] for r in ROWS}
    for folder in folders:
        for stem, txt, gold in articles(folder):
            result = api.build([txt], include_ontology=False)
            sc = score(result.dataset, load_gold(gold))
            cells = [f"{sc[r].precision:.3f} / {sc[r].recall:.3f}" for r in ROWS]
            print(f"| {folder.name}/{stem} | " + " | ".join(cells) + " |")
            for r in ROWS:
                for i, n in enumerate((sc[r].tp, sc[r].fp, sc[r].fn)):
                    pooled[r][i] += n
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
    print("| relation (all articles above) | TP | FP | FN | P | R |")
    print("|---|---|---|---|---|---|")
    for cat, (tp, fp, fn) in sorted(per_relation.items()):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(f"| {cat.split(':', 1)[1]} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
