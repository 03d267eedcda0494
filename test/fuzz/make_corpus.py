#!/usr/bin/env python3
"""Writes the fuzzer's seed corpus (test/fuzz/corpus/).

Independent of the C++ code on purpose: the valid seeds are encoded here with
struct/json, so they double as files from "another writer". Run it after
changing the seeds and commit the result:

    python3 test/fuzz/make_corpus.py
"""

import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")


def file_bytes(header, data=b""):
    """Length prefix + header (str or bytes) + data section."""
    if isinstance(header, str):
        header = header.encode("utf-8")
    return struct.pack("<Q", len(header)) + header + data


def valid(tensors, metadata=None):
    """tensors: list of (name, dtype, shape, raw bytes), packed in order."""
    header = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    data = b""
    for name, dtype, shape, raw in tensors:
        header[name] = {"dtype": dtype, "shape": shape,
                        "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":"))
    text += " " * ((8 - (8 + len(text)) % 8) % 8)
    return file_bytes(text, data)


def entry(dtype, shape, offsets):
    return {"dtype": dtype, "shape": shape, "data_offsets": offsets}


SEEDS = {
    # Valid files.
    "valid-f32": valid([("w", "F32", [2, 2], struct.pack("<4f", 1, -2, 0.5, 3))]),
    "valid-mixed": valid(
        [("h", "F16", [3], struct.pack("<3H", 0x3C00, 0x0001, 0x7C00)),
         ("b", "BF16", [1], struct.pack("<H", 0x3F80)),
         ("mask", "BOOL", [2], bytes([1, 0])),
         ("ids", "I64", [1, 1], struct.pack("<q", -5)),
         ("n", "I32", [], struct.pack("<i", 7)),
         ("s", "I8", [2], struct.pack("<2b", -1, 1)),
         ("d", "F64", [1], struct.pack("<d", 0.25)),
         ("u", "U8", [1], bytes([200])),
         ("none", "F32", [0, 5], b"")],
        metadata={"format": "pt"}),
    "valid-empty": file_bytes("{}      "),
    # Broken files, one problem each.
    "short": b"\x05\x00\x00",
    "header-too-long": struct.pack("<Q", 1000) + b"{}",
    "bad-json": file_bytes('{"w":{"dtype":"F32",'),
    "not-object": file_bytes("[1,2,3] "),
    "unknown-dtype": file_bytes(json.dumps({"w": entry("F8", [1], [0, 1])}), b"\0"),
    "negative-dim": file_bytes(json.dumps({"w": entry("F32", [-1], [0, 0])})),
    "overflow-shape": file_bytes(json.dumps(
        {"w": entry("U8", [4294967296, 4294967296], [0, 0])})),
    "length-mismatch": file_bytes(json.dumps({"w": entry("F32", [3], [0, 8])}),
                                  bytes(12)),
    "out-of-range": file_bytes(json.dumps({"w": entry("F32", [4], [0, 16])}),
                               bytes(8)),
    "overlap": file_bytes(json.dumps({"a": entry("U8", [4], [0, 4]),
                                      "b": entry("U8", [4], [2, 6])}), bytes(6)),
    "bool-2": file_bytes(json.dumps({"m": entry("BOOL", [2], [0, 2])}),
                         bytes([1, 2])),
    "duplicate-key": file_bytes(
        '{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},'
        '"a":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}}', b"xy"),
    "deep": file_bytes("[" * 64),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    for name, content in sorted(SEEDS.items()):
        with open(os.path.join(OUT, name + ".safetensors"), "wb") as f:
            f.write(content)


if __name__ == "__main__":
    main()
