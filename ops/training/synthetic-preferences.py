#!/usr/bin/env python3
"""Synthetic preference pairs from the evaluation sets, for a train-eval run without analysts' feedback.

This is synthetic feedback: a rule stands in for the analyst. Only examples from index --skip on are used (the first
--skip of each set, default 20, are the held-out examples train-eval scores, so no pair is made from them). Output:
JSON Lines in the body format of POST /api/v1/feedback/preferences ({"inputs", "chosen", "rejected"}).

Sentences are split with a simple rule (., ! or ? followed by white space; fragments under three words dropped).
For each example three candidate summaries of three sentences, one a line, are made from the documents:
  oracle  the three sentences that greedily maximise unigram + bigram F1 against the reference (lower-cased words),
          in document order: the extract an annotator holding the reference would pick;
  lead    the first three sentences of the first document (Lead-3);
  random  three sentences drawn at random (seeded: --seed plus the example's index), in document order.

--style oracle (default): pairs judged by closeness to the reference (unigram + bigram F1), both sides extracts:
  (oracle, random) and (oracle, lead), and (lead, random) or (random, lead) whichever is closer; ties skipped.
--style reference: the reference itself (DialogSum: its first reference) preferred to random and to lead.
  Its chosen side is abstractive and its rejected side extractive, so a reward model learns that difference rather
  than quality (docs/quality.md, "Feedback training", shows what that does to tuning).

Usage: synthetic-preferences.py [--style oracle|reference] [--skip 20] [--seed 7] SET.jsonl... > pairs.jsonl
"""
import argparse
import json
import random
import re
import sys

SPLIT = re.compile(r'(?<=[.!?])\s+')
WORD = re.compile(r"[a-z0-9]+")


def sentences(text):
    return [s.strip() for s in SPLIT.split(text.replace('\n', ' ')) if len(s.strip().split()) >= 3]


def grams(text):
    words = WORD.findall(text.lower())
    return words, list(zip(words, words[1:]))


def f1(candidate, reference):
    score = 0.0
    for c, r in zip(grams(candidate), grams(reference)):
        if not c or not r:
            continue
        rc = {}
        for g in r:
            rc[g] = rc.get(g, 0) + 1
        hit = 0
        for g in c:
            if rc.get(g, 0) > 0:
                rc[g] -= 1
                hit += 1
        if hit:
            p, q = hit / len(c), hit / len(r)
            score += 2 * p * q / (p + q)
    return score


def oracle(pool, reference, k=3):
    chosen = []
    best = 0.0
    for _ in range(k):
        pick = None
        for i in range(len(pool)):
            if i in chosen:
                continue
            s = f1(' '.join(pool[j] for j in sorted(chosen + [i])), reference)
            if s > best:
                best, pick = s, i
        if pick is None:
            break
        chosen.append(pick)
    return sorted(chosen)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--style', choices=['oracle', 'reference'], default='oracle')
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
                pool = [s for d in documents for s in sentences(d)]
                if not reference or len(pool) < 4:
                    continue
                ref = '\n'.join(l.strip() for l in reference.splitlines() if l.strip())
                rng = random.Random(args.seed + index)
                rand = '\n'.join(pool[i] for i in sorted(rng.sample(range(len(pool)), 3)))
                lead = '\n'.join(sentences(documents[0])[:3])
                if args.style == 'reference':
                    pairs = [(ref, rand), (ref, lead)]
                else:
                    best = '\n'.join(pool[i] for i in oracle(pool, ref))
                    pairs = [(best, rand), (best, lead)]
                    fl, fr = f1(lead, ref), f1(rand, ref)
                    if fl != fr:
                        pairs.append((lead, rand) if fl > fr else (rand, lead))
                for chosen, rejected in pairs:
                    if chosen and rejected and chosen != rejected:
                        print(json.dumps({'inputs': documents, 'chosen': chosen, 'rejected': rejected}, ensure_ascii=False))
                        written += 1
    print(f'{written} pairs', file=sys.stderr)


if __name__ == '__main__':
    main()
