#!/usr/bin/python3
"""Inference latency of the attention-replacing MLPs against the attention
they replace ("Rethinking Attention", REFERENCE.md section 2).

    /usr/bin/python3 bench/replacement_bench.py                  # everything
    /usr/bin/python3 bench/replacement_bench.py --modes alr --sizes xs --batches 1

Teacher sizes: d_model 128, 8 heads, length 50; batch 1, 32, 256; 2 threads.

* Baselines (bench/models/): attention_block.mlir, the pre-LN attention
  sublayer `x + MHA(LN(x))`, for ALR, ALRR and ASLR; encoder_layer.mlir, the
  whole pre-LN encoder layer, for ELR.
* Replaced blocks: `tfx-opt BASELINE --replace-attention="mode=M size=S"` for
  M in alr, alrr, aslr (on the attention sublayer) and elr (on the encoder
  layer), S in xs, s, m, l.
* Weights: random, for every `tfx.param "name" : tensor<...xf32>` the .mlir
  declares (matrices N(0, 1/fan_in), norm gains 1 + N(0, 0.1^2), vectors
  N(0, 0.1^2)); inputs x ~ N(0, 1) and padded ids (row 0 full length, the
  others 2..49 tokens).
* `tfx-run FILE --weights W --inputs I --threads 2 --bench N` (fresh kernel
  cache per suite; the first run, which compiles, is not timed); the median
  is reported. The baselines are measured before and after the replaced
  blocks and the faster median is used.
* Parameter counts from the tfx.param shapes: the new MLP parameters against
  the 66,048 of the attention (Q, K, V, O projections with biases).

Before every measurement the script waits (up to 15 min) until no other
benchmark runs (tfxbench.machine has the rules) and records the share
of the CPUs other processes used meanwhile.

Writes bench/results/replacement-latest.md (also printed) and
bench/results/replacement-latest.json.
"""

import argparse
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib

import numpy as np

sys.dont_write_bytecode = True  # no bench/__pycache__ entries from the imports below
from tfxbench import BIN, MODELS, RESULTS, machine, stats, tools  # noqa: E402
from tfxbench import report as rpt  # noqa: E402
import safetensors_io  # noqa: E402  (test/golden; tfxbench puts it on sys.path)

LENGTH, D, VOCAB = 50, 128, 1000
ATTENTION_PARAMS = 4 * (D * D + D)  # 66,048
BASELINE = {"attention": "attention_block.mlir", "encoder_layer": "encoder_layer.mlir"}
BASE_OF = {"alr": "attention", "alrr": "attention", "aslr": "attention", "elr": "encoder_layer"}
MODES = ["alr", "alrr", "aslr", "elr"]
SIZES = ["xs", "s", "m", "l"]
BATCHES = [1, 32, 256]
RUNS = {1: 50, 32: 20, 256: 10}
PARAM_RE = re.compile(r'tfx\.param\s+"([^"]+)"\s*:\s*tensor<([0-9x]+)xf32>')
fmt = rpt.formatter(".3f")


def params_of(path):
    """name -> shape of every tfx.param (first declaration wins)."""
    out = {}
    with open(path) as f:
        for name, dims in PARAM_RE.findall(f.read()):
            out.setdefault(name, tuple(int(d) for d in dims.split("x")))
    return out


def is_mlp_param(name):
    return any(f".{m}." in name for m in MODES)


def random_weights(params):
    w = {}
    for name, shape in params.items():
        rng = np.random.default_rng(zlib.crc32(name.encode()))
        if len(shape) >= 2:
            w[name] = (rng.standard_normal(shape, dtype=np.float32)
                       / np.float32(math.sqrt(shape[-1])))
        elif name.endswith(".weight") and "norm" in name:
            w[name] = 1 + 0.1 * rng.standard_normal(shape, dtype=np.float32)
        else:
            w[name] = 0.1 * rng.standard_normal(shape, dtype=np.float32)
    return w


def make_inputs(batch, seed=7):
    rng = np.random.default_rng([seed, batch])
    x = rng.standard_normal((batch, LENGTH, D), dtype=np.float32)
    lens = rng.integers(2, LENGTH, size=batch)
    lens[0] = LENGTH
    ids = np.zeros((batch, LENGTH), dtype=np.int64)
    for b, n in enumerate(lens):
        ids[b, :n] = rng.integers(3, VOCAB, size=n)
    return {"x": x, "ids": ids}


