#!/usr/bin/python3
"""tfx benchmark suite: Transformer blocks at the "Rethinking Attention"
teacher sizes (d_model 128, 8 heads, FFN 512, length 50) vs PyTorch eager.

    /usr/bin/python3 bench/run_benchmarks.py            # the whole suite
    /usr/bin/python3 bench/run_benchmarks.py --quick --blocks ffn --batches 1

For every block of bench/models/ (attention, ffn, encoder_layer,
decoder_layer) and batch size (default 1, 32, 256):

* random weights and inputs are written once (safetensors; the weights by the
  PyTorch reference modules of test/golden/make_golden.py, whose state_dict
  names are the blocks' tfx.param names);
* `tfx-run --bench N --threads 2 --stats-json F` gives the tfx latency
  (median of N runs after a warm-up run that compiles the kernels; fresh
  kernel cache per suite);
* PyTorch eager (same module, torch.set_num_threads(2), torch.no_grad(), the
  same N runs after warm-up) is timed in subprocesses with
  OPENBLAS_NUM_THREADS=1 and with it unset; the faster is the peer. A third,
  informational run sends every linear through oneDNN (this PyTorch links
  the reference netlib BLAS);
* the tfx output is compared with PyTorch's (max abs error).

Roofline, measured at the start and at the end (best kept): sgemm peak
(2048^3 fp32 at 2 threads, best of a few, through torch.matmul and through
oneDNN) and memory bandwidth (256 MiB copies). Each tfx result gets GFLOP/s
(GEMM work only, formulas in `block_flops`), its fraction of the sgemm peak
and, at batch 1, bytes moved (weights read once + inputs + outputs) per
second against the bandwidth.

Also: the encoder layer with the Halide auto-schedulers (adams2019,
mullapudi2016) at batch 1 and 32, and GEMM probes (one linear alone,
bench/models/linear_*.mlir, including the large linear_big) for the GEMM
kernel's own GFLOP/s.

Each measurement first waits for a quiet machine and is re-run when other
processes used >= 10% of the CPUs meanwhile; the share is reported.

Writes bench/results/latest.md (the Markdown printed to stdout) and
bench/results/latest.json (raw numbers). Progress goes to stderr.
"""

import argparse
import json
import math
import os
import shutil
import sys
import tempfile
import time

import numpy as np

sys.dont_write_bytecode = True  # no bench/__pycache__ entries from the imports below
from tfxbench import BIN, MODELS, RESULTS, machine, peers, stats, tools  # noqa: E402
from tfxbench import report as rpt  # noqa: E402
import safetensors_io  # noqa: E402  (test/golden; tfxbench puts it on sys.path)

# Teacher sizes.
D, HEADS, FFN_DIM, LENGTH, VOCAB = 128, 8, 512, 50, 1000
THREADS = 2
BLOCKS = ["attention", "ffn", "encoder_layer", "decoder_layer"]
BATCHES = [1, 32, 256]
# Timed runs per batch size (both tfx and PyTorch use the same count).
RUNS = {1: 50, 32: 20, 256: 10}
IR = {
    "attention": "attention_block.mlir",
    "ffn": "ffn_block.mlir",
    "encoder_layer": "encoder_layer.mlir",
    "decoder_layer": "decoder_layer.mlir",
}
# GEMM probes: one linear layer alone. name -> (input shape with the batch
# first, in features, out features). linear_big is the large GEMM (4096 x
# 2048 x 512); the others are the blocks' own linear shapes at batch 256.
PROBES = {
    "linear_big": ((4096, 512), 512, 2048),
    "linear_128x128": ((256, LENGTH, 128), 128, 128),
    "linear_128x512": ((256, LENGTH, 128), 128, 512),
    "linear_512x128": ((256, LENGTH, 512), 512, 128),
}
IR.update({name: name + ".mlir" for name in PROBES})
PREFIX = {
    "attention": "encoder.layers.0.",
    "ffn": "encoder.layers.0.",
    "encoder_layer": "encoder.layers.0.",
    "decoder_layer": "decoder.layers.0.",
}
PREFIX.update({name: "linear." for name in PROBES})
AUTO_SCHEDULES = ["adams2019", "mullapudi2016"]
AUTO_BATCHES = [1, 32]
fmt = rpt.formatter(".2f")


