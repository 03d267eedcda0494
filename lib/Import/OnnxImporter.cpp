//===- OnnxImporter.cpp - ONNX graphs into the tfx dialect ----------------===//
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
// Boolean run-time values are masks kept with a polarity, so that
// `masked_fill(~keep, -inf)` exports (Not, Equal, Where) become
// `tfx.apply_mask` on `tfx.padding_mask` / `tfx.causal_mask` without
// materialising negations. Host tensors turn into IR only where a run-time op
// consumes them: initializers as `tfx.param` (the same name), small float
// tensors as `tfx.constant`, other float tensors as parameters named after
// the ONNX value.
//
//===----------------------------------------------------------------------===//

#include "tfx/Import/Onnx.h"

#include "tfx/Dialect/Tfx/TfxOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <sstream>

using namespace mlir;

namespace tfx {
namespace {

/// Import-time tensors hold at most this many elements (a Range or
/// ConstantOfShape beyond it is a hostile file, not a Transformer).
constexpr int64_t kMaxHostElements = int64_t(1) << 24;
/// Initializers (weights) may be larger than computed constants.
constexpr int64_t kMaxInitializerElements = int64_t(1) << 31;
constexpr int kMinOpset = 13, kMaxOpset = 17;

/// An import-time integer: k, or k times the batch size.
struct Sym {
  int64_t k = 0;
  bool batch = false;
  bool operator==(const Sym &o) const { return k == o.k && batch == o.batch; }
  bool operator!=(const Sym &o) const { return !(*this == o); }
};

std::string symString(const Sym &s) {
  if (!s.batch)
    return std::to_string(s.k);
  return s.k == 1 ? "batch" : std::to_string(s.k) + "*batch";
}

std::string dimsString(const std::vector<Sym> &dims) {
  std::string s = "[";
  for (size_t i = 0; i < dims.size(); ++i)
    s += (i ? ", " : "") + symString(dims[i]);
  return s + "]";
}

/// An error carrying a message; thrown inside the importer and turned into an
/// llvm::Error (with the node's description) at its boundary.
struct ImportError {
  std::string message;
};

[[noreturn]] void fail(const std::string &message) { throw ImportError{message}; }

int64_t checkedMul(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r))
    fail("integer overflow in " + std::to_string(a) + " * " + std::to_string(b));
  return r;
}
int64_t checkedAdd(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r))
    fail("integer overflow in " + std::to_string(a) + " + " + std::to_string(b));
  return r;
}

std::string shapeString(const std::vector<int64_t> &shape);

/// Elements of `shape`, refused above `limit`. Dimensions of size 0 do not
/// lift the limit for the others (loops run over them).
int64_t numel(const std::vector<int64_t> &shape, int64_t limit = kMaxHostElements) {
  int64_t n = 1, nonzero = 1;
  for (int64_t d : shape) {
    if (d < 0)
      fail("negative dimension " + std::to_string(d));
    n = checkedMul(n, d);
    if (d > 0)
      nonzero = checkedMul(nonzero, d);
  }
  if (nonzero > limit)
    fail("a tensor of shape " + shapeString(shape) + " is larger than the " +
         std::to_string(limit) + " elements the importer handles");
  if (n > limit)
    fail("a constant of " + std::to_string(n) + " elements is larger than the " +
         std::to_string(kMaxHostElements) + " the importer folds");
  return n;
}

std::string shapeString(const std::vector<int64_t> &shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

enum class Elem { Float, Int, Bool };

const char *elemName(Elem e) {
  return e == Elem::Float ? "float" : e == Elem::Int ? "integer" : "bool";
}

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


//===----------------------------------------------------------------------===//
// Host tensor helpers
//===----------------------------------------------------------------------===//

std::vector<int64_t> stridesOf(const std::vector<int64_t> &shape) {
  std::vector<int64_t> s(shape.size(), 1);
  for (int64_t d = int64_t(shape.size()) - 2; d >= 0; --d)
    s[d] = s[d + 1] * shape[d + 1];
  return s;
}

Host makeHost(Elem elem, std::vector<int64_t> shape) {
  Host h;
  h.elem = elem;
  h.shape = std::move(shape);
  int64_t n = numel(h.shape);
  if (elem == Elem::Float)
    h.f.assign(n, 0.0f);
  else
    h.i.assign(n, Sym{});
  return h;
}

/// Copies element `from` of `src` to element `to` of `dst` (same elem).
void copyElem(const Host &src, int64_t from, Host &dst, int64_t to) {
  if (src.elem == Elem::Float)
    dst.f[to] = src.f[from];
  else
    dst.i[to] = src.i[from];
}

int64_t normAxis(int64_t axis, int64_t rank, const char *what = "axis") {
  int64_t a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank)
    fail(std::string(what) + " " + std::to_string(axis) + " is out of range for rank " +
         std::to_string(rank));
  return a;
}

std::vector<int64_t> broadcastShapes(const std::vector<int64_t> &a,
                                     const std::vector<int64_t> &b) {
  size_t r = std::max(a.size(), b.size());
  std::vector<int64_t> out(r);
  for (size_t i = 0; i < r; ++i) {
    int64_t x = i < r - a.size() ? 1 : a[i - (r - a.size())];
    int64_t y = i < r - b.size() ? 1 : b[i - (r - b.size())];
    if (x != y && x != 1 && y != 1)
      fail("shapes " + shapeString(a) + " and " + shapeString(b) + " do not broadcast");
    out[i] = x == 1 ? y : x;
  }
  return out;
}

std::vector<Sym> broadcastDims(const std::vector<Sym> &a, const std::vector<Sym> &b) {
  size_t r = std::max(a.size(), b.size());
  std::vector<Sym> out(r);
  Sym one{1, false};
  for (size_t i = 0; i < r; ++i) {
    Sym x = i < r - a.size() ? one : a[i - (r - a.size())];
    Sym y = i < r - b.size() ? one : b[i - (r - b.size())];
    if (x != y && x != one && y != one)
      fail("shapes " + dimsString(a) + " and " + dimsString(b) + " do not broadcast");
    out[i] = x == one ? y : x;
  }
  return out;
}

/// Index into a tensor of `shape` (broadcast to `outShape`) of flat output index.
int64_t broadcastIndex(const std::vector<int64_t> &shape,
                       const std::vector<int64_t> &outShape, int64_t flat) {
  size_t r = outShape.size(), off = r - shape.size();
  std::vector<int64_t> st = stridesOf(shape);
  int64_t idx = 0;
  for (int64_t d = int64_t(r) - 1; d >= 0; --d) {
    int64_t c = flat % outShape[d];
    flat /= outShape[d];
    if (size_t(d) >= off && shape[d - off] != 1)
      idx += c * st[d - off];
  }
  return idx;
}

Sym symArithRaw(const std::string &op, Sym a, Sym b);

/// Shape arithmetic on import-time integers; 0 * batch is 0.
Sym symArith(const std::string &op, Sym a, Sym b) {
  Sym r = symArithRaw(op, a, b);
  if (r.k == 0)
    r.batch = false;
  return r;
}

Sym symArithRaw(const std::string &op, Sym a, Sym b) {
  auto bad = [&]() -> Sym {
    fail("the shape arithmetic " + symString(a) + " " + op + " " + symString(b) +
         " depends on the batch size in a way the importer cannot keep symbolic");
  };
  if (op == "Add" || op == "Sub") {
    int64_t bk = op == "Add" ? b.k : -b.k;
    if (a.batch == b.batch)
      return {checkedAdd(a.k, bk), a.batch};
    if (a.batch && b.k == 0)
      return a;
    if (b.batch && a.k == 0)
      return {bk, true};
    return bad();
  }
  if (op == "Mul") {
    if (a.batch && b.batch)
      return bad();
    return {checkedMul(a.k, b.k), a.batch || b.batch};
  }
  if (op == "Div") {
    if (b.batch && !a.batch)
      return bad();
    if (b.k == 0)
      fail("integer division by zero in a shape computation");
    if (a.k == std::numeric_limits<int64_t>::min() && b.k == -1)
      fail("integer overflow in a shape division");
    if (a.batch && !b.batch && a.k % b.k != 0)
      return bad();
    if (a.batch && b.batch)
      return {a.k / b.k, false};
    return {a.k / b.k, a.batch};
  }
  if (op == "Mod") {
    if (a.batch || b.batch)
      return bad();
    if (b.k == 0)
      fail("integer modulo by zero in a shape computation");
    if (a.k == std::numeric_limits<int64_t>::min() && b.k == -1)
      return {0, false};
    int64_t r = a.k % b.k;  // ONNX Mod (fmod = 0) takes the divisor's sign
    if (r != 0 && ((r < 0) != (b.k < 0)))
      r += b.k;
    return {r, false};
  }
  if (op == "Max" || op == "Min") {
    if (a.batch || b.batch)
      return bad();
    return {op == "Max" ? std::max(a.k, b.k) : std::min(a.k, b.k), false};
  }
  return bad();
}

//===----------------------------------------------------------------------===//
// Layout views
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

Sym axisSize(const View &v, size_t j) { return v.bcast[j] ? Sym{v.bcast[j], false} : v.s[j]; }

View trivialView(const std::vector<Sym> &dims) {
  View v;
  v.phys = v.s = dims;
  v.bcast.assign(dims.size(), 0);
  for (size_t j = 0; j < dims.size(); ++j)
    v.perm.push_back(int(j)), v.group.push_back(1);
  return v;
}

bool isTrivial(const View &v) {
  if (v.s != v.phys)
    return false;
  for (size_t j = 0; j < v.s.size(); ++j)
    if (v.bcast[j] || v.perm[j] != int(j) || v.group[j] != 1)
      return false;
  return v.group.size() == v.s.size();
}

/// The axes of each logical dimension.
std::vector<std::vector<int>> groupsOf(const View &v) {
  std::vector<std::vector<int>> g;
  size_t at = 0;
  for (int n : v.group) {
    g.emplace_back(v.perm.begin() + at, v.perm.begin() + at + n);
    at += n;
  }
  return g;
}

void setGroups(View &v, const std::vector<std::vector<int>> &groups) {
  v.perm.clear(), v.group.clear();
  for (const auto &g : groups) {
    v.perm.insert(v.perm.end(), g.begin(), g.end());
    v.group.push_back(int(g.size()));
  }
}

std::vector<Sym> logicalDims(const View &v) {
  std::vector<Sym> d;
  for (const auto &g : groupsOf(v)) {
    Sym p{1, false};
    for (int j : g)
      p = symArith("Mul", p, axisSize(v, j));
    d.push_back(p);
  }
  return d;
}

/// Removes axes of size 1 (not broadcast): their logical dimension keeps
/// size 1 as an empty group.
void dropUnitAxes(View &v) {
  std::vector<int> newIndex(v.s.size(), -1);
  View r;
  r.phys = v.phys;
  for (size_t j = 0; j < v.s.size(); ++j) {
    if (v.s[j] == Sym{1, false} && !v.bcast[j])
      continue;
    newIndex[j] = int(r.s.size());
    r.s.push_back(v.s[j]);
    r.bcast.push_back(v.bcast[j]);
  }
  std::vector<std::vector<int>> groups;
  for (const auto &g : groupsOf(v)) {
    groups.emplace_back();
    for (int j : g)
      if (newIndex[j] >= 0)
        groups.back().push_back(newIndex[j]);
  }
  setGroups(r, groups);
  v = std::move(r);
}

/// q with a = b * q, if the batch symbol allows it.
std::optional<Sym> divideSym(Sym a, Sym b) {
  if (b.k <= 0 || (b.batch && !a.batch) || a.k % b.k != 0)
    return std::nullopt;
  return Sym{a.k / b.k, a.batch && !b.batch};
}

/// Splits axis j into (outer, inner), renumbering the axes after it.
void splitAxis(View &v, int j, Sym outer, Sym inner) {
  std::vector<std::vector<int>> groups = groupsOf(v);
  for (auto &g : groups) {
    for (int &a : g)
      if (a > j)
        ++a;
    auto it = std::find(g.begin(), g.end(), j);
    if (it != g.end())
      g.insert(it + 1, j + 1);
  }
  int64_t b = v.bcast[j];
  v.s[j] = b ? Sym{1, false} : outer;
  v.s.insert(v.s.begin() + j + 1, b ? Sym{1, false} : inner);
  v.bcast[j] = b ? outer.k : 0;
  v.bcast.insert(v.bcast.begin() + j + 1, b ? inner.k : 0);
  for (int k : {j, j + 1})
    if (v.bcast[k] == 1)
      v.bcast[k] = 0;
  setGroups(v, groups);
}

/// Reshape of the logical value (row-major) as a view edit; false (with
/// the reason) when it would need data movement the view cannot express.
bool reshapeView(View &v, const std::vector<Sym> &dims, std::string &why) {
  dropUnitAxes(v);
  std::vector<int> seq = v.perm;  // axes in logical (row-major) order
  std::vector<std::vector<int>> groups;
  size_t at = 0;
  for (const Sym &n : dims) {
    groups.emplace_back();
    Sym need = n;
    while (need != Sym{1, false}) {
      if (at >= seq.size()) {
        why = "the target has more elements than the view";
        return false;
      }
      int j = seq[at];
      Sym m = axisSize(v, j);
      if (auto q = divideSym(need, m)) {
        groups.back().push_back(j);
        need = *q;
        ++at;
        continue;
      }
      auto inner = divideSym(m, need);
      if (!inner) {
        why = "dimension " + symString(n) + " does not line up with the axes " +
              "(next axis of size " + symString(m) + ")";
        return false;
      }
      // Split j into (need, inner): the outer part completes this dimension.
      splitAxis(v, j, need, *inner);
      for (auto &s : seq)
        if (s > j)
          ++s;
      seq.insert(seq.begin() + at + 1, j + 1);
      for (auto &g : groups)
        for (int &a : g)
          if (a > j)
            ++a;
      groups.back().push_back(j);
      need = Sym{1, false};
      ++at;
    }
  }
  if (at != seq.size()) {
    why = "the target has fewer elements than the view";
    return false;
  }
  setGroups(v, groups);
  return true;
}

void transposeView(View &v, const std::vector<int64_t> &perm) {
  std::vector<std::vector<int>> groups = groupsOf(v), out;
  for (int64_t p : perm)
    out.push_back(groups[p]);
  setGroups(v, out);
}

/// Broadcasts logical dimension `d` (size 1, an empty group after
/// dropUnitAxes) to `size` with a new axis of physical size 1.
void broadcastDim(View &v, size_t d, int64_t size) {
  std::vector<std::vector<int>> groups = groupsOf(v);
  // Place the new axis right after the physical axis that precedes it in
  // logical order (any place would do: it has physical size 1).
  int at = 0;
  for (size_t g = 0; g < d; ++g)
    for (int j : groups[g])
      at = std::max(at, j + 1);
  for (auto &g : groups)
    for (int &a : g)
      if (a >= at)
        ++a;
  v.s.insert(v.s.begin() + at, Sym{1, false});
  v.bcast.insert(v.bcast.begin() + at, size);
  groups[d] = {at};
  setGroups(v, groups);
}

/// The same layout: same physical dims and the same split, broadcast,
/// permutation and grouping of its axes.
bool sameLayout(const View &x, const View &y) {
  return x.phys == y.phys && x.s == y.s && x.bcast == y.bcast && x.perm == y.perm &&
         x.group == y.group;
}

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

