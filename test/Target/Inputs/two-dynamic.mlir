// Two dynamic dimensions in one argument: plans support only the batch.
module attributes {tfx.model = "two-dynamic"} {
  func.func @main(%x: tensor<?x?xf32> {tfx.name = "x"}) -> (tensor<?x?xf32> {tfx.name = "y"}) {
    %y = tfx.relu %x : tensor<?x?xf32>
    return %y : tensor<?x?xf32>
  }
}
