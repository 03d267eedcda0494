// RUN: tfx-opt %s -decompose-attention -split-input-file | FileCheck %s
// RUN: tfx-opt %s -decompose-attention -split-input-file | tfx-opt -split-input-file -verify-diagnostics > /dev/null

// Causal self-attention with a key padding mask: the ONNX-style graph.
// CHECK-LABEL: func.func @self_causal
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>, %[[KEEP:.*]]: tensor<?x8xi1>
// CHECK-NOT: tfx.attention
// CHECK: %[[Q:.*]] = tfx.linear %[[X]], %[[WQ:.*]], %[[BQ:.*]] : {{.*}} -> tensor<?x8x16xf32>
// CHECK: %[[QH:.*]] = tfx.reshape %[[Q]] : tensor<?x8x16xf32> -> tensor<?x8x4x4xf32>
// CHECK: %[[QT:.*]] = tfx.transpose %[[QH]] [0, 2, 1, 3] : tensor<?x8x4x4xf32> -> tensor<?x4x8x4xf32>
// CHECK: %[[K:.*]] = tfx.linear %[[X]], %[[WK:.*]], %[[BK:.*]] :
// CHECK: %[[KH:.*]] = tfx.reshape %[[K]]
// CHECK: %[[KT:.*]] = tfx.transpose %[[KH]] [0, 2, 3, 1] : tensor<?x8x4x4xf32> -> tensor<?x4x4x8xf32>
// CHECK: %[[V:.*]] = tfx.linear %[[X]], %[[WV:.*]], %[[BV:.*]] :
// CHECK: %[[VH:.*]] = tfx.reshape %[[V]]
// CHECK: %[[VT:.*]] = tfx.transpose %[[VH]] [0, 2, 1, 3]
// CHECK: %[[S:.*]] = tfx.matmul %[[QT]], %[[KT]] : (tensor<?x4x8x4xf32>, tensor<?x4x4x8xf32>) -> tensor<?x4x8x8xf32>
// 1/sqrt(d_head) with d_head = 16 / 4 = 4.
// CHECK: %[[C:.*]] = tfx.constant dense<5.000000e-01> : tensor<f32>
// CHECK: %[[SS:.*]] = tfx.mul %[[S]], %[[C]]
// CHECK: %[[K4:.*]] = tfx.reshape %[[KEEP]] : tensor<?x8xi1> -> tensor<?x1x1x8xi1>
// CHECK: %[[SM:.*]] = tfx.apply_mask %[[SS]], %[[K4]] {fill = 0xFF800000 : f32}
// CHECK: %[[TRIL:.*]] = tfx.causal_mask : tensor<8x8xi1>
// CHECK: %[[SC:.*]] = tfx.apply_mask %[[SM]], %[[TRIL]] {fill = 0xFF800000 : f32}
// CHECK: %[[P:.*]] = tfx.softmax %[[SC]] : tensor<?x4x8x8xf32>
// CHECK: %[[O:.*]] = tfx.matmul %[[P]], %[[VT]] : (tensor<?x4x8x8xf32>, tensor<?x4x8x4xf32>) -> tensor<?x4x8x4xf32>
// CHECK: %[[OT:.*]] = tfx.transpose %[[O]] [0, 2, 1, 3] : tensor<?x4x8x4xf32> -> tensor<?x8x4x4xf32>
// CHECK: %[[OM:.*]] = tfx.reshape %[[OT]] : tensor<?x8x4x4xf32> -> tensor<?x8x16xf32>
// CHECK: %[[Y:.*]] = tfx.linear %[[OM]], %[[WO:.*]], %[[BO:.*]] :
// CHECK: return %[[Y]]
func.func @self_causal(%x: tensor<?x8x16xf32>, %keep: tensor<?x8xi1>) -> tensor<?x8x16xf32> {
  %wq = tfx.param "q.weight" : tensor<16x16xf32>
  %bq = tfx.param "q.bias" : tensor<16xf32>
  %wk = tfx.param "k.weight" : tensor<16x16xf32>
  %bk = tfx.param "k.bias" : tensor<16xf32>
  %wv = tfx.param "v.weight" : tensor<16x16xf32>
  %bv = tfx.param "v.bias" : tensor<16xf32>
  %wo = tfx.param "o.weight" : tensor<16x16xf32>
  %bo = tfx.param "o.bias" : tensor<16xf32>
  %0 = tfx.attention %x, %x weights(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) mask(%keep) {causal, num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<?x8xi1>) -> tensor<?x8x16xf32>
  return %0 : tensor<?x8x16xf32>
}

// -----

// Cross-attention without masks: keys come from the memory (length 6), no
// mask ops are emitted, and other ops (the dropout) are left alone.
// CHECK-LABEL: func.func @cross
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>, %[[MEM:.*]]: tensor<?x6x16xf32>)
// CHECK: tfx.linear %[[X]], {{.*}} -> tensor<?x8x16xf32>
// CHECK: tfx.linear %[[MEM]], {{.*}} -> tensor<?x6x16xf32>
// CHECK: tfx.linear %[[MEM]], {{.*}} -> tensor<?x6x16xf32>
// CHECK: tfx.matmul {{.*}} -> tensor<?x2x8x6xf32>
// CHECK-NOT: tfx.apply_mask
// CHECK-NOT: tfx.causal_mask
// CHECK: tfx.softmax %{{.*}} : tensor<?x2x8x6xf32>
// CHECK: tfx.dropout
func.func @cross(%x: tensor<?x8x16xf32>, %mem: tensor<?x6x16xf32>) -> tensor<?x8x16xf32> {
  %w = tfx.param "w" : tensor<16x16xf32>
  %b = tfx.param "b" : tensor<16xf32>
  %0 = tfx.attention %x, %mem weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x8x16xf32>, tensor<?x6x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %1 = tfx.dropout %0 {rate = 0.1 : f32} : tensor<?x8x16xf32>
  return %1 : tensor<?x8x16xf32>
}
