//===- DriverSupport.h - support code copied into every generated driver ---===//
//
// The part of a generated model library that does not depend on the model:
// tensors, views, a buffer pool, halide_buffer_t wrappers, a checked
// safetensors reader and error reporting. Emit.cpp writes it verbatim at the
// top of <name>.cpp, followed by the model's plan as straight-line code. It
// must compile with a plain C++17 compiler and the Halide runtime header.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_TARGET_DRIVERSUPPORT_H
#define TFX_TARGET_DRIVERSUPPORT_H

namespace tfx::target {

inline const char *driverSupportSource() {
  return R"TFXSUPPORT(
#include "HalideRuntime.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <utility>
#include <vector>

namespace {

enum DType : int32_t { F32 = 0, BOOL = 1, I64 = 2, I32 = 3 };

size_t dtypeSize(int32_t t) { return t == F32 || t == I32 ? 4 : t == I64 ? 8 : 1; }
const char *dtypeName(int32_t t) {
  return t == F32 ? "F32" : t == BOOL ? "BOOL" : t == I64 ? "I64" : t == I32 ? "I32" : "?";
}

using Shape = std::vector<int64_t>;
constexpr int64_t kMaxElements = (int64_t(1) << 31) - 1;

std::string formatShape(const Shape &s) {
  std::string out = "[";
  for (size_t i = 0; i < s.size(); ++i)
    out += (i ? ", " : "") + (s[i] < 0 ? std::string("?") : std::to_string(s[i]));
  return out + "]";
}

thread_local std::string lastError;
bool fail(const std::string &message) {
  lastError = message;
  return false;
}

// Halide reports errors through halide_error(), possibly from a worker
// thread of a parallel loop: the message is kept under a lock, cleared
// before each kernel call and taken when the kernel returns an error.
std::mutex halideMessageLock;
std::string halideMessage;
void clearHalideMessage() {
  std::lock_guard<std::mutex> lock(halideMessageLock);
  halideMessage.clear();
}
std::string takeHalideMessage() {
  std::lock_guard<std::mutex> lock(halideMessageLock);
  std::string m = halideMessage.empty() ? "(no message)" : halideMessage;
  halideMessage.clear();
  return m;
}

} // namespace

// Halide's runtime functions are weak symbols: this replaces its default
// error handler (print + abort), so a failing kernel returns its error code
// and the message becomes part of the library's error.
extern "C" void halide_error(void *, const char *message) {
  std::lock_guard<std::mutex> lock(halideMessageLock);
  if (!halideMessage.empty())
    return; // keep the first error
  halideMessage = message ? message : "";
  while (!halideMessage.empty() && halideMessage.back() == '\n')
    halideMessage.pop_back();
}

namespace {

/// A dense row-major tensor; storage is shared by views.
struct Tensor {
  std::shared_ptr<char> storage;
  int32_t dtype = F32;
  Shape shape;
  int64_t numel() const {
    int64_t n = 1;
    for (int64_t d : shape)
      n *= d;
    return n;
  }
  size_t bytes() const { return static_cast<size_t>(numel()) * dtypeSize(dtype); }
  void *data() const { return storage.get(); }
};

Tensor allocate(int32_t dtype, Shape shape) {
  Tensor t;
  t.dtype = dtype;
  t.shape = std::move(shape);
  size_t bytes = std::max<size_t>(t.bytes(), 1);
  void *p = nullptr;
  if (posix_memalign(&p, 64, (bytes + 63) / 64 * 64) != 0)
    return Tensor();
  t.storage = std::shared_ptr<char>(static_cast<char *>(p), [](char *q) { std::free(q); });
  return t;
}

/// `t` viewed as `shape`, whose one -1 (if any) takes the rest.
bool view(const Tensor &t, Shape shape, Tensor &out) {
  int64_t known = 1, dyn = -1;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] < 0)
      dyn = static_cast<int64_t>(i);
    else
      known *= shape[i];
  }
  int64_t n = t.numel();
  if (dyn >= 0) {
    if (known == 0 || n % known != 0)
      return fail("cannot view " + formatShape(t.shape) + " as " + formatShape(shape));
    shape[dyn] = n / known;
  } else if (known != n) {
    return fail("cannot view " + formatShape(t.shape) + " as " + formatShape(shape));
  }
  out.storage = t.storage;
  out.dtype = t.dtype;
  out.shape = std::move(shape);
  return true;
}

