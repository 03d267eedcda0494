//===- Kernel.cpp - Halide algorithms and schedules for tfx kernels -------===//
//
// Conventions: a tensor [d0, ..., d(r-1)] (outermost first) is a Halide
// buffer with dimension 0 = d(r-1). Every builder below takes the KernelDesc,
// creates one ImageParam per input and returns the output Func; schedules
// live right after their algorithm. Kernel shapes are static except extents
// marked -1 (the batch), which the compiled pipeline accepts at any size.
//
//===----------------------------------------------------------------------===//

#include "tfx/Lowering/Kernel.h"

#include <Halide.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <malloc.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>
#include <cmath>
#include <functional>
#include <limits>
#include <mutex>
#include <sstream>
#include <unordered_map>

using namespace Halide;

namespace tfx::lowering {
namespace {

constexpr int kVec = 16; // f32 lanes of AVX-512; Halide narrows for other ISAs

/// A window of the output tensor's last dimension that one output Func of a
/// multi-output pipeline writes (the others are left to other Funcs).
struct OutputWindow {
  int64_t offset = 0, width = 0;
};

/// What a builder produces: the output Func plus the inputs in desc order.
/// A builder may instead produce several output Funcs (`outputs`), each
/// writing its `windows` entry of the one output tensor in place: the LSRA
/// block writes its two branches into the two halves of its result.
struct Built {
  Func output;
  std::vector<Func> outputs;
  std::vector<OutputWindow> windows;
  std::vector<ImageParam> inputs;
  /// Hand schedule; called only when the manual schedule source is chosen.
  std::function<void()> schedule;
  /// Hand schedule for GPU targets (gpu_blocks/gpu_threads); null if the
  /// kernel has none, and then GPU targets are refused with a message.
  std::function<void()> gpuSchedule;

