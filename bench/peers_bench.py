#!/usr/bin/python3
"""tfx against ONNX Runtime and IREE (issue 13), with PyTorch eager as a column.

    sh bench/peers/setup.sh                         # once: the dev-only venv
    /usr/bin/python3 bench/peers_bench.py           # every block and batch
    /usr/bin/python3 bench/peers_bench.py --blocks encoder_layer --batches 1,32

Blocks (BLOCKS; the issue's table):

* encoder_layer, decoder_layer: bench/models/ (pre-LN, d_model 128, 8 heads,
  FFN 512, length 50), weights from make_golden's EncoderLayer/DecoderLayer
  as bench/run_benchmarks.py makes them;
* alr_mlp_xs, alr_mlp_s, alr_mlp_m: the attention sublayer with its
  attention replaced by the ALR MLP (`tfx-opt bench/models/attention_block.mlir
  --replace-attention="mode=alr size=S"`, as bench/replacement_bench.py):
  x + out_proj(FlatMLP(LN(x))); PyTorch: AlrBlock below (make_golden.FlatMLP);
* lsra_dD_LL: the Lite Transformer LSRA block of bench/lsra_bench.py (encoder
  form), tfx fused (`tfx-opt --fuse-lsra`, the tfx column) and unfused (shown
  in brackets). lsra_dec_dD_LL is the decoder form.

Engines: tfx (`tfx-run --threads 2 --bench N`, kernel cache warm), the peers
of tfxbench.onnx_peers (ORT plain, ORT transformer-optimized, ORT with its
fused MultiHeadAttention op, IREE llvm-cpu) from the venv of
bench/peers/setup.sh, and PyTorch eager (Debian's torch, OPENBLAS_NUM_THREADS
unset). Without the venv only tfx and PyTorch run (the report says why).

Method, per block and batch:

* prepare (the venv's python): export the PyTorch module to ONNX with the
  same weights (static shapes), build every peer artefact, run each engine
  once and compare its output with PyTorch's (max abs error); tfx runs once
  too (filling its kernel cache) and is compared likewise;
* --rounds R (default 2) rounds, each: tfx (N runs), the peers (one process,
  each engine a burst of warm-up + N runs in turn), PyTorch (fewer runs: it
  runs on netlib BLAS), in an order rotated every round. Each engine's
  reported time is its fastest round median; all round medians are in the
  JSON. N = 50 / 20 / 10 at batch 1 / 32 / 256;
* each round waits for other benchmarks and for a quiet machine, and is
  re-run (--retries) when other processes used >= 10% of the CPUs meanwhile;
  the share others took is reported per row (the worst of its rounds).

Writes bench/results/peers-latest.md (also printed) and
bench/results/peers-latest.json.
"""

import argparse
import gc
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
from tfxbench import BIN, MODELS, RESULTS, machine, onnx_peers, stats, tools  # noqa: E402
from tfxbench import report as rpt  # noqa: E402
import safetensors_io  # noqa: E402  (test/golden; tfxbench puts it on sys.path)

BLOCKS = ["encoder_layer", "decoder_layer", "alr_mlp_xs", "alr_mlp_s", "alr_mlp_m",
          "lsra_d496_L50", "lsra_d160_L30"]
BATCHES = {"encoder_layer": [1, 32, 256], "decoder_layer": [1, 32, 256], "alr": [1, 256],
           "lsra": [1, 32, 256]}
RUNS = {1: 50, 32: 20, 256: 10}
TORCH_RUNS = {1: 20, 32: 5, 256: 2}
THREADS = 2
D, HEADS, LENGTH = 128, 8, 50
LSRA_RE = re.compile(r"lsra(_dec)?_d(\d+)_L(\d+)$")
ALR_RE = re.compile(r"alr_mlp_(xs|s|m|l)$")
fmt = rpt.formatter(".3f")


# ---------------------------------------------------------------------------
# Blocks.
# ---------------------------------------------------------------------------

