// Per-op golden case "dynamic_conv_centered": tfx.dynamic_conv without kernel bias,
// 2 heads shared by 16 channels (c uses head c / 8), kernel 5, centred padding.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case dynamic_conv_centered --out DIR
func.func @main(%x: tensor<?x8x16xf32> {tfx.name = "x"}) -> (tensor<?x8x16xf32> {tfx.name = "y"}) {
  %kw = tfx.param "conv.weight_linear.weight" : tensor<10x16xf32>
  %y = tfx.dynamic_conv %x, %kw {kernel_size = 5 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<10x16xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}
