// Per-op golden case "attention_tiles": attention with the shapes of the fused GPU kernel's
// tails (lib/Lowering/Attention.cpp): d 128, 2 heads of 64 channels, 13 queries (a full and
// a partial tile of 8 rows), 75 memory keys (64 + 11: the reductions' strided tail), sentence
// 1's memory all padding (its context is 0: y[1] is the output bias); then causal
// self-attention over the 13 queries.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case attention_tiles --out DIR
func.func @main(%query: tensor<?x13x128xf32> {tfx.name = "query"}, %memory: tensor<?x75x128xf32> {tfx.name = "memory"},
                %keep: tensor<?x75xi1> {tfx.name = "memory_mask"})
    -> (tensor<?x13x128xf32> {tfx.name = "y"}, tensor<?x13x128xf32> {tfx.name = "y_causal"}) {
  %crossqw = tfx.param "cross.q_proj.weight" : tensor<128x128xf32>
  %crossqb = tfx.param "cross.q_proj.bias" : tensor<128xf32>
  %crosskw = tfx.param "cross.k_proj.weight" : tensor<128x128xf32>
  %crosskb = tfx.param "cross.k_proj.bias" : tensor<128xf32>
  %crossvw = tfx.param "cross.v_proj.weight" : tensor<128x128xf32>
  %crossvb = tfx.param "cross.v_proj.bias" : tensor<128xf32>
  %crossow = tfx.param "cross.out_proj.weight" : tensor<128x128xf32>
  %crossob = tfx.param "cross.out_proj.bias" : tensor<128xf32>
  %selfqw = tfx.param "self.q_proj.weight" : tensor<128x128xf32>
  %selfqb = tfx.param "self.q_proj.bias" : tensor<128xf32>
  %selfkw = tfx.param "self.k_proj.weight" : tensor<128x128xf32>
  %selfkb = tfx.param "self.k_proj.bias" : tensor<128xf32>
  %selfvw = tfx.param "self.v_proj.weight" : tensor<128x128xf32>
  %selfvb = tfx.param "self.v_proj.bias" : tensor<128xf32>
  %selfow = tfx.param "self.out_proj.weight" : tensor<128x128xf32>
  %selfob = tfx.param "self.out_proj.bias" : tensor<128xf32>
  %y = tfx.attention %query, %memory weights(%crossqw, %crossqb, %crosskw, %crosskb, %crossvw, %crossvb, %crossow, %crossob) mask(%keep) {num_heads = 2 : i64}
      : (tensor<?x13x128xf32>, tensor<?x75x128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<?x75xi1>) -> tensor<?x13x128xf32>
  %yc = tfx.attention %query, %query weights(%selfqw, %selfqb, %selfkw, %selfkb, %selfvw, %selfvb, %selfow, %selfob) {causal, num_heads = 2 : i64}
      : (tensor<?x13x128xf32>, tensor<?x13x128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>) -> tensor<?x13x128xf32>
  return %y, %yc : tensor<?x13x128xf32>, tensor<?x13x128xf32>
}
