#!/usr/bin/env python3
"""Packs a trained teacher (train.py's OUT directory) into examples/real/model:
the weights as float16 (half the size in the repository; every tool loads
them into float32 parameters, so the float16-rounded weights are the model),
config.json and the training log.

Usage: python3 examples/real/pack_model.py OUT [--dest examples/real/model]
"""
import argparse
import os
import shutil

import numpy as np

import data

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("out", help="train.py's output directory")
ap.add_argument("--dest", default=os.path.join(data.HERE, "model"))
args = ap.parse_args()
os.makedirs(args.dest, exist_ok=True)
weights = data.safetensors_io.load(os.path.join(args.out, "teacher.safetensors"))
data.safetensors_io.save(os.path.join(args.dest, "teacher.safetensors"),
                         {k: v.astype(np.float16) for k, v in weights.items()})
for name in ("config.json", "train-log.txt"):
    shutil.copy(os.path.join(args.out, name), os.path.join(args.dest, name))
size = os.path.getsize(os.path.join(args.dest, "teacher.safetensors"))
print(f"wrote {args.dest}: {len(weights)} tensors, {size / 2**20:.1f} MiB (float16)")
