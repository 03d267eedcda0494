#!/usr/bin/python3
"""Splits export_onnx.py's reference (memory, logits, tokens) into one file
per tensor, and writes the decoder's inputs (the reference memory with the
source and target ids).

    split_reference.py INPUTS REFERENCE OUT_DIR
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "golden"))
import safetensors_io  # noqa: E402

inputs, ref, out = safetensors_io.load(sys.argv[1]), safetensors_io.load(sys.argv[2]), sys.argv[3]
for name, value in ref.items():
    safetensors_io.save(os.path.join(out, f"ref-{name}.safetensors"), {name: value})
safetensors_io.save(os.path.join(out, "dec-in.safetensors"),
                    {"memory": ref["memory"], "src_ids": inputs["src_ids"],
                     "tgt_ids": inputs["tgt_ids"]})
