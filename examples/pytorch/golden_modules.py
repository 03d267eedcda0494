#!/usr/bin/python3
"""The PyTorch reference modules of test/golden/make_golden.py (the paper's
Transformer and the Lite Transformer, written with
F.multi_head_attention_forward and F.conv1d), exported to ONNX and imported.

    golden_modules.py MODEL OUT_DIR [--seed N] [--no-import]

MODEL is one of examples/models/configs (teacher-tiny, teacher, lite-tiny,
lite). Writes the same files as nn_transformer.py: encoder.onnx,
decoder.onnx, model.mlir, weights.safetensors, inputs.safetensors,
ref-memory.safetensors, ref-logits.safetensors, dec-in.safetensors.
"""

import argparse
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "test", "golden"))
sys.path.insert(0, HERE)
import make_golden  # noqa: E402
import tfx_export  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-import", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    cfg, net, _ = make_golden.load_model(args.model, args.seed)
    rng = np.random.default_rng(args.seed + 7)
    length, vocab = cfg["max_len"], cfg["vocab_size"]
    src = torch.from_numpy(make_golden.padded_ids(rng, 4, length, vocab))
    tgt = torch.from_numpy(make_golden.padded_ids(rng, 4, length, vocab))
    with torch.no_grad():
        memory = net.encoder(src)
        logits = net.decoder(memory, src, tgt)
    tfx_export.export_translation(tfx_export.EncoderEntry(net), tfx_export.DecoderEntry(net), src, tgt, memory, logits, args.out,
                                  args.model, do_import=not args.no_import)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
