//===- ImporterInternal.h - the ONNX importer's values ----------*- C++ -*-===//
//
// Internal to lib/Import: what every part of the importer shares.
//
// Every ONNX value becomes one of two things while a graph is walked:
//
//  * a host tensor, known at import time: initializers, Constant nodes and
//    everything computed only from them and from shapes. Integer elements are
//    symbolic, `k` or `k * batch`, so `Shape -> Gather -> Concat -> Reshape`
//    chains of an export with a dynamic batch fold to static shapes;
//  * a run-time value: an SSA value of the function being built, with its
//    dimensions also kept symbolically (a dimension is `k * batch` or `k`).
//
// This header holds those values (Sym, Host, View, Val), the import-time
// shape arithmetic (SymbolicShapes.cpp), the layout views (LayoutView.cpp)
// and the reading of ONNX tensors (OnnxModel.cpp). The GraphImporter class
// that walks a graph is in GraphImporter.h.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LIB_IMPORT_IMPORTERINTERNAL_H
#define TFX_LIB_IMPORT_IMPORTERINTERNAL_H

#include "tfx/runtime/Tensor.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Value.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace tfx::import::detail {

using namespace mlir;

/// Import-time tensors hold at most this many elements (a Range or
/// ConstantOfShape beyond it is a hostile file, not a Transformer).
constexpr int64_t kMaxHostElements = int64_t(1) << 24;
/// Initializers (weights) may be larger than computed constants.
constexpr int64_t kMaxInitializerElements = int64_t(1) << 31;
constexpr int kMinOpset = 13, kMaxOpset = 17;

//===----------------------------------------------------------------------===//
// Errors and import-time integers (SymbolicShapes.cpp)
//===----------------------------------------------------------------------===//

/// An import-time integer: k, or k times the batch size.
struct Sym {
  int64_t k = 0;
  bool batch = false;
  bool operator==(const Sym &o) const { return k == o.k && batch == o.batch; }
  bool operator!=(const Sym &o) const { return !(*this == o); }
};

std::string symString(const Sym &s);
std::string dimsString(const std::vector<Sym> &dims);
std::string shapeString(const std::vector<int64_t> &shape);

/// An error carrying a message; thrown inside the importer and turned into an
/// llvm::Error (with the node's description) at its boundary.
struct ImportError {
  std::string message;
};

[[noreturn]] void fail(const std::string &message);

int64_t checkedMul(int64_t a, int64_t b);
int64_t checkedAdd(int64_t a, int64_t b);

/// Elements of `shape`, refused above `limit`. Dimensions of size 0 do not
/// lift the limit for the others (loops run over them).
int64_t numel(const std::vector<int64_t> &shape, int64_t limit = kMaxHostElements);

/// Shape arithmetic on import-time integers; 0 * batch is 0.
Sym symArith(const std::string &op, Sym a, Sym b);

//===----------------------------------------------------------------------===//
// Host tensors (SymbolicShapes.cpp)
//===----------------------------------------------------------------------===//

enum class Elem { Float, Int, Bool };

const char *elemName(Elem e);

/// A tensor known at import time.
struct Host {
  Elem elem = Elem::Float;
  std::vector<int64_t> shape;
  std::vector<float> f;  // Elem::Float
  std::vector<Sym> i;    // Elem::Int and Elem::Bool (k = 0 / 1)
  /// The initializer this tensor is, unchanged ("" if computed).
  std::string param;
  /// The 2-D initializer whose transpose this tensor is ("" if none).
  std::string paramT;

  int64_t size() const { return elem == Elem::Float ? int64_t(f.size()) : int64_t(i.size()); }
  bool isSplat() const {
    if (elem == Elem::Float)
      return !f.empty() && std::all_of(f.begin(), f.end(), [&](float x) {
               return std::memcmp(&x, &f[0], sizeof(float)) == 0;
             });
    return !i.empty() && std::all_of(i.begin(), i.end(), [&](Sym s) { return s == i[0]; });
  }
};

std::vector<int64_t> stridesOf(const std::vector<int64_t> &shape);
Host makeHost(Elem elem, std::vector<int64_t> shape);
/// Copies element `from` of `src` to element `to` of `dst` (same elem).
void copyElem(const Host &src, int64_t from, Host &dst, int64_t to);
int64_t normAxis(int64_t axis, int64_t rank, const char *what = "axis");
std::vector<int64_t> broadcastShapes(const std::vector<int64_t> &a,
                                     const std::vector<int64_t> &b);
std::vector<Sym> broadcastDims(const std::vector<Sym> &a, const std::vector<Sym> &b);
/// Index into a tensor of `shape` (broadcast to `outShape`) of flat output index.
int64_t broadcastIndex(const std::vector<int64_t> &shape,
                       const std::vector<int64_t> &outShape, int64_t flat);

/// The static value of an integer host element.
int64_t staticInt(const Sym &s, const char *what);
std::vector<int64_t> staticInts(const Host &h, const char *what);

//===----------------------------------------------------------------------===//
// Layout views (LayoutView.cpp)
//===----------------------------------------------------------------------===//

