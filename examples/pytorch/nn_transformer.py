#!/usr/bin/python3
"""A translation model built on torch.nn.Transformer, as a user writes one,
exported to ONNX and imported into tfx.

    nn_transformer.py OUT_DIR [--norm-first] [--seed N] [--opset N] [--no-import]

Writes to OUT_DIR: encoder.onnx (src_ids -> memory), decoder.onnx (memory,
src_ids, tgt_ids -> logits), model.mlir + weights.safetensors (tfx-import),
inputs.safetensors (padded src_ids / tgt_ids), and PyTorch's outputs on them:
ref-memory.safetensors, ref-logits.safetensors, dec-in.safetensors (the
decoder's inputs, with PyTorch's memory).

The model: nn.Transformer (batch_first, post-LN by default, pre-LN with
--norm-first), token embeddings scaled by sqrt(d_model), the sinusoidal
positional table, key padding masks computed from the ids (`ids == PAD`),
the causal mask from nn.Transformer.generate_square_subsequent_mask, and an
output projection. Parameters are random but every one distinct (biases and
LayerNorm affines too), as in a trained model.
"""

import argparse
import math
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import tfx_export  # noqa: E402

PAD = 0
VOCAB, D_MODEL, HEADS, LAYERS, FFN, LENGTH = 48, 32, 4, 2, 64, 12


def sinusoid(length, d):
    pos = torch.arange(length, dtype=torch.float32)[:, None]
    i = torch.arange(0, d, 2, dtype=torch.float32)
    angle = pos / torch.pow(10000.0, i / d)
    table = torch.zeros(length, d)
    table[:, 0::2] = torch.sin(angle)
    table[:, 1::2] = torch.cos(angle)
    return table


class Seq2Seq(torch.nn.Module):
    def __init__(self, norm_first):
        super().__init__()
        self.src_embed = torch.nn.Embedding(VOCAB, D_MODEL)
        self.tgt_embed = torch.nn.Embedding(VOCAB, D_MODEL)
        self.register_buffer("pe", sinusoid(LENGTH, D_MODEL))
        self.transformer = torch.nn.Transformer(
            D_MODEL, HEADS, LAYERS, LAYERS, FFN, dropout=0.1, batch_first=True,
            norm_first=norm_first)
        self.generator = torch.nn.Linear(D_MODEL, VOCAB)

    def embed(self, table, ids):
        return table(ids) * math.sqrt(D_MODEL) + self.pe[: ids.shape[1]]

    def encode(self, src_ids):
        return self.transformer.encoder(self.embed(self.src_embed, src_ids),
                                        src_key_padding_mask=src_ids == PAD)

    def decode(self, memory, src_ids, tgt_ids):
        causal = torch.nn.Transformer.generate_square_subsequent_mask(tgt_ids.shape[1])
        y = self.transformer.decoder(self.embed(self.tgt_embed, tgt_ids), memory,
                                     tgt_mask=causal, tgt_key_padding_mask=tgt_ids == PAD,
                                     memory_key_padding_mask=src_ids == PAD)
        return self.generator(y)


class Encode(torch.nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, src_ids):
        return self.net.encode(src_ids)


class Decode(torch.nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, memory, src_ids, tgt_ids):
        return self.net.decode(memory, src_ids, tgt_ids)


def inputs(seed):
    """Five padded sentence pairs (lengths vary; none empty)."""
    g = torch.Generator().manual_seed(seed + 1)
    src = torch.randint(1, VOCAB, (5, LENGTH), generator=g)
    tgt = torch.randint(1, VOCAB, (5, LENGTH), generator=g)
    for row, (ls, lt) in enumerate([(12, 12), (7, 3), (1, 9), (10, 1), (4, 6)]):
        src[row, ls:] = PAD
        tgt[row, lt:] = PAD
    return src, tgt


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--norm-first", action="store_true", help="pre-LN layers")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--opset", type=int, default=tfx_export.OPSET,
                    help="ONNX opset (below 17, LayerNorm is exported as primitive ops)")
    ap.add_argument("--no-import", action="store_true", help="export only")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    torch.manual_seed(args.seed)
    net = Seq2Seq(args.norm_first)
    with torch.no_grad():
        for p in net.parameters():  # distinct values everywhere, as after training
            p.add_(0.05 * torch.randn_like(p))
    net.eval()
    src, tgt = inputs(args.seed)

    # PyTorch's outputs. Grad mode keeps nn.TransformerEncoder off its
    # nested-tensor fast path, which writes zeros at padded positions; the
    # exported graph computes them like every other position.
    with torch.enable_grad():
        memory = net.encode(src).detach()
        logits = net.decode(memory, src, tgt).detach()
    tfx_export.export_translation(Encode(net), Decode(net), src, tgt, memory, logits, args.out,
                                  "nn_transformer", opset=args.opset,
                                  do_import=not args.no_import)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
