#!/usr/bin/python3
"""ONNX's own node tests (Debian's libonnx-testdata) through tfx-import + tfx-run.

    run_node_tests.py BIN_DIR WORK_DIR [--data DIR] [--verbose]

For every node test whose ops are all ones tfx-import supports, the model is
imported and run with tfx-run on the test's inputs, and the outputs are
compared with the test's expected outputs (|a - e| <= 1e-5 + 1e-4 |e|).

Graph inputs that tfx must know at import time (shapes, axes, indices: every
integer or bool input) are bound to the test's values as initializers first,
since tfx compiles static shapes. When the import reports an op on a run-time
value that tfx-import only folds, the test is retried with every input bound,
which checks the folder against ONNX's expected outputs.

Outcomes: PASS; UNSUPPORTED (tfx-import or tfx-run refused with a clean
`error:` message and exit 1); FAIL (wrong numbers, a crash, or an exit without
a message). Exits 1 on any FAIL, or when a supported op has no passing test.
"""
import argparse
import glob
import os
import subprocess
import sys

import numpy as np
import onnx
from onnx import numpy_helper

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "golden"))
import safetensors_io  # noqa: E402

# Ops tfx-import lowers to run-time tfx ops, and ops it folds at import time.
RUNTIME_OPS = {"Add", "Sub", "Mul", "Div", "MatMul", "Gemm", "Relu", "LeakyRelu", "Softmax",
               "LayerNormalization", "Transpose", "Reshape", "Flatten", "Unsqueeze", "Squeeze",
               "Concat", "Slice", "Split", "Gather", "Identity", "Dropout", "Where", "Equal",
               "Not", "Cast"}
FOLDED_OPS = {"Constant", "Shape", "ConstantOfShape", "Expand", "Range", "Trilu", "Sqrt", "Pow",
              "Reciprocal", "Erf", "Tanh", "Sigmoid", "And"}
SUPPORTED = RUNTIME_OPS | FOLDED_OPS
# Supported ops whose every node test is out of reach, and why.
NO_NODE_TEST = {
    "And": "its node tests are opset 7 (tfx-import reads 13-17)",
    "Not": "its node tests are opset 1",
    "ConstantOfShape": "its node tests are opset 9",
    "Range": "its node tests are opset 11",
    "LayerNormalization": "every node test also returns Mean and InvStdDev, which "
                          "tfx-import refuses (inference graphs only)",
}


def load_pb(path):
    t = onnx.TensorProto()
    with open(path, "rb") as f:
        t.ParseFromString(f.read())
    return t.name, numpy_helper.to_array(t)


def to_st(a):
    if a.dtype == np.float64:
        return a.astype(np.float32)
    if a.dtype == np.int32:
        return a.astype(np.int64)
    return a


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stderr.strip()


def clean_error(rc, err):
    return rc == 1 and "error:" in err


