// Per-op golden case "mha_long": as mha_cross with 1030 memory keys (the GPU attention fallback).
// 4 heads; the key mask is a BOOL input (true = visible key, any pattern).
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case mha_long --out DIR
func.func @main(%query: tensor<?x5x16xf32> {tfx.name = "query"}, %memory: tensor<?x1030x16xf32> {tfx.name = "memory"},
                %keep: tensor<?x1030xi1> {tfx.name = "memory_mask"})
    -> (tensor<?x5x16xf32> {tfx.name = "y"}) {
  %qw = tfx.param "attn.q_proj.weight" : tensor<16x16xf32>
  %qb = tfx.param "attn.q_proj.bias" : tensor<16xf32>
  %kw = tfx.param "attn.k_proj.weight" : tensor<16x16xf32>
  %kb = tfx.param "attn.k_proj.bias" : tensor<16xf32>
  %vw = tfx.param "attn.v_proj.weight" : tensor<16x16xf32>
  %vb = tfx.param "attn.v_proj.bias" : tensor<16xf32>
  %outw = tfx.param "attn.out_proj.weight" : tensor<16x16xf32>
  %outb = tfx.param "attn.out_proj.bias" : tensor<16xf32>
  %y = tfx.attention %query, %memory weights(%qw, %qb, %kw, %kb, %vw, %vb, %outw, %outb) mask(%keep) {num_heads = 4 : i64}
      : (tensor<?x5x16xf32>, tensor<?x1030x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<?x1030xi1>) -> tensor<?x5x16xf32>
  return %y : tensor<?x5x16xf32>
}