def kind_of(block):
    if block in ("encoder_layer", "decoder_layer"):
        return block
    if ALR_RE.match(block):
        return "alr"
    if LSRA_RE.match(block):
        return "lsra"
    raise ValueError(f"unknown block {block!r}; known: {BLOCKS} (lsra_dD_LL, "
                     "lsra_dec_dD_LL, alr_mlp_xs|s|m|l)")


def lsra_params(block):
    m = LSRA_RE.match(block)
    return ("dec" if m.group(1) else "enc"), int(m.group(2)), int(m.group(3))


def input_names(block):
    kind = kind_of(block)
    if kind == "decoder_layer":
        return ["x", "tgt_ids", "memory", "src_ids"]
    if kind == "lsra":
        import lsra_bench
        return ["x", lsra_bench.FORM[lsra_params(block)[0]][2]]
    return ["x", "ids"]


def heads_hidden(block):
    """(heads, width) of the block's attention, for the transformer optimizer;
    (0, 0) (detect) where it has none."""
    kind = kind_of(block)
    if kind == "lsra":
        import lsra_bench
        return lsra_bench.HEADS, lsra_params(block)[1] // 2
    if kind == "alr":
        return 0, 0
    return HEADS, D


def alr_module(hidden):
    """The ALR-replaced attention sublayer x + out_proj(FlatMLP(LN(x))), with
    the parameter names of `tfx-opt --replace-attention=mode=alr` (under
    encoder.layers.0.)."""
    import torch.nn as nn
    import make_golden as mg

    class SelfAttn(nn.Module):
        def __init__(self):
            super().__init__()
            self.out_proj = nn.Linear(D, D)
            self.alr = mg.FlatMLP(LENGTH, D, hidden, LENGTH, D)

    class AlrBlock(nn.Module):
        def __init__(self):
            super().__init__()
            self.self_attn_layer_norm = nn.LayerNorm(D, eps=mg.LN_EPS)
            self.self_attn = SelfAttn()

        def forward(self, x, keep):
            h = self.self_attn_layer_norm(x)
            return x + self.self_attn.out_proj(self.self_attn.alr(h, keep, keep))

    return AlrBlock()


def torch_block(block, hidden=None):
    """(module, prefix of its parameters' tfx names, forward(module, *tensors))."""
    import make_golden as mg
    kind = kind_of(block)
    pad = mg.PAD
    if kind in ("encoder_layer", "decoder_layer"):
        import run_benchmarks as rb
        factory, _ = rb.torch_modules()[kind]
        if kind == "encoder_layer":
            return factory(), rb.PREFIX[kind], lambda m, x, ids: m(x, ids != pad)
        return factory(), rb.PREFIX[kind], lambda m, x, t, mem, s: m(x, t != pad, mem, s != pad)
    if kind == "alr":
        return alr_module(hidden), "encoder.layers.0.", lambda m, x, ids: m(x, ids != pad)
    import lsra_bench
    form, d, _ = lsra_params(block)
    causal = form == "dec"
    return (lsra_bench.torch_module(form, d), lsra_bench.PREFIX,
            lambda m, x, ids: m(x, ids != pad, causal=causal))


def positional(block, weights, hidden=None):
    """The PyTorch block as a module of its inputs (input_names order), with
    `weights` (tfx names) loaded, in eval mode."""
    import torch
    import torch.nn as nn
    inner, prefix, forward = torch_block(block, hidden)
    inner.load_state_dict({k[len(prefix):]: torch.from_numpy(v) for k, v in weights.items()},
                          strict=True)

    class Positional(nn.Module):
        def __init__(self):
            super().__init__()
            self.inner = inner

        def forward(self, *args):
            return forward(self.inner, *args)

    return Positional().eval()


def alr_hidden(ir_path):
    with open(ir_path) as f:
        m = re.search(r'alr\.fc1\.weight"\s*:\s*tensor<(\d+)x', f.read())
    return int(m.group(1))


