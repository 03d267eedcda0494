// Per-op golden case "gemm_bigk": a linear layer with a large K (600: k-blocked
// CPU schedule, chunks of 256 and a tail of 88), 70 columns, GELU fused;
// 111 rows (one full 96-row block and a partial one, the last row tile rounded up).
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case gemm_bigk --out DIR
func.func @main(%x: tensor<?x37x600xf32> {tfx.name = "x"}) -> (tensor<?x37x70xf32> {tfx.name = "y"}) {
  %w = tfx.param "linear.weight" : tensor<70x600xf32>
  %b = tfx.param "linear.bias" : tensor<70xf32>
  %h = tfx.linear %x, %w, %b : (tensor<?x37x600xf32>, tensor<70x600xf32>, tensor<70xf32>) -> tensor<?x37x70xf32>
  %y = tfx.gelu %h : tensor<?x37x70xf32>
  return %y : tensor<?x37x70xf32>
}