/// Recycles intermediate buffers by byte size.
struct Pool {
  std::multimap<size_t, Tensor> free;
  bool take(int32_t dtype, Shape shape, Tensor &out) {
    int64_t n = 1;
    for (int64_t d : shape) {
      if (d < 0 || (d > 0 && n > kMaxElements / d))
        return fail("intermediate of shape " + formatShape(shape) +
                    " exceeds the 2^31-element limit of the kernels");
      n *= d;
    }
    size_t bytes = static_cast<size_t>(n) * dtypeSize(dtype);
    auto it = free.find(bytes);
    if (it != free.end()) {
      out = std::move(it->second);
      free.erase(it);
      out.dtype = dtype;
      out.shape = std::move(shape);
      return true;
    }
    out = allocate(dtype, std::move(shape));
    return out.storage ? true : fail("out of memory");
  }
  void give(Tensor &t) {
    if (t.storage && t.storage.use_count() == 1)
      free.emplace(t.bytes(), std::move(t));
    t = Tensor();
  }
};

/// A halide_buffer_t over a tensor (dimension 0 innermost), optionally one
/// window [offset, offset + width) of the last tensor dimension, translated
/// to start at 0.
struct HB {
  halide_buffer_t buf;
  halide_dimension_t dims[8];
  HB(const Tensor &t, int64_t offset = 0, int64_t width = -1) {
    std::memset(&buf, 0, sizeof(buf));
    std::memset(dims, 0, sizeof(dims));
    int rank = static_cast<int>(t.shape.size());
    int64_t stride = 1;
    for (int d = 0; d < rank; ++d) {
      int64_t e = t.shape[rank - 1 - d];
      dims[d].min = 0;
      dims[d].extent = static_cast<int32_t>(d == 0 && width >= 0 ? width : e);
      dims[d].stride = static_cast<int32_t>(stride);
      stride *= e;
    }
    buf.host = reinterpret_cast<uint8_t *>(t.data()) + offset * dtypeSize(t.dtype);
    buf.dimensions = rank;
    buf.dim = dims;
    switch (t.dtype) {
    case F32: buf.type = halide_type_t(halide_type_float, 32); break;
    case I64: buf.type = halide_type_t(halide_type_int, 64); break;
    case I32: buf.type = halide_type_t(halide_type_int, 32); break;
    default: buf.type = halide_type_t(halide_type_uint, 8); break;
    }
  }
  ~HB() {
    if (buf.device)
      halide_device_free(nullptr, &buf);
  }
  halide_buffer_t *get() { return &buf; }
};

/// GPU targets: inputs must reach the device, outputs come back to the host
/// after every kernel (device residency across kernels is not kept yet).
void beforeDevice(HB &b) { b.buf.flags |= halide_buffer_flag_host_dirty; }
bool afterDevice(HB &b) {
  if (b.buf.device && (b.buf.flags & halide_buffer_flag_device_dirty)) {
    int e = halide_copy_to_host(nullptr, &b.buf);
    if (e != 0)
      return fail("copying a result back from the device failed (Halide error " +
                  std::to_string(e) + ")");
  }
  return true;
}

//===--- safetensors -------------------------------------------------------===//

