// Per-op golden case "mha_causal": causal self-attention, 4 heads; key padding mask = ids != 0.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case mha_causal --out DIR
func.func @main(%x: tensor<?x8x16xf32> {tfx.name = "x"}, %ids: tensor<?x8xi64> {tfx.name = "ids"})
    -> (tensor<?x8x16xf32> {tfx.name = "y"}) {
  %keep = tfx.padding_mask %ids : tensor<?x8xi64> -> tensor<?x8xi1>
  %qw = tfx.param "attn.q_proj.weight" : tensor<16x16xf32>
  %qb = tfx.param "attn.q_proj.bias" : tensor<16xf32>
  %kw = tfx.param "attn.k_proj.weight" : tensor<16x16xf32>
  %kb = tfx.param "attn.k_proj.bias" : tensor<16xf32>
  %vw = tfx.param "attn.v_proj.weight" : tensor<16x16xf32>
  %vb = tfx.param "attn.v_proj.bias" : tensor<16xf32>
  %outw = tfx.param "attn.out_proj.weight" : tensor<16x16xf32>
  %outb = tfx.param "attn.out_proj.bias" : tensor<16xf32>
  %y = tfx.attention %x, %x weights(%qw, %qb, %kw, %kb, %vw, %vb, %outw, %outb) mask(%keep) {causal, num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<?x8xi1>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}
