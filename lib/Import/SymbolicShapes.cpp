//===- SymbolicShapes.cpp - import-time integers and host tensors ---------===//
//
// The arithmetic of import-time integers (Sym: `k` or `k * batch`), the
// checked element counts and broadcasting of shapes, and the helpers on host
// tensors (Host) that the import-time folders share: making, indexing and
// reading them as static integers.
//
//===----------------------------------------------------------------------===//

#include "ImporterInternal.h"

#include <limits>

namespace tfx::import::detail {

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

/// Elements of `shape`, refused above `limit`. Dimensions of size 0 do not
/// lift the limit for the others (loops run over them).
int64_t numel(const std::vector<int64_t> &shape, int64_t limit) {
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

const char *elemName(Elem e) {
  return e == Elem::Float ? "float" : e == Elem::Int ? "integer" : "bool";
}

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

int64_t normAxis(int64_t axis, int64_t rank, const char *what) {
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

//===----------------------------------------------------------------------===//
// Shape arithmetic
//===----------------------------------------------------------------------===//

static Sym symArithRaw(const std::string &op, Sym a, Sym b) {
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

/// Shape arithmetic on import-time integers; 0 * batch is 0.
Sym symArith(const std::string &op, Sym a, Sym b) {
  Sym r = symArithRaw(op, a, b);
  if (r.k == 0)
    r.batch = false;
  return r;
}

//===----------------------------------------------------------------------===//
// Host values
//===----------------------------------------------------------------------===//

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

} // namespace tfx::import::detail
