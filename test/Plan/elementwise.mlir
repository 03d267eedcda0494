// Elementwise family (lib/Lowering/Elementwise.cpp,
// include/tfx/Lowering/Params/Elementwise.h): binary ops with the dims each
// operand is broadcast along (tensor order, after padding to the result's
// rank), standalone activations, and apply_mask.
// RUN: tfx-translate %s --emit=plan | FileCheck %s

// CHECK-LABEL: func binaries:
// CHECK: kernel 0: binary {op=add, lhs_broadcast=[], rhs_broadcast=[0,1]} (f32[?x5x16], f32[1x1x16]) -> f32[?x5x16]
// CHECK: kernel 1: binary {op=sub, lhs_broadcast=[], rhs_broadcast=[]}
// CHECK: kernel 2: binary {op=mul, lhs_broadcast=[2], rhs_broadcast=[]} (f32[?x5x1], f32[?x5x16])
// CHECK: kernel 3: binary {op=div, lhs_broadcast=[], rhs_broadcast=[0,1,2]} (f32[?x5x16], f32[1x1x1])
// CHECK: step 0: {{.*}} (broadcast)
func.func @binaries(%x: tensor<?x5x16xf32> {tfx.name = "x"}, %c: tensor<?x5x1xf32> {tfx.name = "c"}) -> tensor<?x5x16xf32> {
  %bias = tfx.param "bias" : tensor<16xf32>
  %s = tfx.param "s" : tensor<f32>
  %0 = tfx.add %x, %bias : (tensor<?x5x16xf32>, tensor<16xf32>) -> tensor<?x5x16xf32>
  %1 = tfx.sub %0, %x : (tensor<?x5x16xf32>, tensor<?x5x16xf32>) -> tensor<?x5x16xf32>
  %2 = tfx.mul %c, %1 : (tensor<?x5x1xf32>, tensor<?x5x16xf32>) -> tensor<?x5x16xf32>
  %3 = tfx.div %2, %s : (tensor<?x5x16xf32>, tensor<f32>) -> tensor<?x5x16xf32>
  return %3 : tensor<?x5x16xf32>
}

// An activation that does not follow a linear layer runs on its own, over
// a flat view.
// CHECK-LABEL: func activations:
// CHECK: kernel 0: unary {act=relu} (f32[?]) -> f32[?]
// CHECK: kernel 1: unary {act=gelu_tanh} (f32[?])
// CHECK: kernel 2: unary {act=leaky_relu(0.01)} (f32[?])
func.func @activations(%x: tensor<?x5x16xf32> {tfx.name = "x"}) -> tensor<?x5x16xf32> {
  %0 = tfx.relu %x : tensor<?x5x16xf32>
  %1 = tfx.gelu %0 {approximate = "tanh"} : tensor<?x5x16xf32>
  %2 = tfx.leaky_relu %1 : tensor<?x5x16xf32>
  return %2 : tensor<?x5x16xf32>
}

// CHECK-LABEL: func masked:
// CHECK: kernel 0: apply_mask {fill=-1e+09, mask_broadcast=[2]} (f32[?x8x8], bool[?x8x1]) -> f32[?x8x8]
func.func @masked(%x: tensor<?x8x8xf32> {tfx.name = "x"}, %keep: tensor<?x8x1xi1> {tfx.name = "keep"}) -> tensor<?x8x8xf32> {
  %y = tfx.apply_mask %x, %keep {fill = -1.000000e+09 : f32} : tensor<?x8x8xf32>, tensor<?x8x1xi1>
  return %y : tensor<?x8x8xf32>
}
