#!/usr/bin/env python3
"""PyTorch's F.linear (cuBLAS) on the GEMM micro-table's rows (bench/gpu).

    python3 bench/gpu/torch_gemm.py OUTDIR WORK --device cuda|cpu [--runs N]
        [--warmup N] [--max-batch B] [--time-limit S]

For every GEMM row of OUTDIR/manifest.json (gemmbench.py): x [M, K] with M =
50 x batch (WORK/gemm-xK.bB.safetensors, written by run.sh), the weight
[N, K] and bias of OUTDIR/weights/gemm.safetensors, fp32 with TF32 off
(torch_ref.fp32_everywhere), under torch.no_grad(), the call
torch.nn.functional.linear(x, w, b) (cuBLAS on CUDA; with a bias PyTorch
uses cuBLASLt's bias epilogue):

* eager_ms: `warmup` calls, then the median of `runs` calls, each timed on
  the host clock up to synchronize; inputs and output on the device;
* gpu_ms (cuda): the median of `runs` calls each between two CUDA events
  (torch.cuda.Event) on the current stream: the GPU time of the call's
  kernels, what report.py compares with tfx's kernel_ms (CudaTraffic.cpp's
  events around tfx's launch);
* graph_ms (cuda): the call captured once in a CUDA graph, the median of
  `runs` replays, each up to synchronize (graph_vs_eager_rel_l2: its
  output against eager's);
* rel_l2_vs_cpu: F.linear followed by the row's activation (ReLU for the
  fc1 rows; not timed: tfx fuses it into its GEMM's epilogue, PyTorch
  would launch one more kernel) against the tfx CPU build's output
  (WORK/ROW.bBATCH.ref.safetensors), if present.

Writes WORK/torch_gemm.json after every row; exit 1 if any row failed.
"""
import json
import os
import sys

sys.dont_write_bytecode = True
import gpubench as gb  # noqa: E402  (puts bench/ and test/golden on sys.path)
import gemmbench  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
import safetensors_io  # noqa: E402
import torch_ref  # noqa: E402  (fp32_everywhere, timed, the row loop)


def event_timed(fn, runs):
    """Median and all GPU times (ms) of `runs` calls, each between CUDA events."""
    times = []
    for _ in range(runs):
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        fn()
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end))
    return float(np.median(times)), times


def run_row(row, weights, args, device, sync):
    host = safetensors_io.load(gemmbench.inputs_file(args.work, row))["x"]
    x = torch.from_numpy(np.ascontiguousarray(host.reshape(row["m"], row["k"]))).to(device)
    w = torch.from_numpy(weights[f"{row['function']}.weight"]).to(device)
    b = torch.from_numpy(weights[f"{row['function']}.bias"]).to(device)
    res = {"m": row["m"], "k": row["k"], "n": row["n"]}
    with torch.no_grad():
        def call():
            return F.linear(x, w, b)
        for _ in range(args.warmup):
            call()
        sync()
        res["eager_ms"], res["eager_times_ms"] = torch_ref.timed(call, args.runs, sync)
        eager_out = call()
        out = torch.relu(eager_out) if row["act"] == "relu" else eager_out
        out = out.cpu().numpy().reshape(row["batch"], gb.LENGTH, row["n"])
        if device.type == "cuda":
            res["gpu_ms"], res["gpu_times_ms"] = event_timed(call, args.runs)
            try:
                side = torch.cuda.Stream()
                side.wait_stream(torch.cuda.current_stream())
                with torch.cuda.stream(side):
                    for _ in range(3):
                        call()
                torch.cuda.current_stream().wait_stream(side)
                graph = torch.cuda.CUDAGraph()
                with torch.cuda.graph(graph):
                    static_out = call()
                graph.replay()
                sync()
                res["graph_vs_eager_rel_l2"] = gb.rel_l2(static_out.cpu().numpy(),
                                                         eager_out.cpu().numpy())
                res["graph_ms"], res["graph_times_ms"] = torch_ref.timed(graph.replay,
                                                                         args.runs, sync)
                del graph, static_out
            except Exception as e:  # noqa: BLE001  (reported in the table)
                res["graph_error"] = f"{type(e).__name__}: {e}"
    ref = gb.run_output(args.work, row, "ref")
    if os.path.exists(ref):
        res["rel_l2_vs_cpu"] = gb.rel_l2(out, safetensors_io.load(ref)["y"])
    return res


def main():
    args = torch_ref.parse_args(__doc__)
    with open(os.path.join(args.outdir, "manifest.json")) as f:
        manifest = json.load(f)
    device, sync, result = torch_ref.setup(args)
    weights = safetensors_io.load(gemmbench.weights_file(args.outdir))
    failed = torch_ref.run_rows("torch_gemm", manifest["gemm_rows"],
                                lambda row: run_row(row, weights, args, device, sync),
                                args, device, result, gb.torch_json(args.work, gemm=True))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
