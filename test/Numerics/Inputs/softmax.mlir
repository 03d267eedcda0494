// Per-op golden case "softmax": softmax over the last axis (rows offset by +-100).
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case softmax --out DIR
func.func @main(%x: tensor<?x5x16xf32> {tfx.name = "x"}) -> (tensor<?x5x16xf32> {tfx.name = "y"}) {
  %y = tfx.softmax %x : tensor<?x5x16xf32>
  return %y : tensor<?x5x16xf32>
}
