//===- TfxOps.cpp - tfx op verifiers and custom assembly ------------------===//
//
// The TensorLimits trait, the op classes (generated), and the verifiers of the
// core ops: parameters and constants, embeddings, linear algebra,
// elementwise, activations and normalisation, data movement and masks.
// Attention and the ops that replace it are in TfxAttentionOps.cpp.
//
//===----------------------------------------------------------------------===//

#include "tfx/Dialect/Tfx/TfxOps.h"

#include "TfxShapeHelpers.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace tfx;
using namespace tfx::shape_helpers;

LogicalResult tfx::verifyTensorLimits(Operation *op) {
  auto check = [&](Type type, StringRef what, unsigned index) -> LogicalResult {
    auto ranked = llvm::dyn_cast<RankedTensorType>(type);
    if (!ranked)
      return success();
    int64_t count = 1;
    for (int64_t d : ranked.getShape()) {
      if (ShapedType::isDynamic(d))
        continue;
      if (d < 1)
        return op->emitOpError() << what << " #" << index << " has type " << type
                                 << ": tfx tensors have no empty dimensions";
      if (d > kMaxTensorElements || count > kMaxTensorElements / d)
        return op->emitOpError() << what << " #" << index << " has type " << type
                                 << ": more than the " << kMaxTensorElements
                                 << " elements a tfx kernel indexes";
      count *= d;
    }
    return success();
  };
  for (auto [i, v] : llvm::enumerate(op->getOperands()))
    if (failed(check(v.getType(), "operand", i)))
      return failure();
  for (auto [i, v] : llvm::enumerate(op->getResults()))
    if (failed(check(v.getType(), "result", i)))
      return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// ParamOp / ConstantOp
//===----------------------------------------------------------------------===//

LogicalResult ParamOp::verify() {
  if (getName().empty())
    return emitOpError() << "parameter name must not be empty";
  if (!getType().hasStaticShape())
    return emitOpError() << "parameter '" << getName()
                         << "' must have a static shape, got " << getType();
  return success();
}

ParseResult ConstantOp::parse(OpAsmParser &parser, OperationState &result) {
  ElementsAttr value;
  if (parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseAttribute(value, "value", result.attributes))
    return failure();
  result.addTypes(value.getType());
  return success();
}

void ConstantOp::print(OpAsmPrinter &printer) {
  printer.printOptionalAttrDict((*this)->getAttrs(), {"value"});
  printer << ' ';
  printer.printAttribute(getValue());
}

LogicalResult ConstantOp::verify() {
  if (getValue().getType() != getType())
    return emitOpError() << "value type " << getValue().getType()
                         << " does not match result type " << getType();
  return success();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

//===----------------------------------------------------------------------===//
// Embeddings
//===----------------------------------------------------------------------===//

LogicalResult EmbeddingOp::verify() {
  if (failed(expectRank(*this, "ids", getIds(), 2, "[batch, length]")) ||
      failed(expectRank(*this, "table", getTable(), 2, "[vocab, d_model]")))
    return failure();
  ArrayRef<int64_t> ids = shapeOf(getIds());
  return expectShape(*this, "result", getResult(),
                     {ids[0], ids[1], shapeOf(getTable())[1]});
}

LogicalResult PositionalEncodingOp::verify() {
  ArrayRef<int64_t> shape = getType().getShape();
  if (shape.size() < 2)
    return emitOpError() << "input must be [..., length, features], got rank "
                         << shape.size();
  int64_t length = shape[shape.size() - 2], features = shape.back();
  if (ShapedType::isDynamic(length) || ShapedType::isDynamic(features))
    return emitOpError() << "length and feature dimensions must be static, got "
                         << formatShape(shape);
  if (features % 2 != 0)
    return emitOpError() << "feature dimension must be even for the sinusoidal "
                            "encoding, got "
                         << features;
  return success();
}

//===----------------------------------------------------------------------===//
// Linear algebra
//===----------------------------------------------------------------------===//

LogicalResult LinearOp::verify() {
  if (failed(expectRank(*this, "weight", getWeight(), 2, "[out, in]")))
    return failure();
  ArrayRef<int64_t> in = shapeOf(getInput()), w = shapeOf(getWeight());
  if (in.empty())
    return emitOpError() << "input must have at least one dimension";
  if (!dimsCompatible(in.back(), w[1]))
    return emitOpError() << "input feature size " << in.back()
                         << " does not match weight [out, in] = "
                         << formatShape(w);
  if (getBias() && failed(expectShape(*this, "bias", getBias(), {w[0]})))
    return failure();
  SmallVector<int64_t> expected(in);
  expected.back() = w[0];
  return expectShape(*this, "result", getResult(), expected);
}

LogicalResult MatmulOp::verify() {
  ArrayRef<int64_t> a = shapeOf(getLhs()), b = shapeOf(getRhs());
  if (a.size() < 2 || a.size() != b.size())
    return emitOpError() << "operands must have the same rank, at least 2; got "
                         << formatShape(a) << " and " << formatShape(b);
  size_t r = a.size();
  if (!shapesCompatible(a.drop_back(2), b.drop_back(2)))
    return emitOpError() << "batch dimensions differ: " << formatShape(a)
                         << " vs " << formatShape(b);
  if (!dimsCompatible(a[r - 1], b[r - 2]))
    return emitOpError() << "contraction sizes differ: lhs " << formatShape(a)
                         << " has " << a[r - 1] << " columns, rhs "
                         << formatShape(b) << " has " << b[r - 2] << " rows";
  SmallVector<int64_t> expected(a.drop_back(1));
  expected.push_back(b[r - 1]);
  return expectShape(*this, "result", getResult(), expected);
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

static LogicalResult verifyBinary(Operation *op) {
  ArrayRef<int64_t> a = shapeOf(op->getOperand(0)),
                    b = shapeOf(op->getOperand(1));
  std::optional<SmallVector<int64_t>> shape = broadcastShapes(a, b);
  if (!shape)
    return op->emitOpError() << "operand shapes " << formatShape(a) << " and "
                             << formatShape(b) << " do not broadcast";
  return expectShape(op, "result", op->getResult(0), *shape);
}

LogicalResult AddOp::verify() { return verifyBinary(*this); }
LogicalResult SubOp::verify() { return verifyBinary(*this); }
LogicalResult MulOp::verify() { return verifyBinary(*this); }
LogicalResult DivOp::verify() { return verifyBinary(*this); }

//===----------------------------------------------------------------------===//
// Activations and normalisation
//===----------------------------------------------------------------------===//

LogicalResult GeluOp::verify() {
  if (getApproximate() != "none" && getApproximate() != "tanh")
    return emitOpError() << "approximate must be \"none\" or \"tanh\", got \""
                         << getApproximate() << "\"";
  return success();
}

LogicalResult GluOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput());
  FailureOr<int64_t> axis = resolveAxis(*this, getAxisAttr().getInt(), in.size());
  if (failed(axis))
    return failure();
  int64_t size = in[*axis];
  if (ShapedType::isDynamic(size) || size % 2 != 0)
    return emitOpError() << "the gated axis must have a static, even size, got "
                         << formatShape(in);
  SmallVector<int64_t> expected(in);
  expected[*axis] = size / 2;
  return expectShape(*this, "result", getResult(), expected);
}

LogicalResult SoftmaxOp::verify() {
  return resolveAxis(*this, getAxisAttr().getInt(), getType().getRank());
}

LogicalResult LayerNormOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput());
  if (in.empty())
    return emitOpError() << "input must have at least one dimension";
  if (failed(expectShape(*this, "gamma", getGamma(), {in.back()})) ||
      failed(expectShape(*this, "beta", getBeta(), {in.back()})))
    return failure();
  if (getInput().getType() != getResult().getType())
    return emitOpError() << "result type " << getResult().getType()
                         << " must equal the input type "
                         << getInput().getType();
  if (getEpsilon().convertToFloat() <= 0.0f)
    return emitOpError() << "epsilon must be positive";
  return success();
}

