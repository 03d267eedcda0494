"""The ONNX peers of bench/peers_bench.py: ONNX Runtime and IREE.

They live in a dev-only virtual environment (bench/.venv-peers, made by
`sh bench/peers/setup.sh`: onnxruntime, onnx, iree-base-compiler,
iree-base-runtime from PyPI on top of Debian's python3, torch and numpy).
Neither the build nor the tests need it; without it the benchmark runs tfx
and PyTorch only (venv_status says why).

Engines (ENGINES), each on the same weights and inputs, 2 threads:

* "ort": the block exported by Debian's torch (`torch.onnx.export`, opset
  17, static shapes of the batch), ONNX Runtime's CPU provider with its
  default graph optimisations (ORT_ENABLE_ALL);
* "ort-opt": the same export through onnxruntime.transformers.optimizer
  (model_type "bert": LayerNorm, GELU, bias and skip-LayerNorm fusions, and
  attention fusion where its patterns match);
* "ort-mha": the export with every attention core (scores, mask, softmax,
  PV) as ONNX Runtime's fused com.microsoft.MultiHeadAttention op (the
  projections stay MatMuls, their biases go into the op), then the
  transformer optimizer as "ort-opt"; only for blocks with attention;
* "iree": the plain export imported with iree-import-onnx and compiled by
  iree-compile for llvm-cpu with the host's CPU features, run by
  iree.runtime on a local-task device with 2 workers;
* "pytorch": the PyTorch module itself (eager, no_grad, 2 threads); it needs
  no venv.

Everything here that touches torch, onnx, onnxruntime or iree imports it in
the function that uses it: this module is imported by the driver under
Debian's python3 too.
"""
import json
import os
import subprocess
import sys
import time

from . import BENCH, stats

VENV = os.path.join(BENCH, ".venv-peers")
SETUP = "sh bench/peers/setup.sh"
# name -> label in the reports.
ENGINES = {"ort": "ORT", "ort-opt": "ORT-optimized", "ort-mha": "ORT+fused attention",
           "iree": "IREE", "pytorch": "PyTorch"}
PEERS = ("ort", "ort-opt", "ort-mha", "iree")  # the engines that can be "the best peer"
PACKAGES = ("onnxruntime", "onnx", "iree-base-compiler", "iree-base-runtime")


def venv_python(venv=VENV):
    return os.path.join(venv, "bin", "python")


