#!/usr/bin/env python3
"""Trains the English->Spanish teacher (model.py) on the corpus in data/.

Label-smoothed (0.1) cross-entropy over the target tokens (padding ignored),
Adam (0.9, 0.98, eps 1e-9), the paper's inverse-square-root schedule
lr = factor * d^-0.5 * min(step^-0.5, step * warmup^-1.5). Batches hold
--batch-size sentences of similar length (drawn from a shuffled pool of 50
batches, sorted by length), cut to the longest sentence in the batch: the
trailing padding changes nothing, so this is the MAX_LEN-padded model, only
faster. The whole corpus lives on the device; the inner loop does no
host<->device copies or synchronisation.

After each epoch: the validation loss (teacher forcing, no smoothing) and the
BLEU of greedy decoding (model.greedy, as tfx-run --greedy) on the validation
split. The weights of the epoch with the best validation BLEU are kept; at
the end their validation and test BLEU are printed and saved:

    OUT/teacher.safetensors  state_dict, float32 (no non-persistent buffers)
    OUT/config.json          model.Config
    OUT/train-log.txt        the lines printed, per epoch loss, BLEU, time
    OUT/{valid,test}.hyp     greedy translations, one a line

Works with torch 1.13 and 2.x, CPU or CUDA; needs only torch and numpy.

Usage: python3 examples/real/train.py --out OUT [--layers 6] [--epochs 60]
           [--max-minutes 4] [--device cuda] [--seed 1]
"""

import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import model as teacher  # noqa: E402
from bleu import corpus_bleu  # noqa: E402

LABEL_SMOOTHING = 0.1


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--layers", type=int, default=6, help="encoder and decoder layers each")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--max-minutes", type=float, default=None,
                    help="stop training after this wall time (evaluation and saving follow)")
    ap.add_argument("--batch-size", type=int, default=128, help="sentences per batch")
    ap.add_argument("--warmup", type=int, default=4000)
    ap.add_argument("--lr-factor", type=float, default=1.0)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--init", help="continue from this directory's teacher.safetensors "
                    "(a previous run's --out with the same --layers)")
    ap.add_argument("--start-step", type=int, default=0,
                    help="with --init: the steps already taken (the lr schedule continues)")
    ap.add_argument("--data", default=data.DATA_DIR, help="corpus directory")
    ap.add_argument("--train-limit", type=int, default=None, help="first N train pairs only")
    ap.add_argument("--eval-limit", type=int, default=None,
                    help="first N valid/test pairs only")
    ap.add_argument("--eval-batch", type=int, default=1000, help="sentences per evaluation batch")
    return ap.parse_args()


class Split:
    """One split on the device: ids [N, MAX_LEN] and the reference words."""

    def __init__(self, name, args, src_vocab, tgt_vocab, limit):
        en, es = data.load_split(name, args.data, limit)
        src, tgt_in, tgt_out = data.encode_pairs(en, es, src_vocab, tgt_vocab)
        self.name, self.references = name, [s.split() for s in es]
        self.src_len = (src != data.PAD).sum(1)
        self.tgt_len = (tgt_in != data.PAD).sum(1)
        self.src, self.tgt_in, self.tgt_out = (torch.from_numpy(a).to(args.device)
                                               for a in (src, tgt_in, tgt_out))

    def __len__(self):
        return len(self.references)


def make_batches(rng, split, batch_size):
    """(order on the device, [(begin, end, src_len, tgt_len, target tokens)])
    of one epoch: batch i is order[begin:end], cut to src_len/tgt_len."""
    order = rng.permutation(len(split))
    longest = np.maximum(split.src_len, split.tgt_len)
    pool = 50 * batch_size
    chunks = []
    for i in range(0, len(order), pool):
        part = order[i:i + pool]
        part = part[np.argsort(longest[part], kind="stable")]
        chunks += [part[j:j + batch_size] for j in range(0, len(part), batch_size)]
    chunks = [chunks[i] for i in rng.permutation(len(chunks))]
    bounds, begin = [], 0
    for c in chunks:
        bounds.append((begin, begin + len(c), int(split.src_len[c].max()),
                       int(split.tgt_len[c].max()), int(split.tgt_len[c].sum())))
        begin += len(c)
    return torch.from_numpy(np.concatenate(chunks)).to(split.src.device), bounds


@torch.no_grad()
def evaluate(net, split, tgt_vocab, eval_batch):
    """(NLL per target token, Bleu of greedy decoding, hypotheses), in eval mode."""
    net.eval()
    nll, hyps = torch.zeros((), device=split.src.device), []
    for i in range(0, len(split), eval_batch):
        src = split.src[i:i + eval_batch]
        logits = net(src, split.tgt_in[i:i + eval_batch])
        nll += F.cross_entropy(logits.flatten(0, 1), split.tgt_out[i:i + eval_batch].flatten(),
                               ignore_index=data.PAD, reduction="sum")
        hyps += [data.decode(row, tgt_vocab) for row in net.greedy(src).cpu().numpy()]
    return float(nll) / int(split.tgt_len.sum()), corpus_bleu(hyps, split.references), hyps


