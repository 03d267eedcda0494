#!/usr/bin/python3
"""tfx benchmark suite: Transformer blocks at the "Rethinking Attention"
teacher sizes (d_model 128, 8 heads, FFN 512, length 50) vs PyTorch eager.

    /usr/bin/python3 bench/run_benchmarks.py [--quick] [--blocks a,b] [--batches 1,32]

For every block of bench/models/ and batch size (default 1, 32, 256):

* random weights and inputs are written once (safetensors, the weights by the
  PyTorch reference modules of test/golden/make_golden.py, whose state_dict
  names are the blocks' tfx.param names);
* `tfx-run --bench N --threads 2` gives the tfx latency (median of N runs
  after a warm-up run that compiles the kernels);
* PyTorch eager (same module, torch.set_num_threads(2), torch.no_grad(), the
  same N after warm-up) is timed in a subprocess twice, with
  OPENBLAS_NUM_THREADS=1 and with it unset; the faster is the peer;
* the tfx output is compared with PyTorch's (max abs error).

The roofline numbers are measured on this machine: sgemm peak (2048^3 fp32
at 2 threads, best of a few, by every GEMM PyTorch offers here) and memory
bandwidth (large copies). Each tfx result gets achieved GFLOP/s (FLOP
formulas in `block_flops`), its fraction of the sgemm peak, and at batch 1
the bytes moved (weights read once + inputs + outputs) per second.

The encoder layer is also run with the Halide auto-schedulers (adams2019,
mullapudi2016) at batch 1 and 32, and a large linear layer (GEMM probe,
bench/models/linear_big.mlir) gives the GEMM kernel's own GFLOP/s.

Writes bench/results/latest.md (the Markdown printed to stdout) and
bench/results/latest.json (raw numbers).
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
MODELS = os.path.join(HERE, "models")
RESULTS = os.path.join(HERE, "results")
sys.path.insert(0, os.path.join(REPO, "test", "golden"))
import safetensors_io  # noqa: E402

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
    "linear_big": "linear_big.mlir",
}
PREFIX = {
    "attention": "encoder.layers.0.",
    "ffn": "encoder.layers.0.",
    "encoder_layer": "encoder.layers.0.",
    "decoder_layer": "decoder.layers.0.",
    "linear_big": "linear.",
}
# GEMM probe: [4096, 512] x [2048, 512]^T.
BIG_ROWS, BIG_IN, BIG_OUT = 4096, 512, 2048
AUTO_SCHEDULES = ["adams2019", "mullapudi2016"]
AUTO_BATCHES = [1, 32]
LATENCY_RE = re.compile(r"latency over (\d+) runs: min ([0-9.]+) ms, median ([0-9.]+) ms, "
                        r"max ([0-9.]+) ms")


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
    elif block == "linear_big":
        return 2 * batch * BIG_IN * BIG_OUT  # batch = rows here
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
    return {
        "attention": (AttentionBlock,
                      lambda m, i: m(i["x"], i["ids"] != pad)),
        "ffn": (FFNBlock, lambda m, i: m(i["x"])),
        "encoder_layer": (lambda: mg.EncoderLayer(D, HEADS, FFN_DIM),
                          lambda m, i: m(i["x"], i["ids"] != pad)),
        "decoder_layer": (lambda: mg.DecoderLayer(D, HEADS, FFN_DIM),
                          lambda m, i: m(i["x"], i["tgt_ids"] != pad, i["memory"],
                                         i["src_ids"] != pad)),
        "linear_big": (lambda: nn.Linear(BIG_IN, BIG_OUT), lambda m, i: m(i["x"])),
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
    if block == "linear_big":
        return {"x": rng.standard_normal((batch, BIG_IN)).astype(np.float32)}
    raise ValueError(block)


# ---------------------------------------------------------------------------
# Subprocess workers (torch is imported there, after the environment is set).
# ---------------------------------------------------------------------------

def worker_torch(args):
    """Times PyTorch eager on one block; prints a JSON line."""
    import torch
    factory, forward = torch_modules()[args.block]  # imports make_golden (sets 1 thread)
    torch.set_num_threads(args.threads)
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
    print(json.dumps({"median_ms": statistics.median(times), "min_ms": min(times),
                      "max_ms": max(times), "runs": args.runs,
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
        fn()  # warm-up
        best = math.inf
        for _ in range(reps):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        return flop / best / 1e9

    # torch.matmul: whatever BLAS torch is linked with (here: check the notes).
    c = torch.empty(n, n)
    out["sgemm"]["torch.matmul"] = best_gflops(lambda: torch.matmul(a, b, out=c),
                                               args.matmul_reps)
    # The same product through oneDNN (torch's mkldnn_linear: a @ b^T).
    try:
        am, bm = a.to_mkldnn(), b.to_mkldnn()
        out["sgemm"]["oneDNN (torch mkldnn_linear)"] = best_gflops(
            lambda: torch._C._nn.mkldnn_linear(am, bm, None), 8)
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
        fn()
        best = math.inf
        for _ in range(reps):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        return nbytes / best / 1e9

    out["bandwidth"]["torch copy_ (2 threads)"] = best_gbs(lambda: dst.copy_(src))
    s_np, d_np = src.numpy(), dst.numpy()
    out["bandwidth"]["numpy copyto (1 thread)"] = best_gbs(lambda: np.copyto(d_np, s_np))
    print(json.dumps(out))


def run_worker(kind, extra, env_updates=None, env_remove=(), timeout=1800):
    env = dict(os.environ)
    for k in env_remove:
        env.pop(k, None)
    env.update(env_updates or {})
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", kind] + extra
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"worker {kind} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------
# tfx-run.
# ---------------------------------------------------------------------------

def run_tfx(tfx_run, block, weights, inputs, outputs, runs, threads, cache_dir,
            schedule="manual", timeout=900):
    cmd = [tfx_run, os.path.join(MODELS, IR[block]), "--entry", "main",
           "--weights", weights, "--inputs", inputs, "--threads", str(threads),
           "--bench", str(runs), "--schedule", schedule, "--cache-dir", cache_dir, "-v"]
    if outputs:
        cmd += ["--outputs", outputs]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": f"timed out after {timeout} s", "cmd": cmd}
    wall = time.perf_counter() - t0
    m = LATENCY_RE.search(proc.stdout)
    if proc.returncode != 0 or not m:
        err = (proc.stderr.strip() or proc.stdout.strip()).splitlines()
        return {"ok": False, "error": " | ".join(err[-3:]) or f"exit {proc.returncode}",
                "returncode": proc.returncode, "wall_s": wall, "cmd": cmd}
    res = {"ok": True, "runs": int(m.group(1)), "min_ms": float(m.group(2)),
           "median_ms": float(m.group(3)), "max_ms": float(m.group(4)), "wall_s": wall,
           "cmd": cmd}
    v = re.search(r"first run ([0-9.]+) s \((\d+) kernels compiled in ([0-9.]+) s, (\d+) from",
                  proc.stderr)
    if v:
        res.update(first_run_s=float(v.group(1)), kernels=int(v.group(2)),
                   compile_s=float(v.group(3)), disk_hits=int(v.group(4)))
    v = re.search(r"(\d+) kernel launches, (\d+) buffers allocated, (\d+) reused, peak (\d+) bytes",
                  proc.stderr)
    if v:
        res.update(launches=int(v.group(1)), buffers=int(v.group(2)),
                   buffers_reused=int(v.group(3)), peak_bytes=int(v.group(4)))
    return res


# ---------------------------------------------------------------------------
# Machine description.
# ---------------------------------------------------------------------------

def machine_info():
    info = {"python": platform.python_version(), "date": datetime.datetime.now().isoformat(
        timespec="seconds")}
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for key in ("Model name", "CPU(s)", "Thread(s) per core", "L2 cache", "L3 cache"):
            m = re.search(rf"^{re.escape(key)}:\s*(.+)$", lscpu, re.M)
            if m:
                info[key] = m.group(1).strip()
        m = re.search(r"^Flags:.*$", lscpu, re.M)
        if m:
            info["simd"] = " ".join(f for f in ("avx2", "fma", "avx512f") if f" {f}" in m.group(0))
    except OSError:
        pass
    info["load"] = uptime()
    return info


def uptime():
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def loadavg1():
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def cpu_jiffies():
    """(total, idle) jiffies of all CPUs from /proc/stat."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return sum(v), v[3] + v[4]