def venv_status(venv=VENV, timeout=120):
    """(python, {package: version}) when the venv has every peer package, or
    (None, reason)."""
    py = venv_python(venv)
    if not os.access(py, os.X_OK):
        return None, f"no peer environment at {venv} (make it with `{SETUP}`)"
    code = ("import importlib.metadata as md, json, torch, onnx, onnxruntime, iree.compiler, "
            "iree.runtime, numpy; print(json.dumps({**{n: md.version(n) for n in "
            f"{PACKAGES!r}}}, 'torch': torch.__version__, 'numpy': numpy.__version__}}))")
    try:
        proc = subprocess.run([py, "-c", code], capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"{py} does not run: {e}"
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return None, f"{venv} lacks a peer package ({last}); run `{SETUP}` again"
    return py, json.loads(proc.stdout.strip().splitlines()[-1])


def best_peer(medians):
    """(engine, ms) of the fastest PEERS engine among {engine: ms or None}, or
    (None, None)."""
    ok = {k: v for k, v in medians.items() if k in PEERS and v}
    if not ok:
        return None, None
    k = min(ok, key=ok.get)
    return k, ok[k]


# ---------------------------------------------------------------------------
# Export (venv). `module` takes the block's inputs positionally (numpy arrays
# become tensors in `names` order) and returns the output.
# ---------------------------------------------------------------------------

def _mha_function():
    """A torch.autograd.Function computing the attention core in torch and
    exported as com.microsoft.MultiHeadAttention."""
    import torch
    import torch.nn.functional as F

    class MHA(torch.autograd.Function):
        @staticmethod
        def forward(ctx, q, k, v, bias, keep, heads, causal):
            d = q.shape[-1]
            q, k, v = q + bias[:d], k + bias[d:2 * d], v + bias[2 * d:]
            b, lq, lk, hd = q.shape[0], q.shape[1], k.shape[1], d // heads

            def split(t, n):
                return t.reshape(b, n, heads, hd).transpose(1, 2)
            s = split(q, lq) @ split(k, lk).transpose(-1, -2) / hd ** 0.5
            mask = keep[:, None, None, :].bool()
            if causal:
                mask = mask & torch.ones(lq, lk, dtype=torch.bool).tril()
            p = F.softmax(s.masked_fill(~mask, float("-inf")), dim=-1)
            return (p @ split(v, lk)).transpose(1, 2).reshape(b, lq, d)

        @staticmethod
        def symbolic(g, q, k, v, bias, keep, heads, causal):
            return g.op("com.microsoft::MultiHeadAttention", q, k, v, bias, keep,
                        num_heads_i=heads, unidirectional_i=int(causal))

    return MHA


def _fused_attention_forward(mha):
    """A replacement of make_golden.Attention.forward with the core as `mha`."""
    import torch
    import torch.nn.functional as F

    def forward(self, query, key_value, keep=None, causal=False, static_kv=None):
        assert static_kv is None and keep is not None
        q = F.linear(query, self.q_proj.weight)
        k = F.linear(key_value, self.k_proj.weight)
        v = F.linear(key_value, self.v_proj.weight)
        bias = torch.cat([self.q_proj.bias, self.k_proj.bias, self.v_proj.bias])
        core = mha.apply(q, k, v, bias, keep.to(torch.int32), self.heads, bool(causal))
        return self.out_proj(core)
    return forward


def _dynamic_conv_slices(x, kernel_logits, heads, kernel_size, padding, weight_softmax=True):
    """make_golden.dynamic_conv with the K windows as shifted slices of the
    padded input instead of Tensor.unfold, which torch 1.13 cannot export."""
    import torch
    import torch.nn.functional as F
    import make_golden as mg
    b, length, c = x.shape
    w = kernel_logits.reshape(b, length, heads, kernel_size)
    if weight_softmax:
        w = torch.softmax(w, dim=-1)
    w = w[:, :, mg.head_of_channel(c, heads)]                          # [B, L, C, K]
    left = mg.conv_pad_left(kernel_size, padding)
    xp = F.pad(x, (0, 0, left, kernel_size - 1 - left))
    windows = torch.stack([xp[:, k:k + length] for k in range(kernel_size)], dim=-1)
    return (w * windows).sum(-1)


def export(module, inputs, names, path, fused_attention=False):
    """torch.onnx.export of `module` on the numpy `inputs` (static shapes);
    fused_attention: every make_golden.Attention's core becomes a
    com.microsoft.MultiHeadAttention node. Returns how many there are."""
    import torch
    import make_golden as mg
    args = tuple(torch.from_numpy(inputs[n]) for n in names)
    saved = mg.Attention.forward, mg.dynamic_conv
    if fused_attention:
        mg.Attention.forward = _fused_attention_forward(_mha_function())
    mg.dynamic_conv = _dynamic_conv_slices
    try:
        with torch.no_grad():
            torch.onnx.export(module, args, path, input_names=list(names), output_names=["y"],
                              opset_version=17, do_constant_folding=True,
                              custom_opsets={"com.microsoft": 1} if fused_attention else None)
    finally:
        mg.Attention.forward, mg.dynamic_conv = saved
    import onnx
    return sum(n.op_type == "MultiHeadAttention" for n in onnx.load(path).graph.node)


def transformer_optimize(src, dst, heads, hidden):
    """onnxruntime.transformers.optimizer (model type "bert") of src into dst;
    returns the fused op counts it reports."""
    from onnxruntime.transformers import optimizer
    import logging
    logging.getLogger("onnxruntime.transformers").setLevel(logging.ERROR)
    model = optimizer.optimize_model(src, model_type="bert", num_heads=heads,
                                     hidden_size=hidden, use_gpu=False)
    model.save_model_to_file(dst)
    try:
        counts = model.get_fused_operator_statistics()
    except Exception:  # noqa: BLE001 (informational only)
        counts = {}
    return {k: v for k, v in counts.items() if v}


def iree_compile(onnx_path, vmfb):
    """iree-import-onnx + iree-compile (llvm-cpu, host CPU); returns the flags."""
    bindir = os.path.dirname(sys.executable)
    mlir = vmfb[:-len(".vmfb")] + ".mlir"
    subprocess.run([os.path.join(bindir, "iree-import-onnx"), onnx_path, "-o", mlir],
                   check=True, capture_output=True, text=True)
    flags = ["--iree-hal-target-device=local", "--iree-hal-local-target-device-backends=llvm-cpu",
             "--iree-llvmcpu-target-cpu=host"]
    proc = subprocess.run([os.path.join(bindir, "iree-compile"), mlir, *flags, "-o", vmfb],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("iree-compile: " + " | ".join(proc.stderr.strip().splitlines()[-4:]))
    os.remove(mlir)
    return flags


# ---------------------------------------------------------------------------
# Runners: runner(engine, ...) returns a callable giving the output (numpy).
# ---------------------------------------------------------------------------

_iree_flags_set = False


def ort_runner(path, inputs, threads):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    feeds = {i.name: inputs[i.name] for i in sess.get_inputs()}
    return lambda: sess.run(None, feeds)[0]


def iree_runner(vmfb, inputs, names, threads):
    import iree.runtime as rt
    global _iree_flags_set
    if not _iree_flags_set:  # before the first device is made
        rt.flags.parse_flags(f"--task_topology_group_count={threads}")
        _iree_flags_set = True
    ctx = rt.SystemContext(config=rt.Config("local-task"))
    with open(vmfb, "rb") as f:
        vm = rt.VmModule.copy_buffer(ctx.instance, f.read())
    ctx.add_vm_module(vm)
    entry = next(n for n in vm.function_names if "$" not in n and not n.startswith("__"))
    fn = ctx.modules[vm.name][entry]
    args = [rt.asdevicearray(ctx.config.device, inputs[n]) for n in names]
    return lambda: fn(*args).to_host()


def torch_runner(module, inputs, names, threads):
    import torch
    torch.set_num_threads(threads)
    args = [torch.from_numpy(inputs[n]) for n in names]

    def run():
        with torch.no_grad():
            return module(*args).numpy()
    return run


def burst(run, runs, warmup):
    """warm-up calls, then `runs` timed calls: (summary in ms, last output)."""
    out = None
    for _ in range(warmup):
        out = run()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = run()
        times.append((time.perf_counter() - t0) * 1e3)
    return {**stats.summary(times), "runs": runs, "warmup": warmup}, out


def short_error(e, limit=600):
    """An exception as one line: its type and the start of its message."""
    text = " ".join(f"{type(e).__name__}: {e}".split())
    return text if len(text) <= limit else text[:limit] + " ..."


def loaded_blas():
    """The BLAS/LAPACK libraries this process has mapped (after torch ran):
    Debian's torch takes whichever libblas.so.3 the alternatives point at
    (reference netlib or OpenBLAS)."""
    libs = set()
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.split()[-1] if len(line.split()) >= 6 else ""
                base = os.path.basename(path)
                if any(k in base for k in ("blas", "mkl", "lapack")):
                    libs.add(os.path.realpath(path))
    except OSError:
        pass
    return sorted(libs)