Val hostVal(Host h) {
  Val v;
  v.host = std::move(h);
  return v;
}

std::vector<Sym> symDims(const Val &v) {
  if (v.splatDims)
    return *v.splatDims;
  if (!v.isHost)
    return v.dims;
  std::vector<Sym> d;
  for (int64_t s : v.host.shape)
    d.push_back({s, false});
  return d;
}

/// The static value of an integer host element.
int64_t staticInt(const Sym &s, const char *what) {
  if (s.batch)
    fail(std::string(what) + " depends on the batch size (" + symString(s) +
         "); it must be static");
  return s.k;
}

std::vector<int64_t> staticInts(const Host &h, const char *what) {
  if (h.elem != Elem::Int)
    fail(std::string(what) + " must be an integer tensor");
  std::vector<int64_t> out;
  for (const Sym &s : h.i)
    out.push_back(staticInt(s, what));
  return out;
}

/// Reads an ONNX TensorProto into a host tensor, checking sizes.
Host readTensor(const onnx::TensorProto &t) {
  if (t.data_location() == onnx::TensorProto::EXTERNAL)
    fail("tensor '" + t.name() + "' keeps its data in an external file, which tfx-import "
         "does not read; re-export with the weights inside the model");
  std::vector<int64_t> shape(t.dims().begin(), t.dims().end());
  int64_t n = numel(shape, kMaxInitializerElements);
  Host h;
  h.shape = shape;
  const std::string &raw = t.raw_data();
  auto need = [&](size_t elemBytes, int fieldSize) {
    if (t.has_raw_data()) {
      if (raw.size() != size_t(n) * elemBytes)
        fail("tensor '" + t.name() + "' has " + std::to_string(raw.size()) +
             " bytes of data; shape " + shapeString(shape) + " needs " +
             std::to_string(size_t(n) * elemBytes));
    } else if (fieldSize != n) {
      fail("tensor '" + t.name() + "' has " + std::to_string(fieldSize) +
           " values; shape " + shapeString(shape) + " needs " + std::to_string(n));
    }
  };
  switch (t.data_type()) {
  case onnx::TensorProto::FLOAT:
    h.elem = Elem::Float;
    need(4, t.float_data_size());
    h.f.resize(n);
    if (t.has_raw_data())
      std::memcpy(h.f.data(), raw.data(), size_t(n) * 4);
    else
      std::copy(t.float_data().begin(), t.float_data().end(), h.f.begin());
    return h;
  case onnx::TensorProto::DOUBLE: {
    h.elem = Elem::Float;
    need(8, t.double_data_size());
    h.f.resize(n);
    for (int64_t k = 0; k < n; ++k) {
      double d;
      if (t.has_raw_data())
        std::memcpy(&d, raw.data() + 8 * k, 8);
      else
        d = t.double_data(k);
      h.f[k] = static_cast<float>(d);
    }
    return h;
  }
  case onnx::TensorProto::INT64:
  case onnx::TensorProto::INT32:
  case onnx::TensorProto::BOOL:
  case onnx::TensorProto::UINT8:
  case onnx::TensorProto::INT8: {
    bool i64 = t.data_type() == onnx::TensorProto::INT64;
    bool i32 = t.data_type() == onnx::TensorProto::INT32;
    size_t bytes = i64 ? 8 : i32 ? 4 : 1;
    h.elem = t.data_type() == onnx::TensorProto::BOOL ? Elem::Bool : Elem::Int;
    if (n > kMaxHostElements)
      fail("integer or bool tensor '" + t.name() + "' has " + std::to_string(n) +
           " elements; the importer handles at most " + std::to_string(kMaxHostElements));
    need(bytes, i64 ? t.int64_data_size() : t.int32_data_size());
    h.i.resize(n);
    for (int64_t k = 0; k < n; ++k) {
      int64_t v = 0;
      if (t.has_raw_data()) {
        if (i64) {
          std::memcpy(&v, raw.data() + 8 * k, 8);
        } else if (i32) {
          int32_t w;
          std::memcpy(&w, raw.data() + 4 * k, 4);
          v = w;
        } else {
          v = t.data_type() == onnx::TensorProto::INT8 ? int64_t(int8_t(raw[k]))
                                                       : int64_t(uint8_t(raw[k]));
        }
      } else {
        v = i64 ? t.int64_data(k) : t.int32_data(k);
      }
      if (h.elem == Elem::Bool)
        v = v != 0;
      h.i[k] = {v, false};
    }
    return h;
  }
  default:
    fail("tensor '" + t.name() + "' has ONNX data type " + std::to_string(t.data_type()) +
         ", which tfx-import does not support (float, double, int64, int32, int8, "
         "uint8 and bool are)");
  }
}

//===----------------------------------------------------------------------===//
// The graph importer
//===----------------------------------------------------------------------===//

struct WeightTable {
  std::map<std::string, size_t> index;
  std::vector<std::pair<std::string, rt::Tensor>> tensors;
  /// Names whose data was stored transposed (PyTorch's [out, in] layout).
  std::set<std::string> transposed;
};

/// The name of rows [start, end) of the tensor `name`: "w[0:32]"; a slice
/// of a slice composes ("w[32:96]" rows [0:32] is "w[32:64]").
std::string sliceName(const std::string &name, int64_t start, int64_t end) {
  llvm::StringRef n(name);
  if (n.ends_with("]")) {
    size_t open = n.rfind('[');
    int64_t a = 0, b = 0;
    if (open != llvm::StringRef::npos) {
      auto [lo, hi] = n.slice(open + 1, n.size() - 1).split(':');
      if (!lo.getAsInteger(10, a) && !hi.getAsInteger(10, b) && a + end <= b)
        return n.take_front(open).str() + "[" + std::to_string(a + start) + ":" +
               std::to_string(a + end) + "]";
    }
  }
  return name + "[" + std::to_string(start) + ":" + std::to_string(end) + "]";
}

class GraphImporter {
public:
  GraphImporter(MLIRContext &ctx, ModuleOp module, WeightTable &weights,
                const std::string &path)
      : module(module), b(&ctx), weights(weights), path(path) {}

  void run(const onnx::ModelProto &model, const std::string &functionName);

private:
  // The node being imported, for locations and names of synthesized values.
  const onnx::NodeProto *node = nullptr;
  Location loc() {
    std::string name = node ? node->name() : std::string("graph");
    return NameLoc::get(b.getStringAttr(name),
                        FileLineColLoc::get(b.getStringAttr(path), 0, 0));
  }

  // Values --------------------------------------------------------------------
  Val &get(const std::string &name) {
    auto it = values.find(name);
    if (it == values.end())
      fail("input '" + name + "' is not produced by any earlier node, input or "
           "initializer (the graph must be topologically sorted)");
    return it->second;
  }
  bool has(int i) const { return i < node->input_size() && !node->input(i).empty(); }
  Val &in(int i) {
    if (!has(i))
      fail("input " + std::to_string(i) + " is missing");
    return get(node->input(i));
  }
  const Host &hostIn(int i, const char *what) {
    Val &v = in(i);
    if (!v.isHost)
      fail(std::string(what) + " (input " + std::to_string(i) + ", '" + node->input(i) +
           "') must be known at import time, but it is computed at run time");
    return v.host;
  }
  void set(int i, Val v) {
    if (i < node->output_size() && !node->output(i).empty()) {
      if (values.count(node->output(i)))
        fail("output '" + node->output(i) + "' is already defined (an ONNX value is "
             "assigned once)");
      values[node->output(i)] = std::move(v);
    }
  }

  // Attributes ---------------------------------------------------------------
  const onnx::AttributeProto *attr(const char *name) {
    for (const auto &a : node->attribute())
      if (a.name() == name)
        return &a;
    return nullptr;
  }
  int64_t intAttr(const char *name, int64_t def) {
    const auto *a = attr(name);
    return a ? a->i() : def;
  }
  float floatAttr(const char *name, float def) {
    const auto *a = attr(name);
    return a ? a->f() : def;
  }
  std::optional<std::vector<int64_t>> intsAttr(const char *name) {
    const auto *a = attr(name);
    if (!a)
      return std::nullopt;
    return std::vector<int64_t>(a->ints().begin(), a->ints().end());
  }

  // Types and IR --------------------------------------------------------------
  RankedTensorType typeOf(const std::vector<Sym> &dims, Type elem) {
    SmallVector<int64_t> shape;
    int dynamic = 0;
    for (const Sym &s : dims) {
      dynamic += s.batch;
      shape.push_back(s.batch ? ShapedType::kDynamic : s.k);
    }
    if (dynamic > 1)
      fail("a run-time value of shape " + dimsString(dims) +
           " has more than one dimension that depends on the batch size");
    return RankedTensorType::get(shape, elem);
  }
  Val runtime(Value v, std::vector<Sym> dims, bool negated = false) {
    Val r;
    r.isHost = false;
    r.phys = v;
    r.dims = std::move(dims);
    r.negated = negated;
    return r;
  }

  // Layouts (see View) ---------------------------------------------------------
  static Type elemOf(Value v) { return llvm::cast<RankedTensorType>(v.getType()).getElementType(); }
  static View viewOf(const Val &v) { return v.view ? *v.view : trivialView(v.dims); }
  /// A run-time value `phys` seen through `v`, with `like`'s mask polarity.
  Val viewed(const Val &like, Value phys, View v) {
    Val r = runtime(phys, logicalDims(v), like.negated);
    if (!isTrivial(v))
      r.view = std::move(v);
    return r;
  }
  static bool hasBroadcast(const View &v) {
    return std::any_of(v.bcast.begin(), v.bcast.end(), [](int64_t b) { return b != 0; });
  }
  /// A float value read as such must not hold Expand-ed (broadcast) axes.
  static void requireNoBroadcast(const View &v, const std::string &what) {
    if (hasBroadcast(v))
      fail(what + " is a run-time tensor broadcast by Expand, used other than as a mask "
           "(tfx has no broadcast op; masks broadcast where they are applied)");
  }
  /// x's physical value (and mask polarity and pending scale) seen through
  /// another view: what Transpose, Reshape and Expand produce.
  Val withView(const Val &x, Value phys, View v) {
    Val r = viewed(x, phys, std::move(v));
    r.mul = x.mul, r.div = x.div;
    return r;
  }
  Value reshape(Value x, const std::vector<Sym> &dims) {
    return b.create<ReshapeOp>(loc(), typeOf(dims, elemOf(x)), x);
  }
  /// The view's axes (physical sizes) in `order`, consecutive runs merged
  /// by `merge` (a run of 0 axes is a unit dimension). Unscaled.
  Value arrange(const Val &x, const std::vector<int> &order, const std::vector<int> &merge) {
    View v = viewOf(x);
    std::vector<Sym> merged;
    size_t at = 0;
    for (int n : merge) {
      Sym p{1, false};
      for (int k = 0; k < n; ++k)
        p = symArith("Mul", p, v.s[order[at++]]);
      merged.push_back(p);
    }
    bool identity = true;
    for (size_t k = 0; k < order.size(); ++k)
      identity &= order[k] == int(k);
    Value r = x.phys;
    if (identity) {
      if (merged != v.phys)
        r = reshape(r, merged);
      return r;
    }
    if (v.s != v.phys)
      r = reshape(r, v.s);
    std::vector<Sym> t;
    for (int j : order)
      t.push_back(v.s[j]);
    r = b.create<TransposeOp>(loc(), typeOf(t, elemOf(r)), r,
                              b.getDenseI64ArrayAttr(SmallVector<int64_t>(order.begin(), order.end())));
    if (merged != t)
      r = reshape(r, merged);
    return r;
  }
  Value splat(float c) {
    auto type = RankedTensorType::get({}, b.getF32Type());
    return b.create<ConstantOp>(loc(), type, DenseElementsAttr::get(type, llvm::ArrayRef<float>(c)));
  }
  /// `r` (laid out like x's physical value) times x's pending scale.
  Value scaled(Value r, const Val &x) {
    if (x.mul == 1.0f && x.div == 1.0f)
      return r;
    if (x.mul == 1.0f)
      return b.create<DivOp>(loc(), r.getType(), r, splat(x.div));
    return b.create<MulOp>(loc(), r.getType(), r, splat(x.div == 1.0f ? x.mul : x.mul / x.div));
  }
  /// The logical (ONNX-shaped) value.
  Value logical(const Val &x, const std::string &what) {
    if (x.isAdditive)
      fail(what + " is an additive attention mask (-inf where masked) used other than "
           "by adding it to attention scores");
    View v = viewOf(x);
    requireNoBroadcast(v, what);
    Value r = x.view ? arrange(x, v.perm, v.group) : x.phys;
    return scaled(r, x);
  }
  /// x arranged with its last logical dimension as the last physical axis
  /// and the other axes in physical order (batch stays leading), scaled;
  /// `out` is the view of that arrangement. For ops along the last axis.
  Value lastAxis(const Val &x, View &out, const std::string &what) {
    View v = viewOf(x);
    if (!x.view) {
      out = v;
      return scaled(x.phys, x);
    }
    requireNoBroadcast(v, what);
    auto groups = groupsOf(v);
    std::vector<int> others;
    for (size_t g = 0; g + 1 < groups.size(); ++g)
      others.insert(others.end(), groups[g].begin(), groups[g].end());
    std::sort(others.begin(), others.end());
    std::vector<int> order = others, merge(others.size(), 1);
    order.insert(order.end(), groups.back().begin(), groups.back().end());
    merge.push_back(int(groups.back().size()));
    Value r = arrange(x, order, merge);
    out = View();
    for (int j : others)
      out.s.push_back(v.s[j]);
    Sym last{1, false};
    for (int j : groups.back())
      last = symArith("Mul", last, v.s[j]);
    out.s.push_back(last);
    out.phys = out.s;
    out.bcast.assign(out.s.size(), 0);
    std::vector<std::vector<int>> og;
    for (size_t g = 0; g + 1 < groups.size(); ++g) {
      og.emplace_back();
      for (int j : groups[g])
        og.back().push_back(int(std::find(others.begin(), others.end(), j) - others.begin()));
    }
    og.push_back({int(others.size())});
    setGroups(out, og);
    return scaled(r, x);
  }
  /// A last-axis op's result: `r` in `view`'s layout with the last axis now `n`.
  Val lastAxisResult(const Val &like, Value r, View view, Sym n) {
    view.s.back() = n;
    view.phys.back() = n;
    Val out = viewed(like, r, view);
    out.negated = false;
    return out;
  }
  /// tfx.linear of x (weight [n, K], optional bias) along its last axis.
  Val linearOf(const Val &x, Value weight, Value bias, int64_t n) {
    View view;
    Value input = lastAxis(x, view, "the input");
    std::vector<Sym> dims = view.phys;
    dims.back() = {n, false};
    Value out = b.create<LinearOp>(loc(), typeOf(dims, b.getF32Type()), input, weight, bias);
    return lastAxisResult(x, out, view, {n, false});
  }
  std::string hint() {
    return node && node->output_size() ? node->output(0) : std::string("constant");
  }

