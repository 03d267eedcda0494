// GEMM probe: one linear layer of the benchmark blocks on its own,
// y = x W^T + b with W [512, 128] on x [?, 50, 128] (the shape of
// the FFN's fc1 (without the ReLU)). At batch 256 it is a
// 12800 x 512 x 128 GEMM.
func.func @main(%x: tensor<?x50x128xf32> {tfx.name = "x"}) -> (tensor<?x50x512xf32> {tfx.name = "y"}) {
  %w = tfx.param "linear.weight" : tensor<512x128xf32>
  %b = tfx.param "linear.bias" : tensor<512xf32>
  %y = tfx.linear %x, %w, %b : (tensor<?x50x128xf32>, tensor<512x128xf32>, tensor<512xf32>) -> tensor<?x50x512xf32>
  return %y : tensor<?x50x512xf32>
}
