#!/usr/bin/python3
"""Compares the tensors of a tfx run against golden expected outputs.

    compare.py EXPECTED.safetensors ACTUAL.safetensors [--tol 1e-4]

Every tensor of EXPECTED must be in ACTUAL with the same shape and dtype.
Float tensors pass when max|actual - expected| <= tol * max(1, max|expected|)
(NaN or Inf where the expected value is finite fails); integer and bool
tensors must be equal. Prints one line per tensor; exits 1 on any failure,
0 otherwise. Tensors only in ACTUAL are listed but do not fail.

Needs only numpy (any python3 with numpy will do).
"""

import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402


def fmt_index(index):
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def compare_float(e, a, tol):
    """(ok, message)."""
    e64, a64 = e.astype(np.float64), a.astype(np.float64)
    finite_e = np.isfinite(e64)
    scale = max(1.0, float(np.abs(e64[finite_e]).max())) if finite_e.any() else 1.0
    # Non-finite expected values (e.g. -inf) must be matched exactly.
    bad_special = (~finite_e) & ~(a64 == e64)
    if np.isnan(e64).any():
        bad_special &= ~(np.isnan(e64) & np.isnan(a64))
    diff = np.where(finite_e, np.abs(a64 - e64), 0.0)
    diff = np.where(np.isnan(diff), np.inf, diff)  # NaN in actual
    diff = np.where(bad_special, np.inf, diff)
    if diff.size == 0:
        return True, "empty"
    err = float(diff.max())
    where = np.unravel_index(int(np.argmax(diff)), diff.shape)
    ok = err <= tol * scale
    msg = f"max abs err {err:.3g}, scale {scale:.3g}"
    if not ok:
        msg += (f" (limit {tol * scale:.3g}; at {fmt_index(where)}: expected "
                f"{e64[where]:.7g}, actual {a64[where]:.7g}; "
                f"{int((diff > tol * scale).sum())} of {diff.size} elements off)")
    return ok, msg


def compare_exact(e, a):
    diff = e != a
    n = int(diff.sum())
    if n == 0:
        return True, "exact"
    where = np.unravel_index(int(np.argmax(diff)), diff.shape)
    msg = (f"{n} of {diff.size} elements differ; first at {fmt_index(where)}: "
           f"expected {e[where]}, actual {a[where]}")
    if e.ndim == 2 and e.shape[0] <= 8 and e.shape[1] <= 64:
        rows = [r for r in range(e.shape[0]) if diff[r].any()]
        for r in rows:
            msg += (f"\n      row {r} expected {e[r].tolist()}"
                    f"\n      row {r} actual   {a[r].tolist()}")
    return False, msg


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("expected")
    ap.add_argument("actual")
    ap.add_argument("--tol", type=float, default=1e-4,
                    help="relative tolerance for float tensors (default 1e-4)")
    args = ap.parse_args(argv)

    tensors = {}
    for role, path in (("expected", args.expected), ("actual", args.actual)):
        if not os.path.isfile(path):
            print(f"compare.py: error: {role} file '{path}' does not exist", file=sys.stderr)
            return 1
        try:
            tensors[role] = safetensors_io.load(path)
        except (safetensors_io.SafetensorsError, OSError) as e:
            print(f"compare.py: error: cannot read {role} file: {e}", file=sys.stderr)
            return 1
    expected, actual = tensors["expected"], tensors["actual"]
    if not expected:
        print(f"compare.py: error: {args.expected} holds no tensors", file=sys.stderr)
        return 1

    failures = 0
    for name in sorted(expected):
        e = expected[name]
        shape = list(e.shape)
        if name not in actual:
            print(f"FAIL {name} {shape}: missing from {args.actual} (it has: "
                  f"{', '.join(sorted(actual)) or 'no tensors'})")
            failures += 1
            continue
        a = actual[name]
        if list(a.shape) != shape:
            print(f"FAIL {name}: shape mismatch: expected {shape}, actual {list(a.shape)}")
            failures += 1
            continue
        ename, aname = safetensors_io.dtype_name(e), safetensors_io.dtype_name(a)
        if ename != aname:
            print(f"FAIL {name} {shape}: dtype mismatch: expected {ename}, actual {aname}")
            failures += 1
            continue
        if e.dtype.kind == "f":
            ok, msg = compare_float(e, a, args.tol)
        else:
            ok, msg = compare_exact(e, a)
        print(f"{'PASS' if ok else 'FAIL'} {name} {shape} {ename}: {msg}")
        failures += not ok
    extra = sorted(set(actual) - set(expected))
    if extra:
        print(f"note: not compared (only in actual): {', '.join(extra)}")
    if failures:
        print(f"{failures} of {len(expected)} tensors failed")
        return 1
    print(f"all {len(expected)} tensors match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
