//===- Executor.cpp - plan and run tfx functions on compiled kernels ------===//
//
// Planning walks the function once: parameters are bound and checked, each
// op becomes one or more kernel launches (KernelDesc -> lib/Lowering), views
// (reshape, dropout) become aliases, and every value gets a slot whose last
// use is known so its buffer returns to the pool right after. Shapes are
// resolved at run time from the actual inputs, so one plan serves any batch.
//
//===----------------------------------------------------------------------===//

#include "tfx/Exec/Executor.h"

#include "tfx/Dialect/Tfx.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <functional>
#include <numeric>

using namespace mlir;

namespace tfx::exec {
namespace {

using Shape = std::vector<int64_t>;
using lowering::CompiledKernel;
using lowering::KernelDesc;
using lowering::OperandDesc;
using rt::DType;
using rt::Status;
using rt::StatusOr;
using rt::Tensor;

constexpr int64_t kDyn = -1;
/// Halide buffers use 32-bit extents and strides.
constexpr int64_t kMaxElements = (int64_t(1) << 31) - 1;

Shape typeShape(Type type) {
  Shape s;
  for (int64_t d : llvm::cast<RankedTensorType>(type).getShape())
    s.push_back(ShapedType::isDynamic(d) ? kDyn : d);
  return s;
}

DType dtypeOf(Type type) {
  Type e = llvm::cast<ShapedType>(type).getElementType();
  if (e.isF32())
    return DType::F32;
  if (e.isInteger(1))
    return DType::Bool;
  if (e.isInteger(64))
    return DType::I64;
  if (e.isInteger(32))
    return DType::I32;
  return DType::F32;
}

int64_t product(const Shape &s, size_t begin, size_t end) {
  int64_t n = 1;
  for (size_t i = begin; i < end; ++i) {
    if (s[i] == kDyn)
      return kDyn;
    n *= s[i];
  }
  return n;
}

/// [outer, s[axis], inner] view of a shape.
Shape collapse3(const Shape &s, size_t axis) {
  return {product(s, 0, axis), s[axis], product(s, axis + 1, s.size())};
}
/// [rows, last] view of a shape.
Shape collapse2(const Shape &s) {
  return {product(s, 0, s.size() - 1), s.back()};
}

std::string locString(Operation *op) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << op->getName() << " at " << op->getLoc();
  return out;
}

/// Recycles intermediate buffers by byte size.
class BufferPool {
public:
  StatusOr<Tensor> take(DType dtype, Shape shape, RunStats &stats) {
    int64_t n = 1;
    for (int64_t d : shape) {
      if (d < 0 || (d > 0 && n > kMaxElements / d))
        return Status::error("intermediate of shape " + rt::formatShape(shape) +
                             " exceeds the 2^31-element limit of the kernels");
      n *= d;
    }
    size_t bytes = static_cast<size_t>(n) * rt::dtypeSize(dtype);
    auto it = free_.find(bytes);
    if (it != free_.end()) {
      Tensor t = std::move(it->second);
      free_.erase(it);
      ++stats.buffersReused;
      return t.reinterpreted(dtype, std::move(shape));
    }
    StatusOr<Tensor> t = Tensor::allocate(dtype, std::move(shape));
    if (t) {
      ++stats.buffersAllocated;
      allocatedBytes_ += bytes;
      stats.peakBytes = std::max(stats.peakBytes, allocatedBytes_);
    }
    return t;
  }

  /// Returns a buffer unless another live tensor still shares its storage.
  void give(Tensor t) {
    if (!t.empty() && t.storageUseCount() == 1)
      free_.emplace(t.byteSize(), std::move(t));
  }

private:
  std::multimap<size_t, Tensor> free_;
  size_t allocatedBytes_ = 0;
};

struct Frame {
  std::vector<Tensor> slots;
  RunStats stats;
  BufferPool *pool;
};

/// Views `t` with `shape`, whose single -1 (if any) absorbs the remainder.
StatusOr<Tensor> viewAs(const Tensor &t, Shape shape) {
  int64_t known = 1, dynIndex = -1;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == kDyn)
      dynIndex = static_cast<int64_t>(i);
    else
      known *= shape[i];
  }
  if (dynIndex >= 0) {
    if (known == 0 || t.numel() % known != 0)
      return Status::error("cannot view " + rt::formatShape(t.shape()) +
                           " as " + rt::formatShape(shape));
    shape[dynIndex] = t.numel() / known;
  }
  return t.reshaped(std::move(shape));
}

struct Step {
  std::string what;
  std::function<Status(Frame &)> run;
  std::vector<int> release; // slots whose last use is this step
};

class ProgramImpl final : public Program {
public:
  const std::vector<std::string> &inputNames() const override { return inputNames_; }
  const std::vector<std::string> &outputNames() const override { return outputNames_; }
  const RunStats &lastRunStats() const override { return stats_; }

  Status run(const TensorMap &inputs, TensorMap &outputs) override;

  std::vector<std::string> inputNames_, outputNames_;
  std::vector<Shape> inputShapes_;
  std::vector<DType> inputTypes_;
  std::vector<int> inputSlots_, outputSlots_;
  std::vector<std::pair<int, Tensor>> constants_;
  std::vector<Step> steps_;
  int numSlots_ = 0;
  BufferPool pool_;
  RunStats stats_;
};

Status ProgramImpl::run(const TensorMap &inputs, TensorMap &outputs) {
  Frame frame;
  frame.slots.resize(numSlots_);
  frame.pool = &pool_;
  for (auto &[slot, tensor] : constants_)
    frame.slots[slot] = tensor;
  int64_t batch = kDyn;
  for (size_t i = 0; i < inputNames_.size(); ++i) {
    const std::string &name = inputNames_[i];
    auto it = inputs.find(name);
    if (it == inputs.end())
      return Status::error("missing input '" + name + "'");
    const Tensor &t = it->second;
    if (t.dtype() != inputTypes_[i])
      return Status::error("input '" + name + "' has dtype " +
                           rt::dtypeName(t.dtype()) + " but the function takes " +
                           rt::dtypeName(inputTypes_[i]));
    const Shape &want = inputShapes_[i];
    bool ok = t.rank() == static_cast<int64_t>(want.size());
    for (size_t d = 0; ok && d < want.size(); ++d) {
      if (want[d] != kDyn && want[d] != t.dim(d))
        ok = false;
      if (want[d] == kDyn) {
        if (batch != kDyn && batch != t.dim(d))
          return Status::error("input '" + name + "' has batch " +
                               std::to_string(t.dim(d)) +
                               " but another input has batch " +
                               std::to_string(batch));
        batch = t.dim(d);
      }
    }
    if (ok && t.numel() > kMaxElements)
      return Status::error("input '" + name + "' has " + std::to_string(t.numel()) +
                           " elements; kernels index with 32 bits (at most " +
                           std::to_string(kMaxElements) + ")");
    if (!ok)
      return Status::error("input '" + name + "' has shape " +
                           rt::formatShape(t.shape()) +
                           " but the function takes " + rt::formatShape(want) +
                           " (-1 = any batch)");
    frame.slots[inputSlots_[i]] = t;
  }
  for (const Step &step : steps_) {
    Status s = step.run(frame);
    if (!s)
      return s.withContext(step.what);
    for (int slot : step.release)
      frame.pool->give(std::move(frame.slots[slot]));
  }
  for (size_t i = 0; i < outputNames_.size(); ++i)
    outputs[outputNames_[i]] = frame.slots[outputSlots_[i]];
  stats_ = frame.stats;
  return Status::ok();
}

