// Per-op golden case "norm_wide": rows wider than a GPU block (lib/Lowering/Normalization.cpp):
// LayerNorm(300) and softmax over the last axis of [?, 4, 300] (256 threads a row: a strided
// tail of 44), and softmax over the middle axis (4 elements, 300 rows a sentence: a block of
// 32 rows and a partial one).
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case norm_wide --out DIR
func.func @main(%x: tensor<?x4x300xf32> {tfx.name = "x"})
    -> (tensor<?x4x300xf32> {tfx.name = "y_ln"}, tensor<?x4x300xf32> {tfx.name = "y_softmax"}, tensor<?x4x300xf32> {tfx.name = "y_softmax_mid"}) {
  %g = tfx.param "layer_norm.weight" : tensor<300xf32>
  %b = tfx.param "layer_norm.bias" : tensor<300xf32>
  %ln = tfx.layer_norm %x, %g, %b : (tensor<?x4x300xf32>, tensor<300xf32>, tensor<300xf32>) -> tensor<?x4x300xf32>
  %sm = tfx.softmax %x : tensor<?x4x300xf32>
  %mid = tfx.softmax %x {axis = 1} : tensor<?x4x300xf32>
  return %ln, %sm, %mid : tensor<?x4x300xf32>, tensor<?x4x300xf32>, tensor<?x4x300xf32>
}
