// Per-op golden case "layer_norm": LayerNorm over the last axis, default epsilon 1e-5.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case layer_norm --out DIR
func.func @main(%x: tensor<?x5x16xf32> {tfx.name = "x"}) -> (tensor<?x5x16xf32> {tfx.name = "y"}) {
  %g = tfx.param "layer_norm.weight" : tensor<16xf32>
  %b = tfx.param "layer_norm.bias" : tensor<16xf32>
  %y = tfx.layer_norm %x, %g, %b : (tensor<?x5x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x5x16xf32>
  return %y : tensor<?x5x16xf32>
}
