// Embedding family (lib/Lowering/Embedding.cpp,
// include/tfx/Lowering/Params/Embedding.h): token embedding (ids checked
// against the vocabulary first), positional encoding, and the masks.
// RUN: tfx-translate %s --emit=plan | FileCheck %s

// CHECK-LABEL: func embed:
// CHECK: kernel 0: padding_mask {pad_id=1} (i64[?x6]) -> bool[?x6]
// CHECK: kernel 1: embedding {scale=2} (i64[?x6], f32[10x8]) -> f32[?x6x8]
// CHECK: kernel 2: positional_encoding {} (f32[?x6x8]) -> f32[?x6x8]
// CHECK: kernel 3: causal_mask {} () -> bool[6x6]
// CHECK: step 1: check_ids %0 < 10
func.func @embed(%ids: tensor<?x6xi64> {tfx.name = "ids"}) -> (tensor<?x6x8xf32>, tensor<?x6xi1>, tensor<6x6xi1>) {
  %keep = tfx.padding_mask %ids {pad_id = 1 : i64} : tensor<?x6xi64> -> tensor<?x6xi1>
  %table = tfx.param "table" : tensor<10x8xf32>
  %e = tfx.embedding %ids, %table {scale = 2.000000e+00 : f32} : (tensor<?x6xi64>, tensor<10x8xf32>) -> tensor<?x6x8xf32>
  %p = tfx.positional_encoding %e : tensor<?x6x8xf32>
  %tril = tfx.causal_mask : tensor<6x6xi1>
  return %p, %keep, %tril : tensor<?x6x8xf32>, tensor<?x6xi1>, tensor<6x6xi1>
}