def make_block(block, work, bin_dir, seed):
    """Writes the block's IR (tfx variants) and weights; returns {"models":
    {variant: path}, "weights": path, "hidden": ALR width or None}."""
    import make_golden as mg
    kind = kind_of(block)
    opt = os.path.join(bin_dir, "tfx-opt")
    out = {"hidden": None}
    if kind in ("encoder_layer", "decoder_layer"):
        import run_benchmarks as rb
        out["models"] = {"tfx": os.path.join(MODELS, rb.IR[kind])}
        weights = rb.make_weights(kind, seed)
    elif kind == "alr":
        size = ALR_RE.match(block).group(1)
        path = os.path.join(work, f"{block}.mlir")
        subprocess.run([opt, os.path.join(MODELS, "attention_block.mlir"),
                        f"--replace-attention=mode=alr size={size}", "-o", path],
                       check=True, capture_output=True, text=True)
        out["models"] = {"tfx": path}
        out["hidden"] = alr_hidden(path)
        weights = mg.init_weights(alr_module(out["hidden"]), seed, "peers-" + block,
                                  "encoder.layers.0.")
    else:
        import lsra_bench
        form, d, L = lsra_params(block)
        unfused = os.path.join(work, f"{block}.mlir")
        fused = os.path.join(work, f"{block}.fused.mlir")
        with open(unfused, "w") as f:
            f.write(lsra_bench.block_ir(form, d, L))
        subprocess.run([opt, "--fuse-lsra", unfused, "-o", fused], check=True,
                       capture_output=True, text=True)
        out["models"] = {"tfx": fused, "tfx-unfused": unfused}
        weights = lsra_bench.make_weights(form, d, L, seed)
    out["weights"] = os.path.join(work, f"{block}.weights.safetensors")
    safetensors_io.save(out["weights"], weights)
    return out


def make_inputs(block, batch, seed):
    kind = kind_of(block)
    if kind in ("encoder_layer", "decoder_layer"):
        import run_benchmarks as rb
        return rb.make_inputs(kind, batch, seed)
    if kind == "alr":
        import run_benchmarks as rb
        return rb.make_inputs("attention", batch, seed)
    import lsra_bench
    form, d, L = lsra_params(block)
    return lsra_bench.make_inputs(form, d, L, batch, seed)


# ---------------------------------------------------------------------------
# Workers (subprocesses). prepare and the peers' timing run under the venv's
# python; PyTorch's timing under Debian's.
# ---------------------------------------------------------------------------

def artefacts(d):
    return {k: os.path.join(d, k) for k in
            ("plain.onnx", "opt.onnx", "mha.onnx", "mha-opt.onnx", "iree.vmfb")}


def worker_prepare(args):
    """Exports and compiles every engine's artefact in --dir, runs each once
    and writes its output there (ENGINE.out.safetensors; PyTorch's too);
    prints {engine: {"ok", "error", "prepare_s", ...}}."""
    import torch
    import make_golden  # noqa: F401  (sets 1 thread; set ours after it)
    torch.set_num_threads(args.threads)
    names = input_names(args.block)
    weights = safetensors_io.load(args.weights)
    inputs = safetensors_io.load(args.inputs)
    module = positional(args.block, weights, args.hidden)
    a = artefacts(args.dir)
    heads, hidden = heads_hidden(args.block)
    res = {}
    ref = onnx_peers.torch_runner(module, inputs, names, args.threads)()
    safetensors_io.save(os.path.join(args.dir, "pytorch.out.safetensors"), {"y": ref})
    res["pytorch"] = {"ok": True}

    def step(engine, build, run):
        t0 = time.perf_counter()
        entry = {}
        try:
            info = build()
            if info:
                entry["info"] = info
            entry["prepare_s"] = time.perf_counter() - t0
            y = np.asarray(run()())
            safetensors_io.save(os.path.join(args.dir, f"{engine}.out.safetensors"), {"y": y})
            entry["ok"] = True
        except Exception as e:  # noqa: BLE001 (an engine failing is a result)
            entry.update(ok=False, error=onnx_peers.short_error(e))
        res[engine] = entry
        gc.collect()

    engines = args.engines.split(",")
    if any(e in engines for e in ("ort", "ort-opt", "iree")):
        try:
            onnx_peers.export(module, inputs, names, a["plain.onnx"])
        except Exception as e:  # noqa: BLE001
            for e2 in ("ort", "ort-opt", "iree"):
                res[e2] = {"ok": False, "error": "export: " + onnx_peers.short_error(e)}
    for engine in engines:
        if engine in res:
            continue
        if engine == "ort":
            step(engine, lambda: None,
                 lambda: onnx_peers.ort_runner(a["plain.onnx"], inputs, args.threads))
        elif engine == "ort-opt":
            step(engine, lambda: onnx_peers.transformer_optimize(a["plain.onnx"], a["opt.onnx"],
                                                                 heads, hidden),
                 lambda: onnx_peers.ort_runner(a["opt.onnx"], inputs, args.threads))
        elif engine == "ort-mha":
            if kind_of(args.block) == "alr":
                res[engine] = {"ok": False, "na": True, "error": "no attention in the block"}
                continue

            def build():
                n = onnx_peers.export(module, inputs, names, a["mha.onnx"], fused_attention=True)
                fused = onnx_peers.transformer_optimize(a["mha.onnx"], a["mha-opt.onnx"],
                                                        heads, hidden)
                return {"MultiHeadAttention": n, **fused}
            step(engine, build,
                 lambda: onnx_peers.ort_runner(a["mha-opt.onnx"], inputs, args.threads))
        elif engine == "iree":
            step(engine, lambda: {"flags": onnx_peers.iree_compile(a["plain.onnx"],
                                                                     a["iree.vmfb"])},
                 lambda: onnx_peers.iree_runner(a["iree.vmfb"], inputs, names, args.threads))
    print(json.dumps(res))


