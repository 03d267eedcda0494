// Per-op golden case "gemm_bigk_few": a linear layer with a large K (600: k-blocked
// CPU schedule, chunks of 256 and a tail of 88), 70 columns, GELU fused;
// 3 rows (fewer rows than a tile: the weight streamed k-outer in column blocks).
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case gemm_bigk_few --out DIR
func.func @main(%x: tensor<?x1x600xf32> {tfx.name = "x"}) -> (tensor<?x1x70xf32> {tfx.name = "y"}) {
  %w = tfx.param "linear.weight" : tensor<70x600xf32>
  %b = tfx.param "linear.bias" : tensor<70xf32>
  %h = tfx.linear %x, %w, %b : (tensor<?x1x600xf32>, tensor<70x600xf32>, tensor<70xf32>) -> tensor<?x1x70xf32>
  %y = tfx.gelu %h : tensor<?x1x70xf32>
  return %y : tensor<?x1x70xf32>
}
