// Every tfx op parses, verifies and prints back in its custom form; the
// generic form round-trips too.
// RUN: tfx-opt %s | tfx-opt | FileCheck %s
// RUN: tfx-opt %s --mlir-print-op-generic | tfx-opt | FileCheck %s

// CHECK-LABEL: func.func @embed
func.func @embed(%ids: tensor<?x8xi64>) -> tensor<?x8x16xf32> {
  // CHECK: %[[T:.*]] = tfx.param "encoder.embed_tokens.weight" : tensor<32x16xf32>
  %t = tfx.param "encoder.embed_tokens.weight" : tensor<32x16xf32>
  // CHECK: tfx.embedding %{{.*}}, %[[T]] {scale = 4.000000e+00 : f32} : (tensor<?x8xi64>, tensor<32x16xf32>) -> tensor<?x8x16xf32>
  %x = tfx.embedding %ids, %t {scale = 4.0 : f32} : (tensor<?x8xi64>, tensor<32x16xf32>) -> tensor<?x8x16xf32>
  // CHECK: tfx.embedding %{{.*}}, %[[T]] : (tensor<?x8xi64>, tensor<32x16xf32>)
  %y = tfx.embedding %ids, %t : (tensor<?x8xi64>, tensor<32x16xf32>) -> tensor<?x8x16xf32>
  // CHECK: tfx.positional_encoding %{{.*}} : tensor<?x8x16xf32>
  %p = tfx.positional_encoding %x : tensor<?x8x16xf32>
  return %p : tensor<?x8x16xf32>
}

