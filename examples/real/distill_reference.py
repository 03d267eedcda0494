#!/usr/bin/env python3
"""The paper's ALR distillation recipe in PyTorch, on the real teacher.

A reference for what tfx-distill does, at the paper's full scale (every
training sentence, 21 epochs), run where a GPU is available: it measures
what replacing every encoder self-attention with an ALR MLP of each size
costs in BLEU, independently of tfx.

For each encoder layer (site), the teacher is run in eval mode on the
training sentences (padded to MAX_LEN = 50) and two activations are captured:
the site's input LN(x) and the attention's output before W_O (heads
concatenated, [pos][head][d_head]). One FlatMLP per site (LayerNorm(6400) ->
Linear(6400, h) -> LeakyReLU(0.01) -> LayerNorm(h) -> Linear(h, 6400), input
and output masked by the padding mask, as tfx.flat_mlp) is trained on them:
MSE over real positions (divided by the valid fraction), Adam (0.9, 0.98,
eps 1e-9), lr 1e-4, no schedule, batches of 2000 sentences, 21 epochs. All
sites are then swapped in together, the test split is decoded greedily and
its corpus BLEU printed next to the teacher's; the per-site relative MSE
(||y - t||^2 / ||t||^2 over real positions) on the validation split too.

Usage: python3 examples/real/distill_reference.py --teacher DIR --out DIR
           [--sizes xs,s,m] [--epochs 21] [--lr 1e-4] [--device cuda]
Writes DIR/report.json and DIR/report.txt.
"""

import argparse
import json
import math
import os
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bleu  # noqa: E402
import data  # noqa: E402
import model as teacher_model  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "test", "golden"))
import safetensors_io  # noqa: E402

HIDDEN = {"xs": 25, "s": 50, "m": 800, "l": 3200}  # 6400 / (256, 128, 8, 2)


class FlatMLP(nn.Module):
    def __init__(self, width, hidden):
        super().__init__()
        self.in_norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, hidden)
        self.hidden_norm = nn.LayerNorm(hidden)
        self.fc2 = nn.Linear(hidden, width)

    def forward(self, flat, keep_flat):
        h = F.leaky_relu(self.fc1(self.in_norm(flat * keep_flat)), 0.01)
        return self.fc2(self.hidden_norm(h)) * keep_flat


def capture(model, src, batch=1000):
    """Per encoder layer: (LN(x) [N, L*D], attention before W_O [N, L*D])."""
    inputs = [[] for _ in model.encoder.layers]
    targets = [[] for _ in model.encoder.layers]
    hooks = []
    for i, layer in enumerate(model.encoder.layers):
        def pre(mod, args, i=i):
            inputs[i].append(args[0].flatten(1))
        def out_pre(mod, args, i=i):
            targets[i].append(args[0].flatten(1))
        hooks.append(layer.self_attn.register_forward_pre_hook(pre))
        hooks.append(layer.self_attn.out_proj.register_forward_pre_hook(out_pre))
    with torch.no_grad():
        for start in range(0, src.shape[0], batch):
            model.encoder(src[start:start + batch])
    for h in hooks:
        h.remove()
    return [(torch.cat(a), torch.cat(b)) for a, b in zip(inputs, targets)]


def keep_flat(src, d):
    return (src != teacher_model.PAD).float().repeat_interleave(d, dim=1)


def masked_mse(y, t, keep):
    return ((y - t) ** 2 * keep).sum() / keep.sum()