# ---------------------------------------------------------------------------
# FLOPs. One multiply-add (MAC) = 2 FLOPs; only the GEMM-like work is counted
# (projections, QK^T, PV, FFN); LayerNorm, softmax, masks, bias and residual
# adds are O(n d) and left out. Causal self-attention is counted dense
# (n^2 scores), as the reference formula and a dense kernel compute it.
# ---------------------------------------------------------------------------

def attention_macs(n, m, d):
    """MACs of one sequence: n queries, m keys/values, width d.

    q and out projections on n rows (2 n d^2), k and v projections on m rows
    (2 m d^2), scores QK^T (n m d over all heads) and PV (n m d). For self
    attention (m = n) this is 4 n d^2 + 2 n^2 d."""
    return 2 * n * d * d + 2 * m * d * d + 2 * n * m * d


def ffn_macs(n, d, f):
    """fc1 (n d f) + fc2 (n f d) = 2 n d f MACs per sequence."""
    return 2 * n * d * f


def block_flops(block, batch):
    n, d, f = LENGTH, D, FFN_DIM
    if block == "attention":
        macs = attention_macs(n, n, d)
    elif block == "ffn":
        macs = ffn_macs(n, d, f)
    elif block == "encoder_layer":
        macs = attention_macs(n, n, d) + ffn_macs(n, d, f)
    elif block == "decoder_layer":
        # causal self-attention + cross-attention on a memory of length n + FFN
        macs = attention_macs(n, n, d) + attention_macs(n, n, d) + ffn_macs(n, d, f)
    elif block in PROBES:
        shape, fin, fout = PROBES[block]
        return 2 * math.prod(shape[:-1]) * fin * fout  # `batch` is in `shape`
    else:
        raise ValueError(block)
    return 2 * macs * batch


# ---------------------------------------------------------------------------
# PyTorch modules (only imported where torch is needed).
# ---------------------------------------------------------------------------

def torch_modules():
    """name -> (module factory, forward(module, inputs dict of tensors))."""
    import torch.nn as nn
    import make_golden as mg

    class AttentionBlock(nn.Module):
        """x + MHA(LN(x)) with key padding from ids (the encoder layer's first half)."""

        def __init__(self):
            super().__init__()
            self.self_attn_layer_norm = nn.LayerNorm(D, eps=mg.LN_EPS)
            self.self_attn = mg.Attention(D, HEADS)

        def forward(self, x, keep):
            h = self.self_attn_layer_norm(x)
            return x + self.self_attn(h, h, keep)

    class FFNBlock(nn.Module):
        """x + fc2(relu(fc1(LN(x)))) (the encoder layer's second half)."""

        def __init__(self):
            super().__init__()
            self.final_layer_norm = nn.LayerNorm(D, eps=mg.LN_EPS)
            self.ffn = mg.FFN(D, FFN_DIM)

        def forward(self, x):
            return x + self.ffn(self.final_layer_norm(x))

    pad = mg.PAD
    probes = {name: ((lambda fi=fi, fo=fo: nn.Linear(fi, fo)), lambda m, i: m(i["x"]))
              for name, (_, fi, fo) in PROBES.items()}
    return {**probes,
        "attention": (AttentionBlock,
                      lambda m, i: m(i["x"], i["ids"] != pad)),
        "ffn": (FFNBlock, lambda m, i: m(i["x"])),
        "encoder_layer": (lambda: mg.EncoderLayer(D, HEADS, FFN_DIM),
                          lambda m, i: m(i["x"], i["ids"] != pad)),
        "decoder_layer": (lambda: mg.DecoderLayer(D, HEADS, FFN_DIM),
                          lambda m, i: m(i["x"], i["tgt_ids"] != pad, i["memory"],
                                         i["src_ids"] != pad)),
    }


def make_weights(block, seed):
    """Random weights (numpy dict, tfx.param names) from the PyTorch module."""
    import make_golden as mg
    factory, _ = torch_modules()[block]
    return mg.init_weights(factory(), seed, "bench-" + block, PREFIX[block])


