#!/usr/bin/env python3
"""PyTorch on the same weights and inputs as the tfx libraries (bench/gpu).

    python3 bench/gpu/torch_ref.py OUTDIR WORK --device cuda|cpu [--runs N]
        [--warmup N] [--max-batch B] [--time-limit S]

For every row of OUTDIR/manifest.json, the PyTorch reference modules of
test/golden/make_golden.py (the oracle the test suite checks tfx against:
Encoder, Decoder, LiteEncoder) with OUTDIR/weights/MODEL.safetensors loaded
strictly, on OUTDIR/inputs/ROW.bBATCH.safetensors, in float32 with TF32 off
(torch.backends.cuda.matmul.allow_tf32 = False, cudnn.allow_tf32 = False,
float32 matmul precision "highest"; on PyTorch >= 2.9 the same through its
fp32_precision = "ieee" settings), under torch.no_grad():

* eager: `warmup` calls, then the median of `runs` calls, each timed on the
  host clock up to torch.cuda.synchronize(); inputs already on the device,
  outputs left there (the model's forward only);
* eager_h2h: the same, host to host: inputs copied up, outputs copied back
  (what tfx's column measures);
* graph (cuda only): the forward captured once in a CUDA graph
  (torch.cuda.graph, after warm-up on a side stream), then the median of
  `runs` replays, each up to synchronize;
* rel_l2_vs_cpu: the eager output against the tfx CPU build's output of the
  same row (WORK/ROW.bBATCH.ref.safetensors, from run.sh), if present; it
  shows that PyTorch computed the same function (same weights, same inputs).

Writes WORK/torch.json, after every row (a run cut short keeps the rows
it finished). A row that fails records its error and the others go on;
rows not started within S seconds (--time-limit) record "skipped"; exit 1
if any row failed.
"""
import argparse
import json
import os
import statistics
import sys
import time
import traceback

sys.dont_write_bytecode = True
import gpubench as gb  # noqa: E402  (puts bench/ and test/golden on sys.path)
import numpy as np  # noqa: E402
import torch  # noqa: E402
import make_golden as mg  # noqa: E402
import safetensors_io  # noqa: E402

START = time.perf_counter()  # --time-limit counts from here (after the imports)
ARGS = {"encode": ["src_ids"], "decode": ["memory", "src_ids", "tgt_ids"]}
SUBMODULE = {"encode": "encoder", "decode": "decoder"}


def fp32_everywhere():
    """TF32 off for matmuls and cuDNN convolutions; returns the settings.
    PyTorch >= 2.9 has the fp32_precision API, and mixing it with the
    legacy allow_tf32 flags is an error there, so one or the other."""
    b = torch.backends
    if hasattr(b, "fp32_precision"):
        b.fp32_precision = "ieee"
        b.cuda.matmul.fp32_precision = "ieee"
        b.cudnn.fp32_precision = "ieee"
        b.cudnn.conv.fp32_precision = "ieee"
        return {"fp32_precision": b.fp32_precision,
                "cuda.matmul.fp32_precision": b.cuda.matmul.fp32_precision,
                "cudnn.conv.fp32_precision": b.cudnn.conv.fp32_precision}
    b.cuda.matmul.allow_tf32 = False
    b.cudnn.allow_tf32 = False
    torch.set_float32_matmul_precision("highest")
    return {"cuda.matmul.allow_tf32": b.cuda.matmul.allow_tf32,
            "cudnn.allow_tf32": b.cudnn.allow_tf32,
            "float32_matmul_precision": torch.get_float32_matmul_precision()}


def load_module(manifest, outdir, model, function, device):
    """make_golden's encoder or decoder of `model`, its weights loaded
    strictly from OUTDIR/weights/MODEL.safetensors."""
    cfg = manifest["configs"][model]
    net = {"transformer": mg.Transformer, "lite": mg.LiteTransformer}[cfg["architecture"]](cfg)
    sub = getattr(net, SUBMODULE[function])
    prefix = SUBMODULE[function] + "."
    weights = safetensors_io.load(gb.weights_file(outdir, model))
    sub.load_state_dict({k[len(prefix):]: torch.from_numpy(v) for k, v in weights.items()
                         if k.startswith(prefix)}, strict=True)
    return sub.to(device).eval()


