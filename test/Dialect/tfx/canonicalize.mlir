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

// -----

// A negative axis becomes axis + rank on slices and concats.
// CHECK-LABEL: func.func @negative_axis
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>, %[[Y:.*]]: tensor<?x8x16xf32>)
// CHECK: %[[S:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 6 : i64, start = 2 : i64} : tensor<?x8x16xf32> -> tensor<?x8x6xf32>
// CHECK: %[[T:.*]] = tfx.slice %[[X]] {axis = 1 : i64, size = 3 : i64, start = 1 : i64} : tensor<?x8x16xf32> -> tensor<?x3x16xf32>
// CHECK: %[[C:.*]] = tfx.concat %[[X]], %[[Y]] {axis = 2 : i64} : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x32xf32>
// CHECK: %[[D:.*]] = tfx.concat %[[X]], %[[Y]] {axis = 1 : i64} : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x16x16xf32>
// CHECK: return %[[S]], %[[T]], %[[C]], %[[D]]
func.func @negative_axis(%x: tensor<?x8x16xf32>, %y: tensor<?x8x16xf32>) -> (tensor<?x8x6xf32>, tensor<?x3x16xf32>, tensor<?x8x32xf32>, tensor<?x16x16xf32>) {
  %0 = tfx.slice %x {axis = -1 : i64, start = 2 : i64, size = 6 : i64} : tensor<?x8x16xf32> -> tensor<?x8x6xf32>
  %1 = tfx.slice %x {axis = -2 : i64, start = 1 : i64, size = 3 : i64} : tensor<?x8x16xf32> -> tensor<?x3x16xf32>
  %2 = tfx.concat %x, %y {axis = -1 : i64} : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x32xf32>
  %3 = tfx.concat %x, %y {axis = -2 : i64} : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x16x16xf32>
  return %0, %1, %2, %3 : tensor<?x8x6xf32>, tensor<?x3x16xf32>, tensor<?x8x32xf32>, tensor<?x16x16xf32>
}

// -----

