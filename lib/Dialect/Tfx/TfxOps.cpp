//===- TfxOps.cpp - tfx op verifiers and custom assembly ------------------===//
//
// Verifier messages name the operand and show expected vs actual shapes as
// [d0, d1, ...] with `?` for a dynamic dimension.
//
//===----------------------------------------------------------------------===//

#include "tfx/Dialect/Tfx/TfxOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace tfx;

namespace {

std::string formatShape(ArrayRef<int64_t> shape) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << '[';
  llvm::interleaveComma(shape, os, [&](int64_t d) {
    if (ShapedType::isDynamic(d))
      os << '?';
    else
      os << d;
  });
  os << ']';
  return out;
}

bool dimsCompatible(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

bool shapesCompatible(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  return a.size() == b.size() &&
         llvm::all_of(llvm::zip(a, b), [](auto pair) {
           return dimsCompatible(std::get<0>(pair), std::get<1>(pair));
         });
}

ArrayRef<int64_t> shapeOf(Value v) {
  return llvm::cast<RankedTensorType>(v.getType()).getShape();
}

/// Emits "<what> must have shape X but has shape Y" unless compatible.
LogicalResult expectShape(Operation *op, StringRef what, Value value,
                          ArrayRef<int64_t> expected) {
  ArrayRef<int64_t> actual = shapeOf(value);
  if (shapesCompatible(actual, expected))
    return success();
  return op->emitOpError() << what << " must have shape "
                           << formatShape(expected) << " but has shape "
                           << formatShape(actual);
}

LogicalResult expectRank(Operation *op, StringRef what, Value value,
                         int64_t rank, StringRef layout) {
  int64_t actual = shapeOf(value).size();
  if (actual == rank)
    return success();
  return op->emitOpError() << what << " must be " << layout << " (rank "
                           << rank << ") but has rank " << actual;
}

/// Resolves a possibly negative axis; fails with a message if out of range.
FailureOr<int64_t> resolveAxis(Operation *op, int64_t axis, int64_t rank) {
  int64_t resolved = axis < 0 ? axis + rank : axis;
  if (resolved < 0 || resolved >= rank)
    return op->emitOpError() << "axis " << axis
                             << " is out of range for a tensor of rank "
                             << rank;
  return resolved;
}

/// NumPy broadcasting of two shapes; nullopt if they do not broadcast.
std::optional<SmallVector<int64_t>> broadcastShapes(ArrayRef<int64_t> a,
                                                    ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> out(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da == 1)
      out[i] = db;
    else if (db == 1)
      out[i] = da;
    else if (dimsCompatible(da, db))
      out[i] = ShapedType::isDynamic(da) ? db : da;
    else
      return std::nullopt;
  }
  return out;
}

int64_t staticProduct(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    if (!ShapedType::isDynamic(d))
      n *= d;
  return n;
}

LogicalResult verifyPadding(Operation *op, StringRef padding,
                            int64_t kernelSize) {
  if (padding != "centered" && padding != "causal")
    return op->emitOpError() << "padding must be \"centered\" or \"causal\", "
                             << "got \"" << padding << "\"";
  if (kernelSize < 1 || kernelSize > kMaxTensorElements)
    return op->emitOpError() << "kernel_size must be in [1, " << kMaxTensorElements
                             << "], got " << kernelSize;
  if (padding == "centered" && kernelSize % 2 == 0)
    return op->emitOpError() << "centered padding needs an odd kernel_size, got "
                             << kernelSize;
  return success();
}