def cpu_busy(seconds=1.0):
    """Fraction of all cores busy over `seconds` (we are idle meanwhile)."""
    a = cpu_jiffies()
    time.sleep(seconds)
    b = cpu_jiffies()
    total = b[0] - a[0]
    return 1.0 - (b[1] - a[1]) / total if total else 0.0


def wait_quiet(max_wait, threshold=0.10, log=None):
    """Waits (up to max_wait s) until other processes use < threshold of the
    machine; returns the last busy fraction seen."""
    deadline = time.monotonic() + max_wait
    busy = cpu_busy()
    said = False
    while busy >= threshold and time.monotonic() < deadline:
        if log and not said:
            log(f"  machine busy ({busy:.0%} of {os.cpu_count()} cores); waiting up to "
                f"{max_wait} s for it to go quiet ...")
            said = True
        time.sleep(4)
        busy = cpu_busy()
    return busy


class OtherLoad:
    """Measures the CPU time other processes used during a block: all busy
    jiffies minus our children's CPU time, as a fraction of wall x cores."""

    def __enter__(self):
        self.t0 = time.monotonic()
        self.j0 = cpu_jiffies()
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.c0 = ru.ru_utime + ru.ru_stime
        return self

    def __exit__(self, *exc):
        wall = time.monotonic() - self.t0
        j1 = cpu_jiffies()
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        ours = ru.ru_utime + ru.ru_stime - self.c0
        hz = os.sysconf("SC_CLK_TCK")
        busy_s = ((j1[0] - j1[1]) - (self.j0[0] - self.j0[1])) / hz
        self.fraction = max(0.0, (busy_s - ours) / (wall * (os.cpu_count() or 1))) if wall else 0.0
        return False


