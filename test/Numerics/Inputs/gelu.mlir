// Per-op golden case "gelu": y = x * Phi(x) (exact, erf).
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case gelu --out DIR
func.func @main(%x: tensor<?x5x16xf32> {tfx.name = "x"}) -> (tensor<?x5x16xf32> {tfx.name = "y"}) {
  %y = tfx.gelu %x : tensor<?x5x16xf32>
  return %y : tensor<?x5x16xf32>
}