//===----------------------------------------------------------------------===//
// Planner
//===----------------------------------------------------------------------===//

class Planner {
public:
  Planner(lowering::KernelCache &cache, const TensorMap &weights)
      : cache_(cache), weights_(weights) {}

  StatusOr<std::unique_ptr<ProgramImpl>> plan(func::FuncOp fn);

private:
  int slotOf(Value v) {
    auto it = slots_.find(v);
    if (it != slots_.end())
      return it->second;
    int s = program_->numSlots_++;
    slots_[v] = s;
    return s;
  }
  void alias(Value to, Value from) { slots_[to] = slotOf(from); }

  StatusOr<CompiledKernel *> kernel(KernelDesc desc) {
    StatusOr<CompiledKernel *> k = cache_.get(desc);
    if (!k)
      return k.status();
    return k;
  }

  void addStep(Operation *op, std::function<Status(Frame &)> fn) {
    program_->steps_.push_back({locString(op), std::move(fn), {}});
  }

  Status planOp(Operation *op);
  Status bindParam(ParamOp op);
  Status bindConstant(ConstantOp op);
  StatusOr<Tensor> transposedWeight(Value weight);
  Status planLinear(Operation *op, Value x, Value w, Value b, Value result,
                    const std::string &act, double slope);
  StatusOr<std::function<Status(Frame &, const Tensor &, Tensor &)>>
  linearLauncher(Value weight, Value bias, int64_t K, int64_t N,
                 const std::string &act, double slope);
  Status planElementwise(Operation *op, const std::string &op2, Value lhs,
                         Value rhs);
  Status planLsra(LsraOp op);
  StatusOr<Tensor> paramValue(Value v, const char *what);

  lowering::KernelCache &cache_;
  const TensorMap &weights_;
  std::unique_ptr<ProgramImpl> program_;
  llvm::DenseMap<Value, int> slots_;
  llvm::DenseMap<Value, Tensor> constantValues_;
  llvm::DenseMap<Operation *, bool> fused_;
};

/// Runs `k` on `inputs` into a fresh pool buffer of `shape`, then stores it in
/// `slot` viewed as `irShape`.
Status launch(Frame &f, CompiledKernel *k, std::vector<const Tensor *> inputs,
              DType dtype, Shape shape, int slot, const Shape &irShape) {
  StatusOr<Tensor> out = f.pool->take(dtype, std::move(shape), f.stats);
  if (!out)
    return out.status();
  TFX_RETURN_IF_ERROR(k->run(inputs, *out));
  ++f.stats.kernelLaunches;
  StatusOr<Tensor> view = viewAs(*out, irShape);
  if (!view)
    return view.status();
  f.slots[slot] = std::move(*view);
  return Status::ok();
}

OperandDesc desc(DType dtype, Shape shape) { return OperandDesc{dtype, std::move(shape)}; }

Status Planner::bindParam(ParamOp op) {
  std::string name = op.getName().str();
  auto it = weights_.find(name);
  if (it == weights_.end())
    return Status::error("weight '" + name +
                         "' is declared by the model but missing from the weights file");
  const Tensor &t = it->second;
  Shape want = typeShape(op.getType());
  if (t.dtype() != DType::F32)
    return Status::error("weight '" + name + "' has dtype " +
                         rt::dtypeName(t.dtype()) + ", expected F32");
  if (t.shape() != want)
    return Status::error("weight '" + name + "' has shape " +
                         rt::formatShape(t.shape()) + " in the weights file but " +
                         rt::formatShape(want) + " in the model");
  if (t.numel() > kMaxElements)
    return Status::error("weight '" + name + "' has more than 2^31 elements");
  int slot = slotOf(op.getResult());
  program_->constants_.emplace_back(slot, t);
  constantValues_[op.getResult()] = t;
  return Status::ok();
}

Status Planner::bindConstant(ConstantOp op) {
  auto dense = llvm::dyn_cast<DenseElementsAttr>(op.getValue());
  if (!dense)
    return Status::error("only dense constants are supported");
  Shape shape = typeShape(op.getType());
  DType dtype = dtypeOf(op.getType());
  Tensor t(dtype, shape);
  int64_t i = 0;
  if (dtype == DType::F32) {
    for (float v : dense.getValues<float>())
      t.dataAs<float>()[i++] = v;
  } else if (dtype == DType::Bool) {
    for (bool v : dense.getValues<bool>())
      t.dataAs<uint8_t>()[i++] = v;
  } else if (dtype == DType::I64) {
    for (int64_t v : dense.getValues<int64_t>())
      t.dataAs<int64_t>()[i++] = v;
  } else {
    return Status::error("unsupported constant element type");
  }
  int slot = slotOf(op.getResult());
  program_->constants_.emplace_back(slot, t);
  constantValues_[op.getResult()] = t;
  return Status::ok();
}

/// Weights of linear layers are stored [out, in]; kernels want [in, out] so
/// the inner loop runs over contiguous outputs. Transposed once, at planning.
StatusOr<Tensor> Planner::transposedWeight(Value weight) {
  auto it = constantValues_.find(weight);
  if (it == constantValues_.end())
    return Status::error("linear weights must be tfx.param values");
  const Tensor &w = it->second;
  int64_t N = w.dim(0), K = w.dim(1);
  Tensor t(DType::F32, {K, N});
  const float *src = w.dataAs<float>();
  float *dst = t.dataAs<float>();
  for (int64_t n = 0; n < N; ++n)
    for (int64_t k = 0; k < K; ++k)
      dst[k * N + n] = src[n * K + k];
  return t;
}

