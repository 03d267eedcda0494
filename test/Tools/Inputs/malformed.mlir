func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tfx.relu %x : tensor<4xf32
}
