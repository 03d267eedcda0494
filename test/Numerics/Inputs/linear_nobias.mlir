// Per-op golden case "linear_nobias": y = x W^T, W [out, in], no bias.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case linear_nobias --out DIR
func.func @main(%x: tensor<?x5x16xf32> {tfx.name = "x"}) -> (tensor<?x5x24xf32> {tfx.name = "y"}) {
  %w = tfx.param "linear.weight" : tensor<24x16xf32>
  %y = tfx.linear %x, %w : (tensor<?x5x16xf32>, tensor<24x16xf32>) -> tensor<?x5x24xf32>
  return %y : tensor<?x5x24xf32>
}