def timed(fn, runs, sync):
    """Median and all times (ms) of `runs` calls of fn, each up to sync()."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        sync()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times), times


def run_row(manifest, outdir, work, row, module, args, device, sync):
    host = safetensors_io.load(gb.inputs_file(outdir, row))
    cpu_args = [torch.from_numpy(np.ascontiguousarray(host[n])) for n in ARGS[row["function"]]]
    dev_args = [a.to(device) for a in cpu_args]
    res = {}
    with torch.no_grad():
        for _ in range(args.warmup):
            module(*dev_args)
        sync()
        res["eager_ms"], res["eager_times_ms"] = timed(lambda: module(*dev_args), args.runs, sync)

        def h2h():
            module(*[a.to(device) for a in cpu_args]).cpu()
        res["eager_h2h_ms"], _ = timed(h2h, args.runs, sync)
        eager_out = module(*dev_args).cpu().numpy()

        if device.type == "cuda":
            try:
                side = torch.cuda.Stream()
                side.wait_stream(torch.cuda.current_stream())
                with torch.cuda.stream(side):
                    for _ in range(3):
                        module(*dev_args)
                torch.cuda.current_stream().wait_stream(side)
                graph = torch.cuda.CUDAGraph()
                with torch.cuda.graph(graph):
                    static_out = module(*dev_args)
                graph.replay()
                sync()
                res["graph_vs_eager_rel_l2"] = gb.rel_l2(static_out.cpu().numpy(), eager_out)
                res["graph_ms"], res["graph_times_ms"] = timed(graph.replay, args.runs, sync)
                del graph, static_out
            except Exception as e:  # noqa: BLE001  (reported in the table)
                res["graph_error"] = f"{type(e).__name__}: {e}"
    ref = gb.run_output(work, row, "ref")
    if os.path.exists(ref):
        expected = next(iter(safetensors_io.load(ref).values()))
        res["rel_l2_vs_cpu"] = gb.rel_l2(eager_out, expected)
    return res


def parse_args(doc):
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("work")
    ap.add_argument("--device", choices=["cuda", "cpu"], required=True)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--max-batch", type=int)
    ap.add_argument("--time-limit", type=float, help="start no row after S seconds")
    return ap.parse_args()


def setup(args):
    """The device, its sync, and the result's header (torch, device, precision)."""
    if args.device == "cuda":
        if not torch.cuda.is_available():
            sys.exit(f"{os.path.basename(sys.argv[0])}: error: torch.cuda.is_available() is False")
        device = torch.device("cuda")
        sync = torch.cuda.synchronize
        props = torch.cuda.get_device_properties(device)
        info = {"device": props.name, "sm_count": props.multi_processor_count,
                "memory_gib": round(props.total_memory / 2**30, 1),
                "capability": f"{props.major}.{props.minor}"}
    else:
        device = torch.device("cpu")
        torch.set_num_threads(os.cpu_count() or 1)  # make_golden sets 1
        sync = lambda: None  # noqa: E731
        info = {"device": "cpu", "threads": torch.get_num_threads()}
    result = {"torch": torch.__version__, "cuda": torch.version.cuda, **info,
              "precision": fp32_everywhere(), "runs": args.runs, "warmup": args.warmup,
              "rows": {}}
    return device, sync, result


def run_rows(name, rows, run, args, device, result, out_json):
    """run(row) for each row, in order, within the time limit; result["rows"]
    [key] gets its numbers or its error, and out_json is rewritten after each
    row. Returns the number of rows that failed."""
    print(f"{name}: torch {torch.__version__} on {result['device']}, TF32 off",
          file=sys.stderr, flush=True)
    failed = 0
    for row in rows:
        if args.max_batch is not None and row["batch"] > args.max_batch:
            continue
        t0 = time.perf_counter()
        if args.time_limit is not None and t0 - START > args.time_limit:
            res = {"skipped": f"time limit ({args.time_limit:.0f} s)"}
        else:
            try:
                res = run(row)
            except Exception as e:  # noqa: BLE001  (one row's failure is reported, not fatal)
                failed += 1
                res = {"error": f"{type(e).__name__}: {e}"}
                traceback.print_exc()
        result["rows"][row["key"]] = res
        print(f"{name}: {row['key']}: " + ", ".join(
            f"{k} {v:.4g}" if isinstance(v, float) else f"{k} {v}"
            for k, v in res.items() if not k.endswith("times_ms"))
            + f" ({time.perf_counter() - t0:.1f} s)", file=sys.stderr, flush=True)
        if device.type == "cuda":
            torch.cuda.empty_cache()
        with open(out_json, "w") as f:
            json.dump(result, f, indent=1)
    return failed


def main():
    args = parse_args(__doc__)
    with open(os.path.join(args.outdir, "manifest.json")) as f:
        manifest = json.load(f)
    device, sync, result = setup(args)
    modules = {}

    def run(row):
        key = (row["model"], row["function"])
        if key not in modules:
            modules[key] = load_module(manifest, args.outdir, *key, device)
        return run_row(manifest, args.outdir, args.work, row, modules[key], args, device, sync)

    failed = run_rows("torch_ref", manifest["rows"], run, args, device, result,
                      gb.torch_json(args.work))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
