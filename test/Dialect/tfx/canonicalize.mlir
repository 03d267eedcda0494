// RUN: tfx-opt %s -canonicalize -split-input-file | FileCheck %s

// Dropout is the identity at inference.
// CHECK-LABEL: func.func @dropout
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK-NOT: tfx.dropout
// CHECK: return %[[X]]
func.func @dropout(%x: tensor<?x8x16xf32>) -> tensor<?x8x16xf32> {
  %0 = tfx.dropout %x {rate = 0.1 : f32} : tensor<?x8x16xf32>
  return %0 : tensor<?x8x16xf32>
}

// -----

// A transpose followed by its inverse disappears.
// CHECK-LABEL: func.func @transpose_inverse
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x4x4xf32>)
// CHECK-NOT: tfx.transpose
// CHECK: return %[[X]]
func.func @transpose_inverse(%x: tensor<?x8x4x4xf32>) -> tensor<?x8x4x4xf32> {
  %0 = tfx.transpose %x [0, 2, 1, 3] : tensor<?x8x4x4xf32> -> tensor<?x4x8x4xf32>
  %1 = tfx.transpose %0 [0, 2, 1, 3] : tensor<?x4x8x4xf32> -> tensor<?x8x4x4xf32>
  return %1 : tensor<?x8x4x4xf32>
}

// -----

// Two transposes compose into one: [0,2,1,3] then [0,1,3,2] = [0,2,3,1].
// CHECK-LABEL: func.func @transpose_compose
// CHECK: %[[T:.*]] = tfx.transpose %{{.*}} [0, 2, 3, 1] : tensor<2x8x4x5xf32> -> tensor<2x4x5x8xf32>
// CHECK-NOT: tfx.transpose
// CHECK: return %[[T]]
func.func @transpose_compose(%x: tensor<2x8x4x5xf32>) -> tensor<2x4x5x8xf32> {
  %0 = tfx.transpose %x [0, 2, 1, 3] : tensor<2x8x4x5xf32> -> tensor<2x4x8x5xf32>
  %1 = tfx.transpose %0 [0, 1, 3, 2] : tensor<2x4x8x5xf32> -> tensor<2x4x5x8xf32>
  return %1 : tensor<2x4x5x8xf32>
}

// -----

// The identity permutation folds.
// CHECK-LABEL: func.func @transpose_identity
// CHECK-NOT: tfx.transpose
func.func @transpose_identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = tfx.transpose %x [0, 1] : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Reshape chains collapse to the last shape; a round trip disappears.
// CHECK-LABEL: func.func @reshape_chain
// CHECK: %[[R:.*]] = tfx.reshape %{{.*}} : tensor<?x8x16xf32> -> tensor<?x128xf32>
// CHECK-NOT: tfx.reshape
// CHECK: return %[[R]]
func.func @reshape_chain(%x: tensor<?x8x16xf32>) -> tensor<?x128xf32> {
  %0 = tfx.reshape %x : tensor<?x8x16xf32> -> tensor<?x8x4x4xf32>
  %1 = tfx.reshape %0 : tensor<?x8x4x4xf32> -> tensor<?x128xf32>
  return %1 : tensor<?x128xf32>
}

// CHECK-LABEL: func.func @reshape_roundtrip
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK-NOT: tfx.reshape
// CHECK: return %[[X]]
func.func @reshape_roundtrip(%x: tensor<?x8x16xf32>) -> tensor<?x8x16xf32> {
  %0 = tfx.reshape %x : tensor<?x8x16xf32> -> tensor<?x128xf32>
  %1 = tfx.reshape %0 : tensor<?x128xf32> -> tensor<?x8x16xf32>
  return %1 : tensor<?x8x16xf32>
}

// -----

// Two legal steps can make one illegal step: [?, 4] -> [?, 2] -> [?, 6] is
// fine, [?, 4] -> [?, 6] does not verify (4 and 6 do not divide), so the chain
// is kept.
// CHECK-LABEL: func.func @reshape_chain_kept
// CHECK-COUNT-2: tfx.reshape
func.func @reshape_chain_kept(%x: tensor<?x4xf32>) -> tensor<?x6xf32> {
  %0 = tfx.reshape %x : tensor<?x4xf32> -> tensor<?x2xf32>
  %1 = tfx.reshape %0 : tensor<?x2xf32> -> tensor<?x6xf32>
  return %1 : tensor<?x6xf32>
}

// -----

// slice(concat(a, b)) that picks exactly b is b; a full slice is the input;
// a one-input concat is its input.
// CHECK-LABEL: func.func @slice_concat
// CHECK-SAME: (%[[A:.*]]: tensor<?x8x4xf32>, %[[B:.*]]: tensor<?x8x6xf32>)
// CHECK-NOT: tfx.slice
// CHECK-NOT: tfx.concat
// CHECK: return %[[B]], %[[A]], %[[A]]
func.func @slice_concat(%a: tensor<?x8x4xf32>, %b: tensor<?x8x6xf32>) -> (tensor<?x8x6xf32>, tensor<?x8x4xf32>, tensor<?x8x4xf32>) {
  %0 = tfx.concat %a, %b {axis = 2 : i64} : (tensor<?x8x4xf32>, tensor<?x8x6xf32>) -> tensor<?x8x10xf32>
  %1 = tfx.slice %0 {axis = -1 : i64, start = 4 : i64, size = 6 : i64} : tensor<?x8x10xf32> -> tensor<?x8x6xf32>
  %2 = tfx.slice %a {axis = 2 : i64, start = 0 : i64, size = 4 : i64} : tensor<?x8x4xf32> -> tensor<?x8x4xf32>
  %3 = tfx.concat %a {axis = 1 : i64} : (tensor<?x8x4xf32>) -> tensor<?x8x4xf32>
  return %1, %2, %3 : tensor<?x8x6xf32>, tensor<?x8x4xf32>, tensor<?x8x4xf32>
}

// A slice that straddles two concat inputs stays.
// CHECK-LABEL: func.func @slice_concat_straddle
// CHECK: tfx.concat
// CHECK: tfx.slice
func.func @slice_concat_straddle(%a: tensor<?x8x4xf32>, %b: tensor<?x8x6xf32>) -> tensor<?x8x4xf32> {
  %0 = tfx.concat %a, %b {axis = 2 : i64} : (tensor<?x8x4xf32>, tensor<?x8x6xf32>) -> tensor<?x8x10xf32>
  %1 = tfx.slice %0 {axis = 2 : i64, start = 2 : i64, size = 4 : i64} : tensor<?x8x10xf32> -> tensor<?x8x4xf32>
  return %1 : tensor<?x8x4xf32>
}

// -----

// Equal constants are merged.
// CHECK-LABEL: func.func @constant_dedup
// CHECK: %[[C:.*]] = tfx.constant dense<2.500000e-01> : tensor<f32>
// CHECK: tfx.mul %{{.*}}, %[[C]]
// CHECK: tfx.mul %{{.*}}, %[[C]]
func.func @constant_dedup(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c0 = tfx.constant dense<0.25> : tensor<f32>
  %c1 = tfx.constant dense<0.25> : tensor<f32>
  %0 = tfx.mul %x, %c0 : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = tfx.mul %0, %c1 : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
