// Per-op golden case "lightweight_conv_causal": tfx.lightweight_conv, 4 heads, 16
// channels, even kernel 4 with causal padding (3 on the left): position t sees t-3 .. t.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case lightweight_conv_causal --out DIR
func.func @main(%x: tensor<?x8x16xf32> {tfx.name = "x"}) -> (tensor<?x8x16xf32> {tfx.name = "y"}) {
  %w = tfx.param "conv.weight" : tensor<4x4xf32>
  %y = tfx.lightweight_conv %x, %w {kernel_size = 4 : i64, num_heads = 4 : i64, padding = "causal"}
      : (tensor<?x8x16xf32>, tensor<4x4xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}