def worker_time(args):
    """Times each of --engines in turn (a burst each: warm-up, --runs timed
    calls); prints {engine: summary}."""
    names = input_names(args.block)
    inputs = safetensors_io.load(args.inputs)
    a = artefacts(args.dir)
    res = {}
    for engine in args.engines.split(","):
        try:
            if engine == "pytorch":
                import torch
                import make_golden  # noqa: F401  (sets 1 thread; set ours after it)
                module = positional(args.block, safetensors_io.load(args.weights), args.hidden)
                run = onnx_peers.torch_runner(module, inputs, names, args.threads)
                res["torch_threads"] = torch.get_num_threads()
                res["blas"] = onnx_peers.loaded_blas()
            elif engine == "iree":
                run = onnx_peers.iree_runner(a["iree.vmfb"], inputs, names, args.threads)
            else:
                path = {"ort": "plain.onnx", "ort-opt": "opt.onnx", "ort-mha": "mha-opt.onnx"}
                run = onnx_peers.ort_runner(a[path[engine]], inputs, args.threads)
            res[engine], _ = onnx_peers.burst(run, args.runs, args.warmup)
        except Exception as e:  # noqa: BLE001
            res[engine] = {"error": onnx_peers.short_error(e)}
        run = None
        gc.collect()
    print(json.dumps(res))


def run_worker(python, kind, extra, timeout=1800):
    cmd = [python, os.path.abspath(__file__), "--worker", kind] + extra
    env = dict(os.environ)
    env.pop("OPENBLAS_NUM_THREADS", None)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"worker timed out after {timeout} s"}
    if proc.returncode != 0:
        return {"error": f"worker failed ({proc.returncode}): {proc.stderr.strip()[-1500:]}"}
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"error": f"worker printed no JSON: {proc.stdout.strip()[-500:]}"}


# ---------------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------------

def max_abs_err(a_path, b_path):
    """max |a - b| of the outputs "y" of two safetensors files (None when one
    is missing, inf when the shapes differ): run_benchmarks.max_abs_err."""
    import run_benchmarks
    return run_benchmarks.max_abs_err(a_path, b_path)


