// LSRA blocks written in spellings the bundled models do not use, for
// test/Numerics/lite-fused.test: fused (tfx-opt --fuse-lsra) and unfused runs
// must agree. Parameters reuse lite-tiny's layer-0 names so the golden
// script's lite-tiny weights serve.
module attributes {tfx.model = "lsra-variants"} {
  // Encoder block with the halves swapped: attention reads the upper half,
  // the convolution the lower one, and the concat puts the convolution first.
  // Axes are negative and the convolution slice is a slice of a slice.
  func.func @swapped(%x: tensor<?x8x16xf32> {tfx.name = "x"}, %ids: tensor<?x8xi64> {tfx.name = "src_ids"}) -> (tensor<?x8x16xf32> {tfx.name = "y"}) {
    %keep = tfx.padding_mask %ids : tensor<?x8xi64> -> tensor<?x8xi1>
    %keep3 = tfx.reshape %keep : tensor<?x8xi1> -> tensor<?x8x1xi1>
    %a = tfx.slice %x {axis = -1 : i64, size = 8 : i64, start = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
    %wq = tfx.param "encoder.layers.0.self_attn.attn.q_proj.weight" : tensor<8x8xf32>
    %bq = tfx.param "encoder.layers.0.self_attn.attn.q_proj.bias" : tensor<8xf32>
    %wk = tfx.param "encoder.layers.0.self_attn.attn.k_proj.weight" : tensor<8x8xf32>
    %bk = tfx.param "encoder.layers.0.self_attn.attn.k_proj.bias" : tensor<8xf32>
    %wv = tfx.param "encoder.layers.0.self_attn.attn.v_proj.weight" : tensor<8x8xf32>
    %bv = tfx.param "encoder.layers.0.self_attn.attn.v_proj.bias" : tensor<8xf32>
    %wo = tfx.param "encoder.layers.0.self_attn.attn.out_proj.weight" : tensor<8x8xf32>
    %bo = tfx.param "encoder.layers.0.self_attn.attn.out_proj.bias" : tensor<8xf32>
    %att = tfx.attention %a, %a weights(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) mask(%keep) {num_heads = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x8xi1>) -> tensor<?x8x8xf32>
    %low = tfx.slice %x {axis = 2 : i64, size = 12 : i64, start = 0 : i64} : tensor<?x8x16xf32> -> tensor<?x8x12xf32>
    %c = tfx.slice %low {axis = 2 : i64, size = 8 : i64, start = 0 : i64} : tensor<?x8x12xf32> -> tensor<?x8x8xf32>
    %win = tfx.param "encoder.layers.0.self_attn.conv.in_proj.weight" : tensor<16x8xf32>
    %bin = tfx.param "encoder.layers.0.self_attn.conv.in_proj.bias" : tensor<16xf32>
    %p = tfx.linear %c, %win, %bin : (tensor<?x8x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
    %gm = tfx.apply_mask %g, %keep3 : tensor<?x8x8xf32>, tensor<?x8x1xi1>
    %wc = tfx.param "encoder.layers.0.self_attn.conv.weight" : tensor<2x3xf32>
    %k = tfx.lightweight_conv %gm, %wc {kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"} : (tensor<?x8x8xf32>, tensor<2x3xf32>) -> tensor<?x8x8xf32>
    %wout = tfx.param "encoder.layers.0.self_attn.conv.out_proj.weight" : tensor<8x8xf32>
    %bout = tfx.param "encoder.layers.0.self_attn.conv.out_proj.bias" : tensor<8xf32>
    %cv = tfx.linear %k, %wout, %bout : (tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
    %y = tfx.concat %cv, %att {axis = -1 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
    return %y : tensor<?x8x16xf32>
  }

  // Decoder block (dynamic convolution without kernel bias, causal), no
  // masks at all, projections without biases, the attention half second.
  func.func @dynamic_nobias(%x: tensor<?x8x16xf32> {tfx.name = "x"}) -> (tensor<?x8x16xf32> {tfx.name = "y"}) {
    %a = tfx.slice %x {axis = 2 : i64, size = 8 : i64, start = 8 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
    %wq = tfx.param "decoder.layers.0.self_attn.attn.q_proj.weight" : tensor<8x8xf32>
    %bq = tfx.param "decoder.layers.0.self_attn.attn.q_proj.bias" : tensor<8xf32>
    %wk = tfx.param "decoder.layers.0.self_attn.attn.k_proj.weight" : tensor<8x8xf32>
    %bk = tfx.param "decoder.layers.0.self_attn.attn.k_proj.bias" : tensor<8xf32>
    %wv = tfx.param "decoder.layers.0.self_attn.attn.v_proj.weight" : tensor<8x8xf32>
    %bv = tfx.param "decoder.layers.0.self_attn.attn.v_proj.bias" : tensor<8xf32>
    %wo = tfx.param "decoder.layers.0.self_attn.attn.out_proj.weight" : tensor<8x8xf32>
    %bo = tfx.param "decoder.layers.0.self_attn.attn.out_proj.bias" : tensor<8xf32>
    %att = tfx.attention %a, %a weights(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) {causal, num_heads = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
    %c = tfx.slice %x {axis = 2 : i64, size = 8 : i64, start = 0 : i64} : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
    %win = tfx.param "decoder.layers.0.self_attn.conv.in_proj.weight" : tensor<16x8xf32>
    %p = tfx.linear %c, %win : (tensor<?x8x8xf32>, tensor<16x8xf32>) -> tensor<?x8x16xf32>
    %g = tfx.glu %p : tensor<?x8x16xf32> -> tensor<?x8x8xf32>
    %kw = tfx.param "decoder.layers.0.self_attn.conv.weight_linear.weight" : tensor<6x8xf32>
    %k = tfx.dynamic_conv %g, %kw {kernel_size = 3 : i64, num_heads = 2 : i64, padding = "causal"} : (tensor<?x8x8xf32>, tensor<6x8xf32>) -> tensor<?x8x8xf32>
    %wout = tfx.param "decoder.layers.0.self_attn.conv.out_proj.weight" : tensor<8x8xf32>
    %cv = tfx.linear %k, %wout : (tensor<?x8x8xf32>, tensor<8x8xf32>) -> tensor<?x8x8xf32>
    %y = tfx.concat %cv, %att {axis = 2 : i64} : (tensor<?x8x8xf32>, tensor<?x8x8xf32>) -> tensor<?x8x16xf32>
    return %y : tensor<?x8x16xf32>
  }
}