/// The subset of JSON a safetensors header uses, parsed with bounds checks.
struct JsonReader {
  const char *p, *end;
  void ws() {
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
      ++p;
  }
  bool lit(char c) {
    ws();
    if (p < end && *p == c) {
      ++p;
      return true;
    }
    return false;
  }
  bool str(std::string &out) {
    ws();
    if (p >= end || *p != '"')
      return false;
    ++p;
    out.clear();
    while (p < end && *p != '"') {
      if (*p == '\\') {
        if (++p >= end)
          return false;
        char c = *p;
        if (c == 'u')
          return false; // \u escapes are not accepted in names
        if (c == 'n') c = '\n';
        else if (c == 't') c = '\t';
        else if (c == 'r') c = '\r';
        else if (c == 'b') c = '\b';
        else if (c == 'f') c = '\f';
        else if (c != '"' && c != '\\' && c != '/')
          return false;
        out += c;
      } else {
        out += *p;
      }
      ++p;
    }
    if (p >= end)
      return false;
    ++p;
    return true;
  }
  bool integer(int64_t &out) {
    ws();
    const char *start = p;
    if (p < end && *p == '-')
      ++p;
    int digits = 0;
    out = 0;
    while (p < end && *p >= '0' && *p <= '9') {
      if (++digits > 17)
        return false;
      out = out * 10 + (*p - '0');
      ++p;
    }
    if (digits == 0)
      return false;
    if (*start == '-')
      out = -out;
    return true;
  }
  /// Skips any JSON value (for __metadata__).
  bool skip(int depth = 0) {
    ws();
    if (depth > 16 || p >= end)
      return false;
    std::string s;
    if (*p == '"')
      return str(s);
    if (*p == '{' || *p == '[') {
      char close = *p == '{' ? '}' : ']';
      bool object = *p == '{';
      ++p;
      if (lit(close))
        return true;
      do {
        if (object && (!str(s) || !lit(':')))
          return false;
        if (!skip(depth + 1))
          return false;
      } while (lit(','));
      return lit(close);
    }
    while (p < end && *p != ',' && *p != '}' && *p != ']')
      ++p;
    return true;
  }
};

struct Weights {
  std::vector<char> file;
  struct Entry {
    int32_t dtype;
    Shape shape;
    size_t begin, end;
    std::string dtypeName;
  };
  std::map<std::string, Entry> entries;
  size_t dataStart = 0;

  bool parse(const std::string &origin) {
    auto bad = [&](const std::string &why) {
      return fail("weights " + origin + ": " + why);
    };
    if (file.size() < 8)
      return bad("truncated (no header length)");
    uint64_t n = 0;
    for (int i = 7; i >= 0; --i)
      n = (n << 8) | static_cast<unsigned char>(file[i]);
    if (n > file.size() - 8 || n > (uint64_t(100) << 20))
      return bad("header length " + std::to_string(n) + " exceeds the file");
    dataStart = 8 + n;
    size_t dataSize = file.size() - dataStart;
    JsonReader r{file.data() + 8, file.data() + 8 + n};
    if (!r.lit('{'))
      return bad("header is not a JSON object");
    if (r.lit('}'))
      return true;
    do {
      std::string name;
      if (!r.str(name) || !r.lit(':'))
        return bad("malformed header");
      if (name == "__metadata__") {
        if (!r.skip())
          return bad("malformed __metadata__");
        continue;
      }
      if (!r.lit('{'))
        return bad("tensor '" + name + "' is not an object");
      Entry e{-1, {}, 0, 0, ""};
      if (entries.count(name))
        return bad("tensor '" + name + "' appears twice");
      bool haveShape = false, haveOffsets = false;
      do {
        std::string key;
        if (!r.str(key) || !r.lit(':'))
          return bad("malformed entry for '" + name + "'");
        if (key == "dtype") {
          std::string dt;
          if (!r.str(dt))
            return bad("malformed dtype of '" + name + "'");
          e.dtype = dt == "F32" ? F32 : dt == "BOOL" ? BOOL : dt == "I64" ? I64
                  : dt == "I32" ? I32 : 100;
          e.dtypeName = dt;
        } else if (key == "shape" || key == "data_offsets") {
          std::vector<int64_t> values;
          if (!r.lit('['))
            return bad("malformed " + key + " of '" + name + "'");
          if (!r.lit(']')) {
            do {
              int64_t v;
              if (!r.integer(v) || v < 0 || values.size() >= 8)
                return bad("malformed " + key + " of '" + name + "'");
              values.push_back(v);
            } while (r.lit(','));
            if (!r.lit(']'))
              return bad("malformed " + key + " of '" + name + "'");
          }
          if (key == "shape") {
            e.shape = values;
            haveShape = true;
          } else {
            if (values.size() != 2 || values[0] > values[1])
              return bad("bad data_offsets of '" + name + "'");
            e.begin = static_cast<size_t>(values[0]);
            e.end = static_cast<size_t>(values[1]);
            haveOffsets = true;
          }
        } else if (!r.skip()) {
          return bad("malformed entry for '" + name + "'");
        }
      } while (r.lit(','));
      if (!r.lit('}') || e.dtype < 0 || !haveShape || !haveOffsets)
        return bad("incomplete entry for '" + name + "'");
      if (e.end > dataSize)
        return bad("tensor '" + name + "' lies outside the file");
      entries[name] = e;
    } while (r.lit(','));
    if (!r.lit('}'))
      return bad("malformed header");
    // Tensors must not share bytes.
    std::vector<std::pair<size_t, size_t>> ranges;
    for (const auto &kv : entries)
      if (kv.second.end > kv.second.begin)
        ranges.emplace_back(kv.second.begin, kv.second.end);
    std::sort(ranges.begin(), ranges.end());
    for (size_t i = 1; i < ranges.size(); ++i)
      if (ranges[i].first < ranges[i - 1].second)
        return bad("two tensors overlap in the data section");
    return true;
  }

