"""Helpers shared by the tfx benchmarks (bench/*.py), one copy each.

- tools: locating, snapshotting and running the tfx tools; reading
  `tfx-run --stats-json` (the schema is in docs/running.md);
- machine: the machine's description, its load, waiting for a quiet
  machine and measuring what other processes used meanwhile;
- peers: the PyTorch eager peer (subprocess workers, OPENBLAS settings,
  oneDNN linears, which setting is the peer);
- onnx_peers: ONNX Runtime and IREE (bench/peers_bench.py), from the dev-only
  venv of bench/peers/setup.sh: export, compile, run, time;
- stats: medians, ratios, rates;
- report: formatting numbers, progress, writing the Markdown and JSON results.

Standard library only at import time (numpy and torch are imported where
they are used), so that the test suite can read a stats file with it.
Importing the package puts test/golden on sys.path: the benchmarks use its
safetensors_io and make_golden (the PyTorch reference modules).
"""
import os
import sys

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(BENCH)
MODELS = os.path.join(BENCH, "models")
RESULTS = os.path.join(BENCH, "results")
BIN = os.path.join(REPO, "build", "bin")
GOLDEN = os.path.join(REPO, "test", "golden")

if GOLDEN not in sys.path:
    sys.path.insert(0, GOLDEN)
