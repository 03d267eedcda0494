// Per-op golden case "flat_mlp_cross": tfx.flat_mlp as in cross-attention replacement.
// Input = concat(memory [B, 6, 16], query [B, 8, 16]) along positions, input mask =
// concat(memory_keep, query_keep) (memory_keep is an arbitrary pattern, query_keep
// trailing padding), 224 inputs, hidden 24, output [B, 8, 16] masked by query_keep.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case flat_mlp_cross --out DIR
func.func @main(%memory: tensor<?x6x16xf32> {tfx.name = "memory"}, %memory_keep: tensor<?x6xi1> {tfx.name = "memory_keep"},
                %query: tensor<?x8x16xf32> {tfx.name = "query"}, %query_keep: tensor<?x8xi1> {tfx.name = "query_keep"})
    -> (tensor<?x8x16xf32> {tfx.name = "y"}) {
  %x = tfx.concat %memory, %query {axis = 1 : i64} : (tensor<?x6x16xf32>, tensor<?x8x16xf32>) -> tensor<?x14x16xf32>
  %keep = tfx.concat %memory_keep, %query_keep {axis = 1 : i64} : (tensor<?x6xi1>, tensor<?x8xi1>) -> tensor<?x14xi1>
  %g1 = tfx.param "mlp.in_norm.weight" : tensor<224xf32>
  %b1 = tfx.param "mlp.in_norm.bias" : tensor<224xf32>
  %w1 = tfx.param "mlp.fc1.weight" : tensor<24x224xf32>
  %c1 = tfx.param "mlp.fc1.bias" : tensor<24xf32>
  %g2 = tfx.param "mlp.hidden_norm.weight" : tensor<24xf32>
  %b2 = tfx.param "mlp.hidden_norm.bias" : tensor<24xf32>
  %w2 = tfx.param "mlp.fc2.weight" : tensor<128x24xf32>
  %c2 = tfx.param "mlp.fc2.bias" : tensor<128xf32>
  %y = tfx.flat_mlp %x, %keep, %query_keep weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x14x16xf32>, tensor<?x14xi1>, tensor<?x8xi1>, tensor<224xf32>, tensor<224xf32>, tensor<24x224xf32>, tensor<24xf32>, tensor<24xf32>, tensor<24xf32>, tensor<128x24xf32>, tensor<128xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}