  bool load(const std::string &path) {
    FILE *f = std::fopen(path.c_str(), "rb");
    if (!f)
      return fail("cannot open weights '" + path + "': " + std::strerror(errno));
    std::fseek(f, 0, SEEK_END);
    long size = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    if (size < 0) {
      std::fclose(f);
      return fail("cannot read weights '" + path + "'");
    }
    file.resize(static_cast<size_t>(size));
    size_t got = size ? std::fread(file.data(), 1, file.size(), f) : 0;
    std::fclose(f);
    if (got != file.size())
      return fail("cannot read weights '" + path + "'");
    return parse("'" + path + "'");
  }

  /// The F32 tensor `name` of exactly `shape`, copied out.
  bool get(const std::string &name, const Shape &shape, Tensor &out) {
    auto it = entries.find(name);
    if (it == entries.end())
      return fail("weight '" + name +
                  "' is declared by the model but missing from the weights file");
    const Entry &e = it->second;
    if (e.dtype != F32)
      return fail("weight '" + name + "' has dtype " + e.dtypeName +
                  ", expected F32 (generated libraries read F32 weights only)");
    if (e.shape != shape)
      return fail("weight '" + name + "' has shape " + formatShape(e.shape) +
                  " in the weights file but " + formatShape(shape) + " in the model");
    out = allocate(F32, shape);
    if (!out.storage)
      return fail("out of memory");
    if (e.end - e.begin != out.bytes())
      return fail("weight '" + name + "' has " + std::to_string(e.end - e.begin) +
                  " bytes of data, expected " + std::to_string(out.bytes()));
    std::memcpy(out.data(), file.data() + dataStart + e.begin, out.bytes());
    return true;
  }
};

Tensor transposed(const Tensor &w) {
  int64_t N = w.shape[0], K = w.shape[1];
  Tensor t = allocate(F32, {K, N});
  if (!t.storage)
    return t;
  const float *src = static_cast<const float *>(w.data());
  float *dst = static_cast<float *>(t.data());
  for (int64_t n = 0; n < N; ++n)
    for (int64_t k = 0; k < K; ++k)
      dst[k * N + n] = src[n * K + k];
  return t;
}

Tensor concatColumns(const std::vector<const Tensor *> &parts, const Shape &shape) {
  Tensor t = allocate(F32, shape);
  if (!t.storage)
    return t;
  int64_t rows = shape.size() == 2 ? shape[0] : 1, cols = shape.back(), offset = 0;
  float *dst = static_cast<float *>(t.data());
  for (const Tensor *p : parts) {
    int64_t n = p->shape.back();
    const float *src = static_cast<const float *>(p->data());
    for (int64_t r = 0; r < rows; ++r)
      std::memcpy(dst + r * cols + offset, src + r * n, n * sizeof(float));
    offset += n;
  }
  return t;
}