def main():
    args = parse_args()
    os.makedirs(args.out, exist_ok=True)
    log_file = open(os.path.join(args.out, "train-log.txt"), "w")

    def log(line):
        print(line, flush=True)
        log_file.write(line + "\n")
        log_file.flush()

    torch.manual_seed(args.seed)
    rng = np.random.RandomState(args.seed)
    src_vocab, tgt_vocab = data.load_vocab("en", args.data), data.load_vocab("es", args.data)
    train = Split("train", args, src_vocab, tgt_vocab, args.train_limit)
    valid = Split("valid", args, src_vocab, tgt_vocab, args.eval_limit)
    test = Split("test", args, src_vocab, tgt_vocab, args.eval_limit)
    cfg = teacher.Config(len(src_vocab), len(tgt_vocab),
                         encoder_layers=args.layers, decoder_layers=args.layers)
    net = teacher.Transformer(cfg)
    if args.init:
        weights = data.safetensors_io.load(os.path.join(args.init, "teacher.safetensors"))
        net.load_state_dict({k: torch.from_numpy(v) for k, v in weights.items()})
    net = net.to(args.device)
    optimizer = torch.optim.Adam(net.parameters(), lr=0.0, betas=(0.9, 0.98), eps=1e-9)
    log(f"torch {torch.__version__} on {args.device}; {len(train)} train, {len(valid)} valid, "
        f"{len(test)} test pairs; vocab {len(src_vocab)} en, {len(tgt_vocab)} es; "
        f"{args.layers}+{args.layers} layers, "
        f"{sum(p.numel() for p in net.parameters())} parameters; {vars(args)}")

    step, best, best_epoch, best_state = args.start_step, None, 0, None
    start = time.time()
    deadline = start + 60 * args.max_minutes if args.max_minutes else None
    for epoch in range(1, args.epochs + 1):
        net.train()
        order, bounds = make_batches(rng, train, args.batch_size)
        loss_sum, tokens = torch.zeros((), device=args.device), 0
        out_of_time = False
        for begin, end, src_len, tgt_len, n_tokens in bounds:
            step += 1
            lr = args.lr_factor * cfg.d_model ** -0.5 * min(step ** -0.5,
                                                            step * args.warmup ** -1.5)
            for group in optimizer.param_groups:
                group["lr"] = lr
            idx = order[begin:end]
            logits = net(train.src[idx, :src_len], train.tgt_in[idx, :tgt_len])
            loss = F.cross_entropy(logits.flatten(0, 1), train.tgt_out[idx, :tgt_len].flatten(),
                                   ignore_index=data.PAD, label_smoothing=LABEL_SMOOTHING,
                                   reduction="sum")
            optimizer.zero_grad(set_to_none=True)
            (loss / n_tokens).backward()
            optimizer.step()
            loss_sum += loss.detach()
            tokens += n_tokens
            if deadline and time.time() > deadline:
                out_of_time = True
                break
        valid_nll, bleu, _ = evaluate(net, valid, tgt_vocab, args.eval_batch)
        log(f"epoch {epoch} step {step} lr {lr:.2e} train loss {float(loss_sum) / tokens:.3f} "
            f"valid nll {valid_nll:.3f} valid BLEU {bleu.score:.2f} "
            f"time {time.time() - start:.0f}s" + (" (time limit)" if out_of_time else ""))
        if best is None or (bleu.score, -valid_nll) > best:  # ties: lower loss
            best, best_epoch = (bleu.score, -valid_nll), epoch
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        if out_of_time or (deadline and time.time() > deadline):
            break

    net.load_state_dict(best_state)
    log(f"best epoch {best_epoch}")
    for split in (valid, test):
        _, bleu, hyps = evaluate(net, split, tgt_vocab, args.eval_batch)
        log(f"{split.name}: {bleu}")
        with open(os.path.join(args.out, f"{split.name}.hyp"), "w", encoding="utf-8") as f:
            f.writelines(" ".join(h) + "\n" for h in hyps)
    data.safetensors_io.save(os.path.join(args.out, "teacher.safetensors"),
                             {k: v.detach().float().cpu().numpy()
                              for k, v in net.state_dict().items()})
    cfg.save(os.path.join(args.out, "config.json"))
    log(f"wrote {args.out}/teacher.safetensors, config.json; {time.time() - start:.0f}s in all")
    log_file.close()


if __name__ == "__main__":
    main()
