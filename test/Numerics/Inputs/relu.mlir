// Per-op golden case "relu": y = max(x, 0).
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case relu --out DIR
func.func @main(%x: tensor<?x5x16xf32> {tfx.name = "x"}) -> (tensor<?x5x16xf32> {tfx.name = "y"}) {
  %y = tfx.relu %x : tensor<?x5x16xf32>
  return %y : tensor<?x5x16xf32>
}