def make_inputs(block, batch, seed):
    import make_golden as mg
    rng = np.random.default_rng([seed, batch, BLOCKS.index(block) if block in BLOCKS else 99])
    x = rng.standard_normal((batch, LENGTH, D)).astype(np.float32)
    if block == "attention" or block == "encoder_layer":
        return {"x": x, "ids": mg.padded_ids(rng, batch, LENGTH, VOCAB)}
    if block == "ffn":
        return {"x": x}
    if block == "decoder_layer":
        memory = rng.standard_normal((batch, LENGTH, D)).astype(np.float32)
        return {"x": x,
                "tgt_ids": mg.padded_ids(rng, batch, LENGTH, VOCAB, first=mg.BOS),
                "memory": memory,
                "src_ids": mg.padded_ids(rng, batch, LENGTH, VOCAB, last=mg.EOS)}
    if block in PROBES:
        return {"x": rng.standard_normal(PROBES[block][0]).astype(np.float32)}
    raise ValueError(block)


# ---------------------------------------------------------------------------
# Subprocess workers (torch is imported there, after the environment is set).
# ---------------------------------------------------------------------------

def worker_torch(args):
    """Times PyTorch eager on one block; prints a JSON line."""
    import torch
    factory, forward = torch_modules()[args.block]  # imports make_golden (sets 1 thread)
    torch.set_num_threads(args.threads)
    if args.linear == "onednn":
        peers.use_onednn_linear()
    module = factory()
    weights = safetensors_io.load(args.weights)
    prefix = PREFIX[args.block]
    module.load_state_dict({k[len(prefix):]: torch.from_numpy(v) for k, v in weights.items()},
                           strict=True)
    module.eval()
    inputs = {k: torch.from_numpy(v) for k, v in safetensors_io.load(args.inputs).items()}
    times = []
    with torch.no_grad():
        for _ in range(args.warmup):
            out = forward(module, inputs)
        for _ in range(args.runs):
            t0 = time.perf_counter()
            out = forward(module, inputs)
            times.append((time.perf_counter() - t0) * 1e3)
    if args.outputs:
        safetensors_io.save(args.outputs, {"y": out.numpy()})
    print(json.dumps({**stats.summary(times), "runs": args.runs,
                      "torch_threads": torch.get_num_threads()}))


def worker_roofline(args):
    """sgemm peak and memory bandwidth at `threads` threads; prints JSON."""
    import torch
    torch.set_num_threads(args.threads)
    n = 2048
    flop = 2.0 * n ** 3
    gen = torch.Generator().manual_seed(0)
    a = torch.randn(n, n, generator=gen)
    b = torch.randn(n, n, generator=gen)
    out = {"sgemm": {}, "bandwidth": {}, "torch_threads": torch.get_num_threads()}

    def best_gflops(fn, reps):
        return flop / stats.best_seconds(fn, reps) / 1e9

    # torch.matmul: whatever BLAS torch is linked with (here: check the notes).
    c = torch.empty(n, n)
    out["sgemm"]["torch.matmul"] = best_gflops(lambda: torch.matmul(a, b, out=c),
                                               args.matmul_reps)
    # The same product through oneDNN (torch's mkldnn_linear: a @ b^T).
    try:
        am, bm = a.to_mkldnn(), b.to_mkldnn()
        out["sgemm"]["oneDNN (torch mkldnn_linear)"] = best_gflops(
            lambda: torch._C._nn.mkldnn_linear(am, bm, None), 12)
        ref = (a[:64].double() @ b.double().t())
        got = torch._C._nn.mkldnn_linear(am, bm, None).to_dense()[:64].double()
        out["sgemm_check_max_rel_err"] = float((got - ref).abs().max() / ref.abs().max())
    except (RuntimeError, AttributeError) as e:
        out["sgemm"]["oneDNN (torch mkldnn_linear)"] = None
        out["sgemm_oneDNN_error"] = str(e)

    # Memory bandwidth: bytes read + written per second of large copies
    # (256 MiB each way, far beyond the 32 MiB L3).
    count = 64 * 1024 * 1024
    src = torch.rand(count, generator=gen)
    dst = torch.empty(count)
    nbytes = 2.0 * count * 4

    def best_gbs(fn, reps=6):
        return nbytes / stats.best_seconds(fn, reps) / 1e9

    out["bandwidth"]["torch copy_ (2 threads)"] = best_gbs(lambda: dst.copy_(src))
    s_np, d_np = src.numpy(), dst.numpy()
    out["bandwidth"]["numpy copyto (1 thread)"] = best_gbs(lambda: np.copyto(d_np, s_np))
    print(json.dumps(out))


