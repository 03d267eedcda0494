// Why replace-attention (mode=alr sites=enc-sa,dec-sa,dec-ca) leaves a selected site alone: one
// -split-input-file chunk per reason.
// RUN: tfx-opt %s -split-input-file -verify-diagnostics --replace-attention="mode=alr sites=enc-sa,dec-sa,dec-ca" > /dev/null
func.func @f(%x: tensor<?x4x8xf32>) -> tensor<?x4x8xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %g = tfx.param "g" : tensor<8xf32>
  // expected-remark @+1 {{replace-attention: enc-sa site 0 (attention.enc-sa.0) not replaced by alr: the attention has no key padding mask, and the MLP needs the sentence's padding mask}}
  %a = tfx.attention %x, %x weights(%w, %b, %w, %b, %w, %b, %w, %b) {num_heads = 2 : i64}
      : (tensor<?x4x8xf32>, tensor<?x4x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
  return %a : tensor<?x4x8xf32>
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %mem: tensor<?x5x8xf32>, %skeep: tensor<?x5xi1>) -> tensor<?x4x8xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %g = tfx.param "g" : tensor<8xf32>
  // expected-remark @+1 {{replace-attention: dec-ca site 0 (attention.dec-ca.0) not replaced by alr: cross-attention needs the decoder's padding mask for its query, and no causal self-attention with a key padding mask was found in the same function}}
  %a = tfx.attention %x, %mem weights(%w, %b, %w, %b, %w, %b, %w, %b) mask(%skeep) {num_heads = 2 : i64}
      : (tensor<?x4x8xf32>, tensor<?x5x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x5xi1>) -> tensor<?x4x8xf32>
  return %a : tensor<?x4x8xf32>
}

// -----

func.func @f(%s: tensor<?x4x8xf32>) -> tensor<?x4x8xf32> {
  // expected-remark @+1 {{replace-attention: this softmax is not part of a recognised attention, left alone: softmax is not over the keys of [batch, heads, queries, keys] scores}}
  %p = tfx.softmax %s : tensor<?x4x8xf32>
  return %p : tensor<?x4x8xf32>
}

// -----

func.func @f(%a: tensor<?x2x4x4xf32>, %b: tensor<?x2x4x4xf32>) -> tensor<?x2x4x4xf32> {
  %s = tfx.matmul %a, %b : (tensor<?x2x4x4xf32>, tensor<?x2x4x4xf32>) -> tensor<?x2x4x4xf32>
  // expected-remark @+1 {{replace-attention: this softmax is not part of a recognised attention, left alone: scores are not Q K^T scaled by a constant}}
  %p = tfx.softmax %s : tensor<?x2x4x4xf32>
  return %p : tensor<?x2x4x4xf32>
}

// -----

func.func @f(%s: tensor<?x2x4x4xf32>, %m: tensor<?x1x1x4xi1>) -> tensor<?x2x4x4xf32> {
  %z = tfx.apply_mask %s, %m : tensor<?x2x4x4xf32>, tensor<?x1x1x4xi1>
  // expected-remark @+1 {{replace-attention: this softmax is not part of a recognised attention, left alone: a mask on the scores fills with 0.000000 instead of -inf}}
  %p = tfx.softmax %z : tensor<?x2x4x4xf32>
  return %p : tensor<?x2x4x4xf32>
}
