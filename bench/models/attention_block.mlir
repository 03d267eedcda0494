// Benchmark block "attention": the pre-LN self-attention sublayer of an
// encoder layer at the "Rethinking Attention" teacher sizes (d_model 128,
// 8 heads, length 50), dynamic batch:
//   y = x + MHA(LN(x), LN(x)),  key padding mask = ids != 0.
// Parameter names are those of encoder layer 0 of examples/models/teacher.mlir.
// Weights/inputs: /usr/bin/python3 bench/run_benchmarks.py (see docs/benchmarks.md).
func.func @main(%x: tensor<?x50x128xf32> {tfx.name = "x"}, %ids: tensor<?x50xi64> {tfx.name = "ids"})
    -> (tensor<?x50x128xf32> {tfx.name = "y"}) {
  %keep = tfx.padding_mask %ids : tensor<?x50xi64> -> tensor<?x50xi1>
  %lng = tfx.param "encoder.layers.0.self_attn_layer_norm.weight" : tensor<128xf32>
  %lnb = tfx.param "encoder.layers.0.self_attn_layer_norm.bias" : tensor<128xf32>
  %h = tfx.layer_norm %x, %lng, %lnb : (tensor<?x50x128xf32>, tensor<128xf32>, tensor<128xf32>) -> tensor<?x50x128xf32>
  %qw = tfx.param "encoder.layers.0.self_attn.q_proj.weight" : tensor<128x128xf32>
  %qb = tfx.param "encoder.layers.0.self_attn.q_proj.bias" : tensor<128xf32>
  %kw = tfx.param "encoder.layers.0.self_attn.k_proj.weight" : tensor<128x128xf32>
  %kb = tfx.param "encoder.layers.0.self_attn.k_proj.bias" : tensor<128xf32>
  %vw = tfx.param "encoder.layers.0.self_attn.v_proj.weight" : tensor<128x128xf32>
  %vb = tfx.param "encoder.layers.0.self_attn.v_proj.bias" : tensor<128xf32>
  %ow = tfx.param "encoder.layers.0.self_attn.out_proj.weight" : tensor<128x128xf32>
  %ob = tfx.param "encoder.layers.0.self_attn.out_proj.bias" : tensor<128xf32>
  %a = tfx.attention %h, %h weights(%qw, %qb, %kw, %kb, %vw, %vb, %ow, %ob) mask(%keep) {num_heads = 8 : i64}
      : (tensor<?x50x128xf32>, tensor<?x50x128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<?x50xi1>) -> tensor<?x50x128xf32>
  %y = tfx.add %x, %a : (tensor<?x50x128xf32>, tensor<?x50x128xf32>) -> tensor<?x50x128xf32>
  return %y : tensor<?x50x128xf32>
}