StatusOr<std::function<Status(Frame &, const Tensor &, Tensor &)>>
Planner::linearLauncher(Value weight, Value bias, int64_t K, int64_t N,
                        const std::string &act, double slope) {
  StatusOr<Tensor> wt = transposedWeight(weight);
  if (!wt)
    return wt.status();
  std::optional<Tensor> b;
  if (bias) {
    auto it = constantValues_.find(bias);
    if (it == constantValues_.end())
      return Status::error("linear biases must be tfx.param values");
    b = it->second;
  }
  StatusOr<CompiledKernel *> k =
      kernel(lowering::linearDesc(K, N, static_cast<bool>(bias), act, slope));
  if (!k)
    return k.status();
  CompiledKernel *kern = *k;
  Tensor w = *wt;
  std::function<Status(Frame &, const Tensor &, Tensor &)> fn =
      [kern, w, b, N](Frame &f, const Tensor &x2d, Tensor &out) -> Status {
    StatusOr<Tensor> o = f.pool->take(DType::F32, {x2d.dim(0), N}, f.stats);
    if (!o)
      return o.status();
    std::vector<const Tensor *> ins = {&x2d, &w};
    if (b)
      ins.push_back(&*b);
    TFX_RETURN_IF_ERROR(kern->run(ins, *o));
    ++f.stats.kernelLaunches;
    out = std::move(*o);
    return Status::ok();
  };
  return fn;
}

StatusOr<Tensor> Planner::paramValue(Value v, const char *what) {
  auto it = constantValues_.find(v);
  if (it == constantValues_.end())
    return Status::error(std::string(what) + " must be a tfx.param or tfx.constant value");
  return it->second;
}

/// Columns of several [K, N_i] matrices (or [N_i] vectors) side by side.
static Tensor concatColumns(const std::vector<Tensor> &parts) {
  int64_t rows = parts[0].rank() == 2 ? parts[0].dim(0) : 1, cols = 0;
  for (const Tensor &p : parts)
    cols += p.dim(p.rank() - 1);
  Tensor out = parts[0].rank() == 2 ? Tensor(DType::F32, {rows, cols})
                                    : Tensor(DType::F32, {cols});
  float *dst = out.dataAs<float>();
  int64_t offset = 0;
  for (const Tensor &p : parts) {
    int64_t n = p.dim(p.rank() - 1);
    const float *src = p.dataAs<float>();
    for (int64_t r = 0; r < rows; ++r)
      std::copy(src + r * n, src + (r + 1) * n, dst + r * cols + offset);
    offset += n;
  }
  return out;
}

/// tfx.lsra: one fused kernel (lib/Lowering buildLsra). Weights are packed
/// once at plan time: Q, K and V side by side, every projection
/// pre-transposed; masks are viewed per row (batch x length).
Status Planner::planLsra(LsraOp op) {
  Shape in = typeShape(op.getInput().getType());
  int64_t T = in[1], D = in[2], w = D / 2;
  bool dynamic = op.getConvKind() == "dynamic";
  int64_t taps = op.getConvHeadsAttr().getInt() * op.getKernelSizeAttr().getInt();
  std::vector<Tensor> packed;
  auto add = [&](StatusOr<Tensor> t) -> Status {
    if (!t)
      return t.status();
    packed.push_back(std::move(*t));
    return Status::ok();
  };
  std::vector<Tensor> qkvW, qkvB;
  for (auto [wv, bv] : {std::pair<Value, Value>{op.getQWeight(), op.getQBias()},
                        {op.getKWeight(), op.getKBias()},
                        {op.getVWeight(), op.getVBias()}}) {
    StatusOr<Tensor> wt = transposedWeight(wv);
    StatusOr<Tensor> bt = paramValue(bv, "lsra biases");
    if (!wt || !bt)
      return !wt ? wt.status() : bt.status();
    qkvW.push_back(*wt);
    qkvB.push_back(*bt);
  }
  packed.push_back(concatColumns(qkvW));
  packed.push_back(concatColumns(qkvB));
  TFX_RETURN_IF_ERROR(add(transposedWeight(op.getOutWeight())));
  TFX_RETURN_IF_ERROR(add(paramValue(op.getOutBias(), "lsra biases")));
  TFX_RETURN_IF_ERROR(add(transposedWeight(op.getConvInWeight())));
  TFX_RETURN_IF_ERROR(add(paramValue(op.getConvInBias(), "lsra biases")));
  if (dynamic) {
    TFX_RETURN_IF_ERROR(add(transposedWeight(op.getConvWeight())));
    if (op.getKernelBias()) {
      TFX_RETURN_IF_ERROR(add(paramValue(op.getKernelBias(), "lsra biases")));
    } else {
      Tensor zeros(DType::F32, {taps});
      std::fill(zeros.dataAs<float>(), zeros.dataAs<float>() + taps, 0.0f);
      packed.push_back(zeros);
    }
  } else {
    TFX_RETURN_IF_ERROR(add(paramValue(op.getConvWeight(), "lsra kernels")));
  }
  TFX_RETURN_IF_ERROR(add(transposedWeight(op.getConvOutWeight())));
  TFX_RETURN_IF_ERROR(add(paramValue(op.getConvOutBias(), "lsra biases")));

  lowering::LsraParams p;
  p.length = T;
  p.dModel = D;
  p.heads = op.getNumHeadsAttr().getInt();
  p.causal = op.getCausal();
  p.dynamic = dynamic;
  p.convHeads = op.getConvHeadsAttr().getInt();
  p.kernelSize = op.getKernelSizeAttr().getInt();
  p.padding = op.getPadding().str();
  p.weightSoftmax = op.getWeightSoftmax();
  p.attentionInputOffset = op.getAttentionInputOffset();
  p.attentionOutputOffset = op.getAttentionOutputOffset();
  p.hasMask = static_cast<bool>(op.getKeyPaddingMask());
  p.hasConvMask = static_cast<bool>(op.getConvMask());
  KernelDesc d = lowering::lsraDesc(p);
  if (d.inputs.size() != 1 + packed.size() + p.hasMask + p.hasConvMask)
    return Status::error("lsra: internal error: packed weights do not match the kernel");
  for (size_t i = 0; i < packed.size(); ++i)
    if (d.inputs[1 + i].shape != packed[i].shape())
      return Status::error("lsra: internal error: packed weight " + std::to_string(i) +
                           " has shape " + rt::formatShape(packed[i].shape()));
  std::vector<int> maskSlots;
  for (Value value : {op.getKeyPaddingMask(), op.getConvMask()})
    if (value)
      maskSlots.push_back(slotOf(value));
  StatusOr<CompiledKernel *> k = kernel(d);
  if (!k)
    return k.status();
  CompiledKernel *kern = *k;
  int inSlot = slotOf(op.getInput()), out = slotOf(op.getResult());
  Shape irShape = typeShape(op.getType());
  addStep(op, [=](Frame &f) -> Status {
    StatusOr<Tensor> x = viewAs(f.slots[inSlot], {kDyn, D});
    if (!x)
      return x.status();
    std::vector<Tensor> masks;
    for (int slot : maskSlots) {
      StatusOr<Tensor> m = viewAs(f.slots[slot], {kDyn});
      if (!m)
        return m.status();
      if (m->dim(0) != x->dim(0))
        return Status::error("lsra: a mask has " + std::to_string(m->dim(0)) +
                             " positions but the input has " +
                             std::to_string(x->dim(0)));
      masks.push_back(std::move(*m));
    }
    std::vector<const Tensor *> ins = {&*x};
    for (const Tensor &t : packed)
      ins.push_back(&t);
    for (const Tensor &t : masks)
      ins.push_back(&t);
    return launch(f, kern, ins, DType::F32, {x->dim(0), D}, out, irShape);
  });
  return Status::ok();
}

