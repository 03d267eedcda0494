// GEMM probe: one linear layer of the benchmark blocks on its own,
// y = x W^T + b with W [128, 512] on x [?, 50, 512] (the shape of
// the FFN's fc2). At batch 256 it is a
// 12800 x 128 x 512 GEMM.
func.func @main(%x: tensor<?x50x512xf32> {tfx.name = "x"}) -> (tensor<?x50x128xf32> {tfx.name = "y"}) {
  %w = tfx.param "linear.weight" : tensor<128x512xf32>
  %b = tfx.param "linear.bias" : tensor<128xf32>
  %y = tfx.linear %x, %w, %b : (tensor<?x50x512xf32>, tensor<128x512xf32>, tensor<128xf32>) -> tensor<?x50x128xf32>
  return %y : tensor<?x50x128xf32>
}