  /// Registers `data` under `name` (same name twice: the same data).
  void addWeight(const std::string &name, const std::vector<int64_t> &shape,
                 const std::vector<float> &data, bool transposedLayout) {
    if (weights.transposed.count(name) != transposedLayout && weights.index.count(name))
      fail("initializer '" + name + "' is used both as a MatMul weight (stored "
           "transposed as a linear weight) and as a plain tensor");
    auto it = weights.index.find(name);
    if (it != weights.index.end()) {
      const rt::Tensor &t = weights.tensors[it->second].second;
      if (t.shape() != shape ||
          std::memcmp(t.data(), data.data(), data.size() * sizeof(float)) != 0)
        fail("two different tensors are named '" + name + "' (in different graphs)");
      return;
    }
    rt::Tensor t(rt::DType::F32, shape);
    std::memcpy(t.data(), data.data(), data.size() * sizeof(float));
    weights.index[name] = weights.tensors.size();
    weights.tensors.emplace_back(name, std::move(t));
    if (transposedLayout)
      weights.transposed.insert(name);
  }

  Value paramOf(const std::string &name, const std::vector<int64_t> &shape,
                const std::vector<float> &data, bool transposedLayout = false) {
    addWeight(name, shape, data, transposedLayout);
    return b.create<ParamOp>(
        loc(), RankedTensorType::get(SmallVector<int64_t>(shape.begin(), shape.end()),
                                     b.getF32Type()),
        b.getStringAttr(name));
  }

  /// A host float tensor as an IR value.
  Value materialize(const Host &h, const char *what) {
    if (h.elem != Elem::Float) {
      // Integer and bool results of import-time computations (Shape, Equal
      // on constants, ...) become i64 / i1 constants.
      bool isBool = h.elem == Elem::Bool;
      auto type = RankedTensorType::get(SmallVector<int64_t>(h.shape.begin(), h.shape.end()),
                                        isBool ? b.getI1Type() : b.getI64Type());
      if (isBool) {
        SmallVector<bool> data;
        for (const Sym &s : h.i)
          data.push_back(s.k != 0);
        return b.create<ConstantOp>(loc(), type,
                                    DenseElementsAttr::get(type, llvm::ArrayRef<bool>(data)));
      }
      SmallVector<int64_t> data;
      for (const Sym &s : h.i)
        data.push_back(staticInt(s, what));
      return b.create<ConstantOp>(loc(), type,
                                  DenseElementsAttr::get(type, llvm::ArrayRef<int64_t>(data)));
    }
    if (!h.param.empty())
      return paramOf(h.param, h.shape, h.f);
    if (h.size() <= 64) {
      auto type = RankedTensorType::get(SmallVector<int64_t>(h.shape.begin(), h.shape.end()),
                                        b.getF32Type());
      return b.create<ConstantOp>(loc(), type,
                                  DenseElementsAttr::get(type, llvm::ArrayRef<float>(h.f)));
    }
    return paramOf(hint(), h.shape, h.f);
  }
  Value valueOf(Val &v, const char *what) {
    if (v.ln == Val::Ln::Normalized || v.ln == Val::Ln::Scaled)
      return layerNormOf(v, nullptr);
    if (v.ln != Val::Ln::None)
      fail(std::string(what) + " is part of a LayerNorm written with primitive ops "
           "(ReduceMean/Sub/Pow/Sqrt/Div) and is used outside that pattern; tfx-import "
           "raises only the whole pattern to tfx.layer_norm");
    if (v.isHost && v.splatDims)
      fail(std::string(what) + " is a constant of batch-dependent shape " +
           dimsString(*v.splatDims) + " (ConstantOfShape) used other than in a mask");
    if (!v.isHost) {
      if (v.negated)
        fail(std::string(what) + " is a negated mask; tfx-import keeps masks as "
             "'true = keep' and only applies negations through Where");
      return logical(v, what);
    }
    return materialize(v.host, what);
  }

  // Node handlers ---------------------------------------------------------------
  void importNode();
  bool layerNormStep();
  Value layerNormOf(const Val &v, const Host *beta);
  void foldElementwise(const std::string &op);
  void binary(const std::string &op);
  void matmul();
  Value linearWeight(const Host &w, const std::string &biasName = "");
  bool matmulOperands(const Val &a, const Val &w, Value &A, Value &B, View &out);
  void gemm();
  void reshapeTo(Val &x, std::vector<Sym> dims);
  void where();
  Val maskedFill(const Val &x, const Val &cond, bool keepWhen, float fill);
  Val addMask(const Val &x, const std::vector<MaskTerm> &terms, const std::vector<Sym> &maskDims);
  void gather();
  void slice();
  Val sliceAxis(const Val &x, int64_t axis, int64_t start, int64_t size);
  Host shapeInput(int i, const char *what);

  ModuleOp module;
  OpBuilder b;
  WeightTable &weights;
  std::string path;
  int opset = 0;
  std::map<std::string, Val> values;
  std::set<std::string> uses;
  std::map<std::string, const onnx::NodeProto *> soleConsumer;
  std::set<const onnx::NodeProto *> absorbed;
};

std::string describeNode(const onnx::NodeProto &n, int opset) {
  std::string s = "node '" + n.name() + "' (" + n.op_type() + ", opset " +
                  std::to_string(opset) + ", inputs: ";
  for (int i = 0; i < n.input_size(); ++i)
    s += (i ? ", " : "") + ("'" + n.input(i) + "'");
  return s + ")";
}

