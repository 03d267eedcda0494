// replace-attention on both attention forms: every RUN line is repeated on the
// decomposed graph (decompose-attention first) with the same checks.
//
// RUN: tfx-opt %s --replace-attention="mode=alr size=6" | FileCheck %s --check-prefix=ALR
// The bare form means mode=alr (size m: hidden = 32 / 8 = 4).
// RUN: tfx-opt %s --replace-attention=alr | FileCheck %s --check-prefix=BARE
// RUN: tfx-opt %s --decompose-attention | tfx-opt --replace-attention="mode=alr size=6" | FileCheck %s --check-prefix=ALR
// RUN: tfx-opt %s --replace-attention="mode=alr size=6" | FileCheck %s --check-prefix=GONE
// RUN: tfx-opt %s --decompose-attention | tfx-opt --replace-attention="mode=alr size=6" | FileCheck %s --check-prefix=GONE
// RUN: tfx-opt %s --replace-attention="mode=alrr size=6" | FileCheck %s --check-prefix=ALRR
// RUN: tfx-opt %s --decompose-attention | tfx-opt --replace-attention="mode=alrr size=6" | FileCheck %s --check-prefix=ALRR
// RUN: tfx-opt %s --replace-attention="mode=aslr size=5" | FileCheck %s --check-prefix=ASLR
// RUN: tfx-opt %s --decompose-attention | tfx-opt --replace-attention="mode=aslr size=5" | FileCheck %s --check-prefix=ASLR
// RUN: tfx-opt %s --replace-attention="mode=elr size=7" | FileCheck %s --check-prefix=ELR
// RUN: tfx-opt %s --decompose-attention | tfx-opt --replace-attention="mode=elr size=7" | FileCheck %s --check-prefix=ELR
// RUN: tfx-opt %s --replace-attention="mode=alr sites=dec-sa,dec-ca size=3" | FileCheck %s --check-prefix=DEC
// RUN: tfx-opt %s --decompose-attention | tfx-opt --replace-attention="mode=alr sites=dec-sa,dec-ca size=3" | FileCheck %s --check-prefix=DEC
// The pass pipeline form works too.
// RUN: tfx-opt %s --pass-pipeline="builtin.module(replace-attention{mode=alr size=6})" | FileCheck %s --check-prefix=ALR
// Selecting layers that do not exist changes nothing.
// RUN: tfx-opt %s --replace-attention="mode=alr layers=3" | FileCheck %s --check-prefix=NONE

// ALR keeps the pre-LN, W_O and the residual; the MLP maps LN(x) to the heads.
// ALR-LABEL: func.func @encode
// ALR-SAME: (%[[X:.*]]: tensor<?x4x8xf32>, %[[KEEP:.*]]: tensor<?x4xi1>)
// ALR: %[[H:.*]] = tfx.layer_norm %[[X]]
// ALR-DAG: %[[WO:.*]] = tfx.param "encoder.layers.0.self_attn.out_proj.weight" : tensor<8x8xf32>
// ALR-DAG: %[[BO:.*]] = tfx.param "encoder.layers.0.self_attn.out_proj.bias" : tensor<8xf32>
// ALR-DAG: tfx.param "encoder.layers.0.self_attn.alr.in_norm.weight" : tensor<32xf32>
// ALR-DAG: tfx.param "encoder.layers.0.self_attn.alr.fc1.weight" : tensor<6x32xf32>
// ALR-DAG: tfx.param "encoder.layers.0.self_attn.alr.hidden_norm.bias" : tensor<6xf32>
// ALR-DAG: tfx.param "encoder.layers.0.self_attn.alr.fc2.weight" : tensor<32x6xf32>
// ALR: %[[M:.*]] = tfx.flat_mlp %[[H]], %[[KEEP]], %[[KEEP]] weights({{.*}}) : {{.*}} -> tensor<?x4x8xf32>
// ALR: %[[O:.*]] = tfx.linear %[[M]], %[[WO]], %[[BO]]
// ALR: tfx.add %[[X]], %[[O]]
// Decoder sites are not selected by default.
// ALR-LABEL: func.func @decode
// ALR: tfx.param "decoder.layers.0.self_attn.q_proj.weight"
// ALR: tfx.param "decoder.layers.0.encoder_attn.q_proj.weight"
// BARE: tfx.param "encoder.layers.0.self_attn.alr.fc1.weight" : tensor<4x32xf32>
// GONE-NOT: encoder.layers.0.self_attn.q_proj
// GONE-NOT: encoder.layers.0.self_attn.k_proj
// GONE-NOT: encoder.layers.0.self_attn.v_proj

