// Per-op golden case "leaky_relu": y with the default slope 0.01, y_02 with negative_slope 0.2.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case leaky_relu --out DIR
func.func @main(%x: tensor<?x5x16xf32> {tfx.name = "x"})
    -> (tensor<?x5x16xf32> {tfx.name = "y"}, tensor<?x5x16xf32> {tfx.name = "y_02"}) {
  %y = tfx.leaky_relu %x : tensor<?x5x16xf32>
  %y2 = tfx.leaky_relu %x {negative_slope = 0.2 : f32} : tensor<?x5x16xf32>
  return %y, %y2 : tensor<?x5x16xf32>, tensor<?x5x16xf32>
}