def render(r):
    m = r["machine"]
    engines = [e for e in r["engines"] if e != "pytorch"]
    lab = onnx_peers.ENGINES
    out = [f"# tfx against ONNX Runtime and IREE ({m['date']})", "",
           f"Command: `{r['command']}`  ",
           rpt.machine_line(m, f"{r['threads']} threads for every engine"),
           f"Source: git {r['git']}; tools from {r['bin']} (tfx-run built "
           f"{r['tools']['tfx-run']}, tfx-opt {r['tools']['tfx-opt']}).  ",
           "Peers: " + (", ".join(f"{k} {v}" for k, v in r["peers_versions"].items())
                        if r["peers_python"] else "NOT RUN: " + r["peers_reason"]) + ".  ",
           f"PyTorch's BLAS: {', '.join(r.get('pytorch_blas') or ['?'])}.  ",
           *rpt.load_lines(r), ""]
    out += ["Median ms (the fastest of the rounds' medians; runs per round in *runs*). "
            "*best / tfx* = the best peer's time over tfx's (< 1: the peer is faster). "
            "*err* = max |engine − PyTorch| of the output: tfx's, then the worst peer's. "
            "*others' CPU* = the share of the CPUs other processes took during the row's "
            "worst round; † marks rows at 10% or more (disturbed: provisional). "
            "LSRA rows: tfx is the fused kernel (`tfx-opt --fuse-lsra`), the unfused "
            "model in brackets. PyTorch: Debian's torch, eager (fewer runs).", ""]
    head = (["block", "batch", "runs", "tfx ms"] + [lab[e] + " ms" for e in engines]
            + ["PyTorch ms", "best peer (which)", "best / tfx", "err tfx / peers",
               "others' CPU"])
    out += ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for row in r["rows"]:
        med = row["median_ms"]
        tfx = fmt(med.get("tfx"), ".3g") if med.get("tfx") else "FAILED"
        if "tfx-unfused" in med:
            tfx += f" (unfused {fmt(med.get('tfx-unfused'), '.3g')})"
        cells = [row["block"], str(row["batch"]), str(row["runs"]), tfx]
        for e in engines:
            if row["prepare"].get(e, {}).get("na"):
                cells.append("n/a")
            elif med.get(e):
                cells.append(fmt(med[e], ".3g"))
            else:
                cells.append("FAILED")
        cells.append(fmt(med.get("pytorch"), ".3g"))
        bp = row.get("best_peer")
        cells.append(f"{fmt(row['best_peer_ms'], '.3g')} ({lab[bp]})" if bp else "–")
        cells.append(fmt(row.get("best_over_tfx"), ".2f"))
        errs = [v for k, v in row["err_vs_torch"].items() if k in onnx_peers.PEERS and
                v is not None]
        cells.append(f"{fmt(row['err_vs_torch'].get('tfx'), '.1e')} / "
                     f"{fmt(max(errs) if errs else None, '.1e')}")
        load = row["other_load"]
        cells.append(f"{load:.0%}" + (" †" if load >= 0.10 else ""))
        out.append("| " + " | ".join(cells) + " |")
    again = [row for row in r["rows"] if "first_pass" in row or "second_pass" in row]
    if again:
        out += ["", "Measured again at the end (others took ≥ 10% of the CPUs the first time): "
                + "; ".join(f"{row['block']} batch {row['batch']}: "
                            + (f"first {row['first_pass']['other_load']:.0%}, again "
                               f"{row['other_load']:.0%} (kept)" if "first_pass" in row else
                               f"again {row['second_pass']['other_load']:.0%}, the first "
                               f"({row['other_load']:.0%}) kept")
                            for row in again)]
    fails = [(row, e, p.get("error"))
             for row in r["rows"] for e, p in row["prepare"].items()
             if not p.get("ok") and not p.get("na")]
    if fails:
        out += ["", "Engines that failed:", ""]
        out += [f"- {row['block']} batch {row['batch']}, {lab.get(e, e)}: "
                f"{str(err).replace(chr(10), ' ')[:600]}" for row, e, err in fails]
    fused = {(row["block"]): row["prepare"].get("ort-mha", {}).get("info")
             for row in r["rows"] if row["prepare"].get("ort-mha", {}).get("info")}
    if fused:
        out += ["", "ORT+fused attention graphs (fused ops after the transformer optimizer): "
                + "; ".join(f"{b}: {json.dumps(v)}" for b, v in fused.items())]
    opt = {(row["block"]): row["prepare"].get("ort-opt", {}).get("info")
           for row in r["rows"] if row["prepare"].get("ort-opt", {}).get("info")}
    if opt:
        out += ["", "ORT-optimized fusions: "
                + "; ".join(f"{b}: {json.dumps(v)}" for b, v in opt.items())]
    out += ["", f"Wall time: {r['wall_s']:.0f} s.", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Driver.
# ---------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--blocks", default=",".join(BLOCKS))
    ap.add_argument("--batches", help="batch sizes for every block (default: the issue's "
                    "per block: 1,32,256; ALR MLPs 1,256)")
    ap.add_argument("--engines", default="ort,ort-opt,ort-mha,iree",
                    help="peers to run (tfx and PyTorch always run)")
    ap.add_argument("--venv", default=onnx_peers.VENV, help="the peers' virtual environment")
    ap.add_argument("--bin", default=BIN, help="where tfx-run and tfx-opt are")
    ap.add_argument("--threads", type=int, default=THREADS)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--quick", action="store_true", help="few runs (a smoke test)")
    ap.add_argument("--retries", type=int, default=2,
                    help="re-run a round during which others used >= 10%% of the CPUs")
    ap.add_argument("--wait-quiet", type=float, default=60)
    ap.add_argument("--second-pass", type=float, default=300,
                    help="measure disturbed rows again at the end, waiting up to this many "
                    "seconds for a quiet machine before each round (0: no second pass)")
    ap.add_argument("--wait-benchmarks", type=float, default=600)
    ap.add_argument("--workdir")
    ap.add_argument("--out-md", default=os.path.join(RESULTS, "peers-latest.md"))
    ap.add_argument("--out-json", default=os.path.join(RESULTS, "peers-latest.json"))
    # Internal: the workers.
    ap.add_argument("--worker", choices=["prepare", "time"], help=argparse.SUPPRESS)
    ap.add_argument("--block", help=argparse.SUPPRESS)
    ap.add_argument("--weights", help=argparse.SUPPRESS)
    ap.add_argument("--inputs", help=argparse.SUPPRESS)
    ap.add_argument("--dir", help=argparse.SUPPRESS)
    ap.add_argument("--hidden", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--runs", type=int, default=10, help=argparse.SUPPRESS)
    ap.add_argument("--warmup", type=int, default=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker == "prepare":
        return worker_prepare(args) or 0
    if args.worker == "time":
        return worker_time(args) or 0

    blocks = [b for b in args.blocks.split(",") if b]
    for b in blocks:
        try:
            kind_of(b)
        except ValueError as e:
            ap.error(str(e))
    wanted = [e for e in args.engines.split(",") if e]
    bad = [e for e in wanted if e not in onnx_peers.PEERS]
    if bad:
        ap.error(f"unknown engine(s) {bad}; known: {list(onnx_peers.PEERS)}")
    log = rpt.log
    py, info = onnx_peers.venv_status(args.venv) if wanted else (None, "no peers asked for")
    if py is None:
        log(f"peers_bench.py: ONNX Runtime and IREE not run: {info}. Timing tfx and "
            "PyTorch only.")
        wanted = []
    else:
        log(f"peers: {info}")
    engines = wanted + ["pytorch"]
    runs_for = (lambda b: 3) if args.quick else (lambda b: RUNS.get(b, 10))
    torch_runs_for = (lambda b: 1) if args.quick else (lambda b: TORCH_RUNS.get(b, 2))

    t_start = time.perf_counter()
    work = args.workdir or tempfile.mkdtemp(prefix="tfx-peers-bench-")
    os.makedirs(work, exist_ok=True)
    cache = os.path.join(work, "kernels")
    shutil.rmtree(cache, ignore_errors=True)
    names = ("tfx-run", "tfx-opt")
    for n in names:
        if not tools.wait_for(os.path.join(args.bin, n), tries=2):
            sys.exit(f"peers_bench.py: error: {os.path.join(args.bin, n)} not found; build "
                     "first (cmake -G Ninja -B build && ninja -C build) or pass --bin")
    built = {n: tools.built(os.path.join(args.bin, n)) for n in names}
    bin_dir = tools.snapshot(names, os.path.join(work, "bin"), src=args.bin)
    measured = machine.Measurer(log, args.wait_quiet, retries=args.retries, threshold=0.10,
                                benchmarks_s=args.wait_benchmarks)
    report = {"command": rpt.command_line(__file__, sys.argv[1:] if argv is None else argv),
              "machine": machine.machine_info(), "load_before": machine.uptime(),
              "git": tools.git_revision(), "bin": os.path.abspath(args.bin), "tools": built,
              "threads": args.threads, "rounds": args.rounds, "retries": args.retries,
              "engines": engines, "peers_python": py,
              "peers_versions": info if py else None, "peers_reason": None if py else info,
              "rows": []}
    log(f"workdir {work}; load: {report['load_before']}")

    def one_round(row, order):
        c, batch = row["_ctx"], row["batch"]
        res = {}
        for item in order:
            if item.startswith("tfx"):
                t = tools.run_tfx(os.path.join(bin_dir, "tfx-run"), c["models"][item],
                                  c["weights"], c["inputs"], runs=row["runs"],
                                  threads=args.threads, entry="main", cache_dir=cache,
                                  attempts=3)
                res[item] = ({"median_ms": t["median_ms"], "min_ms": t["min_ms"]}
                             if t.get("ok") else {"error": t.get("error")})
            elif item == "peers":
                res.update(run_worker(py, "time", c["common"] + [
                    "--engines", ",".join(c["ok_peers"]), "--runs", str(row["runs"]),
                    "--warmup", "2"]))
            else:
                res.update(run_worker(sys.executable, "time", c["common"] + [
                    "--engines", "pytorch", "--runs", str(torch_runs_for(batch)),
                    "--warmup", "1"]))
        return res

    def measure_row(row, wait_quiet=None):
        """--rounds rounds of every engine (order rotated each round), each
        on a quiet machine and re-run when disturbed; fills row's rounds,
        median_ms (fastest round median per engine), other_load, best peer."""
        c = row["_ctx"]
        items = c["items"]
        meas = measured if wait_quiet is None else machine.Measurer(
            log, wait_quiet, retries=args.retries, threshold=0.10,
            benchmarks_s=args.wait_benchmarks)
        row["rounds"] = []
        for rnd in range(args.rounds):
            k = rnd % len(items)
            order = items[k:] + items[:k]
            res, load, attempts = meas(lambda: one_round(row, order),
                                       f"{row['block']} batch {row['batch']} round {rnd + 1}")
            row["rounds"].append({"order": order, "results": res, "other_load": load,
                                  "attempts": attempts})
            log(f"  round {rnd + 1} ({', '.join(order)}): "
                + ", ".join(f"{e} {fmt(v.get('median_ms'), '.3g')}"
                            for e, v in res.items() if isinstance(v, dict))
                + f" [others {load:.0%}]")
        row["median_ms"] = {}
        for e in list(c["models"]) + c["ok_peers"] + ["pytorch"]:
            vals = [rd["results"].get(e, {}).get("median_ms") for rd in row["rounds"]]
            vals = [v for v in vals if v]
            row["median_ms"][e] = min(vals) if vals else None
        blas = [rd["results"].get("blas") for rd in row["rounds"] if rd["results"].get("blas")]
        if blas:
            report["pytorch_blas"] = blas[0]
        row["other_load"] = max((rd["other_load"] for rd in row["rounds"]), default=0.0)
        bp, bms = onnx_peers.best_peer(row["median_ms"])
        row["best_peer"], row["best_peer_ms"] = bp, bms
        row["best_over_tfx"] = stats.ratio(bms, row["median_ms"].get("tfx"))
        log(f"{row['block']} batch {row['batch']}: tfx {fmt(row['median_ms'].get('tfx'))} ms, "
            f"best peer {fmt(bms)} ms ({bp}), best/tfx {fmt(row['best_over_tfx'], '.2f')} "
            f"[others {row['other_load']:.0%}]")

    for block in blocks:
        made = make_block(block, work, bin_dir, args.seed)
        hidden = ["--hidden", str(made["hidden"])] if made["hidden"] else []
        batches = ([int(b) for b in args.batches.split(",")] if args.batches
                   else BATCHES.get(block, BATCHES.get(kind_of(block))))
        for batch in batches:
            runs = runs_for(batch)
            d = os.path.join(work, f"{block}.b{batch}")
            os.makedirs(d, exist_ok=True)
            inputs = os.path.join(d, "inputs.safetensors")
            safetensors_io.save(inputs, make_inputs(block, batch, args.seed))
            common = ["--block", block, "--weights", made["weights"], "--inputs", inputs,
                      "--dir", d, "--threads", str(args.threads)] + hidden
            row = {"block": block, "batch": batch, "runs": runs,
                   "torch_runs": torch_runs_for(batch), "prepare": {}, "rounds": [],
                   "err_vs_torch": {}, "err_vs_tfx": {}}
            # Prepare and check: the peers (venv), PyTorch's output, tfx once.
            log(f"{block} batch {batch}: preparing ...")
            if wanted:
                row["prepare"] = run_worker(py, "prepare", common + ["--engines", ",".join(wanted)])
                if "error" in row["prepare"] and len(row["prepare"]) == 1:
                    err = row["prepare"]["error"]
                    row["prepare"] = {e: {"ok": False, "error": err} for e in wanted}
            else:
                row["prepare"] = run_worker(sys.executable, "prepare", common + ["--engines", ""])
            torch_out = os.path.join(d, "pytorch.out.safetensors")
            for v, model in made["models"].items():
                out = os.path.join(d, f"{v}.out.safetensors")
                res = tools.run_tfx(os.path.join(bin_dir, "tfx-run"), model, made["weights"],
                                    inputs, outputs=out, threads=args.threads, entry="main",
                                    cache_dir=cache, attempts=3)
                row["prepare"][v] = {"ok": res.get("ok"), "error": res.get("error"),
                                     "kernels": res.get("kernels"),
                                     "compile_s": res.get("compile_s")}
            for e in list(made["models"]) + wanted:
                out = os.path.join(d, f"{e}.out.safetensors")
                if os.path.exists(out):
                    row["err_vs_torch"][e] = max_abs_err(torch_out, out)
                    row["err_vs_tfx"][e] = max_abs_err(os.path.join(d, "tfx.out.safetensors"),
                                                       out)
            ok_peers = [e for e in wanted if row["prepare"].get(e, {}).get("ok")]
            log("  errors vs PyTorch: "
                + ", ".join(f"{e} {fmt(v, '.1e')}" for e, v in row["err_vs_torch"].items())
                + "".join(f"; {e} FAILED: {str(p.get('error'))[:200]}"
                          for e, p in row["prepare"].items()
                          if not p.get("ok") and not p.get("na")))

            row["_ctx"] = {"items": list(made["models"]) + (["peers"] if ok_peers else [])
                           + ["pytorch"], "models": made["models"], "weights": made["weights"],
                           "inputs": inputs, "common": common, "ok_peers": ok_peers}
            measure_row(row)
            report["rows"].append(row)
            for f in os.listdir(d):  # large at batch 256; the inputs stay for a second pass
                if f.endswith(".out.safetensors"):
                    os.remove(os.path.join(d, f))

    # Second pass: rows that others disturbed (>= 10% of the CPUs in a round
    # even after the retries) are measured again at the end; the less
    # disturbed measurement is kept, the other one stays in the JSON.
    for row in report["rows"]:
        if row["other_load"] < 0.10 or args.second_pass == 0:
            continue
        log(f"{row['block']} batch {row['batch']}: others took {row['other_load']:.0%}; "
            "measuring it again")
        first = {k: row[k] for k in ("rounds", "median_ms", "other_load", "best_peer",
                                     "best_peer_ms", "best_over_tfx")}
        measure_row(row, wait_quiet=args.second_pass)
        if row["other_load"] > first["other_load"]:
            again = {k: row[k] for k in first}
            row.update(first)
            row["second_pass"] = again
        else:
            row["first_pass"] = first
    for row in report["rows"]:
        row.pop("_ctx", None)

    rpt.finish(report, render, t_start, args.out_md, args.out_json)
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
