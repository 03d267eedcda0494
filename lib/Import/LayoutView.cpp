//===- LayoutView.cpp - layout views of run-time values -------------------===//
//
// Edits of a View, the way the ONNX (logical) shape of a run-time value lies
// over its physical tfx value: reshapes, transposes and broadcasts that move
// no data. GraphImporter turns a view into IR only where an op needs its
// operand in some arrangement (ImporterValues.cpp).
//
//===----------------------------------------------------------------------===//

#include "ImporterInternal.h"

namespace tfx::import::detail {

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
static std::optional<Sym> divideSym(Sym a, Sym b) {
  if (b.k <= 0 || (b.batch && !a.batch) || a.k % b.k != 0)
    return std::nullopt;
  return Sym{a.k / b.k, a.batch && !b.batch};
}

/// Splits axis j into (outer, inner), renumbering the axes after it.
static void splitAxis(View &v, int j, Sym outer, Sym inner) {
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

} // namespace tfx::import::detail