LogicalResult DropoutOp::verify() {
  float rate = getRate().convertToFloat();
  if (!(rate >= 0.0f && rate < 1.0f))
    return emitOpError() << "rate must be in [0, 1), got " << rate;
  return success();
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

static LogicalResult verifySameElementType(Operation *op, Value in,
                                           Value out) {
  Type a = llvm::cast<ShapedType>(in.getType()).getElementType();
  Type b = llvm::cast<ShapedType>(out.getType()).getElementType();
  if (a == b)
    return success();
  return op->emitOpError() << "result element type " << b
                           << " must equal the input element type " << a;
}

LogicalResult TransposeOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput());
  ArrayRef<int64_t> perm = getPermutation();
  if (perm.size() != in.size())
    return emitOpError() << "permutation has " << perm.size()
                         << " entries but the input has rank " << in.size();
  SmallVector<bool> seen(in.size(), false);
  SmallVector<int64_t> expected;
  for (int64_t p : perm) {
    if (p < 0 || p >= static_cast<int64_t>(in.size()) || seen[p])
      return emitOpError() << "permutation " << formatShape(perm)
                           << " is not a permutation of 0.." << in.size() - 1;
    seen[p] = true;
    expected.push_back(in[p]);
  }
  if (failed(verifySameElementType(*this, getInput(), getResult())))
    return failure();
  return expectShape(*this, "result", getResult(), expected);
}

