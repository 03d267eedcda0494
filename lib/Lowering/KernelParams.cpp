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

GemmTiling chooseGemmTiling(int64_t N, int64_t K, int products, bool batched) {
  GemmTiling t;
  t.columnTile = N >= 2 * kVectorLanes ? 2 * kVectorLanes : kVectorLanes;
  // 12 (or 8) accumulator registers per product: with two products (GLU)
  // the row tile halves, or the accumulators would spill.
  t.rowTile = (N >= 2 * kVectorLanes ? 6 : 8) / products;
  // A weight matrix larger than L2 would be streamed from memory once per
  // row tile; then the column tiles go outermost.
  t.panelOuter = !batched && K * N * 4 > (int64_t(1) << 20);
  // With at least one full column tile, the last tile is shifted inwards
  // (recomputing a few columns) instead of predicated: narrow outputs such
  // as a 25-wide hidden layer otherwise run their tail tile as scalar code.
  t.shiftColumnTail = N >= t.columnTile;
  t.kSplit = K > 512 ? 256 : 0;
  return t;
}

std::string formatGemmTiling(const GemmTiling &t) {
  std::ostringstream os;
  os << "tile " << t.columnTile << 'x' << t.rowTile << ", "
     << (t.panelOuter ? "column panels outer" : "rows outer") << ", column tail "
     << (t.shiftColumnTail ? "shifted" : "guarded");
  if (t.kSplit)
    os << ", k-split " << t.kSplit;
  return os.str();
}

} // namespace tfx::lowering
