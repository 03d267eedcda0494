// Per-op golden case "lightweight_conv": tfx.lightweight_conv, 4 heads shared by 16
// channels (channel c uses head c * 4 / 16), kernel 5, centred padding (2 each side),
// kernel softmax-normalised over its taps (weight_softmax default).
// y[b, t, c] = sum_k softmax(w[h(c)])[k] * x[b, t + k - 2, c], zero outside [0, 8).
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case lightweight_conv --out DIR
func.func @main(%x: tensor<?x8x16xf32> {tfx.name = "x"}) -> (tensor<?x8x16xf32> {tfx.name = "y"}) {
  %w = tfx.param "conv.weight" : tensor<4x5xf32>
  %y = tfx.lightweight_conv %x, %w {kernel_size = 5 : i64, num_heads = 4 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<4x5xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}
