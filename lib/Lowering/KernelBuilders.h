//===- KernelBuilders.h - what the kernel families share ---------*- C++ -*-===//
//
// Internal to lib/Lowering (includes Halide.h: never include it from a
// public header). Each family file (Gemm.cpp, Elementwise.cpp,
// Normalization.cpp, DataMovement.cpp, Embedding.cpp, Attention.cpp,
// Lsra.cpp, Training.cpp) defines its builders: the Halide algorithm of a
// kernel, from its typed parameters (include/tfx/Lowering/Params/<Family>.h)
// and operand shapes, plus its CPU and GPU schedules. KernelBuilders.cpp
// holds the shared helpers and dispatches on the parameters' type; Kernel.cpp
// compiles and runs what they build.
//
// Conventions: a tensor [d0, ..., d(r-1)] (outermost first) is a Halide
// buffer with dimension 0 = d(r-1). Every builder takes the KernelDesc and
// its parameters,
// creates one ImageParam per input and returns the output Func; schedules
// live right after their algorithm. Kernel shapes are static except extents
// marked -1 (the batch), which the compiled pipeline accepts at any size.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LIB_LOWERING_KERNELBUILDERS_H
#define TFX_LIB_LOWERING_KERNELBUILDERS_H

#include "tfx/Lowering/Kernel.h"

#include <Halide.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace tfx::lowering::detail {

using namespace Halide;

constexpr int kVec = kVectorLanes; // f32 lanes of AVX-512; Halide narrows for other ISAs

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
  /// GPU targets: one output Func writing the whole result, in place of
  /// `outputs` on `windows` (device buffers cannot be windowed cheaply: an
  /// OpenCL sub-buffer needs an aligned origin, and a host window costs a
  /// copy per row). Also a kernel whose GPU schedule needs another form of
  /// the same maths (softmax, layer_norm, sdpa: block reductions, a fused
  /// attention kernel), which `gpuSchedule` then schedules. Undefined when
  /// the GPU schedule uses `output` itself.
  Func gpuOutput;

  /// Makes the kernel the GPU form: `gpuOutput` as its one output.
  void useGpuOutput() {
    if (!gpuOutput.defined())
      return;
    output = gpuOutput;
    outputs.clear();
    windows.clear();
  }

  std::vector<Func> allOutputs() const {
    return outputs.empty() ? std::vector<Func>{output} : outputs;
  }
};


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

/// LayerNorm statistics of x [N, D] recomputed in backward kernels.
struct LnStats {
  Func mean, rstd;
};

Type halideTypeOf(rt::DType dtype);
ImageParam param(const KernelDesc &d, size_t i, const std::string &name);
int64_t extent(const OperandDesc &op, size_t i);
std::vector<Var> makeVars(int rank, const std::string &prefix);
std::vector<Expr> toExprs(const std::vector<Var> &vars);
Expr activation(Expr x, const Activation &act);
/// GPU: the stage in one launch, its pure `vars` (innermost first, all of
/// them) fused into one and split into blocks of `threads` threads, one
/// element a thread. Returns the thread Var (for compute_at).
Var gpuFlat(Stage s, const std::vector<Var> &vars, int threads = 128);
void scheduleElementwise(Func f, const std::vector<Var> &v, int64_t inner);
void scheduleGemm(Func out, const std::vector<Func> &prods, Var n, Var m,
                  RDom k, int64_t N, int64_t K, std::vector<Var> outer,
                  Expr rows);
void scheduleGemm(Func out, Func prod, Var n, Var m, RDom k, int64_t N,
                  int64_t K, std::vector<Var> outer, Expr rows);
void scheduleGemmKBlocked(Func out, Func prod, Var n, Var m, RDom k, int64_t N,
                          const GemmTiling &tiling, Expr rows);
/// A GEMM as its GPU schedules see it: out(n, m, batch...) is an epilogue
/// of prod(n, m, batch...) = init; prod += lhs(k, m, ...) * rhs(n, k, ...)
/// over `k` (lhs, rhs: the operand Funcs or ImageParams as read by prod).
/// N, K static; M rows per matrix, or -1 when dynamic (then `rows`).
struct GpuGemm {
  Func out, prod, lhs, rhs;
  Var n, m;
  std::vector<Var> batch; ///< matmul: the matrix index (a block dimension)
  RDom k;
  int64_t N = 0, K = 0, M = -1;
  Expr rows;
};
/// The GEMM's GPU schedule: the variant TFX_GPU_GEMM names (tiled, with
/// chooseGpuGemmTiling's tiles, or simple; Gemm.cpp).
void scheduleGemmGpu(const GpuGemm &g);
Built buildLinear(const KernelDesc &d, const LinearParams &p);
Built buildMatmul(const KernelDesc &d, const MatmulParams &p);
std::vector<Expr> broadcastIndex(const BroadcastDims &bcast,
                                 const std::vector<Var> &v);
