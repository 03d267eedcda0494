// Data-movement family (lib/Lowering/DataMovement.cpp,
// include/tfx/Lowering/Params/DataMovement.h): transpose by a permutation,
// and glu / concat / slice on [outer, axis, inner] views. Reshape and
// dropout are views, not kernels.
// RUN: tfx-translate %s --emit=plan | FileCheck %s

// CHECK-LABEL: func moves:
// CHECK: kernel 0: transpose {perm=[0,2,1,3]} (f32[?x8x4x4]) -> f32[?x4x8x4]
// CHECK: kernel 1: glu {} (f32[?x16x1]) -> f32[?x8x1]
// CHECK: kernel 2: slice {start=2} (f32[?x8x1]) -> f32[?x4x1]
// CHECK: kernel 3: concat {operands=2} (f32[?x4x1], f32[?x8x1]) -> f32[?x12x1]
// CHECK: step 0: %{{[0-9]+}} = view %0 as [?x8x4x4]
func.func @moves(%x: tensor<?x8x16xf32> {tfx.name = "x"}) -> (tensor<?x4x8x4xf32>, tensor<?x8x12xf32>) {
  %h = tfx.reshape %x : tensor<?x8x16xf32> -> tensor<?x8x4x4xf32>
  %t = tfx.transpose %h [0, 2, 1, 3] : tensor<?x8x4x4xf32> -> tensor<?x4x8x4xf32>
  %g = tfx.glu %x : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %s = tfx.slice %g {axis = -1 : i64, size = 4 : i64, start = 2 : i64} : tensor<?x8x8xf32> -> tensor<?x8x4xf32>
  %c = tfx.concat %s, %g {axis = -1 : i64} : (tensor<?x8x4xf32>, tensor<?x8x8xf32>) -> tensor<?x8x12xf32>
  return %t, %c : tensor<?x4x8x4xf32>, tensor<?x8x12xf32>
}
