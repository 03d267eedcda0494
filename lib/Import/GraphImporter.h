//===- GraphImporter.h - one ONNX graph into one func.func ------*- C++ -*-===//
//
// Internal to lib/Import: the GraphImporter class, which walks the nodes of
// one ONNX graph and builds a func.func of tfx ops. Its members are defined
// by job:
//
//  * OnnxImporter.cpp: the walk (run), the checks every node gets and the
//    dispatch to one handler per op (importNode);
//  * OnnxModel.cpp: the opset, initializers and graph inputs;
//  * ImporterValues.cpp: values into IR (layouts, scales, parameters);
//  * ConstantOps.cpp, ElementwiseOps.cpp, MaskOps.cpp, MatmulOps.cpp,
//    NormalizationOps.cpp, ShapeOps.cpp, SliceOps.cpp: the op handlers.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LIB_IMPORT_GRAPHIMPORTER_H
#define TFX_LIB_IMPORT_GRAPHIMPORTER_H

#include "ImporterInternal.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

namespace tfx::import::detail {

class GraphImporter {
public:
  GraphImporter(MLIRContext &ctx, ModuleOp module, WeightTable &weights,
                const std::string &path)
      : module(module), b(&ctx), weights(weights), path(path) {}

  void run(const onnx::ModelProto &model, const std::string &functionName);

private:
  /// Graph inputs that become function arguments: name and dimensions.
  using GraphArgs = std::vector<std::pair<std::string, std::vector<Sym>>>;

  // The node being imported, for locations and names of synthesized values.
  const onnx::NodeProto *node = nullptr;
  Location loc() {
    std::string name = node ? node->name() : std::string("graph");
    return NameLoc::get(b.getStringAttr(name),
                        FileLineColLoc::get(b.getStringAttr(path), 0, 0));
  }

  // The graph (OnnxModel.cpp, OnnxImporter.cpp) -------------------------------
  void readOpset(const onnx::ModelProto &model);
  std::set<std::string> readInitializers(const onnx::GraphProto &g);
  void readGraphInputs(const onnx::GraphProto &g, const std::set<std::string> &initNames,
                       SmallVector<Type> &argTypes, GraphArgs &args);
  Type inputElemType(const onnx::ValueInfoProto &input);
  std::vector<Sym> inputDims(const onnx::ValueInfoProto &input, std::string &batchName);
  void findConsumers(const onnx::GraphProto &g);
  void importNodes(const onnx::GraphProto &g);
  void returnOutputs(func::FuncOp func, const onnx::GraphProto &g,
                     const SmallVector<Type> &argTypes);

  // Values --------------------------------------------------------------------
  Val &get(const std::string &name) {
    auto it = values.find(name);
    if (it == values.end())
      fail("input '" + name + "' is not produced by any earlier node, input or "
           "initializer (the graph must be topologically sorted)");
    return it->second;
  }
  bool has(int i) const { return i < node->input_size() && !node->input(i).empty(); }
  Val &in(int i) {
    if (!has(i))
      fail("input " + std::to_string(i) + " is missing");
    return get(node->input(i));
  }
  const Host &hostIn(int i, const char *what) {
    Val &v = in(i);
    if (!v.isHost)
      fail(std::string(what) + " (input " + std::to_string(i) + ", '" + node->input(i) +
           "') must be known at import time, but it is computed at run time");
    return v.host;
  }
  void set(int i, Val v) {
    if (i < node->output_size() && !node->output(i).empty()) {
      if (values.count(node->output(i)))
        fail("output '" + node->output(i) + "' is already defined (an ONNX value is "
             "assigned once)");
      values[node->output(i)] = std::move(v);
    }
  }

  // Attributes ---------------------------------------------------------------
  const onnx::AttributeProto *attr(const char *name) {
    for (const auto &a : node->attribute())
      if (a.name() == name)
        return &a;
    return nullptr;
  }
  int64_t intAttr(const char *name, int64_t def) {
    const auto *a = attr(name);
    return a ? a->i() : def;
  }
  float floatAttr(const char *name, float def) {
    const auto *a = attr(name);
    return a ? a->f() : def;
  }
  std::optional<std::vector<int64_t>> intsAttr(const char *name) {
    const auto *a = attr(name);
    if (!a)
      return std::nullopt;
    return std::vector<int64_t>(a->ints().begin(), a->ints().end());
  }

  // Types and IR (ImporterValues.cpp) -----------------------------------------
  RankedTensorType typeOf(const std::vector<Sym> &dims, Type elem);
  Val runtime(Value v, std::vector<Sym> dims, bool negated = false) {
    Val r;
    r.isHost = false;
    r.phys = v;
    r.dims = std::move(dims);
    r.negated = negated;
    return r;
  }
  std::string hint() {
    return node && node->output_size() ? node->output(0) : std::string("constant");
  }

