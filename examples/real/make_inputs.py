#!/usr/bin/env python3
"""Writes a split of the corpus as tfx model inputs (or calibration data).

The file holds `src_ids` (English words + EOS) and `tgt_ids` (BOS + Spanish
words, teacher forcing), both I64 [N, 50] padded with 0: the inputs of the
teacher's `encode(src_ids)` and `decode(memory, src_ids, tgt_ids)`, and what
tfx-run --greedy and tfx-distill read. N is the first --limit sentences of
the split (all without --limit).

Usage: python3 examples/real/make_inputs.py --split test [--limit N] --out FILE
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("train", "valid", "test"), default="test")
    ap.add_argument("--limit", type=int, default=None, help="first N sentences")
    ap.add_argument("--out", required=True, help="safetensors file to write")
    ap.add_argument("--data", default=data.DATA_DIR, help="corpus directory")
    args = ap.parse_args()

    en, es = data.load_split(args.split, args.data, args.limit)
    tensors = {"src_ids": data.encode(en, data.load_vocab("en", args.data), eos=True),
               "tgt_ids": data.encode(es, data.load_vocab("es", args.data), bos=True)}
    data.safetensors_io.save(args.out, tensors)
    print(f"wrote {args.out}: src_ids, tgt_ids I64 [{len(en)}, {data.MAX_LEN}] "
          f"({args.split} split)")


if __name__ == "__main__":
    main()
