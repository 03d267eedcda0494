//===- KernelParams.cpp - names, printing and the LSRA input layout -------===//
//
// No Halide here: the planner, the plan printer and the trainer use these
// without pulling in the kernels.
//
//===----------------------------------------------------------------------===//

#include "tfx/Lowering/KernelParams.h"

#include <charconv>
#include <sstream>

namespace tfx::lowering {

const char *activationName(ActivationKind kind) {
  switch (kind) {
  case ActivationKind::None: return "none";
  case ActivationKind::Relu: return "relu";
  case ActivationKind::Gelu: return "gelu";
  case ActivationKind::GeluTanh: return "gelu_tanh";
  case ActivationKind::LeakyRelu: return "leaky_relu";
  }
  return "?";
}

std::optional<ActivationKind> parseActivationKind(const std::string &name) {
  for (ActivationKind k : {ActivationKind::None, ActivationKind::Relu,
                           ActivationKind::Gelu, ActivationKind::GeluTanh,
                           ActivationKind::LeakyRelu})
    if (name == activationName(k))
      return k;
  return std::nullopt;
}

const char *binaryOpName(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add: return "add";
  case BinaryOp::Sub: return "sub";
  case BinaryOp::Mul: return "mul";
  case BinaryOp::Div: return "div";
  }
  return "?";
}

const char *convPaddingName(ConvPadding padding) {
  return padding == ConvPadding::Causal ? "causal" : "centered";
}

std::optional<ConvPadding> parseConvPadding(const std::string &name) {
  if (name == "centered")
    return ConvPadding::Centered;
  if (name == "causal")
    return ConvPadding::Causal;
  return std::nullopt;
}

const char *lsraInputName(LsraInput input) {
  // Also the kernel's argument names in generated code: identifiers.
  switch (input) {
  case LsraInput::X: return "x";
  case LsraInput::QkvWeight: return "wqkv";
  case LsraInput::QkvBias: return "bqkv";
  case LsraInput::OutWeight: return "wo";
  case LsraInput::OutBias: return "bo";
  case LsraInput::ConvInWeight: return "win";
  case LsraInput::ConvInBias: return "bin";
  case LsraInput::ConvWeight: return "conv_weight";
  case LsraInput::KernelBias: return "kernel_bias";
  case LsraInput::ConvOutWeight: return "wout";
  case LsraInput::ConvOutBias: return "bout";
  case LsraInput::Keep: return "keep";
  case LsraInput::ConvKeep: return "conv_keep";
  }
  return "?";
}

std::vector<LsraOperand> lsraInputs(const LsraParams &p) {
  const int64_t w = p.half(), taps = p.taps();
  std::vector<LsraOperand> in = {
      {LsraInput::X, false, {-1, p.dModel}},
      {LsraInput::QkvWeight, false, {w, 3 * w}},
      {LsraInput::QkvBias, false, {3 * w}},
      {LsraInput::OutWeight, false, {w, w}},
      {LsraInput::OutBias, false, {w}},
      {LsraInput::ConvInWeight, false, {w, 2 * w}},
      {LsraInput::ConvInBias, false, {2 * w}},
  };
  if (p.dynamic) {
    in.push_back({LsraInput::ConvWeight, false, {w, taps}});
    in.push_back({LsraInput::KernelBias, false, {taps}});
  } else {
    in.push_back({LsraInput::ConvWeight, false, {p.convHeads, p.kernelSize}});
  }
  in.push_back({LsraInput::ConvOutWeight, false, {w, w}});
  in.push_back({LsraInput::ConvOutBias, false, {w}});
  if (p.hasMask)
    in.push_back({LsraInput::Keep, true, {-1}});
  if (p.hasConvMask)
    in.push_back({LsraInput::ConvKeep, true, {-1}});
  return in;
}

namespace {

/// Writes one field as `name=value`.
class FieldPrinter {
public:
  explicit FieldPrinter(std::ostringstream &os) : os_(os) {}

  template <typename T> void operator()(const char *name, const T &value) {
    if (!first_)
      os_ << ", ";
    first_ = false;
    os_ << name << '=';
    print(value);
  }

private:
  void print(bool v) { os_ << (v ? "true" : "false"); }
  void print(int64_t v) { os_ << v; }
  /// Shortest text that reads back as `v`; a value that is exactly an f32
  /// (most come from f32 attributes) as the shortest f32 text: 1e-05, not
  /// 9.999999747378752e-06. Either way distinct values print differently.
  void print(double v) {
    char buf[32];
    float f = static_cast<float>(v);
    auto [end, ec] = static_cast<double>(f) == v
                         ? std::to_chars(buf, buf + sizeof buf, f)
                         : std::to_chars(buf, buf + sizeof buf, v);
    os_ << (ec == std::errc() ? std::string(buf, end) : std::to_string(v));
  }
  void print(const std::optional<double> &v) {
    if (v)
      print(*v);
    else
      os_ << "none";
  }
  void print(const Activation &a) {
    os_ << activationName(a.kind);
    if (a.kind == ActivationKind::LeakyRelu) {
      os_ << '(';
      print(a.slope);
      os_ << ')';
    }
  }
  void print(BinaryOp op) { os_ << binaryOpName(op); }
  void print(ConvPadding p) { os_ << convPaddingName(p); }
  void print(const BroadcastDims &b) { print(std::vector<int64_t>(b.dims.begin(), b.dims.end())); }
  void print(const std::vector<int64_t> &v) {
    os_ << '[';
    for (size_t i = 0; i < v.size(); ++i)
      os_ << (i ? "," : "") << v[i];
    os_ << ']';
  }

