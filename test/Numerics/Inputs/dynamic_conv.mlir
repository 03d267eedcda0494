// Per-op golden case "dynamic_conv": tfx.dynamic_conv, 4 heads, 16 channels, kernel 3,
// causal padding. Per position the kernel is x[b, t] W^T + bias ([4 * 3] -> [4, 3]),
// softmax over the taps; y[b, t, c] = sum_k k[b, t, h(c), k] * x[b, t + k - 2, c].
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case dynamic_conv --out DIR
func.func @main(%x: tensor<?x8x16xf32> {tfx.name = "x"}) -> (tensor<?x8x16xf32> {tfx.name = "y"}) {
  %kw = tfx.param "conv.weight_linear.weight" : tensor<12x16xf32>
  %kb = tfx.param "conv.weight_linear.bias" : tensor<12xf32>
  %y = tfx.dynamic_conv %x, %kw, %kb {kernel_size = 3 : i64, num_heads = 4 : i64, padding = "causal"}
      : (tensor<?x8x16xf32>, tensor<12x16xf32>, tensor<12xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}
