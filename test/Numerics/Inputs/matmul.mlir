// Per-op golden case "matmul": batched matrix product over [batch, 2] of
// 37 x 24 times 24 x 50.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case matmul --out DIR
func.func @main(%a: tensor<?x2x37x24xf32> {tfx.name = "a"}, %b: tensor<?x2x24x50xf32> {tfx.name = "b"}) -> (tensor<?x2x37x50xf32> {tfx.name = "y"}) {
  %y = tfx.matmul %a, %b : (tensor<?x2x37x24xf32>, tensor<?x2x24x50xf32>) -> tensor<?x2x37x50xf32>
  return %y : tensor<?x2x37x50xf32>
}
