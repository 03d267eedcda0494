// Why fuse-lsra leaves a convolution alone: one -split-input-file chunk per
// reason of matchBlock() in lib/Transforms/FuseLsra.cpp, each with the exact
// remark on the convolution. The inputs are already canonical, so the pass
// must leave every chunk exactly as it was: the second RUN compares the
// output with the parsed input, the third checks each chunk still has its
// convolution and no tfx.lsra.
//
// RUN: tfx-opt %s -split-input-file -verify-diagnostics --fuse-lsra > /dev/null
// RUN: tfx-opt %s -split-input-file > %t.before.mlir
// RUN: tfx-opt %s -split-input-file --fuse-lsra 2> /dev/null > %t.after.mlir
// RUN: diff %t.before.mlir %t.after.mlir
// RUN: tfx-opt %s -split-input-file --fuse-lsra 2> /dev/null | FileCheck %s
// RUN: tfx-opt %s -split-input-file --fuse-lsra 2> /dev/null | FileCheck %s --check-prefix=NONE

// NONE-NOT: tfx.lsra

// The mask in front of the convolution fills with 1, not 0.
// CHECK-LABEL: func.func @masked_fill
// CHECK: tfx.lightweight_conv
func.func @masked_fill(%x: tensor<?x8x16xf32>, %keep3: tensor<?x8x1xi1>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %gm = tfx.apply_mask %g, %keep3 {fill = 1.000000e+00 : f32} : tensor<?x8x8xf32>, tensor<?x8x1xi1>
  // expected-remark @+1 {{fuse-lsra: not fused: its input is masked with a non-zero fill value}}
  %k = tfx.lightweight_conv %gm, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// A [B, T, C] mask is not a per-position mask.
// CHECK-LABEL: func.func @mask_per_channel
// CHECK: tfx.lightweight_conv
func.func @mask_per_channel(%x: tensor<?x8x16xf32>, %m: tensor<?x8x8xi1>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %gm = tfx.apply_mask %g, %m : tensor<?x8x8xf32>, tensor<?x8x8xi1>
  // expected-remark @+1 {{fuse-lsra: not fused: its input mask is not per position ([batch, length, 1])}}
  %k = tfx.lightweight_conv %gm, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// The masked GLU output is also returned.
// CHECK-LABEL: func.func @mask_other_users
// CHECK: tfx.lightweight_conv
func.func @mask_other_users(%x: tensor<?x8x16xf32>, %keep3: tensor<?x8x1xi1>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> (tensor<?x8x16xf32>, tensor<?x8x8xf32>) {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %gm = tfx.apply_mask %g, %keep3 : tensor<?x8x8xf32>, tensor<?x8x1xi1>
  // expected-remark @+1 {{fuse-lsra: not fused: the masked convolution input has other users}}
  %k = tfx.lightweight_conv %gm, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y, %gm : tensor<?x8x16xf32>, tensor<?x8x8xf32>
}

// -----

// The convolution reads the channel slice directly (no linear + GLU).
// CHECK-LABEL: func.func @no_glu
// CHECK: tfx.lightweight_conv
func.func @no_glu(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: its input is not a tfx.glu (Linear(d/2 -> d) + GLU in front of the convolution)}}
  %k = tfx.lightweight_conv %c_in, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// The GLU gates along the length axis (axis = 1), not the channels.
// CHECK-LABEL: func.func @glu_length_axis
// CHECK: tfx.lightweight_conv
func.func @glu_length_axis(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x4x16xf32> {
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p {axis = 1 : i64} : tensor<?x8x16xf32> -> tensor<?x4x16xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: its GLU does not split the channel axis}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x4x16xf32>, tensor<2x3xf32>) -> tensor<?x4x16xf32>
  return %k : tensor<?x4x16xf32>
}

// -----

// The GLU gates along the length axis (axis = -2), not the channels.
// CHECK-LABEL: func.func @glu_length_axis_neg
// CHECK: tfx.lightweight_conv
func.func @glu_length_axis_neg(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x4x16xf32> {
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p {axis = -2 : i64} : tensor<?x8x16xf32> -> tensor<?x4x16xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: its GLU does not split the channel axis}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x4x16xf32>, tensor<2x3xf32>) -> tensor<?x4x16xf32>
  return %k : tensor<?x4x16xf32>
}

// -----

