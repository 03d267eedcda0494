//===- KernelDesc.cpp - kernel requests: keys, common descs, schedule text -===//
//
// include/tfx/Lowering/KernelDesc.h: the cache key of a request, the descs
// both kernel consumers share (linear, layer norm, LSRA), and the schedule
// decisions printed by tfx-translate --emit=plan. No Halide.
//
//===----------------------------------------------------------------------===//

#include "tfx/Lowering/KernelDesc.h"

#include <sstream>

namespace tfx::lowering {

std::string KernelDesc::key() const {
  std::ostringstream os;
  os << kind() << '{' << formatKernelParams(params) << '}';
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

KernelDesc linearDesc(int64_t K, int64_t N, bool bias, Activation act) {
  KernelDesc d(LinearParams{bias, act});
  d.inputs = {{rt::DType::F32, {-1, K}}, {rt::DType::F32, {K, N}}};
  if (bias)
    d.inputs.push_back({rt::DType::F32, {N}});
  d.output = {rt::DType::F32, {-1, N}};
  return d;
}

KernelDesc lsraDesc(const LsraParams &p) {
  KernelDesc d(p);
  for (const LsraOperand &op : lsraInputs(p))
    d.inputs.push_back(
        OperandDesc{op.isBool ? rt::DType::Bool : rt::DType::F32, op.shape});
  d.output = {rt::DType::F32, {-1, p.dModel}};
  return d;
}

KernelDesc layerNormDesc(int64_t width, double epsilon) {
  KernelDesc d(LayerNormParams{epsilon});
  d.inputs = {{rt::DType::F32, {-1, width}}, {rt::DType::F32, {width}},
              {rt::DType::F32, {width}}};
  d.output = d.inputs[0];
  return d;
}

std::string describeCpuSchedule(const KernelDesc &desc, int lanes) {
  auto gemm = [lanes](const char *what, int64_t N, int64_t K, int products,
                      bool batched) {
    return std::string(what) + ": " +
           formatGemmTiling(chooseGemmTiling(N, K, products, batched, lanes));
  };
  if (desc.get<LinearParams>() && desc.inputs.size() >= 2 &&
      desc.inputs[1].shape.size() == 2)
    return gemm("gemm", desc.inputs[1].shape[1], desc.inputs[1].shape[0], 1, false);
  if (desc.get<MatmulParams>() && desc.inputs.size() == 2 &&
      desc.inputs[1].shape.size() == 3)
    return gemm("gemm", desc.inputs[1].shape[2], desc.inputs[1].shape[1], 1, true);
  if (const LsraParams *p = desc.get<LsraParams>()) {
    int64_t w = p->half();
    std::string s = gemm("qkv", 3 * w, w, 1, false) + "; " +
                    gemm("glu", w, w, 2, false) + "; " +
                    gemm("out", w, w, 1, false);
    if (p->dynamic)
      s += "; " + gemm("kernel", p->taps(), w, 1, false);
    return s;
  }
  return "";
}

std::string describeGpuSchedule(const KernelDesc &desc) {
  if (desc.get<LinearParams>() && desc.inputs.size() >= 2 &&
      desc.inputs[1].shape.size() == 2)
    return "gemm: " + formatGpuGemmTiling(chooseGpuGemmTiling(
                          desc.inputs[1].shape[1], desc.inputs[1].shape[0], -1));
  if (desc.get<MatmulParams>() && desc.inputs.size() == 2 &&
      desc.inputs[1].shape.size() == 3)
    return "gemm: " + formatGpuGemmTiling(chooseGpuGemmTiling(desc.inputs[1].shape[2],
                                                              desc.inputs[1].shape[1],
                                                              desc.inputs[0].shape[1]));
  return "";
}

} // namespace tfx::lowering