def train_site(x, t, keep, hidden, epochs, lr, batch, seed):
    torch.manual_seed(seed)
    mlp = FlatMLP(x.shape[1], hidden).to(x.device)
    opt = torch.optim.Adam(mlp.parameters(), lr=lr, betas=(0.9, 0.98), eps=1e-9)
    n = x.shape[0]
    for _ in range(epochs):
        order = torch.randperm(n, device=x.device)
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            loss = masked_mse(mlp(x[idx], keep[idx]), t[idx], keep[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
    return mlp.eval()


def relative_mse(mlp, x, t, keep):
    with torch.no_grad():
        y = mlp(x, keep)
        return float((((y - t) ** 2) * keep).sum() / ((t ** 2) * keep).sum())


class Replaced(nn.Module):
    """An encoder self-attention whose Q/K/V + softmax part is an ALR MLP."""

    def __init__(self, attn, mlp):
        super().__init__()
        self.attn, self.mlp = attn, mlp

    def forward(self, query, key_value, keep, causal):
        b, length, d = query.shape
        pad = teacher_model.MAX_LEN - length
        kq = keep.float()
        flat = F.pad(query, (0, 0, 0, pad)).flatten(1)
        kf = F.pad(kq, (0, pad)).repeat_interleave(d, dim=1)
        heads = self.mlp(flat, kf).view(b, teacher_model.MAX_LEN, d)[:, :length]
        return self.attn.out_proj(heads)


def greedy_bleu(model, src, refs, vocab_tgt, batch=500):
    hyps = []
    with torch.no_grad():
        for s in range(0, src.shape[0], batch):
            tokens = model.greedy(src[s:s + batch]).cpu().tolist()
            hyps.extend(data.decode(row, vocab_tgt) for row in tokens)
    return bleu.corpus_bleu(hyps, [r.split() for r in refs])


def bleu_dict(b):
    return {"bleu": b.score, "precisions": b.precisions, "bp": b.bp,
            "hyp_len": b.hyp_len, "ref_len": b.ref_len}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--teacher", required=True, help="train.py's output directory")
    ap.add_argument("--out", required=True)
    ap.add_argument("--sizes", default="xs,s,m")
    ap.add_argument("--epochs", type=int, default=21)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch", type=int, default=2000)
    ap.add_argument("--limit", type=int, default=None,
                    help="use the first N sentences of each split (smoke tests)")
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    dev = torch.device(args.device)
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False

    cfg = teacher_model.Config.load(os.path.join(args.teacher, "config.json"))
    model = teacher_model.Transformer(cfg)
    state = {k: torch.from_numpy(v) for k, v in
             safetensors_io.load(os.path.join(args.teacher, "teacher.safetensors")).items()}
    model.load_state_dict(state, strict=False)
    model = model.to(dev).eval()
    vocab_src, vocab_tgt = data.load_vocab("en"), data.load_vocab("es")

    def ids(split):
        en, _ = data.load_split(split, limit=args.limit)
        return torch.from_numpy(data.encode(en, vocab_src, eos=True)).to(dev)

    train_src, valid_src, test_src = ids("train"), ids("valid"), ids("test")
    test_refs = data.load_split("test", limit=args.limit)[1]
    lines = []

    def log(msg):
        print(msg, flush=True)
        lines.append(msg)

    t0 = time.time()
    teacher_bleu = greedy_bleu(model, test_src, test_refs, vocab_tgt)
    log(f"teacher: test {teacher_bleu}")
    train_caps = capture(model, train_src)
    valid_caps = capture(model, valid_src)
    d = cfg.d_model
    ktrain, kvalid = keep_flat(train_src, d), keep_flat(valid_src, d)
    report = {"teacher_test_bleu": bleu_dict(teacher_bleu), "train_sentences": int(train_src.shape[0]),
              "epochs": args.epochs, "lr": args.lr, "batch": args.batch, "students": {}}
    originals = [layer.self_attn for layer in model.encoder.layers]
    for size in args.sizes.split(","):
        mlps, rel = [], []
        for i, ((x, t), (vx, vt)) in enumerate(zip(train_caps, valid_caps)):
            mlp = train_site(x, t, ktrain, HIDDEN[size], args.epochs, args.lr, args.batch,
                             seed=100 + i)
            mlps.append(mlp)
            rel.append(relative_mse(mlp, vx, vt, kvalid))
        for layer, attn, mlp in zip(model.encoder.layers, originals, mlps):
            layer.self_attn = Replaced(attn, mlp)
        student = greedy_bleu(model, test_src, test_refs, vocab_tgt)
        for layer, attn in zip(model.encoder.layers, originals):
            layer.self_attn = attn
        params = sum(p.numel() for p in mlps[0].parameters())
        report["students"][size] = {"test_bleu": bleu_dict(student), "valid_relative_mse": rel,
                                    "params_per_site": params}
        log(f"ALR-{size.upper()} on all {len(mlps)} encoder self-attentions: test BLEU "
            f"{student.score:.2f} (teacher {teacher_bleu.score:.2f}); per-site relative "
            f"MSE (valid) " + " ".join(f"{r:.3f}" for r in rel) +
            f"; {params / 1e6:.2f}M parameters per site; {time.time() - t0:.0f} s")
    with open(os.path.join(args.out, "report.json"), "w") as f:
        json.dump(report, f, indent=2)
    with open(os.path.join(args.out, "report.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
