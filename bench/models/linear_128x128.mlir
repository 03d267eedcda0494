// GEMM probe: one linear layer of the benchmark blocks on its own,
// y = x W^T + b with W [128, 128] on x [?, 50, 128] (the shape of
// the q/k/v/out projections). At batch 256 it is a
// 12800 x 128 x 128 GEMM.
func.func @main(%x: tensor<?x50x128xf32> {tfx.name = "x"}) -> (tensor<?x50x128xf32> {tfx.name = "y"}) {
  %w = tfx.param "linear.weight" : tensor<128x128xf32>
  %b = tfx.param "linear.bias" : tensor<128xf32>
  %y = tfx.linear %x, %w, %b : (tensor<?x50x128xf32>, tensor<128x128xf32>, tensor<128xf32>) -> tensor<?x50x128xf32>
  return %y : tensor<?x50x128xf32>
}
