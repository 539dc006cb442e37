"""Extraction throughput (MB/s) on the bundled article repeated to ~1 MB, beside ``jieba.lcut``.

Usage: ``python scripts/extraction_speed.py [TARGET_MB]``. Prints one Markdown
row per stage: mentions, relations, observations, the whole extraction, and
``jieba.lcut`` of the same text, each with seconds and MB/s.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from graph.extract.lexicon import load_lexicon
from graph.extract.mentions import find_mentions
from graph.extract.observations import find_observations
from graph.extract.relations import find_relations
from graph.text.clean import clean_text
from graph.text.segment import load_jieba, split_sentences


def main() -> None:
    target = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    base = (Path(__file__).resolve().parent.parent / "data" / "qingyuan-hitech-zone-10-years.txt").read_text(encoding="utf-8")
    reps = max(1, int(target * 1e6 / len(base.encode())))
    text = "\n\n".join([base] * reps)
    size = len(text.encode())
    lex = load_lexicon()
    jieba = load_jieba()
    find_mentions(split_sentences(clean_text(base)), lex)  # warm caches
    rows = []
    t0 = time.perf_counter()
    sentences = split_sentences(clean_text(text))
    t1 = time.perf_counter()
    found = find_mentions(sentences, lex)
    t2 = time.perf_counter()
    find_relations(sentences, found.mentions, lex)
    t3 = time.perf_counter()
    find_observations(sentences, found.mentions, lex)
    t4 = time.perf_counter()
    jieba.lcut(text)
    t5 = time.perf_counter()
    rows = [("clean+sentences", t1 - t0), ("mentions", t2 - t1), ("relations", t3 - t2), ("observations", t4 - t3),
            ("extraction (all)", t4 - t0), ("jieba.lcut (same text)", t5 - t4)]
    print(f"text: {size / 1e6:.2f} MB ({reps}× the bundled article)")
    print("| stage | seconds | MB/s |\n|---|---|---|")
    for name, sec in rows:
        print(f"| {name} | {sec:.2f} | {size / 1e6 / sec:.2f} |")


if __name__ == "__main__":
    main()
