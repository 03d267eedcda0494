"""Writes MLP weight files for replace-attention-options.test.

Usage: make_mlp_weights.py OUT_DIR. The shapes are those REFERENCE.md section 2
gives for ALR on teacher-tiny (8 positions x 16 features = 128 inputs) with
hidden width 3, for encoder layers 0 and 1.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "golden"))
import numpy as np  # noqa: E402
import safetensors_io as st  # noqa: E402

out = sys.argv[1]
flat, hidden = 8 * 16, 3
tensors = {}
for layer in range(2):
    p = f"encoder.layers.{layer}.self_attn.alr"
    tensors[f"{p}.in_norm.weight"] = np.ones(flat, np.float32)
    tensors[f"{p}.in_norm.bias"] = np.zeros(flat, np.float32)
    tensors[f"{p}.fc1.weight"] = np.zeros((hidden, flat), np.float32)
    tensors[f"{p}.fc1.bias"] = np.zeros(hidden, np.float32)
    tensors[f"{p}.hidden_norm.weight"] = np.ones(hidden, np.float32)
    tensors[f"{p}.hidden_norm.bias"] = np.zeros(hidden, np.float32)
    tensors[f"{p}.fc2.weight"] = np.zeros((flat, hidden), np.float32)
    tensors[f"{p}.fc2.bias"] = np.zeros(flat, np.float32)
st.save(f"{out}/mlp.safetensors", tensors)
missing = dict(tensors)
del missing["encoder.layers.1.self_attn.alr.fc2.bias"]
st.save(f"{out}/mlp-missing.safetensors", missing)
wrong = dict(tensors)
wrong["encoder.layers.0.self_attn.alr.fc1.weight"] = np.zeros((4, flat), np.float32)
st.save(f"{out}/mlp-shape.safetensors", wrong)
