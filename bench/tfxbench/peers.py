"""The PyTorch eager peer.

Every benchmark times PyTorch in subprocess workers (torch is imported
there, after the environment is set), in three settings (VARIANTS):

* "1": OPENBLAS_NUM_THREADS=1;
* "unset": OPENBLAS_NUM_THREADS not set;
* "onednn": not set, and the linears go through oneDNN (use_onednn_linear;
  information only: this Debian PyTorch links the reference netlib BLAS).

The peer is the faster of "1" and "unset" (choose_peer).
"""
import json
import os
import subprocess
import sys

VARIANTS = ("1", "unset", "onednn")
EAGER = ("1", "unset")


class WorkerError(RuntimeError):
    """A worker that failed, timed out or printed no JSON."""


def torch_env(variant):
    """The environment of a worker in `variant`."""
    env = dict(os.environ)
    env.pop("OPENBLAS_NUM_THREADS", None)
    if variant == "1":
        env["OPENBLAS_NUM_THREADS"] = "1"
    return env


def run_worker(script, args, variant, timeout=1800):
    """Runs `python script ARGS` in `variant`'s environment and returns the
    JSON object of its last stdout line; raises WorkerError."""
    cmd = [sys.executable, os.path.abspath(script)] + list(args)
    try:
        proc = subprocess.run(cmd, env=torch_env(variant), capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        raise WorkerError(f"worker timed out after {timeout} s") from None
    if proc.returncode != 0:
        raise WorkerError(f"worker failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise WorkerError(f"worker printed no JSON: {proc.stdout.strip()[-500:]}") from None


def choose_peer(variants, key="median_ms", better=min):
    """(name, value) of the best eager variant by `key` (`better`: min for
    times, max for rates) among those that have it, or (None, None)."""
    ok = {k: v[key] for k, v in variants.items() if k in EAGER and v.get(key) is not None}
    if not ok:
        return None, None
    peer = better(ok, key=ok.get)
    return peer, ok[peer]


def use_onednn_linear():
    """Routes every F.linear (nn.Linear and the projections inside
    F.multi_head_attention_forward) through oneDNN (torch's mkldnn_linear).

    Informational only: this Debian PyTorch links the reference (netlib)
    BLAS, so its eager GEMMs are unoptimised; this shows what the same eager
    graph does with an optimised GEMM. Weight conversions are cached; the
    activation conversions to and from the oneDNN layout are timed."""
    import torch
    import torch.nn.functional as F
    cache = {}

    def linear(x, w, b=None):
        entry = cache.get(id(w))
        if entry is None or entry[0] is not w:
            entry = (w, w.to_mkldnn(), None if b is None else b.to_mkldnn())
            cache[id(w)] = entry
        y = torch._C._nn.mkldnn_linear(x.reshape(-1, x.shape[-1]).to_mkldnn(), entry[1],
                                       entry[2]).to_dense()
        return y.view(*x.shape[:-1], w.shape[0])

    F.linear = linear
