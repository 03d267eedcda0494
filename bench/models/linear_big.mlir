// GEMM probe: one linear layer y = x W^T + b with W [2048, 512] on x [?, 512].
// Run at batch 4096 (= batch 256 x length 16, or ~82 sequences of 50) it is a
// 4096 x 2048 x 512 GEMM (4.3 GFLOP), large enough to measure the linear
// kernel's own GFLOP/s against the machine's sgemm peak.
func.func @main(%x: tensor<?x512xf32> {tfx.name = "x"}) -> (tensor<?x2048xf32> {tfx.name = "y"}) {
  %w = tfx.param "linear.weight" : tensor<2048x512xf32>
  %b = tfx.param "linear.bias" : tensor<2048xf32>
  %y = tfx.linear %x, %w, %b : (tensor<?x512xf32>, tensor<2048x512xf32>, tensor<2048xf32>) -> tensor<?x2048xf32>
  return %y : tensor<?x2048xf32>
}
