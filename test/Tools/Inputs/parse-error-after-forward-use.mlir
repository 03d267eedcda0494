func.func @a() -> tensor<4xf32> {
  %0 = "tfx.relu"(%1) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @b() {
  %1 = tfx.param "w" : tensor<4xf32>
  %2 = "tfx.relu"(%1 : (tensor<4xf32>) -> tensor<4xf32>
  return
}