Status Planner::planLinear(Operation *op, Value x, Value w, Value b,
                           Value result, const std::string &act,
                           double slope) {
  Shape xs = typeShape(x.getType());
  int64_t K = xs.back();
  int64_t N = typeShape(w.getType())[0];
  auto launcher = linearLauncher(w, b, K, N, act, slope);
  if (!launcher)
    return launcher.status();
  int in = slotOf(x), out = slotOf(result);
  Shape irShape = typeShape(result.getType());
  auto fn = *launcher;
  addStep(op, [=](Frame &f) -> Status {
    StatusOr<Tensor> x2d = viewAs(f.slots[in], {kDyn, K});
    if (!x2d)
      return x2d.status();
    Tensor y;
    TFX_RETURN_IF_ERROR(fn(f, *x2d, y));
    StatusOr<Tensor> v = viewAs(y, irShape);
    if (!v)
      return v.status();
    f.slots[out] = std::move(*v);
    return Status::ok();
  });
  return Status::ok();
}

/// Broadcast flags of `operand` against `result` (both padded to one rank).
void broadcastFlags(KernelDesc &d, const std::string &name, Shape operand,
                    const Shape &result) {
  operand.insert(operand.begin(), result.size() - operand.size(), 1);
  for (size_t i = 0; i < result.size(); ++i)
    if (operand[i] == 1 && result[i] != 1)
      d.ints["bcast_" + name + "_" + std::to_string(i)] = 1;
}

/// Pads a run-time tensor to rank `rank` with leading 1s.
StatusOr<Tensor> padRank(const Tensor &t, size_t rank) {
  Shape s = t.shape();
  s.insert(s.begin(), rank - s.size(), 1);
  return t.reshaped(s);
}

/// Broadcast of two run-time shapes (already validated by the verifier up to
/// dynamic extents).
StatusOr<Shape> broadcastRuntime(const Shape &a, const Shape &b) {
  Shape out(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i] || b[i] == 1)
      out[i] = a[i];
    else if (a[i] == 1)
      out[i] = b[i];
    else
      return Status::error("shapes " + rt::formatShape(a) + " and " +
                           rt::formatShape(b) + " do not broadcast");
  }
  return out;
}

Status Planner::planElementwise(Operation *op, const std::string &kind,
                                Value lhs, Value rhs) {
  Value result = op->getResult(0);
  Shape rs = typeShape(result.getType());
  size_t rank = rs.size();
  KernelDesc d;
  d.kind = kind == "apply_mask" ? "apply_mask" : "binary";
  std::string lhsName = kind == "apply_mask" ? "x" : "lhs";
  std::string rhsName = kind == "apply_mask" ? "mask" : "rhs";
  Shape ls = typeShape(lhs.getType()), rsh = typeShape(rhs.getType());
  if (kind == "apply_mask") {
    d.floats["fill"] = llvm::cast<ApplyMaskOp>(op).getFill().convertToDouble();
  } else {
    d.strings["op"] = kind;
  }
  broadcastFlags(d, rhsName, rsh, rs);
  if (kind != "apply_mask")
    broadcastFlags(d, lhsName, ls, rs);
  auto padded = [&](Shape s) {
    s.insert(s.begin(), rank - s.size(), 1);
    return s;
  };
  d.inputs = {desc(dtypeOf(lhs.getType()), padded(ls)),
              desc(dtypeOf(rhs.getType()), padded(rsh))};
  d.output = desc(DType::F32, rs);
  StatusOr<CompiledKernel *> k = kernel(d);
  if (!k)
    return k.status();
  CompiledKernel *kern = *k;
  int a = slotOf(lhs), b = slotOf(rhs), out = slotOf(result);
  addStep(op, [=](Frame &f) -> Status {
    StatusOr<Tensor> ta = padRank(f.slots[a], rank), tb = padRank(f.slots[b], rank);
    if (!ta || !tb)
      return !ta ? ta.status() : tb.status();
    StatusOr<Shape> shape = broadcastRuntime(ta->shape(), tb->shape());
    if (!shape)
      return shape.status();
    return launch(f, kern, {&*ta, &*tb}, DType::F32, *shape, out, rs);
  });
  return Status::ok();
}

/// A generic single-kernel op: inputs viewed with `inShapes`, output with
/// `outShape` (both may hold one -1), result viewed back as the IR type.
struct SimpleKernel {
  KernelDesc desc;
  std::vector<Value> inputs;
  Value result;
};

Status planSimple(Planner &, lowering::KernelCache &, SimpleKernel);