void GraphImporter::run(const onnx::ModelProto &model, const std::string &functionName) {
  for (const auto &o : model.opset_import())
    if (o.domain().empty() || o.domain() == "ai.onnx")
      opset = static_cast<int>(o.version());
  if (opset == 0)
    fail("the model imports no version of the default ONNX operator set");
  if (opset < kMinOpset || opset > kMaxOpset)
    fail("the model uses ONNX opset " + std::to_string(opset) + "; tfx-import reads opsets " +
         std::to_string(kMinOpset) + " to " + std::to_string(kMaxOpset) +
         " (re-export with opset_version in that range)");
  const onnx::GraphProto &g = model.graph();

  std::set<std::string> initNames;
  for (const auto &t : g.initializer()) {
    if (t.name().empty())
      fail("an initializer has no name");
    Host h = readTensor(t);
    if (h.elem == Elem::Float)
      h.param = t.name();
    values[t.name()] = hostVal(std::move(h));
    initNames.insert(t.name());
  }

  // Arguments: graph inputs that are not initializers.
  SmallVector<Type> argTypes;
  std::vector<std::pair<std::string, std::vector<Sym>>> args;
  std::string batchName;
  for (const auto &input : g.input()) {
    if (initNames.count(input.name()))
      continue;
    const auto &tt = input.type().tensor_type();
    if (!input.type().has_tensor_type() || !tt.has_shape())
      fail("graph input '" + input.name() + "' is not a tensor of known rank");
    Type elem;
    switch (tt.elem_type()) {
    case onnx::TensorProto::FLOAT: elem = b.getF32Type(); break;
    case onnx::TensorProto::INT64: elem = b.getI64Type(); break;
    case onnx::TensorProto::INT32: elem = b.getI32Type(); break;
    case onnx::TensorProto::BOOL: elem = b.getI1Type(); break;
    default:
      fail("graph input '" + input.name() + "' has ONNX element type " +
           std::to_string(tt.elem_type()) + " (float, int64, int32 and bool are supported)");
    }
    std::vector<Sym> dims;
    for (int d = 0; d < tt.shape().dim_size(); ++d) {
      const auto &dim = tt.shape().dim(d);
      if (dim.has_dim_value()) {
        if (dim.dim_value() <= 0)
          fail("graph input '" + input.name() + "' has dimension " + std::to_string(d) +
               " of size " + std::to_string(dim.dim_value()));
        dims.push_back({dim.dim_value(), false});
        continue;
      }
      std::string sym = dim.has_dim_param() ? dim.dim_param() : std::string("?");
      if (d != 0)
        fail("dimension " + std::to_string(d) + " of graph input '" + input.name() +
             "' is symbolic ('" + sym + "'): only the batch dimension (0) may be "
             "dynamic; export with a fixed length (e.g. padded to the maximum)");
      if (!batchName.empty() && sym != batchName)
        fail("graph inputs name their batch dimension differently ('" + batchName +
             "' and '" + sym + "'); all inputs must share one batch size");
      batchName = sym;
      dims.push_back({1, true});
    }
    argTypes.push_back(typeOf(dims, elem));
    args.emplace_back(input.name(), dims);
  }
  if (g.output_size() == 0)
    fail("the graph has no outputs");

  b.setInsertionPointToEnd(module.getBody());
  auto func = b.create<func::FuncOp>(
      NameLoc::get(b.getStringAttr(g.name()), FileLineColLoc::get(b.getStringAttr(path), 0, 0)),
      functionName, b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  for (size_t a = 0; a < args.size(); ++a) {
    func.setArgAttr(a, kNameAttrName, b.getStringAttr(args[a].first));
    values[args[a].first] = runtime(entry->getArgument(a), args[a].second);
  }
  b.setInsertionPointToStart(entry);

  // Uses, for fusing a MatMul with the bias Add that is its only consumer.
  std::map<std::string, std::vector<const onnx::NodeProto *>> consumers;
  for (const auto &n : g.node())
    for (const auto &i : n.input())
      consumers[i].push_back(&n);
  for (const auto &o : g.output())
    consumers[o.name()].push_back(nullptr);
  for (auto &[name, list] : consumers) {
    uses.insert(name);
    if (list.size() == 1 && list[0])
      soleConsumer[name] = list[0];
  }

  for (const auto &n : g.node()) {
    node = &n;
    if (absorbed.count(&n))
      continue;
    try {
      importNode();
    } catch (const ImportError &e) {
      fail(describeNode(n, opset) + ": " + e.message);
    } catch (const std::exception &e) {
      fail(describeNode(n, opset) + ": internal error: " + e.what());
    }
  }
  node = nullptr;

  SmallVector<Value> results;
  SmallVector<Type> resultTypes;
  for (const auto &o : g.output()) {
    Val &v = get(o.name());
    Value r = valueOf(v, ("graph output '" + o.name() + "'").c_str());
    results.push_back(r);
    resultTypes.push_back(r.getType());
  }
  b.create<func::ReturnOp>(func.getLoc(), results);
  func.setType(b.getFunctionType(argTypes, resultTypes));
  for (int o = 0; o < g.output_size(); ++o)
    func.setResultAttr(o, kNameAttrName, b.getStringAttr(g.output(o).name()));
}

/// Import-time evaluation of an elementwise op on host tensors.
void GraphImporter::foldElementwise(const std::string &op) {
  int n = node->input_size();
  std::vector<const Host *> ins;
  for (int i = 0; i < n; ++i)
    ins.push_back(&hostIn(i, "operand"));
  bool logical = op == "Not" || op == "And" || op == "Or" || op == "Xor";
  for (int i = 0; i < n; ++i) {
    bool wantBool = logical || (op == "Where" && i == 0);
    if (wantBool && ins[i]->elem != Elem::Bool)
      fail(op + " input " + std::to_string(i) + " must be bool, got " + elemName(ins[i]->elem));
    if (!wantBool && ins[i]->elem == Elem::Bool && op != "Equal")
      fail(op + " input " + std::to_string(i) + " is bool; a number is expected");
  }
  if (op == "Where" && ins[1]->elem != ins[2]->elem)
    fail("Where branches have different element types");
  if (n == 2 && !logical && op != "Where" && ins[0]->elem != ins[1]->elem)
    fail(op + " of " + elemName(ins[0]->elem) + " and " + elemName(ins[1]->elem) +
         " tensors (ONNX requires one element type)");
  std::vector<int64_t> shape = ins[0]->shape;
  for (int i = 1; i < n; ++i)
    shape = broadcastShapes(shape, ins[i]->shape);
  bool compare = op == "Equal" || op == "Less" || op == "Greater" || op == "Not" ||
                 op == "And" || op == "Or" || op == "Xor";
  Elem outElem = compare ? Elem::Bool
                 : op == "Where" ? ins[1]->elem
                                 : ins[0]->elem;
  Host out = makeHost(outElem, shape);
  int64_t total = numel(shape);
  auto fval = [&](const Host &h, int64_t k) -> double {
    int64_t idx = broadcastIndex(h.shape, shape, k);
    if (h.elem == Elem::Float)
      return h.f[idx];
    return double(staticInt(h.i[idx], "this value"));
  };
  auto sval = [&](const Host &h, int64_t k) -> Sym {
    return h.i[broadcastIndex(h.shape, shape, k)];
  };
  for (int64_t k = 0; k < total; ++k) {
    if (op == "Where") {
      bool c = staticInt(sval(*ins[0], k), "the condition");
      const Host &src = c ? *ins[1] : *ins[2];
      if (src.elem != ins[1]->elem || ins[1]->elem != ins[2]->elem)
        fail("Where branches have different element types");
      copyElem(src, broadcastIndex(src.shape, shape, k), out, k);
      continue;
    }
    if (op == "Not") {
      out.i[k] = {!staticInt(sval(*ins[0], k), "a bool"), false};
      continue;
    }
    bool ints = ins[0]->elem != Elem::Float && (n < 2 || ins[1]->elem != Elem::Float);
    if (ints && !compare && op != "Pow" && op != "Sqrt" && op != "Reciprocal") {
      out.i[k] = n == 1 ? (op == "Neg" ? Sym{-sval(*ins[0], k).k, sval(*ins[0], k).batch}
                                       : (fail(op + " on integers is not supported"), Sym{}))
                        : symArith(op, sval(*ins[0], k), sval(*ins[1], k));
      continue;
    }
    if (compare && ints && op == "Equal") {
      Sym x = sval(*ins[0], k), y = sval(*ins[1], k);
      out.i[k] = {x == y, false};
      if (x.batch != y.batch)
        fail("comparing " + symString(x) + " with " + symString(y) +
             " depends on the batch size");
      continue;
    }
    double x = fval(*ins[0], k), y = n > 1 ? fval(*ins[1], k) : 0.0;
    double r = 0;
    if (op == "Add") r = x + y;
    else if (op == "Sub") r = x - y;
    else if (op == "Mul") r = x * y;
    else if (op == "Div") r = float(x) / float(y);
    else if (op == "Pow") r = std::pow(float(x), float(y));
    else if (op == "Sqrt") r = std::sqrt(float(x));
    else if (op == "Reciprocal") r = 1.0f / float(x);
    else if (op == "Neg") r = -x;
    else if (op == "Exp") r = std::exp(float(x));
    else if (op == "Log") r = std::log(float(x));
    else if (op == "Tanh") r = std::tanh(float(x));
    else if (op == "Sigmoid") r = 1.0f / (1.0f + std::exp(-float(x)));
    else if (op == "Erf") r = std::erf(float(x));
    else if (op == "Relu") r = std::max(x, 0.0);
    else if (op == "Equal") r = x == y;
    else if (op == "Less") r = x < y;
    else if (op == "Greater") r = x > y;
    else if (op == "And") r = (x != 0) && (y != 0);
    else if (op == "Or") r = (x != 0) || (y != 0);
    else if (op == "Xor") r = (x != 0) != (y != 0);
    else if (op == "Max") r = std::max(x, y);
    else if (op == "Min") r = std::min(x, y);
    else fail("internal error: no folder for " + op);
    if (out.elem == Elem::Float)
      out.f[k] = static_cast<float>(r);
    else
      out.i[k] = {static_cast<int64_t>(r), false};
  }
  set(0, hostVal(std::move(out)));
}

void GraphImporter::reshapeTo(Val &x, std::vector<Sym> dims) {
  if (x.isHost) {
    Host h = x.host;
    std::vector<int64_t> shape;
    for (const Sym &s : dims)
      shape.push_back(staticInt(s, "the shape of an import-time tensor"));
    if (numel(shape) != h.size())
      fail("cannot reshape " + shapeString(h.shape) + " to " + shapeString(shape));
    h.shape = shape;
    if (h.shape != x.host.shape)
      h.param.clear(), h.paramT.clear();
    set(0, hostVal(std::move(h)));
    return;
  }
  if (x.isAdditive)
    fail("reshaping an additive attention mask is not supported");
  if (dims == x.dims) {
    set(0, x);
    return;
  }
  View v = viewOf(x);
  std::string why;
  if (reshapeView(v, dims, why)) {
    set(0, withView(x, x.phys, v));
    return;
  }
  // Not expressible as a view: move the data.
  Value r = reshape(logical(x, "the reshaped value (" + why + ")"), dims);
  set(0, runtime(r, dims, x.negated));
}

/// The target of Reshape / Expand / ConstantOfShape as symbolic dims.
Host GraphImporter::shapeInput(int i, const char *what) {
  const Host &h = hostIn(i, what);
  if (h.elem != Elem::Int || h.shape.size() != 1)
    fail(std::string(what) + " must be a 1-D integer tensor");
  return h;
}

/// x (run-time f32) where `cond == keepWhen`, `fill` elsewhere, in x's
/// layout. The mask is arranged to x's physical axes, so a padding mask
/// [B, 1, 1, L] reaches tfx.apply_mask as the matcher knows it.
Val GraphImporter::maskedFill(const Val &x, const Val &cond, bool keepWhen, float fill) {
  if (x.elem() != Elem::Float || x.isAdditive)
    fail("a masked fill needs a run-time float tensor to fill");
  std::vector<Sym> maskDims = symDims(cond);
  if (broadcastDims(x.dims, maskDims) != x.dims)
    fail("a mask of shape " + dimsString(maskDims) + " broadcasts the filled value " +
         dimsString(x.dims) + " to a larger shape");
  View vx = viewOf(x);
  requireNoBroadcast(vx, "the filled value");
  Value mask;
  if (cond.isHost) {
    if (cond.host.elem != Elem::Bool)
      fail("the condition must be bool");
    // keep[i] = (cond[i] == keepWhen); leading unit dims dropped; a
    // lower-triangular square is the causal mask.
    Host m = cond.host;
    while (m.shape.size() > 1 && m.shape[0] == 1)
      m.shape.erase(m.shape.begin());
    for (Sym &v : m.i)
      v = Sym{(v.k != 0) == keepWhen ? 1 : 0, false};
    bool tril = m.shape.size() == 2 && m.shape[0] == m.shape[1];
    for (int64_t r = 0; tril && r < m.shape[0]; ++r)
      for (int64_t col = 0; col < m.shape[1]; ++col)
        tril &= (m.i[r * m.shape[1] + col].k != 0) == (col <= r);
    auto i1 = RankedTensorType::get(SmallVector<int64_t>(m.shape.begin(), m.shape.end()),
                                    b.getI1Type());
    if (tril) {
      mask = b.create<CausalMaskOp>(loc(), i1);
    } else {
      SmallVector<bool> data;
      for (const Sym &v : m.i)
        data.push_back(v.k != 0);
      mask = b.create<ConstantOp>(loc(), i1, DenseElementsAttr::get(i1, llvm::ArrayRef<bool>(data)));
    }
    if (x.view) {
      // The mask covers (at most) the last two logical dimensions: they
      // must be the last two physical axes.
      auto groups = groupsOf(vx);
      size_t r = groups.size(), mr = m.shape.size();
      bool ok = vx.s == vx.phys && mr <= 2 && r >= mr;
      for (size_t k = 0; ok && k < mr; ++k) {
        const auto &g = groups[r - mr + k];
        ok = g.size() == 1 && g[0] == int(vx.s.size() - mr + k);
      }
      if (!ok)
        fail("a constant mask on a value whose layout tfx-import keeps permuted (" +
             dimsString(x.dims) + " over physical " + dimsString(vx.phys) + ")");
    }
  } else {
    if (cond.elem() != Elem::Bool)
      fail("the condition must be bool");
    if (keepWhen == cond.negated)
      fail("the mask keeps the positions where a run-time bool tensor is false; "
           "tfx-import keeps masks as 'true = keep' and cannot negate a graph input "
           "(compute the mask inside the model, e.g. `ids == pad`)");
    if (!x.view && !cond.view) {
      mask = cond.phys;
    } else {
      // Lay the mask's axes along x's physical axes, dimension by dimension.
      View vm = viewOf(cond);
      dropUnitAxes(vm);
      auto gx = groupsOf(vx), gm = groupsOf(vm);
      std::vector<int> map(vx.s.size(), -1);
      size_t off = gx.size() - gm.size();
      auto differ = [&](size_t d) {
        fail("the mask " + dimsString(cond.dims) + " and the masked value " +
             dimsString(x.dims) + " are laid out differently (dimension " +
             std::to_string(d) + ")");
      };
      for (size_t d = 0; d < gm.size(); ++d) {
        const auto &xs = gx[off + d], &ms = gm[d];
        if (ms.empty())
          continue;
        if (ms.size() != xs.size())
          differ(off + d);
        for (size_t k = 0; k < ms.size(); ++k) {
          if (axisSize(vm, ms[k]) != vx.s[xs[k]])
            differ(off + d);
          map[xs[k]] = ms[k];
        }
      }
      std::vector<int> order, merge;
      for (int j : map) {
        if (j >= 0)
          order.push_back(j);
        merge.push_back(j >= 0 ? 1 : 0);
      }
      if (order.size() != vm.s.size())
        fail("the mask " + dimsString(cond.dims) + " does not line up with the masked value " +
             dimsString(x.dims));
      Val m = cond;
      m.view = vm;
      mask = arrange(m, order, merge);
    }
  }
  View out = vx;
  Value input;
  if (x.view) {
    // x's axes in physical order (split if the view splits them).
    std::vector<int> order(vx.s.size()), merge(vx.s.size(), 1);
    std::iota(order.begin(), order.end(), 0);
    input = scaled(arrange(x, order, merge), x);
    out.phys = vx.s;
  } else {
    input = scaled(x.phys, x);
  }
  Value r = b.create<ApplyMaskOp>(loc(), input.getType(), input, mask, b.getF32FloatAttr(fill));
  Val res = viewed(x, r, out);
  res.negated = false;
  return res;
}

void GraphImporter::where() {
  Val &c = in(0);
  Val &x = in(1);
  Val &y = in(2);
  if (c.isHost && x.isHost && y.isHost && !c.splatDims && !x.splatDims && !y.splatDims)
    return foldElementwise("Where");
  std::vector<Sym> outDims = broadcastDims(broadcastDims(symDims(c), symDims(x)), symDims(y));
  auto isSplat = [](const Val &v) {
    return v.isHost && v.host.elem == Elem::Float && v.host.size() >= 1 && v.host.isSplat();
  };
  const float minusInf = -std::numeric_limits<float>::infinity();
  // A run-time condition choosing between constants: an additive mask
  // (PyTorch turns bool masks into 0 / -inf floats), kept symbolic.
  if (!c.isHost && x.isHost && y.isHost && x.host.elem == Elem::Float &&
      y.host.elem == Elem::Float) {
    if (c.elem() != Elem::Bool)
      fail("the condition must be bool");
    Val r;
    r.isHost = false;
    r.isAdditive = true;
    r.dims = outDims;
    auto condPtr = std::make_shared<const Val>(c);
    if (c.isOr) {
      // (a | b) ? -inf : y  ==  y + (a ? -inf : 0) + (b ? -inf : 0).
      if (!isSplat(x) || x.host.f[0] != minusInf ||
          (isSplat(y) ? y.host.f[0] != 0.0f : bool(y.splatDims)))
        fail("Where of a disjunction of masks (Or) is supported as `mask ? -inf : 0` "
             "(or a 0 / -inf table) only");
      if (!isSplat(y))
        r.additive.push_back({nullptr, 0, 0, y.host});
      for (const auto &d : c.disjuncts)
        r.additive.push_back({d, minusInf, 0.0f, Host()});
    } else if (isSplat(x) && isSplat(y)) {
      r.additive.push_back({condPtr, x.host.f[0], y.host.f[0], Host()});
    } else if (isSplat(x) && x.host.f[0] == minusInf && !y.splatDims) {
      r.additive.push_back({nullptr, 0, 0, y.host});
      r.additive.push_back({condPtr, minusInf, 0.0f, Host()});
    } else if (isSplat(y) && y.host.f[0] == minusInf && !x.splatDims) {
      r.additive.push_back({nullptr, 0, 0, x.host});
      r.additive.push_back({condPtr, 0.0f, minusInf, Host()});
    } else {
      fail("Where of a run-time condition between two constant tensors is supported as "
           "an attention mask (0 / -inf) only");
    }
    set(0, r);
    return;
  }
  // A masked fill: result = cond ? x : y with one branch a constant splat.
  bool xFill = isSplat(x) && !y.isHost, yFill = isSplat(y) && !x.isHost;
  if (!xFill && !yFill)
    fail("only Where(mask, value, constant) and Where(mask, constant, value) are "
         "supported on run-time values (a masked fill)");
  Val &kept = yFill ? x : y;
  float fill = yFill ? y.host.f[0] : x.host.f[0];
  if (kept.dims != outDims)
    fail("a masked fill that broadcasts its kept value (" + dimsString(kept.dims) + " to " +
         dimsString(outDims) + ") is not supported");
  if (c.isOr) {
    // Filled where any term is true: one fill per term.
    if (yFill)
      fail("Where that keeps a value where a disjunction of masks (Or) is true is not "
           "supported (only filling there)");
    Val r = kept;
    for (const auto &d : c.disjuncts)
      r = maskedFill(r, *d, /*keepWhen=*/false, fill);
    set(0, r);
    return;
  }
  set(0, maskedFill(kept, c, /*keepWhen=*/yFill, fill));
}

/// x + an additive mask: each term becomes a tfx.apply_mask with -inf.
Val GraphImporter::addMask(const Val &x, const std::vector<MaskTerm> &terms,
                           const std::vector<Sym> &maskDims) {
  if (broadcastDims(x.dims, maskDims) != x.dims)
    fail("an attention mask of shape " + dimsString(maskDims) + " broadcasts the scores " +
         dimsString(x.dims) + " to a larger shape");
  const float minusInf = -std::numeric_limits<float>::infinity();
  Val r = x;
  for (const MaskTerm &t : terms) {
    if (!t.cond) {
      Host keep = makeHost(Elem::Bool, t.table.shape);
      bool any = false;
      for (int64_t k = 0; k < t.table.size(); ++k) {
        float v = t.table.f[k];
        if (v != 0.0f && v != minusInf)
          fail("an additive attention mask holds " + std::to_string(v) +
               " (only 0 and -inf, a boolean mask, are supported)");
        keep.i[k] = Sym{v == 0.0f ? 1 : 0, false};
        any |= v != 0.0f;
      }
      if (!any)
        continue;
      r = maskedFill(r, hostVal(std::move(keep)), true, minusInf);
      continue;
    }
    if (t.onTrue == 0.0f && t.onFalse == 0.0f)
      continue;
    if (t.onTrue == minusInf && t.onFalse == 0.0f)
      r = maskedFill(r, *t.cond, false, minusInf);
    else if (t.onTrue == 0.0f && t.onFalse == minusInf)
      r = maskedFill(r, *t.cond, true, minusInf);
    else
      fail("an additive attention mask of " + std::to_string(t.onTrue) + " / " +
           std::to_string(t.onFalse) + " (only 0 and -inf are supported)");
  }
  return r;
}

/// True when `h` is the sinusoidal table of tfx.positional_encoding for
/// [length, d] (or [1, length, d]), to float32 rounding.
static bool isSinusoidTable(const Host &h, int64_t length, int64_t d) {
  std::vector<int64_t> s = h.shape;
  if (s.size() == 3 && s[0] == 1)
    s.erase(s.begin());
  if (h.elem != Elem::Float || s != std::vector<int64_t>{length, d} || d % 2 != 0)
    return false;
  for (int64_t p = 0; p < length; ++p)
    for (int64_t c = 0; c < d; ++c) {
      double angle = double(p) / std::pow(10000.0, double((c / 2) * 2) / double(d));
      double pe = c % 2 == 0 ? std::sin(angle) : std::cos(angle);
      if (std::fabs(double(h.f[p * d + c]) - pe) > 1e-5)
        return false;
    }
  return true;
}

void GraphImporter::binary(const std::string &op) {
  Val &x = in(0);
  Val &y = in(1);
  if (x.isHost && y.isHost) {
    if (!x.splatDims && !y.splatDims)
      return foldElementwise(op);
    // A batch-dependent splat with a scalar: still a splat.
    if (x.host.size() != 1 || y.host.size() != 1)
      fail(op + " of a constant of batch-dependent shape with a non-scalar constant");
    std::vector<Sym> dims = broadcastDims(symDims(x), symDims(y));
    foldElementwise(op);
    values[node->output(0)].splatDims = dims;
    return;
  }
  const float minusInf = -std::numeric_limits<float>::infinity();
  auto hostScalar = [](const Val &v) {
    return v.isHost && v.host.elem == Elem::Float && v.host.size() == 1;
  };
  auto isMaskTable = [&](const Val &v) {
    if (!v.isHost || v.splatDims || v.host.elem != Elem::Float || v.host.size() < 2)
      return false;
    bool any = false;
    for (float f : v.host.f) {
      if (f != 0.0f && f != minusInf)
        return false;
      any |= f == minusInf;
    }
    return any;
  };
  // Additive masks: scaled by constants, summed, and finally added to scores.
  if (x.isAdditive || y.isAdditive) {
    Val &m = x.isAdditive ? x : y;
    Val &o = x.isAdditive ? y : x;
    std::vector<Sym> dims = broadcastDims(symDims(x), symDims(y));
    if (op == "Mul" && hostScalar(o) && o.host.f[0] > 0.0f) {
      Val r = m;
      r.dims = dims;
      for (MaskTerm &t : r.additive) {
        t.onTrue *= o.host.f[0], t.onFalse *= o.host.f[0];
        for (float &f : t.table.f)
          f *= o.host.f[0];
      }
      set(0, r);
      return;
    }
    if (op == "Add" && (o.isAdditive || (o.isHost && !o.splatDims && o.host.elem == Elem::Float))) {
      Val r = m;
      r.dims = dims;
      if (o.isAdditive)
        r.additive.insert(r.additive.end(), o.additive.begin(), o.additive.end());
      else
        r.additive.push_back({nullptr, 0, 0, o.host});
      set(0, r);
      return;
    }
    if (op == "Add" && !o.isHost && o.elem() == Elem::Float) {
      set(0, addMask(o, m.additive, m.dims));
      return;
    }
    fail(op + " of an additive attention mask (0 / -inf) with " +
         (o.isHost ? std::string("a constant") : std::string("a run-time value")) +
         " is not supported; such masks are added to attention scores");
  }
  Val &rt = x.isHost ? y : x;
  Val &host = x.isHost ? x : y;
  if (!rt.isHost && host.isHost && rt.elem() == Elem::Float && !host.splatDims) {
    // Import-time raises that keep one spelling per computation:
    //  * table[ids] * c, the embedding's only use -> tfx.embedding {scale = c};
    //  * x + PE[:L] with the sinusoidal table -> tfx.positional_encoding.
    bool plain = !rt.view && rt.mul == 1.0f && rt.div == 1.0f;
    auto embedding = plain ? rt.phys.getDefiningOp<EmbeddingOp>() : EmbeddingOp();
    if (op == "Mul" && embedding && host.host.size() == 1 && host.host.shape.size() <= 1 &&
        embedding.getScale().convertToFloat() == 1.0f && rt.phys.use_empty()) {
      auto it = soleConsumer.find(x.isHost ? node->input(1) : node->input(0));
      if (it != soleConsumer.end() && it->second == node) {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPoint(embedding);
        Value scaledEmb = b.create<EmbeddingOp>(embedding.getLoc(), embedding.getType(),
                                                embedding.getIds(), embedding.getTable(),
                                                b.getF32FloatAttr(host.host.f[0]));
        // The unscaled op is left for canonicalization to drop: an Identity
        // may alias it under another name.
        set(0, runtime(scaledEmb, rt.dims));
        return;
      }
    }
    if (plain && op == "Add" && rt.dims.size() == 3 && !rt.dims[1].batch && !rt.dims[2].batch &&
        isSinusoidTable(host.host, rt.dims[1].k, rt.dims[2].k)) {
      Value r = b.create<PositionalEncodingOp>(loc(), rt.phys.getType(), rt.phys);
      set(0, runtime(r, rt.dims));
      return;
    }
    // Scaling by a constant stays pending (see Val::mul).
    if (hostScalar(host) && std::isfinite(host.host.f[0]) && host.host.f[0] != 0.0f &&
        host.host.shape.size() <= rt.dims.size() &&
        (op == "Mul" || (op == "Div" && !x.isHost))) {
      Val r = rt;
      (op == "Mul" ? r.mul : r.div) *= host.host.f[0];
      if (std::isfinite(r.mul) && std::isfinite(r.div) && r.mul != 0.0f && r.div != 0.0f) {
        set(0, r);
        return;
      }
    }
    // Scores plus a 0 / -inf table: a mask.
    if (op == "Add" && isMaskTable(host)) {
      set(0, addMask(rt, {MaskTerm{nullptr, 0, 0, host.host}}, symDims(host)));
      return;
    }
  }
  if (x.elem() != Elem::Float || y.elem() != Elem::Float)
    fail(op + " of run-time " + elemName(x.elem()) + " and " + elemName(y.elem()) +
         " tensors is not supported (only float arithmetic runs at run time)");
  std::vector<Sym> dims = broadcastDims(symDims(x), symDims(y));
  RankedTensorType t;
  auto emit = [&](Value l, Value r) -> Value {
    if (op == "Add") return b.create<AddOp>(loc(), t, l, r);
    if (op == "Sub") return b.create<SubOp>(loc(), t, l, r);
    if (op == "Mul") return b.create<MulOp>(loc(), t, l, r);
    return b.create<DivOp>(loc(), t, l, r);
  };
  // Same layout on both sides, or a scalar: elementwise on the physical
  // values, the layout kept.
  bool sameView = !x.isHost && !y.isHost && x.view && y.view && x.dims == y.dims &&
                  sameLayout(*x.view, *y.view) && !hasBroadcast(*x.view);
  bool scalarSide = (rt.view && hostScalar(host) && host.host.shape.size() <= rt.dims.size() &&
                     !hasBroadcast(*rt.view));
  if (sameView || scalarSide) {
    View v = *rt.view;
    Value l = x.isHost ? splat(x.host.f[0]) : scaled(x.phys, x);
    Value r = y.isHost ? splat(y.host.f[0]) : scaled(y.phys, y);
    t = typeOf(v.phys, b.getF32Type());
    set(0, viewed(rt, emit(l, r), v));
    return;
  }
  Value l = valueOf(x, "the left operand"), r = valueOf(y, "the right operand");
  t = typeOf(dims, b.getF32Type());
  set(0, runtime(emit(l, r), dims));
}

/// tfx.linear takes PyTorch's [out, in] weight: the transpose of a MatMul's
/// [K, N] operand. The transpose of an initializer is that initializer;
/// anything else is stored transposed under its own name.
Value GraphImporter::linearWeight(const Host &w, const std::string &biasName) {
  if (!w.paramT.empty()) {
    const Host &orig = values.at(w.paramT).host;
    return paramOf(w.paramT, orig.shape, orig.f);
  }
  int64_t K = w.shape[0], N = w.shape[1];
  std::vector<float> t(size_t(K * N));
  for (int64_t k = 0; k < K; ++k)
    for (int64_t n = 0; n < N; ++n)
      t[n * K + k] = w.f[k * N + n];
  // PyTorch's exporter folds Transpose(weight) into an anonymous
  // initializer ("onnx::MatMul_123"); the bias still has the module's name
  // ("....in_proj_bias", "....bias"), so the weight gets the matching one.
  std::string name = w.param.empty() ? hint() : w.param;
  if (llvm::StringRef(name).starts_with("onnx::")) {
    llvm::StringRef bn(biasName);
    if (bn.ends_with("_bias"))
      name = bn.drop_back(5).str() + "_weight";
    else if (bn.ends_with(".bias"))
      name = bn.drop_back(5).str() + ".weight";
    auto taken = weights.index.find(name);
    if (name != w.param &&
        (values.count(name) ||
         (taken != weights.index.end() &&
          (weights.tensors[taken->second].second.shape() != std::vector<int64_t>{N, K} ||
           std::memcmp(weights.tensors[taken->second].second.data(), t.data(),
                       t.size() * sizeof(float)) != 0))))
      name = w.param;  // taken by another tensor: keep the exporter's name
  }
  return paramOf(name, {N, K}, t, /*transposed=*/true);
}

/// Both operands of a batched MatMul arranged as [batch axes..., M, K] and
/// [batch axes..., K, N] with the batch axes in physical order; false when
/// their layouts differ. `out` gets the result's view (N to be set).
bool GraphImporter::matmulOperands(const Val &a, const Val &w, Value &A, Value &B, View &out) {
  View va = viewOf(a), vw = viewOf(w);
  if (hasBroadcast(va) || hasBroadcast(vw))
    return false;
  auto ga = groupsOf(va), gw = groupsOf(vw);
  size_t n = ga.size();
  if (gw.size() != n || n < 2)
    return false;
  std::vector<int> batchA, batchW;
  for (size_t g = 0; g + 2 < n; ++g) {
    if (ga[g].size() != gw[g].size())
      return false;
    batchA.insert(batchA.end(), ga[g].begin(), ga[g].end());
    batchW.insert(batchW.end(), gw[g].begin(), gw[g].end());
  }
  std::vector<int> sortedA = batchA, sortedW = batchW;
  std::sort(sortedA.begin(), sortedA.end());
  std::sort(sortedW.begin(), sortedW.end());
  auto rankIn = [](const std::vector<int> &sorted, int j) {
    return int(std::find(sorted.begin(), sorted.end(), j) - sorted.begin());
  };
  for (size_t k = 0; k < batchA.size(); ++k)
    if (rankIn(sortedA, batchA[k]) != rankIn(sortedW, batchW[k]) ||
        va.s[batchA[k]] != vw.s[batchW[k]])
      return false;
  auto operand = [&](const Val &x, const std::vector<int> &sorted,
                     const std::vector<std::vector<int>> &g) {
    std::vector<int> order = sorted, merge(sorted.size(), 1);
    for (size_t d = n - 2; d < n; ++d) {
      order.insert(order.end(), g[d].begin(), g[d].end());
      merge.push_back(int(g[d].size()));
    }
    return arrange(x, order, merge);
  };
  A = operand(a, sortedA, ga);
  B = operand(w, sortedW, gw);
  out = View();
  for (int j : sortedA)
    out.s.push_back(va.s[j]);
  out.s.push_back(a.dims[n - 2]);
  out.s.push_back(w.dims[n - 1]);
  out.phys = out.s;
  out.bcast.assign(out.s.size(), 0);
  std::vector<std::vector<int>> groups;
  size_t at = 0;
  for (size_t g = 0; g + 2 < n; ++g) {
    groups.emplace_back();
    for (size_t k = 0; k < ga[g].size(); ++k)
      groups.back().push_back(rankIn(sortedA, batchA[at++]));
  }
  groups.push_back({int(sortedA.size())});
  groups.push_back({int(sortedA.size()) + 1});
  setGroups(out, groups);
  return true;
}

void GraphImporter::matmul() {
  Val &a = in(0);
  Val &w = in(1);
  if (a.isHost && w.isHost)
    fail("MatMul of two import-time tensors is not folded (it would be a weight "
         "computed at import time); export with constant folding on");
  if (a.isHost)
    fail("MatMul with an import-time left operand is not supported");
  if (!w.isHost) {
    if (a.dims.size() != w.dims.size() || a.dims.size() < 2)
      fail("MatMul of run-time values needs operands of the same rank (at least 2), "
           "got " + dimsString(a.dims) + " and " + dimsString(w.dims));
    if (a.elem() != Elem::Float || w.elem() != Elem::Float || a.isAdditive || w.isAdditive)
      fail("MatMul of run-time values needs float tensors");
    size_t r = a.dims.size();
    for (size_t d = 0; d + 2 < r; ++d)
      if (a.dims[d] != w.dims[d])
        fail("MatMul with broadcast batch dimensions " + dimsString(a.dims) + " x " +
             dimsString(w.dims) + " is not supported");
    if (a.dims[r - 1] != w.dims[r - 2])
      fail("MatMul shapes " + dimsString(a.dims) + " and " + dimsString(w.dims) +
           " do not agree");
    std::vector<Sym> dims = a.dims;
    dims[r - 1] = w.dims[r - 1];
    Value A, B;
    View out;
    if (matmulOperands(a, w, A, B, out)) {
      // Scales stay pending through the product: (q / c) k^T = (q k^T) / c.
      std::vector<Sym> pd = out.phys;
      Value prod = b.create<MatmulOp>(loc(), typeOf(pd, b.getF32Type()), A, B);
      Val res = viewed(a, prod, out);
      res.mul = a.mul * w.mul, res.div = a.div * w.div;
      set(0, res);
      return;
    }
    Value prod = b.create<MatmulOp>(loc(), typeOf(dims, b.getF32Type()), valueOf(a, "lhs"),
                                    valueOf(w, "rhs"));
    set(0, runtime(prod, dims));
    return;
  }
  const Host &wh = w.host;
  if (wh.elem != Elem::Float || wh.shape.size() != 2 || w.splatDims)
    fail("MatMul by an import-time tensor needs a 2-D float weight, got " +
         shapeString(wh.shape));
  int64_t K = wh.shape[0], N = wh.shape[1];
  if (a.dims.empty() || a.dims.back() != Sym{K, false} || a.elem() != Elem::Float ||
      a.isAdditive)
    fail("MatMul shapes " + dimsString(a.dims) + " and " + shapeString(wh.shape) +
         " do not agree");
  // A bias Add that is the MatMul's only consumer becomes the linear's bias.
  Value bias;
  const onnx::NodeProto *add = nullptr;
  std::string biasName;
  auto it = soleConsumer.find(node->output(0));
  if (it != soleConsumer.end() && it->second->op_type() == "Add" &&
      it->second->input_size() == 2 && it->second->output_size() >= 1 &&
      !it->second->output(0).empty() && !values.count(it->second->output(0))) {
    const onnx::NodeProto *cand = it->second;
    const std::string &other =
        cand->input(0) == node->output(0) ? cand->input(1) : cand->input(0);
    auto ov = values.find(other);
    if (ov != values.end() && ov->second.isHost && !ov->second.splatDims &&
        ov->second.host.elem == Elem::Float &&
        ov->second.host.shape == std::vector<int64_t>{N}) {
      bias = materialize(ov->second.host, "the bias");
      biasName = ov->second.host.param;
      add = cand;
    }
  }
  Val res = linearOf(a, linearWeight(wh, biasName), bias, N);
  set(0, res);
  if (add) {
    values[add->output(0)] = res;
    absorbed.insert(add);
  }
}

void GraphImporter::gemm() {
  if (intAttr("transA", 0) != 0 || floatAttr("alpha", 1.0f) != 1.0f ||
      floatAttr("beta", 1.0f) != 1.0f)
    fail("Gemm with transA, alpha != 1 or beta != 1 is not supported");
  Val &a = in(0);
  if (a.isHost || a.dims.size() != 2 || a.elem() != Elem::Float || a.isAdditive)
    fail("Gemm needs a 2-D run-time float input");
  const Host &w = hostIn(1, "the weight");
  if (w.elem != Elem::Float || w.shape.size() != 2)
    fail("Gemm needs a 2-D float weight");
  bool transB = intAttr("transB", 0) != 0;
  int64_t K = transB ? w.shape[1] : w.shape[0], N = transB ? w.shape[0] : w.shape[1];
  if (a.dims[1] != Sym{K, false})
    fail("Gemm shapes " + dimsString(a.dims) + " and " + shapeString(w.shape) +
         " do not agree");
  Value bias;
  std::string biasName;
  if (has(2)) {
    const Host &c = hostIn(2, "the bias");
    if (c.elem != Elem::Float || c.shape != std::vector<int64_t>{N})
      fail("Gemm's C must be a float vector of " + std::to_string(N) + " (got " +
           shapeString(c.shape) + ")");
    bias = materialize(c, "the bias");
    biasName = c.param;
  }
  Value weight = transB ? materialize(w, "the weight") : linearWeight(w, biasName);
  set(0, linearOf(a, weight, bias, N));
}

void GraphImporter::gather() {
  int64_t axisAttr = intAttr("axis", 0);
  Val &data = in(0);
  Val &idx = in(1);
  if (data.isHost && idx.isHost) {
    const Host &d = data.host;
    const Host &ix = idx.host;
    if (ix.elem != Elem::Int)
      fail("Gather indices must be integers");
    int64_t axis = normAxis(axisAttr, d.shape.size());
    std::vector<int64_t> shape(d.shape.begin(), d.shape.begin() + axis);
    shape.insert(shape.end(), ix.shape.begin(), ix.shape.end());
    shape.insert(shape.end(), d.shape.begin() + axis + 1, d.shape.end());
    Host out = makeHost(d.elem, shape);
    int64_t outer = 1, inner = 1, n = d.shape[axis];
    for (int64_t k = 0; k < axis; ++k) outer *= d.shape[k];
    for (size_t k = axis + 1; k < d.shape.size(); ++k) inner *= d.shape[k];
    int64_t m = ix.size();
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t j = 0; j < m; ++j) {
        int64_t at = staticInt(ix.i[j], "a Gather index");
        if (at < -n || at >= n)
          fail("Gather index " + std::to_string(at) + " is out of range for a dimension of " +
               std::to_string(n));
        if (at < 0) at += n;
        for (int64_t q = 0; q < inner; ++q)
          copyElem(d, (o * n + at) * inner + q, out, (o * m + j) * inner + q);
      }
    set(0, hostVal(std::move(out)));
    return;
  }
  if (data.isHost) {
    // Embedding lookup: a float table indexed by run-time ids along axis 0.
    if (data.host.elem != Elem::Float || data.host.shape.size() != 2 ||
        normAxis(axisAttr, 2) != 0 || idx.elem() != Elem::Int)
      fail("Gather of an import-time tensor by run-time indices is supported as an "
           "embedding lookup only (a 2-D float table, axis 0, integer ids)");
    Value table = materialize(data.host, "the embedding table");
    std::vector<Sym> dims = idx.dims;
    dims.push_back({data.host.shape[1], false});
    Value out = b.create<EmbeddingOp>(loc(), typeOf(dims, b.getF32Type()),
                                      valueOf(idx, "the ids"), table,
                                      b.getF32FloatAttr(1.0f));
    set(0, runtime(out, dims));
    return;
  }
  // A run-time tensor indexed by an import-time scalar: a slice of one.
  const Host &ix = idx.host;
  if (!idx.isHost || ix.elem != Elem::Int || ix.size() != 1 || ix.shape.size() > 1)
    fail("Gather of a run-time tensor is supported with one import-time index only");
  int64_t axis = normAxis(axisAttr, data.dims.size());
  if (data.dims[axis].batch)
    fail("Gather along the batch dimension is not supported");
  int64_t n = data.dims[axis].k, at = staticInt(ix.i[0], "a Gather index");
  if (at < -n || at >= n)
    fail("Gather index " + std::to_string(at) + " is out of range for a dimension of " +
         std::to_string(n));
  if (at < 0) at += n;
  Val sliced = sliceAxis(data, axis, at, 1);
  std::vector<Sym> dims = sliced.dims;
  if (ix.shape.empty())
    dims.erase(dims.begin() + axis);
  reshapeTo(sliced, dims);
}