def run_worker(kind, extra, variant):
    """This script as a worker of `kind` in PyTorch setting `variant`."""
    return peers.run_worker(__file__, ["--worker", kind] + extra, variant)


# ---------------------------------------------------------------------------
# tfx-run.
# ---------------------------------------------------------------------------

def run_tfx(tfx_run, block, weights, inputs, outputs, runs, threads, cache_dir,
            schedule="manual", timeout=900):
    return tools.run_tfx(tfx_run, os.path.join(MODELS, IR[block]), weights, inputs,
                         outputs=outputs, runs=runs, threads=threads, entry="main",
                         schedule=schedule, cache_dir=cache_dir, timeout=timeout)


# ---------------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------------

def render(report):
    r = report
    peak, bw = r["roofline"]["sgemm_peak_gflops"], r["roofline"]["bandwidth_gbs"]
    m = r["machine"]
    lines = [f"# tfx benchmarks ({m['date']})", "",
             f"Command: `{r['command']}`  ",
             rpt.machine_line(m, f"--threads {r['threads']}"),
             f"Source: git {r.get('git', '?')}; build/bin/tfx-run built "
             f"{r.get('tfx_run_mtime', '?')}.  ",
             *rpt.load_lines(r), "",
             *([f"**WARNING: {r['warning']}**", ""] if r.get("warning") else []),
             "*others' CPU* = share of the machine other processes used while that "
             "measurement ran (each measurement waits for a quiet machine and is re-run "
             f"up to {r['retries']} times when others used ≥ 10%).", ""]
    lines += ["## Roofline (measured)", "", "| measurement | value |", "|---|---|"]
    for k, v in r["roofline"]["sgemm"].items():
        lines.append(f"| sgemm 2048³ fp32, {k} (best of start/end) | {fmt(v, '.1f')} GFLOP/s |")
    for k, v in r["roofline"]["bandwidth"].items():
        lines.append(f"| memory bandwidth, {k}, 256 MiB, read+write (best of start/end) "
                     f"| {fmt(v, '.1f')} GB/s |")
    lines += [f"| **sgemm peak used below** | **{fmt(peak, '.1f')} GFLOP/s** "
              f"({r['roofline']['sgemm_peak_source']}) |",
              f"| **bandwidth used below** | **{fmt(bw, '.1f')} GB/s** |", ""]

    lines += ["## Blocks: tfx vs PyTorch eager", "",
              "Medians in ms. *PyTorch* = the faster of the two eager runs "
              "(`1`: OPENBLAS_NUM_THREADS=1, `unset`: not set); this is the peer. "
              "*PyTorch+oneDNN* (information, not the peer) is the same eager graph with "
              "every linear through oneDNN. GFLOP/s counts GEMM work only "
              "(`block_flops`); GB/s at batch 1 = (weights + inputs + outputs bytes) / time. "
              "*err* = max |tfx − PyTorch| of the output.", "",
              "| block | batch | runs | tfx ms | PyTorch ms | speedup | PyTorch+oneDNN ms "
              "| MFLOP | tfx GFLOP/s | % sgemm peak | GB/s | % bw | kernels/launches | err "
              "| others' CPU |",
              "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in r["blocks"]:
        t, p = row["tfx"], row["torch"]
        tfx_ms = fmt(t["median_ms"], ".3f") if t.get("ok") else "FAILED"
        peer = f"{fmt(p['median_ms'], '.3f')} ({p['peer']})" if p.get("median_ms") else "–"
        kl = f"{t.get('kernels', '?')}/{t.get('launches', '?')}" if t.get("ok") else "–"
        lines.append(
            f"| {row['block']} | {row['batch']} | {row['runs']} | {tfx_ms} | {peer} | "
            f"{fmt(row.get('speedup'), '.2f')}× | {fmt(p.get('onednn_ms'), '.3f')} | "
            f"{fmt(row['flops'] / 1e6, '.1f')} | "
            f"{fmt(row.get('gflops'), '.1f')} | {fmt(row.get('pct_peak'), '.1f')} | "
            f"{fmt(row.get('gbs'), '.2f')} | {fmt(row.get('pct_bw'), '.1f')} | {kl} | "
            f"{fmt(row.get('max_abs_err'), '.1e')} | {row.get('other_load', 0):.0%} |")
    lines += ["", "PyTorch eager, every variant (median ms):", "",
              "| block | batch | OPENBLAS_NUM_THREADS=1 | unset | oneDNN linears |",
              "|---|---:|---:|---:|---:|"]
    for row in r["blocks"]:
        v = row["torch"].get("variants", {})
        lines.append(f"| {row['block']} | {row['batch']} | "
                     + " | ".join(fmt(v.get(k, {}).get("median_ms"), ".3f")
                                  for k in ("1", "unset", "onednn")) + " |")

    if r["auto_schedules"]:
        lines += ["", "## Encoder layer with the Halide auto-schedulers", "",
                  "| schedule | batch | tfx ms | manual ms | manual / auto | kernels "
                  "| first run s (compile) | err | others' CPU | status |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
        for row in r["auto_schedules"]:
            t = row["tfx"]
            if t.get("ok"):
                cached = " (disk cache)" if t.get("disk_hits") and \
                    t.get("disk_hits") == t.get("kernels") else ""
                lines.append(
                    f"| {row['schedule']} | {row['batch']} | {fmt(t['median_ms'], '.3f')} | "
                    f"{fmt(row.get('manual_ms'), '.3f')} | {fmt(row.get('vs_manual'), '.2f')}× | "
                    f"{t.get('kernels', '?')} | {fmt(t.get('first_run_s'), '.1f')}{cached} | "
                    f"{fmt(row.get('max_abs_err'), '.1e')} | {row.get('other_load', 0):.0%} | ok |")
            else:
                err = t.get("error", "?").replace("|", "/")[:300]
                lines.append(f"| {row['schedule']} | {row['batch']} | – | – | – | – | – | – | "
                             f"{row.get('other_load', 0):.0%} | FAILED: {err} |")

    if r.get("gemm_probes"):
        lines += ["", "## GEMM probes (one linear layer alone, bench/models/linear_*.mlir)", "",
                  "`y = x W^T + b`. *PyTorch+oneDNN* includes converting the activations "
                  "to and from oneDNN's layout (dominant for small K); *PyTorch* (netlib "
                  "BLAS) only for linear_big.", "",
                  "| probe | M x N x K | GFLOP | tfx ms | tfx GFLOP/s | % sgemm peak "
                  "| PyTorch+oneDNN GFLOP/s | PyTorch GFLOP/s | err | others' CPU |",
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for g in r["gemm_probes"]:
            t = g["tfx"]
            lines.append(
                f"| {g['probe']} | {g['mnk']} | {fmt(g['flops'] / 1e9, '.2f')} | "
                f"{fmt(t.get('median_ms'), '.2f') if t.get('ok') else 'FAILED'} | "
                f"{fmt(g.get('tfx_gflops'), '.1f')} | {fmt(g.get('tfx_pct_peak'), '.1f')} | "
                f"{fmt(g.get('onednn_gflops'), '.1f')} | {fmt(g.get('torch_gflops'), '.1f')} | "
                f"{fmt(g.get('max_abs_err'), '.1e')} | {g.get('other_load', 0):.0%} |")
    lines += ["", f"Suite wall time: {r['wall_s']:.0f} s.", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Driver.
# ---------------------------------------------------------------------------

def torch_both_ways(block, weights, inputs, runs, threads, outputs, warmup=2,
                    variants_wanted=peers.VARIANTS):
    """PyTorch eager with OPENBLAS_NUM_THREADS=1 and unset; the faster is the
    peer. Variant "onednn" (informational, never the peer) is eager with the
    linears through oneDNN (see peers.use_onednn_linear)."""
    variants = {}
    for name in variants_wanted:
        extra = ["--block", block, "--weights", weights, "--inputs", inputs,
                 "--runs", str(runs), "--threads", str(threads), "--warmup", str(warmup)]
        if name == "unset" and outputs:
            extra += ["--outputs", outputs]
        if name == "onednn":
            extra += ["--linear", "onednn"]
        try:
            variants[name] = run_worker("torch", extra, name)
        except peers.WorkerError as e:
            variants[name] = {"error": str(e)}
    res = {"variants": variants}
    if "median_ms" in variants.get("onednn", {}):
        res["onednn_ms"] = variants["onednn"]["median_ms"]
    peer, median = peers.choose_peer(variants)
    if peer:
        res["peer"], res["median_ms"] = peer, median
    return res


def max_abs_err(tfx_out, torch_out):
    try:
        a = safetensors_io.load(tfx_out)["y"].astype(np.float64)
        b = safetensors_io.load(torch_out)["y"].astype(np.float64)
    except (OSError, KeyError, safetensors_io.SafetensorsError):
        return None
    if a.shape != b.shape:
        return float("inf")
    return float(np.abs(a - b).max())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tfx-run", default=os.path.join(BIN, "tfx-run"))
    ap.add_argument("--blocks", default=",".join(BLOCKS))
    ap.add_argument("--batches", default=",".join(map(str, BATCHES)))
    ap.add_argument("--threads", type=int, default=THREADS)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--quick", action="store_true", help="few runs (a smoke test)")
    ap.add_argument("--no-auto-schedules", action="store_true")
    ap.add_argument("--no-gemm-probe", action="store_true")
    ap.add_argument("--auto-timeout", type=int, default=300,
                    help="seconds allowed per auto-scheduler run (compile + bench)")
    ap.add_argument("--wait-quiet", type=int, default=180,
                    help="before each measurement wait up to this many seconds for other "
                    "processes to use < 10%% of the machine")
    ap.add_argument("--retries", type=int, default=2,
                    help="re-run a measurement during which others used >= 10%% of the machine")
    ap.add_argument("--workdir", help="where the safetensors files and the kernel cache go "
                    "(default: a fresh temporary directory, removed at the end)")
    ap.add_argument("--out-md", default=os.path.join(RESULTS, "latest.md"))
    ap.add_argument("--out-json", default=os.path.join(RESULTS, "latest.json"))
    # Internal: subprocess workers.
    ap.add_argument("--worker", choices=["torch", "roofline"], help=argparse.SUPPRESS)
    ap.add_argument("--block", help=argparse.SUPPRESS)
    ap.add_argument("--weights", help=argparse.SUPPRESS)
    ap.add_argument("--inputs", help=argparse.SUPPRESS)
    ap.add_argument("--outputs", help=argparse.SUPPRESS)
    ap.add_argument("--runs", type=int, default=10, help=argparse.SUPPRESS)
    ap.add_argument("--warmup", type=int, default=2, help=argparse.SUPPRESS)
    ap.add_argument("--linear", choices=["default", "onednn"], default="default",
                    help=argparse.SUPPRESS)
    ap.add_argument("--matmul-reps", type=int, default=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker == "torch":
        return worker_torch(args) or 0
    if args.worker == "roofline":
        return worker_roofline(args) or 0

    if not tools.wait_for(args.tfx_run):
        sys.exit(f"run_benchmarks.py: error: {args.tfx_run} not found; build first "
                 f"(cmake -G Ninja -B build && ninja -C build)")
    blocks = [b for b in args.blocks.split(",") if b]
    unknown = [b for b in blocks if b not in BLOCKS]
    if unknown:
        ap.error(f"unknown block(s) {unknown}; known: {BLOCKS}")
    batches = [int(b) for b in args.batches.split(",") if b]
    runs_for = (lambda b: 3) if args.quick else (lambda b: RUNS.get(b, 10))

    t_start = time.perf_counter()
    workdir = args.workdir or tempfile.mkdtemp(prefix="tfx-bench-")
    os.makedirs(workdir, exist_ok=True)
    cache_dir = os.path.join(workdir, "kernels")  # fresh: kernels of this build
    shutil.rmtree(cache_dir, ignore_errors=True)
    log = rpt.log
    measured = machine.Measurer(log, args.wait_quiet, retries=args.retries, threshold=0.10)

    report = {"threads": args.threads, "machine": machine.machine_info(),
              "load_before": machine.uptime(),
              "command": rpt.command_line(__file__, sys.argv[1:]),
              "retries": args.retries, "blocks": [], "git": tools.git_revision(),
              "tfx_run_mtime": tools.built(args.tfx_run), "auto_schedules": []}
    log(f"workdir {workdir}; load: {report['load_before']}")

    roof = {"sgemm": {}, "bandwidth": {}, "runs": []}

    def roofline(when):
        """Measures (again); the roofline is the best seen over all runs."""
        log(f"roofline ({when}): sgemm peak and memory bandwidth ...")
        res, lr, _ = measured(lambda: run_worker("roofline", [
            "--threads", str(args.threads), "--matmul-reps", "1" if args.quick else "2"],
            "unset"), "roofline")
        res["other_load"], res["when"] = lr, when
        roof["runs"].append(res)
        for kind in ("sgemm", "bandwidth"):
            for k, v in res[kind].items():
                if v:
                    roof[kind][k] = max(v, roof[kind].get(k) or 0.0)
        sg = roof["sgemm"]
        roof["sgemm_peak_source"] = max(sg, key=sg.get)
        roof["sgemm_peak_gflops"] = sg[roof["sgemm_peak_source"]]
        roof["bandwidth_gbs"] = max(roof["bandwidth"].values())
        log(f"  sgemm {res['sgemm']}, bandwidth {res['bandwidth']} "
            f"[others used {lr:.0%}]")

    roofline("start")
    report["roofline"] = roof

    def files(block, batch):
        w = os.path.join(workdir, f"{block}.weights.safetensors")
        i = os.path.join(workdir, f"{block}.b{batch}.inputs.safetensors")
        if not os.path.exists(w):
            safetensors_io.save(w, make_weights(block, args.seed))
        if not os.path.exists(i):
            safetensors_io.save(i, make_inputs(block, batch, args.seed))
        return w, i

    manual = {}
    for block in blocks:
        for batch in batches:
            runs = runs_for(batch)
            w, i = files(block, batch)
            tfx_out = os.path.join(workdir, f"{block}.b{batch}.tfx.safetensors")
            torch_out = os.path.join(workdir, f"{block}.b{batch}.torch.safetensors")
            load0 = machine.loadavg1()
            t, lt, at = measured(lambda: run_tfx(args.tfx_run, block, w, i, tfx_out, runs,
                                                 args.threads, cache_dir),
                                 f"tfx {block} batch {batch}")
            p, lp, ap_ = measured(lambda: torch_both_ways(block, w, i, runs, args.threads,
                                                          torch_out,
                                                          warmup=1 if batch >= 256 else 2),
                                  f"PyTorch {block} batch {batch}")
            row = {"block": block, "batch": batch, "runs": runs, "tfx": t, "torch": p,
                   "flops": block_flops(block, batch), "loadavg1": load0,
                   "other_load": max(lt, lp), "attempts": [at, ap_]}
            if t.get("ok"):
                manual[(block, batch)] = t["median_ms"]
                row["gflops"] = stats.giga_per_s(row["flops"], t["median_ms"])
                if batch == 1:
                    nbytes = os.path.getsize(w) + os.path.getsize(i) + (
                        os.path.getsize(tfx_out) if os.path.exists(tfx_out) else 0)
                    row["bytes_moved"] = nbytes
                    row["gbs"] = stats.giga_per_s(nbytes, t["median_ms"])
                if p.get("median_ms"):
                    row["speedup"] = stats.ratio(p["median_ms"], t["median_ms"])
                row["max_abs_err"] = max_abs_err(tfx_out, torch_out)
            report["blocks"].append(row)
            log(f"{block:14s} batch {batch:4d}: tfx "
                f"{fmt(t.get('median_ms'), '.3f') if t.get('ok') else 'FAILED ' + t['error']} ms, "
                f"torch {fmt(p.get('median_ms'), '.3f')} ms ({p.get('peer')}), "
                f"speedup {fmt(row.get('speedup'), '.2f')}x, "
                f"{fmt(row.get('gflops'), '.1f')} GFLOP/s, max abs err "
                f"{fmt(row.get('max_abs_err'), '.2e')} [others used {row['other_load']:.0%}]")

    if not args.no_auto_schedules and "encoder_layer" in blocks:
        for schedule in AUTO_SCHEDULES:
            for batch in AUTO_BATCHES:
                runs = runs_for(batch)
                w, i = files("encoder_layer", batch)
                out = os.path.join(workdir, f"encoder_layer.b{batch}.{schedule}.safetensors")
                log(f"encoder_layer batch {batch} --schedule {schedule} ...")
                t, lt, _ = measured(lambda: run_tfx(args.tfx_run, "encoder_layer", w, i, out,
                                                    runs, args.threads, cache_dir,
                                                    schedule=schedule,
                                                    timeout=args.auto_timeout),
                                    f"{schedule} batch {batch}")
                row = {"schedule": schedule, "batch": batch, "runs": runs, "tfx": t,
                       "other_load": lt}
                if t.get("ok"):
                    base = manual.get(("encoder_layer", batch))
                    row["manual_ms"] = base
                    row["vs_manual"] = stats.ratio(base, t["median_ms"])
                    torch_out = os.path.join(workdir, f"encoder_layer.b{batch}.torch.safetensors")
                    row["max_abs_err"] = max_abs_err(out, torch_out)
                report["auto_schedules"].append(row)
                log(f"  -> {fmt(t.get('median_ms'), '.3f') if t.get('ok') else 'FAILED: ' + t['error']}")

    if not args.no_gemm_probe:
        report["gemm_probes"] = []
        for probe, (shape, fin, fout) in PROBES.items():
            log(f"GEMM probe {probe} ...")
            w, i = files(probe, shape[0])
            tfx_out = os.path.join(workdir, f"{probe}.tfx.safetensors")
            torch_out = os.path.join(workdir, f"{probe}.torch.safetensors")
            runs = 3 if args.quick else 10
            t, lt, _ = measured(lambda: run_tfx(args.tfx_run, probe, w, i, tfx_out, runs,
                                                args.threads, cache_dir),
                                f"tfx {probe}")
            # netlib PyTorch only for linear_big (3.4 s a run), 3 runs.
            wanted = ("1", "unset", "onednn") if probe == "linear_big" else ("unset", "onednn")
            p, lp, _ = measured(lambda: torch_both_ways(
                probe, w, i, 3 if probe == "linear_big" else runs, args.threads, torch_out,
                warmup=1, variants_wanted=wanted), f"PyTorch {probe}")
            rows = math.prod(shape[:-1])
            g = {"probe": probe, "mnk": f"{rows} x {fout} x {fin}", "tfx": t, "torch": p,
                 "flops": block_flops(probe, shape[0]), "other_load": max(lt, lp)}
            if t.get("ok"):
                g["tfx_gflops"] = stats.giga_per_s(g["flops"], t["median_ms"])
                g["max_abs_err"] = max_abs_err(tfx_out, torch_out)
            if p.get("onednn_ms"):
                g["onednn_gflops"] = stats.giga_per_s(g["flops"], p["onednn_ms"])
            if probe == "linear_big" and p.get("median_ms"):
                g["torch_gflops"] = stats.giga_per_s(g["flops"], p["median_ms"])
            report["gemm_probes"].append(g)
            log(f"  -> tfx {fmt(g.get('tfx_gflops'), '.1f')} GFLOP/s, PyTorch+oneDNN "
                f"{fmt(g.get('onednn_gflops'), '.1f')} GFLOP/s [others used "
                f"{g['other_load']:.0%}]")

    roofline("end")
    peak, bw = roof["sgemm_peak_gflops"], roof["bandwidth_gbs"]
    for row in report["blocks"]:
        if "gflops" in row:
            row["pct_peak"] = stats.percent(row["gflops"], peak)
        if "gbs" in row:
            row["pct_bw"] = stats.percent(row["gbs"], bw)
    for g in report.get("gemm_probes", []):
        if "tfx_gflops" in g:
            g["tfx_pct_peak"] = stats.percent(g["tfx_gflops"], peak)
    mtime_end = tools.built(args.tfx_run)
    if mtime_end != report["tfx_run_mtime"]:
        report["warning"] = (f"build/bin/tfx-run was rebuilt during the suite "
                             f"({report['tfx_run_mtime']} -> {mtime_end}): the results "
                             f"mix two builds; run again")
        log("WARNING: " + report["warning"])
    rpt.finish(report, render, t_start, args.out_md, args.out_json)
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
