// Per-op golden case "decoder_layer": one pre-LN decoder layer (d 16, 4 heads,
// FFN 32, ReLU) on a target of length 8 and a memory of length 6:
// x += causal SA(LN(x)) [keys tgt_ids != 0]; x += CA(LN(x), memory) [keys
// src_ids != 0]; y = x + FFN(LN(x)).
// Tensors: /usr/bin/python3 test/golden/make_golden.py --case decoder_layer --out DIR
func.func @main(%x: tensor<?x8x16xf32> {tfx.name = "x"}, %tgt_ids: tensor<?x8xi64> {tfx.name = "tgt_ids"},
                %memory: tensor<?x6x16xf32> {tfx.name = "memory"}, %src_ids: tensor<?x6xi64> {tfx.name = "src_ids"})
    -> (tensor<?x8x16xf32> {tfx.name = "y"}) {
  %tgt_keep = tfx.padding_mask %tgt_ids : tensor<?x8xi64> -> tensor<?x8xi1>
  %src_keep = tfx.padding_mask %src_ids : tensor<?x6xi64> -> tensor<?x6xi1>
  %ln1g = tfx.param "decoder.layers.0.self_attn_layer_norm.weight" : tensor<16xf32>
  %ln1b = tfx.param "decoder.layers.0.self_attn_layer_norm.bias" : tensor<16xf32>
  %h1 = tfx.layer_norm %x, %ln1g, %ln1b : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %saqw = tfx.param "decoder.layers.0.self_attn.q_proj.weight" : tensor<16x16xf32>
  %saqb = tfx.param "decoder.layers.0.self_attn.q_proj.bias" : tensor<16xf32>
  %sakw = tfx.param "decoder.layers.0.self_attn.k_proj.weight" : tensor<16x16xf32>
  %sakb = tfx.param "decoder.layers.0.self_attn.k_proj.bias" : tensor<16xf32>
  %savw = tfx.param "decoder.layers.0.self_attn.v_proj.weight" : tensor<16x16xf32>
  %savb = tfx.param "decoder.layers.0.self_attn.v_proj.bias" : tensor<16xf32>
  %saoutw = tfx.param "decoder.layers.0.self_attn.out_proj.weight" : tensor<16x16xf32>
  %saoutb = tfx.param "decoder.layers.0.self_attn.out_proj.bias" : tensor<16xf32>
  %a = tfx.attention %h1, %h1 weights(%saqw, %saqb, %sakw, %sakb, %savw, %savb, %saoutw, %saoutb) mask(%tgt_keep) {causal, num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<?x8xi1>) -> tensor<?x8x16xf32>
  %x1 = tfx.add %x, %a : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
  %ln2g = tfx.param "decoder.layers.0.encoder_attn_layer_norm.weight" : tensor<16xf32>
  %ln2b = tfx.param "decoder.layers.0.encoder_attn_layer_norm.bias" : tensor<16xf32>
  %h2 = tfx.layer_norm %x1, %ln2g, %ln2b : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %caqw = tfx.param "decoder.layers.0.encoder_attn.q_proj.weight" : tensor<16x16xf32>
  %caqb = tfx.param "decoder.layers.0.encoder_attn.q_proj.bias" : tensor<16xf32>
  %cakw = tfx.param "decoder.layers.0.encoder_attn.k_proj.weight" : tensor<16x16xf32>
  %cakb = tfx.param "decoder.layers.0.encoder_attn.k_proj.bias" : tensor<16xf32>
  %cavw = tfx.param "decoder.layers.0.encoder_attn.v_proj.weight" : tensor<16x16xf32>
  %cavb = tfx.param "decoder.layers.0.encoder_attn.v_proj.bias" : tensor<16xf32>
  %caoutw = tfx.param "decoder.layers.0.encoder_attn.out_proj.weight" : tensor<16x16xf32>
  %caoutb = tfx.param "decoder.layers.0.encoder_attn.out_proj.bias" : tensor<16xf32>
  %c = tfx.attention %h2, %memory weights(%caqw, %caqb, %cakw, %cakb, %cavw, %cavb, %caoutw, %caoutb) mask(%src_keep) {num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x6x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<?x6xi1>) -> tensor<?x8x16xf32>
  %x2 = tfx.add %x1, %c : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
  %ln3g = tfx.param "decoder.layers.0.final_layer_norm.weight" : tensor<16xf32>
  %ln3b = tfx.param "decoder.layers.0.final_layer_norm.bias" : tensor<16xf32>
  %h3 = tfx.layer_norm %x2, %ln3g, %ln3b : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %w1 = tfx.param "decoder.layers.0.ffn.fc1.weight" : tensor<32x16xf32>
  %b1 = tfx.param "decoder.layers.0.ffn.fc1.bias" : tensor<32xf32>
  %w2 = tfx.param "decoder.layers.0.ffn.fc2.weight" : tensor<16x32xf32>
  %b2 = tfx.param "decoder.layers.0.ffn.fc2.bias" : tensor<16xf32>
  %f1 = tfx.linear %h3, %w1, %b1 : (tensor<?x8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<?x8x32xf32>
  %f2 = tfx.relu %f1 : tensor<?x8x32xf32>
  %f3 = tfx.linear %f2, %w2, %b2 : (tensor<?x8x32xf32>, tensor<16x32xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  %y = tfx.add %x2, %f3 : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
  return %y : tensor<?x8x16xf32>
}
