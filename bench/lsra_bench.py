#!/usr/bin/python3
"""LSRA block latency: fused (tfx-opt --fuse-lsra) vs unfused vs PyTorch eager.

    /usr/bin/python3 bench/lsra_bench.py                     # everything (~10 min)
    /usr/bin/python3 bench/lsra_bench.py --quick --forms enc --dims 160 --lengths 30 --batches 1

One Lite Transformer LSRA block (REFERENCE.md section 3) per configuration:
d_model 160, 240, 320, 496; length 30, 50; batch 1, 32, 256. The block
splits the channels in two halves of w = d/2: self-attention (4 heads, q/k/v/
out projections w -> w) on channels [0, w); Linear(w -> 2w) + GLU, padded
positions zeroed, a convolution with 4 heads and kernel 7, Linear(w -> w) on
channels [w, d); the two halves concatenated. Two forms, as in
examples/models/lite.mlir:

* enc: key padding mask on the attention, lightweight convolution (softmax-
  normalised [4, 7] kernel), centred padding; input x [?, L, d] and
  src_ids [?, L] (the padding masks are tfx.padding_mask(src_ids)).
* dec: causal attention with the key padding mask of tgt_ids, dynamic
  convolution (kernel predicted per position by Linear(w -> 4*7) + softmax),
  causal padding; input x [?, L, d] and tgt_ids [?, L].

Variants:

* unfused: the block IR as written here (one `func.func @main`, the same ops
  and parameter names as a layer of the generated Lite models, prefix
  `lsra.`; check with `build/bin/tfx-opt FILE`);
* fused: `tfx-opt --fuse-lsra` of it (one tfx.lsra op; the script checks it);
* PyTorch eager: test/golden/make_golden.py's `LSRA` module (the oracle the
  test suite checks tfx against) with the same weights,
  torch.set_num_threads(2), torch.no_grad(). As in bench/run_benchmarks.py it
  runs in subprocesses with OPENBLAS_NUM_THREADS=1 and with it unset, and the
  faster is the peer; a third, informational run sends every F.linear through
  oneDNN (this Debian PyTorch links the reference netlib BLAS).

Method:

* Check first: at batch 4 every (form, d, L) runs unfused and fused once
  (which also compiles every kernel into the suite's kernel cache) and the
  outputs are compared with test/golden/compare.py: fused against unfused,
  and both against PyTorch on the same weights (tolerance 1e-4 relative).
  At every benchmarked batch the outputs are compared again.
* tfx: `tfx-run MODEL --threads 2 --bench N --cache-dir CACHE --stats-json F`,
  the kernel cache already warm (the first, untimed run only loads the
  kernels). tfx-run's median of N runs (from F) is the number. Unfused and fused alternate,
  U F U F (--rounds 2), and each variant's faster median is reported (both
  are in the JSON). N = 100 / 30 / 10 at batch 1 / 32 / 256.
* PyTorch: warm-up, then the median of N = 30 / 10 / 5 runs at batch
  1 / 32 / 256 (netlib BLAS runs ~5 GFLOP/s).
* Each measurement waits for other benchmarks to finish and for a quiet
  machine, and is re-run once when other processes used >= 15% of the CPUs
  meanwhile (tfxbench.machine.Measurer, as bench/distill_bench.py); the
  share is reported.
* Profile (--profile): a few configurations run again with
  HL_JIT_TARGET=host-profile (Halide's sampling profiler; tfx-run --no-cache,
  so kernels are JIT-compiled with the profiler) to see per kernel (unfused)
  and per stage (fused) where the time goes. Profiled times are sums over
  all runs of the per-run reports; they are shares, not latencies.

Mult-adds (MACs) per sequence of L positions, w = d/2, heads h, taps K:
q, k, v, out projections 4 L w^2; QK^T L^2 w and PV L^2 w (causal counted
dense, as the kernels compute it); conv in_proj 2 L w^2 and out_proj L w^2;
conv taps L w K; dynamic kernel projection L w (4 K) (dec only). GLU,
softmaxes, masks, biases and the concat are not counted.

Writes bench/results/lsra-latest.md (also printed) and
bench/results/lsra-latest.json.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.dont_write_bytecode = True  # no bench/__pycache__ entries from the imports below
from tfxbench import BIN, GOLDEN, RESULTS, machine, peers, stats, tools  # noqa: E402
from tfxbench import report as rpt  # noqa: E402
import safetensors_io  # noqa: E402  (test/golden; tfxbench puts it on sys.path)

DIMS = [160, 240, 320, 496]
LENGTHS = [30, 50]
BATCHES = {"enc": [1, 32, 256], "dec": [1, 32, 256]}
HEADS, CONV_HEADS, KERNEL, VOCAB = 4, 4, 7, 1000
CHECK_BATCH = 4
TFX_RUNS = {1: 100, 32: 30, 256: 10}
TORCH_RUNS = {1: 30, 32: 10, 256: 3}
TORCH_WARMUP = {1: 3, 32: 1, 256: 1}
PREFIX = "lsra."
FORM = {"enc": ("lightweight", "centered", "src_ids"), "dec": ("dynamic", "causal", "tgt_ids")}
PROFILE = ["enc:160:50:32", "enc:496:50:32", "dec:160:50:32", "dec:496:50:32"]
fmt = rpt.formatter(".3f")


# ---------------------------------------------------------------------------
# The block: IR, MACs, PyTorch module, weights, inputs.
# ---------------------------------------------------------------------------

def block_ir(form, d, length):
    """One LSRA block as `func.func @main(x, ids) -> y`, spelt as a layer of
    examples/models/lite.mlir spells it."""
    w, L, p = d // 2, length, PREFIX
    conv, padding, ids_name = FORM[form]
    X, Hf = f"tensor<?x{L}x{d}xf32>", f"tensor<?x{L}x{w}xf32>"
    H2, M, M3 = f"tensor<?x{L}x{2 * w}xf32>", f"tensor<?x{L}xi1>", f"tensor<?x{L}x1xi1>"
    WW, B = f"tensor<{w}x{w}xf32>", f"tensor<{w}xf32>"
    s = [f'// LSRA block ({form}): d_model {d}, length {L}, attention heads {HEADS}, '
         f'{conv} conv ({CONV_HEADS} heads, kernel {KERNEL}, {padding}).',
         '// Generated by bench/lsra_bench.py.',
         f'module attributes {{tfx.model = "lsra-{form}-d{d}-L{L}"}} {{',
         f'  func.func @main(%x: {X} {{tfx.name = "x"}}, %ids: tensor<?x{L}xi64> '
         f'{{tfx.name = "{ids_name}"}}) -> ({X} {{tfx.name = "y"}}) {{',
         f'    %keep = tfx.padding_mask %ids : tensor<?x{L}xi64> -> {M}',
         f'    %keep3 = tfx.reshape %keep : {M} -> {M3}',
         f'    %a = tfx.slice %x {{axis = 2 : i64, size = {w} : i64, start = 0 : i64}} : '
         f'{X} -> {Hf}']
    for n in ("q", "k", "v", "out"):
        s.append(f'    %w{n} = tfx.param "{p}attn.{n}_proj.weight" : {WW}')
        s.append(f'    %b{n} = tfx.param "{p}attn.{n}_proj.bias" : {B}')
    attrs = (f"num_heads = {HEADS} : i64" if form == "enc"
             else f"causal, num_heads = {HEADS} : i64")
    s.append(f'    %att = tfx.attention %a, %a weights(%wq, %bq, %wk, %bk, %wv, %bv, %wout, '
             f'%bout) mask(%keep) {{{attrs}}} : ({Hf}, {Hf}, {WW}, {B}, {WW}, {B}, {WW}, {B}, '
             f'{WW}, {B}, {M}) -> {Hf}')
    s += [f'    %c = tfx.slice %x {{axis = 2 : i64, size = {w} : i64, start = {w} : i64}} : '
          f'{X} -> {Hf}',
          f'    %win = tfx.param "{p}conv.in_proj.weight" : tensor<{2 * w}x{w}xf32>',
          f'    %bin = tfx.param "{p}conv.in_proj.bias" : tensor<{2 * w}xf32>',
          f'    %pr = tfx.linear %c, %win, %bin : ({Hf}, tensor<{2 * w}x{w}xf32>, '
          f'tensor<{2 * w}xf32>) -> {H2}',
          f'    %g = tfx.glu %pr : {H2} -> {Hf}',
          f'    %gm = tfx.apply_mask %g, %keep3 : {Hf}, {M3}']
    if form == "enc":
        KW = f"tensor<{CONV_HEADS}x{KERNEL}xf32>"
        s += [f'    %kw = tfx.param "{p}conv.weight" : {KW}',
              f'    %cv = tfx.lightweight_conv %gm, %kw {{kernel_size = {KERNEL} : i64, '
              f'num_heads = {CONV_HEADS} : i64, padding = "{padding}"}} : ({Hf}, {KW}) -> {Hf}']
    else:
        t = CONV_HEADS * KERNEL
        KW, KB = f"tensor<{t}x{w}xf32>", f"tensor<{t}xf32>"
        s += [f'    %kw = tfx.param "{p}conv.weight_linear.weight" : {KW}',
              f'    %kb = tfx.param "{p}conv.weight_linear.bias" : {KB}',
              f'    %cv = tfx.dynamic_conv %gm, %kw, %kb {{kernel_size = {KERNEL} : i64, '
              f'num_heads = {CONV_HEADS} : i64, padding = "{padding}"}} : ({Hf}, {KW}, {KB}) '
              f'-> {Hf}']
    s += [f'    %wo2 = tfx.param "{p}conv.out_proj.weight" : {WW}',
          f'    %bo2 = tfx.param "{p}conv.out_proj.bias" : {B}',
          f'    %co = tfx.linear %cv, %wo2, %bo2 : ({Hf}, {WW}, {B}) -> {Hf}',
          f'    %y = tfx.concat %att, %co {{axis = 2 : i64}} : ({Hf}, {Hf}) -> {X}',
          f'    return %y : {X}', '  }', '}', '']
    return "\n".join(s)


def block_macs(form, d, length):
    """Multiply-adds of one sequence, by part (see the module docstring)."""
    w, L = d // 2, length
    m = {"attn_proj": 4 * L * w * w, "qk": L * L * w, "pv": L * L * w,
         "conv_in": 2 * L * w * w, "conv_out": L * w * w, "conv_taps": L * w * KERNEL}
    if form == "dec":
        m["kernel_proj"] = L * w * CONV_HEADS * KERNEL
    m["total"] = sum(m.values())
    return m


def torch_module(form, d):
    import make_golden as mg
    conv, padding, _ = FORM[form]
    return mg.LSRA(d, HEADS, CONV_HEADS, KERNEL, conv, padding)


def make_weights(form, d, length, seed):
    import make_golden as mg
    return mg.init_weights(torch_module(form, d), seed, f"lsra-{form}-d{d}-L{length}", PREFIX)


def make_inputs(form, d, length, batch, seed):
    """x ~ N(0, 1); ids with row 0 full length, the others 2..L-1 tokens."""
    import make_golden as mg
    rng = np.random.default_rng([seed, batch, d, length, 0 if form == "enc" else 1])
    x = rng.standard_normal((batch, length, d)).astype(np.float32)
    if form == "enc":
        ids = mg.padded_ids(rng, batch, length, VOCAB, last=mg.EOS)
    else:
        ids = mg.padded_ids(rng, batch, length, VOCAB, first=mg.BOS)
    return {"x": x, FORM[form][2]: ids}


# ---------------------------------------------------------------------------
# PyTorch worker (a subprocess: torch is imported after the environment is set).
# ---------------------------------------------------------------------------

def worker_torch(args):
    """Times the PyTorch block on each of --inputs (comma-separated, one file
    per batch; --runs / --warmup / --outputs likewise); prints one JSON line
    with a list of results."""
    import torch
    import make_golden as mg  # sets 1 thread; set ours after it
    torch.set_num_threads(args.threads)
    if args.linear == "onednn":
        peers.use_onednn_linear()
    module = torch_module(args.form, args.d)
    weights = safetensors_io.load(args.weights)
    module.load_state_dict({k[len(PREFIX):]: torch.from_numpy(v) for k, v in weights.items()},
                           strict=True)
    module.eval()
    causal = args.form == "dec"
    files = args.inputs.split(",")
    runs = [int(x) for x in str(args.runs).split(",")]
    warmups = [int(x) for x in str(args.warmup).split(",")]
    outputs = args.outputs.split(",") if args.outputs else [""] * len(files)
    results = []
    for path, n_runs, n_warm, out_path in zip(files, runs, warmups, outputs):
        inputs = safetensors_io.load(path)
        x = torch.from_numpy(inputs["x"])
        keep = torch.from_numpy(inputs[FORM[args.form][2]]) != mg.PAD
        times = []
        with torch.no_grad():
            for _ in range(max(n_warm, 1 if n_runs == 0 else 0)):
                out = module(x, keep, causal=causal)
            for _ in range(n_runs):
                t0 = time.perf_counter()
                out = module(x, keep, causal=causal)
                times.append((time.perf_counter() - t0) * 1e3)
        if out_path:
            safetensors_io.save(out_path, {"y": out.numpy()})
        results.append({"batch": int(x.shape[0]), **stats.summary(times), "runs": n_runs,
                        "warmup": n_warm})
    print(json.dumps({"results": results, "torch_threads": torch.get_num_threads(),
                      "env": {k: os.environ.get(k) for k in
                              ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}}))


def run_torch(form, d, weights, inputs, runs, warmups, threads, variant, outputs=None):
    """One worker process for a list of inputs (batches); returns one result
    dict per input ({"ok": False, "error": ...} for all on failure)."""
    worker = ["--worker", "--form", form, "--d", str(d), "--weights", weights,
              "--inputs", ",".join(inputs), "--runs", ",".join(map(str, runs)),
              "--warmup", ",".join(map(str, warmups)), "--threads", str(threads),
              "--linear", "onednn" if variant == "onednn" else "default"]
    if outputs:
        worker += ["--outputs", ",".join(outputs)]
    t0 = time.perf_counter()
    try:
        res = peers.run_worker(__file__, worker, variant, timeout=1200)
    except peers.WorkerError as e:
        return [{"ok": False, "error": str(e)[-800:]} for _ in inputs]
    for r in res["results"]:
        r.update(ok=True, torch_threads=res["torch_threads"], env=res["env"],
                 process_wall_s=time.perf_counter() - t0)
    return res["results"]


# ---------------------------------------------------------------------------
# tfx.
# ---------------------------------------------------------------------------

def tool(name):
    return os.path.join(BIN, name)


def run_tfx(model, weights, inputs, outputs, runs, threads, cache, env=None, no_cache=False,
            timeout=900, keep_output=False):
    return tools.run_tfx(tool("tfx-run"), model, weights, inputs, outputs=outputs, runs=runs,
                         threads=threads, entry="main", cache_dir=cache, no_cache=no_cache,
                         env=env, timeout=timeout, attempts=3, keep_output=keep_output)


def compare(expected, actual, tol=1e-4):
    """test/golden/compare.py EXPECTED ACTUAL: (passed, max abs err, message)."""
    proc = subprocess.run([sys.executable, os.path.join(GOLDEN, "compare.py"), expected,
                           actual, "--tol", str(tol)], capture_output=True, text=True)
    m = re.search(r"max abs err ([0-9.eE+-]+|inf|nan)", proc.stdout)
    err = float(m.group(1)) if m else None
    line = next((ln.strip() for ln in proc.stdout.splitlines() if " y " in ln), proc.stdout.strip())
    return proc.returncode == 0, err, line


# ---------------------------------------------------------------------------
# Halide profiler reports.
# ---------------------------------------------------------------------------

def parse_profile(text):
    """Sums Halide's per-run profiler reports: {pipeline: {"total": ms,
    "samples": n, "reports": k, "stages": {stage: ms}}}. Pipelines with the same
    name (the unfused q/k/v/out projections) are summed under one name."""
    out = {}
    cur = None
    for line in text.splitlines():
        if line and not line.startswith(" ") and not line.startswith("tfx-run") \
                and not line.startswith("latency"):
            cur = out.setdefault(line.strip(), {"total": 0.0, "samples": 0, "reports": 0,
                                                "stages": {}})
            continue
        if cur is None:
            continue
        m = re.match(r"\s+total time: ([0-9.]+) ms\s+samples: (\d+)", line)
        if m:
            cur["total"] += float(m.group(1))
            cur["samples"] += int(m.group(2))
            cur["reports"] += 1
            continue
        m = re.match(r"\s+([^\s:]+):\s+([0-9.]+)ms", line)
        if m and m.group(1) not in ("halide_malloc", "halide_free"):
            cur["stages"][m.group(1)] = cur["stages"].get(m.group(1), 0.0) + float(m.group(2))
    return out


# ---------------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------------

def render(r):
    m = r["machine"]
    lines = [f"# LSRA block: fused vs unfused vs PyTorch ({m['date']})", "",
             f"Command: `{r['command']}`  ",
             rpt.machine_line(m, f"--threads {r['threads']}"),
             "Tools (copied out of build/bin at the start): "
             + ", ".join(f"{k} built {v['mtime']} (sha256 {v['sha256'][:12]})"
                         for k, v in r["tools"].items()) + ".  ",
             *rpt.load_lines(r), "", f"Wall time: {r.get('wall_s', 0):.0f} s.", ""]
    lines += ["## Checks (batch 4; tolerance 1e-4 relative, test/golden/compare.py)", "",
              "| form | d | L | fused vs unfused | unfused vs PyTorch | fused vs PyTorch "
              "| tfx.lsra ops | kernels/launches unfused | fused |",
              "|---|---:|---:|---|---|---|---:|---:|---:|"]
    for c in r["checks"]:
        def cell(k):
            v = c.get(k)
            return "–" if not v else f"{'ok' if v[0] else '**FAIL**'} {fmt(v[1], '.1e')}"
        lines.append(f"| {c['form']} | {c['d']} | {c['L']} | {cell('fused_vs_unfused')} | "
                     f"{cell('unfused_vs_torch')} | {cell('fused_vs_torch')} | "
                     f"{c.get('lsra_ops', '?')} | {c.get('unfused_kernels', '?')}/"
                     f"{c.get('unfused_launches', '?')} | {c.get('fused_kernels', '?')}/"
                     f"{c.get('fused_launches', '?')} |")
    lines += ["", "## Latency", "",
              "Medians in ms (tfx: faster of the rounds' medians; PyTorch: the faster eager "
              "setting, `1` = OPENBLAS_NUM_THREADS=1, `unset`). *fused ×* = unfused / fused "
              "(target ≥ 1.3); *vs PyTorch* = PyTorch / fused. MMAC = mega multiply-adds of "
              "the whole batch. *err* = max |fused − PyTorch| (all outputs also pass "
              "compare.py fused vs unfused unless marked).", "",
              "| form | d | L | batch | MMAC | unfused ms | fused ms | fused × | PyTorch ms "
              "| vs PyTorch | PyTorch+oneDNN ms | fused GFLOP/s | rounds U/F ms | err "
              "| others' CPU |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|"]
    rows = sorted(r["rows"], key=lambda x: (x["form"] != "enc", x["d"], x["L"], x["batch"]))
    for row in rows:
        u, f, p = row.get("unfused", {}), row.get("fused", {}), row.get("torch", {})
        sp = row.get("speedup")
        spc = "–" if sp is None else (f"**{sp:.2f}×**" if sp < 1.3 else f"{sp:.2f}×")
        peer = (f"{fmt(p.get('median_ms'))} ({p.get('peer')})" if p.get("median_ms")
                else "–")
        rounds = " ".join(f"{fmt(a, '.3g')}/{fmt(b, '.3g')}" for a, b in
                          zip(u.get("round_medians", []), f.get("round_medians", [])))
        err = fmt(row.get("err_fused_torch"), ".1e")
        if row.get("fused_vs_unfused") and not row["fused_vs_unfused"][0]:
            err += " **U≠F**"
        lines.append(
            f"| {row['form']} | {row['d']} | {row['L']} | {row['batch']} | "
            f"{row['macs'] / 1e6:.1f} | {fmt(u.get('median_ms'))} | {fmt(f.get('median_ms'))} | "
            f"{spc} | {peer} | {fmt(row.get('vs_torch'), '.1f')}× | "
            f"{fmt(p.get('onednn_ms'))} | {fmt(row.get('fused_gflops'), '.1f')} | {rounds} | "
            f"{err} | {row.get('other_load_tfx', 0):.0%} / {row.get('other_load_torch', 0):.0%} |")
    sp = [x["speedup"] for x in rows if x.get("speedup")]
    if sp:
        lines += ["", f"fused × ≥ 1.3 in {sum(x >= 1.3 for x in sp)} of {len(sp)} "
                  f"configurations; range {min(sp):.2f}–{max(sp):.2f}×, geometric mean "
                  f"{stats.geomean(sp):.2f}×. *others' CPU* = "
                  "share of the CPUs other processes used during the tfx / PyTorch "
                  "measurement (re-run once when ≥ 15%)."]
    lines += ["", "PyTorch eager, every setting (median ms):", "",
              "| form | d | L | batch | OPENBLAS_NUM_THREADS=1 | unset | oneDNN linears |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        v = row.get("torch", {}).get("variants", {})
        lines.append(f"| {row['form']} | {row['d']} | {row['L']} | {row['batch']} | "
                     + " | ".join(fmt(v.get(k, {}).get("median_ms")) for k in
                                  ("1", "unset", "onednn")) + " |")
    if r.get("profiles"):
        lines += ["", "## Halide profiler (HL_JIT_TARGET=host-profile, JIT, sums over runs)",
                  ""]
        for prof in r["profiles"]:
            lines.append(f"### {prof['form']} d {prof['d']} L {prof['L']} batch "
                         f"{prof['batch']} ({prof['runs']} runs each)")
            lines.append("")
            for variant in ("unfused", "fused"):
                res = prof.get(variant, {})
                if not res.get("ok"):
                    lines.append(f"- {variant}: FAILED {res.get('error', '')}")
                    continue
                pipes = res["pipelines"]
                total = sum(p["total"] for p in pipes.values()) or 1.0
                lines.append(f"- {variant}: median {fmt(res.get('median_ms'))} ms with the "
                             f"profiler; per run, pipelines: "
                             + ", ".join(f"{k} {v['total'] / res['reports']:.3f} ms "
                                         f"({100 * v['total'] / total:.0f}%)"
                                         for k, v in sorted(pipes.items(),
                                                            key=lambda kv: -kv[1]["total"])
                                         if v["total"] > 0))
                for k, v in sorted(pipes.items(), key=lambda kv: -kv[1]["total"]):
                    st = sum(v["stages"].values()) or 1.0
                    if v["total"] > 0 and len(v["stages"]) > 3:
                        lines.append(f"  - stages of {k}: " + ", ".join(
                            f"{s} {100 * t / st:.0f}%" for s, t in
                            sorted(v["stages"].items(), key=lambda kv: -kv[1]) if t > 0))
            lines.append("")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Driver.
# ---------------------------------------------------------------------------

def main(argv=None):
    global BIN
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--forms", default="enc,dec")
    ap.add_argument("--dims", default=",".join(map(str, DIMS)))
    ap.add_argument("--lengths", default=",".join(map(str, LENGTHS)))
    ap.add_argument("--batches", default="1,32,256", help="encoder batches")
    ap.add_argument("--dec-batches", default="1,32,256", help="decoder batches")
    ap.add_argument("--rounds", type=int, default=3, help="U F alternations per configuration")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--quick", action="store_true", help="few runs (a smoke test)")
    ap.add_argument("--profile", default=",".join(PROFILE),
                    help="form:d:L:batch,... to profile with Halide's profiler ('' for none)")
    ap.add_argument("--profile-runs", type=int, default=40)
    ap.add_argument("--wait-benchmarks", type=float, default=900)
    ap.add_argument("--wait-quiet", type=float, default=30)
    ap.add_argument("--workdir")
    ap.add_argument("--out-md", default=os.path.join(RESULTS, "lsra-latest.md"))
    ap.add_argument("--out-json", default=os.path.join(RESULTS, "lsra-latest.json"))
    # Internal: the PyTorch worker.
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--form", help=argparse.SUPPRESS)
    ap.add_argument("--d", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--weights", help=argparse.SUPPRESS)
    ap.add_argument("--inputs", help=argparse.SUPPRESS)
    ap.add_argument("--outputs", help=argparse.SUPPRESS)
    ap.add_argument("--runs", default="10", help=argparse.SUPPRESS)
    ap.add_argument("--warmup", default="2", help=argparse.SUPPRESS)
    ap.add_argument("--linear", default="default", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker_torch(args) or 0

    forms = [f for f in args.forms.split(",") if f]
    dims = [int(x) for x in args.dims.split(",") if x]
    lengths = [int(x) for x in args.lengths.split(",") if x]
    batches = {"enc": [int(x) for x in args.batches.split(",") if x],
               "dec": [int(x) for x in args.dec_batches.split(",") if x]}
    tfx_runs = (lambda b: 3) if args.quick else (lambda b: TFX_RUNS.get(b, 10))
    torch_runs = (lambda b: 2) if args.quick else (lambda b: TORCH_RUNS.get(b, 5))

    log = rpt.log
    measured = machine.Measurer(log, args.wait_quiet, retries=1, threshold=0.15,
                                benchmarks_s=args.wait_benchmarks)
    t_start = time.perf_counter()
    work = args.workdir or tempfile.mkdtemp(prefix="tfx-lsra-bench-")
    os.makedirs(work, exist_ok=True)
    cache = os.path.join(work, "kernels")
    shutil.rmtree(cache, ignore_errors=True)
    builds = {}
    for t in ("tfx-run", "tfx-opt"):
        src = os.path.join(BIN, t)
        tools.wait_for(src)
        builds[t] = {"mtime": tools.built(src), "sha256": tools.sha256(src)}
    BIN = tools.snapshot(list(builds), os.path.join(work, "bin"))
    report = {"command": rpt.command_line(__file__, sys.argv[1:] if argv is None else argv),
              "machine": machine.machine_info(), "tools": builds,
              "load_before": machine.uptime(),
              "threads": args.threads, "tfx_runs": {str(b): tfx_runs(b) for b in (1, 32, 256)},
              "torch_runs": {str(b): torch_runs(b) for b in (1, 32, 256)},
              "checks": [], "rows": [], "profiles": [], "ir_files": {}}
    log(f"workdir {work}; load: {report['load_before']}")

    # Models, fused models, weights.
    models = {}
    for form in forms:
        for d in dims:
            for L in lengths:
                key = (form, d, L)
                base = os.path.join(work, f"lsra-{form}-d{d}-L{L}")
                unfused, fused = base + ".mlir", base + ".fused.mlir"
                with open(unfused, "w") as f:
                    f.write(block_ir(form, d, L))
                subprocess.run([tool("tfx-opt"), unfused, "-o", os.devnull], check=True)
                proc = subprocess.run([tool("tfx-opt"), "--fuse-lsra", unfused, "-o", fused],
                                      capture_output=True, text=True, check=True)
                with open(fused) as f:
                    lsra_ops = f.read().count("tfx.lsra ")
                weights = base + ".weights.safetensors"
                safetensors_io.save(weights, make_weights(form, d, L, args.seed))
                models[key] = {"unfused": unfused, "fused": fused, "weights": weights,
                               "lsra_ops": lsra_ops, "remarks": proc.stderr.strip()}
                report["ir_files"][f"{form}-d{d}-L{L}"] = os.path.basename(unfused)

    def inputs_for(form, d, L, batch):
        path = os.path.join(work, f"lsra-{form}-d{d}-L{L}.b{batch}.inputs.safetensors")
        if not os.path.exists(path):
            safetensors_io.save(path, make_inputs(form, d, L, batch, args.seed))
        return path

    # 1. Checks (and the kernel cache is filled).
    for (form, d, L), mdl in models.items():
        i = inputs_for(form, d, L, CHECK_BATCH)
        outs = {v: os.path.join(work, f"check-{form}-{d}-{L}.{v}.safetensors")
                for v in ("unfused", "fused", "torch")}
        c = {"form": form, "d": d, "L": L, "lsra_ops": mdl["lsra_ops"],
             "remarks": mdl["remarks"]}
        for v in ("unfused", "fused"):
            res = run_tfx(mdl[v], mdl["weights"], i, outs[v], 0, args.threads, cache)
            c[v + "_kernels"], c[v + "_launches"] = res.get("kernels"), res.get("launches")
            c[v + "_compile_s"] = res.get("compile_s")
            if not res.get("ok"):
                c[v + "_error"] = res.get("error")
        t = run_torch(form, d, mdl["weights"], [i], [0], [1], args.threads, "unset",
                      [outs["torch"]])[0]
        if not t.get("ok"):
            c["torch_error"] = t.get("error")
        if os.path.exists(outs["unfused"]) and os.path.exists(outs["fused"]):
            c["fused_vs_unfused"] = compare(outs["unfused"], outs["fused"])
        if os.path.exists(outs["torch"]):
            for v in ("unfused", "fused"):
                if os.path.exists(outs[v]):
                    c[f"{v}_vs_torch"] = compare(outs["torch"], outs[v])
        report["checks"].append(c)
        log(f"check {form} d {d} L {L}: lsra ops {c['lsra_ops']}, "
            f"fused vs unfused {c.get('fused_vs_unfused')}, fused vs torch "
            f"{c.get('fused_vs_torch')}; kernels {c.get('unfused_kernels')}/"
            f"{c.get('fused_kernels')}, compile {c.get('unfused_compile_s')}/"
            f"{c.get('fused_compile_s')} s")

    def latency_group(form, d, L, group_batches):
        mdl = models[(form, d, L)]
        macs = block_macs(form, d, L)
        rows = []
        for batch in group_batches:
            i = inputs_for(form, d, L, batch)
            row = {"form": form, "d": d, "L": L, "batch": batch,
                   "macs": macs["total"] * batch, "macs_per_seq": macs,
                   "inputs": i,
                   "outs": {v: os.path.join(work, f"{form}-{d}-{L}-b{batch}.{v}.safetensors")
                            for v in ("unfused", "fused", "torch")}}

            def tfx_rounds():
                res = {"unfused": [], "fused": []}
                for rnd in range(args.rounds):
                    for v in ("unfused", "fused"):
                        res[v].append(run_tfx(
                            mdl[v], mdl["weights"], i, row["outs"][v] if rnd == 0 else None,
                            tfx_runs(batch), args.threads, cache))
                return res

            t, lt, _ = measured(tfx_rounds, f"tfx {form} {d} {L} {batch}")
            row["other_load_tfx"] = lt
            for v in ("unfused", "fused"):
                ok = [x for x in t[v] if x.get("ok")]
                entry = {"round_medians": [x.get("median_ms") for x in t[v]],
                         "rounds": [{k: x.get(k) for k in
                                     ("ok", "error", "runs", "min_ms", "median_ms",
                                      "max_ms", "kernels", "disk_hits", "launches",
                                      "first_run_s", "wall_s")} for x in t[v]]}
                if ok:
                    entry["median_ms"] = min(x["median_ms"] for x in ok)
                    entry["launches"] = ok[0].get("launches")
                    entry["all_from_disk"] = all(
                        x.get("kernels") == x.get("disk_hits") for x in ok)
                row[v] = entry
            row["cmd_example"] = " ".join(t["fused"][0].get("cmd", []))
            um, fm = row["unfused"].get("median_ms"), row["fused"].get("median_ms")
            if um and fm:
                row["speedup"] = stats.ratio(um, fm)
                row["round_speedups"] = [
                    stats.ratio(a, b) for a, b in zip(row["unfused"]["round_medians"],
                                                      row["fused"]["round_medians"]) if a and b]
            if fm:
                row["fused_gflops"] = stats.giga_per_s(2 * row["macs"], fm)
            log(f"{form} d {d:3d} L {L} batch {batch:3d}: unfused {fmt(um)} ms, fused "
                f"{fmt(fm)} ms ({fmt(row.get('speedup'), '.2f')}x; rounds "
                f"{[round(x, 2) for x in row.get('round_speedups', [])]}) "
                f"[others {lt:.0%}]")
            rows.append(row)

        def torch_all():
            res = {}
            for v in peers.VARIANTS:
                res[v] = run_torch(form, d, mdl["weights"], [r["inputs"] for r in rows],
                                   [torch_runs(r["batch"]) for r in rows],
                                   [TORCH_WARMUP.get(r["batch"], 1) for r in rows],
                                   args.threads, v,
                                   [r["outs"]["torch"] for r in rows] if v == "unset" else None)
            return res

        p, lp, _ = measured(torch_all, f"torch {form} {d} {L} batches {group_batches}")
        for k, row in enumerate(rows):
            variants = {v: p[v][k] for v in p}
            row["torch"] = {"variants": variants}
            peer, median = peers.choose_peer(variants)
            if peer:
                row["torch"].update(peer=peer, median_ms=median)
            if variants.get("onednn", {}).get("ok"):
                row["torch"]["onednn_ms"] = variants["onednn"]["median_ms"]
            row["other_load_torch"] = lp
            row["other_load"] = max(row["other_load_tfx"], lp)
            fm = row["fused"].get("median_ms")
            if fm and row["torch"].get("median_ms"):
                row["vs_torch"] = stats.ratio(row["torch"]["median_ms"], fm)
            outs = row.pop("outs")
            row.pop("inputs")
            if os.path.exists(outs["unfused"]) and os.path.exists(outs["fused"]):
                row["fused_vs_unfused"] = compare(outs["unfused"], outs["fused"])
            if os.path.exists(outs["torch"]) and os.path.exists(outs["fused"]):
                ok_, err, _ = compare(outs["torch"], outs["fused"])
                row["err_fused_torch"], row["fused_torch_ok"] = err, ok_
            for v in outs.values():  # large at batch 256
                if os.path.exists(v):
                    os.remove(v)
            report["rows"].append(row)
            log(f"  torch {form} d {d} L {L} batch {row['batch']}: "
                f"{fmt(row['torch'].get('median_ms'))} ms ({row['torch'].get('peer')}), "
                f"oneDNN {fmt(row['torch'].get('onednn_ms'))} ms; fused vs unfused "
                f"{row.get('fused_vs_unfused', ['?'])[0]}, err vs torch "
                f"{fmt(row.get('err_fused_torch'), '.1e')} [others {lp:.0%}]")

    # 2. Latency. Phases: the encoder, the decoder at batch < 256, then the
    # decoder at batch 256 (second priority, and the slowest for PyTorch).
    # Within a phase, per (form, d, L): tfx per batch (U F alternating), then
    # PyTorch for all of the phase's batches in one process per setting.
    phases = [[(f, b) for f in forms for b in batches[f] if f == "enc"],
              [(f, b) for f in forms for b in batches[f] if f == "dec" and b < 256],
              [(f, b) for f in forms for b in batches[f] if f == "dec" and b >= 256]]
    for phase in phases:
        for form in [f for f in forms if any(pf == f for pf, _ in phase)]:
            phase_batches = [b for pf, b in phase if pf == form]
            for d in dims:
                for L in lengths:
                    latency_group(form, d, L, phase_batches)

    # 3. Profiles.
    for spec in [s for s in args.profile.split(",") if s]:
        form, d, L, batch = spec.split(":")
        d, L, batch = int(d), int(L), int(batch)
        if (form, d, L) not in models:
            continue
        mdl = models[(form, d, L)]
        i = inputs_for(form, d, L, batch)
        prof = {"form": form, "d": d, "L": L, "batch": batch, "runs": args.profile_runs}

        def profiled():
            res = {}
            for v in ("unfused", "fused"):
                r = run_tfx(mdl[v], mdl["weights"], i, None, args.profile_runs, args.threads,
                            cache, env={"HL_JIT_TARGET": "host-profile"}, no_cache=True,
                            keep_output=True)
                entry = {k: r.get(k) for k in ("ok", "error", "median_ms", "min_ms")}
                if r.get("ok"):
                    pipes = parse_profile(r.get("stdout", "") + "\n" + r.get("stderr", ""))
                    entry["pipelines"] = pipes
                    # Reports per pipeline launch; runs = first run + bench runs.
                    entry["reports"] = args.profile_runs + 1
                res[v] = entry
            return res

        res, load, _ = measured(profiled, f"profile {spec}")
        prof.update(res)
        prof["other_load"] = load
        report["profiles"].append(prof)
        log(f"profile {spec}: unfused {fmt(res['unfused'].get('median_ms'))} ms, fused "
            f"{fmt(res['fused'].get('median_ms'))} ms")

    rpt.finish(report, render, t_start, args.out_md, args.out_json)
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