Tensor zeros(int32_t dtype, const Shape &shape) {
  Tensor t = allocate(dtype, shape);
  if (t.storage)
    std::memset(t.data(), 0, t.bytes());
  return t;
}

Tensor literal(int32_t dtype, const Shape &shape, const void *bytes) {
  Tensor t = allocate(dtype, shape);
  if (t.storage)
    std::memcpy(t.data(), bytes, t.bytes());
  return t;
}

/// A caller's input as a tensor (no copy), after checking it against the
/// function's argument: dtype, static dims and one batch for all inputs.
bool bindInput(const tfx_tensor *inputs, int count, const char *name, int32_t dtype,
               const Shape &want, int64_t &batch, Tensor &out) {
  const tfx_tensor *t = nullptr;
  for (int i = 0; i < count; ++i)
    if (inputs[i].name && std::strcmp(inputs[i].name, name) == 0)
      t = &inputs[i];
  if (!t)
    return fail(std::string("missing input '") + name + "'");
  if (t->dtype != dtype)
    return fail(std::string("input '") + name + "' has dtype " + dtypeName(t->dtype) +
                " but the function takes " + dtypeName(dtype));
  Shape got(t->shape, t->shape + (t->rank > 0 && t->rank <= 8 ? t->rank : 0));
  bool ok = t->rank == static_cast<int32_t>(want.size()) && t->data != nullptr;
  int64_t n = 1;
  for (size_t d = 0; ok && d < want.size(); ++d) {
    if (got[d] < 0 || (want[d] >= 0 && want[d] != got[d]))
      ok = false;
    if (ok && want[d] < 0) {
      if (batch >= 0 && batch != got[d])
        return fail(std::string("input '") + name + "' has batch " +
                    std::to_string(got[d]) + " but another input has batch " +
                    std::to_string(batch));
      batch = got[d];
    }
    if (ok && got[d] > 0 && n > kMaxElements / got[d])
      return fail(std::string("input '") + name + "' exceeds 2^31 elements");
    n *= ok ? got[d] : 1;
  }
  if (!ok)
    return fail(std::string("input '") + name + "' has shape " + formatShape(got) +
                " but the function takes " + formatShape(want) + " (? = any batch)");
  out.dtype = dtype;
  out.shape = got;
  out.storage = std::shared_ptr<char>(static_cast<char *>(t->data), [](char *) {});
  return true;
}

bool checkIds(const Tensor &t, int64_t vocab) {
  bool wide = t.dtype == I64;
  for (int64_t i = 0; i < t.numel(); ++i) {
    int64_t id = wide ? static_cast<const int64_t *>(t.data())[i]
                      : static_cast<const int32_t *>(t.data())[i];
    if (id < 0 || id >= vocab)
      return fail("token id " + std::to_string(id) + " at flat index " +
                  std::to_string(i) + " is outside the vocabulary [0, " +
                  std::to_string(vocab) + ")");
  }
  return true;
}

/// The broadcast of two shapes of one rank.
bool broadcast(const Shape &a, const Shape &b, Shape &out) {
  out.resize(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i] || b[i] == 1)
      out[i] = a[i];
    else if (a[i] == 1)
      out[i] = b[i];
    else
      return fail("shapes " + formatShape(a) + " and " + formatShape(b) +
                  " do not broadcast");
  }
  return true;
}

/// The first dynamic extent of `view` in `t` (already viewed), or `dyn`.
int64_t dynamicExtent(const Shape &viewShape, const Tensor &t, int64_t dyn) {
  if (dyn >= 0)
    return dyn;
  for (size_t d = 0; d < viewShape.size(); ++d)
    if (viewShape[d] < 0)
      return t.shape[d];
  return dyn;
}

Shape resolve(Shape s, int64_t dyn) {
  for (int64_t &e : s)
    if (e < 0)
      e = dyn;
  return s;
}

} // namespace
)TFXSUPPORT";
}

} // namespace tfx::target

#endif // TFX_TARGET_DRIVERSUPPORT_H