/// Shared checks of the two Lite Transformer convolutions.
LogicalResult verifyConvCommon(Operation *op, Value input, Value result,
                               int64_t numHeads, int64_t kernelSize,
                               StringRef padding) {
  if (failed(expectRank(op, "input", input, 3, "[batch, length, channels]")))
    return failure();
  if (failed(verifyPadding(op, padding, kernelSize)))
    return failure();
  int64_t channels = shapeOf(input)[2];
  if (numHeads < 1 || numHeads > kMaxTensorElements)
    return op->emitOpError() << "num_heads must be in [1, " << kMaxTensorElements
                             << "], got " << numHeads;
  if (!ShapedType::isDynamic(channels) && channels % numHeads != 0)
    return op->emitOpError() << "channels (" << channels
                             << ") must be divisible by num_heads ("
                             << numHeads << ")";
  if (input.getType() != result.getType())
    return op->emitOpError() << "result type " << result.getType()
                             << " must equal the input type "
                             << input.getType();
  return success();
}

} // namespace

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

//===----------------------------------------------------------------------===//
// Attention
//===----------------------------------------------------------------------===//

LogicalResult AttentionOp::verify() {
  if (failed(expectRank(*this, "query", getQuery(), 3,
                        "[batch, query_length, d_model]")) ||
      failed(expectRank(*this, "key_value", getKeyValue(), 3,
                        "[batch, key_length, d_kv]")))
    return failure();
  ArrayRef<int64_t> q = shapeOf(getQuery()), kv = shapeOf(getKeyValue());
  int64_t d = q[2], dkv = kv[2], heads = getNumHeadsAttr().getInt();
  if (ShapedType::isDynamic(d) || ShapedType::isDynamic(dkv))
    return emitOpError() << "feature dimensions must be static";
  if (heads < 1)
    return emitOpError() << "num_heads must be positive, got " << heads;
  if (d % heads != 0)
    return emitOpError() << "d_model (" << d
                         << ") must be divisible by num_heads (" << heads
                         << ")";
  if (!dimsCompatible(q[0], kv[0]))
    return emitOpError() << "query and key_value batch sizes differ: "
                         << formatShape(q) << " vs " << formatShape(kv);
  if (getCausal() && !dimsCompatible(q[1], kv[1]))
    return emitOpError() << "causal attention needs equal query and key "
                            "lengths, got "
                         << q[1] << " and " << kv[1];
  if (failed(expectShape(*this, "q_weight", getQWeight(), {d, d})) ||
      failed(expectShape(*this, "q_bias", getQBias(), {d})) ||
      failed(expectShape(*this, "k_weight", getKWeight(), {d, dkv})) ||
      failed(expectShape(*this, "k_bias", getKBias(), {d})) ||
      failed(expectShape(*this, "v_weight", getVWeight(), {d, dkv})) ||
      failed(expectShape(*this, "v_bias", getVBias(), {d})) ||
      failed(expectShape(*this, "out_weight", getOutWeight(), {d, d})) ||
      failed(expectShape(*this, "out_bias", getOutBias(), {d})))
    return failure();
  if (getKeyPaddingMask() &&
      failed(expectShape(*this, "key_padding_mask", getKeyPaddingMask(),
                         {kv[0], kv[1]})))
    return failure();
  return expectShape(*this, "result", getResult(), q);
}

//===----------------------------------------------------------------------===//
// Lite Transformer convolutions
//===----------------------------------------------------------------------===//

LogicalResult LightweightConvOp::verify() {
  if (failed(verifyConvCommon(*this, getInput(), getResult(), getNumHeadsAttr().getInt(),
                              getKernelSizeAttr().getInt(), getPadding())))
    return failure();
  return expectShape(*this, "weight", getWeight(),
                     {getNumHeadsAttr().getInt(), getKernelSizeAttr().getInt()});
}