void GraphImporter::slice() {
  Val &x = in(0);
  std::vector<int64_t> starts = staticInts(hostIn(1, "starts"), "starts");
  std::vector<int64_t> ends = staticInts(hostIn(2, "ends"), "ends");
  size_t r = x.rank();
  std::vector<int64_t> axes, steps(starts.size(), 1);
  if (has(3)) {
    axes = staticInts(hostIn(3, "axes"), "axes");
  } else {
    for (size_t k = 0; k < starts.size(); ++k)
      axes.push_back(k);
  }
  if (has(4))
    steps = staticInts(hostIn(4, "steps"), "steps");
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    fail("starts, ends, axes and steps differ in length");
  std::vector<Sym> dims = symDims(x);
  // Per axis: [start, start + size) after clamping (ONNX semantics, step 1).
  std::vector<std::tuple<int64_t, int64_t, int64_t>> cuts;
  std::set<int64_t> seenAxes;
  for (size_t k = 0; k < starts.size(); ++k) {
    int64_t axis = normAxis(axes[k], r);
    if (!seenAxes.insert(axis).second)
      fail("Slice axes repeat axis " + std::to_string(axis));
    if (steps[k] != 1)
      fail("Slice with step " + std::to_string(steps[k]) + " is not supported (only 1)");
    if (dims[axis].batch) {
      if (starts[k] != 0 || ends[k] < std::numeric_limits<int32_t>::max())
        fail("Slice along the batch dimension is supported only as the full range");
      continue;
    }
    int64_t n = dims[axis].k;
    auto clampIdx = [&](int64_t v) {
      if (v < 0) v = v < -n ? 0 : v + n;
      return std::min(v, n);
    };
    int64_t s = clampIdx(starts[k]), e = clampIdx(ends[k]);
    int64_t size = std::max<int64_t>(0, e - s);
    if (size == 0)
      fail("Slice produces an empty tensor along axis " + std::to_string(axis));
    cuts.emplace_back(axis, s, size);
  }
  if (x.isHost) {
    Host cur = x.host;
    // Rows of an initializer keep a name derived from it ("w[0:32]"), so
    // that a weight sliced at import time is still bound by name.
    std::string rowsOf;
    if (!cur.param.empty() && cur.elem == Elem::Float && cuts.size() == 1 &&
        std::get<0>(cuts[0]) == 0 &&
        std::get<2>(cuts[0]) != (cur.shape.empty() ? 0 : cur.shape[0])) {
      rowsOf = sliceName(cur.param, std::get<1>(cuts[0]),
                         std::get<1>(cuts[0]) + std::get<2>(cuts[0]));
      if (values.count(rowsOf) && values.at(rowsOf).host.param != rowsOf)
        rowsOf.clear();  // the name is taken by a graph value
    }
    for (auto [axis, s, size] : cuts) {
      if (s == 0 && size == cur.shape[axis])
        continue;
      std::vector<int64_t> shape = cur.shape;
      shape[axis] = size;
      Host out = makeHost(cur.elem, shape);
      int64_t outer = 1, inner = 1, n = cur.shape[axis];
      for (int64_t q = 0; q < axis; ++q) outer *= cur.shape[q];
      for (size_t q = axis + 1; q < cur.shape.size(); ++q) inner *= cur.shape[q];
      for (int64_t o = 0; o < outer; ++o)
        for (int64_t j = 0; j < size; ++j)
          for (int64_t q = 0; q < inner; ++q)
            copyElem(cur, (o * n + s + j) * inner + q, out, (o * size + j) * inner + q);
      cur = std::move(out);
    }
    if (!rowsOf.empty()) {
      cur.param = rowsOf;
      values[rowsOf] = hostVal(cur);  // for the transposed view (Host::paramT)
    }
    set(0, hostVal(std::move(cur)));
    return;
  }
  Val cur = x;
  for (auto [axis, s, size] : cuts) {
    if (s == 0 && size == dims[axis].k)
      continue;
    cur = sliceAxis(cur, axis, s, size);
  }
  set(0, cur);
}

