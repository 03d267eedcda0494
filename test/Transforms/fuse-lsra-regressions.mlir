// Regressions: fuse-lsra bugs found in review, one chunk per case. Before the
// fixes, cases 1, 2, 4 and 5 built an invalid tfx.lsra (the pass failed),
// case 3 silently fused a mask that is not per position, and case 6 left a
// dead slice behind.
//
// RUN: tfx-opt %s -split-input-file -verify-diagnostics --fuse-lsra > /dev/null
// RUN: tfx-opt %s -split-input-file --fuse-lsra 2> /dev/null | FileCheck %s

// Bug 1: matchBlock() accepts any two slices of width w whose starts add up
// to w (here both read [4, 12) of 16 channels), builds a tfx.lsra with
// attention_input_offset = 4, and LsraOp::verify rejects it ("must be 0 or
// 8"), so the whole pass fails. Expected: a remark, IR unchanged.
func.func @overlapping_quarters(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 4 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 4 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the branches do not read the two halves of the block input (4+8 and 4+8 of 16 channels)}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// Same bug with starts 2 and 6.
func.func @shifted_halves(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 2 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 6 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the branches do not read the two halves of the block input (2+8 and 6+8 of 16 channels)}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// Bug 2: a dynamic length is matched, but LsraOp::verify requires a static
// one ("length and d_model must be static"), so the pass fails. Expected:
// a remark (the fused kernel is specialised for the length).
func.func @dynamic_length(%x: tensor<?x?x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x?x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x?x16xf32> -> tensor<?x?x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x?x8xf32>, tensor<?x?x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x?x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x?x16xf32> -> tensor<?x?x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x?x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x?x16xf32>
  %g = tfx.glu %p : tensor<?x?x16xf32> -> tensor<?x?x8xf32>
  // expected-remark @+1 {{fuse-lsra: not fused: the block's length is dynamic (the fused kernel needs a static length)}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x?x8xf32>, tensor<2x3xf32>) -> tensor<?x?x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x?x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x?x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x?x8xf32>, tensor<?x?x8xf32>) -> tensor<?x?x16xf32>
  return %y : tensor<?x?x16xf32>
}

// -----

// Bug 3: any rank-2 mask in front of the convolution is taken for a
// [batch, length] mask. tfx.apply_mask broadcasts as NumPy does, so a rank-2
// mask on [batch, length, w] is aligned with [length, w]: here a per-channel
// mask [1, 8]. The pass fuses it as conv_mask, which tfx.lsra reads per
// position: the result changes silently. Expected: not fused.
func.func @mask_per_channel_rank2(%x: tensor<?x8x16xf32>, %m: tensor<1x8xi1>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %gm = tfx.apply_mask %g, %m : tensor<?x8x8xf32>, tensor<1x8xi1>
  // expected-remark @+1 {{fuse-lsra: not fused: its input mask is not per position ([batch, length, 1])}}
  %k = tfx.lightweight_conv %gm, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// Same with a [?, 8] "padding mask": with length == w == 8 tfx.apply_mask
// accepts it, but reads it as [length, channel].
func.func @mask_batch_length_rank2(%x: tensor<?x8x16xf32>, %m: tensor<?x8xi1>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %gm = tfx.apply_mask %g, %m : tensor<?x8x8xf32>, tensor<?x8xi1>
  // expected-remark @+1 {{fuse-lsra: not fused: its input mask is not per position ([batch, length, 1])}}
  %k = tfx.lightweight_conv %gm, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// Bug 4: a [batch, 1, 1] mask passes the matcher's [batch, length, 1] test
// (only the last dim is checked) but not LsraOp::verify ("conv_mask must
// have shape [?, 8] or [?, 8, 1] but has shape [?, 1, 1]"), so the pass
// fails. Expected: a remark (or a verifier that accepts the broadcast).
func.func @mask_per_batch(%x: tensor<?x8x16xf32>, %m: tensor<?x1x1xi1>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %gm = tfx.apply_mask %g, %m : tensor<?x8x8xf32>, tensor<?x1x1xi1>
  // expected-remark @+1 {{fuse-lsra: not fused: its input mask is not per position ([batch, length, 1])}}
  %k = tfx.lightweight_conv %gm, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// Bug 5: the matcher never checks the convolution branch's width: here the
// input projection maps 8 -> 12 channels (GLU -> 6) and the output
// projection 6 -> 8. The block is fused and LsraOp::verify rejects it
// ("conv_in_weight must have shape [16, 8] but has shape [12, 8]"), so the
// pass fails. Expected: a remark (any wording).
func.func @inner_width_6(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<12x8xf32>, %bin: tensor<12xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x6xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<12x8xf32>, tensor<12xf32>) -> tensor<?x8x12xf32>
  %g = tfx.glu %p : tensor<?x8x12xf32> -> tensor<?x8x6xf32>
  // expected-remark-re @+1 {{fuse-lsra: not fused: {{.*}}}}
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x6xf32>, tensor<2x3xf32>) -> tensor<?x8x6xf32>
  %c = tfx.linear %k, %wout, %b : (tensor<?x8x6xf32>, tensor<8x6xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// -----

// Bug 6: when the attention's query and key_value are two identical but
// separate slice ops (canonicalisation does not CSE them), rewriteBlock()
// erases only the query slice; the key_value slice is left dead in the
// output. Expected: no slice left.
// CHECK-LABEL: func.func @separate_kv_slices
// CHECK-NOT: tfx.slice
// CHECK: tfx.lsra
func.func @separate_kv_slices(%x: tensor<?x8x16xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>) -> tensor<?x8x16xf32> {
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %kv_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %kv_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}
