// Benchmark block "encoder_layer": one whole pre-LN encoder layer at the
// "Rethinking Attention" teacher sizes (d_model 128, 8 heads, FFN 512, ReLU,
// length 50), dynamic batch:
//   x = x + MHA(LN1(x)) [key padding mask = ids != 0];  y = x + FFN(LN2(x)).
// Parameter names are those of encoder layer 0 of examples/models/teacher.mlir.
func.func @main(%x: tensor<?x50x128xf32> {tfx.name = "x"}, %ids: tensor<?x50xi64> {tfx.name = "ids"})
    -> (tensor<?x50x128xf32> {tfx.name = "y"}) {
  %keep = tfx.padding_mask %ids : tensor<?x50xi64> -> tensor<?x50xi1>
  %ln1g = tfx.param "encoder.layers.0.self_attn_layer_norm.weight" : tensor<128xf32>
  %ln1b = tfx.param "encoder.layers.0.self_attn_layer_norm.bias" : tensor<128xf32>
  %h1 = tfx.layer_norm %x, %ln1g, %ln1b : (tensor<?x50x128xf32>, tensor<128xf32>, tensor<128xf32>) -> tensor<?x50x128xf32>
  %saqw = tfx.param "encoder.layers.0.self_attn.q_proj.weight" : tensor<128x128xf32>
  %saqb = tfx.param "encoder.layers.0.self_attn.q_proj.bias" : tensor<128xf32>
  %sakw = tfx.param "encoder.layers.0.self_attn.k_proj.weight" : tensor<128x128xf32>
  %sakb = tfx.param "encoder.layers.0.self_attn.k_proj.bias" : tensor<128xf32>
  %savw = tfx.param "encoder.layers.0.self_attn.v_proj.weight" : tensor<128x128xf32>
  %savb = tfx.param "encoder.layers.0.self_attn.v_proj.bias" : tensor<128xf32>
  %saoutw = tfx.param "encoder.layers.0.self_attn.out_proj.weight" : tensor<128x128xf32>
  %saoutb = tfx.param "encoder.layers.0.self_attn.out_proj.bias" : tensor<128xf32>
  %a = tfx.attention %h1, %h1 weights(%saqw, %saqb, %sakw, %sakb, %savw, %savb, %saoutw, %saoutb) mask(%keep) {num_heads = 8 : i64}
      : (tensor<?x50x128xf32>, tensor<?x50x128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<?x50xi1>) -> tensor<?x50x128xf32>
  %x1 = tfx.add %x, %a : (tensor<?x50x128xf32>, tensor<?x50x128xf32>) -> tensor<?x50x128xf32>
  %ln2g = tfx.param "encoder.layers.0.final_layer_norm.weight" : tensor<128xf32>
  %ln2b = tfx.param "encoder.layers.0.final_layer_norm.bias" : tensor<128xf32>
  %h2 = tfx.layer_norm %x1, %ln2g, %ln2b : (tensor<?x50x128xf32>, tensor<128xf32>, tensor<128xf32>) -> tensor<?x50x128xf32>
  %w1 = tfx.param "encoder.layers.0.ffn.fc1.weight" : tensor<512x128xf32>
  %b1 = tfx.param "encoder.layers.0.ffn.fc1.bias" : tensor<512xf32>
  %w2 = tfx.param "encoder.layers.0.ffn.fc2.weight" : tensor<128x512xf32>
  %b2 = tfx.param "encoder.layers.0.ffn.fc2.bias" : tensor<128xf32>
  %f1 = tfx.linear %h2, %w1, %b1 : (tensor<?x50x128xf32>, tensor<512x128xf32>, tensor<512xf32>) -> tensor<?x50x512xf32>
  %f2 = tfx.relu %f1 : tensor<?x50x512xf32>
  %f3 = tfx.linear %f2, %w2, %b2 : (tensor<?x50x512xf32>, tensor<128x512xf32>, tensor<128xf32>) -> tensor<?x50x128xf32>
  %y = tfx.add %x1, %f3 : (tensor<?x50x128xf32>, tensor<?x50x128xf32>) -> tensor<?x50x128xf32>
  return %y : tensor<?x50x128xf32>
}
