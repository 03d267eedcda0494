#!/usr/bin/python3
"""Distillation training throughput: tfx-distill vs PyTorch eager.

    /usr/bin/python3 bench/distill_bench.py                 # sizes xs, s, m
    /usr/bin/python3 bench/distill_bench.py --sizes xs --torch-steps 3

One ALR site MLP of the "Rethinking Attention" teacher (REFERENCE.md
section 2): 6400 inputs -> hidden -> 6400 outputs, hidden 25 / 50 / 800 for
XS / S / M, trained with Adam on batches of 200 sentences, 2 threads.

* tfx: `tfx-distill examples/models/teacher.mlir` with random teacher
  weights and 2200 random calibration sentences (tfx-modelgen, seed 1),
  `--replace "mode=alr sites=enc-sa layers=0 size=S" --epochs 3
  --batch-size 200 --threads 2`. Every epoch prints `N samples/s` on stderr
  (training rows / epoch wall time: row gathering, forward, backward and
  Adam; the teacher capture before training is not in it). The median over
  the epochs is reported (the first epoch also compiles or loads kernels).
  Each size runs twice on a kernel cache of its own (TFX_CACHE_DIR): first
  with the cache empty, as a run on new data is (this is the tfx number),
  then the identical command again ("replay"), when every kernel, including
  the ones that are specific to one batch, is already on disk. The kernels
  each run compiled are counted from the cache directory.
* PyTorch: the same MLP (LayerNorm(6400) -> Linear(6400, h) ->
  LeakyReLU(0.01) -> LayerNorm(h) -> Linear(h, 6400)), input and output
  multiplied by the padding mask, loss = masked MSE (sum over valid elements
  / valid count), Adam(betas (0.9, 0.98), eps 1e-9, lr 1e-4), batch 200 of
  random data of the same shapes, torch.set_num_threads(2). Steps (forward +
  backward + Adam) are timed after warm-up; samples/s = 200 / median step.
  Run in subprocesses with OPENBLAS_NUM_THREADS=1 and with it unset; the
  faster is the peer. A third, informational run sends the two Linears
  (forward and the two backward GEMMs) through oneDNN
  (torch._C._nn.mkldnn_linear), since this Debian PyTorch links the
  reference (netlib) BLAS.

Effective GFLOP/s of tfx counts the three GEMM passes only: forward
2 N (F h + h O) FLOPs, backward twice that, N rows per second.

Before every measurement the script waits (up to 15 min) until no other
benchmark (run_benchmarks.py, run.py, `tfx-run ... --bench`) runs and
records the share of the CPUs other processes used meanwhile.

Writes bench/results/distill-latest.md (also printed) and
bench/results/distill-latest.json.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no bench/__pycache__ entries from the imports below
from tfxbench import BIN, REPO, RESULTS, machine, peers, stats, tools  # noqa: E402
from tfxbench import report as rpt  # noqa: E402

FEATURES = 6400  # 50 positions x 128 features, flattened
LENGTH, D = 50, 128
HIDDEN = {"xs": 25, "s": 50, "m": 800, "l": 3200}
PROGRESS_RE = re.compile(r"epoch (\d+)/(\d+)\s+train [0-9.eE+-]+\s+held-out [0-9.eE+-]+\s+"
                         r"([0-9.]+) samples/s")
fmt = rpt.formatter(".1f")


def sgemm_peak():
    """(GFLOP/s, source) from bench/results/latest.json if it has one."""
    path = os.path.join(RESULTS, "latest.json")
    try:
        with open(path) as f:
            roof = json.load(f)["roofline"]
        return (float(roof["sgemm_peak_gflops"]),
                f"bench/results/latest.json ({roof['sgemm_peak_source']})")
    except OSError:
        return 200.0, "assumed (no bench/results/latest.json)"
    except (ValueError, KeyError, TypeError):
        return 200.0, "assumed (no peak in bench/results/latest.json)"


# ---------------------------------------------------------------------------
# FLOPs.
# ---------------------------------------------------------------------------

def train_flops_per_row(hidden, inputs=FEATURES, outputs=FEATURES):
    """Forward 2 (F h + h O) per row; backward (dX and dW GEMMs) twice that."""
    return 3 * 2 * (inputs * hidden + hidden * outputs)


# ---------------------------------------------------------------------------
# PyTorch worker (torch imported only here, after the environment is set).
# ---------------------------------------------------------------------------

def worker_torch(args):
    import torch
    import torch.nn as nn
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    h, n = args.hidden, args.batch_size

    if args.linear == "onednn":
        class OneDNNLinear(torch.autograd.Function):
            """y = x W^T + b with all three GEMMs through oneDNN."""

            @staticmethod
            def forward(ctx, x, w, b):
                ctx.save_for_backward(x, w)
                return torch._C._nn.mkldnn_linear(x.to_mkldnn(), w.to_mkldnn(),
                                                  b.to_mkldnn()).to_dense()

            @staticmethod
            def backward(ctx, gy):
                x, w = ctx.saved_tensors
                gym = gy.contiguous().to_mkldnn()
                gx = torch._C._nn.mkldnn_linear(gym, w.t().contiguous().to_mkldnn(),
                                                None).to_dense()
                gw = torch._C._nn.mkldnn_linear(gy.t().contiguous().to_mkldnn(),
                                                x.t().contiguous().to_mkldnn(), None).to_dense()
                return gx, gw, gy.sum(0)

        class Linear(nn.Linear):
            def forward(self, x):
                return OneDNNLinear.apply(x, self.weight, self.bias)
    else:
        Linear = nn.Linear

    mlp = nn.Sequential(nn.LayerNorm(FEATURES), Linear(FEATURES, h), nn.LeakyReLU(0.01),
                        nn.LayerNorm(h), Linear(h, FEATURES))
    opt = torch.optim.Adam(mlp.parameters(), lr=1e-4, betas=(0.9, 0.98), eps=1e-9)
    gen = torch.Generator().manual_seed(1)
    lengths = torch.randint(5, LENGTH + 1, (n,), generator=gen)
    mask = (torch.arange(LENGTH)[None, :] < lengths[:, None]).float()
    mask = mask[:, :, None].expand(n, LENGTH, D).reshape(n, FEATURES).contiguous()
    x = torch.randn(n, FEATURES, generator=gen) * mask
    y = torch.randn(n, FEATURES, generator=gen) * mask
    valid = mask.sum()

    def step():
        opt.zero_grad(set_to_none=True)
        out = mlp(x * mask) * mask
        loss = ((out - y) ** 2 * mask).sum() / valid
        loss.backward()
        opt.step()
        return float(loss)

    for _ in range(args.warmup):
        step()
    times = []
    for _ in range(args.steps):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    summary = stats.summary(times, "_step_s")
    print(json.dumps({**summary, "steps": args.steps,
                      "samples_per_s": n / summary["median_step_s"],
                      "torch_threads": torch.get_num_threads()}))


def run_torch(args, size, variant):
    hidden = HIDDEN[size]
    # netlib BLAS runs ~5 GFLOP/s: few steps for the big size.
    steps = args.torch_steps or (3 if hidden >= 800 and variant != "onednn" else 10)
    warmup = 1 if hidden >= 800 else 2
    worker = ["--worker", "--hidden", str(hidden), "--batch-size", str(args.batch_size),
              "--threads", str(args.threads), "--steps", str(steps), "--warmup", str(warmup),
              "--linear", "onednn" if variant == "onednn" else "default"]
    try:
        res = peers.run_worker(__file__, worker, variant, timeout=1200)
    except peers.WorkerError as e:
        return {"ok": False, "error": str(e)[-500:]}
    res["ok"] = True
    return res


# ---------------------------------------------------------------------------
# tfx-distill.
# ---------------------------------------------------------------------------

def replace_option(size):
    return f"mode=alr sites=enc-sa layers=0 size={size}"


def distill_cmd(args, work, size):
    return [os.path.join(BIN, "tfx-distill"), os.path.join(REPO, "examples", "models",
                                                           "teacher.mlir"),
            "--weights", os.path.join(work, "teacher.safetensors"),
            "--calibration", os.path.join(work, "cal.safetensors"),
            "--replace", replace_option(size), "--epochs", str(args.epochs),
            "--batch-size", str(args.batch_size), "--threads", str(args.threads),
            "--out-weights", os.path.join(work, f"mlp-{size}.safetensors"),
            "--out-model", os.path.join(work, f"replaced-{size}.mlir")]


def run_tfx(args, work, size, cache):
    """One tfx-distill run with the kernel cache in `cache`."""
    cmd = distill_cmd(args, work, size)
    env = dict(os.environ, TFX_CACHE_DIR=cache)
    before = set(os.listdir(cache)) if os.path.isdir(cache) else set()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, env=env)
    wall = time.perf_counter() - t0
    rates = [float(m.group(3)) for m in PROGRESS_RE.finditer(proc.stderr)]
    if proc.returncode != 0 or not rates:
        return {"ok": False, "error": proc.stderr.strip()[-500:], "wall_s": wall}
    cap = re.search(r"captured .* in (\S+)", proc.stderr)
    compiled = {}
    for f in set(os.listdir(cache)) - before if os.path.isdir(cache) else ():
        if f.endswith(".so") and not f.startswith("halide-runtime"):
            kind = f.rsplit("-", 1)[0]
            compiled[kind] = compiled.get(kind, 0) + 1
    return {"ok": True, "epoch_samples_per_s": rates, "samples_per_s": statistics.median(rates),
            "capture": cap.group(1) if cap else None, "wall_s": wall,
            "kernels_compiled": compiled,
            "progress": [ln for ln in proc.stderr.splitlines() if "tfx-distill" in ln]}


# ---------------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------------

def render(r):
    m = r["machine"]
    peak, peak_src = r["sgemm_peak_gflops"], r["sgemm_peak_source"]
    out = [f"# Distillation training throughput ({m['date']})", "",
           f"Command: `{r['command']}`  ",
           rpt.machine_line(m, "2 threads everywhere"),
           rpt.source_line(r["source"]),
           *rpt.load_lines(r), "",
           "One ALR site MLP (6400 -> hidden -> 6400), batch 200, Adam. tfx: "
           "`tfx-distill` on examples/models/teacher.mlir (random weights, 2200 random "
           f"sentences, {r['holdout_rows']} of them held out, so {r['train_rows']} training rows "
           f"per epoch), median over {r['epochs']} epochs of the `samples/s` progress lines. "
           "PyTorch: the same MLP in eager mode, 200 / median step time (forward + backward + "
           "Adam) after warm-up; *PyTorch* is the faster of OPENBLAS_NUM_THREADS=1 (`1`) and "
           "unset (`unset`) and is the peer; *PyTorch+oneDNN* (information) routes the Linears' "
           "forward and backward GEMMs through oneDNN. GFLOP/s = 3 GEMM passes, "
           f"6 N (F h + h O) FLOPs; % of the sgemm peak {fmt(peak)} GFLOP/s ({peak_src}).", "",
           "*tfx* is a run with a fresh kernel cache (TFX_CACHE_DIR in the work directory), "
           "as any run on new data; *tfx replay* repeats the identical command with every "
           "kernel already on disk (see the kernel counts below).", "",
           "| size | hidden | tfx samples/s | PyTorch samples/s (setting) | tfx / PyTorch "
           "| tfx GFLOP/s | % sgemm peak | tfx replay samples/s | replay / PyTorch "
           "| replay GFLOP/s (% peak) | PyTorch+oneDNN samples/s | others' CPU (tfx / torch) |",
           "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in r["rows"]:
        t, p, rp = row["tfx"], row["torch"], row.get("tfx_replay", {})
        peer = (f"{fmt(p['samples_per_s'])} ({p['peer']})" if p.get("samples_per_s") else "–")
        out.append(
            f"| {row['size'].upper()} | {row['hidden']} | "
            f"{fmt(t.get('samples_per_s')) if t.get('ok') else 'FAILED'} | {peer} | "
            f"{fmt(row.get('ratio'), '.2f')}× | {fmt(row.get('gflops'))} | "
            f"{fmt(row.get('pct_peak'))} | {fmt(rp.get('samples_per_s'))} | "
            f"{fmt(row.get('replay_ratio'), '.2f')}× | {fmt(row.get('replay_gflops'))} "
            f"({fmt(row.get('replay_pct_peak'))}) | {fmt(p.get('onednn_samples_per_s'))} | "
            f"{row['load_tfx']:.0%} / {row['load_torch']:.0%} |")
    out += ["", "Every measurement (samples/s) and the kernels each tfx run compiled:", "",
            "| size | tfx per epoch | tfx replay per epoch | PyTorch OPENBLAS_NUM_THREADS=1 "
            "| PyTorch unset | PyTorch+oneDNN | MFLOP per row | kernels compiled (tfx run) "
            "| kernels compiled (replay) |", "|---|---|---|---:|---:|---:|---:|---|---|"]
    for row in r["rows"]:
        v = row["torch"].get("variants", {})
        eps = ", ".join(f"{x:.0f}" for x in row["tfx"].get("epoch_samples_per_s", []))
        reps = ", ".join(f"{x:.0f}" for x in row.get("tfx_replay", {})
                         .get("epoch_samples_per_s", []))

        def kernels(res):
            k = res.get("kernels_compiled") or {}
            return ", ".join(f"{n} {c}" for n, c in sorted(k.items(), key=lambda kv: -kv[1])) \
                or "none"
        out.append(f"| {row['size'].upper()} | {eps or '–'} | {reps or '–'} | "
                   + " | ".join(fmt(v.get(k, {}).get("samples_per_s"))
                                for k in ("1", "unset", "onednn"))
                   + f" | {row['flops_per_row'] / 1e6:.1f} | {kernels(row['tfx'])} | "
                   f"{kernels(row.get('tfx_replay', {}))} |")
    out += ["", "tfx-distill commands (weights and calibration from "
            f"`{r['modelgen_cmd']}`):", ""]
    for row in r["rows"]:
        out.append(f"    {row['tfx_cmd']}")
    out += ["", f"Wall time: {r['wall_s']:.0f} s.", ""]
    return "\n".join(out)


def show(cmd, work):
    """A command line as it would be typed in the repository (tools in build/bin)."""
    out = []
    for a in cmd:
        a = a.replace(os.path.join(work, "bin"), "build/bin").replace(work, "$WORK")
        a = os.path.relpath(a, REPO) if a.startswith(REPO) else a
        out.append(f'"{a}"' if " " in a else a)
    return " ".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--hidden", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--steps", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--warmup", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--linear", default="default", help=argparse.SUPPRESS)
    ap.add_argument("--sizes", default="xs,s,m")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--sentences", type=int, default=2200)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--torch-steps", type=int, default=0,
                    help="timed PyTorch steps (default 10, 3 for hidden >= 800 on netlib)")
    ap.add_argument("--wait-benchmarks", type=float, default=900)
    ap.add_argument("--wait-quiet", type=float, default=60)
    ap.add_argument("--out-md", default=os.path.join(RESULTS, "distill-latest.md"))
    ap.add_argument("--out-json", default=os.path.join(RESULTS, "distill-latest.json"))
    args = ap.parse_args()
    if args.worker:
        worker_torch(args)
        return 0

    log = rpt.log
    measured = machine.Measurer(log, args.wait_quiet, retries=1, threshold=0.15,
                                benchmarks_s=args.wait_benchmarks)
    t_start = time.perf_counter()
    peak, peak_src = sgemm_peak()
    report = {"command": rpt.command_line(__file__, sys.argv[1:]),
              "machine": machine.machine_info(),
              "source": tools.source_info(["tfx-distill", "tfx-modelgen"]),
              "load_before": machine.uptime(), "epochs": args.epochs,
              "batch_size": args.batch_size, "threads": args.threads,
              "sgemm_peak_gflops": peak, "sgemm_peak_source": peak_src, "rows": []}
    global BIN
    holdout = max(1, int(args.sentences * 0.1))  # tfx-distill's default --holdout 0.1
    report["holdout_rows"], report["train_rows"] = holdout, args.sentences - holdout
    with tempfile.TemporaryDirectory(prefix="tfx-distill-bench-") as work:
        BIN = tools.snapshot(["tfx-distill", "tfx-modelgen"], os.path.join(work, "bin"))
        modelgen = [os.path.join(BIN, "tfx-modelgen"),
                    os.path.join(REPO, "examples", "models", "configs", "teacher.json"),
                    "-o", "/dev/null", "--random-weights", os.path.join(work, "teacher.safetensors"),
                    "--example-inputs", os.path.join(work, "cal.safetensors"),
                    "--batch", str(args.sentences), "--seed", "1"]
        subprocess.run(modelgen, check=True)
        report["modelgen_cmd"] = show(modelgen, work)
        for size in args.sizes.split(","):
            hidden = HIDDEN[size]
            row = {"size": size, "hidden": hidden, "flops_per_row": train_flops_per_row(hidden)}
            cmd = distill_cmd(args, work, size)
            row["tfx_cmd"] = show(cmd, work)
            log(f"tfx-distill size={size} (hidden {hidden}) ...")
            # Fresh kernel cache (what a run on new data sees), then the same run again
            # with every kernel on disk ("replay": identical batches hit the cache).
            cache = os.path.join(work, f"kernels-{size}")
            row["tfx"], row["load_tfx"], _ = measured(
                lambda: run_tfx(args, work, size, cache), "tfx")
            log(f"  -> {row['tfx'].get('epoch_samples_per_s') or row['tfx'].get('error')} "
                f"compiled {row['tfx'].get('kernels_compiled')}")
            row["tfx_replay"], ld, _ = measured(lambda: run_tfx(args, work, size, cache),
                                                "tfx replay")
            row["load_tfx"] = max(row["load_tfx"], ld)
            log(f"  replay -> {row['tfx_replay'].get('epoch_samples_per_s')} "
                f"compiled {row['tfx_replay'].get('kernels_compiled')}")
            variants, load_torch = {}, 0.0
            for variant in peers.VARIANTS:
                log(f"PyTorch size={size} OPENBLAS/linear={variant} ...")
                res, ld, _ = measured(lambda: run_torch(args, size, variant), "torch")
                load_torch = max(load_torch, ld)
                variants[variant] = res
                log(f"  -> {res.get('samples_per_s', res.get('error'))}")
            torch_res = {"variants": variants}
            peer, peer_sps = peers.choose_peer(variants, "samples_per_s", better=max)
            if peer:
                torch_res.update(peer=peer, samples_per_s=peer_sps)
            if variants["onednn"].get("ok"):
                torch_res["onednn_samples_per_s"] = variants["onednn"]["samples_per_s"]
            row["torch"], row["load_torch"] = torch_res, load_torch
            if row["tfx"].get("ok"):
                sps = row["tfx"]["samples_per_s"]
                row["gflops"] = sps * row["flops_per_row"] / 1e9
                row["pct_peak"] = stats.percent(row["gflops"], peak)
                if torch_res.get("samples_per_s"):
                    row["ratio"] = stats.ratio(sps, torch_res["samples_per_s"])
                if row["tfx_replay"].get("ok") and torch_res.get("samples_per_s"):
                    rsps = row["tfx_replay"]["samples_per_s"]
                    row["replay_gflops"] = rsps * row["flops_per_row"] / 1e9
                    row["replay_pct_peak"] = stats.percent(row["replay_gflops"], peak)
                    row["replay_ratio"] = stats.ratio(rsps, torch_res["samples_per_s"])
                if torch_res.get("onednn_samples_per_s"):
                    row["ratio_onednn"] = stats.ratio(sps, torch_res["onednn_samples_per_s"])
            report["rows"].append(row)
    rpt.finish(report, render, t_start, args.out_md, args.out_json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
