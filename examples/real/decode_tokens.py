#!/usr/bin/env python3
"""Scores greedy translations (e.g. tfx-run --greedy output) with BLEU.

Reads the I64 `tokens` [N, 50] tensor of a safetensors file (each row starts
with BOS), turns each row into Spanish words (up to EOS; PAD skipped) and
computes corpus BLEU-4 against the first N reference sentences of --split:

    BLEU = 23.45, 55.1/30.2/18.0/11.3 (BP = 0.987, ratio = 0.987, hyp_len = .., ref_len = ..)

(n-gram precisions for n = 1..4 in %, brevity penalty). --hyp-out also
writes the translations, one a line.

Usage: python3 examples/real/decode_tokens.py TOKENS.safetensors --split test
           [--hyp-out FILE] [--show K]
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
from bleu import corpus_bleu  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tokens", help="safetensors file with an I64 `tokens` [N, 50] tensor")
    ap.add_argument("--split", choices=("train", "valid", "test"), default="test")
    ap.add_argument("--data", default=data.DATA_DIR, help="corpus directory")
    ap.add_argument("--hyp-out", help="write the translations here")
    ap.add_argument("--show", type=int, default=0, help="print the first K translations")
    args = ap.parse_args()

    tensors = data.safetensors_io.load(args.tokens)
    if "tokens" not in tensors:
        sys.exit(f"{args.tokens}: no `tokens` tensor (has {', '.join(sorted(tensors))})")
    tokens = tensors["tokens"]
    vocab = data.load_vocab("es", args.data)
    if tokens.dtype.kind != "i" or tokens.ndim != 2:
        sys.exit(f"{args.tokens}: `tokens` is {tokens.dtype} {list(tokens.shape)}, "
                 f"expected I64 [N, {data.MAX_LEN}]")
    if (tokens[:, 0] != data.BOS).any() or tokens.min() < 0 or tokens.max() >= len(vocab):
        sys.exit(f"{args.tokens}: rows must start with BOS = {data.BOS} and hold ids "
                 f"in [0, {len(vocab)})")
    en, es = data.load_split(args.split, args.data, len(tokens))
    if len(es) < len(tokens):
        sys.exit(f"{args.tokens}: {len(tokens)} rows but the {args.split} split has "
                 f"only {len(es)} sentences")

    hyps = [data.decode(row, vocab) for row in tokens]
    for i in range(min(args.show, len(hyps))):
        print(f"src: {en[i]}\nref: {es[i]}\nhyp: {' '.join(hyps[i])}\n")
    if args.hyp_out:
        with open(args.hyp_out, "w", encoding="utf-8") as f:
            f.writelines(" ".join(h) + "\n" for h in hyps)
    print(corpus_bleu(hyps, [s.split() for s in es]))


if __name__ == "__main__":
    main()