def measured(fn, args, log, what):
    """Runs fn() on a quiet machine; retries (up to args.retries times) when
    other processes took more than 10% of the machine meanwhile. Returns
    (result, other_load_fraction, attempts)."""
    for attempt in range(1, args.retries + 2):
        wait_quiet(args.wait_quiet, log=log)
        with OtherLoad() as load:
            res = fn()
        if load.fraction < 0.10 or attempt > args.retries:
            return res, load.fraction, attempt
        log(f"  {what}: other processes used {load.fraction:.0%} of the machine; re-running")


# ---------------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------------

def fmt(x, spec=".2f", none="–"):
    return none if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, spec)


def render(report):
    r = report
    peak, bw = r["roofline"]["sgemm_peak_gflops"], r["roofline"]["bandwidth_gbs"]
    lines = [f"# tfx benchmarks ({r['machine']['date']})", ""]
    m = r["machine"]
    lines += [f"Machine: {m.get('Model name', '?')}, {m.get('CPU(s)', '?')} cores "
              f"({m.get('simd', '')}), L2 {m.get('L2 cache', '?')}, L3 {m.get('L3 cache', '?')}; "
              f"--threads {r['threads']}.",
              f"Load before: `{r['load_before']}`",
              f"Load after: `{r['load_after']}`", ""]
    lines += ["## Roofline (measured)", "", "| measurement | value |", "|---|---|"]
    for k, v in r["roofline"]["sgemm"].items():
        lines.append(f"| sgemm 2048³ fp32, {k} | {fmt(v, '.1f')} GFLOP/s |")
    for k, v in r["roofline"]["bandwidth"].items():
        lines.append(f"| memory bandwidth, {k} (256 MiB, read+write) | {fmt(v, '.1f')} GB/s |")
    lines += [f"| **sgemm peak used below** | **{fmt(peak, '.1f')} GFLOP/s** "
              f"({r['roofline']['sgemm_peak_source']}) |",
              f"| **bandwidth used below** | **{fmt(bw, '.1f')} GB/s** |", ""]

    lines += ["## Blocks: tfx vs PyTorch eager", "",
              "Latencies are medians in ms. *peer* = the faster PyTorch eager run "
              "(`1` = OPENBLAS_NUM_THREADS=1, `unset` = variable unset). "
              "GFLOP/s counts GEMM work only (see `block_flops`). "
              "max err = max |tfx − PyTorch| of the output.", "",
              "| block | batch | runs | tfx ms | PyTorch ms (peer) | speedup | MFLOP | "
              "tfx GFLOP/s | % sgemm peak | GB/s (batch 1) | % bandwidth | kernels/launches | "
              "max err | others' CPU |",
              "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in r["blocks"]:
        t, p = row["tfx"], row["torch"]
        if not t.get("ok"):
            tfx_ms = "FAILED"
        else:
            tfx_ms = fmt(t["median_ms"], ".3f")
        peer = f"{fmt(p['median_ms'], '.3f')} ({p['peer']})" if p.get("median_ms") else "–"
        kl = (f"{t.get('kernels', '?')}/{t.get('launches', '?')}" if t.get("ok") else "–")
        lines.append(
            f"| {row['block']} | {row['batch']} | {row['runs']} | {tfx_ms} | {peer} | "
            f"{fmt(row.get('speedup'), '.2f')}× | {fmt(row['flops'] / 1e6, '.1f')} | "
            f"{fmt(row.get('gflops'), '.1f')} | {fmt(row.get('pct_peak'), '.1f')} | "
            f"{fmt(row.get('gbs'), '.2f')} | {fmt(row.get('pct_bw'), '.1f')} | {kl} | "
            f"{fmt(row.get('max_abs_err'), '.2e')} | {row.get('other_load', 0):.0%} |")
    lines += ["", "PyTorch eager, both ways (median ms):", "",
              "| block | batch | OPENBLAS_NUM_THREADS=1 | unset |", "|---|---:|---:|---:|"]
    for row in r["blocks"]:
        v = row["torch"].get("variants", {})
        lines.append(f"| {row['block']} | {row['batch']} | "
                     f"{fmt(v.get('1', {}).get('median_ms'), '.3f')} | "
                     f"{fmt(v.get('unset', {}).get('median_ms'), '.3f')} |")

    lines += ["", "## Encoder layer with the Halide auto-schedulers", "",
              "| schedule | batch | tfx ms (median) | vs manual | kernels | first run (compile) s | "
              "status |", "|---|---:|---:|---:|---:|---:|---|"]
    for row in r["auto_schedules"]:
        t = row["tfx"]
        if t.get("ok"):
            lines.append(f"| {row['schedule']} | {row['batch']} | {fmt(t['median_ms'], '.3f')} | "
                         f"{fmt(row.get('vs_manual'), '.2f')}× | {t.get('kernels', '?')} | "
                         f"{fmt(t.get('first_run_s'), '.1f')} | ok |")
        else:
            err = t.get("error", "?").replace("|", "/")[:300]
            lines.append(f"| {row['schedule']} | {row['batch']} | – | – | – | – | "
                         f"FAILED: {err} |")

    g = r.get("gemm_probe")
    if g:
        lines += ["", "## GEMM probe (bench/models/linear_big.mlir)", "",
                  f"`[{BIG_ROWS}, {BIG_IN}] x [{BIG_OUT}, {BIG_IN}]^T + bias`, "
                  f"{fmt(g['flops'] / 1e9, '.2f')} GFLOP.", "",
                  "| engine | median ms | GFLOP/s | % sgemm peak |", "|---|---:|---:|---:|"]
        t = g["tfx"]
        if t.get("ok"):
            lines.append(f"| tfx (manual schedule) | {fmt(t['median_ms'], '.2f')} | "
                         f"{fmt(g['tfx_gflops'], '.1f')} | {fmt(g['tfx_pct_peak'], '.1f')} |")
        else:
            lines.append(f"| tfx (manual schedule) | FAILED: {t.get('error')} | – | – |")
        p = g["torch"]
        if p.get("median_ms"):
            lines.append(f"| PyTorch eager nn.Linear ({p['peer']}) | {fmt(p['median_ms'], '.2f')} | "
                         f"{fmt(g['torch_gflops'], '.1f')} | {fmt(g['torch_pct_peak'], '.1f')} |")
        lines.append(f"| max abs err tfx vs PyTorch | {fmt(g.get('max_abs_err'), '.2e')} | | |")
    lines += ["", f"Suite wall time: {r['wall_s']:.0f} s.", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Driver.
# ---------------------------------------------------------------------------

def torch_both_ways(block, weights, inputs, runs, threads, outputs):
    """PyTorch eager with OPENBLAS_NUM_THREADS=1 and unset; the faster is the peer."""
    variants = {}
    for name in ("1", "unset"):
        extra = ["--block", block, "--weights", weights, "--inputs", inputs,
                 "--runs", str(runs), "--threads", str(threads)]
        if name == "unset" and outputs:
            extra += ["--outputs", outputs]
        try:
            if name == "1":
                variants[name] = run_worker("torch", extra, {"OPENBLAS_NUM_THREADS": "1"})
            else:
                variants[name] = run_worker("torch", extra, env_remove=["OPENBLAS_NUM_THREADS"])
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            variants[name] = {"error": str(e)}
    ok = {k: v for k, v in variants.items() if "median_ms" in v}
    if not ok:
        return {"variants": variants}
    peer = min(ok, key=lambda k: ok[k]["median_ms"])
    return {"variants": variants, "peer": peer, "median_ms": ok[peer]["median_ms"]}


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
    ap.add_argument("--tfx-run", default=os.path.join(REPO, "build", "bin", "tfx-run"))
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
    ap.add_argument("--matmul-reps", type=int, default=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker == "torch":
        return worker_torch(args) or 0
    if args.worker == "roofline":
        return worker_roofline(args) or 0

    for _ in range(60):  # a rebuild in progress makes it briefly unavailable
        if os.access(args.tfx_run, os.X_OK):
            break
        time.sleep(5)
    if not os.access(args.tfx_run, os.X_OK):
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
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731

    report = {"threads": args.threads, "machine": machine_info(), "load_before": uptime(),
              "command": " ".join([sys.executable] + sys.argv), "blocks": [],
              "auto_schedules": []}
    log(f"workdir {workdir}; load: {report['load_before']}")

    log("roofline: sgemm peak and memory bandwidth ...")
    roof, lr, _ = measured(lambda: run_worker("roofline", [
        "--threads", str(args.threads), "--matmul-reps", "1" if args.quick else "2"],
        env_remove=["OPENBLAS_NUM_THREADS"]), args, log, "roofline")
    roof["other_load"] = lr
    sg = {k: v for k, v in roof["sgemm"].items() if v}
    peak_src = max(sg, key=sg.get)
    roof["sgemm_peak_gflops"], roof["sgemm_peak_source"] = sg[peak_src], peak_src
    roof["bandwidth_gbs"] = max(roof["bandwidth"].values())
    report["roofline"] = roof
    log(f"  sgemm {roof['sgemm']}, bandwidth {roof['bandwidth']}")

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
            load0 = loadavg1()
            t, lt, at = measured(lambda: run_tfx(args.tfx_run, block, w, i, tfx_out, runs,
                                                 args.threads, cache_dir),
                                 args, log, f"tfx {block} batch {batch}")
            p, lp, ap_ = measured(lambda: torch_both_ways(block, w, i, runs, args.threads,
                                                          torch_out),
                                  args, log, f"PyTorch {block} batch {batch}")
            row = {"block": block, "batch": batch, "runs": runs, "tfx": t, "torch": p,
                   "flops": block_flops(block, batch), "loadavg1": load0,
                   "other_load": max(lt, lp), "attempts": [at, ap_]}
            if t.get("ok"):
                manual[(block, batch)] = t["median_ms"]
                row["gflops"] = row["flops"] / (t["median_ms"] * 1e-3) / 1e9
                row["pct_peak"] = 100 * row["gflops"] / roof["sgemm_peak_gflops"]
                if batch == 1:
                    nbytes = os.path.getsize(w) + os.path.getsize(i) + (
                        os.path.getsize(tfx_out) if os.path.exists(tfx_out) else 0)
                    row["bytes_moved"] = nbytes
                    row["gbs"] = nbytes / (t["median_ms"] * 1e-3) / 1e9
                    row["pct_bw"] = 100 * row["gbs"] / roof["bandwidth_gbs"]
                if p.get("median_ms"):
                    row["speedup"] = p["median_ms"] / t["median_ms"]
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
                                    args, log, f"{schedule} batch {batch}")
                row = {"schedule": schedule, "batch": batch, "runs": runs, "tfx": t,
                       "other_load": lt}
                if t.get("ok"):
                    base = manual.get(("encoder_layer", batch))
                    row["vs_manual"] = base / t["median_ms"] if base else None
                    torch_out = os.path.join(workdir, f"encoder_layer.b{batch}.torch.safetensors")
                    row["max_abs_err"] = max_abs_err(out, torch_out)
                report["auto_schedules"].append(row)
                log(f"  -> {fmt(t.get('median_ms'), '.3f') if t.get('ok') else 'FAILED: ' + t['error']}")

    if not args.no_gemm_probe:
        log("GEMM probe linear_big ...")
        runs = 3 if args.quick else 10
        w, i = files("linear_big", BIG_ROWS)
        tfx_out = os.path.join(workdir, "linear_big.tfx.safetensors")
        torch_out = os.path.join(workdir, "linear_big.torch.safetensors")
        t, lt, _ = measured(lambda: run_tfx(args.tfx_run, "linear_big", w, i, tfx_out, runs,
                                            args.threads, cache_dir), args, log, "linear_big")
        p, lp, _ = measured(lambda: torch_both_ways("linear_big", w, i, 3 if args.quick else 5,
                                                    args.threads, torch_out),
                            args, log, "PyTorch linear_big")
        g = {"tfx": t, "torch": p, "flops": block_flops("linear_big", BIG_ROWS),
             "other_load": max(lt, lp)}
        if t.get("ok"):
            g["tfx_gflops"] = g["flops"] / (t["median_ms"] * 1e-3) / 1e9
            g["tfx_pct_peak"] = 100 * g["tfx_gflops"] / roof["sgemm_peak_gflops"]
            g["max_abs_err"] = max_abs_err(tfx_out, torch_out)
        if p.get("median_ms"):
            g["torch_gflops"] = g["flops"] / (p["median_ms"] * 1e-3) / 1e9
            g["torch_pct_peak"] = 100 * g["torch_gflops"] / roof["sgemm_peak_gflops"]
        report["gemm_probe"] = g
        log(f"  -> tfx {fmt(g.get('tfx_gflops'), '.1f')} GFLOP/s, "
            f"torch {fmt(g.get('torch_gflops'), '.1f')} GFLOP/s")

    report["load_after"] = uptime()
    report["wall_s"] = time.perf_counter() - t_start
    md = render(report)
    print(md)
    for path in (args.out_md, args.out_json):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(args.out_md, "w") as f:
        f.write(md)
    with open(args.out_json, "w") as f:
        json.dump(report, f, indent=1, default=str)
        f.write("\n")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
