"""Writes the small safetensors files of test/Tools/tfx-run-errors.test.

Usage: make_tensors.py OUT_DIR. Values are tiny and hand-picked; the expected
result of the valid run is computed here by hand (y = x W^T + b).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "golden"))
import numpy as np  # noqa: E402
import safetensors_io as st  # noqa: E402

out = sys.argv[1]
w = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]], dtype=np.float32)
b = np.array([0.5, -0.5, 0, 1], dtype=np.float32)
table = np.arange(10, dtype=np.float32).reshape(5, 2)
st.save(f"{out}/weights.safetensors", {"w": w, "b": b, "table": table})
st.save(f"{out}/weights-missing.safetensors", {"w": w, "table": table})
st.save(f"{out}/weights-shape.safetensors", {"w": w.T.copy(), "b": b, "table": table})
st.save(f"{out}/weights-dtype.safetensors", {"w": w.astype(np.float64), "b": b, "table": table})
x = np.array([[1, 2, 3], [-1, 0, 4]], dtype=np.float32)
st.save(f"{out}/x.safetensors", {"x": x})
st.save(f"{out}/x-expected.safetensors", {"y": np.array(
    [[1.5, 1.5, 3, 7], [-0.5, -0.5, 4, 4]], dtype=np.float32)})
st.save(f"{out}/x-wrong-name.safetensors", {"input": x})
st.save(f"{out}/x-wrong-shape.safetensors", {"x": np.zeros((2, 5), np.float32)})
st.save(f"{out}/x-wrong-dtype.safetensors", {"x": x.astype(np.int64)})
st.save(f"{out}/ids-ok.safetensors", {"ids": np.array([[0, 4]], dtype=np.int64)})
st.save(f"{out}/ids-bad.safetensors", {"ids": np.array([[1, 5]], dtype=np.int64)})
with open(f"{out}/weights.safetensors", "rb") as f:
    data = f.read()
with open(f"{out}/weights-truncated.safetensors", "wb") as f:
    f.write(data[: len(data) - 7])
