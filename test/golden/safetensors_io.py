"""Minimal reader/writer for the safetensors format (numpy only).

Layout of a file:

    u64 little-endian  N              length of the JSON header in bytes
    N bytes            JSON header    {name: {"dtype": "F32", "shape": [..],
                                              "data_offsets": [begin, end]},
                                       "__metadata__": {str: str}  (optional)}
    data section       raw little-endian row-major tensor bytes

`data_offsets` are relative to the start of the data section. The header is
padded with spaces so that the data section starts 8-byte aligned. The
writer sorts tensors by decreasing element size, then by name, and packs them
without holes, so every tensor is aligned to its element size (as the
reference implementation does).

This exists because the Python used for the golden tests (Debian's, with
torch 1.13) has no `safetensors` package.
"""

import json
import struct

import numpy as np

# safetensors dtype name <-> numpy dtype (always little-endian).
_DTYPES = {
    "F64": np.dtype("<f8"),
    "F32": np.dtype("<f4"),
    "F16": np.dtype("<f2"),
    "I64": np.dtype("<i8"),
    "I32": np.dtype("<i4"),
    "I16": np.dtype("<i2"),
    "I8": np.dtype("i1"),
    "U8": np.dtype("u1"),
    "BOOL": np.dtype("?"),
}


class SafetensorsError(Exception):
    """A malformed file or a tensor that cannot be stored."""


def dtype_name(array):
    """The safetensors dtype name of a numpy array's element type."""
    kind = np.dtype(array.dtype)
    for name, dt in _DTYPES.items():
        if kind == dt or (kind.kind == dt.kind and kind.itemsize == dt.itemsize
                          and kind.kind != "V"):
            return name
    raise SafetensorsError(f"unsupported numpy dtype {array.dtype}")


def save(path, tensors, metadata=None):
    """Writes `tensors` (dict name -> numpy array) to `path`.

    `metadata`, if given, is a dict of str -> str stored as `__metadata__`.
    """
    entries = []
    for name, value in tensors.items():
        if not isinstance(name, str) or not name:
            raise SafetensorsError(f"tensor name must be a non-empty string: {name!r}")
        if name == "__metadata__":
            raise SafetensorsError("'__metadata__' is reserved")
        array = np.asarray(value)
        dtname = dtype_name(array)
        array = array.astype(_DTYPES[dtname], order="C", copy=False)  # keeps 0-d
        entries.append((name, dtname, array))
    entries.sort(key=lambda e: (-e[2].dtype.itemsize, e[0]))

    header = {}
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    offset = 0
    for name, dtname, array in entries:
        size = array.nbytes
        header[name] = {"dtype": dtname, "shape": list(array.shape),
                        "data_offsets": [offset, offset + size]}
        offset += size

    blob = json.dumps(header, separators=(",", ":")).encode("utf-8")
    blob += b" " * ((-len(blob)) % 8)  # data starts at 8 + len(blob)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(blob)))
        f.write(blob)
        for _, _, array in entries:
            f.write(array.tobytes(order="C"))


def load_with_metadata(path):
    """Reads `path`; returns (dict name -> numpy array, metadata dict)."""
    with open(path, "rb") as f:
        raw = f.read()
    if len(raw) < 8:
        raise SafetensorsError(f"{path}: too short for a safetensors file "
                               f"({len(raw)} bytes)")
    (n,) = struct.unpack("<Q", raw[:8])
    if n > len(raw) - 8:
        raise SafetensorsError(f"{path}: header length {n} exceeds the "
                               f"{len(raw) - 8} bytes after the length field")
    try:
        header = json.loads(raw[8:8 + n].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SafetensorsError(f"{path}: header is not valid JSON: {e}") from None
    if not isinstance(header, dict):
        raise SafetensorsError(f"{path}: header is not a JSON object")
    data = memoryview(raw)[8 + n:]
    metadata = header.pop("__metadata__", None) or {}

    tensors = {}
    items = sorted(header.items(), key=lambda kv: _offsets(path, kv)[0])
    for name, info in items:
        begin, end = _offsets(path, (name, info))
        dtname = info.get("dtype")
        if dtname not in _DTYPES:
            raise SafetensorsError(f"{path}: tensor '{name}' has unsupported "
                                   f"dtype {dtname!r}")
        shape = info.get("shape")
        if not isinstance(shape, list) or not all(
                isinstance(d, int) and d >= 0 for d in shape):
            raise SafetensorsError(f"{path}: tensor '{name}' has a bad shape "
                                   f"{shape!r}")
        dt = _DTYPES[dtname]
        count = int(np.prod(shape, dtype=np.int64))
        if end - begin != count * dt.itemsize:
            raise SafetensorsError(
                f"{path}: tensor '{name}' ({dtname} {shape}) needs "
                f"{count * dt.itemsize} bytes but data_offsets span "
                f"{end - begin}")
        if end > len(data):
            raise SafetensorsError(f"{path}: tensor '{name}' ends at {end}, "
                                   f"past the data section ({len(data)} bytes)")
        if dtname == "BOOL":
            u8 = np.frombuffer(data[begin:end], dtype=np.uint8)
            if u8.size and u8.max() > 1:
                raise SafetensorsError(f"{path}: BOOL tensor '{name}' holds "
                                       f"bytes other than 0 and 1")
            array = u8.astype(np.bool_)
        else:
            array = np.frombuffer(data[begin:end], dtype=dt).copy()
        tensors[name] = array.reshape(shape)
    return tensors, metadata


def load(path):
    """Reads `path`; returns dict name -> numpy array (native byte order)."""
    return load_with_metadata(path)[0]


def _offsets(path, item):
    name, info = item
    if not isinstance(info, dict):
        raise SafetensorsError(f"{path}: entry '{name}' is not an object")
    off = info.get("data_offsets")
    if (not isinstance(off, list) or len(off) != 2
            or not all(isinstance(o, int) for o in off) or not 0 <= off[0] <= off[1]):
        raise SafetensorsError(f"{path}: tensor '{name}' has bad data_offsets "
                               f"{off!r}")
    return off