Status Planner::planOp(Operation *op) {
  if (fused_.count(op))
    return Status::ok();
  auto simple = [&](KernelDesc d, std::vector<Value> inputs,
                    Value result) -> Status {
    StatusOr<CompiledKernel *> k = kernel(d);
    if (!k)
      return k.status();
    CompiledKernel *kern = *k;
    std::vector<int> in;
    std::vector<Shape> views;
    for (size_t i = 0; i < inputs.size(); ++i) {
      in.push_back(slotOf(inputs[i]));
      views.push_back(d.inputs[i].shape);
    }
    int out = slotOf(result);
    Shape outView = d.output.shape, irShape = typeShape(result.getType());
    DType outType = d.output.dtype;
    // The dynamic extent of the output follows the first dynamic input extent
    // (the batch); kernels keep the batch in the same position.
    addStep(op, [=](Frame &f) -> Status {
      std::vector<Tensor> tensors;
      int64_t dynExtent = kDyn;
      for (size_t i = 0; i < in.size(); ++i) {
        StatusOr<Tensor> t = viewAs(f.slots[in[i]], views[i]);
        if (!t)
          return t.status();
        for (size_t dd = 0; dd < views[i].size(); ++dd)
          if (views[i][dd] == kDyn && dynExtent == kDyn)
            dynExtent = t->dim(dd);
        tensors.push_back(std::move(*t));
      }
      Shape shape = outView;
      for (int64_t &e : shape)
        if (e == kDyn)
          e = dynExtent;
      std::vector<const Tensor *> ptrs;
      for (Tensor &t : tensors)
        ptrs.push_back(&t);
      return launch(f, kern, ptrs, outType, shape, out, irShape);
    });
    return Status::ok();
  };

  return llvm::TypeSwitch<Operation *, Status>(op)
      .Case<ParamOp>([&](ParamOp p) { return bindParam(p); })
      .Case<ConstantOp>([&](ConstantOp c) { return bindConstant(c); })
      .Case<ReshapeOp, DropoutOp>([&](Operation *o) {
        int in = slotOf(o->getOperand(0)), out = slotOf(o->getResult(0));
        Shape irShape = typeShape(o->getResult(0).getType());
        addStep(o, [=](Frame &f) -> Status {
          StatusOr<Tensor> v = viewAs(f.slots[in], irShape);
          if (!v)
            return v.status();
          f.slots[out] = std::move(*v);
          return Status::ok();
        });
        return Status::ok();
      })
      .Case<EmbeddingOp>([&](EmbeddingOp e) {
        Shape ids = typeShape(e.getIds().getType());
        Shape table = typeShape(e.getTable().getType());
        KernelDesc d;
        d.kind = "embedding";
        d.floats["scale"] = e.getScale().convertToDouble();
        d.inputs = {desc(dtypeOf(e.getIds().getType()), ids),
                    desc(DType::F32, table)};
        d.output = desc(DType::F32, typeShape(e.getType()));
        // Ids outside the vocabulary are a user error, not a clamp.
        int idsSlot = slotOf(e.getIds());
        int64_t vocab = table[0];
        bool wide = dtypeOf(e.getIds().getType()) == DType::I64;
        addStep(e, [=](Frame &f) -> Status {
          const Tensor &t = f.slots[idsSlot];
          for (int64_t i = 0; i < t.numel(); ++i) {
            int64_t id = wide ? t.dataAs<int64_t>()[i] : t.dataAs<int32_t>()[i];
            if (id < 0 || id >= vocab)
              return Status::error("token id " + std::to_string(id) +
                                   " at flat index " + std::to_string(i) +
                                   " is outside the vocabulary [0, " +
                                   std::to_string(vocab) + ")");
          }
          return Status::ok();
        });
        return simple(d, {e.getIds(), e.getTable()}, e.getResult());
      })
      .Case<PositionalEncodingOp>([&](PositionalEncodingOp p) {
        Shape s = typeShape(p.getType());
        Shape v = {product(s, 0, s.size() - 2), s[s.size() - 2], s.back()};
        KernelDesc d;
        d.kind = "positional_encoding";
        d.inputs = {desc(DType::F32, v)};
        d.output = desc(DType::F32, v);
        return simple(d, {p.getInput()}, p.getResult());
      })
      .Case<LinearOp>([&](LinearOp l) {
        std::string act = "none";
        double slope = 0;
        Value result = l.getResult();
        if (result.hasOneUse()) {
          Operation *user = *result.getUsers().begin();
          if (isa<ReluOp>(user))
            act = "relu";
          else if (auto g = dyn_cast<GeluOp>(user))
            act = g.getApproximate() == "tanh" ? "gelu_tanh" : "gelu";
          else if (auto lr = dyn_cast<LeakyReluOp>(user)) {
            act = "leaky_relu";
            slope = lr.getNegativeSlope().convertToDouble();
          }
          if (act != "none") {
            fused_[user] = true;
            result = user->getResult(0);
          }
        }
        return planLinear(l, l.getInput(), l.getWeight(), l.getBias(), result,
                          act, slope);
      })
      .Case<MatmulOp>([&](MatmulOp m) {
        Shape a = typeShape(m.getLhs().getType()), b = typeShape(m.getRhs().getType());
        size_t r = a.size();
        Shape av = {product(a, 0, r - 2), a[r - 2], a[r - 1]};
        Shape bv = {product(b, 0, r - 2), b[r - 2], b[r - 1]};
        KernelDesc d;
        d.kind = "matmul";
        d.inputs = {desc(DType::F32, av), desc(DType::F32, bv)};
        d.output = desc(DType::F32, {av[0], av[1], bv[2]});
        return simple(d, {m.getLhs(), m.getRhs()}, m.getResult());
      })
      .Case<AddOp>([&](AddOp o) { return planElementwise(o, "add", o.getLhs(), o.getRhs()); })
      .Case<SubOp>([&](SubOp o) { return planElementwise(o, "sub", o.getLhs(), o.getRhs()); })
      .Case<MulOp>([&](MulOp o) { return planElementwise(o, "mul", o.getLhs(), o.getRhs()); })
      .Case<DivOp>([&](DivOp o) { return planElementwise(o, "div", o.getLhs(), o.getRhs()); })
      .Case<ApplyMaskOp>([&](ApplyMaskOp o) {
        return planElementwise(o, "apply_mask", o.getInput(), o.getMask());
      })
      .Case<ReluOp, GeluOp, LeakyReluOp>([&](Operation *o) {
        KernelDesc d;
        d.kind = "unary";
        if (isa<ReluOp>(o))
          d.strings["act"] = "relu";
        else if (auto g = dyn_cast<GeluOp>(o))
          d.strings["act"] = g.getApproximate() == "tanh" ? "gelu_tanh" : "gelu";
        else {
          d.strings["act"] = "leaky_relu";
          d.floats["slope"] =
              cast<LeakyReluOp>(o).getNegativeSlope().convertToDouble();
        }
        Shape s = typeShape(o->getResult(0).getType());
        d.inputs = {desc(DType::F32, {product(s, 0, s.size())})};
        d.output = d.inputs[0];
        return simple(d, {o->getOperand(0)}, o->getResult(0));
      })
      .Case<SoftmaxOp>([&](SoftmaxOp s) {
        Shape shape = typeShape(s.getType());
        int64_t axis = s.getAxisAttr().getInt();
        if (axis < 0)
          axis += shape.size();
        KernelDesc d;
        d.kind = "softmax";
        d.inputs = {desc(DType::F32, collapse3(shape, axis))};
        d.output = d.inputs[0];
        return simple(d, {s.getInput()}, s.getResult());
      })
      .Case<GluOp>([&](GluOp g) {
        Shape in = typeShape(g.getInput().getType());
        int64_t axis = g.getAxisAttr().getInt();
        if (axis < 0)
          axis += in.size();
        KernelDesc d;
        d.kind = "glu";
        d.inputs = {desc(DType::F32, collapse3(in, axis))};
        d.output = desc(DType::F32, collapse3(typeShape(g.getType()), axis));
        return simple(d, {g.getInput()}, g.getResult());
      })
      .Case<LayerNormOp>([&](LayerNormOp l) {
        Shape s = typeShape(l.getInput().getType());
        KernelDesc d;
        d.kind = "layer_norm";
        d.floats["epsilon"] = l.getEpsilon().convertToDouble();
        d.inputs = {desc(DType::F32, collapse2(s)), desc(DType::F32, {s.back()}),
                    desc(DType::F32, {s.back()})};
        d.output = d.inputs[0];
        return simple(d, {l.getInput(), l.getGamma(), l.getBeta()}, l.getResult());
      })
      .Case<TransposeOp>([&](TransposeOp t) {
        KernelDesc d;
        d.kind = "transpose";
        for (auto [i, p] : llvm::enumerate(t.getPermutation()))
          d.ints["perm_" + std::to_string(i)] = p;
        d.inputs = {desc(dtypeOf(t.getInput().getType()), typeShape(t.getInput().getType()))};
        d.output = desc(dtypeOf(t.getType()), typeShape(t.getType()));
        return simple(d, {t.getInput()}, t.getResult());
      })
      .Case<ConcatOp>([&](ConcatOp c) {
        Shape out = typeShape(c.getType());
        int64_t axis = c.getAxisAttr().getInt();
        if (axis < 0)
          axis += out.size();
        KernelDesc d;
        d.kind = "concat";
        std::vector<Value> ins;
        for (Value v : c.getInputs()) {
          d.inputs.push_back(desc(dtypeOf(v.getType()), collapse3(typeShape(v.getType()), axis)));
          ins.push_back(v);
        }
        d.output = desc(dtypeOf(c.getType()), collapse3(out, axis));
        return simple(d, ins, c.getResult());
      })
      .Case<SliceOp>([&](SliceOp s) {
        Shape in = typeShape(s.getInput().getType());
        int64_t axis = s.getAxisAttr().getInt();
        if (axis < 0)
          axis += in.size();
        KernelDesc d;
        d.kind = "slice";
        d.ints["start"] = s.getStartAttr().getInt();
        d.inputs = {desc(dtypeOf(s.getInput().getType()), collapse3(in, axis))};
        d.output = desc(dtypeOf(s.getType()), collapse3(typeShape(s.getType()), axis));
        return simple(d, {s.getInput()}, s.getResult());
      })
      .Case<PaddingMaskOp>([&](PaddingMaskOp p) {
        KernelDesc d;
        d.kind = "padding_mask";
        d.ints["pad_id"] = p.getPadIdAttr().getInt();
        d.inputs = {desc(dtypeOf(p.getIds().getType()), typeShape(p.getIds().getType()))};
        d.output = desc(DType::Bool, typeShape(p.getType()));
        return simple(d, {p.getIds()}, p.getResult());
      })
      .Case<CausalMaskOp>([&](CausalMaskOp c) {
        KernelDesc d;
        d.kind = "causal_mask";
        d.output = desc(DType::Bool, typeShape(c.getType()));
        return simple(d, {}, c.getResult());
      })
      .Case<AttentionOp>([&](AttentionOp a) -> Status {
        Shape q = typeShape(a.getQuery().getType());
        Shape kv = typeShape(a.getKeyValue().getType());
        int64_t D = q[2], Dkv = kv[2];
        auto lq = linearLauncher(a.getQWeight(), a.getQBias(), D, D, "none", 0);
        auto lk = linearLauncher(a.getKWeight(), a.getKBias(), Dkv, D, "none", 0);
        auto lv = linearLauncher(a.getVWeight(), a.getVBias(), Dkv, D, "none", 0);
        auto lo = linearLauncher(a.getOutWeight(), a.getOutBias(), D, D, "none", 0);
        for (auto *l : {&lq, &lk, &lv, &lo})
          if (!*l)
            return l->status();
        KernelDesc d;
        d.kind = "sdpa";
        d.ints["heads"] = a.getNumHeadsAttr().getInt();
        d.ints["causal"] = a.getCausal();
        d.inputs = {desc(DType::F32, q), desc(DType::F32, {kv[0], kv[1], D}),
                    desc(DType::F32, {kv[0], kv[1], D})};
        bool hasMask = static_cast<bool>(a.getKeyPaddingMask());
        if (hasMask) {
          d.ints["has_mask"] = 1;
          d.inputs.push_back(desc(DType::Bool, {kv[0], kv[1]}));
        }
        d.output = desc(DType::F32, q);
        StatusOr<CompiledKernel *> k = kernel(d);
        if (!k)
          return k.status();
        CompiledKernel *sdpa = *k;
        int qs = slotOf(a.getQuery()), kvs = slotOf(a.getKeyValue());
        int ms = hasMask ? slotOf(a.getKeyPaddingMask()) : -1;
        int out = slotOf(a.getResult());
        auto fq = *lq, fk = *lk, fv = *lv, fo = *lo;
        addStep(a, [=](Frame &f) -> Status {
          const Tensor &query = f.slots[qs], &keyValue = f.slots[kvs];
          int64_t B = query.dim(0), Lq = query.dim(1), Lk = keyValue.dim(1);
          StatusOr<Tensor> q2 = viewAs(query, {kDyn, D}), kv2 = viewAs(keyValue, {kDyn, Dkv});
          if (!q2 || !kv2)
            return !q2 ? q2.status() : kv2.status();
          Tensor Q, K, V, O, Y;
          TFX_RETURN_IF_ERROR(fq(f, *q2, Q));
          TFX_RETURN_IF_ERROR(fk(f, *kv2, K));
          TFX_RETURN_IF_ERROR(fv(f, *kv2, V));
          StatusOr<Tensor> Q3 = Q.reshaped({B, Lq, D}), K3 = K.reshaped({B, Lk, D}),
                           V3 = V.reshaped({B, Lk, D});
          StatusOr<Tensor> att = f.pool->take(DType::F32, {B, Lq, D}, f.stats);
          if (!att)
            return att.status();
          std::vector<const Tensor *> ins = {&*Q3, &*K3, &*V3};
          if (ms >= 0)
            ins.push_back(&f.slots[ms]);
          TFX_RETURN_IF_ERROR(sdpa->run(ins, *att));
          ++f.stats.kernelLaunches;
          f.pool->give(std::move(Q));
          f.pool->give(std::move(K));
          f.pool->give(std::move(V));
          Q3 = K3 = V3 = Status::error("released");
          StatusOr<Tensor> att2 = att->reshaped({B * Lq, D});
          TFX_RETURN_IF_ERROR(fo(f, *att2, Y));
          att2 = Status::error("released");
          f.pool->give(std::move(*att));
          StatusOr<Tensor> y3 = Y.reshaped({B, Lq, D});
          f.slots[out] = std::move(*y3);
          return Status::ok();
        });
        return Status::ok();
      })
      .Case<LightweightConvOp>([&](LightweightConvOp c) {
        KernelDesc d;
        d.kind = "lightweight_conv";
        d.ints["heads"] = c.getNumHeadsAttr().getInt();
        d.ints["kernel_size"] = c.getKernelSizeAttr().getInt();
        d.ints["weight_softmax"] = c.getWeightSoftmax();
        d.strings["padding"] = c.getPadding().str();
        d.inputs = {desc(DType::F32, typeShape(c.getInput().getType())),
                    desc(DType::F32, typeShape(c.getWeight().getType()))};
        d.output = desc(DType::F32, typeShape(c.getType()));
        return simple(d, {c.getInput(), c.getWeight()}, c.getResult());
      })
      .Case<DynamicConvOp>([&](DynamicConvOp c) -> Status {
        Shape x = typeShape(c.getInput().getType());
        int64_t C = x[2];
        int64_t taps = c.getNumHeadsAttr().getInt() * c.getKernelSizeAttr().getInt();
        auto logits = linearLauncher(c.getKernelWeight(), c.getKernelBias(), C,
                                     taps, "none", 0);
        if (!logits)
          return logits.status();
        KernelDesc d;
        d.kind = "dynamic_conv";
        d.ints["heads"] = c.getNumHeadsAttr().getInt();
        d.ints["kernel_size"] = c.getKernelSizeAttr().getInt();
        d.ints["weight_softmax"] = c.getWeightSoftmax();
        d.strings["padding"] = c.getPadding().str();
        d.inputs = {desc(DType::F32, x), desc(DType::F32, {x[0], x[1], taps})};
        d.output = desc(DType::F32, x);
        StatusOr<CompiledKernel *> k = kernel(d);
        if (!k)
          return k.status();
        CompiledKernel *conv = *k;
        int in = slotOf(c.getInput()), out = slotOf(c.getResult());
        auto flog = *logits;
        addStep(c, [=](Frame &f) -> Status {
          const Tensor &xt = f.slots[in];
          StatusOr<Tensor> x2 = viewAs(xt, {kDyn, C});
          if (!x2)
            return x2.status();
          Tensor lg;
          TFX_RETURN_IF_ERROR(flog(f, *x2, lg));
          StatusOr<Tensor> lg3 = lg.reshaped({xt.dim(0), xt.dim(1), taps});
          TFX_RETURN_IF_ERROR(launch(f, conv, {&xt, &*lg3}, DType::F32, xt.shape(),
                                     out, xt.shape()));
          lg3 = Status::error("released");
          f.pool->give(std::move(lg));
          return Status::ok();
        });
        return Status::ok();
      })
      .Case<LsraOp>([&](LsraOp l) -> Status { return planLsra(l); })
      .Case<FlatMlpOp>([&](FlatMlpOp m) -> Status {
        Shape x = typeShape(m.getInput().getType());
        Shape res = typeShape(m.getType());
        int64_t N = x[1], Din = x[2], F = N * Din;
        int64_t hidden = typeShape(m.getFc1Weight().getType())[0];
        int64_t outRows = typeShape(m.getFc2Weight().getType())[0];
        bool perPos = m.getPerPosition();
        double eps = m.getEpsilon().convertToDouble();
        KernelDesc rows;
        rows.kind = "mask_rows";
        rows.ints["causal"] = perPos;
        rows.inputs = {desc(DType::F32, x), desc(DType::Bool, {x[0], N})};
        rows.output = perPos ? desc(DType::F32, {x[0], N, F}) : desc(DType::F32, {x[0], F});
        StatusOr<CompiledKernel *> kr = kernel(rows),
                                   kn1 = kernel(lowering::layerNormDesc(F, eps)),
                                   kn2 = kernel(lowering::layerNormDesc(hidden, eps));
        for (auto *k : {&kr, &kn1, &kn2})
          if (!*k)
            return k->status();
        auto fc1 = linearLauncher(m.getFc1Weight(), m.getFc1Bias(), F, hidden,
                                  "leaky_relu", m.getNegativeSlope().convertToDouble());
        auto fc2 = linearLauncher(m.getFc2Weight(), m.getFc2Bias(), hidden,
                                  outRows, "none", 0);
        if (!fc1 || !fc2)
          return !fc1 ? fc1.status() : fc2.status();
        KernelDesc mask;
        mask.kind = "apply_mask";
        mask.floats["fill"] = 0.0;
        mask.inputs = {desc(DType::F32, res), desc(DType::Bool, {res[0], res[1], 1})};
        broadcastFlags(mask, "mask", {res[0], res[1], 1}, res);
        mask.output = desc(DType::F32, res);
        StatusOr<CompiledKernel *> km = kernel(mask);
        if (!km)
          return km.status();
        auto cst = [&](Value v) { return constantValues_.lookup(v); };
        Tensor g1 = cst(m.getInNormWeight()), b1 = cst(m.getInNormBias()),
               g2 = cst(m.getHiddenNormWeight()), b2 = cst(m.getHiddenNormBias());
        if (g1.empty() || b1.empty() || g2.empty() || b2.empty())
          return Status::error("flat_mlp norm weights must be tfx.param values");
        int in = slotOf(m.getInput()), im = slotOf(m.getInputMask()),
            om = slotOf(m.getOutputMask()), out = slotOf(m.getResult());
        CompiledKernel *rowsK = *kr, *ln1 = *kn1, *ln2 = *kn2, *maskK = *km;
        auto f1 = *fc1, f2 = *fc2;
        addStep(m, [=](Frame &f) -> Status {
          const Tensor &xt = f.slots[in];
          int64_t B = xt.dim(0);
          int64_t M = perPos ? B * N : B;
          Shape rowsShape = perPos ? Shape{B, N, F} : Shape{B, F};
          StatusOr<Tensor> r = f.pool->take(DType::F32, rowsShape, f.stats);
          if (!r)
            return r.status();
          TFX_RETURN_IF_ERROR(rowsK->run({&xt, &f.slots[im]}, *r));
          StatusOr<Tensor> r2 = r->reshaped({M, F});
          StatusOr<Tensor> n1 = f.pool->take(DType::F32, {M, F}, f.stats);
          if (!n1)
            return n1.status();
          TFX_RETURN_IF_ERROR(ln1->run({&*r2, &g1, &b1}, *n1));
          r2 = Status::error("released");
          f.pool->give(std::move(*r));
          Tensor h, y;
          TFX_RETURN_IF_ERROR(f1(f, *n1, h));
          f.pool->give(std::move(*n1));
          StatusOr<Tensor> n2 = f.pool->take(DType::F32, {M, hidden}, f.stats);
          if (!n2)
            return n2.status();
          TFX_RETURN_IF_ERROR(ln2->run({&h, &g2, &b2}, *n2));
          f.pool->give(std::move(h));
          TFX_RETURN_IF_ERROR(f2(f, *n2, y));
          f.pool->give(std::move(*n2));
          f.stats.kernelLaunches += 3;
          StatusOr<Tensor> y3 = viewAs(y, res);
          StatusOr<Tensor> keep3 = viewAs(f.slots[om], {kDyn, res[1], 1});
          if (!y3 || !keep3)
            return !y3 ? y3.status() : keep3.status();
          return launch(f, maskK, {&*y3, &*keep3}, DType::F32, y3->shape(), out, res);
        });
        return Status::ok();
      })
      .Case<func::ReturnOp>([&](func::ReturnOp) { return Status::ok(); })
      .Default([&](Operation *o) {
        return Status::error("op '" + o->getName().getStringRef().str() +
                             "' has no lowering to Halide");
      });
}