/// x[..., start : start + size, ...] along logical `axis`. Along the last
/// axis of a linear's output, the linear itself is sliced (rows of its
/// weight and bias): a packed projection (nn.MultiheadAttention's
/// in_proj) becomes one linear per Q, K and V, as the matcher expects.
Val GraphImporter::sliceAxis(const Val &x, int64_t axis, int64_t start, int64_t size) {
  if (x.isAdditive)
    fail("slicing an additive attention mask is not supported");
  View v = viewOf(x);
  auto groups = groupsOf(v);
  bool lastPhys = axis == int64_t(groups.size()) - 1 && groups.back().size() == 1 &&
                  groups.back()[0] == int(v.s.size()) - 1 && v.s.back() == v.phys.back() &&
                  !hasBroadcast(v);
  if (!x.view || lastPhys) {
    int64_t physAxis = x.view ? int64_t(v.phys.size()) - 1 : axis;
    std::vector<Sym> pd = v.phys;
    pd[physAxis] = {size, false};
    Value r;
    auto lin = x.phys.getDefiningOp<LinearOp>();
    auto wp = lin ? lin.getWeight().getDefiningOp<ParamOp>() : ParamOp();
    auto bp = lin && lin.getBias() ? lin.getBias().getDefiningOp<ParamOp>() : ParamOp();
    auto bc = lin && lin.getBias() ? lin.getBias().getDefiningOp<ConstantOp>() : ConstantOp();
    if (physAxis == int64_t(pd.size()) - 1 && wp && (!lin.getBias() || bp || bc) &&
        weights.index.count(wp.getName().str()) &&
        (!bp || weights.index.count(bp.getName().str()))) {
      auto rows = [&](const std::string &name) -> Value {
        const rt::Tensor &t = weights.tensors[weights.index.at(name)].second;
        std::vector<int64_t> shape = t.shape();
        int64_t inner = 1;
        for (size_t k = 1; k < shape.size(); ++k)
          inner *= shape[k];
        const float *src = static_cast<const float *>(t.data());
        std::vector<float> part(src + start * inner, src + (start + size) * inner);
        shape[0] = size;
        return paramOf(sliceName(name, start, start + size), shape, part,
                       weights.transposed.count(name) != 0);
      };
      Value w = rows(wp.getName().str());
      Value bias = bp ? rows(bp.getName().str()) : Value();
      if (bc) {
        auto dense = llvm::cast<DenseElementsAttr>(bc.getValue());
        std::vector<float> all(dense.getValues<float>().begin(), dense.getValues<float>().end());
        std::vector<float> part(all.begin() + start, all.begin() + start + size);
        auto type = RankedTensorType::get({size}, b.getF32Type());
        bias = b.create<ConstantOp>(loc(), type, DenseElementsAttr::get(type, llvm::ArrayRef<float>(part)));
      }
      r = b.create<LinearOp>(loc(), typeOf(pd, b.getF32Type()), lin.getInput(), w, bias);
    } else {
      r = b.create<SliceOp>(loc(), typeOf(pd, elemOf(x.phys)), x.phys,
                            b.getI64IntegerAttr(physAxis), b.getI64IntegerAttr(start),
                            b.getI64IntegerAttr(size));
    }
    View out = v;
    out.phys = pd;
    if (x.view)
      out.s.back() = {size, false};
    else
      out = trivialView(pd);
    return withView(x, r, out);
  }
  std::vector<Sym> dims = x.dims;
  dims[axis] = {size, false};
  Value l = logical(x, "the sliced value");
  Value r = b.create<SliceOp>(loc(), typeOf(dims, elemOf(l)), l, b.getI64IntegerAttr(axis),
                              b.getI64IntegerAttr(start), b.getI64IntegerAttr(size));
  return runtime(r, dims, x.negated);
}

/// tfx.layer_norm of a completed pattern: gamma from the Scaled step (else
/// ones), beta given (else zeros).
Value GraphImporter::layerNormOf(const Val &v, const Host *beta) {
  int64_t d = v.dims.back().k;
  Host ones = makeHost(Elem::Float, {d}), zeros = makeHost(Elem::Float, {d});
  std::fill(ones.f.begin(), ones.f.end(), 1.0f);
  Value g = v.ln == Val::Ln::Scaled ? materialize(v.lnGamma, "the LayerNorm scale")
                                    : paramOf(hint() + ".ln_weight", {d}, ones.f);
  Value bv = beta ? materialize(*beta, "the LayerNorm bias")
                  : paramOf(hint() + ".ln_bias", {d}, zeros.f);
  Val src = v;
  src.ln = Val::Ln::None;
  Value x = logical(src, "the normalized value");
  return b.create<LayerNormOp>(loc(), x.getType(), x, g, bv, b.getF32FloatAttr(v.lnEps));
}

/// a and c are the same run-time value (same physical value, layout, scale).
static bool sameValue(const Val &a, const Val &c) {
  if (a.isHost || c.isHost || a.phys != c.phys || a.mul != c.mul || a.div != c.div ||
      a.view.has_value() != c.view.has_value())
    return false;
  return !a.view || sameLayout(*a.view, *c.view);
}

/// One step of LayerNorm written with primitive ops; true if `node` was one.
bool GraphImporter::layerNormStep() {
  using Ln = Val::Ln;
  const std::string &op = node->op_type();
  auto lazy = [&](const Val &from, Ln step) {
    Val v = from;
    v.ln = step;
    return v;
  };
  auto hostScalar = [&](int i, float &out) {
    if (!has(i) || !in(i).isHost || in(i).host.elem != Elem::Float || in(i).host.size() != 1)
      return false;
    out = in(i).host.f[0];
    return true;
  };
  auto hostVector = [&](int i, int64_t d) {
    return has(i) && in(i).isHost && in(i).host.elem == Elem::Float &&
           (in(i).host.shape == std::vector<int64_t>{d});
  };
  if (op == "ReduceMean" && node->input_size() == 1 && !in(0).isHost) {
    const Val &x = in(0);
    int64_t r = x.dims.size();
    auto axes = intsAttr("axes");
    if (!axes || axes->size() != 1 || normAxis((*axes)[0], r) != r - 1 ||
        intAttr("keepdims", 1) != 1)
      fail("ReduceMean on run-time values is supported only as part of LayerNorm "
           "(ReduceMean over the last axis, keepdims)");
    if (x.ln == Ln::None) {
      set(0, lazy(x, Ln::Mean));
      return true;
    }
    if (x.ln == Ln::Square) {
      set(0, lazy(x, Ln::Var));
      return true;
    }
    fail("ReduceMean of part of a LayerNorm pattern that is not its squared deviation");
  }
  if (node->input_size() == 2 && has(0) && has(1)) {
    Val &a = in(0);
    Val &c = in(1);
    if (op == "Sub" && !a.isHost && a.ln == Ln::None && c.ln == Ln::Mean && sameValue(a, c)) {
      set(0, lazy(a, Ln::Centered));
      return true;
    }
    float k;
    if (op == "Pow" && a.ln == Ln::Centered && hostScalar(1, k) && k == 2.0f) {
      set(0, lazy(a, Ln::Square));
      return true;
    }
    if (op == "Mul" && a.ln == Ln::Centered && c.ln == Ln::Centered && sameValue(a, c)) {
      set(0, lazy(a, Ln::Square));
      return true;
    }
    if (op == "Add" && a.ln == Ln::Var && hostScalar(1, k)) {
      Val v = lazy(a, Ln::VarEps);
      v.lnEps = k;
      set(0, v);
      return true;
    }
    if (op == "Div" && a.ln == Ln::Centered && c.ln == Ln::Std && sameValue(a, c)) {
      Val v = lazy(a, Ln::Normalized);
      v.lnEps = c.lnEps;
      set(0, v);
      return true;
    }
    int64_t d = a.isHost || a.dims.empty() ? 0 : a.dims.back().k;
    if (op == "Mul" && a.ln == Ln::Normalized && hostVector(1, d)) {
      Val v = lazy(a, Ln::Scaled);
      v.lnGamma = c.host;
      set(0, v);
      return true;
    }
    if (op == "Add" && (a.ln == Ln::Scaled || a.ln == Ln::Normalized) && hostVector(1, d)) {
      set(0, runtime(layerNormOf(a, &c.host), a.dims));
      return true;
    }
  }
  if (op == "Sqrt" && has(0) && in(0).ln == Ln::VarEps) {
    set(0, lazy(in(0), Ln::Std));
    return true;
  }
  return false;
}

/// Inputs an op must have (at least, at most), for the ops imported.
static std::optional<std::pair<int, int>> arity(const std::string &op) {
  static const std::map<std::string, std::pair<int, int>> table = {
      {"Identity", {1, 1}}, {"Dropout", {1, 3}}, {"Constant", {0, 0}}, {"Shape", {1, 1}},
      {"Cast", {1, 1}}, {"Add", {2, 2}}, {"Sub", {2, 2}}, {"Mul", {2, 2}}, {"Div", {2, 2}},
      {"Pow", {2, 2}}, {"Sqrt", {1, 1}}, {"Reciprocal", {1, 1}}, {"Neg", {1, 1}},
      {"Exp", {1, 1}}, {"Log", {1, 1}}, {"Tanh", {1, 1}}, {"Sigmoid", {1, 1}}, {"Erf", {1, 1}},
      {"Less", {2, 2}}, {"Greater", {2, 2}}, {"And", {2, 2}}, {"Or", {2, 2}}, {"Xor", {2, 2}},
      {"Max", {2, 2}}, {"Min", {2, 2}}, {"Mod", {2, 2}}, {"Relu", {1, 1}},
      {"LeakyRelu", {1, 1}}, {"Equal", {2, 2}}, {"Not", {1, 1}}, {"Where", {3, 3}},
      {"MatMul", {2, 2}}, {"Gemm", {2, 3}}, {"Gather", {2, 2}}, {"Slice", {3, 5}},
      {"Softmax", {1, 1}}, {"LayerNormalization", {2, 3}}, {"Transpose", {1, 1}},
      {"Reshape", {2, 2}}, {"Flatten", {1, 1}}, {"Unsqueeze", {1, 2}}, {"Squeeze", {1, 2}},
      {"Concat", {1, 1 << 20}}, {"Split", {1, 2}}, {"ConstantOfShape", {1, 1}},
      {"Expand", {2, 2}}, {"Range", {3, 3}}, {"Trilu", {1, 2}}, {"ReduceMean", {1, 1}}};
  auto it = table.find(op);
  if (it == table.end())
    return std::nullopt;
  return it->second;
}