def run_tfx(model, weights, inputs, runs, threads, cache_dir, timeout=900):
    return tools.run_tfx(os.path.join(BIN, "tfx-run"), model, weights, inputs, runs=runs,
                         threads=threads, cache_dir=cache_dir, timeout=timeout)


def render(r):
    m = r["machine"]
    out = [f"# Attention replacement: inference latency ({m['date']})", "",
           f"Command: `{r['command']}`  ",
           rpt.machine_line(m, f"--threads {r['threads']}"),
           rpt.source_line(r["source"]),
           *rpt.load_lines(r), "",
           "Median latency of `tfx-run --bench N` (N = 50 / 20 / 10 at batch 1 / 32 / 256). "
           "*baseline* is the block the replaced block stands in for: the attention "
           "sublayer `x + MHA(LN(x))` (bench/models/attention_block.mlir) for ALR, ALRR and "
           "ASLR, the whole pre-LN encoder layer (bench/models/encoder_layer.mlir) for ELR. "
           "*speedup* = baseline / replaced (< 1: the replacement is slower). *MLP params* = "
           f"the new parameters; *× attn* = MLP params / {ATTENTION_PARAMS:,} (the attention's "
           "Q, K, V, O projections). ALR and ASLR keep W_O and the LayerNorm; ALRR keeps "
           "nothing of the sublayer; ELR replaces the encoder layer "
           f"({r['baseline_params']['encoder_layer']:,} parameters) as a whole.", "",
           "| mode | size | hidden | MLP params | × attn | batch | replaced ms | baseline ms "
           "| speedup | others' CPU |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in r["rows"]:
        t = row["tfx"]
        base = r["baselines"][row["baseline"]][str(row["batch"])]
        out.append(
            f"| {row['mode']} | {row['size'].upper()} | {row['hidden']} | {row['mlp_params']:,} | "
            f"{row['mlp_params'] / ATTENTION_PARAMS:.1f}× | {row['batch']} | "
            f"{fmt(t.get('median_ms')) if t.get('ok') else 'FAILED'} | "
            f"{fmt(base.get('median_ms'))} ({'enc. layer' if row['baseline'] == 'encoder_layer' else 'attn'}) | "
            f"{fmt(row.get('speedup'), '.2f')}× | {row['other_load']:.0%} |")
    out += ["", "Baselines (measured before and after the replaced blocks; the faster median "
            "is used above):", "",
            "| block | params | batch | ms used | ms before | ms after | others' CPU |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for block, per in r["baselines"].items():
        for b, t in per.items():
            first, again = t.get("first", {}), t.get("again", {})
            out.append(f"| {block} | {r['baseline_params'][block]:,} | {b} | "
                       f"{fmt(t.get('median_ms')) if t.get('ok') else 'FAILED'} | "
                       f"{fmt(first.get('median_ms'))} | {fmt(again.get('median_ms'))} | "
                       f"{t.get('other_load', 0):.0%} |")
    fails = [row for row in r["rows"] if not row["tfx"].get("ok")]
    if fails:
        out += ["", "Failures:", ""]
        out += [f"- {row['mode']} {row['size']} batch {row['batch']}: {row['tfx']['error']}"
                for row in fails]
    out += ["", "Replaced blocks were made with:", ""]
    out += [f"    {c}" for c in r["opt_cmds"]]
    out += ["", "and run with `build/bin/tfx-run FILE --weights W --inputs I --threads 2 "
            "--bench N --cache-dir DIR --stats-json F`.", "",
            f"Wall time: {r['wall_s']:.0f} s.", ""]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--sizes", default=",".join(SIZES))
    ap.add_argument("--batches", default=",".join(map(str, BATCHES)))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--wait-benchmarks", type=float, default=900)
    ap.add_argument("--wait-quiet", type=float, default=30)
    ap.add_argument("--out-md", default=os.path.join(RESULTS, "replacement-latest.md"))
    ap.add_argument("--out-json", default=os.path.join(RESULTS, "replacement-latest.json"))
    args = ap.parse_args()
    modes, sizes = args.modes.split(","), args.sizes.split(",")
    batches = [int(b) for b in args.batches.split(",")]

    log = rpt.log
    measured = machine.Measurer(log, args.wait_quiet, retries=1, threshold=0.15,
                                benchmarks_s=args.wait_benchmarks)
    t_start = time.perf_counter()
    report = {"command": rpt.command_line(__file__, sys.argv[1:]),
              "machine": machine.machine_info(),
              "source": tools.source_info(["tfx-run", "tfx-opt"]),
              "load_before": machine.uptime(), "threads": args.threads,
              "attention_params": ATTENTION_PARAMS, "baselines": {}, "baseline_params": {},
              "rows": [], "opt_cmds": []}
    global BIN
    work = tempfile.mkdtemp(prefix="tfx-replacement-bench-")
    cache = os.path.join(work, "cache")
    try:
        BIN = tools.snapshot(["tfx-run", "tfx-opt"], os.path.join(work, "bin"))
        inputs = {}
        for b in batches:
            inputs[b] = os.path.join(work, f"in.b{b}.safetensors")
            safetensors_io.save(inputs[b], make_inputs(b))

        def weights_for(model, tag):
            params = params_of(model)
            path = os.path.join(work, f"{tag}.weights.safetensors")
            safetensors_io.save(path, random_weights(params))
            return path, params

        def timed(model, weights, batch, what):
            res, load, _ = measured(
                lambda: run_tfx(model, weights, inputs[batch], RUNS.get(batch, 10),
                                args.threads, cache), what)
            res["other_load"] = load
            log(f"  {what} batch {batch}: "
                f"{res['median_ms'] if res.get('ok') else 'FAILED: ' + res['error']}")
            return res

        # Baselines: measured at the start and again at the end; the faster median is
        # used (both are reported).
        base_models = {}
        for block in sorted({BASE_OF[m] for m in modes}):
            model = os.path.join(MODELS, BASELINE[block])
            subprocess.run([os.path.join(BIN, "tfx-opt"), model, "-o", os.devnull], check=True)
            w, params = weights_for(model, block)
            base_models[block] = (model, w)
            report["baseline_params"][block] = sum(math.prod(s) for s in params.values())
            report["baselines"][block] = {}
            for b in batches:
                res = timed(model, w, b, block)
                res["first"] = dict(res)
                report["baselines"][block][str(b)] = res
        if "encoder_layer" not in report["baseline_params"]:
            report["baseline_params"]["encoder_layer"] = sum(
                math.prod(s) for s in params_of(os.path.join(MODELS, BASELINE["encoder_layer"]))
                .values())

        # Replaced blocks.
        for mode in modes:
            block = BASE_OF[mode]
            for size in sizes:
                model = os.path.join(work, f"{mode}-{size}.mlir")
                opt = [os.path.join(BIN, "tfx-opt"), os.path.join(MODELS, BASELINE[block]),
                       f"--replace-attention=mode={mode} size={size}", "-o", model]
                report["opt_cmds"].append(
                    f"build/bin/tfx-opt bench/models/{BASELINE[block]} "
                    f"--replace-attention=\"mode={mode} size={size}\" -o {mode}-{size}.mlir")
                proc = subprocess.run(opt, capture_output=True, text=True)
                if proc.returncode != 0:
                    log(f"tfx-opt {mode} {size} failed: {proc.stderr.strip()}")
                    continue
                w, params = weights_for(model, f"{mode}-{size}")
                mlp = {n: s for n, s in params.items() if is_mlp_param(n)}
                hidden = sorted({s[0] for n, s in mlp.items() if n.endswith("fc1.weight")})
                mlp_params = sum(math.prod(s) for s in mlp.values())
                log(f"{mode} {size}: hidden {hidden}, {mlp_params:,} MLP parameters")
                for b in batches:
                    res = timed(model, w, b, f"{mode}-{size}")
                    row = {"mode": mode, "size": size,
                           "hidden": "/".join(map(str, hidden)) +
                                     (" ×8" if mode == "aslr" else ""),
                           "mlp_params": mlp_params,
                           "block_params": sum(math.prod(s) for s in params.values()),
                           "batch": b, "baseline": block, "tfx": res,
                           "other_load": res["other_load"]}
                    report["rows"].append(row)
                os.remove(w)

        for block, (model, w) in base_models.items():
            for b in batches:
                again = timed(model, w, b, block + " (again)")
                cur = report["baselines"][block][str(b)]
                if again.get("ok") and (not cur.get("ok")
                                        or again["median_ms"] < cur["median_ms"]):
                    again["first"] = cur["first"]
                    cur = report["baselines"][block][str(b)] = again
                cur["again"] = {k: v for k, v in again.items() if k != "first"}
        for row in report["rows"]:
            base = report["baselines"][row["baseline"]][str(row["batch"])]
            if row["tfx"].get("ok") and base.get("ok"):
                row["speedup"] = stats.ratio(base["median_ms"], row["tfx"]["median_ms"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rpt.finish(report, render, t_start, args.out_md, args.out_json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
