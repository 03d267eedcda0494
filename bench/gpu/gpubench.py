"""The GPU benchmark of issue 12 (bench/gpu): its rows, their FLOPs and file names.

Shared by make_data.py (here), torch_ref.py and report.py (on the GPU
machine too). Standard library only.

Rows (the issue's table; random weights, length 50, padded batches):

* teacher encode (examples/models/teacher.mlir: 6 layers, d 128, 8 heads,
  FFN 512) at batch 1, 32, 256;
* teacher decode (6 layers, vocab 1000) at batch 1, 32;
* Lite Transformer encode (examples/models/lite.mlir: 6 layers, d 160) after
  `tfx-opt --fuse-lsra` at batch 1, 32, 256.

FLOPs count GEMM-like work only, 2 per multiply-add, as in
docs/benchmarks.md: per sequence of L positions, width d, FFN f, layers N,
attention `4 L d^2 + 2 L^2 d` MACs (q, k, v, out projections, QK^T, PV; causal
counted dense), FFN `2 L d f`; decode adds cross-attention (memory of L
positions) and the output projection `L d V`. Lite (w = d/2): LSRA
`4 L w^2 + 2 L^2 w` (attention on w channels) + `3 L w^2` (conv in_proj to 2w,
out_proj) + `L w K` (the conv taps, kernel K of the layer), FFN `2 L d f`.
Embeddings, layer norms, softmaxes, masks, biases and residual adds are not
counted; padded positions are (the kernels compute them).

Each library is built three times (VARIANTS, BUILDS): CUDA with the tiled
GEMM schedule (tfx-translate's default), CUDA with TFX_GPU_GEMM=simple, and
the CPU build (the numerics reference). The GEMM micro-table's rows are in
gemmbench.py.
"""
import os
import sys

GPU_DIR = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(GPU_DIR)
REPO = os.path.dirname(BENCH)
if BENCH not in sys.path:
    sys.path.insert(0, BENCH)
import tfxbench  # noqa: E402,F401  (puts test/golden on sys.path: make_golden, safetensors_io)

SEED = 48  # test/golden/make_golden.py's DEFAULT_SEED
LENGTH = 50
# NVIDIA H200 SXM, FP32 (non-tensor) peak from NVIDIA's H200 datasheet
# ("FP32 67 TFLOPS"; = 132 SMs x 128 FP32 lanes x 2 x 1.98 GHz boost).
H200_FP32_PEAK_TFLOPS = 67.0
REL_L2_LIMIT = 1e-5  # tfx CUDA against the tfx CPU build (issue 12)

# Library per model: the IR, whether tfx-opt --fuse-lsra runs first, the
# functions emitted (--function), the library name (C ABI prefix).
LIBRARIES = {
    "teacher": {"model": "teacher", "ir": "examples/models/teacher.mlir", "fuse_lsra": False,
                "functions": ["encode", "decode"]},
    "lite_fused": {"model": "lite", "ir": "examples/models/lite.mlir", "fuse_lsra": True,
                   "functions": ["encode"]},
}

# The measured builds: variant -> the suffix of bin/LIB.SUFFIX and of
# lib/LIB.SUFFIX in lib.tar.gz, and TFX_GPU_GEMM when tfx-translate built it.
# The CPU build (numerics reference) is bin/LIB.cpu; its run files are "ref".
VARIANTS = {"tiled": {"build": "cuda", "gpu_gemm": "tiled"},
            "simple": {"build": "cuda_simple", "gpu_gemm": "simple"}}
BUILDS = {"cuda": "tiled", "cuda_simple": "simple", "cpu": None}  # build -> TFX_GPU_GEMM

# (row id, library, function, label, batches)
TABLE = [
    ("teacher-encode", "teacher", "encode", "teacher encode (6 layers, d 128)", [1, 32, 256]),
    ("teacher-decode", "teacher", "decode", "teacher decode (6 layers, vocab 1000)", [1, 32]),
    ("lite-encode", "lite_fused", "encode",
     "Lite Transformer encode, fuse-lsra (6 layers, d 160)", [1, 32, 256]),
]


def rows(max_batch=None):
    """[{id, key, library, model, function, label, batch}] in table order."""
    out = []
    for rid, lib, function, label, batches in TABLE:
        for b in batches:
            if max_batch is None or b <= max_batch:
                out.append({"id": rid, "key": f"{rid}.b{b}", "library": lib,
                            "model": LIBRARIES[lib]["model"], "function": function,
                            "label": label, "batch": b})
    return out


def flops_per_sequence(cfg, function, length=LENGTH):
    """GEMM FLOPs of one sequence (module docstring)."""
    L, d, f = length, cfg["d_model"], cfg["ffn_dim"]
    ffn = 2 * L * d * f
    if cfg["architecture"] == "transformer":
        attn = 4 * L * d * d + 2 * L * L * d
        if function == "encode":
            macs = cfg["encoder_layers"] * (attn + ffn)
        elif function == "decode":
            macs = cfg["decoder_layers"] * (2 * attn + ffn) + L * d * cfg["vocab_size"]
        else:
            raise ValueError(f"no FLOP count for {function}")
    elif cfg["architecture"] == "lite" and function == "encode":
        w = d // 2
        macs = sum(4 * L * w * w + 2 * L * L * w + 3 * L * w * w + L * w * k + ffn
                   for k in cfg["lite"]["kernel_sizes"][:cfg["encoder_layers"]])
    else:
        raise ValueError(f"no FLOP count for {cfg['architecture']} {function}")
    return 2 * macs


# Files under OUTDIR (prepare.sh writes them, run.sh reads them).
def weights_file(outdir, model):
    return os.path.join(outdir, "weights", f"{model}.safetensors")


def inputs_file(outdir, row, work=None):
    """A model row's inputs are in OUTDIR; a GEMM row's (gemmbench: one file
    per K and batch, written by run.sh) in the work directory."""
    if "k" in row:
        return os.path.join(work, f"gemm-x{row['k']}.b{row['batch']}.safetensors")
    return os.path.join(outdir, "inputs", f"{row['key']}.safetensors")


# Files of a run in run.sh's work directory: WORK/ROW.bBATCH.BUILD.EXT, BUILD
# a variant ("tiled", "simple": the CUDA builds, or the CPU build twice in a
# dry run) or "ref" (the CPU build, the numerics reference); run.sh spells
# the same names.
def run_file(work, row, build, ext):
    return os.path.join(work, f"{row['key']}.{build}.{ext}")


def run_output(work, row, build):
    return run_file(work, row, build, "safetensors")


def run_json(work, row, build):
    return run_file(work, row, build, "json")


def torch_json(work, gemm=False):
    return os.path.join(work, "torch_gemm.json" if gemm else "torch.json")


def rel_l2(actual, expected):
    """||actual - expected|| / ||expected|| in float64 (inf on NaN/Inf)."""
    import numpy as np
    a = np.asarray(actual, dtype=np.float64)
    e = np.asarray(expected, dtype=np.float64)
    if a.shape != e.shape:
        raise ValueError(f"shape {list(a.shape)} != expected {list(e.shape)}")
    if not np.isfinite(a).all():
        return float("inf")
    norm = float(np.linalg.norm(e))
    return float(np.linalg.norm(a - e)) / (norm if norm else 1.0)