def attempt(test_dir, work, bins, bind):
    """bind: 'ints' (integer and bool inputs become initializers), 'rest'
    (every input but the first), or 'all'."""
    model = onnx.load(os.path.join(test_dir, "model.onnx"))
    data = os.path.join(test_dir, "test_data_set_0")
    graph_inputs = [i.name for i in model.graph.input]
    inputs = dict(load_pb(p) for p in sorted(glob.glob(os.path.join(data, "input_*.pb"))))
    # input_N.pb may be unnamed: bind by position.
    if set(inputs) != set(graph_inputs):
        vals = [load_pb(p)[1] for p in sorted(glob.glob(os.path.join(data, "input_*.pb")))]
        inputs = dict(zip(graph_inputs, vals))
    outputs = [load_pb(p) for p in sorted(glob.glob(os.path.join(data, "output_*.pb")))]
    names = [o.name for o in model.graph.output]
    expected = {n: v for n, (_, v) in zip(names, outputs)}
    runtime = {}
    for k, (name, value) in enumerate(inputs.items()):
        if bind == "all" or (bind == "rest" and k > 0) or value.dtype.kind in "iub":
            model.graph.initializer.append(numpy_helper.from_array(value, name))
        else:
            runtime[name] = to_st(value)
    kept = [i for i in model.graph.input if i.name in runtime]
    del model.graph.input[:]
    model.graph.input.extend(kept)
    onnx_path = os.path.join(work, "model.onnx")
    onnx.save(model, onnx_path)
    mlir, weights = os.path.join(work, "model.mlir"), os.path.join(work, "w.safetensors")
    for f in (mlir, weights):
        if os.path.exists(f):
            os.remove(f)
    rc, err = run([os.path.join(bins, "tfx-import"), onnx_path, "-o", mlir,
                   "--weights-out", weights])
    if rc != 0:
        return ("UNSUPPORTED", "import: " + err.splitlines()[-1]) if clean_error(rc, err) \
            else ("FAIL", f"tfx-import exit {rc}: {err[-300:]}")
    ins = os.path.join(work, "in.safetensors")
    safetensors_io.save(ins, runtime if runtime else {"__unused": np.zeros(1, np.float32)})
    outs = os.path.join(work, "out.safetensors")
    if os.path.exists(outs):
        os.remove(outs)
    rc, err = run([os.path.join(bins, "tfx-run"), mlir, "--weights", weights, "--inputs", ins,
                   "--outputs", outs, "--threads", "1"])
    if rc != 0:
        return ("UNSUPPORTED", "run: " + err.splitlines()[-1]) if clean_error(rc, err) \
            else ("FAIL", f"tfx-run exit {rc}: {err[-300:]}")
    got = safetensors_io.load(outs)
    for name, e in expected.items():
        if name not in got:
            return "FAIL", f"output '{name}' missing"
        a = got[name]
        e = to_st(e)
        if a.shape != e.shape:
            return "FAIL", f"output '{name}' has shape {a.shape}, expected {e.shape}"
        if e.dtype.kind == "f":
            if not np.all(np.abs(a - e) <= 1e-5 + 1e-4 * np.abs(e)):
                return "FAIL", f"output '{name}': max abs error {np.max(np.abs(a - e)):.3g}"
        elif not np.array_equal(a, e.astype(a.dtype)):
            return "FAIL", f"output '{name}' differs"
    return "PASS", {"ints": "", "rest": "inputs after the first bound",
                    "all": "every input bound (folded at import)"}[bind]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bins")
    ap.add_argument("work")
    ap.add_argument("--data", default="/usr/share/libonnx-testdata/data/node")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    counts = {"PASS": 0, "UNSUPPORTED": 0, "FAIL": 0}
    passed_ops = set()
    for test_dir in sorted(glob.glob(os.path.join(args.data, "test_*"))):
        path = os.path.join(test_dir, "model.onnx")
        if not os.path.exists(path):
            continue
        try:
            model = onnx.load(path)
        except Exception:  # noqa: BLE001 (a model this onnx cannot read)
            continue
        ops = {n.op_type for n in model.graph.node}
        if not ops or not ops <= SUPPORTED or any(n.domain not in ("", "ai.onnx")
                                                 for n in model.graph.node):
            continue
        try:
            for bind in ("ints", "rest", "all"):
                outcome, why = attempt(test_dir, args.work, args.bins, bind)
                if outcome != "UNSUPPORTED":
                    break
        except ValueError:  # test data that are sequences or optionals
            continue
        counts[outcome] += 1
        if outcome == "PASS":
            passed_ops |= ops
        if outcome != "PASS" or args.verbose:
            print(f"{outcome:11s} {os.path.basename(test_dir)} {why}")
    missing = sorted(SUPPORTED - passed_ops - {"Constant"} - set(NO_NODE_TEST))
    for op, why in sorted(NO_NODE_TEST.items()):
        if op in passed_ops:
            missing.append(op + " (listed as without a node test, but one passed: update "
                           "NO_NODE_TEST)")
        else:
            print(f"no node test for {op}: {why}")
    print(f"node tests: {counts['PASS']} passed, {counts['UNSUPPORTED']} unsupported "
          f"(clean errors), {counts['FAIL']} failed")
    if missing:
        print("supported ops without a passing node test: " + ", ".join(missing))
    return 1 if counts["FAIL"] or missing else 0


if __name__ == "__main__":
    sys.exit(main())
