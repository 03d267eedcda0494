#!/usr/bin/python3
"""Writes the ONNX files of the tfx-import error tests into OUT_DIR.

    make_cases.py OUT_DIR

Each case is a small graph built with onnx.helper (Debian's python3-onnx), one
per error class of tfx-import, plus `ok.onnx`, a graph that imports.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

out = sys.argv[1]


def save(name, nodes, inputs, outputs, inits=(), opset=17):
    graph = helper.make_graph(nodes, name, inputs, outputs, list(inits))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    with open(os.path.join(out, name + ".onnx"), "wb") as f:
        f.write(model.SerializeToString())


x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 4, 8])
y = helper.make_tensor_value_info("y", TensorProto.FLOAT, None)
w = numpy_helper.from_array(np.arange(32, dtype=np.float32).reshape(8, 4) / 32, "lin.weight_t")
bias = numpy_helper.from_array(np.ones(4, np.float32), "lin.bias")

# A linear layer (MatMul + bias Add) and a ReLU: imports.
save("ok", [helper.make_node("MatMul", ["x", "lin.weight_t"], ["h"], name="mm"),
            helper.make_node("Add", ["h", "lin.bias"], ["a"], name="add"),
            helper.make_node("Relu", ["a"], ["y"], name="relu")],
     [x], [y], [w, bias])
# An op tfx-import does not know.
save("unsupported", [helper.make_node("Einsum", ["x", "x"], ["y"], name="the_einsum",
                                      equation="bij,bkj->bik")], [x], [y])
# A known op on a run-time value where only import-time folding exists.
save("runtime-tanh", [helper.make_node("Tanh", ["x"], ["y"], name="tanh0")], [x], [y])
# Opset outside 13-17.
save("opset11", [helper.make_node("Relu", ["x"], ["y"], name="r")], [x], [y], opset=11)
# A symbolic sequence length.
xs = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", "seq", 8])
save("dynamic-length", [helper.make_node("Relu", ["x"], ["y"], name="r")], [xs], [y])
# An initializer whose raw data is shorter than its shape.
bad = TensorProto()
bad.name, bad.data_type = "short", TensorProto.FLOAT
bad.dims.extend([8, 4])
bad.raw_data = b"\0" * 12
save("short-initializer", [helper.make_node("MatMul", ["x", "short"], ["y"], name="mm")],
     [x], [y], [bad])
# An initializer stored outside the model.
ext = TensorProto()
ext.name, ext.data_type = "external", TensorProto.FLOAT
ext.dims.extend([8, 4])
ext.data_location = TensorProto.EXTERNAL
entry = ext.external_data.add()
entry.key, entry.value = "location", "weights.bin"
save("external-data", [helper.make_node("MatMul", ["x", "external"], ["y"], name="mm")],
     [x], [y], [ext])
# A reshape whose element count does not match.
shape = numpy_helper.from_array(np.array([0, 5, 7], np.int64), "shape")
save("bad-reshape", [helper.make_node("Reshape", ["x", "shape"], ["y"], name="rs")],
     [x], [y], [shape])
# A node reading a value no earlier node produces.
save("unsorted", [helper.make_node("Relu", ["later"], ["y"], name="r"),
                  helper.make_node("Relu", ["x"], ["later"], name="r2")], [x], [y])
# Where whose fill is a run-time value (not a masked fill).
ids = helper.make_tensor_value_info("ids", TensorProto.INT64, ["batch", 4])
zero = numpy_helper.from_array(np.array(0, np.int64), "zero")
save("where-runtime-fill",
     [helper.make_node("Equal", ["ids", "zero"], ["pad"], name="eq"),
      helper.make_node("Unsqueeze", ["pad", "axis2"], ["pad3"], name="unsq"),
      helper.make_node("Where", ["pad3", "x", "x"], ["y"], name="the_where")],
     [x, ids], [y], [zero, numpy_helper.from_array(np.array([2], np.int64), "axis2")])

# Classes found by fuzzing (each crashed tfx-import once).
def const(name, array):
    return helper.make_node("Constant", [], [name], name=name, value=numpy_helper.from_array(array))


def vi(name, elem=TensorProto.FLOAT, shape=None):
    return helper.make_tensor_value_info(name, elem, shape)


# Shape arithmetic that overflows (INT64_MIN / -1).
save("fuzz-div-overflow", [const("a", np.array([np.iinfo(np.int64).min], np.int64)),
                           const("b", np.array([-1], np.int64)),
                           helper.make_node("Div", ["a", "b"], ["z"], name="div")],
     [], [vi("z", TensorProto.INT64)])
# A float condition where ONNX requires bool.
save("fuzz-where-float-cond", [const("c", np.ones((4,), np.float32)),
                               const("a", np.ones((4,), np.float32)),
                               const("b", np.zeros((4,), np.float32)),
                               helper.make_node("Where", ["c", "a", "b"], ["z"], name="w")],
     [], [vi("z")])
# Repeated Unsqueeze axes.
save("fuzz-unsqueeze-dup", [const("ax", np.array([1, 1], np.int64)),
                            helper.make_node("Unsqueeze", ["x", "ax"], ["z"], name="unsq")],
     [vi("x", TensorProto.FLOAT, [3])], [vi("z")])
# An empty initializer whose other dimension is huge.
huge = TensorProto()
huge.name, huge.data_type = "e", TensorProto.FLOAT
huge.dims.extend([1 << 40, 0])
huge.raw_data = b""
save("fuzz-huge-empty", [helper.make_node("Concat", ["e", "e"], ["z"], name="cat", axis=1)],
     [], [vi("z")], [huge])
# A Split without outputs; an Add missing an input; axes on rank-0 values.
save("fuzz-split-no-outputs", [helper.make_node("Split", ["x"], [], name="sp", axis=1),
                               helper.make_node("Relu", ["x"], ["z"], name="r")],
     [vi("x", TensorProto.FLOAT, [2, 4])], [vi("z")])
save("fuzz-add-one-input", [helper.make_node("Add", ["x"], ["z"], name="add1")],
     [vi("x", TensorProto.FLOAT, [2])], [vi("z")])
save("fuzz-softmax-rank0", [helper.make_node("Softmax", ["x"], ["z"], name="sm")],
     [vi("x", TensorProto.FLOAT, [])], [vi("z")])

# Masks and layouts (nn.MultiheadAttention exports).
scores = vi("s", TensorProto.FLOAT, ["batch", 4, 4])
padin = vi("pad", TensorProto.BOOL, ["batch", 4])
minf = const("minf", np.array(-np.inf, np.float32))
zero_f = const("zf", np.array(0.0, np.float32))
# A key padding mask given as a bool graph input (true = padded): keeping
# where it is false needs a negation tfx-import does not invent.
save("mask-input", [minf, const("shp", np.array([-1, 1, 4], np.int64)),
                    helper.make_node("Reshape", ["pad", "shp"], ["pad3"], name="r"),
                    helper.make_node("Where", ["pad3", "minf", "s"], ["z"], name="fill")],
     [scores, padin], [vi("z")])
# An additive (0 / -inf) mask used other than by adding it to scores.
ids4 = vi("ids", TensorProto.INT64, ["batch", 4])
save("additive-misuse", [minf, zero_f, const("padid", np.array(0, np.int64)),
                         helper.make_node("Equal", ["ids", "padid"], ["m"], name="eq"),
                         helper.make_node("Where", ["m", "minf", "zf"], ["add"], name="w"),
                         helper.make_node("Relu", ["add"], ["z"], name="relu_of_mask")],
     [ids4], [vi("z")])
# A run-time float broadcast by Expand and then used as a value.
xe = vi("x", TensorProto.FLOAT, ["batch", 1, 4])
save("expand-float", [const("to", np.array([1, 3, 4], np.int64)),
                      helper.make_node("Expand", ["x", "to"], ["e"], name="exp"),
                      helper.make_node("Relu", ["e"], ["z"], name="relu")],
     [xe], [vi("z")])