LogicalResult ReshapeOp::verify() {
  if (failed(verifySameElementType(*this, getInput(), getResult())))
    return failure();
  auto inType = llvm::cast<RankedTensorType>(getInput().getType());
  auto outType = getType();
  int64_t inDyn = inType.getNumDynamicDims(), outDyn = outType.getNumDynamicDims();
  int64_t inCount = staticProduct(inType.getShape());
  int64_t outCount = staticProduct(outType.getShape());
  if (inDyn == 0 && outDyn == 0) {
    if (inCount != outCount)
      return emitOpError() << "cannot reshape " << inCount << " elements "
                           << formatShape(inType.getShape()) << " into "
                           << outCount << " elements "
                           << formatShape(outType.getShape());
    return success();
  }
  if (inDyn != 1 || outDyn != 1)
    return emitOpError() << "a reshape with dynamic dimensions needs exactly "
                            "one dynamic dimension on each side, got "
                         << formatShape(inType.getShape()) << " -> "
                         << formatShape(outType.getShape());
  if (inCount % outCount != 0 && outCount % inCount != 0)
    return emitOpError() << "static element counts " << inCount << " and "
                         << outCount << " of "
                         << formatShape(inType.getShape()) << " -> "
                         << formatShape(outType.getShape())
                         << " do not divide one another";
  return success();
}

LogicalResult ConcatOp::verify() {
  if (getInputs().empty())
    return emitOpError() << "needs at least one input";
  ArrayRef<int64_t> first = shapeOf(getInputs().front());
  FailureOr<int64_t> axis = resolveAxis(*this, getAxisAttr().getInt(), first.size());
  if (failed(axis))
    return failure();
  SmallVector<int64_t> expected(first);
  expected[*axis] = 0;
  for (auto [i, input] : llvm::enumerate(getInputs())) {
    if (failed(verifySameElementType(*this, input, getResult())))
      return failure();
    ArrayRef<int64_t> shape = shapeOf(input);
    if (shape.size() != first.size())
      return emitOpError() << "input #" << i << " has rank " << shape.size()
                           << " but input #0 has rank " << first.size();
    for (auto [d, size] : llvm::enumerate(shape)) {
      if (static_cast<int64_t>(d) == *axis)
        continue;
      if (!dimsCompatible(size, first[d]))
        return emitOpError() << "input #" << i << " " << formatShape(shape)
                             << " differs from input #0 "
                             << formatShape(first)
                             << " outside the concatenation axis";
    }
    if (ShapedType::isDynamic(shape[*axis]))
      return emitOpError() << "the concatenation axis must be static, input #"
                           << i << " is " << formatShape(shape);
    expected[*axis] += shape[*axis];
  }
  return expectShape(*this, "result", getResult(), expected);
}

LogicalResult SliceOp::verify() {
  if (failed(verifySameElementType(*this, getInput(), getResult())))
    return failure();
  ArrayRef<int64_t> in = shapeOf(getInput());
  FailureOr<int64_t> axis = resolveAxis(*this, getAxisAttr().getInt(), in.size());
  if (failed(axis))
    return failure();
  int64_t start = getStartAttr().getInt(), size = getSizeAttr().getInt(), dim = in[*axis];
  if (ShapedType::isDynamic(dim))
    return emitOpError() << "cannot slice the dynamic dimension " << *axis;
  // Written so that nothing overflows (start and size are any int64).
  if (start < 0 || size < 1 || start > dim || size > dim - start)
    return emitOpError() << "range of " << size << " elements from " << start
                         << " is outside dimension " << *axis << " of size "
                         << dim;
  SmallVector<int64_t> expected(in);
  expected[*axis] = size;
  return expectShape(*this, "result", getResult(), expected);
}

//===----------------------------------------------------------------------===//
// Masks
//===----------------------------------------------------------------------===//

LogicalResult PaddingMaskOp::verify() {
  if (failed(expectRank(*this, "ids", getIds(), 2, "[batch, length]")))
    return failure();
  return expectShape(*this, "result", getResult(), shapeOf(getIds()));
}

LogicalResult CausalMaskOp::verify() {
  ArrayRef<int64_t> shape = getType().getShape();
  if (shape.size() != 2 || !getType().hasStaticShape() || shape[0] != shape[1])
    return emitOpError() << "result must be a static square [length, length] "
                            "mask, got "
                         << formatShape(shape);
  return success();
}

LogicalResult ApplyMaskOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput()), mask = shapeOf(getMask());
  std::optional<SmallVector<int64_t>> shape = broadcastShapes(in, mask);
  if (!shape || !shapesCompatible(*shape, in))
    return emitOpError() << "mask shape " << formatShape(mask)
                         << " does not broadcast to the input shape "
                         << formatShape(in);
  return success();
}

#define GET_OP_CLASSES
#include "tfx/Dialect/Tfx/TfxOps.cpp.inc"
