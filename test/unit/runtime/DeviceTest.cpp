//===- DeviceTest.cpp - device residency of the plan interpreter ----------===//
//
// The runner's device path (Device.h, HalideArgs.h, Interpreter.h) on a fake
// halide_device_interface_t whose "device memory" is malloc'd and whose
// copies are counted, with fake device kernels that read and write through
// halide_buffer_t::device and set the dirty flags as Halide's generated code
// does. Expected values come from plain loops; expected copy counts from
// what residency promises: constants go up once, inputs go up and outputs
// come down once per call, nothing else moves.
//
//===----------------------------------------------------------------------===//

#include "tfx/runtime/HalideArgs.h"
#include "tfx/runtime/Interpreter.h"
#include "tfx/runtime/Plan.h"

#include "TestPlans.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

using namespace tfx::rt;
using namespace tfx::rt::test;

namespace {

/// What the fake device saw.
struct FakeCounts {
  int live = 0, mallocs = 0, h2d = 0, d2h = 0;
  size_t h2dBytes = 0, d2hBytes = 0;
};
FakeCounts fake;

void *devicePtr(const halide_buffer_t *b) { return reinterpret_cast<void *>(b->device); }

int fakeMalloc(void *, halide_buffer_t *b, const halide_device_interface_t *iface) {
  b->device = reinterpret_cast<uint64_t>(std::malloc(std::max<size_t>(1, b->size_in_bytes())));
  b->device_interface = iface;
  ++fake.live;
  ++fake.mallocs;
  return 0;
}

int fakeFree(void *, halide_buffer_t *b) {
  std::free(devicePtr(b));
  b->device = 0;
  b->device_interface = nullptr;
  b->set_device_dirty(false);
  --fake.live;
  return 0;
}

/// Copies the elements of `b` (only those: a window of a wider buffer
/// leaves its neighbours alone, as Halide's per-row copies do), with
/// device memory laid out as the host's.
void copyElements(const halide_buffer_t *b, bool toHost, int dim = -1, size_t offset = 0) {
  if (dim < 0)
    dim = b->dimensions - 1;
  size_t elem = b->type.bytes();
  uint8_t *dev = static_cast<uint8_t *>(devicePtr(b));
  if (dim < 0) { // rank 0
    std::memcpy(toHost ? b->host : dev, toHost ? dev : b->host, elem);
    return;
  }
  for (int32_t i = 0; i < b->dim[dim].extent; ++i) {
    size_t at = offset + static_cast<size_t>(i) * b->dim[dim].stride * elem;
    if (dim == 0)
      std::memcpy(toHost ? b->host + at : dev + at, toHost ? dev + at : b->host + at, elem);
    else
      copyElements(b, toHost, dim - 1, at);
  }
}

int fakeToHost(void *, halide_buffer_t *b) {
  if (b->device_dirty()) {
    copyElements(b, /*toHost=*/true);
    ++fake.d2h;
    fake.d2hBytes += b->size_in_bytes();
    b->set_device_dirty(false);
  }
  return 0;
}

int fakeToDevice(void *uc, halide_buffer_t *b, const halide_device_interface_t *iface) {
  if (!b->device)
    fakeMalloc(uc, b, iface);
  if (b->host_dirty()) {
    copyElements(b, /*toHost=*/false);
    ++fake.h2d;
    fake.h2dBytes += b->size_in_bytes();
    b->set_host_dirty(false);
  }
  return 0;
}

const halide_device_interface_t *fakeInterface() {
  static halide_device_interface_t iface = [] {
    halide_device_interface_t i{};
    i.device_malloc = fakeMalloc;
    i.device_free = fakeFree;
    i.copy_to_host = fakeToHost;
    i.copy_to_device = fakeToDevice;
    return i;
  }();
  return &iface;
}

/// out = a + b (b broadcast over rows when it has one), f32 [rows, cols].
void addRows(const float *a, const float *b, float *out, int64_t rows, int64_t cols,
             bool broadcastB) {
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      out[i * cols + j] = a[i * cols + j] + b[(broadcastB ? 0 : i) * cols + j];
}

/// A GPU kernel as Halide compiles it: operands must be on the device (as
/// the runner promises), the result is written there and marked dirty.
/// With `hostStage`, a GPU kernel with a host stage, as Halide runs one: it
/// copies its device-dirty inputs home itself, computes on the host and
/// marks the output host-dirty; the runner must see and count that.
class DeviceAdd final : public Kernel {
public:
  explicit DeviceAdd(bool hostStage = false) : hostStage_(hostStage) {}
  Placement placement() const override { return Placement::Device; }
  Status run(const std::vector<const Tensor *> &in, Tensor &out) override {
    HalideArgs args;
    TFX_RETURN_IF_ERROR(args.addInput(*in[0]));
    TFX_RETURN_IF_ERROR(args.addInput(*in[1]));
    TFX_RETURN_IF_ERROR(args.addOutput(out));
    halide_buffer_t **b = args.buffers();
    float *p[3];
    for (int i = 0; i < 3; ++i) {
      if (!b[i]->device)
        return Status::error("operand " + std::to_string(i) + " is not on the device");
      if (hostStage_ && b[i]->device_dirty())
        b[i]->device_interface->copy_to_host(nullptr, b[i]);
      p[i] = static_cast<float *>(hostStage_ ? static_cast<void *>(b[i]->host) : devicePtr(b[i]));
    }
    addRows(p[0], p[1], p[2], out.dim(0), out.dim(1), in[1]->dim(0) == 1);
    if (hostStage_)
      b[2]->set_host_dirty(true);
    else
      b[2]->set_device_dirty(true);
    return args.commit();
  }

private:
  bool hostStage_;
};

/// A CPU kernel: reads and writes host memory, which must be current.
class HostAdd final : public Kernel {
public:
  Status run(const std::vector<const Tensor *> &in, Tensor &out) override {
    for (const Tensor *t : in)
      if (t->residency() && !t->residency()->hostValid)
        return Status::error("a host kernel got a stale host copy");
    addRows(in[0]->dataAs<float>(), in[1]->dataAs<float>(), out.dataAs<float>(), out.dim(0),
            out.dim(1), in[1]->dim(0) == 1);
    return Status::ok();
  }
};

/// out = [a, b] along columns, written as two windows of out (the LSRA
/// kernel's form): Halide gives a host-only window a device buffer of its
/// own, which HalideArgs must bring home and free.
class WindowConcat final : public Kernel {
public:
  Placement placement() const override { return Placement::Device; }
  Status run(const std::vector<const Tensor *> &in, Tensor &out) override {
    int64_t rows = out.dim(0), w = in[0]->dim(1);
    HalideArgs args;
    TFX_RETURN_IF_ERROR(args.addInput(*in[0]));
    TFX_RETURN_IF_ERROR(args.addInput(*in[1]));
    TFX_RETURN_IF_ERROR(args.addOutput(out, 0, w));
    TFX_RETURN_IF_ERROR(args.addOutput(out, w, w));
    halide_buffer_t **b = args.buffers();
    for (int k = 0; k < 2; ++k) {
      halide_buffer_t *win = b[2 + k];
      if (win->device)
        return Status::error("a window came with a device buffer");
      // Halide's device buffer for a strided window spans its whole extent.
      fakeMalloc(nullptr, win, fakeInterface());
      const float *src = static_cast<const float *>(devicePtr(b[k]));
      float *dst = static_cast<float *>(devicePtr(win));
      for (int64_t i = 0; i < rows; ++i)
        for (int64_t j = 0; j < w; ++j)
          dst[i * 2 * w + j] = src[i * w + j];
      win->set_device_dirty(true);
    }
    return args.commit();
  }
};

/// g(x: [?, 3]) = concat(x, x) along columns: [?, 6].
Plan concatPlan() {
  Plan p;
  p.function = "g";
  p.numKernels = 1;
  p.numSlots = 2;
  p.inputs = {{"x", 0, DType::F32, {-1, 3}}};
  p.outputs = {{"y", 1, DType::F32, {-1, 6}}};
  PlanStep cat;
  cat.kind = PlanStep::Kind::Kernel;
  cat.what = "tfx.concat #1";
  cat.kernel = 0;
  cat.inputs = {0, 0};
  cat.inputViews = {{-1, 3}, {-1, 3}};
  cat.outputShape = {-1, 6};
  cat.resultView = {-1, 6};
  cat.output = 1;
  p.steps = {cat};
  return p;
}

Tensor ramp(int64_t rows) {
  Tensor x(DType::F32, {rows, 3});
  for (int64_t i = 0; i < 3 * rows; ++i)
    x.dataAs<float>()[i] = 0.25f * static_cast<float>(i) - 1.0f;
  return x;
}

/// (x + bias) + bias with bias = {1, 2, 3}, by plain loops.
void expectAddTwice(const Tensor &x, const Tensor &y) {
  ASSERT_EQ(y.shape(), x.shape());
  for (int64_t i = 0; i < x.numel(); ++i)
    EXPECT_FLOAT_EQ(y.dataAs<float>()[i],
                    x.dataAs<float>()[i] + 2.0f * static_cast<float>(i % 3 + 1));
}

std::map<std::string, Tensor> biasWeights() { return {{"bias", floats({1, 3}, {1, 2, 3})}}; }

Device fakeDevice() { return Device{fakeInterface()}; }

TEST(DeviceResidency, OnlyInputsGoUpAndOnlyOutputsComeDown) {
  fake = {};
  {
    Plan plan = addTwicePlan();
    auto weights = biasWeights();
    DeviceAdd add;
    PlanRunner runner(plan, {&add}, *materializeConstants(plan, weights), fakeDevice());
    DeviceConstants cache;
    RunStats load;
    ASSERT_TRUE(runner.uploadConstants(cache, load));
    EXPECT_EQ(load.uploads, 1u);
    EXPECT_EQ(load.uploadBytes, 12u);
    EXPECT_EQ(fake.h2d, 1);
    for (int64_t batch : {4, 4, 2}) {
      FakeCounts before = fake;
      Tensor x = ramp(batch);
      std::vector<Tensor> out;
      Status s = runner.run({{"x", x}}, out);
      ASSERT_TRUE(s) << s.message();
      ASSERT_EQ(out.size(), 1u);
      expectAddTwice(x, out[0]);
      const RunStats &st = runner.lastRunStats();
      EXPECT_EQ(st.kernelLaunches, 2u);
      EXPECT_EQ(st.uploads, 1u);
      EXPECT_EQ(st.uploadBytes, static_cast<size_t>(batch * 12));
      EXPECT_EQ(st.downloads, 1u);
      EXPECT_EQ(st.downloadBytes, static_cast<size_t>(batch * 12));
      EXPECT_EQ(st.implicitCopies, 0u);
      // What the device saw agrees with what the runner counted.
      EXPECT_EQ(fake.h2d - before.h2d, 1);
      EXPECT_EQ(fake.d2h - before.d2h, 1);
      EXPECT_EQ(fake.d2hBytes - before.d2hBytes, static_cast<size_t>(batch * 12));
      if (batch == 4 && before.mallocs > 1) { // the second run of batch 4
        EXPECT_EQ(st.deviceBuffersAllocated, 0u);
        EXPECT_EQ(fake.mallocs, before.mallocs);
      }
    }
  }
  EXPECT_EQ(fake.live, 0) << "device memory left behind";
}

TEST(DeviceResidency, ConstantsGoUpOncePerModel) {
  fake = {};
  {
    Plan plan = addTwicePlan();
    auto weights = biasWeights();
    DeviceAdd add;
    PlanRunner encode(plan, {&add}, *materializeConstants(plan, weights), fakeDevice());
    PlanRunner decode(plan, {&add}, *materializeConstants(plan, weights), fakeDevice());
    DeviceConstants cache;
    RunStats load;
    ASSERT_TRUE(encode.uploadConstants(cache, load));
    ASSERT_TRUE(decode.uploadConstants(cache, load));
    EXPECT_EQ(load.uploads, 1u) << "a weight shared by two functions goes up once";
    Tensor x = ramp(2);
    std::vector<Tensor> a, b;
    ASSERT_TRUE(encode.run({{"x", x}}, a));
    ASSERT_TRUE(decode.run({{"x", x}}, b));
    expectAddTwice(x, a[0]);
    expectAddTwice(x, b[0]);
  }
  EXPECT_EQ(fake.live, 0);
}

/// addTwicePlan with step `other` on `b` and the other step on `a`, on the
/// fake device with the bias uploaded, run once on `x`; checks the result.
RunStats runMixed(Kernel &a, Kernel &b, int other, const Tensor &x) {
  Plan plan = addTwicePlan();
  plan.numKernels = 2;
  plan.steps[other].kernel = 1;
  auto weights = biasWeights();
  PlanRunner runner(plan, {&a, &b}, *materializeConstants(plan, weights), fakeDevice());
  DeviceConstants cache;
  RunStats load;
  EXPECT_TRUE(runner.uploadConstants(cache, load));
  std::vector<Tensor> out;
  Status s = runner.run({{"x", x}}, out);
  EXPECT_TRUE(s) << s.message();
  if (s)
    expectAddTwice(x, out[0]);
  return runner.lastRunStats();
}

TEST(DeviceResidency, AHostKernelBetweenDeviceKernelsCostsCountedCopies) {
  for (int hostStep : {0, 1}) {
    fake = {};
    DeviceAdd dev;
    HostAdd host;
    RunStats st = runMixed(dev, host, hostStep, ramp(3));
    // Host first: x stays home, the sum goes up, the result comes down.
    // Device first: x goes up, the sum comes down, the result is home.
    EXPECT_EQ(st.uploads, 1u);
    EXPECT_EQ(st.downloads, 1u);
    EXPECT_EQ(st.implicitCopies, 0u);
    EXPECT_EQ(fake.h2d, 2); // with the bias at load
    EXPECT_EQ(fake.d2h, 1);
  }
}

TEST(DeviceResidency, CopiesInsideAKernelAreCounted) {
  fake = {};
  DeviceAdd dev;
  DeviceAdd stage(/*hostStage=*/true);
  RunStats st = runMixed(dev, stage, 1, ramp(2));
  EXPECT_EQ(st.implicitCopies, 1u);
  EXPECT_EQ(st.downloads, 0u) << "the result came home inside the kernel";
}

TEST(DeviceResidency, WindowsComeHomeAndTheirDeviceCopiesAreFreed) {
  fake = {};
  {
    Plan plan = concatPlan();
    ASSERT_TRUE(plan.validate()) << plan.validate().message();
    WindowConcat cat;
    PlanRunner runner(plan, {&cat}, {}, fakeDevice());
    DeviceConstants cache;
    RunStats load;
    ASSERT_TRUE(runner.uploadConstants(cache, load));
    Tensor x = ramp(5);
    for (int run = 0; run < 2; ++run) {
      std::vector<Tensor> out;
      Status s = runner.run({{"x", x}}, out);
      ASSERT_TRUE(s) << s.message();
      ASSERT_EQ(out[0].shape(), (Shape{5, 6}));
      for (int64_t i = 0; i < 5; ++i)
        for (int64_t j = 0; j < 6; ++j)
          EXPECT_EQ(out[0].dataAs<float>()[i * 6 + j], x.dataAs<float>()[i * 3 + j % 3]);
      EXPECT_EQ(runner.lastRunStats().implicitCopies, 1u);
      EXPECT_EQ(runner.lastRunStats().downloads, 0u);
    }
    EXPECT_EQ(fake.d2h, 4); // two windows per run
  }
  EXPECT_EQ(fake.live, 0);
}

TEST(DeviceResidency, HostExecutionHasNoResidency) {
  Plan plan = addTwicePlan();
  auto weights = biasWeights();
  HostAdd add;
  PlanRunner runner(plan, {&add}, *materializeConstants(plan, weights));
  DeviceConstants cache;
  RunStats load;
  ASSERT_TRUE(runner.uploadConstants(cache, load));
  Tensor x = ramp(2);
  std::vector<Tensor> out;
  ASSERT_TRUE(runner.run({{"x", x}}, out));
  expectAddTwice(x, out[0]);
  EXPECT_EQ(out[0].residency(), nullptr);
  EXPECT_EQ(load.uploads + runner.lastRunStats().uploads + runner.lastRunStats().downloads, 0u);
}

TEST(DeviceResidency, ADeviceKernelWithoutUploadedConstantsIsRefused) {
  Plan plan = addTwicePlan();
  auto weights = biasWeights();
  DeviceAdd add;
  PlanRunner runner(plan, {&add}, *materializeConstants(plan, weights), fakeDevice());
  Tensor x = ramp(2);
  std::vector<Tensor> out;
  Status s = runner.run({{"x", x}}, out);
  ASSERT_FALSE(s);
  EXPECT_NE(s.message().find("were the constants uploaded?"), std::string::npos) << s.message();
}

} // namespace
