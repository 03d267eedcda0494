// Per-op golden case "encoder_layer": one pre-LN encoder layer (d 16, 4 heads,
// FFN 32, ReLU): x = x + SA(LN1(x)); y = x + FFN(LN2(x)); key padding = ids != 0.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case encoder_layer --out DIR
func.func @main(%x: tensor<?x8x16xf32> {tfx.name = "x"}, %ids: tensor<?x8xi64> {tfx.name = "ids"})
    -> (tensor<?x8x16xf32> {tfx.name = "y"}) {
  %keep = tfx.padding_mask %ids : tensor<?x8xi64> -> tensor<?x8xi1>
  %ln1g = tfx.param "encoder.layers.0.self_attn_layer_norm.weight" : tensor<16xf32>
  %ln1b = tfx.param "encoder.layers.0.self_attn_layer_norm.bias" : tensor<16xf32>
  %h1 = tfx.layer_norm %x, %ln1g, %ln1b : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %saqw = tfx.param "encoder.layers.0.self_attn.q_proj.weight" : tensor<16x16xf32>
  %saqb = tfx.param "encoder.layers.0.self_attn.q_proj.bias" : tensor<16xf32>
  %sakw = tfx.param "encoder.layers.0.self_attn.k_proj.weight" : tensor<16x16xf32>
  %sakb = tfx.param "encoder.layers.0.self_attn.k_proj.bias" : tensor<16xf32>
  %savw = tfx.param "encoder.layers.0.self_attn.v_proj.weight" : tensor<16x16xf32>
  %savb = tfx.param "encoder.layers.0.self_attn.v_proj.bias" : tensor<16xf32>
  %saoutw = tfx.param "encoder.layers.0.self_attn.out_proj.weight" : tensor<16x16xf32>
  %saoutb = tfx.param "encoder.layers.0.self_attn.out_proj.bias" : tensor<16xf32>
  %a = tfx.attention %h1, %h1 weights(%saqw, %saqb, %sakw, %sakb, %savw, %savb, %saoutw, %saoutb) mask(%keep) {num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<?x8xi1>) -> tensor<?x8x16xf32>
  %x1 = tfx.add %x, %a : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
  %ln2g = tfx.param "encoder.layers.0.final_layer_norm.weight" : tensor<16xf32>
  %ln2b = tfx.param "encoder.layers.0.final_layer_norm.bias" : tensor<16xf32>
  %h2 = tfx.layer_norm %x1, %ln2g, %ln2b : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %w1 = tfx.param "encoder.layers.0.ffn.fc1.weight" : tensor<32x16xf32>
  %b1 = tfx.param "encoder.layers.0.ffn.fc1.bias" : tensor<32xf32>
  %w2 = tfx.param "encoder.layers.0.ffn.fc2.weight" : tensor<16x32xf32>
  %b2 = tfx.param "encoder.layers.0.ffn.fc2.bias" : tensor<16xf32>
  %f1 = tfx.linear %h2, %w1, %b1 : (tensor<?x8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<?x8x32xf32>
  %f2 = tfx.relu %f1 : tensor<?x8x32xf32>
  %f3 = tfx.linear %f2, %w2, %b2 : (tensor<?x8x32xf32>, tensor<16x32xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %y = tfx.add %x1, %f3 : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}