void GraphImporter::importNode() {
  const std::string &op = node->op_type();
  if (auto a = arity(op)) {
    if (node->input_size() < a->first || node->input_size() > a->second)
      fail(op + " takes " + std::to_string(a->first) +
           (a->second == a->first ? "" : " to " + std::to_string(a->second)) +
           " inputs, got " + std::to_string(node->input_size()));
    for (int i = 0; i < a->first; ++i)
      if (node->input(i).empty())
        fail("required input " + std::to_string(i) + " is empty");
    if (node->output_size() < 1 || node->output(0).empty())
      fail(op + " has no output");
  }
  if (layerNormStep())
    return;
  // Any other consumer of a LayerNorm pattern: a completed one becomes
  // tfx.layer_norm here; a partial one is an error (never read as `value`).
  for (int i = 0; i < node->input_size(); ++i) {
    if (!has(i) || get(node->input(i)).ln == Val::Ln::None)
      continue;
    Val &v = get(node->input(i));
    if (v.ln != Val::Ln::Normalized && v.ln != Val::Ln::Scaled)
      valueOf(v, ("input " + std::to_string(i)).c_str());  // fails with the reason
    Val done = runtime(layerNormOf(v, nullptr), v.dims);
    v = done;
  }
  if (!node->domain().empty() && node->domain() != "ai.onnx")
    fail("ops of domain '" + node->domain() + "' are not supported");
  // Batch-dependent splats and additive masks reach only the ops that know
  // them; anywhere else they would be read as something they are not.
  static const std::set<std::string> maskAware = {"Identity", "Dropout", "Shape", "Where",
                                                  "Add", "Mul", "Expand", "Cast"};
  static const std::set<std::string> orAware = {"Identity", "Dropout", "Where", "Or", "Cast",
                                                "Shape"};
  if (!orAware.count(op))
    for (int i = 0; i < node->input_size(); ++i)
      if (has(i) && in(i).isOr)
        fail(std::string("input ") + std::to_string(i) +
             " is a disjunction of run-time masks (Or), which " + op + " does not take");
  if (!maskAware.count(op))
    for (int i = 0; i < node->input_size(); ++i)
      if (has(i) && (in(i).splatDims || in(i).isAdditive))
        fail(std::string("input ") + std::to_string(i) + " is " +
             (in(i).isAdditive ? "an additive attention mask (0 / -inf)"
                               : "a constant of batch-dependent shape (ConstantOfShape)") +
             ", which " + op + " does not take");

  if (op == "Dropout" && has(2)) {
    const Host &training = hostIn(2, "training_mode");
    if (training.elem != Elem::Bool || training.size() != 1)
      fail("training_mode must be a bool scalar");
    if (training.i[0].k != 0)
      fail("Dropout in training mode is not supported; export the model in eval mode");
  }
  if (op == "Identity" || op == "Dropout") {
    if (op == "Dropout" && node->output_size() > 1 && !node->output(1).empty() &&
        uses.count(node->output(1)))
      fail("Dropout's mask output is used; only inference graphs are supported");
    set(0, in(0));
    return;
  }
  if (op == "Constant") {
    const onnx::AttributeProto *a = nullptr;
    for (const auto &at : node->attribute())
      a = &at;
    if (!a || node->attribute_size() != 1)
      fail("a Constant needs exactly one value attribute");
    Host h;
    if (a->name() == "value") {
      h = readTensor(a->t());
    } else if (a->name() == "value_float") {
      h = makeHost(Elem::Float, {});
      h.f[0] = a->f();
    } else if (a->name() == "value_floats") {
      h = makeHost(Elem::Float, {a->floats_size()});
      std::copy(a->floats().begin(), a->floats().end(), h.f.begin());
    } else if (a->name() == "value_int") {
      h = makeHost(Elem::Int, {});
      h.i[0] = {a->i(), false};
    } else if (a->name() == "value_ints") {
      h = makeHost(Elem::Int, {a->ints_size()});
      for (int k = 0; k < a->ints_size(); ++k)
        h.i[k] = {a->ints(k), false};
    } else {
      fail("Constant attribute '" + a->name() + "' is not supported");
    }
    set(0, hostVal(std::move(h)));
    return;
  }
  if (op == "Shape") {
    std::vector<Sym> dims = symDims(in(0));
    int64_t r = dims.size();
    int64_t s = intAttr("start", 0), e = intAttr("end", r);
    if (s < 0) s = std::max<int64_t>(0, s + r);
    if (e < 0) e = std::max<int64_t>(0, e + r);
    s = std::min(s, r), e = std::min(e, r);
    Host h = makeHost(Elem::Int, {std::max<int64_t>(0, e - s)});
    for (int64_t k = s; k < e; ++k)
      h.i[k - s] = dims[k];
    set(0, hostVal(std::move(h)));
    return;
  }
  if (op == "Cast") {
    int64_t to = intAttr("to", 0);
    Val &x = in(0);
    Elem target;
    switch (to) {
    case onnx::TensorProto::FLOAT:
    case onnx::TensorProto::DOUBLE: target = Elem::Float; break;
    case onnx::TensorProto::INT64:
    case onnx::TensorProto::INT32: target = Elem::Int; break;
    case onnx::TensorProto::BOOL: target = Elem::Bool; break;
    default: fail("Cast to ONNX type " + std::to_string(to) + " is not supported");
    }
    if (!x.isHost) {
      if (x.elem() != target)
        fail(std::string("Cast of a run-time ") + elemName(x.elem()) + " tensor to " +
             elemName(target) + " is not supported");
      set(0, x);
      return;
    }
    Host h = x.host;
    h.param.clear(), h.paramT.clear();
    if (h.elem != target) {
      Host out = makeHost(target, h.shape);
      for (int64_t k = 0; k < h.size(); ++k) {
        if (target == Elem::Float) {
          out.f[k] = float(staticInt(h.i[k], "a value cast to float"));
        } else if (h.elem == Elem::Float) {
          out.i[k] = {target == Elem::Bool ? int64_t(h.f[k] != 0.0f) : int64_t(h.f[k]), false};
        } else {
          out.i[k] = target == Elem::Bool ? Sym{h.i[k].k != 0 || h.i[k].batch, false} : h.i[k];
        }
      }
      h = std::move(out);
    }
    Val out = hostVal(std::move(h));
    out.splatDims = x.splatDims;
    set(0, out);
    return;
  }
  if (op == "Add" || op == "Sub" || op == "Mul" || op == "Div")
    return binary(op);
  if (op == "Or" && (!in(0).isHost || !in(1).isHost)) {
    // Masks combined: kept as their disjunction (see Val::isOr).
    Val r;
    r.isHost = false;
    r.isOr = true;
    r.dims = broadcastDims(symDims(in(0)), symDims(in(1)));
    for (int i = 0; i < 2; ++i) {
      const Val &v = in(i);
      if (v.elem() != Elem::Bool || v.splatDims || v.isAdditive)
        fail("Or needs bool masks");
      if (v.isOr)
        r.disjuncts.insert(r.disjuncts.end(), v.disjuncts.begin(), v.disjuncts.end());
      else
        r.disjuncts.push_back(std::make_shared<const Val>(v));
    }
    set(0, r);
    return;
  }
  if (op == "Mod" && intAttr("fmod", 0) != 0)
    fail("Mod with fmod = 1 is not supported");
  if (op == "Pow" || op == "Sqrt" || op == "Reciprocal" || op == "Neg" || op == "Exp" ||
      op == "Log" || op == "Tanh" || op == "Sigmoid" || op == "Erf" || op == "Less" ||
      op == "Greater" || op == "And" || op == "Or" || op == "Xor" || op == "Max" ||
      op == "Min" || op == "Mod") {
    for (int i = 0; i < node->input_size(); ++i)
      if (!in(i).isHost)
        fail(op + " on run-time values is not supported yet (tfx-import folds it "
             "on import-time values only)");
    return foldElementwise(op);
  }
  if (op == "Relu" || op == "LeakyRelu") {
    Val &x = in(0);
    if (x.isHost) {
      if (op == "LeakyRelu")
        fail("LeakyRelu of an import-time tensor is not folded");
      return foldElementwise(op);
    }
    if (x.elem() != Elem::Float || x.isAdditive)
      fail(op + " needs a float tensor");
    requireNoBroadcast(viewOf(x), "the input");
    // Elementwise: on the physical value, the layout kept.
    Value p = scaled(x.phys, x);
    Value r = op == "Relu" ? b.create<ReluOp>(loc(), p.getType(), p).getResult()
                           : b.create<LeakyReluOp>(loc(), p.getType(), p,
                                                   b.getF32FloatAttr(floatAttr("alpha", 0.01f)))
                                 .getResult();
    set(0, viewed(x, r, viewOf(x)));
    return;
  }
  if (op == "Equal") {
    Val &x = in(0);
    Val &y = in(1);
    if (x.isHost && y.isHost)
      return foldElementwise(op);
    // ids == pad: the negation of tfx.padding_mask.
    Val &ids = x.isHost ? y : x;
    Val &c = x.isHost ? x : y;
    if (!c.isHost || ids.elem() != Elem::Int || c.host.elem != Elem::Int ||
        c.host.size() != 1)
      fail("Equal on run-time values is supported as `ids == constant` (a padding "
           "mask) only");
    int64_t pad = staticInt(c.host.i[0], "the padding id");
    if (broadcastDims(ids.dims, symDims(c)) != ids.dims)
      fail("`ids == constant` broadcasts the ids to a larger shape");
    // On the physical ids, the layout kept.
    auto idsType = llvm::cast<RankedTensorType>(ids.phys.getType());
    Value m = b.create<PaddingMaskOp>(
        loc(), RankedTensorType::get(idsType.getShape(), b.getI1Type()), ids.phys,
        b.getI64IntegerAttr(pad));
    Val r = viewed(ids, m, viewOf(ids));
    r.negated = true;
    set(0, r);
    return;
  }
  if (op == "Not") {
    Val x = in(0);
    if (x.isHost)
      return foldElementwise(op);
    if (x.isOr)
      fail("Not of a disjunction of masks (Or) is not supported");
    x.negated = !x.negated;
    set(0, x);
    return;
  }
  if (op == "Where")
    return where();
  if (op == "MatMul")
    return matmul();
  if (op == "Gemm")
    return gemm();
  if (op == "Gather")
    return gather();
  if (op == "Slice")
    return slice();
  if (op == "Softmax") {
    Val &x = in(0);
    if (x.isHost)
      fail("Softmax of an import-time tensor is not folded");
    if (x.elem() != Elem::Float || x.isAdditive)
      fail("Softmax needs a float tensor");
    int64_t axis = normAxis(intAttr("axis", -1), x.dims.size());
    if (axis == int64_t(x.dims.size()) - 1) {
      View view;
      Value in = lastAxis(x, view, "the input");
      Value r = b.create<SoftmaxOp>(loc(), in.getType(), in, b.getI64IntegerAttr(-1));
      set(0, lastAxisResult(x, r, view, x.dims.back()));
      return;
    }
    Value in = valueOf(x, "the input");
    Value r = b.create<SoftmaxOp>(loc(), in.getType(), in, b.getI64IntegerAttr(axis));
    set(0, runtime(r, x.dims));
    return;
  }
  if (op == "LayerNormalization") {
    Val &x = in(0);
    if (x.isHost)
      fail("LayerNormalization of an import-time tensor is not folded");
    int64_t axis = normAxis(intAttr("axis", -1), x.dims.size());
    if (axis != int64_t(x.dims.size()) - 1)
      fail("LayerNormalization over more than the last axis is not supported");
    if (node->output_size() > 1)
      for (int o = 1; o < node->output_size(); ++o)
        if (!node->output(o).empty() && uses.count(node->output(o)))
          fail("LayerNormalization's mean / inverse-std outputs are not supported");
    if (x.dims.back().batch)
      fail("LayerNormalization over the batch dimension is not supported");
    int64_t d = x.dims.back().k;
    const Host &g = hostIn(1, "the scale");
    Host beta;
    if (has(2)) {
      beta = hostIn(2, "the bias");
    } else {
      beta = makeHost(Elem::Float, {d});
    }
    if (g.shape != std::vector<int64_t>{d} || beta.shape != std::vector<int64_t>{d})
      fail("LayerNormalization scale and bias must be vectors of " + std::to_string(d));
    Value gv = materialize(g, "the scale");
    Value bv = beta.param.empty() && !has(2) ? paramOf(hint() + ".bias", {d}, beta.f)
                                             : materialize(beta, "the bias");
    if (x.elem() != Elem::Float || x.isAdditive)
      fail("LayerNormalization needs a float tensor");
    View view;
    Value in = lastAxis(x, view, "the input");
    Value r = b.create<LayerNormOp>(loc(), in.getType(), in, gv, bv,
                                    b.getF32FloatAttr(floatAttr("epsilon", 1e-5f)));
    set(0, lastAxisResult(x, r, view, x.dims.back()));
    return;
  }
  if (op == "Transpose") {
    Val &x = in(0);
    size_t r = x.rank();
    std::vector<int64_t> perm;
    if (auto p = intsAttr("perm")) {
      perm = *p;
    } else {
      for (size_t k = 0; k < r; ++k)
        perm.push_back(r - 1 - k);
    }
    std::vector<bool> seen(r, false);
    if (perm.size() != r)
      fail("perm has " + std::to_string(perm.size()) + " entries for rank " + std::to_string(r));
    for (int64_t &p : perm) {
      p = normAxis(p, r, "perm entry");
      if (seen[p])
        fail("perm is not a permutation");
      seen[p] = true;
    }
    if (x.isHost) {
      const Host &h = x.host;
      std::vector<int64_t> shape;
      for (int64_t p : perm)
        shape.push_back(h.shape[p]);
      Host out = makeHost(h.elem, shape);
      std::vector<int64_t> st = stridesOf(h.shape), ost = stridesOf(shape);
      for (int64_t k = 0; k < out.size(); ++k) {
        int64_t rem = k, src = 0;
        for (size_t d = 0; d < r; ++d) {
          int64_t c = rem / ost[d];
          rem %= ost[d];
          src += c * st[perm[d]];
        }
        copyElem(h, src, out, k);
      }
      if (r == 2 && perm[0] == 1 && !h.param.empty())
        out.paramT = h.param;
      if (r == 2 && perm[0] == 1 && !h.paramT.empty())
        out.param = h.paramT;
      set(0, hostVal(std::move(out)));
      return;
    }
    if (x.isAdditive)
      fail("transposing an additive attention mask is not supported");
    // A view edit: no data moves until an op needs another layout.
    View v = viewOf(x);
    transposeView(v, perm);
    set(0, withView(x, x.phys, v));
    return;
  }
  if (op == "Reshape") {
    Val x = in(0);
    Host target = shapeInput(1, "the target shape");
    bool allowZero = intAttr("allowzero", 0) != 0;
    std::vector<Sym> src = symDims(x), dims;
    int minusOne = -1;
    for (size_t k = 0; k < target.i.size(); ++k) {
      Sym s = target.i[k];
      if (!s.batch && s.k == 0 && !allowZero) {
        if (k >= src.size())
          fail("target dimension " + std::to_string(k) + " copies an input dimension "
               "that does not exist");
        s = src[k];
      } else if (!s.batch && s.k == -1) {
        if (minusOne >= 0)
          fail("the target shape has more than one -1");
        minusOne = k;
      } else if (s.k < 0 || (s.batch && s.k == 0)) {
        fail("target dimension " + std::to_string(k) + " is " + symString(s));
      }
      dims.push_back(s);
    }
    // Element counts as k * batch^e.
    auto count = [&](const std::vector<Sym> &v, int skip) {
      Sym c{1, false};
      for (size_t k = 0; k < v.size(); ++k)
        if (int(k) != skip)
          c = symArith("Mul", c, v[k]);
      return c;
    };
    Sym total = count(src, -1);
    if (minusOne >= 0) {
      Sym rest = count(dims, minusOne);
      if (rest.k == 0 || (rest.batch && !total.batch) || total.k % rest.k != 0)
        fail("cannot infer -1 of target " + dimsString(dims) + " for input " + dimsString(src));
      dims[minusOne] = {total.k / rest.k, total.batch && !rest.batch};
      if (dims[minusOne].k <= 0)
        fail("cannot infer -1 of target " + dimsString(dims) + " for input " + dimsString(src));
    }
    if (count(dims, -1) != total)
      fail("cannot reshape " + dimsString(src) + " to " + dimsString(dims));
    return reshapeTo(x, dims);
  }
  if (op == "Flatten") {
    Val x = in(0);
    std::vector<Sym> src = symDims(x);
    int64_t axis = intAttr("axis", 1);
    if (axis < 0) axis += src.size();
    if (axis < 0 || axis > int64_t(src.size()))
      fail("axis " + std::to_string(axis) + " is out of range");
    Sym a{1, false}, c{1, false};
    for (int64_t k = 0; k < int64_t(src.size()); ++k)
      (k < axis ? a : c) = symArith("Mul", k < axis ? a : c, src[k]);
    return reshapeTo(x, {a, c});
  }
  if (op == "Unsqueeze" || op == "Squeeze") {
    Val x = in(0);
    std::vector<Sym> dims = symDims(x);
    std::vector<int64_t> axes;
    if (has(1))
      axes = staticInts(hostIn(1, "axes"), "axes");
    if (op == "Unsqueeze") {
      int64_t r = dims.size() + axes.size();
      for (int64_t &a : axes)
        a = normAxis(a, r);
      std::sort(axes.begin(), axes.end());
      if (std::adjacent_find(axes.begin(), axes.end()) != axes.end())
        fail("Unsqueeze axes repeat an axis");
      for (int64_t a : axes)
        dims.insert(dims.begin() + a, Sym{1, false});
    } else {
      int64_t r = dims.size();
      std::vector<bool> drop(r, false);
      if (axes.empty())
        for (int64_t k = 0; k < r; ++k)
          drop[k] = dims[k] == Sym{1, false};
      for (int64_t a : axes) {
        a = normAxis(a, r);
        if (dims[a] != Sym{1, false})
          fail("Squeeze of dimension " + std::to_string(a) + " of size " + symString(dims[a]));
        drop[a] = true;
      }
      std::vector<Sym> kept;
      for (int64_t k = 0; k < r; ++k)
        if (!drop[k])
          kept.push_back(dims[k]);
      dims = kept;
    }
    return reshapeTo(x, dims);
  }
  if (op == "Concat") {
    int64_t axisAttr = intAttr("axis", 0);
    bool allHost = true;
    for (int i = 0; i < node->input_size(); ++i)
      allHost &= in(i).isHost;
    size_t r = in(0).rank();
    int64_t axis = normAxis(axisAttr, r);
    if (allHost) {
      std::vector<int64_t> shape = in(0).host.shape;
      shape[axis] = 0;
      for (int i = 0; i < node->input_size(); ++i) {
        const Host &h = in(i).host;
        if (h.shape.size() != r || h.elem != in(0).host.elem)
          fail("Concat inputs differ in rank or element type");
        shape[axis] = checkedAdd(shape[axis], h.shape[axis]);
      }
      Host out = makeHost(in(0).host.elem, shape);
      int64_t outer = 1, inner = 1;
      for (int64_t q = 0; q < axis; ++q) outer *= shape[q];
      for (size_t q = axis + 1; q < r; ++q) inner *= shape[q];
      int64_t off = 0;
      for (int i = 0; i < node->input_size(); ++i) {
        const Host &h = in(i).host;
        for (size_t q = 0; q < r; ++q)
          if (int64_t(q) != axis && h.shape[q] != shape[q])
            fail("Concat inputs differ outside the axis");
        int64_t n = h.shape[axis];
        for (int64_t o = 0; o < outer; ++o)
          for (int64_t j = 0; j < n; ++j)
            for (int64_t q = 0; q < inner; ++q)
              copyElem(h, (o * n + j) * inner + q, out, (o * shape[axis] + off + j) * inner + q);
        off += n;
      }
      set(0, hostVal(std::move(out)));
      return;
    }
    SmallVector<Value> parts;
    std::vector<Sym> dims = symDims(in(0));
    dims[axis] = {0, false};
    for (int i = 0; i < node->input_size(); ++i) {
      Val &v = in(i);
      std::vector<Sym> d = symDims(v);
      if (d.size() != r)
        fail("Concat inputs differ in rank");
      for (size_t q = 0; q < r; ++q)
        if (int64_t(q) != axis && d[q] != dims[q])
          fail("Concat inputs differ outside the axis: " + dimsString(symDims(in(0))) +
               " and " + dimsString(d));
      dims[axis] = symArith("Add", dims[axis], d[axis]);
      parts.push_back(valueOf(v, "a Concat input"));
    }
    Type elem = llvm::cast<RankedTensorType>(parts[0].getType()).getElementType();
    Value v = b.create<ConcatOp>(loc(), typeOf(dims, elem), parts, b.getI64IntegerAttr(axis));
    set(0, runtime(v, dims));
    return;
  }
  if (op == "Split") {
    Val x = in(0);
    std::vector<Sym> dims = symDims(x);
    int64_t axis = normAxis(intAttr("axis", 0), dims.size());
    if (dims[axis].batch)
      fail("Split along the batch dimension is not supported");
    std::vector<int64_t> sizes;
    if (has(1)) {
      sizes = staticInts(hostIn(1, "split"), "split");
    } else {
      int64_t n = node->output_size();
      if (n == 0)
        fail("Split has no outputs");
      if (dims[axis].k % n != 0)
        fail("cannot split " + std::to_string(dims[axis].k) + " into " + std::to_string(n) +
             " equal parts");
      sizes.assign(n, dims[axis].k / n);
    }
    if (int64_t(sizes.size()) != node->output_size())
      fail("split sizes and outputs differ in number");
    int64_t start = 0;
    for (size_t o = 0; o < sizes.size(); ++o) {
      if (sizes[o] <= 0)
        fail("split size " + std::to_string(sizes[o]) + " is not positive");
      start = checkedAdd(start, sizes[o]);
    }
    if (start != dims[axis].k)
      fail("split sizes add up to " + std::to_string(start) + ", not " +
           std::to_string(dims[axis].k));
    start = 0;
    for (size_t o = 0; o < sizes.size(); ++o) {
      // Reuse Slice's logic through a host-side description.
      std::vector<Sym> d = dims;
      d[axis] = {sizes[o], false};
      if (x.isHost) {
        fail("Split of an import-time tensor is not folded");
      }
      set(o, sliceAxis(x, axis, start, sizes[o]));
      start += sizes[o];
    }
    return;
  }
  if (op == "ConstantOfShape") {
    Host shape = shapeInput(0, "the shape");
    Host fill = makeHost(Elem::Float, {});
    if (const auto *a = attr("value"))
      fill = readTensor(a->t());
    if (fill.size() != 1)
      fail("ConstantOfShape's value must hold one element");
    if (std::any_of(shape.i.begin(), shape.i.end(), [](const Sym &d) { return d.batch; })) {
      // Batch-dependent: a scalar that only masks may consume.
      std::vector<Sym> dims(shape.i.begin(), shape.i.end());
      for (const Sym &d : dims)
        if (d.k <= 0)
          fail("ConstantOfShape of shape " + dimsString(dims));
      fill.shape.clear();
      fill.param.clear();
      Val v = hostVal(std::move(fill));
      v.splatDims = dims;
      set(0, v);
      return;
    }
    std::vector<int64_t> s = staticInts(shape, "the shape of ConstantOfShape");
    Host out = makeHost(fill.elem, s);
    for (int64_t k = 0; k < out.size(); ++k)
      copyElem(fill, 0, out, k);
    set(0, hostVal(std::move(out)));
    return;
  }
  if (op == "Expand") {
    Val x = in(0);
    Host shape = shapeInput(1, "the shape");
    std::vector<Sym> target(shape.i.begin(), shape.i.end());
    std::vector<Sym> dims = broadcastDims(symDims(x), target);
    if (x.splatDims) {
      Val r = x;
      r.splatDims = dims;
      set(0, r);
      return;
    }
    if (!x.isHost) {
      if (x.isAdditive)
        fail("Expand of an additive attention mask is not supported");
      if (dims == x.dims) {
        set(0, x);
        return;
      }
      // Broadcast dimensions become view axes of physical size 1: fine for
      // masks (tfx.apply_mask broadcasts); anything else fails where read.
      View v = viewOf(x);
      dropUnitAxes(v);
      size_t lead = dims.size() - x.dims.size();
      if (lead) {
        auto groups = groupsOf(v);
        groups.insert(groups.begin(), lead, std::vector<int>());
        setGroups(v, groups);
      }
      for (size_t d = 0; d < dims.size(); ++d) {
        Sym from = d < lead ? Sym{1, false} : x.dims[d - lead];
        if (from == dims[d])
          continue;
        if (dims[d].batch)
          fail("Expand of a run-time value along the batch dimension is not supported");
        broadcastDim(v, d, dims[d].k);
      }
      set(0, withView(x, x.phys, v));
      return;
    }
    std::vector<int64_t> s;
    for (const Sym &d : dims)
      s.push_back(staticInt(d, "the shape of an expanded import-time tensor"));
    Host out = makeHost(x.host.elem, s);
    for (int64_t k = 0; k < out.size(); ++k)
      copyElem(x.host, broadcastIndex(x.host.shape, s, k), out, k);
    set(0, hostVal(std::move(out)));
    return;
  }
  if (op == "Range") {
    const Host &s = hostIn(0, "start"), &l = hostIn(1, "limit"), &d = hostIn(2, "delta");
    if (s.size() != 1 || l.size() != 1 || d.size() != 1)
      fail("Range takes scalars");
    if (s.elem != l.elem || s.elem != d.elem || s.elem == Elem::Bool)
      fail("Range's start, limit and delta must be numbers of one element type");
    bool ints = s.elem == Elem::Int;
    auto num = [&](const Host &h) {
      return ints ? double(staticInt(h.i[0], "a Range bound")) : double(h.f[0]);
    };
    double a = num(s), lim = num(l), step = num(d);
    if (step == 0)
      fail("Range with delta 0");
    double count = std::max(0.0, std::ceil((lim - a) / step));
    if (count > double(kMaxHostElements))
      fail("Range of " + std::to_string(count) + " elements is too large");
    Host out = makeHost(ints ? Elem::Int : Elem::Float, {int64_t(count)});
    for (int64_t k = 0; k < int64_t(count); ++k) {
      if (ints)
        out.i[k] = {int64_t(a) + k * int64_t(step), false};
      else
        out.f[k] = float(a + k * step);
    }
    set(0, hostVal(std::move(out)));
    return;
  }
  if (op == "Trilu") {
    const Host &x = hostIn(0, "the input");
    int64_t k = 0;
    if (has(1)) {
      const Host &kh = hostIn(1, "k");
      if (kh.elem != Elem::Int || kh.size() != 1)
        fail("Trilu's k must be one integer");
      k = staticInt(kh.i[0], "k");
    }
    bool upper = intAttr("upper", 1) != 0;
    if (x.shape.size() < 2)
      fail("Trilu needs rank 2 or more");
    Host out = x;
    out.param.clear(), out.paramT.clear();
    int64_t rows = x.shape[x.shape.size() - 2], cols = x.shape.back();
    for (int64_t e = 0; e < out.size(); ++e) {
      int64_t c = e % cols, r = (e / cols) % rows;
      bool keep = upper ? c - r >= k : c - r <= k;
      if (!keep) {
        if (out.elem == Elem::Float) out.f[e] = 0.0f;
        else out.i[e] = Sym{};
      }
    }
    set(0, hostVal(std::move(out)));
    return;
  }
  if (op == "ReduceMean")
    fail("ReduceMean of an import-time tensor is not folded");
  fail("op " + op + " is not supported by tfx-import (see docs/import.md for the list)");
}

} // namespace

