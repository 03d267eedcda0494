// Per-op golden case "dynamic_conv_raw": tfx.dynamic_conv with weight_softmax = false
// (the predicted kernel is used as given), 3 heads, 12 channels, kernel 9 longer than
// the sequence (length 6), causal padding (8 on the left).
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case dynamic_conv_raw --out DIR
func.func @main(%x: tensor<?x6x12xf32> {tfx.name = "x"}) -> (tensor<?x6x12xf32> {tfx.name = "y"}) {
  %kw = tfx.param "conv.weight_linear.weight" : tensor<27x12xf32>
  %kb = tfx.param "conv.weight_linear.bias" : tensor<27xf32>
  %y = tfx.dynamic_conv %x, %kw, %kb {kernel_size = 9 : i64, num_heads = 3 : i64, padding = "causal",
      weight_softmax = false}
      : (tensor<?x6x12xf32>, tensor<27x12xf32>, tensor<27xf32>) -> tensor<?x6x12xf32>
  return %y : tensor<?x6x12xf32>
}