// The GLU output is also returned.
// CHECK-LABEL: func.func @glu_other_users
// CHECK: tfx.lightweight_conv
func.func @glu_other_users(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> (tensor<?x8x16xf32>, tensor<?x8x8xf32>) {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the GLU output has other users}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y, %g : tensor<?x8x16xf32>, tensor<?x8x8xf32>
}

// -----

// The GLU is applied to the block input itself, with no projection.
// CHECK-LABEL: func.func @glu_of_input
// CHECK: tfx.lightweight_conv
func.func @glu_of_input(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %g = tfx.glu %x : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the GLU input is not a tfx.linear}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// The input projection is also returned.
// CHECK-LABEL: func.func @in_proj_other_users
// CHECK: tfx.lightweight_conv
func.func @in_proj_other_users(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> (tensor<?x8x16xf32>, tensor<?x8x16xf32>) {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the convolution branch's input projection has other users}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y, %p : tensor<?x8x16xf32>, tensor<?x8x16xf32>
}

// -----

// The convolution branch starts from another value, not a slice.
// CHECK-LABEL: func.func @conv_input_not_slice
// CHECK: tfx.lightweight_conv
func.func @conv_input_not_slice(%x: tensor<?x8x16xf32>, %h: tensor<?x8x8xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %p = tfx.linear %h, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the convolution branch does not start from a channel slice of the block input}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// The convolution branch starts from a slice of the length axis.
// CHECK-LABEL: func.func @conv_input_length_slice
// CHECK: tfx.lightweight_conv
func.func @conv_input_length_slice(%x: tensor<?x8x16xf32>, %x2: tensor<?x16x8xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x2 {axis = 1 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x16x8xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the convolution branch does not start from a channel slice of the block input}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// The convolution result is also returned.
// CHECK-LABEL: func.func @conv_other_users
// CHECK: tfx.lightweight_conv
func.func @conv_other_users(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> (tensor<?x8x16xf32>, tensor<?x8x8xf32>) {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: its result has other users}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y, %k : tensor<?x8x16xf32>, tensor<?x8x8xf32>
}

// -----

// The convolution result goes through a ReLU before the projection.
// CHECK-LABEL: func.func @conv_not_projected
// CHECK: tfx.lightweight_conv
func.func @conv_not_projected(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: its result is not projected by a tfx.linear}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %r = tfx.relu %k : tensor<?x8x8xf32>
  %c = tfx.linear %r, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// The output projection is also returned.
// CHECK-LABEL: func.func @out_proj_other_users
// CHECK: tfx.lightweight_conv
func.func @out_proj_other_users(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> (tensor<?x8x16xf32>, tensor<?x8x8xf32>) {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the convolution branch's output projection has other users}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y, %c : tensor<?x8x16xf32>, tensor<?x8x8xf32>
}

// -----

// The branches are concatenated along the length axis.
// CHECK-LABEL: func.func @concat_length_axis
// CHECK: tfx.lightweight_conv
func.func @concat_length_axis(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x16x8xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the convolution branch is not concatenated along channels}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 1 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x16x8xf32>
  return %y : tensor<?x16x8xf32>
}

// -----

// The branches are added, not concatenated.
// CHECK-LABEL: func.func @not_concatenated
// CHECK: tfx.lightweight_conv
func.func @not_concatenated(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x8xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the convolution branch is not concatenated along channels}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.add %a, %c : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x8xf32>
  return %y : tensor<?x8x8xf32>
}

// -----

// A third value is concatenated with the two branches.
// CHECK-LABEL: func.func @concat_three_inputs
// CHECK: tfx.lightweight_conv
func.func @concat_three_inputs(%x: tensor<?x8x16xf32>, %z: tensor<?x8x4xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x20xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the channel concat has 3 inputs, not the two branches of a block}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c, %z {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<?x8x4xf32>) -> tensor<?x8x20xf32>
  return %y : tensor<?x8x20xf32>
}

// -----

// The convolution branch is concatenated with the untouched other half.
// CHECK-LABEL: func.func @other_not_attention
// CHECK: tfx.lightweight_conv
func.func @other_not_attention(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the other concat input is not a tfx.attention}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a_in, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// The attention result is also returned.
// CHECK-LABEL: func.func @attention_other_users
// CHECK: tfx.lightweight_conv
func.func @attention_other_users(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> (tensor<?x8x16xf32>, tensor<?x8x8xf32>) {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the attention result has other users}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y, %a : tensor<?x8x16xf32>, tensor<?x8x8xf32>
}

