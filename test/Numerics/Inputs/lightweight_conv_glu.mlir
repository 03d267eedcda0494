// Per-op golden case "lightweight_conv_glu": Lite Transformer's encoder conv branch as
// the models write it: in_proj Linear(8 -> 16), GLU (back to 8), padded positions
// (ids == 0) zeroed, lightweight conv (2 heads, kernel 9 longer than the length 8,
// centred, softmax), out_proj Linear(8 -> 8).
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case lightweight_conv_glu --out DIR
func.func @main(%x: tensor<?x8x8xf32> {tfx.name = "x"}, %ids: tensor<?x8xi64> {tfx.name = "ids"})
    -> (tensor<?x8x8xf32> {tfx.name = "y"}) {
  %keep = tfx.padding_mask %ids : tensor<?x8xi64> -> tensor<?x8xi1>
  %keep3 = tfx.reshape %keep : tensor<?x8xi1> -> tensor<?x8x1xi1>
  %iw = tfx.param "conv.in_proj.weight" : tensor<16x8xf32>
  %ib = tfx.param "conv.in_proj.bias" : tensor<16xf32>
  %h = tfx.linear %x, %iw, %ib : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %g = tfx.glu %h : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
  %m = tfx.apply_mask %g, %keep3 : tensor<?x8x8xf32>, tensor<?x8x1xi1>
  %w = tfx.param "conv.weight" : tensor<2x9xf32>
  %c = tfx.lightweight_conv %m, %w {kernel_size = 9 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x8xf32>, tensor<2x9xf32>) -> tensor<?x8x8xf32>
  %ow = tfx.param "conv.out_proj.weight" : tensor<8x8xf32>
  %ob = tfx.param "conv.out_proj.bias" : tensor<8xf32>
  %y = tfx.linear %c, %ow, %ob : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  return %y : tensor<?x8x8xf32>
}