// slice(slice(x, 4, 12), 2, 6) on one axis is slice(x, 6, 6); the two axes
// may be spelled differently (-1 and 2). An inner slice with another user
// stays for that user.
// CHECK-LABEL: func.func @slice_of_slice
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK-DAG: %[[A:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 6 : i64, start = 6 : i64} : tensor<?x8x16xf32> -> tensor<?x8x6xf32>
// CHECK-DAG: %[[B:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 4 : i64, start = 9 : i64} : tensor<?x8x16xf32> -> tensor<?x8x4xf32>
// CHECK-DAG: %[[I:.*]] = tfx.slice %[[X]] {axis = 1 : i64, size = 6 : i64, start = 2 : i64} : tensor<?x8x16xf32> -> tensor<?x6x16xf32>
// CHECK-DAG: %[[C:.*]] = tfx.slice %[[X]] {axis = 1 : i64, size = 2 : i64, start = 3 : i64} : tensor<?x8x16xf32> -> tensor<?x2x16xf32>
// CHECK-NOT: tfx.slice
// CHECK: return %[[A]], %[[B]], %[[C]], %[[I]]
func.func @slice_of_slice(%x: tensor<?x8x16xf32>) -> (tensor<?x8x6xf32>, tensor<?x8x4xf32>, tensor<?x2x16xf32>, tensor<?x6x16xf32>) {
  %0 = tfx.slice %x {axis = 2 : i64, start = 4 : i64, size = 12 : i64} : tensor<?x8x16xf32> -> tensor<?x8x12xf32>
  %1 = tfx.slice %0 {axis = 2 : i64, start = 2 : i64, size = 6 : i64} : tensor<?x8x12xf32> -> tensor<?x8x6xf32>
  %2 = tfx.slice %x {axis = -1 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %3 = tfx.slice %2 {axis = 2 : i64, start = 1 : i64, size = 4 : i64} : tensor<?x8x8xf32> -> tensor<?x8x4xf32>
  %4 = tfx.slice %x {axis = 1 : i64, start = 2 : i64, size = 6 : i64} : tensor<?x8x16xf32> -> tensor<?x6x16xf32>
  %5 = tfx.slice %4 {axis = 1 : i64, start = 1 : i64, size = 2 : i64} : tensor<?x6x16xf32> -> tensor<?x2x16xf32>
  return %1, %3, %5, %4 : tensor<?x8x6xf32>, tensor<?x8x4xf32>, tensor<?x2x16xf32>, tensor<?x6x16xf32>
}

// Slices along two different axes (2, then -2 = 1) do not compose.
// CHECK-LABEL: func.func @slice_of_slice_other_axis
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK: %[[A:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 12 : i64, start = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x8x12xf32>
// CHECK: %[[B:.*]] = tfx.slice %[[A]] {axis = 1 : i64, size = 4 : i64, start = 2 : i64} : tensor<?x8x12xf32> -> tensor<?x4x12xf32>
// CHECK: return %[[B]]
func.func @slice_of_slice_other_axis(%x: tensor<?x8x16xf32>) -> tensor<?x4x12xf32> {
  %0 = tfx.slice %x {axis = 2 : i64, start = 4 : i64, size = 12 : i64} : tensor<?x8x16xf32> -> tensor<?x8x12xf32>
  %1 = tfx.slice %0 {axis = -2 : i64, start = 2 : i64, size = 4 : i64} : tensor<?x8x12xf32> -> tensor<?x4x12xf32>
  return %1 : tensor<?x4x12xf32>
}

// -----

// concat(a, concat(b, c), d) on one axis is concat(a, b, c, d), also when the
// two axes are spelled differently; an inner concat with another user stays
// for that user.
// CHECK-LABEL: func.func @flatten_concats
// CHECK-SAME: (%[[A:.*]]: tensor<?x8x2xf32>, %[[B:.*]]: tensor<?x8x3xf32>, %[[C:.*]]: tensor<?x8x4xf32>, %[[D:.*]]: tensor<?x8x5xf32>)
// CHECK-DAG: %[[I:.*]] = tfx.concat %[[B]], %[[C]] {axis = 2 : i64} : (tensor<?x8x3xf32>, tensor<?x8x4xf32>) -> tensor<?x8x7xf32>
// CHECK-DAG: %[[F:.*]] = tfx.concat %[[A]], %[[B]], %[[C]], %[[D]] {axis = 2 : i64} : (tensor<?x8x2xf32>, tensor<?x8x3xf32>, tensor<?x8x4xf32>, tensor<?x8x5xf32>) -> tensor<?x8x14xf32>
// CHECK-DAG: %[[G:.*]] = tfx.concat %[[B]], %[[C]], %[[A]] {axis = 2 : i64} : (tensor<?x8x3xf32>, tensor<?x8x4xf32>, tensor<?x8x2xf32>) -> tensor<?x8x9xf32>
// CHECK: return %[[F]], %[[G]], %[[I]]
func.func @flatten_concats(%a: tensor<?x8x2xf32>, %b: tensor<?x8x3xf32>, %c: tensor<?x8x4xf32>, %d: tensor<?x8x5xf32>) -> (tensor<?x8x14xf32>, tensor<?x8x9xf32>, tensor<?x8x7xf32>) {
  %0 = tfx.concat %b, %c {axis = -1 : i64} : (tensor<?x8x3xf32>, tensor<?x8x4xf32>) -> tensor<?x8x7xf32>
  %1 = tfx.concat %a, %0, %d {axis = 2 : i64} : (tensor<?x8x2xf32>, tensor<?x8x7xf32>, tensor<?x8x5xf32>) -> tensor<?x8x14xf32>
  %2 = tfx.concat %0, %a {axis = 2 : i64} : (tensor<?x8x7xf32>, tensor<?x8x2xf32>) -> tensor<?x8x9xf32>
  return %1, %2, %0 : tensor<?x8x14xf32>, tensor<?x8x9xf32>, tensor<?x8x7xf32>
}

// A concat along another axis is not flattened into the outer one.
// CHECK-LABEL: func.func @flatten_concats_other_axis
// CHECK-SAME: (%[[A:.*]]: tensor<?x4x8xf32>, %[[B:.*]]: tensor<?x4x8xf32>, %[[C:.*]]: tensor<?x8x2xf32>)
// CHECK: %[[I:.*]] = tfx.concat %[[A]], %[[B]] {axis = 1 : i64} : (tensor<?x4x8xf32>, tensor<?x4x8xf32>) -> tensor<?x8x8xf32>
// CHECK: %[[O:.*]] = tfx.concat %[[I]], %[[C]] {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x2xf32>) -> tensor<?x8x10xf32>
// CHECK: return %[[O]]
func.func @flatten_concats_other_axis(%a: tensor<?x4x8xf32>, %b: tensor<?x4x8xf32>, %c: tensor<?x8x2xf32>) -> tensor<?x8x10xf32> {
  %0 = tfx.concat %a, %b {axis = 1 : i64} : (tensor<?x4x8xf32>, tensor<?x4x8xf32>) -> tensor<?x8x8xf32>
  %1 = tfx.concat %0, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x2xf32>) -> tensor<?x8x10xf32>
  return %1 : tensor<?x8x10xf32>
}

// -----

// Neighbouring slices of one value in a concat merge into one slice; when
// they cover the whole axis, the slice and then the one-input concat fold
// away.
// CHECK-LABEL: func.func @merge_adjacent_slices
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>, %[[Z:.*]]: tensor<?x8x2xf32>)
// CHECK: %[[S:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 10 : i64, start = 2 : i64} : tensor<?x8x16xf32> -> tensor<?x8x10xf32>
// CHECK: %[[C:.*]] = tfx.concat %[[Z]], %[[S]] {axis = 2 : i64} : (tensor<?x8x2xf32>, tensor<?x8x10xf32>) -> tensor<?x8x12xf32>
// CHECK-NOT: tfx.slice
// CHECK-NOT: tfx.concat
// CHECK: return %[[C]], %[[X]]
func.func @merge_adjacent_slices(%x: tensor<?x8x16xf32>, %z: tensor<?x8x2xf32>) -> (tensor<?x8x12xf32>, tensor<?x8x16xf32>) {
  %0 = tfx.slice %x {axis = 2 : i64, start = 2 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x8x4xf32>
  %1 = tfx.slice %x {axis = 2 : i64, start = 6 : i64, size = 6 : i64} : tensor<?x8x16xf32> -> tensor<?x8x6xf32>
  %2 = tfx.concat %z, %0, %1 {axis = 2 : i64} : (tensor<?x8x2xf32>, tensor<?x8x4xf32>, tensor<?x8x6xf32>) -> tensor<?x8x12xf32>
  // Three pieces [0, 4), [4, 8), [8, 16) with mixed axis spellings: all of x.
  %3 = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x8x4xf32>
  %4 = tfx.slice %x {axis = -1 : i64, start = 4 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x8x4xf32>
  %5 = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %6 = tfx.concat %3, %4, %5 {axis = -1 : i64} : (tensor<?x8x4xf32>, tensor<?x8x4xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %2, %6 : tensor<?x8x12xf32>, tensor<?x8x16xf32>
}

// Slices that are not neighbours in the concat, not contiguous, in the
// opposite order, of different values, or contiguous along another axis than
// the concat's are left as they are.
// CHECK-LABEL: func.func @merge_adjacent_slices_kept
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>, %[[Y:.*]]: tensor<?x8x16xf32>, %[[Z:.*]]: tensor<?x8x2xf32>)
// CHECK: %[[S0:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 4 : i64, start = 0 : i64}
// CHECK: %[[S1:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 4 : i64, start = 4 : i64}
// CHECK: tfx.concat %[[S0]], %[[Z]], %[[S1]] {axis = 2 : i64}
// CHECK: %[[S2:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 4 : i64, start = 0 : i64}
// CHECK: %[[S3:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 4 : i64, start = 6 : i64}
// CHECK: tfx.concat %[[S2]], %[[S3]] {axis = 2 : i64}
// CHECK: %[[S4:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 4 : i64, start = 4 : i64}
// CHECK: %[[S5:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 4 : i64, start = 0 : i64}
// CHECK: tfx.concat %[[S4]], %[[S5]] {axis = 2 : i64}
// CHECK: %[[S6:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 4 : i64, start = 0 : i64}
// CHECK: %[[S7:.*]] = tfx.slice %[[Y]] {axis = 2 : i64, size = 4 : i64, start = 4 : i64}
// CHECK: tfx.concat %[[S6]], %[[S7]] {axis = 2 : i64}
// CHECK: %[[S8:.*]] = tfx.slice %[[X]] {axis = 1 : i64, size = 4 : i64, start = 0 : i64}
// CHECK: %[[S9:.*]] = tfx.slice %[[X]] {axis = 1 : i64, size = 4 : i64, start = 4 : i64}
// CHECK: tfx.concat %[[S8]], %[[S9]] {axis = 2 : i64}
// CHECK-NOT: tfx.slice
func.func @merge_adjacent_slices_kept(%x: tensor<?x8x16xf32>, %y: tensor<?x8x16xf32>, %z: tensor<?x8x2xf32>) -> (tensor<?x8x10xf32>, tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<?x4x32xf32>) {
  // Contiguous pieces of x with %z between them.
  %0 = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x8x4xf32>
  %1 = tfx.slice %x {axis = 2 : i64, start = 4 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x8x4xf32>
  %c0 = tfx.concat %0, %z, %1 {axis = 2 : i64} : (tensor<?x8x4xf32>, tensor<?x8x2xf32>, tensor<?x8x4xf32>) -> tensor<?x8x10xf32>
  // A gap: [0, 4) and [6, 10).
  %2 = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x8x4xf32>
  %3 = tfx.slice %x {axis = 2 : i64, start = 6 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x8x4xf32>
  %c1 = tfx.concat %2, %3 {axis = 2 : i64} : (tensor<?x8x4xf32>, tensor<?x8x4xf32>) -> tensor<?x8x8xf32>
  // Opposite order: [4, 8) then [0, 4).
  %4 = tfx.slice %x {axis = 2 : i64, start = 4 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x8x4xf32>
  %5 = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x8x4xf32>
  %c2 = tfx.concat %4, %5 {axis = 2 : i64} : (tensor<?x8x4xf32>, tensor<?x8x4xf32>) -> tensor<?x8x8xf32>
  // [0, 4) of x and [4, 8) of y.
  %6 = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x8x4xf32>
  %7 = tfx.slice %y {axis = 2 : i64, start = 4 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x8x4xf32>
  %c3 = tfx.concat %6, %7 {axis = 2 : i64} : (tensor<?x8x4xf32>, tensor<?x8x4xf32>) -> tensor<?x8x8xf32>
  // Contiguous along the length axis, concatenated along the channels.
  %8 = tfx.slice %x {axis = 1 : i64, start = 0 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x4x16xf32>
  %9 = tfx.slice %x {axis = 1 : i64, start = 4 : i64, size = 4 : i64} : tensor<?x8x16xf32> -> tensor<?x4x16xf32>
  %c4 = tfx.concat %8, %9 {axis = 2 : i64} : (tensor<?x4x16xf32>, tensor<?x4x16xf32>) -> tensor<?x4x32xf32>
  return %c0, %c1, %c2, %c3, %c4 : tensor<?x8x10xf32>, tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<?x4x32xf32>
}