  std::ostringstream &os_;
  bool first_ = true;
};

} // namespace

const char *kernelKind(const KernelParams &params) {
  return std::visit([](const auto &p) { return std::decay_t<decltype(p)>::kKind; },
                    params);
}

size_t kernelNumInputs(const KernelParams &params) {
  return std::visit([](const auto &p) { return p.numInputs(); }, params);
}

std::string formatKernelParams(const KernelParams &params) {
  std::ostringstream os;
  std::visit([&](const auto &p) { p.fields(FieldPrinter(os)); }, params);
  return os.str();
}

} // namespace tfx::lowering

namespace tfx::lowering {

GemmTiling chooseGemmTiling(int64_t N, int64_t K, int products, bool batched,
                            int lanes) {
  GemmTiling t;
  t.lanes = lanes >= 4 ? lanes : 4;
  t.columnTile = N >= 2 * t.lanes ? 2 * t.lanes : t.lanes;
  // 12 (or 8) accumulator registers per product: with two products (GLU)
  // the row tile halves, or the accumulators would spill. (Sized for
  // AVX2's 16 registers, 12 accumulators + 2 weight vectors + 1 broadcast;
  // AVX-512 has 32, with tiles twice as wide.)
  t.rowTile = (N >= 2 * t.lanes ? 6 : 8) / products;
  // A weight matrix larger than L2 would be streamed from memory once per
  // row tile; then the column tiles go outermost.
  t.panelOuter = !batched && K * N * 4 > (int64_t(1) << 20);
  // With at least one full column tile, the last tile is shifted inwards
  // (recomputing a few columns) instead of predicated: narrow outputs such
  // as a 25-wide hidden layer otherwise run their tail tile as scalar code.
  t.shiftColumnTail = N >= t.columnTile;
  t.kSplit = K > 512 ? 256 : 0;
  // A linear layer with K split is k-blocked: the reduction runs chunk by
  // chunk over blocks of 16 row tiles (96 rows: the block's chunk of input
  // rows, 96 KB, stays in L2; the weight panel's chunk, 16 KB, in L1). A
  // single row (an ALR MLP at batch 1) takes register tiles of 4 vectors.
  if (t.kSplit && products == 1 && !batched) {
    t.rowBlock = 16 * t.rowTile;
    t.wideColumns = 4 * t.lanes;
  }
  return t;
}

std::string formatGemmTiling(const GemmTiling &t) {
  std::ostringstream os;
  os << "tile " << t.columnTile << 'x' << t.rowTile << ", ";
  if (t.rowBlock)
    os << "k-blocked (" << t.rowBlock << "-row blocks, k chunks of " << t.kSplit
       << "; one row: " << t.wideColumns << "-column tiles)";
  else
    os << (t.panelOuter ? "column panels outer" : "rows outer");
  os << ", column tail " << (t.shiftColumnTail ? "shifted" : "guarded");
  if (t.kSplit && !t.rowBlock)
    os << ", k-split " << t.kSplit;
  return os.str();
}

GpuGemmTiling chooseGpuGemmTiling(int64_t N, int64_t K, int64_t M) {
  GpuGemmTiling t;
  // 64 x 32 outputs per block: 128 threads of 4 x 4 accumulators. A smaller
  // output is one block wide (or high), its micro-tile then the largest of
  // 4, 2, 1 dividing it, so that no thread has a partial micro-tile.
  t.columnTile = N >= 64 ? 64 : N;
  t.rowTile = M < 0 || M >= 32 ? 32 : M;
  auto micro = [](int64_t e) { return e % 4 == 0 ? 4 : e % 2 == 0 ? 2 : 1; };
  t.microColumns = micro(t.columnTile);
  t.microRows = micro(t.rowTile);
  // A chunk of K that divides it, so no chunk needs a bounds check: all of
  // K up to 32; else its largest divisor from 8 to 32 that is a multiple of
  // 4 (vector staging loads); else all of K up to 64; else its largest
  // divisor from 4 to 32; else none.
  auto largestDivisor = [&](int64_t lo, int64_t step) {
    for (int64_t c = 32; c >= lo; --c)
      if (K % c == 0 && c % step == 0)
        return c;
    return int64_t(0);
  };
  if (K <= 32)
    t.kChunk = K;
  else if (int64_t c = largestDivisor(8, 4))
    t.kChunk = c;
  else if (K <= 64)
    t.kChunk = K;
  else
    t.kChunk = largestDivisor(4, 1);
  t.loadVector = t.kChunk % 4 == 0 ? 4 : 1;
  // Blocks of less than a warp (tiny matrices, e.g. attention heads of
  // 8 x 8) would leave most lanes idle, and odd shapes (61 columns x 31
  // rows) would need too many threads: the simple schedule takes them.
  if (t.threads() < 32 || t.threads() > 512)
    t.kChunk = 0;
  return t;
}

std::string formatGpuGemmTiling(const GpuGemmTiling &t) {
  std::ostringstream os;
  if (!t.kChunk)
    return "simple (no usable k-chunk or block shape)";
  os << "block " << t.columnTile << 'x' << t.rowTile << ", thread "
     << t.microColumns << 'x' << t.microRows << ", k-chunk " << t.kChunk << " ("
     << t.threads() << " threads, " << 4 * t.sharedFloats() << " B shared)";
  return os.str();
}

} // namespace tfx::lowering
