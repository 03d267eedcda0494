// Per-op golden case "gemm_tails": two linear layers whose shapes no GPU GEMM
// tile divides (39 rows, 70 and 20 columns, K 45 and 70), GELU fused.
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case gemm_tails --out DIR
func.func @main(%x: tensor<?x13x45xf32> {tfx.name = "x"}) -> (tensor<?x13x20xf32> {tfx.name = "y"}) {
  %w1 = tfx.param "mlp.0.weight" : tensor<70x45xf32>
  %b1 = tfx.param "mlp.0.bias" : tensor<70xf32>
  %w2 = tfx.param "mlp.2.weight" : tensor<20x70xf32>
  %b2 = tfx.param "mlp.2.bias" : tensor<20xf32>
  %h = tfx.linear %x, %w1, %b1 : (tensor<?x13x45xf32>, tensor<70x45xf32>, tensor<70xf32>) -> tensor<?x13x70xf32>
  %g = tfx.gelu %h : tensor<?x13x70xf32>
  %y = tfx.linear %g, %w2, %b2 : (tensor<?x13x70xf32>, tensor<20x70xf32>, tensor<20xf32>) -> tensor<?x13x20xf32>
  return %y : tensor<?x13x20xf32>
}
