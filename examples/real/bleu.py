"""Corpus BLEU-4 (Papineni et al. 2002), pure Python.

One reference per sentence; hypotheses and references are lists of tokens
(already tokenised, without BOS/EOS/PAD). Clipped n-gram counts for n = 1..4
are summed over the corpus, the score is the geometric mean of the four
precisions times the brevity penalty exp(1 - r/c) (1 when c > r), reported
in 0..100. No smoothing: a corpus without any matching 4-gram scores 0.
"""

import collections
import math

MAX_N = 4


class Bleu:
    """score (0..100), precisions (4 values in 0..100), bp, hyp_len, ref_len."""

    def __init__(self, score, precisions, bp, hyp_len, ref_len):
        self.score, self.precisions, self.bp = score, precisions, bp
        self.hyp_len, self.ref_len = hyp_len, ref_len

    def __str__(self):
        ratio = self.hyp_len / self.ref_len if self.ref_len else 0.0
        return (f"BLEU = {self.score:.2f}, "
                + "/".join(f"{p:.1f}" for p in self.precisions)
                + f" (BP = {self.bp:.3f}, ratio = {ratio:.3f}, "
                f"hyp_len = {self.hyp_len}, ref_len = {self.ref_len})")


def ngrams(tokens, n):
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def corpus_bleu(hypotheses, references):
    """BLEU of parallel lists of token lists."""
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    matches, totals = [0] * MAX_N, [0] * MAX_N
    hyp_len = ref_len = 0
    for hyp, ref in zip(hypotheses, references):
        hyp_len += len(hyp)
        ref_len += len(ref)
        for n in range(1, MAX_N + 1):
            hyp_counts, ref_counts = ngrams(hyp, n), ngrams(ref, n)
            matches[n - 1] += sum(min(c, ref_counts[g]) for g, c in hyp_counts.items())
            totals[n - 1] += max(len(hyp) - n + 1, 0)
    precisions = [100.0 * m / t if t else 0.0 for m, t in zip(matches, totals)]
    bp = 1.0 if hyp_len > ref_len else (math.exp(1 - ref_len / hyp_len) if hyp_len else 0.0)
    if min(matches) == 0:
        score = 0.0
    else:
        score = 100.0 * bp * math.exp(sum(math.log(m / t) for m, t in zip(matches, totals)) / MAX_N)
    return Bleu(score, precisions, bp, hyp_len, ref_len)