Built buildBinary(const KernelDesc &d, const BinaryParams &p);
Built buildUnary(const KernelDesc &d, const UnaryParams &p);
Built buildApplyMask(const KernelDesc &d, const ApplyMaskParams &p);
Expr expBelowMax(Expr x, Expr mx);
Expr divideOrZero(Expr num, Expr total);
/// A reduction (sum or maximum) of one row by one GPU block, for the GPU
/// forms of softmax, layer_norm and sdpa: `partial(t, rows...)` folds the
/// row's elements t, t + T, t + 2T, ... (thread t of T: neighbouring
/// threads read neighbouring elements), `mid(u, rows...)` (only when T is a
/// multiple of 32 above 32) folds partials u, u + 32, ..., and
/// `total(rows...)` folds what is left, one thread per row. Each level is
/// stored in shared memory; each thread folds in registers.
struct GpuRowReduce {
  Func partial, mid, total;
  Var t{"t"}, u{"u"};
  int threads = 0;
};
/// The reduction over `value(k)`, k in [0, n), of the row `rows` names.
GpuRowReduce gpuRowReduce(const std::string &name, const std::vector<Var> &rows,
                          int n, int threads, bool isMax,
                          const std::function<Expr(Expr)> &value);
/// Computes `r` at `out`'s block loop `block`; `row` (one of `rows`) is the
/// rows' thread dimension (extent 1 for a block per row).
void scheduleGpuRowReduce(GpuRowReduce &r, Func out, Var block, Var row);
Built buildSoftmax(const KernelDesc &d, const SoftmaxParams &p);
Built buildLayerNorm(const KernelDesc &d, const LayerNormParams &p);
void scheduleMiddleAxis(Func out, Var i, Var c, Var o, int64_t inner);
Built buildGlu(const KernelDesc &d, const GluParams &p);
Built buildTranspose(const KernelDesc &d, const TransposeParams &p);
Built buildConcat(const KernelDesc &d, const ConcatParams &p);
Built buildSlice(const KernelDesc &d, const SliceParams &p);
Built buildEmbedding(const KernelDesc &d, const EmbeddingParams &p);
Built buildPositionalEncoding(const KernelDesc &d, const PositionalEncodingParams &p);
Built buildPaddingMask(const KernelDesc &d, const PaddingMaskParams &p);
Built buildCausalMask(const KernelDesc &d, const CausalMaskParams &p);
Built buildMaskRows(const KernelDesc &d, const MaskRowsParams &p);
AttentionRows attentionRows(const std::vector<Var> &rows, int H, int dh, int Lk,
                            const std::function<Expr(Expr)> &q,
                            const std::function<Expr(Expr, Expr)> &k,
                            const std::function<Expr(Expr, Expr)> &v,
                            Expr keep);
void scheduleAttentionRows(AttentionRows &a, Var row, bool keysPadded);
Built buildSdpa(const KernelDesc &d, const SdpaParams &p);
Expr paddedInput(ImageParam x, Expr ch, Expr t, Expr n, int L);
Built buildLightweightConv(const KernelDesc &d, const LightweightConvParams &p);
Built buildDynamicConv(const KernelDesc &d, const DynamicConvParams &p);
Built buildLsra(const KernelDesc &d, const LsraParams &p);
Built buildMaskedMseGrad(const KernelDesc &d, const MaskedMseGradParams &p);
Built buildGemmTN(const KernelDesc &d, const GemmTNParams &p);
Built buildColumnSum(const KernelDesc &d, const ColumnSumParams &p);
LnStats lnStats(ImageParam x, int D, float eps);
Built buildLayerNormBackward(const KernelDesc &d, const LayerNormBackwardParams &p);
Built buildLayerNormParamGrad(const KernelDesc &d, const LayerNormParamGradParams &p);

/// f32 lanes of the vector registers of the target whose schedule is being
/// applied (set by buildScheduled for the duration of a Built::schedule
/// call; the host's otherwise). GEMM tiles are sized by it.
int scheduleVectorLanes();

/// Builds `desc` and applies its schedule for `target` (Kernel.cpp).
rt::Status buildScheduled(const KernelDesc &desc, const Target &target,
                          const KernelOptions &options, Built &built, Pipeline &pipeline);

} // namespace tfx::lowering::detail

namespace tfx::lowering {
/// The host target with tfx's fixes (Kernel.cpp).
Halide::Target hostTarget();
} // namespace tfx::lowering

namespace tfx::lowering::detail {

/// Builds the algorithm of `desc`'s kernel (KernelBuilders.cpp dispatches
/// on the parameters' type; a kind without a builder does not compile).
Built build(const KernelDesc &desc);
/// An error unless `desc` has as many inputs as its parameters say.
rt::Status checkOperandCount(const KernelDesc &desc);

} // namespace tfx::lowering::detail

#endif // TFX_LIB_LOWERING_KERNELBUILDERS_H
