// Per-op golden case "linear": y = x W^T + b, W [out, in].
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case linear --out DIR
func.func @main(%x: tensor<?x5x16xf32> {tfx.name = "x"}) -> (tensor<?x5x24xf32> {tfx.name = "y"}) {
  %w = tfx.param "linear.weight" : tensor<24x16xf32>
  %b = tfx.param "linear.bias" : tensor<24xf32>
  %y = tfx.linear %x, %w, %b : (tensor<?x5x16xf32>, tensor<24x16xf32>, tensor<24xf32>) -> tensor<?x5x24xf32>
  return %y : tensor<?x5x24xf32>
}
