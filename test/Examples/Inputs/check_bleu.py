#!/usr/bin/env python3
"""Checks examples/real/bleu.py against independent oracles.

1. A corpus small enough to count by hand: the expected clipped n-gram
   matches, totals and brevity penalty are written out below, not computed.
2. With --sacrebleu (a dev-only install from PyPI): random corpora scored by
   sacrebleu.corpus_bleu with tokenize='none' and no smoothing must give the
   same score to 1e-9.
"""
import math
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                "examples", "real"))
import bleu  # noqa: E402

# Hand-counted corpus. Sentence 1: hyp "the cat sat on the mat" (6 tokens)
# vs ref "the cat is on the mat" (6): 1-grams: the x2 (ref has 2), cat, on, mat
# match, sat not: 5/6. 2-grams: the-cat, on-the, the-mat match; cat-sat,
# sat-on not: 3/5. 3-grams: on-the-mat: 1/4. 4-grams: 0/3.
# Sentence 2: hyp "a b c d" vs ref "a b c d e": 4/4, 3/3, 2/2, 1/1.
# Corpus: 9/10, 6/8, 3/6, 1/4; c = 10, r = 11, BP = exp(1 - 11/10).
hyps = [["the", "cat", "sat", "on", "the", "mat"], ["a", "b", "c", "d"]]
refs = [["the", "cat", "is", "on", "the", "mat"], ["a", "b", "c", "d", "e"]]
got = bleu.corpus_bleu(hyps, refs)
expected_p = [90.0, 75.0, 50.0, 25.0]
expected_bp = math.exp(1 - 11 / 10)
expected = 100 * expected_bp * (0.9 * 0.75 * 0.5 * 0.25) ** 0.25
assert all(abs(a - b) < 1e-9 for a, b in zip(got.precisions, expected_p)), got.precisions
assert abs(got.bp - expected_bp) < 1e-12, got.bp
assert abs(got.score - expected) < 1e-9, (got.score, expected)
assert bleu.corpus_bleu([["x"]], [["y"]]).score == 0.0
assert abs(bleu.corpus_bleu(refs, refs).score - 100.0) < 1e-9
print(f"hand-counted corpus: {got}")

if "--sacrebleu" in sys.argv:
    import sacrebleu
    rng = random.Random(7)
    words = [f"w{i}" for i in range(12)]
    for trial in range(200):
        n = rng.randint(1, 30)
        refs = [[rng.choice(words) for _ in range(rng.randint(1, 20))] for _ in range(n)]
        hyps = [[w if rng.random() < 0.7 else rng.choice(words) for w in r][:rng.randint(1, 25)]
                for r in refs]
        ours = bleu.corpus_bleu(hyps, refs).score
        theirs = sacrebleu.corpus_bleu([" ".join(h) for h in hyps], [[" ".join(r) for r in refs]],
                                       tokenize="none", smooth_method="none", force=True).score
        assert abs(ours - theirs) < 1e-9, (trial, ours, theirs)
    print("sacrebleu: 200 random corpora agree")