StatusOr<std::unique_ptr<ProgramImpl>> Planner::plan(func::FuncOp fn) {
  program_ = std::make_unique<ProgramImpl>();
  if (fn.getBody().getBlocks().size() != 1)
    return Status::error("function '" + fn.getName().str() +
                         "' must have a single block");
  for (auto [i, arg] : llvm::enumerate(fn.getArguments())) {
    auto name = fn.getArgAttrOfType<StringAttr>(i, kNameAttrName);
    program_->inputNames_.push_back(name ? name.str() : "arg" + std::to_string(i));
    if (!isa<RankedTensorType>(arg.getType()))
      return Status::error("argument " + std::to_string(i) +
                           " must be a ranked tensor");
    program_->inputShapes_.push_back(typeShape(arg.getType()));
    program_->inputTypes_.push_back(dtypeOf(arg.getType()));
    program_->inputSlots_.push_back(slotOf(arg));
  }
  for (Operation &op : fn.getBody().front()) {
    Status s = planOp(&op);
    if (!s)
      return s.withContext(locString(&op));
  }
  auto ret = cast<func::ReturnOp>(fn.getBody().front().getTerminator());
  for (auto [i, v] : llvm::enumerate(ret.getOperands())) {
    auto name = fn.getResultAttrOfType<StringAttr>(i, kNameAttrName);
    program_->outputNames_.push_back(name ? name.str() : "result" + std::to_string(i));
    program_->outputSlots_.push_back(slotOf(v));
  }
  // Last use of every slot: release its buffer after that step (never the
  // function's results or constants, whose storage is shared elsewhere).
  std::vector<int> lastUse(program_->numSlots_, -1);
  llvm::DenseMap<Operation *, int> stepOf;
  // Steps were appended in op order; map each op to its last step index.
  int stepIndex = 0;
  for (Operation &op : fn.getBody().front()) {
    std::string what = locString(&op);
    while (stepIndex < static_cast<int>(program_->steps_.size()) &&
           program_->steps_[stepIndex].what == what)
      stepOf[&op] = stepIndex++;
  }
  for (Operation &op : fn.getBody().front()) {
    auto it = stepOf.find(&op);
    Operation *user = &op;
    // Fused activations run inside the producer's step.
    if (it == stepOf.end())
      continue;
    for (Value operand : user->getOperands()) {
      auto s = slots_.find(operand);
      if (s != slots_.end())
        lastUse[s->second] = std::max(lastUse[s->second], it->second);
    }
  }
  for (Operation &op : fn.getBody().front()) {
    if (!fused_.count(&op))
      continue;
    // Operands of a fused op are used by the producer's step.
    Operation *producer = op.getOperand(0).getDefiningOp();
    auto it = stepOf.find(producer);
    if (it == stepOf.end())
      continue;
    for (Value operand : op.getOperands()) {
      auto s = slots_.find(operand);
      if (s != slots_.end())
        lastUse[s->second] = std::max(lastUse[s->second], it->second);
    }
  }
  for (int slot : program_->outputSlots_)
    lastUse[slot] = -1;
  for (int slot : program_->inputSlots_)
    lastUse[slot] = -1;
  for (auto &[slot, t] : program_->constants_)
    lastUse[slot] = -1;
  for (int slot = 0; slot < program_->numSlots_; ++slot)
    if (lastUse[slot] >= 0)
      program_->steps_[lastUse[slot]].release.push_back(slot);
  return std::move(program_);
}

} // namespace

