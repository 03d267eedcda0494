"""Helpers for test/Examples/embed.test.

  embed_check.py inputs INPUT.txt OUT.safetensors   # examples/embed input -> safetensors
  embed_check.py compare APP.txt TFXRUN.safetensors # the app's logits vs tfx-run's

compare exits 1 unless every logit agrees to 1e-4 of the largest magnitude."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "golden"))
import safetensors_io  # noqa: E402


def read_input(path):
    tensors, name, rows = {}, None, []
    for line in open(path):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if parts[0] in ("src_ids", "tgt_ids"):
            name, shape = parts[0], (int(parts[1]), int(parts[2]))
            tensors[name] = np.zeros(shape, dtype=np.int64)
            rows = []
            continue
        rows.append([int(v) for v in parts])
        tensors[name][len(rows) - 1] = rows[-1]
    return tensors


def main():
    if sys.argv[1] == "inputs":
        safetensors_io.save(sys.argv[3], read_input(sys.argv[2]))
        return 0
    lines = open(sys.argv[2]).read().split("\n")
    header = lines[0].split()
    shape = tuple(int(v) for v in header[1:])
    app = np.array([float(v) for v in lines[1:] if v], dtype=np.float64).reshape(shape)
    ref = safetensors_io.load(sys.argv[3])["logits"].astype(np.float64)
    if ref.shape != app.shape:
        print(f"FAIL shape {app.shape} vs tfx-run {ref.shape}")
        return 1
    err = float(np.max(np.abs(app - ref)))
    scale = float(np.max(np.abs(ref)))
    ok = err <= 1e-4 * max(scale, 1e-6)
    print(f"{'PASS' if ok else 'FAIL'} logits {list(shape)}: max abs err {err:.3g}, scale {scale:.3g}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