  std::vector<Func> allOutputs() const {
    return outputs.empty() ? std::vector<Func>{output} : outputs;
  }
};

Type halideTypeOf(rt::DType dtype) {
  switch (dtype) {
  case rt::DType::F32: return Float(32);
  case rt::DType::F64: return Float(64);
  case rt::DType::I64: return Int(64);
  case rt::DType::I32: return Int(32);
  case rt::DType::I8: return Int(8);
  case rt::DType::U8:
  case rt::DType::Bool: return UInt(8);
  default: return Float(32);
  }
}

/// Tells Halide the static extents and dense row-major strides of a buffer:
/// with constant strides, unrolled loops address memory with constant
/// offsets, and exact extents remove tail code the sizes never need.
template <typename Buffer>
void constrainDense(Buffer &&b, const std::vector<int64_t> &shape) {
  int rank = static_cast<int>(shape.size());
  int64_t stride = 1;
  bool strideKnown = true;
  for (int h = 0; h < rank; ++h) {
    int64_t e = shape[rank - 1 - h];
    b.dim(h).set_min(0);
    if (strideKnown)
      b.dim(h).set_stride(static_cast<int>(stride));
    if (e >= 0) {
      b.dim(h).set_extent(static_cast<int>(e));
      stride *= e;
    } else {
      strideKnown = false;
    }
  }
}

ImageParam param(const KernelDesc &d, size_t i, const std::string &name) {
  const OperandDesc &op = d.inputs.at(i);
  ImageParam p(halideTypeOf(op.dtype), static_cast<int>(op.shape.size()), name);
  constrainDense(p, op.shape);
  return p;
}

/// Static extent of tensor dim `i` of operand `op` (-1 if dynamic).
int64_t extent(const OperandDesc &op, size_t i) { return op.shape.at(i); }

/// Vars named `<prefix>_<i>`. Never `v<i>`: Halide names the anonymous vars
/// it creates (e.g. the inner var of vectorize) `v<counter>` from a global
/// counter, and a schedule then fails with "v1 is already used".
std::vector<Var> makeVars(int rank, const std::string &prefix) {
  std::vector<Var> v;
  for (int i = 0; i < rank; ++i)
    v.emplace_back(prefix + "_" + std::to_string(i));
  return v;
}

std::vector<Expr> toExprs(const std::vector<Var> &vars) {
  return std::vector<Expr>(vars.begin(), vars.end());
}

Expr activation(Expr x, const KernelDesc &d) {
  std::string act = d.stringAttr("act", "none");
  if (act == "relu")
    return max(x, 0.0f);
  if (act == "leaky_relu")
    return select(x >= 0.0f, x, x * static_cast<float>(d.floatAttr("slope", 0.01)));
  if (act == "gelu")
    return 0.5f * x * (1.0f + erf(x * static_cast<float>(M_SQRT1_2)));
  if (act == "gelu_tanh") {
    const float k = std::sqrt(2.0f / static_cast<float>(M_PI));
    return 0.5f * x * (1.0f + tanh(k * (x + 0.044715f * x * x * x)));
  }
  return x;
}

/// Vectorises the innermost dim and parallelises the outermost one of a pure
/// elementwise output of tensor rank `rank`.
void scheduleElementwise(Func f, const std::vector<Var> &v, int64_t inner) {
  if (inner < 0 || inner >= kVec)
    f.vectorize(v[0], kVec, TailStrategy::GuardWithIf);
  if (v.size() > 1)
    f.parallel(v.back());
}

//===----------------------------------------------------------------------===//
// GEMM family
//===----------------------------------------------------------------------===//

/// Register-blocked GEMM schedule: a tile of `out` (tn x tm) is accumulated
/// in registers over k, with k split so the weight panel stays in L2. When
/// there are at least tm rows (the usual case: rows = batch x length), a
/// specialisation uses full tiles (ShiftInwards) so the unrolled rows carry no
/// bounds checks; fewer rows fall back to guarded tiles.
/// Several accumulators (`prods`) may feed one output tile (the GLU of the
/// LSRA convolution branch multiplies two halves of one projection).
void scheduleGemm(Func out, const std::vector<Func> &prods, Var n, Var m,
                  RDom k, int64_t N, int64_t K, std::vector<Var> outer,
                  Expr rows) {
  const int tn = N >= 2 * kVec ? 2 * kVec : kVec;
  // 12 (or 8) accumulator registers per product: with two products (GLU)
  // the row tile halves, or the accumulators would spill.
  const int tm = (N >= 2 * kVec ? 6 : 8) / static_cast<int>(prods.size());
  Var no("no"), mo("mo"), ni("ni"), mi("mi"), t("t");
  // A weight matrix larger than L2 would be streamed from memory once per
  // row tile; then the column tiles go outermost so each K x tn panel of the
  // weights is reused by every row tile while it sits in L2.
  const bool panelOuter = outer.empty() && K * N * 4 > (int64_t(1) << 20);
  // With at least one full column tile, the last tile is shifted inwards
  // (recomputing a few columns) instead of predicated: narrow outputs such as
  // a 25-wide hidden layer otherwise run their tail tile as scalar code.
  const TailStrategy colTail =
      N >= tn ? TailStrategy::ShiftInwards : TailStrategy::GuardWithIf;
  auto tileStage = [&](Stage s, TailStrategy rowTail) {
    s.split(n, no, ni, tn, colTail)
        .split(m, mo, mi, tm, rowTail);
    if (panelOuter)
      s.reorder(ni, mi, mo, no);
    else
      s.reorder(ni, mi, no, mo);
    s.vectorize(ni, kVec).unroll(mi);
    if (panelOuter) {
      s.parallel(no);
    } else if (outer.empty()) {
      s.parallel(mo);
    } else {
      Var fused("fused");
      s.fuse(mo, outer.front(), fused).parallel(fused);
    }
  };
  tileStage(out.specialize(rows >= tm), TailStrategy::ShiftInwards);
  tileStage(Stage(out), TailStrategy::GuardWithIf);
  // The accumulators live for one tile: inside the innermost tile loop.
  for (Func prod : prods) {
    prod.compute_at(out, panelOuter ? mo : no)
        .vectorize(n, kVec, TailStrategy::GuardWithIf)
        .unroll(m);
    if (K > 512) {
      RVar ko("ko"), ki("ki");
      prod.update().split(k.x, ko, ki, 256).reorder(n, m, ki, ko);
    } else {
      prod.update().reorder(n, m, k.x);
    }
    prod.update().vectorize(n, kVec, TailStrategy::GuardWithIf).unroll(m);
  }
}

void scheduleGemm(Func out, Func prod, Var n, Var m, RDom k, int64_t N,
                  int64_t K, std::vector<Var> outer, Expr rows) {
  scheduleGemm(out, std::vector<Func>{prod}, n, m, k, N, K, std::move(outer),
               std::move(rows));
}

/// linear: x [M, K], wt [K, N] (pre-transposed weight), bias [N]? -> [M, N],
/// with the activation epilogue fused.
Built buildLinear(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x"), wt = param(d, 1, "wt");
  b.inputs = {x, wt};
  int64_t K = extent(d.inputs[1], 0), N = extent(d.inputs[1], 1);
  Var n("n"), m("m");
  RDom k(0, static_cast<int>(K), "k");
  Func prod("prod");
  if (d.intAttr("has_bias")) {
    ImageParam bias = param(d, 2, "bias");
    b.inputs.push_back(bias);
    prod(n, m) = bias(n);
  } else {
    prod(n, m) = 0.0f;
  }
  prod(n, m) += x(k, m) * wt(n, k);
  Func out("linear");
  out(n, m) = activation(prod(n, m), d);
  b.output = out;
  b.schedule = [=]() mutable {
    scheduleGemm(out, prod, n, m, k, N, K, {}, x.dim(1).extent());
  };
  return b;
}

/// matmul: a [Bt, M, K], b [Bt, K, N] -> [Bt, M, N].
Built buildMatmul(const KernelDesc &d) {
  Built b;
  ImageParam a = param(d, 0, "a"), bb = param(d, 1, "b");
  b.inputs = {a, bb};
  int64_t K = extent(d.inputs[1], 1), N = extent(d.inputs[1], 2);
  Var n("n"), m("m"), t("t");
  RDom k(0, static_cast<int>(K), "k");
  Func prod("prod");
  prod(n, m, t) = 0.0f;
  prod(n, m, t) += a(k, m, t) * bb(n, k, t);
  Func out("matmul");
  out(n, m, t) = prod(n, m, t);
  b.output = out;
  b.schedule = [=]() mutable {
    scheduleGemm(out, prod, n, m, k, N, K, {t}, a.dim(1).extent());
  };
  return b;
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

/// Index expressions for an operand broadcast to the output: a dim flagged
/// "bcast_<name>_<i>" (tensor order) reads index 0.
std::vector<Expr> broadcastIndex(const KernelDesc &d, const std::string &name,
                                 const std::vector<Var> &v) {
  int rank = static_cast<int>(v.size());
  std::vector<Expr> idx;
  for (int h = 0; h < rank; ++h) {
    int tensorDim = rank - 1 - h;
    bool bcast = d.intAttr("bcast_" + name + "_" + std::to_string(tensorDim));
    idx.push_back(bcast ? Expr(0) : Expr(v[h]));
  }
  return idx;
}

Built buildBinary(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "lhs"), y = param(d, 1, "rhs");
  b.inputs = {x, y};
  int rank = static_cast<int>(d.output.shape.size());
  std::vector<Var> v = makeVars(rank, "v");
  Expr l = x(broadcastIndex(d, "lhs", v)), r = y(broadcastIndex(d, "rhs", v));
  std::string op = d.stringAttr("op");
  Expr e = op == "add" ? l + r : op == "sub" ? l - r : op == "mul" ? l * r : l / r;
  Func out("binary");
  out(toExprs(v)) = activation(e, d);
  b.output = out;
  int64_t inner = rank ? d.output.shape.back() : 1;
  b.schedule = [=]() mutable { scheduleElementwise(out, v, inner); };
  return b;
}

/// unary activations on a flat [N] view.
Built buildUnary(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  Var i("i");
  Func out("unary");
  out(i) = activation(x(i), d);
  b.output = out;
  b.schedule = [=]() mutable {
    Var o("o");
    out.vectorize(i, kVec, TailStrategy::GuardWithIf);
  };
  return b;
}

/// apply_mask: x rank r, mask rank r (broadcast flags "bcast_mask_i").
Built buildApplyMask(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x"), mask = param(d, 1, "mask");
  b.inputs = {x, mask};
  int rank = static_cast<int>(d.output.shape.size());
  std::vector<Var> v = makeVars(rank, "v");
  Func out("apply_mask");
  out(toExprs(v)) = select(mask(broadcastIndex(d, "mask", v)) != 0, x(toExprs(v)),
                           static_cast<float>(d.floatAttr("fill")));
  b.output = out;
  int64_t inner = rank ? d.output.shape.back() : 1;
  b.schedule = [=]() mutable { scheduleElementwise(out, v, inner); };
  return b;
}

//===----------------------------------------------------------------------===//
// Normalisation
//===----------------------------------------------------------------------===//

/// exp(x - mx) for a softmax row whose maximum mx is -inf when every
/// element is masked: the row's exponentials are then 0, not NaN
/// (exp(-inf - -inf)). With divideOrZero, such a row gives 0 (an
/// all-padding sentence; docs/running.md).
Expr expBelowMax(Expr x, Expr mx) {
  return exp(x - select(mx == -std::numeric_limits<float>::infinity(), 0.0f, mx));
}
Expr divideOrZero(Expr num, Expr total) { return select(total == 0.0f, 0.0f, num / total); }

/// softmax over the middle dim of [O, A, I].
Built buildSoftmax(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  int A = static_cast<int>(extent(d.inputs[0], 1));
  Var i("i"), a("a"), o("o");
  RDom r(0, A, "r");
  Func mx("mx"), e("e"), sum("sum"), out("softmax");
  mx(i, o) = maximum(x(i, r, o));
  e(i, a, o) = expBelowMax(x(i, a, o), mx(i, o));
  sum(i, o) = Halide::sum(e(i, r, o));
  out(i, a, o) = divideOrZero(e(i, a, o), sum(i, o));
  b.output = out;
  int64_t inner = extent(d.inputs[0], 2);
  b.schedule = [=]() mutable {
    out.parallel(o);
    if (inner == 1) {
      // Softmax over the innermost tensor dim: vectorise along it.
      mx.compute_at(out, o);
      e.compute_at(out, o).vectorize(a, kVec, TailStrategy::GuardWithIf);
      sum.compute_at(out, o);
      out.vectorize(a, kVec, TailStrategy::GuardWithIf);
    } else {
      mx.compute_at(out, o).vectorize(i, kVec, TailStrategy::GuardWithIf);
      e.compute_at(out, o).vectorize(i, kVec, TailStrategy::GuardWithIf);
      sum.compute_at(out, o).vectorize(i, kVec, TailStrategy::GuardWithIf);
      out.vectorize(i, kVec, TailStrategy::GuardWithIf);
    }
  };
  return b;
}

/// layer_norm over the last dim of [M, D].
Built buildLayerNorm(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x"), g = param(d, 1, "gamma"),
             beta = param(d, 2, "beta");
  b.inputs = {x, g, beta};
  int D = static_cast<int>(extent(d.inputs[0], 1));
  float eps = static_cast<float>(d.floatAttr("epsilon", 1e-5));
  Var c("c"), m("m");
  RDom r(0, D, "r");
  Func mean("mean"), var("var"), out("layer_norm");
  mean(m) = Halide::sum(x(r, m)) / static_cast<float>(D);
  Expr centred = x(r, m) - mean(m);
  var(m) = Halide::sum(centred * centred) / static_cast<float>(D);
  out(c, m) = (x(c, m) - mean(m)) * (1.0f / sqrt(var(m) + eps)) * g(c) +
              beta(c);
  b.output = out;
  b.schedule = [=]() mutable {
    out.parallel(m).vectorize(c, kVec, TailStrategy::GuardWithIf);
    mean.compute_at(out, m);
    var.compute_at(out, m);
  };
  return b;
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

/// Schedule of a [O, C, I] view op working along the middle axis (glu,
/// concat, slice): parallel over O, vectorised along I when it is wide
/// enough, else along the middle axis.
void scheduleMiddleAxis(Func out, Var i, Var c, Var o, int64_t inner) {
  out.parallel(o);
  if (inner >= kVec)
    out.vectorize(i, kVec, TailStrategy::GuardWithIf);
  else
    out.vectorize(c, kVec, TailStrategy::GuardWithIf);
}

/// glu over the middle dim of [O, 2H, I] -> [O, H, I].
Built buildGlu(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  int H = static_cast<int>(extent(d.output, 1));
  Var i("i"), h("h"), o("o");
  Func out("glu");
  out(i, h, o) = x(i, h, o) / (1.0f + exp(-x(i, h + H, o)));
  b.output = out;
  int64_t inner = extent(d.output, 2);
  b.schedule = [=]() mutable { scheduleMiddleAxis(out, i, h, o, inner); };
  return b;
}

Built buildTranspose(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  int rank = static_cast<int>(d.output.shape.size());
  std::vector<Var> v = makeVars(rank, "v");
  // Output tensor dim i reads input tensor dim perm[i].
  std::vector<Expr> idx(rank);
  for (int i = 0; i < rank; ++i) {
    int src = static_cast<int>(d.intAttr("perm_" + std::to_string(i)));
    idx[rank - 1 - src] = v[rank - 1 - i];
  }
  Func out("transpose");
  out(toExprs(v)) = x(idx);
  b.output = out;
  int64_t inner = d.output.shape.back();
  // Which output dim reads the input's innermost (contiguous) dim.
  int readsInner = -1;
  for (int i = 0; i < rank; ++i)
    if (d.intAttr("perm_" + std::to_string(i)) == rank - 1)
      readsInner = rank - 1 - i;
  int64_t other = readsInner > 0 ? d.output.shape[rank - 1 - readsInner] : -1;
  b.schedule = [=]() mutable {
    if (readsInner > 0 && inner >= kVec && other >= kVec) {
      // Blocked transpose: a 16x16 tile is read along the input's rows and
      // written along the output's, so both sides use whole cache lines.
      Var xo("xo"), yo("yo"), xi("xi"), yi("yi");
      out.tile(v[0], v[readsInner], xo, yo, xi, yi, kVec, kVec,
               TailStrategy::GuardWithIf)
          .vectorize(xi)
          .unroll(yi);
      if (readsInner == static_cast<int>(v.size()) - 1)
        out.parallel(yo);
      else
        out.parallel(v.back());
    } else {
      scheduleElementwise(out, v, inner);
    }
  };
  return b;
}

/// concat along the middle dim of [O, Ci, I] inputs.
Built buildConcat(const KernelDesc &d) {
  Built b;
  Var i("i"), c("c"), o("o");
  std::vector<int64_t> offsets;
  int64_t offset = 0;
  for (size_t n = 0; n < d.inputs.size(); ++n) {
    b.inputs.push_back(param(d, n, "in" + std::to_string(n)));
    offsets.push_back(offset);
    offset += extent(d.inputs[n], 1);
  }
  Expr value = 0.0f;
  for (size_t n = d.inputs.size(); n-- > 0;) {
    int size = static_cast<int>(extent(d.inputs[n], 1));
    Expr local = clamp(c - static_cast<int>(offsets[n]), 0, size - 1);
    Expr v = cast(b.inputs[0].type(), b.inputs[n](i, local, o));
    value = n + 1 == d.inputs.size() ? v
                                     : select(c < static_cast<int>(offsets[n + 1]), v, value);
  }
  Func out("concat");
  out(i, c, o) = value;
  b.output = out;
  int64_t inner = extent(d.output, 2);
  b.schedule = [=]() mutable { scheduleMiddleAxis(out, i, c, o, inner); };
  return b;
}

/// slice of the middle dim of [O, C, I].
Built buildSlice(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  Var i("i"), c("c"), o("o");
  Func out("slice");
  out(i, c, o) = x(i, c + static_cast<int>(d.intAttr("start")), o);
  b.output = out;
  int64_t inner = extent(d.output, 2);
  b.schedule = [=]() mutable { scheduleMiddleAxis(out, i, c, o, inner); };
  return b;
}

//===----------------------------------------------------------------------===//
// Embeddings and masks
//===----------------------------------------------------------------------===//

Built buildEmbedding(const KernelDesc &d) {
  Built b;
  ImageParam ids = param(d, 0, "ids"), table = param(d, 1, "table");
  b.inputs = {ids, table};
  int V = static_cast<int>(extent(d.inputs[1], 0));
  Var c("c"), l("l"), n("n");
  Func out("embedding");
  Expr row = clamp(cast<int>(ids(l, n)), 0, V - 1);
  out(c, l, n) = table(c, row) * static_cast<float>(d.floatAttr("scale", 1.0));
  b.output = out;
  b.schedule = [=]() mutable {
    out.parallel(n).vectorize(c, kVec, TailStrategy::GuardWithIf);
  };
  return b;
}

/// x [M, L, D] + sinusoidal PE[L, D].
Built buildPositionalEncoding(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  int D = static_cast<int>(extent(d.inputs[0], 2));
  Var c("c"), l("l"), n("n");
  Func pe("pe"), out("positional_encoding");
  Expr pair = cast<double>((c / 2) * 2) / D;
  Expr angle = cast<double>(l) / pow(Expr(10000.0), pair);
  pe(c, l) = cast<float>(select(c % 2 == 0, sin(angle), cos(angle)));
  out(c, l, n) = x(c, l, n) + pe(c, l);
  b.output = out;
  b.schedule = [=]() mutable {
    pe.compute_root();
    out.parallel(n).vectorize(c, kVec, TailStrategy::GuardWithIf);
  };
  return b;
}

Built buildPaddingMask(const KernelDesc &d) {
  Built b;
  ImageParam ids = param(d, 0, "ids");
  b.inputs = {ids};
  Var l("l"), n("n");
  Func out("padding_mask");
  out(l, n) = cast<uint8_t>(ids(l, n) != cast(ids.type(), Expr(d.intAttr("pad_id"))));
  b.output = out;
  b.schedule = [] {};
  return b;
}

Built buildCausalMask(const KernelDesc &) {
  Built b;
  Var j("j"), i("i");
  Func out("causal_mask");
  out(j, i) = cast<uint8_t>(j <= i);
  b.output = out;
  b.schedule = [] {};
  return b;
}

/// flat_mlp input: x [B, N, D] masked by keep [B, N] and flattened to
/// [B, N*D]; with `causal`, one row per target position i masked by
/// keep & (j <= i): [B, N, N*D].
Built buildMaskRows(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x"), keep = param(d, 1, "keep");
  b.inputs = {x, keep};
  int D = static_cast<int>(extent(d.inputs[0], 2));
  Var f("f"), i("i"), n("n");
  Func out("mask_rows");
  Expr pos = f / D, feat = f % D;
  Expr visible = keep(pos, n) != 0;
  if (d.intAttr("causal"))
    out(f, i, n) = select(visible && pos <= i, x(feat, pos, n), 0.0f);
  else
    out(f, n) = select(visible, x(feat, pos, n), 0.0f);
  b.output = out;
  b.schedule = [=]() mutable {
    out.parallel(n).vectorize(f, kVec, TailStrategy::GuardWithIf);
  };
  return b;
}

//===----------------------------------------------------------------------===//
// Attention core and Lite Transformer convolutions
//===----------------------------------------------------------------------===//

/// The attention core for one query row, shared by the sdpa kernel and the
/// fused LSRA kernel: per head, softmax over keys of the scaled, masked
/// scores, times V, heads merged. Rows are whatever Vars index a query row
/// ({i, n} in sdpa, {m} in lsra); q(c), k(c, j), v(c, j) and keep(j) are
/// expressions in those Vars (channel c of D = H * dh, key j of Lk).
struct AttentionRows {
  Func s{"scores"}, mx{"mx"}, e{"e"}, sum{"sum"}, pv{"pv"}, ctx{"ctx"};
  Var c{"c"}, j{"j"}, h{"h"}, d{"d"};
  RDom rc, rj;
};

AttentionRows attentionRows(const std::vector<Var> &rows, int H, int dh, int Lk,
                            const std::function<Expr(Expr)> &q,
                            const std::function<Expr(Expr, Expr)> &k,
                            const std::function<Expr(Expr, Expr)> &v,
                            Expr keep) {
  AttentionRows a;
  a.rc = RDom(0, dh, "rc");
  a.rj = RDom(0, Lk, "rj");
  auto args = [&](std::vector<Expr> lead) {
    for (const Var &r : rows)
      lead.push_back(r);
    return lead;
  };
  auto at = [&](std::vector<Expr> lead) { return args(std::move(lead)); };
  Expr c = a.c, j = a.j, h = a.h;
  a.s(at({j, h})) = 0.0f;
  a.s(at({j, h})) += q(h * dh + a.rc) * k(h * dh + a.rc, j);
  const float scale = 1.0f / std::sqrt(static_cast<float>(dh));
  Func masked("masked");
  masked(at({j, h})) = select(keep, a.s(at({j, h})) * scale,
                              -std::numeric_limits<float>::infinity());
  a.mx(at({h})) = maximum(masked(at({a.rj, h})));
  // A query whose keys are all masked has probabilities and output 0.
  a.e(at({j, h})) = expBelowMax(masked(at({j, h})), a.mx(at({h})));
  a.sum(at({h})) = Halide::sum(a.e(at({a.rj, h})));
  // P V per head, with the head's channel d innermost: every lane of a
  // vector then shares one probability e(j, h) (indexing e by c / dh instead
  // makes each vector a gather when dh is not a multiple of the width).
  Expr d = a.d;
  a.pv(at({d, h})) = 0.0f;
  a.pv(at({d, h})) += a.e(at({a.rj, h})) * v(h * dh + d, a.rj);
  a.ctx(at({c})) = divideOrZero(a.pv(at({c % dh, c / dh})), a.sum(at({c / dh})));
  return a;
}

/// CPU schedule of the attention core: one query row at a time (its scores
/// for every head stay in L1), everything computed at `row` of ctx.
void scheduleAttentionRows(AttentionRows &a, Var row) {
  const TailStrategy guard = TailStrategy::GuardWithIf;
  a.pv.compute_at(a.ctx, row).vectorize(a.d, kVec, guard);
  a.pv.update().reorder(a.d, a.rj.x, a.h).vectorize(a.d, kVec, guard);
  a.e.compute_at(a.ctx, row).vectorize(a.j, kVec, guard);
  a.sum.compute_at(a.ctx, row);
  a.mx.compute_at(a.ctx, row);
  a.s.compute_at(a.ctx, row).vectorize(a.j, kVec, guard);
  a.s.update().reorder(a.j, a.rc.x).vectorize(a.j, kVec, guard);
}

/// Scaled dot-product attention over heads, with masks, heads merged:
/// q [B, Lq, D], k [B, Lk, D], v [B, Lk, D], keep [B, Lk]? -> [B, Lq, D].
Built buildSdpa(const KernelDesc &d) {
  Built b;
  ImageParam q = param(d, 0, "q"), k = param(d, 1, "k"), v = param(d, 2, "v");
  b.inputs = {q, k, v};
  int D = static_cast<int>(extent(d.inputs[0], 2));
  int Lk = static_cast<int>(extent(d.inputs[1], 1));
  int H = static_cast<int>(d.intAttr("heads"));
  Var i("i"), n("n");
  Var j("j"); // the key index of attentionRows (Vars match by name)
  Expr keepIt = Halide::Internal::const_true();
  if (d.intAttr("has_mask")) {
    ImageParam keep = param(d, 3, "keep");
    b.inputs.push_back(keep);
    keepIt = keep(j, n) != 0;
  }
  if (d.intAttr("causal"))
    keepIt = keepIt && j <= i;
  // Keys transposed once per sentence: scores vectorised over keys then load
  // them contiguously.
  Func kT("k_t");
  Var c("c");
  kT(j, c, n) = k(c, j, n);
  AttentionRows a = attentionRows(
      {i, n}, H, D / H, Lk, [&](Expr ch) { return q(ch, i, n); },
      [&](Expr ch, Expr key) { return kT(key, ch, n); },
      [&](Expr ch, Expr key) { return v(ch, key, n); }, keepIt);
  b.output = a.ctx;
  b.schedule = [=]() mutable {
    kT.compute_root().parallel(n).vectorize(j, kVec, TailStrategy::GuardWithIf);
    // Rows are parallel too, so a single sentence still uses every thread.
    a.ctx.parallel(n).parallel(i);
    scheduleAttentionRows(a, i);
  };
  return b;
}

int padLeft(const KernelDesc &d) {
  int K = static_cast<int>(d.intAttr("kernel_size"));
  return d.stringAttr("padding") == "causal" ? K - 1 : K / 2;
}

/// x read with zeros outside [0, L) along the time axis.
Expr paddedInput(ImageParam x, Expr ch, Expr t, Expr n, int L) {
  Expr inside = t >= 0 && t < L;
  return select(inside, x(ch, clamp(t, 0, L - 1), n), 0.0f);
}

/// Head-shared depthwise conv with a [H, K] kernel: x [B, L, C] -> [B, L, C].
Built buildLightweightConv(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x"), w = param(d, 1, "w");
  b.inputs = {x, w};
  int L = static_cast<int>(extent(d.inputs[0], 1));
  int C = static_cast<int>(extent(d.inputs[0], 2));
  int H = static_cast<int>(d.intAttr("heads"));
  int K = static_cast<int>(d.intAttr("kernel_size"));
  int pad = padLeft(d);
  Var c("c"), t("t"), n("n"), kk("kk"), hh("hh");
  RDom r(0, K, "r");
  Func wn("wn"), out("lightweight_conv");
  if (d.intAttr("weight_softmax", 1)) {
    Func wmax("wmax"), wsum("wsum");
    wmax(hh) = maximum(w(r, hh));
    wsum(hh) = Halide::sum(exp(w(r, hh) - wmax(hh)));
    wn(kk, hh) = exp(w(kk, hh) - wmax(hh)) / wsum(hh);
  } else {
    wn(kk, hh) = w(kk, hh);
  }
  Expr head = c * H / C;
  out(c, t, n) = Halide::sum(wn(r, head) * paddedInput(x, c, t + r - pad, n, L));
  b.output = out;
  b.schedule = [=]() mutable {
    wn.compute_root();
    out.parallel(n).vectorize(c, kVec, TailStrategy::GuardWithIf);
  };
  return b;
}

/// Dynamic conv: x [B, L, C], logits [B, L, H*K] (the per-step kernel
/// predicted by a linear layer) -> [B, L, C].
Built buildDynamicConv(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x"), logits = param(d, 1, "logits");
  b.inputs = {x, logits};
  int L = static_cast<int>(extent(d.inputs[0], 1));
  int C = static_cast<int>(extent(d.inputs[0], 2));
  int H = static_cast<int>(d.intAttr("heads"));
  int K = static_cast<int>(d.intAttr("kernel_size"));
  int pad = padLeft(d);
  Var c("c"), t("t"), n("n"), kk("kk"), hh("hh");
  RDom r(0, K, "r");
  Func wn("wn"), out("dynamic_conv");
  if (d.intAttr("weight_softmax", 1)) {
    Func wmax("wmax"), wsum("wsum");
    wmax(hh, t, n) = maximum(logits(hh * K + r, t, n));
    wsum(hh, t, n) = Halide::sum(exp(logits(hh * K + r, t, n) - wmax(hh, t, n)));
    wn(kk, hh, t, n) = exp(logits(hh * K + kk, t, n) - wmax(hh, t, n)) / wsum(hh, t, n);
  } else {
    wn(kk, hh, t, n) = logits(hh * K + kk, t, n);
  }
  Expr head = c * H / C;
  out(c, t, n) =
      Halide::sum(wn(r, head, t, n) * paddedInput(x, c, t + r - pad, n, L));
  b.output = out;
  b.schedule = [=]() mutable {
    out.parallel(n).vectorize(c, kVec, TailStrategy::GuardWithIf);
    wn.compute_at(out, t);
  };
  return b;
}

//===----------------------------------------------------------------------===//
// Fused Long-Short Range Attention block (tfx.lsra)
//===----------------------------------------------------------------------===//

/// One LSRA block in one pipeline. Rows are batch x length, flattened; the
/// input is read in place (each branch indexes its half of the channels) and
/// each branch's output projection writes its half of the result directly
/// (two output Funcs on windows of one buffer). Inputs, in order:
///   0 x [rows, d]          1 wqkv^T [w, 3w]   2 bqkv [3w]
///   3 wo^T [w, w]          4 bo [w]
///   5 win^T [w, 2w]        6 bin [2w]
///   7 lightweight: kernel [H, K]; dynamic: kernel weight^T [w, H*K]
///   8 dynamic only: kernel bias [H*K]
///   then wout^T [w, w], bout [w], keep [rows]? (has_mask),
///   conv_keep [rows]? (has_conv_mask).
/// Output [rows, d]: attention at attn_out, convolution at w - attn_out.
Built buildLsra(const KernelDesc &d) {
  Built b;
  const int T = static_cast<int>(d.intAttr("length"));
  const int D = static_cast<int>(extent(d.inputs[0], 1));
  const int w = D / 2;
  const int H = static_cast<int>(d.intAttr("heads"));
  const int dh = w / H;
  const bool dynamic = d.intAttr("dynamic") != 0;
  const int CH = static_cast<int>(d.intAttr("conv_heads"));
  const int K = static_cast<int>(d.intAttr("kernel_size"));
  const int pad = padLeft(d);
  const int aIn = static_cast<int>(d.intAttr("attn_in"));
  const int cIn = w - aIn;
  const int aOut = static_cast<int>(d.intAttr("attn_out"));
  const int cOut = w - aOut;

  size_t next = 0;
  auto input = [&](const char *name) {
    ImageParam p = param(d, next++, name);
    b.inputs.push_back(p);
    return p;
  };
  ImageParam x = input("x"), wqkv = input("wqkv"), bqkv = input("bqkv"),
             wo = input("wo"), bo = input("bo"), win = input("win"),
             bin = input("bin"), kw = input("conv_weight");
  ImageParam kb;
  if (dynamic)
    kb = input("kernel_bias");
  ImageParam wout = input("wout"), bout = input("bout");
  Expr rows = x.dim(1).extent();
  Var n("n"), m("m"), c("c"), j("j"), h("h"), kk("kk"), hh("hh");
  RDom kw_(0, w, "k");

  // Attention branch: one GEMM for Q, K and V, read from the attention half.
  Func qkvProd("qkv_prod"), qkv("qkv");
  qkvProd(n, m) = bqkv(n);
  qkvProd(n, m) += x(aIn + kw_, m) * wqkv(n, kw_);
  qkv(n, m) = qkvProd(n, m);

  Expr bIdx = m / T, i = m % T;
  Expr keyRow = bIdx * T + j;
  Expr keepIt = Halide::Internal::const_true();
  if (d.intAttr("has_mask")) {
    ImageParam keep = input("keep");
    keepIt = keep(keyRow) != 0;
  }
  if (d.intAttr("causal"))
    keepIt = keepIt && j <= i;
  // Keys transposed once per sentence, so a query row's scores (vectorised
  // over keys) load them contiguously instead of one key at a time.
  Func kT("k_t");
  Var bb("bb");
  kT(j, c, bb) = qkv(w + c, bb * T + j);
  AttentionRows att = attentionRows(
      {m}, H, dh, T, [&](Expr ch) { return qkv(ch, m); },
      [&](Expr ch, Expr key) { return kT(key, ch, bIdx); },
      [&](Expr ch, Expr key) { return qkv(2 * w + ch, bIdx * T + key); },
      keepIt);
  Func ctx = att.ctx;
  Func attnProd("attn_prod"), attnOut("attention_half");
  attnProd(n, m) = bo(n);
  attnProd(n, m) += ctx(kw_, m) * wo(n, kw_);
  attnOut(n, m) = attnProd(n, m);

  // Convolution branch: input projection with the GLU and the mask fused in.
  Func gluA("glu_a"), gluB("glu_b"), g("glu");
  gluA(n, m) = bin(n);
  gluA(n, m) += x(cIn + kw_, m) * win(n, kw_);
  gluB(n, m) = bin(n + w);
  gluB(n, m) += x(cIn + kw_, m) * win(n + w, kw_);
  Expr gated = gluA(n, m) / (1.0f + exp(-gluB(n, m)));
  if (d.intAttr("has_conv_mask")) {
    ImageParam convKeep = input("conv_keep");
    gated = select(convKeep(m) != 0, gated, 0.0f);
  }
  g(n, m) = gated;

  RDom r(0, K, "r");
  Expr t = m % T;
  Expr src = t + r - pad;
  Expr tap = select(src >= 0 && src < T,
                    g(c, clamp(m + r - pad, 0, rows - 1)), 0.0f);
  Expr convHead = c * CH / w;
  Func wn("conv_kernel"), logits("kernel_logits"), logitsProd("kernel_prod"),
      wmax("wmax"), wsum("wsum"), cv("conv");
  const bool softmaxIt = d.intAttr("weight_softmax", 1) != 0;
  if (dynamic) {
    logitsProd(j, m) = kb(j);
    logitsProd(j, m) += g(kw_, m) * kw(j, kw_);
    logits(j, m) = logitsProd(j, m);
    if (softmaxIt) {
      wmax(hh, m) = maximum(logits(hh * K + r, m));
      wsum(hh, m) = Halide::sum(exp(logits(hh * K + r, m) - wmax(hh, m)));
      wn(kk, hh, m) = exp(logits(hh * K + kk, m) - wmax(hh, m)) / wsum(hh, m);
    } else {
      wn(kk, hh, m) = logits(hh * K + kk, m);
    }
    cv(c, m) = Halide::sum(wn(r, convHead, m) * tap);
  } else {
    if (softmaxIt) {
      wmax(hh) = maximum(kw(r, hh));
      wsum(hh) = Halide::sum(exp(kw(r, hh) - wmax(hh)));
      wn(kk, hh) = exp(kw(kk, hh) - wmax(hh)) / wsum(hh);
    } else {
      wn(kk, hh) = kw(kk, hh);
    }
    cv(c, m) = Halide::sum(wn(r, convHead) * tap);
  }
  Func convProd("conv_prod"), convOut("conv_half");
  convProd(n, m) = bout(n);
  convProd(n, m) += cv(kw_, m) * wout(n, kw_);
  convOut(n, m) = convProd(n, m);

  b.outputs = {attnOut, convOut};
  b.windows = {{aOut, w}, {cOut, w}};
  for (Func f : b.outputs) {
    OutputImageParam o = f.output_buffer();
    o.dim(0).set_min(0).set_extent(w).set_stride(1);
    o.dim(1).set_min(0).set_stride(D);
  }

  b.schedule = [=]() mutable {
    // Root stages: the QKV projection and the gated input of the
    // convolution (both needed across rows of a sentence).
    scheduleGemm(qkv, qkvProd, n, m, kw_, 3 * w, w, {}, rows);
    qkv.compute_root();
    scheduleGemm(g, {gluA, gluB}, n, m, kw_, w, w, {}, rows);
    g.compute_root();
    kT.compute_root().parallel(bb).vectorize(j, kVec, TailStrategy::GuardWithIf);
    // Attention rows in parallel, one query row per task (a single short
    // sentence still keeps every thread busy); the convolution rows are
    // computed per row tile of the output projection that consumes them.
    ctx.compute_root().parallel(m);
    scheduleAttentionRows(att, m);
    scheduleGemm(attnOut, attnProd, n, m, kw_, w, w, {}, rows);
    scheduleGemm(convOut, convProd, n, m, kw_, w, w, {}, rows);
    cv.compute_at(convOut, Var("mo")).vectorize(c, kVec, TailStrategy::GuardWithIf);
    if (dynamic) {
      // The per-step kernel projection (w -> H*K) is a GEMM of its own.
      scheduleGemm(logits, logitsProd, j, m, kw_, CH * K, w, {}, rows);
      logits.compute_root();
      if (softmaxIt) {
        wn.compute_at(cv, m);
        wmax.compute_at(cv, m);
        wsum.compute_at(cv, m);
      }
    } else {
      wn.compute_root();
    }
  };

  b.gpuSchedule = [=]() mutable {
    const TailStrategy guard = TailStrategy::GuardWithIf;
    Var bx("bx"), by("by"), tx("tx"), ty("ty");
    auto tile2 = [&](Func f, Var a, Var bb, int ta, int tb) {
      f.compute_root().gpu_tile(a, bb, bx, by, tx, ty, ta, tb, guard);
    };
    // One thread per output element; its accumulator stays in registers.
    for (auto [out, prod] : {std::pair<Func, Func>{qkv, qkvProd},
                             {attnOut, attnProd}, {convOut, convProd}}) {
      tile2(out, n, m, 32, 4);
      prod.compute_at(out, tx);
    }
    tile2(g, n, m, 32, 4);
    gluA.compute_at(g, tx);
    gluB.compute_at(g, tx);
    tile2(att.s, att.j, m, 16, 8);
    att.s.update().gpu_tile(att.j, m, bx, by, tx, ty, 16, 8, guard);
    tile2(att.mx, att.h, m, 4, 16);
    tile2(att.sum, att.h, m, 4, 16);
    tile2(ctx, att.c, m, 32, 4);
    att.pv.compute_at(ctx, tx);
    tile2(cv, c, m, 32, 4);
    if (dynamic) {
      tile2(logits, j, m, 16, 8);
      logitsProd.compute_at(logits, tx);
      if (softmaxIt) {
        tile2(wmax, hh, m, 4, 16);
        tile2(wsum, hh, m, 4, 16);
      }
    } else if (softmaxIt) {
      Var ho("ho"), hi("hi");
      wmax.compute_root().gpu_tile(hh, ho, hi, 4, guard);
      wsum.compute_root().gpu_tile(hh, ho, hi, 4, guard);
      tile2(wn, kk, hh, 8, 4);
    } else {
      tile2(wn, kk, hh, 8, 4);
    }
  };
  return b;
}

//===----------------------------------------------------------------------===//
// Training kernels (distillation of the replacement MLPs)
//===----------------------------------------------------------------------===//

/// Gradient of the masked MSE: d = scale * mask * (pred - target), with
/// scale = 2 / (number of valid elements) passed as a [1] tensor (it changes
/// with every batch; as an attribute it would compile a kernel per batch).
/// pred, target [N, O], mask [N, O].
Built buildMaskedMseGrad(const KernelDesc &d) {
  Built b;
  ImageParam pred = param(d, 0, "pred"), target = param(d, 1, "target"),
             mask = param(d, 2, "mask"), scale = param(d, 3, "scale");
  b.inputs = {pred, target, mask, scale};
  Var o("o"), n("n");
  Func out("mse_grad");
  out(o, n) = select(mask(o, n) != 0, pred(o, n) - target(o, n), 0.0f) * scale(0);
  b.output = out;
  b.schedule = [=]() mutable {
    out.parallel(n).vectorize(o, kVec, TailStrategy::GuardWithIf);
  };
  return b;
}

/// Weight gradient: out[O, H] = A^T B with A [N, O], B [N, H] (reduction over
/// the batch rows N, which is the dynamic extent).
Built buildGemmTN(const KernelDesc &d) {
  Built b;
  ImageParam a = param(d, 0, "a"), bb = param(d, 1, "b");
  b.inputs = {a, bb};
  Var h("h"), o("o");
  RDom n(0, a.dim(1).extent(), "n");
  Func prod("prod"), out("gemm_tn");
  prod(h, o) = 0.0f;
  prod(h, o) += a(o, n) * bb(h, n);
  out(h, o) = prod(h, o);
  b.output = out;
  int64_t H = extent(d.inputs[1], 1);
  b.schedule = [=]() mutable {
    const int th = H >= 2 * kVec ? 2 * kVec : kVec;
    Var ho("ho"), oo("oo"), hi("hi"), oi("oi");
    out.split(h, ho, hi, th, H >= th ? TailStrategy::ShiftInwards : TailStrategy::GuardWithIf)
        .split(o, oo, oi, 8, TailStrategy::GuardWithIf)
        .reorder(hi, oi, ho, oo)
        .vectorize(hi, kVec)
        .unroll(oi)
        .parallel(oo);
    prod.compute_at(out, ho).vectorize(h, kVec, TailStrategy::GuardWithIf).unroll(o);
    prod.update().reorder(h, o, n.x).vectorize(h, kVec, TailStrategy::GuardWithIf).unroll(o);
  };
  return b;
}

/// Column sums: out[O] = sum_n a[n, o].
Built buildColumnSum(const KernelDesc &d) {
  Built b;
  ImageParam a = param(d, 0, "a");
  b.inputs = {a};
  Var o("o");
  RDom n(0, a.dim(1).extent(), "n");
  Func out("column_sum");
  out(o) = 0.0f;
  out(o) += a(o, n);
  b.output = out;
  b.schedule = [=]() mutable {
    Var oo("oo"), oi("oi");
    out.split(o, oo, oi, 4 * kVec, TailStrategy::GuardWithIf).parallel(oo);
    out.update().split(o, oo, oi, 4 * kVec, TailStrategy::GuardWithIf)
        .parallel(oo)
        .reorder(oi, n.x, oo)
        .vectorize(oi, kVec, TailStrategy::GuardWithIf);
  };
  return b;
}

/// LayerNorm statistics of x [N, D] recomputed in backward kernels.
struct LnStats {
  Func mean, rstd;
};
LnStats lnStats(ImageParam x, int D, float eps) {
  LnStats s{Func("mean"), Func("rstd")};
  Var m("m");
  RDom r(0, D, "r");
  s.mean(m) = Halide::sum(x(r, m)) / static_cast<float>(D);
  Expr c = x(r, m) - s.mean(m);
  s.rstd(m) = 1.0f / sqrt(Halide::sum(c * c) / static_cast<float>(D) + eps);
  return s;
}

/// Backward of y = LN(x) * gamma + beta w.r.t. x, given dy [N, D]; with
/// `act_slope`, the result is further multiplied by the derivative of the
/// LeakyReLU that produced x (x >= 0 ? 1 : slope).
Built buildLayerNormBackward(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x"), g = param(d, 1, "gamma"), dy = param(d, 2, "dy");
  b.inputs = {x, g, dy};
  int D = static_cast<int>(extent(d.inputs[0], 1));
  LnStats st = lnStats(x, D, static_cast<float>(d.floatAttr("epsilon", 1e-5)));
  Var c("c"), m("m");
  RDom r(0, D, "r");
  Func xhat("xhat"), dxhat("dxhat"), s1("s1"), s2("s2"), out("ln_backward");
  xhat(c, m) = (x(c, m) - st.mean(m)) * st.rstd(m);
  dxhat(c, m) = dy(c, m) * g(c);
  s1(m) = Halide::sum(dxhat(r, m)) / static_cast<float>(D);
  s2(m) = Halide::sum(dxhat(r, m) * xhat(r, m)) / static_cast<float>(D);
  Expr dx = st.rstd(m) * (dxhat(c, m) - s1(m) - xhat(c, m) * s2(m));
  if (d.floats.count("act_slope"))
    dx = dx * select(x(c, m) >= 0.0f, 1.0f,
                     static_cast<float>(d.floatAttr("act_slope")));
  out(c, m) = dx;
  b.output = out;
  b.schedule = [=]() mutable {
    out.parallel(m).vectorize(c, kVec, TailStrategy::GuardWithIf);
    st.mean.compute_at(out, m);
    st.rstd.compute_at(out, m);
    s1.compute_at(out, m);
    s2.compute_at(out, m);
  };
  return b;
}

/// Gradients of gamma and beta of y = LN(x) * gamma + beta given dy:
/// out[2, D] = {sum_n dy * xhat, sum_n dy}.
Built buildLayerNormParamGrad(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x"), dy = param(d, 1, "dy");
  b.inputs = {x, dy};
  int D = static_cast<int>(extent(d.inputs[0], 1));
  LnStats st = lnStats(x, D, static_cast<float>(d.floatAttr("epsilon", 1e-5)));
  Var c("c"), k("k"), m("m");
  RDom n(0, x.dim(1).extent(), "n");
  Func scaled("scaled"), out("ln_param_grad");
  scaled(c, m) = (x(c, m) - st.mean(m)) * st.rstd(m);
  out(c, k) = 0.0f;
  out(c, k) += select(k == 0, dy(c, n) * scaled(c, n), dy(c, n));
  b.output = out;
  b.schedule = [=]() mutable {
    st.mean.compute_root().parallel(Var(st.mean.args()[0]));
    st.rstd.compute_root().parallel(Var(st.rstd.args()[0]));
    Var co("co"), ci("ci");
    out.update().split(c, co, ci, 4 * kVec, TailStrategy::GuardWithIf)
        .reorder(ci, k, n.x, co)
        .vectorize(ci, kVec, TailStrategy::GuardWithIf)
        .parallel(co);
  };
  return b;
}

using Builder = Built (*)(const KernelDesc &);

const std::map<std::string, Builder> &registry() {
  static const std::map<std::string, Builder> builders = {
      {"linear", buildLinear},
      {"matmul", buildMatmul},
      {"binary", buildBinary},
      {"unary", buildUnary},
      {"apply_mask", buildApplyMask},
      {"softmax", buildSoftmax},
      {"layer_norm", buildLayerNorm},
      {"glu", buildGlu},
      {"transpose", buildTranspose},
      {"concat", buildConcat},
      {"slice", buildSlice},
      {"embedding", buildEmbedding},
      {"positional_encoding", buildPositionalEncoding},
      {"padding_mask", buildPaddingMask},
      {"causal_mask", buildCausalMask},
      {"mask_rows", buildMaskRows},
      {"sdpa", buildSdpa},
      {"lightweight_conv", buildLightweightConv},
      {"dynamic_conv", buildDynamicConv},
      {"lsra", buildLsra},
      {"masked_mse_grad", buildMaskedMseGrad},
      {"gemm_tn", buildGemmTN},
      {"column_sum", buildColumnSum},
      {"layer_norm_backward", buildLayerNormBackward},
      {"layer_norm_param_grad", buildLayerNormParamGrad},
  };
  return builders;
}

//===----------------------------------------------------------------------===//
// Compilation and execution
//===----------------------------------------------------------------------===//

class JitKernel final : public CompiledKernel {
public:
  JitKernel(Built built, Pipeline pipeline, Target target, KernelDesc desc)
      : built_(std::move(built)), pipeline_(std::move(pipeline)),
        target_(target), desc_(std::move(desc)) {}

  rt::Status run(const std::vector<const rt::Tensor *> &inputs,
                 rt::Tensor &output) override {
    if (inputs.size() != built_.inputs.size())
      return rt::Status::error("kernel '" + desc_.kind + "' expects " +
                               std::to_string(built_.inputs.size()) +
                               " inputs, got " + std::to_string(inputs.size()));
    ParamMap params;
    std::vector<Buffer<>> keepAlive;
    for (size_t i = 0; i < inputs.size(); ++i) {
      keepAlive.emplace_back(inputs[i]->halideBuffer());
      params.set(built_.inputs[i], keepAlive.back());
    }
    Buffer<> out(output.halideBuffer());
    try {
      if (built_.windows.empty()) {
        pipeline_.realize(out, target_, params);
      } else {
        std::vector<Buffer<>> parts;
        for (const OutputWindow &win : built_.windows)
          parts.emplace_back(out.get()
                                 ->cropped(0, static_cast<int>(win.offset),
                                           static_cast<int>(win.width))
                                 .translated(0, -static_cast<int>(win.offset)));
        pipeline_.realize(Realization(parts), target_, params);
      }
    } catch (const Halide::Error &e) {
      return rt::Status::error("kernel '" + desc_.kind + "' failed: " + e.what());
    }
    return rt::Status::ok();
  }

private:
  Built built_;
  Pipeline pipeline_;
  Target target_;
  KernelDesc desc_;
};

void setEstimates(Built &b, const KernelDesc &d, int64_t batch) {
  auto bounds = [&](const OperandDesc &op) {
    Region region;
    for (size_t h = op.shape.size(); h-- > 0;) {
      int64_t e = op.shape[h] < 0 ? batch : op.shape[h];
      region.emplace_back(0, static_cast<int>(e));
    }
    return region;
  };
  for (size_t i = 0; i < b.inputs.size(); ++i)
    b.inputs[i].set_estimates(bounds(d.inputs[i]));
  if (b.windows.empty()) {
    b.output.set_estimates(bounds(d.output));
    return;
  }
  for (size_t i = 0; i < b.outputs.size(); ++i) {
    Region region = bounds(d.output);
    region[0] = Range(0, static_cast<int>(b.windows[i].width));
    b.outputs[i].set_estimates(region);
  }
}

bool loadAutoscheduler(ScheduleSource source, std::string &error) {
  static std::once_flag adams, mullapudi, li;
  static bool adamsOk = false, mullapudiOk = false, liOk = false;
  const char *dir = "/usr/lib/x86_64-linux-gnu/halide14/";
  auto load = [&](const char *lib, bool &ok) {
    try {
      load_plugin(std::string(dir) + lib);
      ok = true;
    } catch (const std::exception &e) {
      error = e.what();
    }
  };
  if (source == ScheduleSource::Adams2019) {
    std::call_once(adams, load, "libautoschedule_adams2019.so", adamsOk);
    return adamsOk;
  }
  if (source == ScheduleSource::Li2018) {
    std::call_once(li, load, "libautoschedule_li2018.so", liOk);
    return liOk;
  }
  std::call_once(mullapudi, load, "libautoschedule_mullapudi2016.so", mullapudiOk);
  return mullapudiOk;
}

/// Builds `desc`'s algorithm and applies its schedule for `target`: the GPU
/// schedule on GPU targets, else the hand schedule or an autoscheduler.
/// Shared by the JIT cache and the ahead-of-time library writer.
rt::Status buildScheduled(const KernelDesc &desc, const Target &target,
                          const KernelOptions &options, Built &built,
                          Pipeline &pipeline) {
  auto builder = registry().find(desc.kind);
  if (builder == registry().end())
    return rt::Status::error("no Halide lowering for kernel kind '" +
                             desc.kind + "'");
  built = builder->second(desc);
  if (built.windows.empty())
    constrainDense(built.output.output_buffer(), desc.output.shape);
  pipeline = Pipeline(built.allOutputs());
  ScheduleSource source = options.schedule;
  if (target.has_gpu_feature()) {
    if (built.gpuSchedule) {
      built.gpuSchedule();
    } else {
      // Kernels without a hand GPU schedule get one from Li2018, the only
      // Halide 14 autoscheduler that emits gpu_blocks/gpu_threads.
      std::string error;
      if (!loadAutoscheduler(ScheduleSource::Li2018, error))
        return rt::Status::error("kernel '" + desc.kind +
                                 "' has no hand GPU schedule and the Li2018 "
                                 "autoscheduler cannot be loaded: " + error);
      setEstimates(built, desc, options.estimateBatch);
      pipeline.auto_schedule("Li2018", target);
    }
  } else if (source == ScheduleSource::Manual) {
    built.schedule();
  } else if (source == ScheduleSource::Default) {
    // Halide's default schedule: nothing to apply.
  } else {
    std::string error;
    if (!loadAutoscheduler(source, error))
      return rt::Status::error(std::string("cannot load the ") +
                               scheduleSourceName(source) +
                               " autoscheduler: " + error);
    setEstimates(built, desc, options.estimateBatch);
    const char *name = source == ScheduleSource::Adams2019   ? "Adams2019"
                       : source == ScheduleSource::Li2018    ? "Li2018"
                                                             : "Mullapudi2016";
    pipeline.auto_schedule(name, target, MachineParams(2, 32 << 20, 40));
  }
  return rt::Status::ok();
}

/// A kernel compiled ahead of time into a shared object of the disk cache;
/// called through Halide's `<name>_argv` entry point.
class SharedObjectKernel final : public CompiledKernel {
public:
  using ArgvFn = int (*)(void **);
  SharedObjectKernel(void *handle, ArgvFn fn, size_t numInputs, std::string kind,
                     std::vector<OutputWindow> windows)
      : handle_(handle), fn_(fn), numInputs_(numInputs), kind_(std::move(kind)),
        windows_(std::move(windows)) {}
  ~SharedObjectKernel() override { dlclose(handle_); }

  rt::Status run(const std::vector<const rt::Tensor *> &inputs,
                 rt::Tensor &output) override {
    if (inputs.size() != numInputs_)
      return rt::Status::error("kernel '" + kind_ + "' expects " +
                               std::to_string(numInputs_) + " inputs, got " +
                               std::to_string(inputs.size()));
    std::vector<Halide::Runtime::Buffer<void>> buffers;
    // args point into `buffers`: reserve it all now so it never reallocates.
    buffers.reserve(inputs.size() + std::max<size_t>(1, windows_.size()));
    std::vector<void *> args;
    for (const rt::Tensor *t : inputs) {
      buffers.push_back(t->halideBuffer());
      args.push_back(buffers.back().raw_buffer());
    }
    if (windows_.empty()) {
      buffers.push_back(output.halideBuffer());
      args.push_back(buffers.back().raw_buffer());
    } else {
      Halide::Runtime::Buffer<void> whole(output.halideBuffer());
      for (const OutputWindow &win : windows_) {
        buffers.push_back(whole.cropped(0, static_cast<int>(win.offset),
                                        static_cast<int>(win.width)));
        buffers.back().translate(0, -static_cast<int>(win.offset));
        args.push_back(buffers.back().raw_buffer());
      }
    }
    int code = fn_(args.data());
    if (code != 0)
      return rt::Status::error("kernel '" + kind_ + "' failed with Halide error " +
                               std::to_string(code) + " (details on stderr)");
    return rt::Status::ok();
  }

private:
  void *handle_;
  ArgvFn fn_;
  size_t numInputs_;
  std::string kind_;
  std::vector<OutputWindow> windows_;
};

uint64_t fnv1a(const std::string &text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

/// Identity of the running tfx build: the binary's path, size and mtime. A
/// rebuilt binary never loads kernels compiled by an older one.
std::string buildIdentity() {
  Dl_info info;
  if (!dladdr(reinterpret_cast<void *>(&fnv1a), &info) || !info.dli_fname)
    return "unknown-build";
  struct stat st;
  if (stat(info.dli_fname, &st) != 0)
    return info.dli_fname;
  return std::string(info.dli_fname) + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(st.st_mtime);
}

bool fileExists(const std::string &path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

rt::Status makeDirs(const std::string &dir) {
  std::string partial;
  for (size_t i = 0; i <= dir.size(); ++i) {
    if (i == dir.size() || dir[i] == '/') {
      if (!partial.empty() && !fileExists(partial) &&
          mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST)
        return rt::Status::error("cannot create cache directory '" + partial + "'");
    }
    if (i < dir.size())
      partial += dir[i];
  }
  return rt::Status::ok();
}

/// Links an object into a shared object at `so` (atomically: temp + rename).
rt::Status linkShared(const std::string &object, const std::string &so,
                      const std::string &extra = "") {
  std::string tmp = so + ".tmp." + std::to_string(getpid());
  std::string cmd = "c++ -shared -o '" + tmp + "' '" + object + "' " + extra +
                    " 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) {
    std::remove(tmp.c_str());
    return rt::Status::error("linking '" + so + "' failed (is a C++ compiler on PATH?)");
  }
  if (std::rename(tmp.c_str(), so.c_str()) != 0) {
    std::remove(tmp.c_str());
    return rt::Status::error("cannot move kernel into '" + so + "'");
  }
  return rt::Status::ok();
}

} // namespace

rt::StatusOr<ScheduleSource> parseScheduleSource(const std::string &name) {
  if (name == "manual")
    return ScheduleSource::Manual;
  if (name == "adams2019")
    return ScheduleSource::Adams2019;
  if (name == "mullapudi2016")
    return ScheduleSource::Mullapudi2016;
  return rt::Status::error("unknown schedule '" + name +
                           "' (expected manual, adams2019 or mullapudi2016)");
}

const char *scheduleSourceName(ScheduleSource source) {
  switch (source) {
  case ScheduleSource::Manual: return "manual";
  case ScheduleSource::Adams2019: return "adams2019";
  case ScheduleSource::Mullapudi2016: return "mullapudi2016";
  case ScheduleSource::Li2018: return "li2018";
  case ScheduleSource::Default: return "default";
  }
  return "?";
}

std::string KernelDesc::key() const {
  std::ostringstream os;
  os << kind;
  for (auto &[k, v] : ints)
    os << ';' << k << '=' << v;
  for (auto &[k, v] : floats)
    os << ';' << k << '=' << v;
  for (auto &[k, v] : strings)
    os << ';' << k << '=' << v;
  auto shape = [&](const OperandDesc &op) {
    os << '|' << rt::dtypeName(op.dtype);
    for (int64_t e : op.shape)
      os << 'x' << e;
  };
  for (const OperandDesc &op : inputs)
    shape(op);
  os << "->";
  shape(output);
  return os.str();
}

KernelDesc linearDesc(int64_t K, int64_t N, bool bias, const std::string &act,
                      double slope) {
  KernelDesc d;
  d.kind = "linear";
  d.inputs = {{rt::DType::F32, {-1, K}}, {rt::DType::F32, {K, N}}};
  if (bias) {
    d.inputs.push_back({rt::DType::F32, {N}});
    d.ints["has_bias"] = 1;
  }
  d.strings["act"] = act;
  if (act == "leaky_relu")
    d.floats["slope"] = slope;
  d.output = {rt::DType::F32, {-1, N}};
  return d;
}

KernelDesc lsraDesc(const LsraParams &p) {
  int64_t w = p.dModel / 2;
  int64_t taps = p.convHeads * p.kernelSize;
  KernelDesc d;
  d.kind = "lsra";
  d.ints = {{"length", p.length},
            {"heads", p.heads},
            {"causal", p.causal},
            {"dynamic", p.dynamic},
            {"conv_heads", p.convHeads},
            {"kernel_size", p.kernelSize},
            {"weight_softmax", p.weightSoftmax},
            {"attn_in", p.attentionInputOffset},
            {"attn_out", p.attentionOutputOffset},
            {"has_mask", p.hasMask},
            {"has_conv_mask", p.hasConvMask}};
  d.strings["padding"] = p.padding;
  auto f32 = [](std::vector<int64_t> shape) {
    return OperandDesc{rt::DType::F32, std::move(shape)};
  };
  d.inputs = {f32({-1, p.dModel}), f32({w, 3 * w}), f32({3 * w}),
              f32({w, w}),         f32({w}),         f32({w, 2 * w}),
              f32({2 * w})};
  if (p.dynamic) {
    d.inputs.push_back(f32({w, taps}));
    d.inputs.push_back(f32({taps}));
  } else {
    d.inputs.push_back(f32({p.convHeads, p.kernelSize}));
  }
  d.inputs.push_back(f32({w, w}));
  d.inputs.push_back(f32({w}));
  for (bool has : {p.hasMask, p.hasConvMask})
    if (has)
      d.inputs.push_back(OperandDesc{rt::DType::Bool, {-1}});
  d.output = f32({-1, p.dModel});
  return d;
}

KernelDesc layerNormDesc(int64_t width, double epsilon) {
  KernelDesc d;
  d.kind = "layer_norm";
  d.floats["epsilon"] = epsilon;
  d.inputs = {{rt::DType::F32, {-1, width}}, {rt::DType::F32, {width}},
              {rt::DType::F32, {width}}};
  d.output = d.inputs[0];
  return d;
}

int64_t KernelDesc::intAttr(const std::string &name, int64_t fallback) const {
  auto it = ints.find(name);
  return it == ints.end() ? fallback : it->second;
}
double KernelDesc::floatAttr(const std::string &name, double fallback) const {
  auto it = floats.find(name);
  return it == floats.end() ? fallback : it->second;
}
std::string KernelDesc::stringAttr(const std::string &name,
                                   const std::string &fallback) const {
  auto it = strings.find(name);
  return it == strings.end() ? fallback : it->second;
}

struct KernelCache::Impl {
  KernelOptions options;
  Target target;
  std::unordered_map<std::string, std::unique_ptr<CompiledKernel>> kernels;
  double compileSeconds = 0;
  size_t diskHits = 0;
  bool runtimeLoaded = false;
  bool diskDisabled = false;

  /// One Halide runtime shared by every cached kernel of this target.
  rt::Status loadRuntime();
  /// Loads `desc` from the disk cache, compiling and storing it on a miss.
  rt::StatusOr<std::unique_ptr<CompiledKernel>>
  loadOrCompileShared(const KernelDesc &desc, Built &built, Pipeline &pipeline,
                      const std::string &key);
};

rt::Status KernelCache::Impl::loadRuntime() {
  if (runtimeLoaded)
    return rt::Status::ok();
  Target rtTarget = target.without_feature(Target::JIT);
  std::string base = options.cacheDir + "/halide-runtime-" +
                     std::to_string(fnv1a(rtTarget.to_string()) & 0xffffffffffull);
  std::string so = base + ".so";
  if (!fileExists(so)) {
    std::string object = base + ".o." + std::to_string(getpid());
    compile_standalone_runtime(object, rtTarget);
    rt::Status s = linkShared(object, so, "-lpthread -ldl");
    std::remove(object.c_str());
    TFX_RETURN_IF_ERROR(s);
  }
  if (!dlopen(so.c_str(), RTLD_NOW | RTLD_GLOBAL))
    return rt::Status::error(std::string("cannot load the Halide runtime: ") + dlerror());
  runtimeLoaded = true;
  return rt::Status::ok();
}

rt::StatusOr<std::unique_ptr<CompiledKernel>>
KernelCache::Impl::loadOrCompileShared(const KernelDesc &desc, Built &built,
                                       Pipeline &pipeline,
                                       const std::string &key) {
  TFX_RETURN_IF_ERROR(loadRuntime());
  Target aot = target.without_feature(Target::JIT).with_feature(Target::NoRuntime);
  static const std::string identity = buildIdentity();
  std::string fullKey = key + "\n" + aot.to_string() + "\n" +
                        scheduleSourceName(options.schedule) + "\n" + identity;
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx",
                static_cast<unsigned long long>(fnv1a(fullKey)));
  std::string base = options.cacheDir + "/" + desc.kind + "-" + hex;
  std::string fnName = "tfx_" + desc.kind + "_" + hex;
  bool hit = fileExists(base + ".so") && readFile(base + ".key") == fullKey;
  if (!hit) {
    std::vector<Argument> args(built.inputs.begin(), built.inputs.end());
    std::string object = base + ".o." + std::to_string(getpid());
    pipeline.compile_to_object(object, args, fnName, aot);
    rt::Status s = linkShared(object, base + ".so");
    std::remove(object.c_str());
    TFX_RETURN_IF_ERROR(s);
    std::string keyTmp = base + ".key.tmp." + std::to_string(getpid());
    {
      std::ofstream out(keyTmp, std::ios::binary);
      out << fullKey;
    }
    std::rename(keyTmp.c_str(), (base + ".key").c_str());
  } else {
    ++diskHits;
  }
  void *handle = dlopen((base + ".so").c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    return rt::Status::error("cannot load cached kernel '" + base + ".so': " + dlerror());
  auto fn = reinterpret_cast<SharedObjectKernel::ArgvFn>(
      dlsym(handle, (fnName + "_argv").c_str()));
  if (!fn) {
    dlclose(handle);
    return rt::Status::error("cached kernel '" + base + ".so' lacks " + fnName);
  }
  return std::unique_ptr<CompiledKernel>(
      new SharedObjectKernel(handle, fn, built.inputs.size(), desc.kind,
                             built.windows));
}

/// The host target, minus features the CPU lacks. Halide 14 reports
/// "avx512_sapphirerapids" on CPUs with AVX512-BF16/VNNI (e.g. AMD Zen 4),
/// and LLVM 14 then emits AVX512-FP16 instructions (vmovw) that such CPUs do
/// not have: SIGILL. Keep the feature only if /proc/cpuinfo lists avx512_fp16.
Target hostTarget() {
  Target t = get_jit_target_from_environment();
  if (t.has_feature(Target::AVX512_SapphireRapids)) {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string text((std::istreambuf_iterator<char>(cpuinfo)), {});
    if (text.find("avx512_fp16") == std::string::npos)
      t = t.without_feature(Target::AVX512_SapphireRapids);
  }
  return t;
}

/// Kernels allocate their intermediate (compute_root) buffers with malloc on
/// every call. glibc serves blocks above its mmap threshold with fresh
/// mmap()s, so each call of a fused kernel with megabytes of intermediates
/// page-faulted them all in again (measured: +0.7 ms on a 1.6 ms LSRA block).
/// Keep such blocks in the heap and do not trim it eagerly. This is
/// process-wide: it only changes where glibc takes memory from.
void keepLargeAllocationsInHeap() {
  static std::once_flag once;
  std::call_once(once, [] {
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
  });
}

KernelCache::KernelCache(KernelOptions options) : impl_(new Impl) {
  keepLargeAllocationsInHeap();
  impl_->options = std::move(options);
  impl_->target = impl_->options.target.empty() ? hostTarget()
                                                : Target(impl_->options.target);
}

KernelCache::~KernelCache() = default;

size_t KernelCache::size() const { return impl_->kernels.size(); }
size_t KernelCache::diskHits() const { return impl_->diskHits; }

std::string defaultKernelCacheDir() {
  if (const char *dir = std::getenv("TFX_CACHE_DIR"))
    return dir;
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"))
    return std::string(xdg) + "/tfx/kernels";
  if (const char *home = std::getenv("HOME"))
    return std::string(home) + "/.cache/tfx/kernels";
  return "";
}
double KernelCache::compileSeconds() const { return impl_->compileSeconds; }

rt::StatusOr<CompiledKernel *> KernelCache::get(const KernelDesc &desc) {
  std::string key = desc.key();
  // Autoscheduled kernels are tuned for (and only valid from) the estimated
  // batch: their splits of the batch loop assume at least that many rows.
  if (impl_->options.schedule != ScheduleSource::Manual)
    key += std::string(";schedule=") + scheduleSourceName(impl_->options.schedule) +
           ";estimate_batch=" + std::to_string(impl_->options.estimateBatch);
  auto it = impl_->kernels.find(key);
  if (it != impl_->kernels.end())
    return it->second.get();
  auto start = std::chrono::steady_clock::now();
  try {
    Built built;
    Pipeline pipeline;
    TFX_RETURN_IF_ERROR(buildScheduled(desc, impl_->target, impl_->options,
                                       built, pipeline));
    std::unique_ptr<CompiledKernel> kernel;
    if (!impl_->options.cacheDir.empty() && !impl_->diskDisabled) {
      rt::Status dir = makeDirs(impl_->options.cacheDir);
      auto shared = dir ? impl_->loadOrCompileShared(desc, built, pipeline, key)
                        : rt::StatusOr<std::unique_ptr<CompiledKernel>>(dir);
      if (shared) {
        kernel = std::move(*shared);
      } else {
        // The disk cache is an optimisation: say why it is off, then JIT.
        std::fprintf(stderr, "tfx: warning: kernel disk cache disabled: %s\n",
                     shared.status().message().c_str());
        impl_->diskDisabled = true;
      }
    }
    if (!kernel) {
      pipeline.compile_jit(impl_->target);
      kernel = std::make_unique<JitKernel>(std::move(built), pipeline,
                                           impl_->target, desc);
    }
    CompiledKernel *raw = kernel.get();
    impl_->kernels.emplace(key, std::move(kernel));
    impl_->compileSeconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    return raw;
  } catch (const Halide::Error &e) {
    return rt::Status::error("compiling kernel " + key + ": " + e.what());
  }
}

/// The host target corrected as hostTarget(), or the parsed target string.
static rt::StatusOr<Target> parseTarget(const std::string &name) {
  if (name.empty() || name == "host")
    return hostTarget();
  if (!Target::validate_target_string(name))
    return rt::Status::error("invalid Halide target '" + name + "'");
  Target t(name);
  // "host-<features>" takes the host's features as Halide reports them; drop
  // the one Halide 14 misreports (see hostTarget()).
  if (name.rfind("host", 0) == 0 &&
      !hostTarget().has_feature(Target::AVX512_SapphireRapids))
    t = t.without_feature(Target::AVX512_SapphireRapids);
  return t;
}

rt::Status compileKernel(const KernelDesc &desc, const std::string &target,
                         const std::string &pathPrefix,
                         const std::string &functionName, AotFormat format,
                         const KernelOptions &options) {
  rt::StatusOr<Target> t = parseTarget(target);
  if (!t)
    return t.status();
  if (format == AotFormat::CSource && t->has_gpu_feature())
    return rt::Status::error("Halide's C backend cannot emit GPU code (target " +
                             target + ")");
  Target aot = t->with_feature(Target::NoRuntime);
  auto attempt = [&](const KernelOptions &o) -> rt::Status {
    try {
      Built built;
      Pipeline pipeline;
      TFX_RETURN_IF_ERROR(buildScheduled(desc, *t, o, built, pipeline));
      std::vector<Argument> args(built.inputs.begin(), built.inputs.end());
      if (format == AotFormat::CSource)
        pipeline.compile_to_c(pathPrefix + ".cpp", args, functionName, aot);
      else
        pipeline.compile_to_static_library(pathPrefix, args, functionName, aot);
    } catch (const Halide::Error &e) {
      return rt::Status::error("compiling kernel '" + desc.kind + "' for " +
                               target + ": " + e.what());
    }
    return rt::Status::ok();
  };
  // Halide 14's C backend writes 8-bit vector shuffles that do not compile
  // (NativeVectorOps<uint8_t, 16>::shuffle of an 8-lane vector): kernels on
  // masks go straight to the default (scalar) schedule there.
  bool bytes = desc.output.dtype == rt::DType::Bool;
  for (const OperandDesc &in : desc.inputs)
    bytes = bytes || in.dtype == rt::DType::Bool || in.dtype == rt::DType::U8 ||
            in.dtype == rt::DType::I8;
  rt::Status first = format == AotFormat::CSource && bytes
                         ? rt::Status::error("8-bit vectors in the C backend")
                         : attempt(options);
  if (first || format != AotFormat::CSource)
    return first;
  // Halide's C backend cannot express some vector code the hand schedules
  // produce (predicated tail loads). Fall back to Halide's default schedule,
  // which is valid for every batch (an autoscheduler's is not: it splits the
  // batch loop for the batch it was tuned for), and say so.
  KernelOptions o = options;
  o.schedule = ScheduleSource::Default;
  rt::Status fallback = attempt(o);
  if (!fallback)
    return first;
  std::fprintf(stderr,
               "tfx: note: kernel '%s' uses Halide's default schedule for the C "
               "backend (%s)\n",
               desc.kind.c_str(),
               bytes ? "8-bit vectors" : "its hand schedule needs predicated vector loads");
  return rt::Status::ok();
}

rt::Status compileStaticLibrary(const KernelDesc &desc, const std::string &target,
                                const std::string &pathPrefix,
                                const std::string &functionName,
                                const KernelOptions &options) {
  return compileKernel(desc, target, pathPrefix, functionName,
                       AotFormat::StaticLibrary, options);
}

rt::StatusOr<std::vector<std::pair<int64_t, int64_t>>>
kernelOutputWindows(const KernelDesc &desc) {
  auto builder = registry().find(desc.kind);
  if (builder == registry().end())
    return rt::Status::error("no Halide lowering for kernel kind '" + desc.kind + "'");
  std::vector<std::pair<int64_t, int64_t>> windows;
  try {
    for (const OutputWindow &w : builder->second(desc).windows)
      windows.emplace_back(w.offset, w.width);
  } catch (const Halide::Error &e) {
    return rt::Status::error("building kernel '" + desc.kind + "': " + e.what());
  }
  return windows;
}

bool isValidTarget(const std::string &target) {
  return static_cast<bool>(parseTarget(target));
}

GpuApi targetGpuApi(const std::string &target) {
  rt::StatusOr<Target> t = parseTarget(target);
  if (!t || !t->has_gpu_feature())
    return GpuApi::None;
  if (t->has_feature(Target::CUDA))
    return GpuApi::Cuda;
  if (t->has_feature(Target::OpenCL))
    return GpuApi::OpenCL;
  return GpuApi::Other;
}

rt::Status compileRuntimeLibrary(const std::string &target,
                                 const std::string &path) {
  rt::StatusOr<Target> t = parseTarget(target);
  if (!t)
    return t.status();
  try {
    compile_standalone_runtime({{OutputFileType::static_library, path}}, *t);
  } catch (const Halide::Error &e) {
    return rt::Status::error("compiling the Halide runtime for " + target +
                             ": " + e.what());
  }
  return rt::Status::ok();
}

void setKernelThreads(int threads) {
  if (threads > 0)
    setenv("HL_NUM_THREADS", std::to_string(threads).c_str(), 1);
}

} // namespace tfx::lowering
