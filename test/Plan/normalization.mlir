// Normalization family (lib/Lowering/Normalization.cpp,
// include/tfx/Lowering/Params/Normalization.h): softmax over any axis as a
// [outer, axis, inner] view, layer norm over the last dim as [rows, width].
// RUN: tfx-translate %s --emit=plan | FileCheck %s

// CHECK-LABEL: func norms:
// CHECK: kernel 0: softmax {} (f32[?x5x1]) -> f32[?x5x1]
// CHECK: kernel 1: softmax {} (f32[?x4x5]) -> f32[?x4x5]
// CHECK: kernel 2: layer_norm {epsilon=0.001} (f32[?x5], f32[5], f32[5]) -> f32[?x5]
// CHECK: step 2: {{.*}} = kernel 2(%{{[0-9]+}} as [?x5], %{{[0-9]+}} as [5], %{{[0-9]+}} as [5]) -> f32[?x5] as [?x4x5]
func.func @norms(%x: tensor<?x4x5xf32> {tfx.name = "x"}) -> tensor<?x4x5xf32> {
  %g = tfx.param "g" : tensor<5xf32>
  %b = tfx.param "b" : tensor<5xf32>
  %0 = tfx.softmax %x {axis = -1 : i64} : tensor<?x4x5xf32>
  %1 = tfx.softmax %0 {axis = 1 : i64} : tensor<?x4x5xf32>
  %2 = tfx.layer_norm %1, %g, %b {epsilon = 1.000000e-03 : f32} : (tensor<?x4x5xf32>, tensor<5xf32>, tensor<5xf32>) -> tensor<?x4x5xf32>
  return %2 : tensor<?x4x5xf32>
}
