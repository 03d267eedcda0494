// fuse-lsra: each Lite Transformer LSRA block (attention on one channel half,
// linear + GLU + [mask] + convolution + linear on the other, concatenated)
// becomes one tfx.lsra with the exact operands and attributes of its parts:
// encoder (lightweight, centered, both masks) and decoder (dynamic, causal,
// with and without kernel bias) blocks, either half order on either side,
// spellings that only match after canonicalisation, missing projection biases
// and masks, and slices that have other users. The output re-parses. The
// bundled Lite Transformer models are fused block for block.
//
// RUN: tfx-opt %s --fuse-lsra | FileCheck %s
// RUN: tfx-opt %s --fuse-lsra | tfx-opt | FileCheck %s
// RUN: tfx-opt %s --fuse-lsra --mlir-print-op-generic | tfx-opt | FileCheck %s
// RUN: tfx-opt %s --fuse-lsra | FileCheck %s --check-prefix=GONE
// RUN: tfx-opt %s --fuse-lsra 2>&1 | FileCheck %s --check-prefix=QUIET
//
// The bundled models: every LSRA block of the encoder (lightweight) and the
// decoder (dynamic, causal) is fused, no convolution is left, and the fused
// module re-parses and verifies.
// RUN: tfx-opt --fuse-lsra %tfx_src/examples/models/lite-tiny.mlir | FileCheck %s --check-prefix=TINY
// RUN: tfx-opt --fuse-lsra %tfx_src/examples/models/lite-tiny.mlir | tfx-opt | FileCheck %s --check-prefix=TINY
// RUN: tfx-opt --fuse-lsra %tfx_src/examples/models/lite-tiny.mlir | FileCheck %s --check-prefix=MODEL
// RUN: tfx-opt --fuse-lsra %tfx_src/examples/models/lite.mlir | FileCheck %s --check-prefix=LITE
// RUN: tfx-opt --fuse-lsra %tfx_src/examples/models/lite.mlir | tfx-opt | FileCheck %s --check-prefix=LITE
// RUN: tfx-opt --fuse-lsra %tfx_src/examples/models/lite.mlir | FileCheck %s --check-prefix=MODEL
// RUN: tfx-opt --fuse-lsra %tfx_src/examples/models/lite.mlir 2>&1 | FileCheck %s --check-prefix=QUIET

// No block of this file is left behind, so no remark is emitted.
// QUIET-NOT: remark
// QUIET-NOT: error

// None of the unfused ops of a block survives (only @slices_shared keeps its
// slices, checked there).
// GONE-NOT: tfx.attention
// GONE-NOT: tfx.glu
// GONE-NOT: tfx.apply_mask
// GONE-NOT: tfx.lightweight_conv
// GONE-NOT: tfx.dynamic_conv
// GONE-NOT: tfx.linear
// GONE-NOT: tfx.concat

