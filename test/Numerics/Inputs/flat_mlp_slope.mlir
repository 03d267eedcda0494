// Per-op golden case "flat_mlp_slope": as flat_mlp with negative_slope 0.2 and
// epsilon 1e-6 (both LayerNorms). Input and fc1 are ~1e-3 so that both LayerNorm
// variances are ~1e-6 and the epsilon changes the result well above the tolerance.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case flat_mlp_slope --out DIR
func.func @main(%x: tensor<?x8x16xf32> {tfx.name = "x"}, %keep: tensor<?x8xi1> {tfx.name = "keep"})
    -> (tensor<?x8x16xf32> {tfx.name = "y"}) {
  %g1 = tfx.param "mlp.in_norm.weight" : tensor<128xf32>
  %b1 = tfx.param "mlp.in_norm.bias" : tensor<128xf32>
  %w1 = tfx.param "mlp.fc1.weight" : tensor<20x128xf32>
  %c1 = tfx.param "mlp.fc1.bias" : tensor<20xf32>
  %g2 = tfx.param "mlp.hidden_norm.weight" : tensor<20xf32>
  %b2 = tfx.param "mlp.hidden_norm.bias" : tensor<20xf32>
  %w2 = tfx.param "mlp.fc2.weight" : tensor<128x20xf32>
  %c2 = tfx.param "mlp.fc2.bias" : tensor<128xf32>
  %y = tfx.flat_mlp %x, %keep, %keep weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2) {negative_slope = 0.2 : f32, epsilon = 1.0e-6 : f32}
      : (tensor<?x8x16xf32>, tensor<?x8xi1>, tensor<?x8xi1>, tensor<128xf32>, tensor<128xf32>, tensor<20x128xf32>, tensor<20xf32>, tensor<20xf32>, tensor<20xf32>, tensor<128x20xf32>, tensor<128xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}