// ALRR replaces the whole sublayer x + attn(LN(x)) by MLP(x); the FFN stays.
// ALRR-LABEL: func.func @encode
// ALRR-SAME: (%[[X:.*]]: tensor<?x4x8xf32>, %[[KEEP:.*]]: tensor<?x4xi1>)
// ALRR-NOT: self_attn_layer_norm
// ALRR-NOT: out_proj
// ALRR: tfx.param "encoder.layers.0.self_attn.alrr.fc1.weight" : tensor<6x32xf32>
// ALRR: %[[M:.*]] = tfx.flat_mlp %[[X]], %[[KEEP]], %[[KEEP]] weights
// ALRR: %[[H2:.*]] = tfx.layer_norm %[[M]]
// ALRR: tfx.linear %[[H2]]
// ALRR: tfx.add %[[M]],
// ALRR-LABEL: func.func @decode

// Mode aslr: one MLP per head (2 heads of 4), concatenated, then W_O.
// ASLR-LABEL: func.func @encode
// ASLR: %[[H:.*]] = tfx.layer_norm
// ASLR: tfx.param "encoder.layers.0.self_attn.aslr.head0.fc1.weight" : tensor<5x32xf32>
// ASLR: tfx.param "encoder.layers.0.self_attn.aslr.head0.fc2.weight" : tensor<16x5xf32>
// ASLR: %[[M0:.*]] = tfx.flat_mlp %[[H]], {{.*}} -> tensor<?x4x4xf32>
// ASLR: tfx.param "encoder.layers.0.self_attn.aslr.head1.fc1.weight" : tensor<5x32xf32>
// ASLR: %[[M1:.*]] = tfx.flat_mlp %[[H]], {{.*}} -> tensor<?x4x4xf32>
// ASLR: %[[C:.*]] = tfx.concat %[[M0]], %[[M1]] {axis = 2 : i64} : (tensor<?x4x4xf32>, tensor<?x4x4xf32>) -> tensor<?x4x8xf32>
// ASLR: tfx.linear %[[C]]
// ASLR-LABEL: func.func @decode

// ELR replaces the whole encoder layer: the function returns the MLP of x.
// ELR-LABEL: func.func @encode
// ELR-SAME: (%[[X:.*]]: tensor<?x4x8xf32>, %[[KEEP:.*]]: tensor<?x4xi1>)
// ELR-NOT: tfx.layer_norm
// ELR-NOT: tfx.linear
// ELR: tfx.param "encoder.layers.0.elr.fc1.weight" : tensor<7x32xf32>
// ELR: %[[M:.*]] = tfx.flat_mlp %[[X]], %[[KEEP]], %[[KEEP]] weights
// ELR-NEXT: return %[[M]]
// ELR-LABEL: func.func @decode

// Decoder sites in mode alr: self-attention per position (fc2 emits one position), cross-
// attention on concat(memory, query) with concatenated masks.
// DEC-LABEL: func.func @encode
// DEC: tfx.param "encoder.layers.0.self_attn.q_proj.weight"
// DEC-LABEL: func.func @decode
// DEC-SAME: (%[[Y:.*]]: tensor<?x4x8xf32>, %[[MEM:.*]]: tensor<?x5x8xf32>, %[[TK:.*]]: tensor<?x4xi1>, %[[SK:.*]]: tensor<?x5xi1>)
// DEC: %[[H:.*]] = tfx.layer_norm %[[Y]]
// DEC: tfx.param "decoder.layers.0.self_attn.alr.fc1.weight" : tensor<3x32xf32>
// DEC: tfx.param "decoder.layers.0.self_attn.alr.fc2.weight" : tensor<8x3xf32>
// DEC: %[[S:.*]] = tfx.flat_mlp %[[H]], %[[TK]], %[[TK]] weights({{.*}}) {per_position}
// DEC: tfx.linear %[[S]]
// DEC: %[[H2:.*]] = tfx.layer_norm
// DEC: %[[CAT:.*]] = tfx.concat %[[MEM]], %[[H2]] {axis = 1 : i64} : (tensor<?x5x8xf32>, tensor<?x4x8xf32>) -> tensor<?x9x8xf32>
// DEC: %[[CATM:.*]] = tfx.concat %[[SK]], %[[TK]] {axis = 1 : i64} : (tensor<?x5xi1>, tensor<?x4xi1>) -> tensor<?x9xi1>
// DEC: tfx.param "decoder.layers.0.encoder_attn.alr.fc1.weight" : tensor<3x72xf32>
// DEC: tfx.param "decoder.layers.0.encoder_attn.alr.fc2.weight" : tensor<32x3xf32>
// DEC: %[[C:.*]] = tfx.flat_mlp %[[CAT]], %[[CATM]], %[[TK]] weights({{.*}}) : {{.*}} -> tensor<?x4x8xf32>
// DEC: tfx.linear %[[C]]
// DEC-NOT: softmax
// DEC-NOT: tfx.attention

