#!/usr/bin/env python3
"""Copies a safetensors file with one F32 tensor multiplied by a factor.

    scale_tensor.py IN OUT NAME FACTOR

Results are clamped to the largest finite float. Written with struct/json
only (no tfx code), so a test can make weights that are finite but large
enough to overflow what is computed from them.
"""

import json
import struct
import sys

src, dst, name, factor = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
with open(src, "rb") as f:
    data = bytearray(f.read())
(n,) = struct.unpack("<Q", data[:8])
header = json.loads(data[8:8 + n])
info = header[name]
assert info["dtype"] == "F32", info
begin, end = (8 + n + o for o in info["data_offsets"])
values = struct.unpack(f"<{(end - begin) // 4}f", data[begin:end])
FLT_MAX = 3.4028234663852886e38
data[begin:end] = struct.pack(f"<{len(values)}f", *(max(-FLT_MAX, min(FLT_MAX, v * factor)) for v in values))
with open(dst, "wb") as f:
    f.write(data)
