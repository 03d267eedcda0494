#!/usr/bin/python3
"""A tiny randomly initialised teacher of examples/real/model.py (2+2 layers,
d_model 32, 4 heads) in train.py's output layout, plus inputs for it.

    make_tiny_teacher.py OUT_DIR

Writes OUT_DIR/teacher.safetensors, OUT_DIR/config.json and
OUT_DIR/inputs.safetensors (src_ids, tgt_ids I64 [6, 50], padded with 0).
"""
import os
import sys

import torch

real = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "examples", "real")
sys.path.insert(0, real)
import data  # noqa: E402
import model  # noqa: E402

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
torch.manual_seed(3)
cfg = model.Config(src_vocab_size=50, tgt_vocab_size=60, d_model=32, num_heads=4, ffn_dim=64,
                   encoder_layers=2, decoder_layers=2)
net = model.Transformer(cfg)
cfg.save(os.path.join(out, "config.json"))
data.safetensors_io.save(os.path.join(out, "teacher.safetensors"),
                         {k: v.detach().numpy() for k, v in net.state_dict().items()})
gen = torch.Generator().manual_seed(4)
src = torch.zeros(6, 50, dtype=torch.int64)
tgt = torch.zeros(6, 50, dtype=torch.int64)
for i, (ls, lt) in enumerate([(3, 2), (10, 12), (49, 50), (1, 1), (25, 7), (40, 44)]):
    src[i, :ls] = torch.randint(4, 50, (ls,), generator=gen)
    src[i, ls - 1] = data.EOS
    tgt[i, :lt] = torch.randint(4, 60, (lt,), generator=gen)
    tgt[i, 0] = data.BOS
data.safetensors_io.save(os.path.join(out, "inputs.safetensors"),
                         {"src_ids": src.numpy(), "tgt_ids": tgt.numpy()})