// NONE-NOT: flat_mlp

module attributes {tfx.model = "two-layer"} {
  func.func @encode(%x: tensor<?x4x8xf32>, %keep: tensor<?x4xi1>) -> tensor<?x4x8xf32> {
    %encoder_layers_0_self_attn_layer_norm_g = tfx.param "encoder.layers.0.self_attn_layer_norm.weight" : tensor<8xf32>
    %encoder_layers_0_self_attn_layer_norm_b = tfx.param "encoder.layers.0.self_attn_layer_norm.bias" : tensor<8xf32>
    %h = tfx.layer_norm %x, %encoder_layers_0_self_attn_layer_norm_g, %encoder_layers_0_self_attn_layer_norm_b : (tensor<?x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
    %encoder_layers_0_self_attn_qw = tfx.param "encoder.layers.0.self_attn.q_proj.weight" : tensor<8x8xf32>
    %encoder_layers_0_self_attn_qb = tfx.param "encoder.layers.0.self_attn.q_proj.bias" : tensor<8xf32>
    %encoder_layers_0_self_attn_kw = tfx.param "encoder.layers.0.self_attn.k_proj.weight" : tensor<8x8xf32>
    %encoder_layers_0_self_attn_kb = tfx.param "encoder.layers.0.self_attn.k_proj.bias" : tensor<8xf32>
    %encoder_layers_0_self_attn_vw = tfx.param "encoder.layers.0.self_attn.v_proj.weight" : tensor<8x8xf32>
    %encoder_layers_0_self_attn_vb = tfx.param "encoder.layers.0.self_attn.v_proj.bias" : tensor<8xf32>
    %encoder_layers_0_self_attn_outw = tfx.param "encoder.layers.0.self_attn.out_proj.weight" : tensor<8x8xf32>
    %encoder_layers_0_self_attn_outb = tfx.param "encoder.layers.0.self_attn.out_proj.bias" : tensor<8xf32>
    %a = tfx.attention %h, %h weights(%encoder_layers_0_self_attn_qw, %encoder_layers_0_self_attn_qb, %encoder_layers_0_self_attn_kw, %encoder_layers_0_self_attn_kb, %encoder_layers_0_self_attn_vw, %encoder_layers_0_self_attn_vb, %encoder_layers_0_self_attn_outw, %encoder_layers_0_self_attn_outb) mask(%keep) {num_heads = 2 : i64}
        : (tensor<?x4x8xf32>, tensor<?x4x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x4xi1>) -> tensor<?x4x8xf32>
    %r = tfx.add %x, %a : (tensor<?x4x8xf32>, tensor<?x4x8xf32>) -> tensor<?x4x8xf32>
    %encoder_layers_0_final_layer_norm_g = tfx.param "encoder.layers.0.final_layer_norm.weight" : tensor<8xf32>
    %encoder_layers_0_final_layer_norm_b = tfx.param "encoder.layers.0.final_layer_norm.bias" : tensor<8xf32>
    %h2 = tfx.layer_norm %r, %encoder_layers_0_final_layer_norm_g, %encoder_layers_0_final_layer_norm_b : (tensor<?x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
    %w1 = tfx.param "encoder.layers.0.ffn.fc1.weight" : tensor<16x8xf32>
    %b1 = tfx.param "encoder.layers.0.ffn.fc1.bias" : tensor<16xf32>
    %f1 = tfx.linear %h2, %w1, %b1 : (tensor<?x4x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x4x16xf32>
    %f2 = tfx.relu %f1 : tensor<?x4x16xf32>
    %w2 = tfx.param "encoder.layers.0.ffn.fc2.weight" : tensor<8x16xf32>
    %b2 = tfx.param "encoder.layers.0.ffn.fc2.bias" : tensor<8xf32>
    %f3 = tfx.linear %f2, %w2, %b2 : (tensor<?x4x16xf32>, tensor<8x16xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
    %y = tfx.add %r, %f3 : (tensor<?x4x8xf32>, tensor<?x4x8xf32>) -> tensor<?x4x8xf32>
    return %y : tensor<?x4x8xf32>
  }
  func.func @decode(%y: tensor<?x4x8xf32>, %mem: tensor<?x5x8xf32>, %tkeep: tensor<?x4xi1>, %skeep: tensor<?x5xi1>) -> tensor<?x4x8xf32> {
    %decoder_layers_0_self_attn_layer_norm_g = tfx.param "decoder.layers.0.self_attn_layer_norm.weight" : tensor<8xf32>
    %decoder_layers_0_self_attn_layer_norm_b = tfx.param "decoder.layers.0.self_attn_layer_norm.bias" : tensor<8xf32>
    %h = tfx.layer_norm %y, %decoder_layers_0_self_attn_layer_norm_g, %decoder_layers_0_self_attn_layer_norm_b : (tensor<?x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
    %decoder_layers_0_self_attn_qw = tfx.param "decoder.layers.0.self_attn.q_proj.weight" : tensor<8x8xf32>
    %decoder_layers_0_self_attn_qb = tfx.param "decoder.layers.0.self_attn.q_proj.bias" : tensor<8xf32>
    %decoder_layers_0_self_attn_kw = tfx.param "decoder.layers.0.self_attn.k_proj.weight" : tensor<8x8xf32>
    %decoder_layers_0_self_attn_kb = tfx.param "decoder.layers.0.self_attn.k_proj.bias" : tensor<8xf32>
    %decoder_layers_0_self_attn_vw = tfx.param "decoder.layers.0.self_attn.v_proj.weight" : tensor<8x8xf32>
    %decoder_layers_0_self_attn_vb = tfx.param "decoder.layers.0.self_attn.v_proj.bias" : tensor<8xf32>
    %decoder_layers_0_self_attn_outw = tfx.param "decoder.layers.0.self_attn.out_proj.weight" : tensor<8x8xf32>
    %decoder_layers_0_self_attn_outb = tfx.param "decoder.layers.0.self_attn.out_proj.bias" : tensor<8xf32>
    %a = tfx.attention %h, %h weights(%decoder_layers_0_self_attn_qw, %decoder_layers_0_self_attn_qb, %decoder_layers_0_self_attn_kw, %decoder_layers_0_self_attn_kb, %decoder_layers_0_self_attn_vw, %decoder_layers_0_self_attn_vb, %decoder_layers_0_self_attn_outw, %decoder_layers_0_self_attn_outb) mask(%tkeep) {causal, num_heads = 2 : i64}
        : (tensor<?x4x8xf32>, tensor<?x4x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x4xi1>) -> tensor<?x4x8xf32>
    %r = tfx.add %y, %a : (tensor<?x4x8xf32>, tensor<?x4x8xf32>) -> tensor<?x4x8xf32>
    %decoder_layers_0_encoder_attn_layer_norm_g = tfx.param "decoder.layers.0.encoder_attn_layer_norm.weight" : tensor<8xf32>
    %decoder_layers_0_encoder_attn_layer_norm_b = tfx.param "decoder.layers.0.encoder_attn_layer_norm.bias" : tensor<8xf32>
    %h2 = tfx.layer_norm %r, %decoder_layers_0_encoder_attn_layer_norm_g, %decoder_layers_0_encoder_attn_layer_norm_b : (tensor<?x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
    %decoder_layers_0_encoder_attn_qw = tfx.param "decoder.layers.0.encoder_attn.q_proj.weight" : tensor<8x8xf32>
    %decoder_layers_0_encoder_attn_qb = tfx.param "decoder.layers.0.encoder_attn.q_proj.bias" : tensor<8xf32>
    %decoder_layers_0_encoder_attn_kw = tfx.param "decoder.layers.0.encoder_attn.k_proj.weight" : tensor<8x8xf32>
    %decoder_layers_0_encoder_attn_kb = tfx.param "decoder.layers.0.encoder_attn.k_proj.bias" : tensor<8xf32>
    %decoder_layers_0_encoder_attn_vw = tfx.param "decoder.layers.0.encoder_attn.v_proj.weight" : tensor<8x8xf32>
    %decoder_layers_0_encoder_attn_vb = tfx.param "decoder.layers.0.encoder_attn.v_proj.bias" : tensor<8xf32>
    %decoder_layers_0_encoder_attn_outw = tfx.param "decoder.layers.0.encoder_attn.out_proj.weight" : tensor<8x8xf32>
    %decoder_layers_0_encoder_attn_outb = tfx.param "decoder.layers.0.encoder_attn.out_proj.bias" : tensor<8xf32>
    %c = tfx.attention %h2, %mem weights(%decoder_layers_0_encoder_attn_qw, %decoder_layers_0_encoder_attn_qb, %decoder_layers_0_encoder_attn_kw, %decoder_layers_0_encoder_attn_kb, %decoder_layers_0_encoder_attn_vw, %decoder_layers_0_encoder_attn_vb, %decoder_layers_0_encoder_attn_outw, %decoder_layers_0_encoder_attn_outb) mask(%skeep) {num_heads = 2 : i64}
        : (tensor<?x4x8xf32>, tensor<?x5x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x5xi1>) -> tensor<?x4x8xf32>
    %r2 = tfx.add %r, %c : (tensor<?x4x8xf32>, tensor<?x4x8xf32>) -> tensor<?x4x8xf32>
    return %r2 : tensor<?x4x8xf32>
  }
}
