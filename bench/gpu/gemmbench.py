#!/usr/bin/env python3
"""The GEMM micro-table of the GPU benchmark (bench/gpu): tfx's linear kernel alone.

    python3 bench/gpu/gemmbench.py mlir OUT.mlir          # prepare.sh: the module
    python3 bench/gpu/gemmbench.py inputs DIR [--max-batch B]   # run.sh: the inputs

One `tfx.linear` per function of the library `gemm` (GEMM_SHAPES below): the
linear layers of the teacher (examples/models/teacher.mlir: q/k/v/out
projections 128->128, FFN 128->512 with its ReLU fused and 512->128, the
decoder's output projection 128->1000) and of the fused Lite Transformer
encoder (`tfx-opt --fuse-lsra` of examples/models/lite.mlir leaves its FFN,
160->160 with ReLU and 160->160, as linear kernels; the LSRA kernels' own
projections, 80->160 and 80->80 in lite.mlir, are scheduled inside LSRA).
Each is the same kernel as in the model: input [batch, 50, K] (M = 50 x
batch rows), weight [N, K], bias, activation fused; `tfx-translate
--emit=plan` of the module shows one kernel per function.

Random data (numpy, seeded by name): weights ~ U(-1/sqrt(K), 1/sqrt(K))
like nn.Linear's init, inputs ~ N(0, 1). The weights (1.3 MB) are in
OUTDIR (make_data.py writes them); the inputs (46 MB at batch 256) are written on the GPU machine by
run.sh, into its work directory, so that OUTDIR stays small. Standard
library and numpy only.
"""
import argparse
import sys
import zlib

sys.dont_write_bytecode = True
import gpubench as gb  # noqa: E402  (puts bench/ and test/golden on sys.path)

LIBRARY = "gemm"
BATCHES = [1, 32, 256]
# (function, model, K, N, activation, label)
GEMM_SHAPES = [
    ("teacher_proj", "teacher", 128, 128, None, "teacher q/k/v/out projection"),
    ("teacher_fc1", "teacher", 128, 512, "relu", "teacher FFN fc1 + ReLU"),
    ("teacher_fc2", "teacher", 512, 128, None, "teacher FFN fc2"),
    ("teacher_out", "teacher", 128, 1000, None, "teacher output projection (decode)"),
    ("lite_fc1", "lite", 160, 160, "relu", "Lite FFN fc1 + ReLU (fused encoder)"),
    ("lite_fc2", "lite", 160, 160, None, "Lite FFN fc2 (fused encoder)"),
]


def functions():
    return [s[0] for s in GEMM_SHAPES]


def rows(max_batch=None):
    """[{id, key, library, model, function, label, batch, m, k, n, act, flops}]."""
    out = []
    for fn, model, k, n, act, label in GEMM_SHAPES:
        for b in BATCHES:
            if max_batch is None or b <= max_batch:
                m = gb.LENGTH * b
                out.append({"id": f"gemm-{fn}", "key": f"gemm-{fn}.b{b}", "library": LIBRARY,
                            "model": LIBRARY, "function": fn, "label": label,
                            "shape": f"{k}->{n}" + (f" +{act}" if act else ""),
                            "batch": b, "m": m, "k": k, "n": n, "act": act,
                            "flops": 2 * m * k * n})
    return out


def mlir_text():
    """The module: one function per shape, one linear (and its activation)."""
    out = ["// bench/gpu/gemmbench.py: one tfx.linear per function (the GEMM micro-table).",
           "module {"]
    L = gb.LENGTH
    for fn, _, k, n, act, label in GEMM_SHAPES:
        x, y = f"tensor<?x{L}x{k}xf32>", f"tensor<?x{L}x{n}xf32>"
        w, b = f"tensor<{n}x{k}xf32>", f"tensor<{n}xf32>"
        out += [f"  // {label}: {k} -> {n}" + (f", {act} fused" if act else ""),
                f'  func.func @{fn}(%x: {x} {{tfx.name = "x"}}) -> ({y} {{tfx.name = "y"}}) {{',
                f'    %w = tfx.param "{fn}.weight" : {w}',
                f'    %b = tfx.param "{fn}.bias" : {b}',
                f"    %y = tfx.linear %x, %w, %b : ({x}, {w}, {b}) -> {y}"]
        if act:
            out += [f"    %z = tfx.{act} %y : {y}", f"    return %z : {y}"]
        else:
            out += [f"    return %y : {y}"]
        out += ["  }"]
    return "\n".join(out + ["}"]) + "\n"


def rng(*labels):
    import numpy as np
    return np.random.default_rng([gb.SEED] + [zlib.crc32(s.encode()) for s in labels])


def weights():
    import numpy as np
    out = {}
    for fn, _, k, n, _, _ in GEMM_SHAPES:
        r, bound = rng("gemm", fn), 1.0 / np.sqrt(k)
        out[f"{fn}.weight"] = r.uniform(-bound, bound, size=(n, k)).astype(np.float32)
        out[f"{fn}.bias"] = r.uniform(-bound, bound, size=(n,)).astype(np.float32)
    return out


def weights_file(outdir):
    return gb.weights_file(outdir, LIBRARY)


def inputs_file(work, row):
    """One input per (K, batch), shared by the shapes of that K."""
    return gb.inputs_file(None, row, work)


def write_inputs(work, max_batch=None):
    import numpy as np
    import safetensors_io
    done = set()
    for row in rows(max_batch):
        path = inputs_file(work, row)
        if path not in done:
            x = rng("gemm-x", str(row["k"]), str(row["batch"])).standard_normal(
                (row["batch"], gb.LENGTH, row["k"]), dtype=np.float32)
            safetensors_io.save(path, {"x": x})
            done.add(path)
    return sorted(done)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["mlir", "inputs"])
    ap.add_argument("path")
    ap.add_argument("--max-batch", type=int)
    args = ap.parse_args()
    if args.what == "mlir":
        with open(args.path, "w") as f:
            f.write(mlir_text())
    else:
        files = write_inputs(args.path, args.max_batch)
        print(f"gemmbench: {len(files)} input files in {args.path}", file=sys.stderr)


if __name__ == "__main__":
    main()