LogicalResult DynamicConvOp::verify() {
  if (failed(verifyConvCommon(*this, getInput(), getResult(), getNumHeadsAttr().getInt(),
                              getKernelSizeAttr().getInt(), getPadding())))
    return failure();
  int64_t taps = getNumHeadsAttr().getInt() * getKernelSizeAttr().getInt();
  if (failed(expectShape(*this, "kernel_weight", getKernelWeight(),
                         {taps, shapeOf(getInput())[2]})))
    return failure();
  if (getKernelBias() &&
      failed(expectShape(*this, "kernel_bias", getKernelBias(), {taps})))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// LsraOp
//===----------------------------------------------------------------------===//

LogicalResult LsraOp::verify() {
  if (failed(expectRank(*this, "input", getInput(), 3,
                        "[batch, length, d_model]")))
    return failure();
  ArrayRef<int64_t> in = shapeOf(getInput());
  int64_t d = in[2];
  if (ShapedType::isDynamic(d) || ShapedType::isDynamic(in[1]))
    return emitOpError() << "length and d_model must be static, got input shape "
                         << formatShape(in);
  if (d % 2 != 0)
    return emitOpError() << "d_model (" << d
                         << ") must be even: the block splits it in halves";
  int64_t w = d / 2;
  for (auto [name, offset] :
       {std::pair<StringRef, int64_t>{"attention_input_offset",
                                      getAttentionInputOffset()},
        {"attention_output_offset", getAttentionOutputOffset()}})
    if (offset != 0 && offset != w)
      return emitOpError() << name << " must be 0 or " << w
                           << " (a half of " << d << " channels), got "
                           << offset;
  int64_t heads = getNumHeadsAttr().getInt();
  if (heads < 1 || w % heads != 0)
    return emitOpError() << "num_heads (" << heads
                         << ") must be positive and divide the attention "
                            "width ("
                         << w << ")";
  if (failed(expectShape(*this, "q_weight", getQWeight(), {w, w})) ||
      failed(expectShape(*this, "q_bias", getQBias(), {w})) ||
      failed(expectShape(*this, "k_weight", getKWeight(), {w, w})) ||
      failed(expectShape(*this, "k_bias", getKBias(), {w})) ||
      failed(expectShape(*this, "v_weight", getVWeight(), {w, w})) ||
      failed(expectShape(*this, "v_bias", getVBias(), {w})) ||
      failed(expectShape(*this, "out_weight", getOutWeight(), {w, w})) ||
      failed(expectShape(*this, "out_bias", getOutBias(), {w})) ||
      failed(expectShape(*this, "conv_in_weight", getConvInWeight(), {d, w})) ||
      failed(expectShape(*this, "conv_in_bias", getConvInBias(), {d})) ||
      failed(expectShape(*this, "conv_out_weight", getConvOutWeight(), {w, w})) ||
      failed(expectShape(*this, "conv_out_bias", getConvOutBias(), {w})))
    return failure();
  if (failed(verifyPadding(*this, getPadding(), getKernelSizeAttr().getInt())))
    return failure();
  int64_t convHeads = getConvHeadsAttr().getInt();
  if (convHeads < 1 || w % convHeads != 0)
    return emitOpError() << "conv_heads (" << convHeads
                         << ") must be positive and divide the convolution "
                            "width ("
                         << w << ")";
  // Both factors are bounded (conv_heads <= w, kernel_size by verifyPadding).
  int64_t taps = convHeads * getKernelSizeAttr().getInt();
  if (getConvKind() == "lightweight") {
    if (getKernelBias())
      return emitOpError() << "kernel_bias is only for conv_kind = \"dynamic\"";
    if (failed(expectShape(*this, "conv_weight", getConvWeight(),
                           {convHeads, getKernelSizeAttr().getInt()})))
      return failure();
  } else if (getConvKind() == "dynamic") {
    if (failed(expectShape(*this, "conv_weight", getConvWeight(), {taps, w})) ||
        (getKernelBias() &&
         failed(expectShape(*this, "kernel_bias", getKernelBias(), {taps}))))
      return failure();
  } else {
    return emitOpError() << "conv_kind must be \"lightweight\" or "
                            "\"dynamic\", got \""
                         << getConvKind() << "\"";
  }
  if (getKeyPaddingMask() &&
      failed(expectShape(*this, "key_padding_mask", getKeyPaddingMask(),
                         {in[0], in[1]})))
    return failure();
  if (Value mask = getConvMask()) {
    ArrayRef<int64_t> m = shapeOf(mask);
    if (!shapesCompatible(m, {in[0], in[1]}) &&
        !shapesCompatible(m, {in[0], in[1], 1}))
      return emitOpError() << "conv_mask must have shape "
                           << formatShape({in[0], in[1]}) << " or "
                           << formatShape({in[0], in[1], 1})
                           << " but has shape " << formatShape(m);
  }
  return expectShape(*this, "result", getResult(), in);
}

//===----------------------------------------------------------------------===//
// FlatMlpOp
//===----------------------------------------------------------------------===//

LogicalResult FlatMlpOp::verify() {
  if (failed(expectRank(*this, "input", getInput(), 3,
                        "[batch, positions, features]")) ||
      failed(expectRank(*this, "fc1_weight", getFc1Weight(), 2,
                        "[hidden, positions * features]")) ||
      failed(expectRank(*this, "fc2_weight", getFc2Weight(), 2,
                        "[outputs, hidden]")) ||
      failed(expectRank(*this, "output_mask", getOutputMask(), 2,
                        "[batch, output_length]")) ||
      failed(expectRank(*this, "result", getResult(), 3,
                        "[batch, output_length, output_features]")))
    return failure();
  ArrayRef<int64_t> in = shapeOf(getInput());
  if (ShapedType::isDynamic(in[1]) || ShapedType::isDynamic(in[2]))
    return emitOpError() << "input positions and features must be static, got "
                         << formatShape(in);
  int64_t batch = in[0], flat = in[1] * in[2];
  int64_t hidden = shapeOf(getFc1Weight())[0];
  ArrayRef<int64_t> out = shapeOf(getResult());
  int64_t outLen = out[1], outFeatures = out[2];
  if (ShapedType::isDynamic(outLen) || ShapedType::isDynamic(outFeatures))
    return emitOpError() << "result positions and features must be static, got "
                         << formatShape(out);
  if (getPerPosition() && outLen != in[1])
    return emitOpError() << "per_position form produces one output per input "
                            "position: result length must be "
                         << in[1] << ", got " << outLen;
  int64_t fc2Rows = getPerPosition() ? outFeatures : outLen * outFeatures;
  if (failed(expectShape(*this, "input_mask", getInputMask(), {batch, in[1]})) ||
      failed(expectShape(*this, "output_mask", getOutputMask(),
                         {out[0], outLen})) ||
      failed(expectShape(*this, "in_norm_weight", getInNormWeight(), {flat})) ||
      failed(expectShape(*this, "in_norm_bias", getInNormBias(), {flat})) ||
      failed(expectShape(*this, "fc1_weight", getFc1Weight(), {hidden, flat})) ||
      failed(expectShape(*this, "fc1_bias", getFc1Bias(), {hidden})) ||
      failed(expectShape(*this, "hidden_norm_weight", getHiddenNormWeight(),
                         {hidden})) ||
      failed(expectShape(*this, "hidden_norm_bias", getHiddenNormBias(),
                         {hidden})) ||
      failed(expectShape(*this, "fc2_weight", getFc2Weight(),
                         {fc2Rows, hidden})) ||
      failed(expectShape(*this, "fc2_bias", getFc2Bias(), {fc2Rows})))
    return failure();
  if (!dimsCompatible(out[0], batch))
    return emitOpError() << "result batch " << out[0]
                         << " differs from input batch " << batch;
  if (getNegativeSlope().convertToFloat() < 0.0f ||
      getEpsilon().convertToFloat() <= 0.0f)
    return emitOpError() << "negative_slope must be >= 0 and epsilon > 0";
  return success();
}

#define GET_OP_CLASSES
#include "tfx/Dialect/Tfx/TfxOps.cpp.inc"