/// How the ONNX (logical) shape of a run-time value lies over its physical
/// tfx value: logical = merge(transpose(split(physical))). Exporters move
/// the batch around ([L, B*H, d] in nn.MultiheadAttention); tfx keeps it
/// leading. Transpose, Reshape and Expand only edit the view; an op that
/// needs its operand in some layout asks for that arrangement, so most
/// chains of layout ops vanish and the rest become the head split / merge
/// the attention matcher knows.
struct View {
  std::vector<Sym> phys;       // dims of the physical value
  std::vector<Sym> s;          // its axes, split further (physical order)
  std::vector<int64_t> bcast;  // per axis: 0, or the logical size of a broadcast axis (s = 1)
  std::vector<int> perm;       // the axes in logical order
  std::vector<int> group;      // axes per logical dimension, in `perm` order (0: size 1)
};

Sym axisSize(const View &v, size_t j);
View trivialView(const std::vector<Sym> &dims);
bool isTrivial(const View &v);
/// The axes of each logical dimension.
std::vector<std::vector<int>> groupsOf(const View &v);
void setGroups(View &v, const std::vector<std::vector<int>> &groups);
std::vector<Sym> logicalDims(const View &v);
/// Removes axes of size 1 (not broadcast): their logical dimension keeps
/// size 1 as an empty group.
void dropUnitAxes(View &v);
/// Reshape of the logical value (row-major) as a view edit; false (with
/// the reason) when it would need data movement the view cannot express.
bool reshapeView(View &v, const std::vector<Sym> &dims, std::string &why);
void transposeView(View &v, const std::vector<int64_t> &perm);
/// Broadcasts logical dimension `d` (size 1, an empty group after
/// dropUnitAxes) to `size` with a new axis of physical size 1.
void broadcastDim(View &v, size_t d, int64_t size);
/// The same layout: same physical dims and the same split, broadcast,
/// permutation and grouping of its axes.
bool sameLayout(const View &x, const View &y);

//===----------------------------------------------------------------------===//
// Graph values
//===----------------------------------------------------------------------===//

struct Val;

/// One addend of an additive attention mask (0 where kept, -inf where
/// masked), as PyTorch builds it: `cond ? onTrue : onFalse` for a run-time
/// bool `cond`, or an import-time float table.
struct MaskTerm {
  std::shared_ptr<const Val> cond;
  float onTrue = 0.0f, onFalse = 0.0f;
  Host table;
};

/// A value of the graph: a host tensor, a run-time SSA value, or an
/// additive mask kept symbolic until it is added to attention scores.
struct Val {
  bool isHost = true;
  Host host;
  /// Host scalar broadcast to a batch-dependent shape (ConstantOfShape of
  /// the shape of a run-time value).
  std::optional<std::vector<Sym>> splatDims;
  /// Run-time: the physical tfx value and, when the ONNX layout differs,
  /// how the logical value lies over it. Read through GraphImporter's
  /// logical() / lastAxis() / arrange(), never directly.
  Value phys;
  std::optional<View> view;
  /// Logical (ONNX) dimensions.
  std::vector<Sym> dims;
  /// Run-time i1 only: the ONNX value is the negation of `phys`.
  bool negated = false;
  /// Run-time f32: a pending scale (logical = phys * mul / div), applied
  /// where the value is read, so that `(q / c) k^T` imports as the
  /// matcher's `(q k^T) / c`.
  float mul = 1.0f, div = 1.0f;
  /// An additive mask (isHost false, phys null).
  bool isAdditive = false;
  std::vector<MaskTerm> additive;
  /// A disjunction of bool masks (isHost false, phys null): PyTorch's
  /// `attn_mask.logical_or(key_padding_mask)`, true = masked. Kept symbolic
  /// until a Where fills where it is true: one tfx.apply_mask per term.
  bool isOr = false;
  std::vector<std::shared_ptr<const Val>> disjuncts;

  /// A step of LayerNorm written with primitive ops (older exporters:
  /// ReduceMean, Sub, Pow, ReduceMean, Add eps, Sqrt, Div, Mul, Add) over
  /// the last axis of `value`; the steps stay symbolic until the pattern
  /// completes (see GraphImporter::layerNormStep).
  enum class Ln { None, Mean, Centered, Square, Var, VarEps, Std, Normalized, Scaled };
  Ln ln = Ln::None;
  float lnEps = 0.0f;
  Host lnGamma;

  size_t rank() const {
    return splatDims ? splatDims->size() : isHost ? host.shape.size() : dims.size();
  }
  Elem elem() const {
    if (isHost)
      return host.elem;
    if (isAdditive)
      return Elem::Float;
    if (isOr)
      return Elem::Bool;
    Type t = llvm::cast<RankedTensorType>(phys.getType()).getElementType();
    return t.isF32() ? Elem::Float : t.isInteger(1) ? Elem::Bool : Elem::Int;
  }
};

Val hostVal(Host h);
std::vector<Sym> symDims(const Val &v);

//===----------------------------------------------------------------------===//
// ONNX tensors and weights (OnnxModel.cpp)
//===----------------------------------------------------------------------===//

/// Reads an ONNX TensorProto into a host tensor, checking sizes.
Host readTensor(const onnx::TensorProto &t);

/// The weights of every graph of one import, by name.
struct WeightTable {
  std::map<std::string, size_t> index;
  std::vector<std::pair<std::string, rt::Tensor>> tensors;
  /// Names whose data was stored transposed (PyTorch's [out, in] layout).
  std::set<std::string> transposed;
};

} // namespace tfx::import::detail

#endif // TFX_LIB_IMPORT_IMPORTERINTERNAL_H