// CHECK-LABEL: func.func @dense
func.func @dense(%x: tensor<?x8x16xf32>, %a: tensor<2x4x8x4xf32>, %b: tensor<2x4x4x8xf32>) -> tensor<?x8x32xf32> {
  %w = tfx.param "w" : tensor<32x16xf32>
  %bias = tfx.param "b" : tensor<32xf32>
  // CHECK: tfx.linear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<?x8x32xf32>
  %y = tfx.linear %x, %w, %bias : (tensor<?x8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<?x8x32xf32>
  // CHECK: tfx.linear %{{.*}}, %{{.*}} : (tensor<?x8x16xf32>, tensor<32x16xf32>) -> tensor<?x8x32xf32>
  %z = tfx.linear %x, %w : (tensor<?x8x16xf32>, tensor<32x16xf32>) -> tensor<?x8x32xf32>
  // CHECK: tfx.matmul %{{.*}}, %{{.*}} : (tensor<2x4x8x4xf32>, tensor<2x4x4x8xf32>) -> tensor<2x4x8x8xf32>
  %m = tfx.matmul %a, %b : (tensor<2x4x8x4xf32>, tensor<2x4x4x8xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<?x8x32xf32>
}

// CHECK-LABEL: func.func @elementwise
func.func @elementwise(%x: tensor<?x8x16xf32>, %r: tensor<16xf32>, %s: tensor<f32>) -> tensor<?x8x16xf32> {
  // CHECK: tfx.constant dense<2.500000e-01> : tensor<f32>
  %c = tfx.constant dense<0.25> : tensor<f32>
  // CHECK: tfx.add %{{.*}}, %{{.*}} : (tensor<?x8x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %0 = tfx.add %x, %r : (tensor<?x8x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  // CHECK: tfx.sub
  %1 = tfx.sub %0, %x : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
  // CHECK: tfx.mul %{{.*}}, %{{.*}} : (tensor<?x8x16xf32>, tensor<f32>) -> tensor<?x8x16xf32>
  %2 = tfx.mul %1, %c : (tensor<?x8x16xf32>, tensor<f32>) -> tensor<?x8x16xf32>
  // CHECK: tfx.div
  %3 = tfx.div %2, %s : (tensor<?x8x16xf32>, tensor<f32>) -> tensor<?x8x16xf32>
  // CHECK: tfx.relu %{{.*}} : tensor<?x8x16xf32>
  %4 = tfx.relu %3 : tensor<?x8x16xf32>
  // CHECK: tfx.gelu %{{.*}} : tensor<?x8x16xf32>
  %5 = tfx.gelu %4 : tensor<?x8x16xf32>
  // CHECK: tfx.gelu %{{.*}} {approximate = "tanh"} : tensor<?x8x16xf32>
  %6 = tfx.gelu %5 {approximate = "tanh"} : tensor<?x8x16xf32>
  // CHECK: tfx.leaky_relu %{{.*}} : tensor<?x8x16xf32>
  %7 = tfx.leaky_relu %6 : tensor<?x8x16xf32>
  // CHECK: tfx.leaky_relu %{{.*}} {negative_slope = 2.000000e-01 : f32} : tensor<?x8x16xf32>
  %8 = tfx.leaky_relu %7 {negative_slope = 0.2 : f32} : tensor<?x8x16xf32>
  // CHECK: tfx.softmax %{{.*}} : tensor<?x8x16xf32>
  %9 = tfx.softmax %8 : tensor<?x8x16xf32>
  // CHECK: tfx.softmax %{{.*}} {axis = 1 : i64} : tensor<?x8x16xf32>
  %10 = tfx.softmax %9 {axis = 1} : tensor<?x8x16xf32>
  // CHECK: tfx.dropout %{{.*}} {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
  %11 = tfx.dropout %10 {rate = 0.1 : f32} : tensor<?x8x16xf32>
  %g = tfx.param "ln.weight" : tensor<16xf32>
  %b = tfx.param "ln.bias" : tensor<16xf32>
  // CHECK: tfx.layer_norm %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %12 = tfx.layer_norm %11, %g, %b : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  // CHECK: tfx.layer_norm %{{.*}} {epsilon = 9.99999997E-7 : f32}
  %13 = tfx.layer_norm %12, %g, %b {epsilon = 1.0e-6 : f32} : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  // CHECK: tfx.glu %{{.*}} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %14 = tfx.glu %13 : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // CHECK: tfx.glu %{{.*}} {axis = 1 : i64} : tensor<?x8x16xf32> -> tensor<?x4x16xf32>
  %15 = tfx.glu %13 {axis = 1} : tensor<?x8x16xf32> -> tensor<?x4x16xf32>
  return %13 : tensor<?x8x16xf32>
}

// CHECK-LABEL: func.func @movement
func.func @movement(%x: tensor<?x8x16xf32>, %y: tensor<?x8x4xf32>) -> tensor<?x8x20xf32> {
  // CHECK: tfx.reshape %{{.*}} : tensor<?x8x16xf32> -> tensor<?x8x4x4xf32>
  %0 = tfx.reshape %x : tensor<?x8x16xf32> -> tensor<?x8x4x4xf32>
  // CHECK: tfx.transpose %{{.*}} [0, 2, 1, 3] : tensor<?x8x4x4xf32> -> tensor<?x4x8x4xf32>
  %1 = tfx.transpose %0 [0, 2, 1, 3] : tensor<?x8x4x4xf32> -> tensor<?x4x8x4xf32>
  // CHECK: tfx.reshape %{{.*}} : tensor<?x4x8x4xf32> -> tensor<?x8x4xf32>
  %2 = tfx.reshape %1 : tensor<?x4x8x4xf32> -> tensor<?x8x4xf32>
  // CHECK: tfx.slice %{{.*}} {axis = 2 : i64, size = 8 : i64, start = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %3 = tfx.slice %x {axis = 2 : i64, start = 8 : i64, size = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  // CHECK: tfx.concat %{{.*}}, %{{.*}} {axis = 2 : i64} : (tensor<?x8x16xf32>, tensor<?x8x4xf32>) -> tensor<?x8x20xf32>
  %4 = tfx.concat %x, %y {axis = 2 : i64} : (tensor<?x8x16xf32>, tensor<?x8x4xf32>) -> tensor<?x8x20xf32>
  return %4 : tensor<?x8x20xf32>
}

// CHECK-LABEL: func.func @masks
func.func @masks(%ids: tensor<?x8xi32>, %s: tensor<?x4x8x8xf32>) -> tensor<?x4x8x8xf32> {
  // CHECK: tfx.padding_mask %{{.*}} : tensor<?x8xi32> -> tensor<?x8xi1>
  %keep = tfx.padding_mask %ids : tensor<?x8xi32> -> tensor<?x8xi1>
  // CHECK: tfx.padding_mask %{{.*}} {pad_id = 1 : i64}
  %keep1 = tfx.padding_mask %ids {pad_id = 1} : tensor<?x8xi32> -> tensor<?x8xi1>
  // CHECK: tfx.causal_mask : tensor<8x8xi1>
  %tril = tfx.causal_mask : tensor<8x8xi1>
  %k4 = tfx.reshape %keep : tensor<?x8xi1> -> tensor<?x1x1x8xi1>
  // CHECK: tfx.apply_mask %{{.*}}, %{{.*}} {fill = 0xFF800000 : f32} : tensor<?x4x8x8xf32>, tensor<?x1x1x8xi1>
  %0 = tfx.apply_mask %s, %k4 {fill = 0xFF800000 : f32} : tensor<?x4x8x8xf32>, tensor<?x1x1x8xi1>
  // CHECK: tfx.apply_mask %{{.*}}, %{{.*}} : tensor<?x4x8x8xf32>, tensor<8x8xi1>
  %1 = tfx.apply_mask %0, %tril : tensor<?x4x8x8xf32>, tensor<8x8xi1>
  return %1 : tensor<?x4x8x8xf32>
}

// CHECK-LABEL: func.func @attention
func.func @attention(%x: tensor<?x8x16xf32>, %mem: tensor<?x6x16xf32>, %keep: tensor<?x8xi1>, %mkeep: tensor<?x6xi1>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<16x16xf32>
  %b = tfx.param "b" : tensor<16xf32>
  // CHECK: tfx.attention %{{.*}}, %{{.*}} weights(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) mask(%{{.*}}) {causal, num_heads = 4 : i64}
  %0 = tfx.attention %x, %x weights(%w, %b, %w, %b, %w, %b, %w, %b) mask(%keep) {causal, num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<?x8xi1>) -> tensor<?x8x16xf32>
  // Cross-attention with a different key length and no mask.
  // CHECK: tfx.attention %{{.*}}, %{{.*}} weights({{.*}}) {num_heads = 2 : i64} : (tensor<?x8x16xf32>, tensor<?x6x16xf32>
  %1 = tfx.attention %0, %mem weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x16xf32>, tensor<?x6x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  return %1 : tensor<?x8x16xf32>
}

// CHECK-LABEL: func.func @convolutions
func.func @convolutions(%x: tensor<?x8x16xf32>) -> tensor<?x8x16xf32> {
  %w = tfx.param "conv.weight" : tensor<4x3xf32>
  // CHECK: tfx.lightweight_conv %{{.*}}, %{{.*}} {kernel_size = 3 : i64, num_heads = 4 : i64, padding = "centered"} : (tensor<?x8x16xf32>, tensor<4x3xf32>) -> tensor<?x8x16xf32>
  %0 = tfx.lightweight_conv %x, %w {num_heads = 4 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x16xf32>, tensor<4x3xf32>) -> tensor<?x8x16xf32>
  // CHECK: tfx.lightweight_conv {{.*}} padding = "causal", weight_softmax = false}
  %1 = tfx.lightweight_conv %0, %w {num_heads = 4 : i64, kernel_size = 3 : i64, padding = "causal", weight_softmax = false} : (tensor<?x8x16xf32>, tensor<4x3xf32>) -> tensor<?x8x16xf32>
  %kw = tfx.param "dyn.weight" : tensor<8x16xf32>
  %kb = tfx.param "dyn.bias" : tensor<8xf32>
  // CHECK: tfx.dynamic_conv %{{.*}}, %{{.*}}, %{{.*}} {kernel_size = 4 : i64, num_heads = 2 : i64, padding = "causal"} : (tensor<?x8x16xf32>, tensor<8x16xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  %2 = tfx.dynamic_conv %1, %kw, %kb {num_heads = 2 : i64, kernel_size = 4 : i64, padding = "causal"} : (tensor<?x8x16xf32>, tensor<8x16xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  // CHECK: tfx.dynamic_conv %{{.*}}, %{{.*}} {kernel_size = 4 : i64, num_heads = 2 : i64, padding = "causal"} : (tensor<?x8x16xf32>, tensor<8x16xf32>) -> tensor<?x8x16xf32>
  %3 = tfx.dynamic_conv %2, %kw {num_heads = 2 : i64, kernel_size = 4 : i64, padding = "causal"} : (tensor<?x8x16xf32>, tensor<8x16xf32>) -> tensor<?x8x16xf32>
  return %3 : tensor<?x8x16xf32>
}

// CHECK-LABEL: func.func @lsra
// CHECK-SAME: (%[[X:[^:]*]]: tensor<?x8x16xf32>, %[[KEEP:[^:]*]]: tensor<?x8xi1>, %[[KEEP3:[^:]*]]: tensor<?x8x1xi1>, %[[KEEP2:[^:]*]]: tensor<?x8xi1>)
func.func @lsra(%x: tensor<?x8x16xf32>, %keep: tensor<?x8xi1>, %keep3: tensor<?x8x1xi1>, %keep2: tensor<?x8xi1>) -> tensor<?x8x16xf32> {
  %w = tfx.param "lsra.w" : tensor<8x8xf32>
  %b = tfx.param "lsra.b" : tensor<8xf32>
  %win = tfx.param "lsra.conv.in_proj.weight" : tensor<16x8xf32>
  %bin = tfx.param "lsra.conv.in_proj.bias" : tensor<16xf32>
  %wc = tfx.param "lsra.conv.weight" : tensor<4x5xf32>
  %kw = tfx.param "lsra.conv.weight_linear.weight" : tensor<6x8xf32>
  %kb = tfx.param "lsra.conv.weight_linear.bias" : tensor<6xf32>
  // Encoder form: lightweight, both masks, default offsets (not printed).
  // CHECK: %[[E:.*]] = tfx.lsra %[[X]] attention(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) conv(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) mask(%[[KEEP]]) conv_mask(%[[KEEP3]]) {conv_heads = 4 : i64, conv_kind = "lightweight", kernel_size = 5 : i64, num_heads = 2 : i64, padding = "centered"} : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<4x5xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x8xi1>, tensor<?x8x1xi1>) -> tensor<?x8x16xf32>
  %0 = tfx.lsra %x attention(%w, %b, %w, %b, %w, %b, %w, %b) conv(%win, %bin, %wc, %w, %b) mask(%keep) conv_mask(%keep3)
      {conv_heads = 4 : i64, conv_kind = "lightweight", kernel_size = 5 : i64, num_heads = 2 : i64, padding = "centered", attention_input_offset = 0 : i64}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<4x5xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x8xi1>, tensor<?x8x1xi1>) -> tensor<?x8x16xf32>
  // Decoder form: dynamic with kernel bias, causal, a [batch, length] conv
  // mask, both halves swapped, no softmax on the kernels.
  // CHECK: %[[D:.*]] = tfx.lsra %[[E]] attention({{.*}}) conv({{.*}}) kernel_bias(%{{.*}}) conv_mask(%[[KEEP2]]) {attention_input_offset = 8 : i64, attention_output_offset = 8 : i64, causal, conv_heads = 2 : i64, conv_kind = "dynamic", kernel_size = 3 : i64, num_heads = 4 : i64, padding = "causal", weight_softmax = false} : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<6x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<6xf32>, tensor<?x8xi1>) -> tensor<?x8x16xf32>
  %1 = tfx.lsra %0 attention(%w, %b, %w, %b, %w, %b, %w, %b) conv(%win, %bin, %kw, %w, %b) kernel_bias(%kb) conv_mask(%keep2)
      {causal, conv_heads = 2 : i64, conv_kind = "dynamic", kernel_size = 3 : i64, num_heads = 4 : i64, padding = "causal", weight_softmax = false,
       attention_input_offset = 8 : i64, attention_output_offset = 8 : i64}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<6x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<6xf32>, tensor<?x8xi1>) -> tensor<?x8x16xf32>
  // CHECK: return %[[D]]
  return %1 : tensor<?x8x16xf32>
}