struct Executor::Impl {
  ModuleOp module;
  TensorMap weights;
  lowering::KernelCache cache;
  std::map<std::string, std::unique_ptr<ProgramImpl>> programs;

  Impl(ModuleOp module, TensorMap weights, ExecOptions options)
      : module(module), weights(std::move(weights)), cache(options.kernels) {}
};

Executor::Executor(ModuleOp module, TensorMap weights, ExecOptions options)
    : impl_(new Impl(module, std::move(weights), std::move(options))) {}

Executor::~Executor() = default;

lowering::KernelCache &Executor::kernels() { return impl_->cache; }

StatusOr<Program *> Executor::program(const std::string &name) {
  auto it = impl_->programs.find(name);
  if (it != impl_->programs.end())
    return static_cast<Program *>(it->second.get());
  auto fn = impl_->module.lookupSymbol<func::FuncOp>(name);
  if (!fn) {
    std::string available;
    for (auto f : impl_->module.getOps<func::FuncOp>())
      available += (available.empty() ? "" : ", ") + f.getName().str();
    return Status::error("no function '" + name + "' in the model (it has: " +
                         available + ")");
  }
  Planner planner(impl_->cache, impl_->weights);
  StatusOr<std::unique_ptr<ProgramImpl>> program = planner.plan(fn);
  if (!program)
    return program.status();
  Program *raw = program->get();
  impl_->programs[name] = std::move(*program);
  return raw;
}

} // namespace tfx::exec
