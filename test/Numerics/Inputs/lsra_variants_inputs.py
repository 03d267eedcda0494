"""Inputs for test/Numerics/Inputs/lsra_variants.mlir: x [3, 8, 16] ~ N(0, 1)
and src_ids [3, 8] with 0, 2 and 5 trailing pads. Usage: OUT.safetensors"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "golden"))
import safetensors_io  # noqa: E402

rng = np.random.default_rng(7)
x = rng.standard_normal((3, 8, 16)).astype(np.float32)
ids = rng.integers(3, 32, size=(3, 8)).astype(np.int64)
ids[1, 6:] = 0
ids[2, 3:] = 0
safetensors_io.save(sys.argv[1], {"x": x, "src_ids": ids})
