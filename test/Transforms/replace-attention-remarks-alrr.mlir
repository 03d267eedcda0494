// Why replace-attention (mode=alrr sites=enc-sa,dec-sa,dec-ca) leaves a selected site alone: one
// -split-input-file chunk per reason.
// RUN: tfx-opt %s -split-input-file -verify-diagnostics --replace-attention="mode=alrr sites=enc-sa,dec-sa,dec-ca" > /dev/null
func.func @f(%x: tensor<?x4x8xf32>, %keep: tensor<?x4xi1>) -> tensor<?x4x8xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %g = tfx.param "g" : tensor<8xf32>
  %h = tfx.layer_norm %x, %g, %g : (tensor<?x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
  // expected-remark @+1 {{replace-attention: dec-sa site 0 (attention.dec-sa.0) not replaced by alrr: mode alrr is defined for encoder self-attention only; decoder sites support alr}}
  %a = tfx.attention %h, %h weights(%w, %b, %w, %b, %w, %b, %w, %b) mask(%keep) {causal, num_heads = 2 : i64}
      : (tensor<?x4x8xf32>, tensor<?x4x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x4xi1>) -> tensor<?x4x8xf32>
  %r = tfx.add %x, %a : (tensor<?x4x8xf32>, tensor<?x4x8xf32>) -> tensor<?x4x8xf32>
  return %r : tensor<?x4x8xf32>
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %keep: tensor<?x4xi1>) -> tensor<?x4x8xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %g = tfx.param "g" : tensor<8xf32>
  %h = tfx.layer_norm %x, %g, %g : (tensor<?x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
  // expected-remark @+1 {{replace-attention: enc-sa site 0 (attention.enc-sa.0) not replaced by alrr: its output does not feed a residual add (x + attention)}}
  %a = tfx.attention %h, %h weights(%w, %b, %w, %b, %w, %b, %w, %b) mask(%keep) {num_heads = 2 : i64}
      : (tensor<?x4x8xf32>, tensor<?x4x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x4xi1>) -> tensor<?x4x8xf32>
  return %a : tensor<?x4x8xf32>
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %keep: tensor<?x4xi1>) -> tensor<?x4x8xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %g = tfx.param "g" : tensor<8xf32>
  // expected-remark @+1 {{replace-attention: enc-sa site 0 (attention.enc-sa.0) not replaced by alrr: it is not a pre-LN sublayer x + attention(LayerNorm(x))}}
  %a = tfx.attention %x, %x weights(%w, %b, %w, %b, %w, %b, %w, %b) mask(%keep) {num_heads = 2 : i64}
      : (tensor<?x4x8xf32>, tensor<?x4x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x4xi1>) -> tensor<?x4x8xf32>
  %r = tfx.add %x, %a : (tensor<?x4x8xf32>, tensor<?x4x8xf32>) -> tensor<?x4x8xf32>
  %y = tfx.layer_norm %r, %g, %g : (tensor<?x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
  return %y : tensor<?x4x8xf32>
}
