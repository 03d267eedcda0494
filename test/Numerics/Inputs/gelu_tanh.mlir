// Per-op golden case "gelu_tanh": tanh-approximated GELU.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case gelu_tanh --out DIR
func.func @main(%x: tensor<?x5x16xf32> {tfx.name = "x"}) -> (tensor<?x5x16xf32> {tfx.name = "y"}) {
  %y = tfx.gelu %x {approximate = "tanh"} : tensor<?x5x16xf32>
  return %y : tensor<?x5x16xf32>
}
