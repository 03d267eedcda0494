//===- OnnxModel.cpp - reading ONNX models: tensors, opset, graph inputs --===//
//
// What the importer reads from the protobuf before any node: tensors
// (initializers and Constant / ConstantOfShape values) into host tensors,
// with their sizes checked and external data refused; the default opset,
// which must be one tfx-import reads; and the graph inputs that become the
// function's arguments, where only the batch dimension may be symbolic.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

namespace tfx::import::detail {

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

void GraphImporter::readOpset(const onnx::ModelProto &model) {
  for (const auto &o : model.opset_import())
    if (o.domain().empty() || o.domain() == "ai.onnx")
      opset = static_cast<int>(o.version());
  if (opset == 0)
    fail("the model imports no version of the default ONNX operator set");
  if (opset < kMinOpset || opset > kMaxOpset)
    fail("the model uses ONNX opset " + std::to_string(opset) + "; tfx-import reads opsets " +
         std::to_string(kMinOpset) + " to " + std::to_string(kMaxOpset) +
         " (re-export with opset_version in that range)");
}

/// Initializers become host values (float ones keep their name as the
/// parameter they are); returns their names.
std::set<std::string> GraphImporter::readInitializers(const onnx::GraphProto &g) {
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
  return initNames;
}

/// Arguments: graph inputs that are not initializers.
void GraphImporter::readGraphInputs(const onnx::GraphProto &g,
                                    const std::set<std::string> &initNames,
                                    SmallVector<Type> &argTypes, GraphArgs &args) {
  std::string batchName;
  for (const auto &input : g.input()) {
    if (initNames.count(input.name()))
      continue;
    const auto &tt = input.type().tensor_type();
    if (!input.type().has_tensor_type() || !tt.has_shape())
      fail("graph input '" + input.name() + "' is not a tensor of known rank");
    Type elem = inputElemType(input);
    std::vector<Sym> dims = inputDims(input, batchName);
    argTypes.push_back(typeOf(dims, elem));
    args.emplace_back(input.name(), dims);
  }
}

Type GraphImporter::inputElemType(const onnx::ValueInfoProto &input) {
  const auto &tt = input.type().tensor_type();
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
  return elem;
}

/// The dimensions of a graph input: static, but for a leading batch
/// dimension that all inputs name alike (`batchName`, "" before the first).
std::vector<Sym> GraphImporter::inputDims(const onnx::ValueInfoProto &input,
                                         std::string &batchName) {
  const auto &tt = input.type().tensor_type();
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
  return dims;
}

} // namespace tfx::import::detail
