//===- OnnxImporter.cpp - ONNX graphs into the tfx dialect ----------------===//
//
// The importer's entry point and its walk. importOnnx parses each file and
// runs a GraphImporter over its graph; the module built is verified and
// canonicalized, and only the weights it still names are returned.
// GraphImporter::run makes the function from the graph inputs, walks the
// nodes in order and returns the graph outputs; importNode gives every node
// the checks all ops share (input counts, LayerNorm patterns, symbolic masks
// and splats reaching ops that do not take them) and dispatches it to its
// op's handler. The values the walk keeps are described in
// ImporterInternal.h, the handlers in the files GraphImporter.h names.
//
//===----------------------------------------------------------------------===//

#include "tfx/Import/Onnx.h"

#include "GraphImporter.h"

#include "tfx/Dialect/Tfx/TfxOps.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

#include <fstream>

using namespace mlir;

namespace tfx {
namespace import::detail {

static std::string describeNode(const onnx::NodeProto &n, int opset) {
  std::string s = "node '" + n.name() + "' (" + n.op_type() + ", opset " +
                  std::to_string(opset) + ", inputs: ";
  for (int i = 0; i < n.input_size(); ++i)
    s += (i ? ", " : "") + ("'" + n.input(i) + "'");
  return s + ")";
}

//===----------------------------------------------------------------------===//
// The graph
//===----------------------------------------------------------------------===//

void GraphImporter::run(const onnx::ModelProto &model, const std::string &functionName) {
  readOpset(model);
  const onnx::GraphProto &g = model.graph();
  std::set<std::string> initNames = readInitializers(g);
  SmallVector<Type> argTypes;
  GraphArgs args;
  readGraphInputs(g, initNames, argTypes, args);
  if (g.output_size() == 0)
    fail("the graph has no outputs");

  b.setInsertionPointToEnd(module.getBody());
  auto func = b.create<func::FuncOp>(
      NameLoc::get(b.getStringAttr(g.name()), FileLineColLoc::get(b.getStringAttr(path), 0, 0)),
      functionName, b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  for (size_t a = 0; a < args.size(); ++a) {
    func.setArgAttr(a, kNameAttrName, b.getStringAttr(args[a].first));
    values[args[a].first] = runtime(entry->getArgument(a), args[a].second);
  }
  b.setInsertionPointToStart(entry);

  findConsumers(g);
  importNodes(g);
  returnOutputs(func, g, argTypes);
}

/// Uses, for fusing a MatMul with the bias Add that is its only consumer.
void GraphImporter::findConsumers(const onnx::GraphProto &g) {
  std::map<std::string, std::vector<const onnx::NodeProto *>> consumers;
  for (const auto &n : g.node())
    for (const auto &i : n.input())
      consumers[i].push_back(&n);
  for (const auto &o : g.output())
    consumers[o.name()].push_back(nullptr);
  for (auto &[name, list] : consumers) {
    uses.insert(name);
    if (list.size() == 1 && list[0])
      soleConsumer[name] = list[0];
  }
}

/// Every node in order; an error names the node.
void GraphImporter::importNodes(const onnx::GraphProto &g) {
  for (const auto &n : g.node()) {
    node = &n;
    if (absorbed.count(&n))
      continue;
    try {
      importNode();
    } catch (const ImportError &e) {
      fail(describeNode(n, opset) + ": " + e.message);
    } catch (const std::exception &e) {
      fail(describeNode(n, opset) + ": internal error: " + e.what());
    }
  }
  node = nullptr;
}

/// The graph outputs, returned under their ONNX names.
void GraphImporter::returnOutputs(func::FuncOp func, const onnx::GraphProto &g,
                                  const SmallVector<Type> &argTypes) {
  SmallVector<Value> results;
  SmallVector<Type> resultTypes;
  for (const auto &o : g.output()) {
    Val &v = get(o.name());
    Value r = valueOf(v, ("graph output '" + o.name() + "'").c_str());
    results.push_back(r);
    resultTypes.push_back(r.getType());
  }
  b.create<func::ReturnOp>(func.getLoc(), results);
  func.setType(b.getFunctionType(argTypes, resultTypes));
  for (int o = 0; o < g.output_size(); ++o)
    func.setResultAttr(o, kNameAttrName, b.getStringAttr(g.output(o).name()));
}

//===----------------------------------------------------------------------===//
// Nodes
//===----------------------------------------------------------------------===//

/// Inputs an op must have (at least, at most), for the ops imported.
static std::optional<std::pair<int, int>> arity(const std::string &op) {
  static const std::map<std::string, std::pair<int, int>> table = {
      {"Identity", {1, 1}}, {"Dropout", {1, 3}}, {"Constant", {0, 0}}, {"Shape", {1, 1}},
      {"Cast", {1, 1}}, {"Add", {2, 2}}, {"Sub", {2, 2}}, {"Mul", {2, 2}}, {"Div", {2, 2}},
      {"Pow", {2, 2}}, {"Sqrt", {1, 1}}, {"Reciprocal", {1, 1}}, {"Neg", {1, 1}},
      {"Exp", {1, 1}}, {"Log", {1, 1}}, {"Tanh", {1, 1}}, {"Sigmoid", {1, 1}}, {"Erf", {1, 1}},
      {"Less", {2, 2}}, {"Greater", {2, 2}}, {"And", {2, 2}}, {"Or", {2, 2}}, {"Xor", {2, 2}},
      {"Max", {2, 2}}, {"Min", {2, 2}}, {"Mod", {2, 2}}, {"Relu", {1, 1}},
      {"LeakyRelu", {1, 1}}, {"Equal", {2, 2}}, {"Not", {1, 1}}, {"Where", {3, 3}},
      {"MatMul", {2, 2}}, {"Gemm", {2, 3}}, {"Gather", {2, 2}}, {"Slice", {3, 5}},
      {"Softmax", {1, 1}}, {"LayerNormalization", {2, 3}}, {"Transpose", {1, 1}},
      {"Reshape", {2, 2}}, {"Flatten", {1, 1}}, {"Unsqueeze", {1, 2}}, {"Squeeze", {1, 2}},
      {"Concat", {1, 1 << 20}}, {"Split", {1, 2}}, {"ConstantOfShape", {1, 1}},
      {"Expand", {2, 2}}, {"Range", {3, 3}}, {"Trilu", {1, 2}}, {"ReduceMean", {1, 1}}};
  auto it = table.find(op);
  if (it == table.end())
    return std::nullopt;
  return it->second;
}

void GraphImporter::importNode() {
  const std::string &op = node->op_type();
  checkArity(op);
  if (layerNormStep())
    return;
  finishLayerNormInputs();
  if (!node->domain().empty() && node->domain() != "ai.onnx")
    fail("ops of domain '" + node->domain() + "' are not supported");
  checkSymbolicInputs(op);
  dispatch(op);
}

void GraphImporter::checkArity(const std::string &op) {
  if (auto a = arity(op)) {
    if (node->input_size() < a->first || node->input_size() > a->second)
      fail(op + " takes " + std::to_string(a->first) +
           (a->second == a->first ? "" : " to " + std::to_string(a->second)) +
           " inputs, got " + std::to_string(node->input_size()));
    for (int i = 0; i < a->first; ++i)
      if (node->input(i).empty())
        fail("required input " + std::to_string(i) + " is empty");
    if (node->output_size() < 1 || node->output(0).empty())
      fail(op + " has no output");
  }
}

/// Any other consumer of a LayerNorm pattern: a completed one becomes
/// tfx.layer_norm here; a partial one is an error (never read as `value`).
void GraphImporter::finishLayerNormInputs() {
  for (int i = 0; i < node->input_size(); ++i) {
    if (!has(i) || get(node->input(i)).ln == Val::Ln::None)
      continue;
    Val &v = get(node->input(i));
    if (v.ln != Val::Ln::Normalized && v.ln != Val::Ln::Scaled)
      valueOf(v, ("input " + std::to_string(i)).c_str());  // fails with the reason
    Val done = runtime(layerNormOf(v, nullptr), v.dims);
    v = done;
  }
}

/// Batch-dependent splats and additive masks reach only the ops that know
/// them; anywhere else they would be read as something they are not.
void GraphImporter::checkSymbolicInputs(const std::string &op) {
  static const std::set<std::string> maskAware = {"Identity", "Dropout", "Shape", "Where",
                                                  "Add", "Mul", "Expand", "Cast"};
  static const std::set<std::string> orAware = {"Identity", "Dropout", "Where", "Or", "Cast",
                                                "Shape"};
  if (!orAware.count(op))
    for (int i = 0; i < node->input_size(); ++i)
      if (has(i) && in(i).isOr)
        fail(std::string("input ") + std::to_string(i) +
             " is a disjunction of run-time masks (Or), which " + op + " does not take");
  if (!maskAware.count(op))
    for (int i = 0; i < node->input_size(); ++i)
      if (has(i) && (in(i).splatDims || in(i).isAdditive))
        fail(std::string("input ") + std::to_string(i) + " is " +
             (in(i).isAdditive ? "an additive attention mask (0 / -inf)"
                               : "a constant of batch-dependent shape (ConstantOfShape)") +
             ", which " + op + " does not take");
}

/// The handler of the node's op.
void GraphImporter::dispatch(const std::string &op) {
  if (op == "Identity" || op == "Dropout")
    return importIdentity(op);
  if (op == "Constant")
    return importConstant();
  if (op == "Shape")
    return importShape();
  if (op == "Cast")
    return importCast();
  if (op == "Add" || op == "Sub" || op == "Mul" || op == "Div")
    return binary(op);
  if (op == "Or" && (!in(0).isHost || !in(1).isHost))
    return importOr();
  if (op == "Mod" && intAttr("fmod", 0) != 0)
    fail("Mod with fmod = 1 is not supported");
  if (op == "Pow" || op == "Sqrt" || op == "Reciprocal" || op == "Neg" || op == "Exp" ||
      op == "Log" || op == "Tanh" || op == "Sigmoid" || op == "Erf" || op == "Less" ||
      op == "Greater" || op == "And" || op == "Or" || op == "Xor" || op == "Max" ||
      op == "Min" || op == "Mod")
    return importFolded(op);
  if (op == "Relu" || op == "LeakyRelu")
    return importRelu(op);
  if (op == "Equal")
    return importEqual();
  if (op == "Not")
    return importNot();
  if (op == "Where")
    return where();
  if (op == "MatMul")
    return matmul();
  if (op == "Gemm")
    return gemm();
  if (op == "Gather")
    return gather();
  if (op == "Slice")
    return slice();
  if (op == "Softmax")
    return importSoftmax();
  if (op == "LayerNormalization")
    return importLayerNormalization();
  if (op == "Transpose")
    return importTranspose();
  if (op == "Reshape")
    return importReshape();
  if (op == "Flatten")
    return importFlatten();
  if (op == "Unsqueeze" || op == "Squeeze")
    return importSqueeze(op);
  if (op == "Concat")
    return importConcat();
  if (op == "Split")
    return importSplit();
  if (op == "ConstantOfShape")
    return importConstantOfShape();
  if (op == "Expand")
    return importExpand();
  if (op == "Range")
    return importRange();
  if (op == "Trilu")
    return importTrilu();
  if (op == "ReduceMean")
    fail("ReduceMean of an import-time tensor is not folded");
  fail("op " + op + " is not supported by tfx-import (see docs/import.md for the list)");
}

} // namespace import::detail

using import::detail::GraphImporter;
using import::detail::ImportError;
using import::detail::WeightTable;

//===----------------------------------------------------------------------===//
// The entry point
//===----------------------------------------------------------------------===//

llvm::Expected<OnnxImport> importOnnx(MLIRContext &context,
                                      const std::vector<OnnxSource> &sources,
                                      const std::string &modelName) {
  context.loadDialect<TfxDialect, func::FuncDialect>();
  OnnxImport result;
  OpBuilder b(&context);
  result.module = ModuleOp::create(b.getUnknownLoc());
  (*result.module)->setAttr(kModelAttrName, b.getStringAttr(modelName));
  WeightTable weights;
  std::set<std::string> names;
  for (const OnnxSource &src : sources) {
    auto error = [&](const std::string &m) {
      return llvm::createStringError(llvm::inconvertibleErrorCode(), src.path + ": " + m);
    };
    if (!names.insert(src.functionName).second)
      return error("two graphs would both become function '" + src.functionName + "'");
    std::ifstream file(src.path, std::ios::binary);
    if (!file)
      return error(std::string("cannot open: ") + std::strerror(errno));
    onnx::ModelProto model;
    if (!model.ParseFromIstream(&file))
      return error("not a valid ONNX model (the protobuf does not parse: a truncated "
                   "or corrupted file?)");
    if (!model.has_graph())
      return error("the model has no graph");
    try {
      GraphImporter g(context, *result.module, weights, src.path);
      g.run(model, src.functionName);
    } catch (const ImportError &e) {
      return error(e.message);
    } catch (const std::bad_alloc &) {
      return error("out of memory while importing");
    } catch (const std::exception &e) {
      return error(std::string("internal error: ") + e.what());
    }
  }
  // Verification failures of the built IR are the importer's bugs, but are
  // reported like any other error (never a crash).
  std::string diagnostics;
  {
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &d) {
      llvm::raw_string_ostream os(diagnostics);
      os << d.getLocation() << ": " << d << "\n";
      return success();
    });
    if (failed(verify(*result.module)))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "internal error: the imported IR does not verify:\n" +
                                         diagnostics);
    // One spelling per computation: reshape/transpose chains composed,
    // identities and dead values dropped, repeated parameters merged.
    PassManager pm(&context);
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
    if (failed(pm.run(*result.module)))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "internal error: canonicalizing the imported IR "
                                     "failed:\n" + diagnostics);
  }
  // Only what the final module names (canonicalization may drop values).
  std::set<std::string> named;
  result.module->walk([&](ParamOp p) { named.insert(p.getName().str()); });
  for (auto &entry : weights.tensors)
    if (named.count(entry.first))
      result.weights.push_back(std::move(entry));
  return std::move(result);
}

} // namespace tfx
