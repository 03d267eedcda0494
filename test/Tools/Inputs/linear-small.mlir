module attributes {tfx.model = "linear-small"} {
  func.func @main(%x: tensor<?x3xf32> {tfx.name = "x"}) -> (tensor<?x4xf32> {tfx.name = "y"}) {
    %w = tfx.param "w" : tensor<4x3xf32>
    %b = tfx.param "b" : tensor<4xf32>
    %y = tfx.linear %x, %w, %b : (tensor<?x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<?x4xf32>
    return %y : tensor<?x4xf32>
  }
  func.func @embed(%ids: tensor<?x2xi64> {tfx.name = "ids"}) -> (tensor<?x2x2xf32> {tfx.name = "e"}) {
    %t = tfx.param "table" : tensor<5x2xf32>
    %e = tfx.embedding %ids, %t : (tensor<?x2xi64>, tensor<5x2xf32>) -> tensor<?x2x2xf32>
    return %e : tensor<?x2x2xf32>
  }
}