// -----

// The attention reads another value, not a slice.
// CHECK-LABEL: func.func @attention_not_slice
// CHECK: tfx.lightweight_conv
func.func @attention_not_slice(%x: tensor<?x8x16xf32>, %h: tensor<?x8x8xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a = tfx.attention %h, %h weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the attention does not read a channel slice of the block input}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// Cross-attention to an encoder output: key_value is not a slice.
// CHECK-LABEL: func.func @cross_attention_memory
// CHECK: tfx.lightweight_conv
func.func @cross_attention_memory(%x: tensor<?x8x16xf32>, %mem: tensor<?x6x8xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %mem weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x6x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the attention does not read a channel slice of the block input}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// Cross-attention between two channel slices: the query is the lower half of
// the block input, key_value a slice of another value.
// CHECK-LABEL: func.func @cross_attention_slices
// CHECK: tfx.lightweight_conv
func.func @cross_attention_slices(%x: tensor<?x8x16xf32>, %mem: tensor<?x6x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %kv = tfx.slice %mem {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x6x16xf32> -> tensor<?x6x8xf32>
  %a = tfx.attention %a_in, %kv weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x6x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the attention is not a self-attention (query and key_value differ)}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// Query and key_value are slices of the same value but of different halves.
// CHECK-LABEL: func.func @attention_other_half
// CHECK: tfx.lightweight_conv
func.func @attention_other_half(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %kv = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %kv weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the attention is not a self-attention (query and key_value differ)}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// The attention reads %x, the convolution branch %x2.
// CHECK-LABEL: func.func @different_values
// CHECK: tfx.lightweight_conv
func.func @different_values(%x: tensor<?x8x16xf32>, %x2: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x2 {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the two branches read different values}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// The block input has 17 channels (8 + 8 are read).
// CHECK-LABEL: func.func @odd_channels
// CHECK: tfx.lightweight_conv
func.func @odd_channels(%x: tensor<?x8x17xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x17xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x17xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the block input's channel count is not static and even}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// Both branches read the lower half (the halves overlap).
// CHECK-LABEL: func.func @same_half
// CHECK: tfx.lightweight_conv
func.func @same_half(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the branches do not read the two halves of the block input (0+8 and 0+8 of 16 channels)}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// Both branches read the upper half.
// CHECK-LABEL: func.func @both_upper
// CHECK: tfx.lightweight_conv
func.func @both_upper(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the branches do not read the two halves of the block input (8+8 and 8+8 of 16 channels)}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// Two adjacent 8-channel slices of a 24-channel input are not its halves.
// CHECK-LABEL: func.func @not_halves
// CHECK: tfx.lightweight_conv
func.func @not_halves(%x: tensor<?x8x24xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x24xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x24xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the branches do not read the two halves of the block input (0+8 and 8+8 of 24 channels)}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// The input has a static batch of 2, the attention result (and so the concat)
// a dynamic one.
// CHECK-LABEL: func.func @concat_type_differs
// CHECK: tfx.lightweight_conv
func.func @concat_type_differs(%x: tensor<2x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<2x8x16xf32> -> tensor<2x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<2x8x8xf32>, tensor<2x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<2x8x16xf32> -> tensor<2x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<2x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
  %g = tfx.glu %p : tensor<2x8x16xf32> -> tensor<2x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the concat's type differs from the block input's}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<2x8x8xf32>, tensor<2x3xf32>) -> tensor<2x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<2x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<2x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<2x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// A decoder block (dynamic convolution, causal attention) is reported the
// same way: here a third value is concatenated.
// CHECK-LABEL: func.func @dynamic_conv_concat_three_inputs
// CHECK: tfx.dynamic_conv
func.func @dynamic_conv_concat_three_inputs(%x: tensor<?x8x16xf32>, %z: tensor<?x8x4xf32>, %kw: tensor<6x8xf32>, %kb: tensor<6xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x20xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {causal, num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the channel concat has 3 inputs, not the two branches of a block}}
  %k = tfx.dynamic_conv %g, %kw, %kb {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "causal"} : (tensor<?x8x8xf32>, tensor<6x8xf32>, tensor<6xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c, %z {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<?x8x4xf32>) -> tensor<?x8x20xf32>
  return %y : tensor<?x8x20xf32>
}