llvm::Expected<OnnxImport> importOnnx(MLIRContext &context,
                                      const std::vector<OnnxSource> &sources,
                                      const std::string &modelName) {
  context.loadDialect<TfxDialect, func::FuncDialect>();
  OnnxImport result;
  OpBuilder b(&context);
  result.module = ModuleOp::create(b.getUnknownLoc());
  (*result.module)->setAttr(kModelAttrName, b.getStringAttr(modelName));
  WeightTable weights;
  std::set<std::string> names;
  for (const OnnxSource &src : sources) {
    auto error = [&](const std::string &m) {
      return llvm::createStringError(llvm::inconvertibleErrorCode(), src.path + ": " + m);
    };
    if (!names.insert(src.functionName).second)
      return error("two graphs would both become function '" + src.functionName + "'");
    std::ifstream file(src.path, std::ios::binary);
    if (!file)
      return error(std::string("cannot open: ") + std::strerror(errno));
    onnx::ModelProto model;
    if (!model.ParseFromIstream(&file))
      return error("not a valid ONNX model (the protobuf does not parse: a truncated "
                   "or corrupted file?)");
    if (!model.has_graph())
      return error("the model has no graph");
    try {
      GraphImporter g(context, *result.module, weights, src.path);
      g.run(model, src.functionName);
    } catch (const ImportError &e) {
      return error(e.message);
    } catch (const std::bad_alloc &) {
      return error("out of memory while importing");
    } catch (const std::exception &e) {
      return error(std::string("internal error: ") + e.what());
    }
  }
  // Verification failures of the built IR are the importer's bugs, but are
  // reported like any other error (never a crash).
  std::string diagnostics;
  {
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &d) {
      llvm::raw_string_ostream os(diagnostics);
      os << d.getLocation() << ": " << d << "\n";
      return success();
    });
    if (failed(verify(*result.module)))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "internal error: the imported IR does not verify:\n" +
                                         diagnostics);
    // One spelling per computation: reshape/transpose chains composed,
    // identities and dead values dropped, repeated parameters merged.
    PassManager pm(&context);
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
    if (failed(pm.run(*result.module)))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "internal error: canonicalizing the imported IR "
                                     "failed:\n" + diagnostics);
  }
  // Only what the final module names (canonicalization may drop values).
  std::set<std::string> named;
  result.module->walk([&](ParamOp p) { named.insert(p.getName().str()); });
  for (auto &entry : weights.tensors)
    if (named.count(entry.first))
      result.weights.push_back(std::move(entry));
  return std::move(result);
}

} // namespace tfx
