"""Extraction throughput (MB/s) per stage, beside ``jieba.lcut`` of the same text.

Usage: ``python scripts/extraction_speed.py [TARGET_MB | FOLDER]``.

With a number, the bundled article is repeated to about that many MB and
extracted as one text. With a folder (e.g. one ``bench/generate.py --seed 1
--size 1MB --out DIR`` wrote), each ``*.txt`` under it is extracted as its own
document and the seconds of each stage are summed. Prints one Markdown row
per stage: clean+sentences, mentions, relations, observations, the whole
extraction, and ``jieba.lcut`` of the same texts, each with CPU seconds
(``time.process_time``, steadier than wall time on a shared machine) and MB/s,
and the ratio of the extraction's speed to jieba's.
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

STAGES = ("clean+sentences", "mentions", "relations", "observations")


def texts(arg: str) -> tuple[list[str], str]:
    """The texts to time, and a line describing them."""
    folder = Path(arg)
    if folder.is_dir():
        files = sorted(folder.rglob("*.txt"))
        out = [f.read_text(encoding="utf-8") for f in files]
        return out, f"{len(files)} documents under {folder}"
    target = float(arg)
    base = (Path(__file__).resolve().parent.parent / "data" / "qingyuan-hitech-zone-10-years.txt").read_text(encoding="utf-8")
    reps = max(1, int(target * 1e6 / len(base.encode())))
    return ["\n\n".join([base] * reps)], f"{reps}× the bundled article"


def time_one(text: str, lex, seconds: dict[str, float]) -> None:
    t0 = time.process_time()
    sentences = split_sentences(clean_text(text))
    t1 = time.process_time()
    found = find_mentions(sentences, lex)
    t2 = time.process_time()
    find_relations(sentences, found.mentions, lex)
    t3 = time.process_time()
    find_observations(sentences, found.mentions, lex)
    t4 = time.process_time()
    for name, sec in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
        seconds[name] += sec


def main() -> None:
    docs, what = texts(sys.argv[1] if len(sys.argv) > 1 else "1.0")
    size = sum(len(t.encode()) for t in docs)
    lex = load_lexicon()
    load_jieba()  # the dictionary, loaded once
    import jieba  # plain word segmentation (load_jieba gives the slower part-of-speech tagger)

    warm = (Path(__file__).resolve().parent.parent / "data" / "qingyuan-hitech-zone-10-years.txt").read_text(encoding="utf-8")
    find_mentions(split_sentences(clean_text(warm[:2000])), lex)  # load dictionaries, not the texts' caches
    seconds = dict.fromkeys(STAGES, 0.0)
    for text in docs:
        time_one(text, lex, seconds)
    t0 = time.process_time()
    for text in docs:
        jieba.lcut(text)
    jieba_seconds = time.process_time() - t0
    whole = sum(seconds.values())
    rows = [*seconds.items(), ("extraction (all)", whole), ("jieba.lcut (same text)", jieba_seconds)]
    print(f"text: {size / 1e6:.2f} MB ({what})")
    print("| stage | seconds | MB/s |\n|---|---|---|")
    for name, sec in rows:
        print(f"| {name} | {sec:.2f} | {size / 1e6 / sec:.2f} |")
    print(f"extraction / jieba.lcut speed: {jieba_seconds / whole:.2f}")


if __name__ == "__main__":
    main()
