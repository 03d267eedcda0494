// Per-op golden case "lightweight_conv_raw": tfx.lightweight_conv with weight_softmax =
// false (the kernel is used as given), 3 heads shared by 12 channels (c uses head c / 4),
// kernel 11 longer than the sequence (length 6), centred padding (5 each side).
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case lightweight_conv_raw --out DIR
func.func @main(%x: tensor<?x6x12xf32> {tfx.name = "x"}) -> (tensor<?x6x12xf32> {tfx.name = "y"}) {
  %w = tfx.param "conv.weight" : tensor<3x11xf32>
  %y = tfx.lightweight_conv %x, %w {kernel_size = 11 : i64, num_heads = 3 : i64, padding = "centered",
      weight_softmax = false}
      : (tensor<?x6x12xf32>, tensor<3x11xf32>) -> tensor<?x6x12xf32>
  return %y : tensor<?x6x12xf32>
}
