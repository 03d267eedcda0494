#!/usr/bin/python3
"""All-padding sentences (test/Numerics/all-padding.test).

    check_all_padding.py make IN OUT        copy IN with sentence 1 all padding
    check_all_padding.py check IN BASE OUT  OUT (the run on IN) finite? the
                                            other sentences equal to BASE?
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "golden"))
import safetensors_io  # noqa: E402

if sys.argv[1] == "make":
    tensors = safetensors_io.load(sys.argv[2])
    src = tensors["src_ids"].copy()
    src[1] = 0
    tensors["src_ids"] = src
    safetensors_io.save(sys.argv[3], tensors)
    sys.exit(0)

inputs, base, out = (safetensors_io.load(p) for p in sys.argv[2:5])
if (inputs["src_ids"][1] == 0).all():
    print("sentence 1 is all padding")
print("finite:", "yes" if all(np.isfinite(v).all() for v in out.values()) else "no")
others = [0] + list(range(2, inputs["src_ids"].shape[0]))
same = all(np.array_equal(base[k][others], out[k][others]) for k in out)
print("other sentences unchanged:", "yes" if same else "no")
