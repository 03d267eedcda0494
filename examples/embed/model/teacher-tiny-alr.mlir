module attributes {tfx.model = "teacher-tiny"} {
  func.func @encode(%arg0: tensor<?x8xi64> {tfx.name = "src_ids"}) -> (tensor<?x8x16xf32> {tfx.name = "memory"}) {
    %0 = tfx.padding_mask %arg0 : tensor<?x8xi64> -> tensor<?x8xi1>
    %1 = tfx.param "encoder.embed_tokens.weight" : tensor<32x16xf32>
    %2 = tfx.embedding %arg0, %1 {scale = 4.000000e+00 : f32} : (tensor<?x8xi64>, tensor<32x16xf32>) -> tensor<?x8x16xf32>
    %3 = tfx.positional_encoding %2 : tensor<?x8x16xf32>
    %4 = tfx.dropout %3 {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
    %5 = tfx.param "encoder.layers.0.self_attn_layer_norm.weight" : tensor<16xf32>
    %6 = tfx.param "encoder.layers.0.self_attn_layer_norm.bias" : tensor<16xf32>
    %7 = tfx.layer_norm %4, %5, %6 : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %8 = tfx.param "encoder.layers.0.self_attn.out_proj.weight" : tensor<16x16xf32>
    %9 = tfx.param "encoder.layers.0.self_attn.out_proj.bias" : tensor<16xf32>
    %10 = tfx.param "encoder.layers.0.self_attn.alr.in_norm.weight" : tensor<128xf32>
    %11 = tfx.param "encoder.layers.0.self_attn.alr.in_norm.bias" : tensor<128xf32>
    %12 = tfx.param "encoder.layers.0.self_attn.alr.fc1.weight" : tensor<64x128xf32>
    %13 = tfx.param "encoder.layers.0.self_attn.alr.fc1.bias" : tensor<64xf32>
    %14 = tfx.param "encoder.layers.0.self_attn.alr.hidden_norm.weight" : tensor<64xf32>
    %15 = tfx.param "encoder.layers.0.self_attn.alr.hidden_norm.bias" : tensor<64xf32>
    %16 = tfx.param "encoder.layers.0.self_attn.alr.fc2.weight" : tensor<128x64xf32>
    %17 = tfx.param "encoder.layers.0.self_attn.alr.fc2.bias" : tensor<128xf32>
    %18 = tfx.flat_mlp %7, %0, %0 weights(%10, %11, %12, %13, %14, %15, %16, %17) : (tensor<?x8x16xf32>, tensor<?x8xi1>, tensor<?x8xi1>, tensor<128xf32>, tensor<128xf32>, tensor<64x128xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128xf32>) -> tensor<?x8x16xf32>
    %19 = tfx.linear %18, %8, %9 : (tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %20 = tfx.dropout %19 {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
    %21 = tfx.add %4, %20 : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
    %22 = tfx.param "encoder.layers.0.final_layer_norm.weight" : tensor<16xf32>
    %23 = tfx.param "encoder.layers.0.final_layer_norm.bias" : tensor<16xf32>
    %24 = tfx.layer_norm %21, %22, %23 : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %25 = tfx.param "encoder.layers.0.ffn.fc1.weight" : tensor<32x16xf32>
    %26 = tfx.param "encoder.layers.0.ffn.fc1.bias" : tensor<32xf32>
    %27 = tfx.linear %24, %25, %26 : (tensor<?x8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<?x8x32xf32>
    %28 = tfx.relu %27 : tensor<?x8x32xf32>
    %29 = tfx.dropout %28 {rate = 1.000000e-01 : f32} : tensor<?x8x32xf32>
    %30 = tfx.param "encoder.layers.0.ffn.fc2.weight" : tensor<16x32xf32>
    %31 = tfx.param "encoder.layers.0.ffn.fc2.bias" : tensor<16xf32>
    %32 = tfx.linear %29, %30, %31 : (tensor<?x8x32xf32>, tensor<16x32xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %33 = tfx.dropout %32 {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
    %34 = tfx.add %21, %33 : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
    %35 = tfx.param "encoder.layers.1.self_attn_layer_norm.weight" : tensor<16xf32>
    %36 = tfx.param "encoder.layers.1.self_attn_layer_norm.bias" : tensor<16xf32>
    %37 = tfx.layer_norm %34, %35, %36 : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %38 = tfx.param "encoder.layers.1.self_attn.out_proj.weight" : tensor<16x16xf32>
    %39 = tfx.param "encoder.layers.1.self_attn.out_proj.bias" : tensor<16xf32>
    %40 = tfx.param "encoder.layers.1.self_attn.alr.in_norm.weight" : tensor<128xf32>
    %41 = tfx.param "encoder.layers.1.self_attn.alr.in_norm.bias" : tensor<128xf32>
    %42 = tfx.param "encoder.layers.1.self_attn.alr.fc1.weight" : tensor<64x128xf32>
    %43 = tfx.param "encoder.layers.1.self_attn.alr.fc1.bias" : tensor<64xf32>
    %44 = tfx.param "encoder.layers.1.self_attn.alr.hidden_norm.weight" : tensor<64xf32>
    %45 = tfx.param "encoder.layers.1.self_attn.alr.hidden_norm.bias" : tensor<64xf32>
    %46 = tfx.param "encoder.layers.1.self_attn.alr.fc2.weight" : tensor<128x64xf32>
    %47 = tfx.param "encoder.layers.1.self_attn.alr.fc2.bias" : tensor<128xf32>
    %48 = tfx.flat_mlp %37, %0, %0 weights(%40, %41, %42, %43, %44, %45, %46, %47) : (tensor<?x8x16xf32>, tensor<?x8xi1>, tensor<?x8xi1>, tensor<128xf32>, tensor<128xf32>, tensor<64x128xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128xf32>) -> tensor<?x8x16xf32>
    %49 = tfx.linear %48, %38, %39 : (tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %50 = tfx.dropout %49 {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
    %51 = tfx.add %34, %50 : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
    %52 = tfx.param "encoder.layers.1.final_layer_norm.weight" : tensor<16xf32>
    %53 = tfx.param "encoder.layers.1.final_layer_norm.bias" : tensor<16xf32>
    %54 = tfx.layer_norm %51, %52, %53 : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %55 = tfx.param "encoder.layers.1.ffn.fc1.weight" : tensor<32x16xf32>
    %56 = tfx.param "encoder.layers.1.ffn.fc1.bias" : tensor<32xf32>
    %57 = tfx.linear %54, %55, %56 : (tensor<?x8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<?x8x32xf32>
    %58 = tfx.relu %57 : tensor<?x8x32xf32>
    %59 = tfx.dropout %58 {rate = 1.000000e-01 : f32} : tensor<?x8x32xf32>
    %60 = tfx.param "encoder.layers.1.ffn.fc2.weight" : tensor<16x32xf32>
    %61 = tfx.param "encoder.layers.1.ffn.fc2.bias" : tensor<16xf32>
    %62 = tfx.linear %59, %60, %61 : (tensor<?x8x32xf32>, tensor<16x32xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %63 = tfx.dropout %62 {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
    %64 = tfx.add %51, %63 : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
    %65 = tfx.param "encoder.layer_norm.weight" : tensor<16xf32>
    %66 = tfx.param "encoder.layer_norm.bias" : tensor<16xf32>
    %67 = tfx.layer_norm %64, %65, %66 : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    return %67 : tensor<?x8x16xf32>
  }
  func.func @decode(%arg0: tensor<?x8x16xf32> {tfx.name = "memory"}, %arg1: tensor<?x8xi64> {tfx.name = "src_ids"}, %arg2: tensor<?x8xi64> {tfx.name = "tgt_ids"}) -> (tensor<?x8x32xf32> {tfx.name = "logits"}) {
    %0 = tfx.padding_mask %arg1 : tensor<?x8xi64> -> tensor<?x8xi1>
    %1 = tfx.padding_mask %arg2 : tensor<?x8xi64> -> tensor<?x8xi1>
    %2 = tfx.param "decoder.embed_tokens.weight" : tensor<32x16xf32>
    %3 = tfx.embedding %arg2, %2 {scale = 4.000000e+00 : f32} : (tensor<?x8xi64>, tensor<32x16xf32>) -> tensor<?x8x16xf32>
    %4 = tfx.positional_encoding %3 : tensor<?x8x16xf32>
    %5 = tfx.dropout %4 {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
    %6 = tfx.param "decoder.layers.0.self_attn_layer_norm.weight" : tensor<16xf32>
    %7 = tfx.param "decoder.layers.0.self_attn_layer_norm.bias" : tensor<16xf32>
    %8 = tfx.layer_norm %5, %6, %7 : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %9 = tfx.param "decoder.layers.0.self_attn.out_proj.weight" : tensor<16x16xf32>
    %10 = tfx.param "decoder.layers.0.self_attn.out_proj.bias" : tensor<16xf32>
    %11 = tfx.param "decoder.layers.0.self_attn.alr.in_norm.weight" : tensor<128xf32>
    %12 = tfx.param "decoder.layers.0.self_attn.alr.in_norm.bias" : tensor<128xf32>
    %13 = tfx.param "decoder.layers.0.self_attn.alr.fc1.weight" : tensor<64x128xf32>
    %14 = tfx.param "decoder.layers.0.self_attn.alr.fc1.bias" : tensor<64xf32>
    %15 = tfx.param "decoder.layers.0.self_attn.alr.hidden_norm.weight" : tensor<64xf32>
    %16 = tfx.param "decoder.layers.0.self_attn.alr.hidden_norm.bias" : tensor<64xf32>
    %17 = tfx.param "decoder.layers.0.self_attn.alr.fc2.weight" : tensor<16x64xf32>
    %18 = tfx.param "decoder.layers.0.self_attn.alr.fc2.bias" : tensor<16xf32>
    %19 = tfx.flat_mlp %8, %1, %1 weights(%11, %12, %13, %14, %15, %16, %17, %18) {per_position} : (tensor<?x8x16xf32>, tensor<?x8xi1>, tensor<?x8xi1>, tensor<128xf32>, tensor<128xf32>, tensor<64x128xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<16x64xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %20 = tfx.linear %19, %9, %10 : (tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %21 = tfx.dropout %20 {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
    %22 = tfx.add %5, %21 : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
    %23 = tfx.param "decoder.layers.0.encoder_attn_layer_norm.weight" : tensor<16xf32>
    %24 = tfx.param "decoder.layers.0.encoder_attn_layer_norm.bias" : tensor<16xf32>
    %25 = tfx.layer_norm %22, %23, %24 : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %26 = tfx.param "decoder.layers.0.encoder_attn.out_proj.weight" : tensor<16x16xf32>
    %27 = tfx.param "decoder.layers.0.encoder_attn.out_proj.bias" : tensor<16xf32>
    %28 = tfx.concat %arg0, %25 {axis = 1 : i64} : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x16x16xf32>
    %29 = tfx.concat %0, %1 {axis = 1 : i64} : (tensor<?x8xi1>, tensor<?x8xi1>) -> tensor<?x16xi1>
    %30 = tfx.param "decoder.layers.0.encoder_attn.alr.in_norm.weight" : tensor<256xf32>
    %31 = tfx.param "decoder.layers.0.encoder_attn.alr.in_norm.bias" : tensor<256xf32>
    %32 = tfx.param "decoder.layers.0.encoder_attn.alr.fc1.weight" : tensor<64x256xf32>
    %33 = tfx.param "decoder.layers.0.encoder_attn.alr.fc1.bias" : tensor<64xf32>
    %34 = tfx.param "decoder.layers.0.encoder_attn.alr.hidden_norm.weight" : tensor<64xf32>
    %35 = tfx.param "decoder.layers.0.encoder_attn.alr.hidden_norm.bias" : tensor<64xf32>
    %36 = tfx.param "decoder.layers.0.encoder_attn.alr.fc2.weight" : tensor<128x64xf32>
    %37 = tfx.param "decoder.layers.0.encoder_attn.alr.fc2.bias" : tensor<128xf32>
    %38 = tfx.flat_mlp %28, %29, %1 weights(%30, %31, %32, %33, %34, %35, %36, %37) : (tensor<?x16x16xf32>, tensor<?x16xi1>, tensor<?x8xi1>, tensor<256xf32>, tensor<256xf32>, tensor<64x256xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128xf32>) -> tensor<?x8x16xf32>
    %39 = tfx.linear %38, %26, %27 : (tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %40 = tfx.dropout %39 {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
    %41 = tfx.add %22, %40 : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
    %42 = tfx.param "decoder.layers.0.final_layer_norm.weight" : tensor<16xf32>
    %43 = tfx.param "decoder.layers.0.final_layer_norm.bias" : tensor<16xf32>
    %44 = tfx.layer_norm %41, %42, %43 : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %45 = tfx.param "decoder.layers.0.ffn.fc1.weight" : tensor<32x16xf32>
    %46 = tfx.param "decoder.layers.0.ffn.fc1.bias" : tensor<32xf32>
    %47 = tfx.linear %44, %45, %46 : (tensor<?x8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<?x8x32xf32>
    %48 = tfx.relu %47 : tensor<?x8x32xf32>
    %49 = tfx.dropout %48 {rate = 1.000000e-01 : f32} : tensor<?x8x32xf32>
    %50 = tfx.param "decoder.layers.0.ffn.fc2.weight" : tensor<16x32xf32>
    %51 = tfx.param "decoder.layers.0.ffn.fc2.bias" : tensor<16xf32>
    %52 = tfx.linear %49, %50, %51 : (tensor<?x8x32xf32>, tensor<16x32xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %53 = tfx.dropout %52 {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
    %54 = tfx.add %41, %53 : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
    %55 = tfx.param "decoder.layers.1.self_attn_layer_norm.weight" : tensor<16xf32>
    %56 = tfx.param "decoder.layers.1.self_attn_layer_norm.bias" : tensor<16xf32>
    %57 = tfx.layer_norm %54, %55, %56 : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %58 = tfx.param "decoder.layers.1.self_attn.out_proj.weight" : tensor<16x16xf32>
    %59 = tfx.param "decoder.layers.1.self_attn.out_proj.bias" : tensor<16xf32>
    %60 = tfx.param "decoder.layers.1.self_attn.alr.in_norm.weight" : tensor<128xf32>
    %61 = tfx.param "decoder.layers.1.self_attn.alr.in_norm.bias" : tensor<128xf32>
    %62 = tfx.param "decoder.layers.1.self_attn.alr.fc1.weight" : tensor<64x128xf32>
    %63 = tfx.param "decoder.layers.1.self_attn.alr.fc1.bias" : tensor<64xf32>
    %64 = tfx.param "decoder.layers.1.self_attn.alr.hidden_norm.weight" : tensor<64xf32>
    %65 = tfx.param "decoder.layers.1.self_attn.alr.hidden_norm.bias" : tensor<64xf32>
    %66 = tfx.param "decoder.layers.1.self_attn.alr.fc2.weight" : tensor<16x64xf32>
    %67 = tfx.param "decoder.layers.1.self_attn.alr.fc2.bias" : tensor<16xf32>
    %68 = tfx.flat_mlp %57, %1, %1 weights(%60, %61, %62, %63, %64, %65, %66, %67) {per_position} : (tensor<?x8x16xf32>, tensor<?x8xi1>, tensor<?x8xi1>, tensor<128xf32>, tensor<128xf32>, tensor<64x128xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<16x64xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %69 = tfx.linear %68, %58, %59 : (tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %70 = tfx.dropout %69 {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
    %71 = tfx.add %54, %70 : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
    %72 = tfx.param "decoder.layers.1.encoder_attn_layer_norm.weight" : tensor<16xf32>
    %73 = tfx.param "decoder.layers.1.encoder_attn_layer_norm.bias" : tensor<16xf32>
    %74 = tfx.layer_norm %71, %72, %73 : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %75 = tfx.param "decoder.layers.1.encoder_attn.out_proj.weight" : tensor<16x16xf32>
    %76 = tfx.param "decoder.layers.1.encoder_attn.out_proj.bias" : tensor<16xf32>
    %77 = tfx.concat %arg0, %74 {axis = 1 : i64} : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x16x16xf32>
    %78 = tfx.concat %0, %1 {axis = 1 : i64} : (tensor<?x8xi1>, tensor<?x8xi1>) -> tensor<?x16xi1>
    %79 = tfx.param "decoder.layers.1.encoder_attn.alr.in_norm.weight" : tensor<256xf32>
    %80 = tfx.param "decoder.layers.1.encoder_attn.alr.in_norm.bias" : tensor<256xf32>
    %81 = tfx.param "decoder.layers.1.encoder_attn.alr.fc1.weight" : tensor<64x256xf32>
    %82 = tfx.param "decoder.layers.1.encoder_attn.alr.fc1.bias" : tensor<64xf32>
    %83 = tfx.param "decoder.layers.1.encoder_attn.alr.hidden_norm.weight" : tensor<64xf32>
    %84 = tfx.param "decoder.layers.1.encoder_attn.alr.hidden_norm.bias" : tensor<64xf32>
    %85 = tfx.param "decoder.layers.1.encoder_attn.alr.fc2.weight" : tensor<128x64xf32>
    %86 = tfx.param "decoder.layers.1.encoder_attn.alr.fc2.bias" : tensor<128xf32>
    %87 = tfx.flat_mlp %77, %78, %1 weights(%79, %80, %81, %82, %83, %84, %85, %86) : (tensor<?x16x16xf32>, tensor<?x16xi1>, tensor<?x8xi1>, tensor<256xf32>, tensor<256xf32>, tensor<64x256xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128xf32>) -> tensor<?x8x16xf32>
    %88 = tfx.linear %87, %75, %76 : (tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %89 = tfx.dropout %88 {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
    %90 = tfx.add %71, %89 : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
    %91 = tfx.param "decoder.layers.1.final_layer_norm.weight" : tensor<16xf32>
    %92 = tfx.param "decoder.layers.1.final_layer_norm.bias" : tensor<16xf32>
    %93 = tfx.layer_norm %90, %91, %92 : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %94 = tfx.param "decoder.layers.1.ffn.fc1.weight" : tensor<32x16xf32>
    %95 = tfx.param "decoder.layers.1.ffn.fc1.bias" : tensor<32xf32>
    %96 = tfx.linear %93, %94, %95 : (tensor<?x8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<?x8x32xf32>
    %97 = tfx.relu %96 : tensor<?x8x32xf32>
    %98 = tfx.dropout %97 {rate = 1.000000e-01 : f32} : tensor<?x8x32xf32>
    %99 = tfx.param "decoder.layers.1.ffn.fc2.weight" : tensor<16x32xf32>
    %100 = tfx.param "decoder.layers.1.ffn.fc2.bias" : tensor<16xf32>
    %101 = tfx.linear %98, %99, %100 : (tensor<?x8x32xf32>, tensor<16x32xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %102 = tfx.dropout %101 {rate = 1.000000e-01 : f32} : tensor<?x8x16xf32>
    %103 = tfx.add %90, %102 : (tensor<?x8x16xf32>, tensor<?x8x16xf32>) -> tensor<?x8x16xf32>
    %104 = tfx.param "decoder.layer_norm.weight" : tensor<16xf32>
    %105 = tfx.param "decoder.layer_norm.bias" : tensor<16xf32>
    %106 = tfx.layer_norm %103, %104, %105 : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
    %107 = tfx.param "decoder.output_projection.weight" : tensor<32x16xf32>
    %108 = tfx.param "decoder.output_projection.bias" : tensor<32xf32>
    %109 = tfx.linear %106, %107, %108 : (tensor<?x8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<?x8x32xf32>
    return %109 : tensor<?x8x32xf32>
  }
}

