// Benchmark block "ffn": the pre-LN feed-forward sublayer of an encoder layer
// at the teacher sizes (d_model 128, FFN 512, ReLU, length 50), dynamic batch:
//   y = x + fc2(relu(fc1(LN(x)))).
// Parameter names are those of encoder layer 0 of examples/models/teacher.mlir.
func.func @main(%x: tensor<?x50x128xf32> {tfx.name = "x"}) -> (tensor<?x50x128xf32> {tfx.name = "y"}) {
  %lng = tfx.param "encoder.layers.0.final_layer_norm.weight" : tensor<128xf32>
  %lnb = tfx.param "encoder.layers.0.final_layer_norm.bias" : tensor<128xf32>
  %h = tfx.layer_norm %x, %lng, %lnb : (tensor<?x50x128xf32>, tensor<128xf32>, tensor<128xf32>) -> tensor<?x50x128xf32>
  %w1 = tfx.param "encoder.layers.0.ffn.fc1.weight" : tensor<512x128xf32>
  %b1 = tfx.param "encoder.layers.0.ffn.fc1.bias" : tensor<512xf32>
  %w2 = tfx.param "encoder.layers.0.ffn.fc2.weight" : tensor<128x512xf32>
  %b2 = tfx.param "encoder.layers.0.ffn.fc2.bias" : tensor<128xf32>
  %f1 = tfx.linear %h, %w1, %b1 : (tensor<?x50x128xf32>, tensor<512x128xf32>, tensor<512xf32>) -> tensor<?x50x512xf32>
  %f2 = tfx.relu %f1 : tensor<?x50x512xf32>
  %f3 = tfx.linear %f2, %w2, %b2 : (tensor<?x50x512xf32>, tensor<128x512xf32>, tensor<128xf32>) -> tensor<?x50x128xf32>
  %y = tfx.add %x, %f3 : (tensor<?x50x128xf32>, tensor<?x50x128xf32>) -> tensor<?x50x128xf32>
  return %y : tensor<?x50x128xf32>
}