  // Layouts (see View; ImporterValues.cpp) ------------------------------------
  static Type elemOf(Value v) { return llvm::cast<RankedTensorType>(v.getType()).getElementType(); }
  static View viewOf(const Val &v) { return v.view ? *v.view : trivialView(v.dims); }
  /// A run-time value `phys` seen through `v`, with `like`'s mask polarity.
  Val viewed(const Val &like, Value phys, View v);
  static bool hasBroadcast(const View &v) {
    return std::any_of(v.bcast.begin(), v.bcast.end(), [](int64_t b) { return b != 0; });
  }
  /// A float value read as such must not hold Expand-ed (broadcast) axes.
  static void requireNoBroadcast(const View &v, const std::string &what);
  /// x's physical value (and mask polarity and pending scale) seen through
  /// another view: what Transpose, Reshape and Expand produce.
  Val withView(const Val &x, Value phys, View v);
  Value reshape(Value x, const std::vector<Sym> &dims);
  /// The view's axes (physical sizes) in `order`, consecutive runs merged
  /// by `merge` (a run of 0 axes is a unit dimension). Unscaled.
  Value arrange(const Val &x, const std::vector<int> &order, const std::vector<int> &merge);
  Value splat(float c);
  /// `r` (laid out like x's physical value) times x's pending scale.
  Value scaled(Value r, const Val &x);
  /// The logical (ONNX-shaped) value.
  Value logical(const Val &x, const std::string &what);
  /// x arranged with its last logical dimension as the last physical axis
  /// and the other axes in physical order (batch stays leading), scaled;
  /// `out` is the view of that arrangement. For ops along the last axis.
  Value lastAxis(const Val &x, View &out, const std::string &what);
  /// A last-axis op's result: `r` in `view`'s layout with the last axis now `n`.
  Val lastAxisResult(const Val &like, Value r, View view, Sym n);
  /// tfx.linear of x (weight [n, K], optional bias) along its last axis.
  Val linearOf(const Val &x, Value weight, Value bias, int64_t n);

  // Parameters and constants (ImporterValues.cpp) -----------------------------
  /// Registers `data` under `name` (same name twice: the same data).
  void addWeight(const std::string &name, const std::vector<int64_t> &shape,
                 const std::vector<float> &data, bool transposedLayout);
  Value paramOf(const std::string &name, const std::vector<int64_t> &shape,
                const std::vector<float> &data, bool transposedLayout = false);
  /// A host float tensor as an IR value.
  Value materialize(const Host &h, const char *what);
  Value valueOf(Val &v, const char *what);

  // Node handlers -------------------------------------------------------------
  // The walk (OnnxImporter.cpp).
  void importNode();
  void checkArity(const std::string &op);
  void finishLayerNormInputs();
  void checkSymbolicInputs(const std::string &op);
  void dispatch(const std::string &op);
  // Import-time constants (ConstantOps.cpp).
  void importIdentity(const std::string &op);
  void importConstant();
  void importShape();
  void importCast();
  void importConstantOfShape();
  void importRange();
  void importTrilu();
  // Elementwise arithmetic (ElementwiseOps.cpp).
  void foldElementwise(const std::string &op);
  void binary(const std::string &op);
  void additiveBinary(const std::string &op, Val &x, Val &y);
  bool raiseWithConstant(const std::string &op, Val &x, Val &y);
  void emitBinary(const std::string &op, Val &x, Val &y);
  void importFolded(const std::string &op);
  void importRelu(const std::string &op);
  // Masks (MaskOps.cpp).
  void where();
  Val maskedFill(const Val &x, const Val &cond, bool keepWhen, float fill);
  Value constantMask(const Val &x, const View &vx, const Val &cond, bool keepWhen);
  Value runtimeMask(const Val &x, const View &vx, const Val &cond, bool keepWhen);
  Val addMask(const Val &x, const std::vector<MaskTerm> &terms, const std::vector<Sym> &maskDims);
  void importEqual();
  void importNot();
  void importOr();
  // MatMul and Gemm (MatmulOps.cpp).
  void matmul();
  Value linearWeight(const Host &w, const std::string &biasName = "");
  bool matmulOperands(const Val &a, const Val &w, Value &A, Value &B, View &out);
  void gemm();
  // Normalization (NormalizationOps.cpp).
  bool layerNormStep();
  Value layerNormOf(const Val &v, const Host *beta);
  void importSoftmax();
  void importLayerNormalization();
  // Shapes and layouts (ShapeOps.cpp).
  void reshapeTo(Val &x, std::vector<Sym> dims);
  Host shapeInput(int i, const char *what);
  void importTranspose();
  void importReshape();
  void importFlatten();
  void importSqueeze(const std::string &op);
  void importExpand();
  // Gather, Slice, Concat and Split (SliceOps.cpp).
  void gather();
  void slice();
  Val sliceAxis(const Val &x, int64_t axis, int64_t start, int64_t size);
  void importConcat();
  void importSplit();

  ModuleOp module;
  OpBuilder b;
  WeightTable &weights;
  std::string path;
  int opset = 0;
  std::map<std::string, Val> values;
  std::set<std::string> uses;
  std::map<std::string, const onnx::NodeProto *> soleConsumer;
  std::set<const onnx::NodeProto *> absorbed;
};

} // namespace tfx::import::detail

#endif // TFX_LIB_IMPORT_GRAPHIMPORTER_H
