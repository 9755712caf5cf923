#!/usr/bin/env python3
"""Synthetic preference pairs from the evaluation sets, for a train-eval run without analysts' feedback.

For every example of the given sets from index --skip on (the first --skip of each set are the held-out examples that
train-eval scores, default 20, so no pair is made from them), two pairs are written as JSON Lines in the body format of
POST /api/v1/feedback/preferences ({"inputs", "chosen", "rejected"}):

  1. chosen = the reference summary (its lines joined by newlines; DialogSum: the first of its references),
     rejected = three sentences drawn at random from the documents (seeded: --seed plus the example's index), in
     document order;
  2. chosen = the reference summary, rejected = Lead-3 (the first three sentences; Multi-News: of the first article).

This is synthetic feedback: it says "a reference-like summary is better than an arbitrary or a lead extract",
not what an analyst preferred. Sentences are split with a simple rule (., ! or ? followed by white space); pairs
whose two sides are equal are skipped.

Usage: synthetic-preferences.py [--skip 20] [--seed 7] SET.jsonl... > pairs.jsonl
"""
import argparse
import json
import random
import re
import sys

SPLIT = re.compile(r'(?<=[.!?])\s+')


def sentences(text):
    return [s.strip() for s in SPLIT.split(text.replace('\n', ' ')) if len(s.strip().split()) >= 3]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--skip', type=int, default=20)
    parser.add_argument('--seed', type=int, default=7)
    parser.add_argument('files', nargs='+')
    args = parser.parse_args()
    written = 0
    for path in args.files:
        with open(path, encoding='utf-8') as f:
            for index, line in enumerate(f):
                if index < args.skip or not line.strip():
                    continue
                example = json.loads(line)
                documents = example['documents']
                reference = example.get('reference') or (example.get('references') or [None])[0]
                if not reference:
                    continue
                chosen = '\n'.join(l.strip() for l in reference.splitlines() if l.strip())
                pool = [s for d in documents for s in sentences(d)]
                if len(pool) < 4:
                    continue
                rng = random.Random(args.seed + index)
                picked = sorted(rng.sample(range(len(pool)), 3))
                rejected = ['\n'.join(pool[i] for i in picked), '\n'.join(sentences(documents[0])[:3])]
                for r in rejected:
                    if r and r != chosen:
                        print(json.dumps({'inputs': documents, 'chosen': chosen, 'rejected': r}, ensure_ascii=False))
                        written += 1
    print(f'{written} pairs', file=sys.stderr)


if __name__ == '__main__':
    main()