// CHECK-LABEL: func.func @flat_mlp
func.func @flat_mlp(%x: tensor<?x4x8xf32>, %keep: tensor<?x4xi1>, %x2: tensor<?x8x8xf32>, %keep2: tensor<?x8xi1>) -> tensor<?x4x8xf32> {
  %g1 = tfx.param "mlp.ln1.weight" : tensor<32xf32>
  %b1 = tfx.param "mlp.ln1.bias" : tensor<32xf32>
  %w1 = tfx.param "mlp.fc1.weight" : tensor<5x32xf32>
  %c1 = tfx.param "mlp.fc1.bias" : tensor<5xf32>
  %g2 = tfx.param "mlp.ln2.weight" : tensor<5xf32>
  %b2 = tfx.param "mlp.ln2.bias" : tensor<5xf32>
  %w2 = tfx.param "mlp.fc2.weight" : tensor<32x5xf32>
  %c2 = tfx.param "mlp.fc2.bias" : tensor<32xf32>
  // Whole-sequence form (ALR encoder self-attention).
  // CHECK: tfx.flat_mlp %{{.*}}, %{{.*}}, %{{.*}} weights({{.*}}) : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>
  %0 = tfx.flat_mlp %x, %keep, %keep weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  // Per-position (causal decoder) form: fc2 produces one position.
  %w2p = tfx.param "mlpp.fc2.weight" : tensor<8x5xf32>
  %c2p = tfx.param "mlpp.fc2.bias" : tensor<8xf32>
  // CHECK: tfx.flat_mlp {{.*}} {negative_slope = 5.000000e-02 : f32, per_position}
  %1 = tfx.flat_mlp %x, %keep, %keep weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2p, %c2p) {per_position, negative_slope = 0.05 : f32}
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<8x5xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
  // Cross-attention form: encoder output and query concatenated (2L positions in, L out).
  %g3 = tfx.param "x.ln1.weight" : tensor<64xf32>
  %b3 = tfx.param "x.ln1.bias" : tensor<64xf32>
  %w3 = tfx.param "x.fc1.weight" : tensor<5x64xf32>
  // CHECK: tfx.flat_mlp {{.*}} : (tensor<?x8x8xf32>, tensor<?x8xi1>, tensor<?x4xi1>
  %2 = tfx.flat_mlp %x2, %keep2, %keep weights(%g3, %b3, %w3, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x8x8xf32>, tensor<?x8xi1>, tensor<?x4xi1>, tensor<64xf32>, tensor<64xf32>, tensor<5x64xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return %2 : tensor<?x4x8xf32>
}
