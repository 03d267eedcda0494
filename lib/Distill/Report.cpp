//===- Report.cpp - teacher vs replaced, end to end -------------------------===//

#include "DistillInternal.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

using namespace mlir;

namespace tfx::distill {

namespace {

double relativeDeviation(const Tensor &ref, const Tensor &got) {
  double num = 0, den = 0;
  for (int64_t i = 0; i < ref.numel(); ++i) {
    double r = ref.dataAs<float>()[i], g = got.dataAs<float>()[i];
    num += (g - r) * (g - r);
    den += r * r;
  }
  return den > 0 ? std::sqrt(num / den) : std::sqrt(num);
}

} // namespace

Status measureEndToEnd(ModuleOp teacher, ModuleOp replaced,
                       const exec::TensorMap &teacherWeights, const exec::TensorMap &merged,
                       const exec::TensorMap &calibration, const Split &split,
                       const std::vector<std::string> &capturedFunctions,
                       const exec::ExecOptions &execOptions, DistillReport &report) {
  if (split.heldOut.empty())
    return Status::ok();
  {
    exec::TensorMap held;
    for (auto &[name, t] : calibration) {
      Tensor h(t.dtype(), [&] {
        std::vector<int64_t> s = t.shape();
        s[0] = static_cast<int64_t>(split.heldOut.size());
        return s;
      }());
      size_t rowBytes = t.byteSize() / t.dim(0);
      for (size_t i = 0; i < split.heldOut.size(); ++i)
        std::memcpy(static_cast<uint8_t *>(h.data()) + i * rowBytes,
                    static_cast<const uint8_t *>(t.data()) + split.heldOut[i] * rowBytes,
                    rowBytes);
      held[name] = h;
    }
    exec::Executor teacherExec(teacher, teacherWeights, execOptions);
    exec::Executor replacedExec(replaced, merged, execOptions);
    exec::TensorMap tAvail = held, rAvail = held;
    std::vector<std::string> order = entryOrder(teacher);
    for (const std::string &name : order) {
      // A later function whose inputs the calibration data lacks (the
      // decoder without 'tgt_ids', when only encoder sites were replaced)
      // is not measured.
      if (std::find(capturedFunctions.begin(), capturedFunctions.end(), name) ==
              capturedFunctions.end() &&
          !calibration.count("tgt_ids"))
        continue;
      auto tp = teacherExec.program(name);
      auto rp = replacedExec.program(name);
      if (!tp || !rp)
        return !tp ? tp.status() : rp.status();
      exec::TensorMap tOut, rOut;
      auto timeIt = [](exec::Program *p, exec::TensorMap &in, exec::TensorMap &out,
                       double &ms) -> Status {
        std::vector<double> times;
        for (int i = 0; i < 5; ++i) {
          out.clear();
          auto s = std::chrono::steady_clock::now();
          TFX_RETURN_IF_ERROR(p->run(in, out));
          times.push_back(std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - s).count());
        }
        std::sort(times.begin(), times.end());
        ms = times[times.size() / 2];
        return Status::ok();
      };
      double tMs = 0, rMs = 0;
      if (Status s = timeIt(*tp, tAvail, tOut, tMs); !s)
        return s.withContext("teacher '" + name + "'");
      if (Status s = timeIt(*rp, rAvail, rOut, rMs); !s)
        return s.withContext("replaced '" + name + "'");
      for (auto &[k, v] : tOut) {
        auto r = rOut.find(k);
        if (r != rOut.end() && v.dtype() == DType::F32)
          report.deviation.push_back({name + "." + k, relativeDeviation(v, r->second)});
        tAvail[k] = v;
      }
      for (auto &[k, v] : rOut)
        rAvail[k] = v;
      report.latency.push_back({name, {tMs, rMs}});
    }
  }
  return Status::ok();
}

} // namespace tfx::distill