// Encoder block: attention on the lower half (offsets 0, not printed), key
// padding mask and a [B, T, 1] convolution mask, lightweight convolution with
// its own head count (4) and kernel (5).
// CHECK-LABEL: func.func @encoder
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>, %[[KEEP:.*]]: tensor<?x8xi1>, %[[KEEP3:.*]]: tensor<?x8x1xi1>)
// CHECK-DAG: %[[WQ:.*]] = tfx.param "wq"
// CHECK-DAG: %[[BQ:.*]] = tfx.param "bq"
// CHECK-DAG: %[[WK:.*]] = tfx.param "wk"
// CHECK-DAG: %[[BK:.*]] = tfx.param "bk"
// CHECK-DAG: %[[WV:.*]] = tfx.param "wv"
// CHECK-DAG: %[[BV:.*]] = tfx.param "bv"
// CHECK-DAG: %[[WO:.*]] = tfx.param "wo"
// CHECK-DAG: %[[BO:.*]] = tfx.param "bo"
// CHECK-DAG: %[[WIN:.*]] = tfx.param "win"
// CHECK-DAG: %[[BIN:.*]] = tfx.param "bin"
// CHECK-DAG: %[[WC:.*]] = tfx.param "wc"
// CHECK-DAG: %[[WOUT:.*]] = tfx.param "wout"
// CHECK-DAG: %[[BOUT:.*]] = tfx.param "bout"
// CHECK-NOT: tfx.slice
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention(%[[WQ]], %[[BQ]], %[[WK]], %[[BK]], %[[WV]], %[[BV]], %[[WO]], %[[BO]]) conv(%[[WIN]], %[[BIN]], %[[WC]], %[[WOUT]], %[[BOUT]]) mask(%[[KEEP]]) conv_mask(%[[KEEP3]]) {conv_heads = 4 : i64, conv_kind = "lightweight", kernel_size = 5 : i64, num_heads = 2 : i64, padding = "centered"}
// CHECK-SAME: : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<4x5xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x8xi1>, tensor<?x8x1xi1>) -> tensor<?x8x16xf32>
// CHECK-NOT: tfx.
// CHECK: return %[[Y]] : tensor<?x8x16xf32>
func.func @encoder(%x: tensor<?x8x16xf32>, %keep: tensor<?x8xi1>, %keep3: tensor<?x8x1xi1>) -> tensor<?x8x16xf32> {
  %wq = tfx.param "wq" : tensor<8x8xf32>
  %bq = tfx.param "bq" : tensor<8xf32>
  %wk = tfx.param "wk" : tensor<8x8xf32>
  %bk = tfx.param "bk" : tensor<8xf32>
  %wv = tfx.param "wv" : tensor<8x8xf32>
  %bv = tfx.param "bv" : tensor<8xf32>
  %wo = tfx.param "wo" : tensor<8x8xf32>
  %bo = tfx.param "bo" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %wc = tfx.param "wc" : tensor<4x5xf32>
  %wout = tfx.param "wout" : tensor<8x8xf32>
  %bout = tfx.param "bout" : tensor<8xf32>
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) mask(%keep) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x8xi1>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %gm = tfx.apply_mask %g, %keep3 : tensor<?x8x8xf32>, tensor<?x8x1xi1>
  %k = tfx.lightweight_conv %gm, %wc {num_heads = 4 : i64, kernel_size = 5 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<4x5xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %wout, %bout : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// Decoder block: causal attention, dynamic convolution with kernel bias (after
// the five conv operands), causal padding.
// CHECK-LABEL: func.func @decoder
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>, %[[KEEP:.*]]: tensor<?x8xi1>, %[[KEEP3:.*]]: tensor<?x8x1xi1>)
// CHECK-DAG: %[[WQ:.*]] = tfx.param "wq"
// CHECK-DAG: %[[BQ:.*]] = tfx.param "bq"
// CHECK-DAG: %[[WK:.*]] = tfx.param "wk"
// CHECK-DAG: %[[BK:.*]] = tfx.param "bk"
// CHECK-DAG: %[[WV:.*]] = tfx.param "wv"
// CHECK-DAG: %[[BV:.*]] = tfx.param "bv"
// CHECK-DAG: %[[WO:.*]] = tfx.param "wo"
// CHECK-DAG: %[[BO:.*]] = tfx.param "bo"
// CHECK-DAG: %[[WIN:.*]] = tfx.param "win"
// CHECK-DAG: %[[BIN:.*]] = tfx.param "bin"
// CHECK-DAG: %[[KW:.*]] = tfx.param "kw"
// CHECK-DAG: %[[KB:.*]] = tfx.param "kb"
// CHECK-DAG: %[[WOUT:.*]] = tfx.param "wout"
// CHECK-DAG: %[[BOUT:.*]] = tfx.param "bout"
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention(%[[WQ]], %[[BQ]], %[[WK]], %[[BK]], %[[WV]], %[[BV]], %[[WO]], %[[BO]]) conv(%[[WIN]], %[[BIN]], %[[KW]], %[[WOUT]], %[[BOUT]]) kernel_bias(%[[KB]]) mask(%[[KEEP]]) conv_mask(%[[KEEP3]]) {causal, conv_heads = 4 : i64, conv_kind = "dynamic", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "causal"}
// CHECK-SAME: : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<12x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<12xf32>, tensor<?x8xi1>, tensor<?x8x1xi1>) -> tensor<?x8x16xf32>
// CHECK-NOT: tfx.
// CHECK: return %[[Y]]
func.func @decoder(%x: tensor<?x8x16xf32>, %keep: tensor<?x8xi1>, %keep3: tensor<?x8x1xi1>) -> tensor<?x8x16xf32> {
  %wq = tfx.param "wq" : tensor<8x8xf32>
  %bq = tfx.param "bq" : tensor<8xf32>
  %wk = tfx.param "wk" : tensor<8x8xf32>
  %bk = tfx.param "bk" : tensor<8xf32>
  %wv = tfx.param "wv" : tensor<8x8xf32>
  %bv = tfx.param "bv" : tensor<8xf32>
  %wo = tfx.param "wo" : tensor<8x8xf32>
  %bo = tfx.param "bo" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %kw = tfx.param "kw" : tensor<12x8xf32>
  %kb = tfx.param "kb" : tensor<12xf32>
  %wout = tfx.param "wout" : tensor<8x8xf32>
  %bout = tfx.param "bout" : tensor<8xf32>
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) mask(%keep) {causal, num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x8xi1>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %gm = tfx.apply_mask %g, %keep3 : tensor<?x8x8xf32>, tensor<?x8x1xi1>
  %k = tfx.dynamic_conv %gm, %kw, %kb {num_heads = 4 : i64, kernel_size = 3 : i64, padding = "causal"} : (tensor<?x8x8xf32>, tensor<12x8xf32>, tensor<12xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %wout, %bout : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// Dynamic convolution without kernel bias (and weight_softmax = false, which
// is carried over); a GLU with an explicit axis = 2 is the channel GLU too.
// CHECK-LABEL: func.func @decoder_no_kernel_bias
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>, %[[KEEP:.*]]: tensor<?x8xi1>, %[[KEEP3:.*]]: tensor<?x8x1xi1>)
// CHECK-DAG: %[[W:.*]] = tfx.param "w"
// CHECK-DAG: %[[B:.*]] = tfx.param "b"
// CHECK-DAG: %[[WIN:.*]] = tfx.param "win"
// CHECK-DAG: %[[BIN:.*]] = tfx.param "bin"
// CHECK-DAG: %[[KW:.*]] = tfx.param "kw"
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention(%[[W]], %[[B]], %[[W]], %[[B]], %[[W]], %[[B]], %[[W]], %[[B]]) conv(%[[WIN]], %[[BIN]], %[[KW]], %[[W]], %[[B]]) mask(%[[KEEP]]) conv_mask(%[[KEEP3]]) {causal, conv_heads = 2 : i64, conv_kind = "dynamic", kernel_size = 5 : i64, num_heads = 4 : i64, padding = "causal", weight_softmax = false}
// CHECK-SAME: : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<10x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x8xi1>, tensor<?x8x1xi1>) -> tensor<?x8x16xf32>
// CHECK-NOT: kernel_bias
// CHECK: return %[[Y]]
func.func @decoder_no_kernel_bias(%x: tensor<?x8x16xf32>, %keep: tensor<?x8xi1>, %keep3: tensor<?x8x1xi1>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %kw = tfx.param "kw" : tensor<10x8xf32>
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) mask(%keep) {causal, num_heads = 4 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x8xi1>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p {axis = 2 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %gm = tfx.apply_mask %g, %keep3 : tensor<?x8x8xf32>, tensor<?x8x1xi1>
  %k = tfx.dynamic_conv %gm, %kw {num_heads = 2 : i64, kernel_size = 5 : i64, padding = "causal", weight_softmax = false} : (tensor<?x8x8xf32>, tensor<10x8xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// The remaining functions share one attention weight pair %w/%b (all eight
// attention operands and the output projection) to keep them short.

// Convolution branch first in the concat: the attention writes the upper half.
// CHECK-LABEL: func.func @conv_first
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK-DAG: %[[W:.*]] = tfx.param "w"
// CHECK-DAG: %[[B:.*]] = tfx.param "b"
// CHECK-DAG: %[[WIN:.*]] = tfx.param "win"
// CHECK-DAG: %[[BIN:.*]] = tfx.param "bin"
// CHECK-DAG: %[[WC:.*]] = tfx.param "wc"
// CHECK-NOT: tfx.slice
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention(%[[W]], %[[B]], %[[W]], %[[B]], %[[W]], %[[B]], %[[W]], %[[B]]) conv(%[[WIN]], %[[BIN]], %[[WC]], %[[W]], %[[B]]) {attention_output_offset = 8 : i64, conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"} : (tensor<?x8x16xf32>, {{.*}}) -> tensor<?x8x16xf32>
// CHECK-NEXT: return %[[Y]]
func.func @conv_first(%x: tensor<?x8x16xf32>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %wc = tfx.param "wc" : tensor<2x3xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %c, %a {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// Slices swapped: the attention reads the upper half, the convolution the
// lower one; the concat keeps the attention first.
// CHECK-LABEL: func.func @attention_upper
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK-NOT: tfx.slice
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention({{.*}}) conv({{.*}}) {attention_input_offset = 8 : i64, conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"} : (tensor<?x8x16xf32>, {{.*}}) -> tensor<?x8x16xf32>
// CHECK-NEXT: return %[[Y]]
func.func @attention_upper(%x: tensor<?x8x16xf32>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %wc = tfx.param "wc" : tensor<2x3xf32>
  %a_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// Both swapped: the attention reads and writes the upper half.
// CHECK-LABEL: func.func @both_swapped
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention({{.*}}) conv({{.*}}) {attention_input_offset = 8 : i64, attention_output_offset = 8 : i64, conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
// CHECK-NEXT: return %[[Y]]
func.func @both_swapped(%x: tensor<?x8x16xf32>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %wc = tfx.param "wc" : tensor<2x3xf32>
  %a_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %c, %a {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// Spellings that only match after canonicalisation.

// axis = -1 on both slices and on the concat.
// CHECK-LABEL: func.func @negative_axes
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK-NOT: tfx.slice
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention({{.*}}) conv({{.*}}) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
// CHECK-NEXT: return %[[Y]]
func.func @negative_axes(%x: tensor<?x8x16xf32>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %wc = tfx.param "wc" : tensor<2x3xf32>
  %a_in = tfx.slice %x {axis = -1 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = -1 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = -1 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// Each half is a slice of a slice: the conv half as [4, 16) then [4, 12) of
// that (= [8, 16)), the attention half as [0, 12) with axis = -1 then [0, 8)
// with axis = 2 (the axes agree only once normalised).
// CHECK-LABEL: func.func @slice_of_slice
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK-NOT: tfx.slice
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention({{.*}}) conv({{.*}}) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
// CHECK-NEXT: return %[[Y]]
func.func @slice_of_slice(%x: tensor<?x8x16xf32>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %wc = tfx.param "wc" : tensor<2x3xf32>
  %a_wide = tfx.slice %x {axis = -1 : i64, start = 0 : i64, size = 12 : i64} : tensor<?x8x16xf32> -> tensor<?x8x12xf32>
  %a_in = tfx.slice %a_wide {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x12xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_wide = tfx.slice %x {axis = 2 : i64, start = 4 : i64, size = 12 : i64} : tensor<?x8x16xf32> -> tensor<?x8x12xf32>
  %c_in = tfx.slice %c_wide {axis = 2 : i64, start = 4 : i64, size = 8 : i64} : tensor<?x8x12xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// Nested concats: concat(concat(A) {axis = -1}, C) and, for a conv-first
// block, concat(concat(C, A)) with the outer one on axis -1.
// CHECK-LABEL: func.func @nested_concat
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention({{.*}}) conv({{.*}}) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
// CHECK-NEXT: return %[[Y]]
func.func @nested_concat(%x: tensor<?x8x16xf32>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %wc = tfx.param "wc" : tensor<2x3xf32>
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %inner = tfx.concat %a {axis = -1 : i64} : (tensor<?x8x8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %inner, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// CHECK-LABEL: func.func @nested_concat_conv_first
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention({{.*}}) conv({{.*}}) {attention_output_offset = 8 : i64, conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
// CHECK-NEXT: return %[[Y]]
func.func @nested_concat_conv_first(%y: tensor<?x8x16xf32>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %wc = tfx.param "wc" : tensor<2x3xf32>
  %a_in1 = tfx.slice %y {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a1 = tfx.attention %a_in1, %a_in1 weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in1 = tfx.slice %y {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p1 = tfx.linear %c_in1, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g1 = tfx.glu %p1 : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %k1 = tfx.lightweight_conv %g1, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c1 = tfx.linear %k1, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %inner1 = tfx.concat %c1, %a1 {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  %y1 = tfx.concat %inner1 {axis = -1 : i64} : (tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
  return %y1 : tensor<?x8x16xf32>
}

// The attention's query and key_value are two separate but identical slices.
// CHECK-LABEL: func.func @separate_kv_slices
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>, %[[KEEP:.*]]: tensor<?x8xi1>)
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention({{.*}}) conv({{.*}}) mask(%[[KEEP]]) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
// CHECK-NEXT: return %[[Y]]
func.func @separate_kv_slices(%x: tensor<?x8x16xf32>, %keep: tensor<?x8xi1>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %wc = tfx.param "wc" : tensor<2x3xf32>
  %q_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %kv_in = tfx.slice %x {axis = -1 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %q_in, %kv_in weights(%w, %b, %w, %b, %w, %b, %w, %b) mask(%keep) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x8xi1>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// Projections without bias: the pass supplies zero biases of d (in) and d/2
// (out) features.
// CHECK-LABEL: func.func @no_bias
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK-DAG: %[[WIN:.*]] = tfx.param "win"
// CHECK-DAG: %[[WC:.*]] = tfx.param "wc"
// CHECK-DAG: %[[WOUT:.*]] = tfx.param "wout"
// CHECK-DAG: %[[ZIN:.*]] = tfx.constant dense<0.000000e+00> : tensor<16xf32>
// CHECK-DAG: %[[ZOUT:.*]] = tfx.constant dense<0.000000e+00> : tensor<8xf32>
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention({{.*}}) conv(%[[WIN]], %[[ZIN]], %[[WC]], %[[WOUT]], %[[ZOUT]]) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
// CHECK-SAME: tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
// CHECK-NEXT: return %[[Y]]
func.func @no_bias(%x: tensor<?x8x16xf32>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %wc = tfx.param "wc" : tensor<2x3xf32>
  %wout = tfx.param "wout" : tensor<8x8xf32>
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win : (tensor<?x8x8xf32>, tensor<16x8xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %wout : (tensor<?x8x8xf32>, tensor<8x8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// No masks at all: neither mask(...) nor conv_mask(...) is printed.
// CHECK-LABEL: func.func @no_masks
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention({{[^)]*}}) conv({{[^)]*}}) {conv_heads = 2 : i64, conv_kind = "dynamic", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"} : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<6x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
// CHECK-NEXT: return %[[Y]]
func.func @no_masks(%x: tensor<?x8x16xf32>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %kw = tfx.param "kw" : tensor<6x8xf32>
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %k = tfx.dynamic_conv %g, %kw {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<6x8xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}

// Slices that feed other ops too are kept for those users; the fused op still
// reads the block input.
// CHECK-LABEL: func.func @slices_shared
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>)
// CHECK-DAG: %[[A:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 8 : i64, start = 0 : i64}
// CHECK-DAG: %[[C:.*]] = tfx.slice %[[X]] {axis = 2 : i64, size = 8 : i64, start = 8 : i64}
// CHECK: %[[Y:.*]] = tfx.lsra %[[X]] attention({{.*}}) conv({{.*}}) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
// CHECK-NEXT: return %[[Y]], %[[A]], %[[C]]
func.func @slices_shared(%x: tensor<?x8x16xf32>) -> (tensor<?x8x16xf32>, tensor<?x8x8xf32>, tensor<?x8x8xf32>) {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %win = tfx.param "win" : tensor<16x8xf32>
  %bin = tfx.param "bin" : tensor<16xf32>
  %wc = tfx.param "wc" : tensor<2x3xf32>
  %a_in = tfx.slice %x {axis = 2 : i64, start = 0 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %a = tfx.attention %a_in, %a_in weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %c_in = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %p = tfx.linear %c_in, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %k = tfx.lightweight_conv %g, %wc {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
  %c = tfx.linear %k, %w, %b : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  %y = tfx.concat %a, %c {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
  return %y, %a_in, %c_in : tensor<?x8x16xf32>, tensor<?x8x8xf32>, tensor<?x8x8xf32>
}

// lite-tiny: 2 encoder and 2 decoder layers, lite: 6 and 6.
// TINY-LABEL: func.func @encode
// TINY-COUNT-2: tfx.lsra {{.*}} {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = {{[0-9]+}} : i64, num_heads = 2 : i64, padding = "centered"}
// TINY-NOT: tfx.lsra
// TINY-LABEL: func.func @decode
// TINY-COUNT-2: tfx.lsra {{.*}} kernel_bias({{.*}}) mask({{.*}}) conv_mask({{.*}}) {causal, conv_heads = 2 : i64, conv_kind = "dynamic", kernel_size = {{[0-9]+}} : i64, num_heads = 2 : i64, padding = "causal"}
// TINY-NOT: tfx.lsra
// LITE-LABEL: func.func @encode
// LITE-COUNT-6: tfx.lsra {{.*}} mask({{.*}}) conv_mask({{.*}}) {conv_heads = {{[0-9]+}} : i64, conv_kind = "lightweight", kernel_size = {{[0-9]+}} : i64, num_heads = {{[0-9]+}} : i64, padding = "centered"}
// LITE-NOT: tfx.lsra
// LITE-LABEL: func.func @decode
// LITE-COUNT-6: tfx.lsra {{.*}} kernel_bias({{.*}}) mask({{.*}}) conv_mask({{.*}}) {causal, conv_heads = {{[0-9]+}} : i64, conv_kind = "dynamic", kernel_size = {{[0-9]+}} : i64, num_heads = {{[0-9]+}} : i64, padding = "causal"}
// LITE-NOT: tfx.lsra
// Nothing of a block is left in either model (the cross-attentions and the
// FFN linears stay, so only the block-specific ops are checked).
// MODEL-NOT: tfx.lightweight_conv
// MODEL-NOT: tfx.dynamic_conv
// MODEL-NOT: tfx.glu
// MODEL-NOT: tfx.apply_mask
// MODEL-NOT: tfx.slice
// MODEL-NOT: tfx.concat
