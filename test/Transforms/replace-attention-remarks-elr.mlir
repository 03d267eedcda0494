// Why replace-attention (mode=elr) leaves a selected site alone: one
// -split-input-file chunk per reason.
// RUN: tfx-opt %s -split-input-file -verify-diagnostics --replace-attention="mode=elr" > /dev/null
func.func @f(%x: tensor<?x4x8xf32>, %keep: tensor<?x4xi1>) -> tensor<?x4x8xf32> {
  %w = tfx.param "w" : tensor<8x8xf32>
  %b = tfx.param "b" : tensor<8xf32>
  %g = tfx.param "g" : tensor<8xf32>
  %h = tfx.layer_norm %x, %g, %g : (tensor<?x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
  // expected-remark @+1 {{replace-attention: enc-sa site 0 (attention.enc-sa.0) not replaced by elr: the attention sublayer is not followed by a pre-LN FFN sublayer r + FFN(LayerNorm(r)) (ELR replaces a whole encoder layer)}}
  %a = tfx.attention %h, %h weights(%w, %b, %w, %b, %w, %b, %w, %b) mask(%keep) {num_heads = 2 : i64}
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
  // expected-remark @+1 {{replace-attention: enc-sa site 0 (attention.enc-sa.0) not replaced by elr: the FFN sublayer is not Linear -> activation -> Linear on LayerNorm(r) (ELR replaces a whole encoder layer)}}
  %a = tfx.attention %h, %h weights(%w, %b, %w, %b, %w, %b, %w, %b) mask(%keep) {num_heads = 2 : i64}
      : (tensor<?x4x8xf32>, tensor<?x4x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x4xi1>) -> tensor<?x4x8xf32>
  %r = tfx.add %x, %a : (tensor<?x4x8xf32>, tensor<?x4x8xf32>) -> tensor<?x4x8xf32>
  %h2 = tfx.layer_norm %r, %g, %g : (tensor<?x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
  %f = tfx.linear %h2, %w, %b : (tensor<?x4x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
  %y = tfx.add %r, %f : (tensor<?x4x8xf32>, tensor<?x4x8xf32>) -> tensor<?x4x8xf32>
  return %y : tensor<?x4x8xf32>
}
