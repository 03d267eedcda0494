// Every verifier message of the tfx dialect, one case each.
// RUN: tfx-opt %s -split-input-file -verify-diagnostics

func.func @f() {
  // expected-error @+1 {{parameter name must not be empty}}
  %0 = tfx.param "" : tensor<4xf32>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{parameter 'w' must have a static shape, got 'tensor<?x4xf32>'}}
  %0 = tfx.param "w" : tensor<?x4xf32>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{value type 'tensor<f32>' does not match result type 'tensor<2xf32>'}}
  %0 = "tfx.constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<2xf32>
  return
}

// -----

func.func @f(%i: tensor<8xi64>, %t: tensor<32x16xf32>) {
  // expected-error @+1 {{ids must be [batch, length] (rank 2) but has rank 1}}
  %0 = tfx.embedding %i, %t : (tensor<8xi64>, tensor<32x16xf32>) -> tensor<8x16xf32>
  return
}

// -----

func.func @f(%i: tensor<?x8xi64>, %t: tensor<32xf32>) {
  // expected-error @+1 {{table must be [vocab, d_model] (rank 2) but has rank 1}}
  %0 = tfx.embedding %i, %t : (tensor<?x8xi64>, tensor<32xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%i: tensor<?x8xi64>, %t: tensor<32x16xf32>) {
  // expected-error @+1 {{result must have shape [?, 8, 16] but has shape [?, 8, 32]}}
  %0 = tfx.embedding %i, %t : (tensor<?x8xi64>, tensor<32x16xf32>) -> tensor<?x8x32xf32>
  return
}

// -----

func.func @f(%x: tensor<16xf32>) {
  // expected-error @+1 {{input must be [..., length, features], got rank 1}}
  %0 = tfx.positional_encoding %x : tensor<16xf32>
  return
}

// -----

func.func @f(%x: tensor<2x?x16xf32>) {
  // expected-error @+1 {{length and feature dimensions must be static, got [2, ?, 16]}}
  %0 = tfx.positional_encoding %x : tensor<2x?x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x15xf32>) {
  // expected-error @+1 {{feature dimension must be even for the sinusoidal encoding, got 15}}
  %0 = tfx.positional_encoding %x : tensor<?x8x15xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<16xf32>) {
  // expected-error @+1 {{weight must be [out, in] (rank 2) but has rank 1}}
  %0 = tfx.linear %x, %w : (tensor<?x8x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<f32>, %w: tensor<4x1xf32>) {
  // expected-error @+1 {{input must have at least one dimension}}
  %0 = tfx.linear %x, %w : (tensor<f32>, tensor<4x1xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<32x8xf32>) {
  // expected-error @+1 {{input feature size 16 does not match weight [out, in] = [32, 8]}}
  %0 = tfx.linear %x, %w : (tensor<?x8x16xf32>, tensor<32x8xf32>) -> tensor<?x8x32xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<32x16xf32>, %b: tensor<16xf32>) {
  // expected-error @+1 {{bias must have shape [32] but has shape [16]}}
  %0 = tfx.linear %x, %w, %b : (tensor<?x8x16xf32>, tensor<32x16xf32>, tensor<16xf32>) -> tensor<?x8x32xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<32x16xf32>) {
  // expected-error @+1 {{result must have shape [?, 8, 32] but has shape [?, 8, 16]}}
  %0 = tfx.linear %x, %w : (tensor<?x8x16xf32>, tensor<32x16xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%a: tensor<2x4x8xf32>, %b: tensor<8x4xf32>) {
  // expected-error @+1 {{operands must have the same rank, at least 2; got [2, 4, 8] and [8, 4]}}
  %0 = tfx.matmul %a, %b : (tensor<2x4x8xf32>, tensor<8x4xf32>) -> tensor<2x4x4xf32>
  return
}

// -----

func.func @f(%a: tensor<2x4x8xf32>, %b: tensor<3x8x4xf32>) {
  // expected-error @+1 {{batch dimensions differ: [2, 4, 8] vs [3, 8, 4]}}
  %0 = tfx.matmul %a, %b : (tensor<2x4x8xf32>, tensor<3x8x4xf32>) -> tensor<2x4x4xf32>
  return
}

// -----

func.func @f(%a: tensor<2x4x8xf32>, %b: tensor<2x4x4xf32>) {
  // expected-error @+1 {{contraction sizes differ: lhs [2, 4, 8] has 8 columns, rhs [2, 4, 4] has 4 rows}}
  %0 = tfx.matmul %a, %b : (tensor<2x4x8xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  return
}

// -----

func.func @f(%a: tensor<2x4x8xf32>, %b: tensor<2x8x5xf32>) {
  // expected-error @+1 {{result must have shape [2, 4, 5] but has shape [2, 4, 4]}}
  %0 = tfx.matmul %a, %b : (tensor<2x4x8xf32>, tensor<2x8x5xf32>) -> tensor<2x4x4xf32>
  return
}

// -----

func.func @f(%a: tensor<?x8x16xf32>, %b: tensor<8xf32>) {
  // expected-error @+1 {{operand shapes [?, 8, 16] and [8] do not broadcast}}
  %0 = tfx.add %a, %b : (tensor<?x8x16xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%a: tensor<4x1xf32>, %b: tensor<16xf32>) {
  // expected-error @+1 {{result must have shape [4, 16] but has shape [16]}}
  %0 = tfx.mul %a, %b : (tensor<4x1xf32>, tensor<16xf32>) -> tensor<16xf32>
  return
}

// -----

func.func @f(%a: tensor<4xi64>) {
  // expected-error @+1 {{'tfx.sub' op operand #0 must be ranked tensor of 32-bit float values}}
  %0 = tfx.sub %a, %a : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xf32>
  return
}

// -----

func.func @f(%x: tensor<4xf32>) {
  // expected-error @+1 {{approximate must be "none" or "tanh", got "erf"}}
  %0 = tfx.gelu %x {approximate = "erf"} : tensor<4xf32>
  return
}

// -----

func.func @f(%x: tensor<4x6xf32>) {
  // expected-error @+1 {{axis 2 is out of range for a tensor of rank 2}}
  %0 = tfx.glu %x {axis = 2} : tensor<4x6xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @f(%x: tensor<4x5xf32>) {
  // expected-error @+1 {{the gated axis must have a static, even size, got [4, 5]}}
  %0 = tfx.glu %x : tensor<4x5xf32> -> tensor<4x2xf32>
  return
}

// -----

func.func @f(%x: tensor<4x6xf32>) {
  // expected-error @+1 {{result must have shape [4, 3] but has shape [4, 6]}}
  %0 = tfx.glu %x : tensor<4x6xf32> -> tensor<4x6xf32>
  return
}

// -----

func.func @f(%x: tensor<4x6xf32>) {
  // expected-error @+1 {{axis -3 is out of range for a tensor of rank 2}}
  %0 = tfx.softmax %x {axis = -3} : tensor<4x6xf32>
  return
}

// -----

func.func @f(%x: tensor<f32>, %g: tensor<1xf32>) {
  // expected-error @+1 {{input must have at least one dimension}}
  %0 = tfx.layer_norm %x, %g, %g : (tensor<f32>, tensor<1xf32>, tensor<1xf32>) -> tensor<f32>
  return
}

// -----

func.func @f(%x: tensor<?x16xf32>, %g: tensor<8xf32>, %b: tensor<16xf32>) {
  // expected-error @+1 {{gamma must have shape [16] but has shape [8]}}
  %0 = tfx.layer_norm %x, %g, %b : (tensor<?x16xf32>, tensor<8xf32>, tensor<16xf32>) -> tensor<?x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x16xf32>, %g: tensor<16xf32>, %b: tensor<8xf32>) {
  // expected-error @+1 {{beta must have shape [16] but has shape [8]}}
  %0 = tfx.layer_norm %x, %g, %b : (tensor<?x16xf32>, tensor<16xf32>, tensor<8xf32>) -> tensor<?x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x16xf32>, %g: tensor<16xf32>) {
  // expected-error @+1 {{result type 'tensor<4x16xf32>' must equal the input type 'tensor<?x16xf32>'}}
  %0 = tfx.layer_norm %x, %g, %g : (tensor<?x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<4x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x16xf32>, %g: tensor<16xf32>) {
  // expected-error @+1 {{epsilon must be positive}}
  %0 = tfx.layer_norm %x, %g, %g {epsilon = 0.0 : f32} : (tensor<?x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x16xf32>
  return
}

// -----

func.func @f(%x: tensor<4xf32>) {
  // expected-error @+1 {{rate must be in [0, 1), got 1}}
  %0 = tfx.dropout %x {rate = 1.0 : f32} : tensor<4xf32>
  return
}

// -----

func.func @f(%x: tensor<2x3x4xf32>) {
  // expected-error @+1 {{permutation has 2 entries but the input has rank 3}}
  %0 = tfx.transpose %x [1, 0] : tensor<2x3x4xf32> -> tensor<3x2x4xf32>
  return
}

// -----

func.func @f(%x: tensor<2x3x4xf32>) {
  // expected-error @+1 {{permutation [0, 0, 1] is not a permutation of 0..2}}
  %0 = tfx.transpose %x [0, 0, 1] : tensor<2x3x4xf32> -> tensor<2x2x3xf32>
  return
}

// -----

func.func @f(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{result element type 'i1' must equal the input element type 'f32'}}
  %0 = tfx.transpose %x [1, 0] : tensor<2x3xf32> -> tensor<3x2xi1>
  return
}

// -----

func.func @f(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{result must have shape [3, 2] but has shape [2, 3]}}
  %0 = tfx.transpose %x [1, 0] : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @f(%x: tensor<2x3xi1>) {
  // expected-error @+1 {{result element type 'f32' must equal the input element type 'i1'}}
  %0 = tfx.reshape %x : tensor<2x3xi1> -> tensor<6xf32>
  return
}

// -----

func.func @f(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{cannot reshape 6 elements [2, 3] into 8 elements [8]}}
  %0 = tfx.reshape %x : tensor<2x3xf32> -> tensor<8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x6xf32>) {
  // expected-error @+1 {{a reshape with dynamic dimensions needs exactly one dynamic dimension on each side, got [?, 6] -> [6]}}
  %0 = tfx.reshape %x : tensor<?x6xf32> -> tensor<6xf32>
  return
}

// -----

func.func @f(%x: tensor<?x6xf32>) {
  // expected-error @+1 {{static element counts 6 and 4 of [?, 6] -> [?, 4] do not divide one another}}
  %0 = tfx.reshape %x : tensor<?x6xf32> -> tensor<?x4xf32>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{needs at least one input}}
  %0 = "tfx.concat"() <{axis = 0 : i64}> : () -> tensor<2xf32>
  return
}

// -----

func.func @f(%a: tensor<2xf32>) {
  // expected-error @+1 {{axis 1 is out of range for a tensor of rank 1}}
  %0 = tfx.concat %a, %a {axis = 1 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @f(%a: tensor<2xf32>, %b: tensor<2x2xf32>) {
  // expected-error @+1 {{input #1 has rank 2 but input #0 has rank 1}}
  %0 = tfx.concat %a, %b {axis = 0 : i64} : (tensor<2xf32>, tensor<2x2xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @f(%a: tensor<3x2xf32>, %b: tensor<3x4xf32>) {
  // expected-error @+1 {{input #1 [3, 4] differs from input #0 [3, 2] outside the concatenation axis}}
  %0 = tfx.concat %a, %b {axis = 0 : i64} : (tensor<3x2xf32>, tensor<3x4xf32>) -> tensor<6x2xf32>
  return
}

// -----

func.func @f(%a: tensor<?x2xf32>) {
  // expected-error @+1 {{the concatenation axis must be static, input #0 is [?, 2]}}
  %0 = tfx.concat %a, %a {axis = 0 : i64} : (tensor<?x2xf32>, tensor<?x2xf32>) -> tensor<?x2xf32>
  return
}

// -----

func.func @f(%a: tensor<2xi1>) {
  // expected-error @+1 {{result element type 'f32' must equal the input element type 'i1'}}
  %0 = tfx.concat %a, %a {axis = 0 : i64} : (tensor<2xi1>, tensor<2xi1>) -> tensor<4xf32>
  return
}

// -----

func.func @f(%a: tensor<?x2xf32>, %b: tensor<?x3xf32>) {
  // expected-error @+1 {{result must have shape [?, 5] but has shape [?, 4]}}
  %0 = tfx.concat %a, %b {axis = 1 : i64} : (tensor<?x2xf32>, tensor<?x3xf32>) -> tensor<?x4xf32>
  return
}

// -----

func.func @f(%x: tensor<4xf32>) {
  // expected-error @+1 {{result element type 'i1' must equal the input element type 'f32'}}
  %0 = tfx.slice %x {axis = 0 : i64, start = 0 : i64, size = 2 : i64} : tensor<4xf32> -> tensor<2xi1>
  return
}

// -----

func.func @f(%x: tensor<4xf32>) {
  // expected-error @+1 {{axis 1 is out of range for a tensor of rank 1}}
  %0 = tfx.slice %x {axis = 1 : i64, start = 0 : i64, size = 2 : i64} : tensor<4xf32> -> tensor<2xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4xf32>) {
  // expected-error @+1 {{cannot slice the dynamic dimension 0}}
  %0 = tfx.slice %x {axis = 0 : i64, start = 0 : i64, size = 2 : i64} : tensor<?x4xf32> -> tensor<2x4xf32>
  return
}

// -----

func.func @f(%x: tensor<4xf32>) {
  // expected-error @+1 {{range of 2 elements from 3 is outside dimension 0 of size 4}}
  %0 = tfx.slice %x {axis = 0 : i64, start = 3 : i64, size = 2 : i64} : tensor<4xf32> -> tensor<2xf32>
  return
}

// -----

func.func @f(%x: tensor<4xf32>) {
  // expected-error @+1 {{range of 2 elements from -1 is outside dimension 0 of size 4}}
  %0 = tfx.slice %x {axis = 0 : i64, start = -1 : i64, size = 2 : i64} : tensor<4xf32> -> tensor<2xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4xf32>) {
  // expected-error @+1 {{result must have shape [?, 2] but has shape [?, 3]}}
  %0 = tfx.slice %x {axis = 1 : i64, start = 0 : i64, size = 2 : i64} : tensor<?x4xf32> -> tensor<?x3xf32>
  return
}

// -----

func.func @f(%i: tensor<8xi64>) {
  // expected-error @+1 {{ids must be [batch, length] (rank 2) but has rank 1}}
  %0 = tfx.padding_mask %i : tensor<8xi64> -> tensor<8xi1>
  return
}

// -----

func.func @f(%i: tensor<?x8xi64>) {
  // expected-error @+1 {{result must have shape [?, 8] but has shape [?, 7]}}
  %0 = tfx.padding_mask %i : tensor<?x8xi64> -> tensor<?x7xi1>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{result must be a static square [length, length] mask, got [8, 7]}}
  %0 = tfx.causal_mask : tensor<8x7xi1>
  return
}

// -----

func.func @f(%s: tensor<?x4x8x8xf32>, %m: tensor<?x7xi1>) {
  // expected-error @+1 {{mask shape [?, 7] does not broadcast to the input shape [?, 4, 8, 8]}}
  %0 = tfx.apply_mask %s, %m : tensor<?x4x8x8xf32>, tensor<?x7xi1>
  return
}

// -----

func.func @f(%s: tensor<8x8xf32>, %m: tensor<2x8x8xi1>) {
  // expected-error @+1 {{mask shape [2, 8, 8] does not broadcast to the input shape [8, 8]}}
  %0 = tfx.apply_mask %s, %m : tensor<8x8xf32>, tensor<2x8x8xi1>
  return
}

// -----

func.func @f(%q: tensor<8x16xf32>, %kv: tensor<?x8x16xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>, %wk: tensor<16x16xf32>, %bq: tensor<16xf32>, %wo: tensor<16x16xf32>) {
  // expected-error @+1 {{query must be [batch, query_length, d_model] (rank 3) but has rank 2}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) {num_heads = 4 : i64}
      : (tensor<8x16xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<8x16xf32>
  return
}

// -----

func.func @f(%q: tensor<?x8x16xf32>, %kv: tensor<8x16xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>, %wk: tensor<16x16xf32>, %bq: tensor<16xf32>, %wo: tensor<16x16xf32>) {
  // expected-error @+1 {{key_value must be [batch, key_length, d_kv] (rank 3) but has rank 2}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) {num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%q: tensor<?x8x16xf32>, %kv: tensor<?x8x16xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>, %wk: tensor<16x16xf32>, %bq: tensor<16xf32>, %wo: tensor<16x16xf32>) {
  // expected-error @+1 {{num_heads must be positive, got 0}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) {num_heads = 0 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%q: tensor<?x8x16xf32>, %kv: tensor<?x8x16xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>, %wk: tensor<16x16xf32>, %bq: tensor<16xf32>, %wo: tensor<16x16xf32>) {
  // expected-error @+1 {{d_model (16) must be divisible by num_heads (3)}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) {num_heads = 3 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%q: tensor<2x8x16xf32>, %kv: tensor<3x8x16xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>, %wk: tensor<16x16xf32>, %bq: tensor<16xf32>, %wo: tensor<16x16xf32>) {
  // expected-error @+1 {{query and key_value batch sizes differ: [2, 8, 16] vs [3, 8, 16]}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) {num_heads = 4 : i64}
      : (tensor<2x8x16xf32>, tensor<3x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
  return
}

// -----

func.func @f(%q: tensor<?x8x16xf32>, %kv: tensor<?x6x16xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>, %wk: tensor<16x16xf32>, %bq: tensor<16xf32>, %wo: tensor<16x16xf32>) {
  // expected-error @+1 {{causal attention needs equal query and key lengths, got 8 and 6}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) {causal, num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x6x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%q: tensor<?x8x16xf32>, %kv: tensor<?x8x16xf32>, %w: tensor<16x8xf32>, %b: tensor<16xf32>, %wk: tensor<16x8xf32>, %bq: tensor<16xf32>, %wo: tensor<16x8xf32>) {
  // expected-error @+1 {{q_weight must have shape [16, 16] but has shape [16, 8]}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) {num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x16xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%q: tensor<?x8x16xf32>, %kv: tensor<?x8x16xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>, %wk: tensor<16x16xf32>, %bq: tensor<8xf32>, %wo: tensor<16x16xf32>) {
  // expected-error @+1 {{q_bias must have shape [16] but has shape [8]}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) {num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<8xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%q: tensor<?x8x16xf32>, %kv: tensor<?x8x8xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>, %wk: tensor<16x16xf32>, %bq: tensor<16xf32>, %wo: tensor<16x16xf32>) {
  // expected-error @+1 {{k_weight must have shape [16, 8] but has shape [16, 16]}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) {num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x8xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%q: tensor<?x8x16xf32>, %kv: tensor<?x8x16xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>, %wk: tensor<16x16xf32>, %bq: tensor<16xf32>, %wo: tensor<8x16xf32>) {
  // expected-error @+1 {{out_weight must have shape [16, 16] but has shape [8, 16]}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) {num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<8x16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%q: tensor<?x8x16xf32>, %kv: tensor<?x8x16xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>, %wk: tensor<16x16xf32>, %bq: tensor<16xf32>, %wo: tensor<16x16xf32>, %m: tensor<?x6xi1>) {
  // expected-error @+1 {{key_padding_mask must have shape [?, 8] but has shape [?, 6]}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) mask(%m) {num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<?x6xi1>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%q: tensor<?x8x16xf32>, %kv: tensor<?x8x16xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>, %wk: tensor<16x16xf32>, %bq: tensor<16xf32>, %wo: tensor<16x16xf32>) {
  // expected-error @+1 {{result must have shape [?, 8, 16] but has shape [?, 6, 16]}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) {num_heads = 4 : i64}
      : (tensor<?x8x16xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x6x16xf32>
  return
}

// -----

func.func @f(%q: tensor<?x8x?xf32>, %kv: tensor<?x8x16xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>, %wk: tensor<16x16xf32>, %bq: tensor<16xf32>, %wo: tensor<16x16xf32>) {
  // expected-error @+1 {{feature dimensions must be static}}
  %0 = tfx.attention %q, %kv weights(%w, %bq, %wk, %b, %wk, %b, %wo, %b) {num_heads = 4 : i64}
      : (tensor<?x8x?xf32>, tensor<?x8x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x8x?xf32>
  return
}

// -----

func.func @f(%x: tensor<8x16xf32>, %w: tensor<4x3xf32>) {
  // expected-error @+1 {{input must be [batch, length, channels] (rank 3) but has rank 2}}
  %0 = tfx.lightweight_conv %x, %w {num_heads = 4 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<8x16xf32>, tensor<4x3xf32>) -> tensor<8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<4x3xf32>) {
  // expected-error @+1 {{padding must be "centered" or "causal", got "same"}}
  %0 = tfx.lightweight_conv %x, %w {num_heads = 4 : i64, kernel_size = 3 : i64, padding = "same"} : (tensor<?x8x16xf32>, tensor<4x3xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<4x1xf32>) {
  // expected-error @+1 {{kernel_size must be in [1, 2147483647], got 0}}
  %0 = tfx.lightweight_conv %x, %w {num_heads = 4 : i64, kernel_size = 0 : i64, padding = "causal"} : (tensor<?x8x16xf32>, tensor<4x1xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<4x4xf32>) {
  // expected-error @+1 {{centered padding needs an odd kernel_size, got 4}}
  %0 = tfx.lightweight_conv %x, %w {num_heads = 4 : i64, kernel_size = 4 : i64, padding = "centered"} : (tensor<?x8x16xf32>, tensor<4x4xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<1x3xf32>) {
  // expected-error @+1 {{num_heads must be in [1, 2147483647], got 0}}
  %0 = tfx.lightweight_conv %x, %w {num_heads = 0 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x16xf32>, tensor<1x3xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<3x3xf32>) {
  // expected-error @+1 {{channels (16) must be divisible by num_heads (3)}}
  %0 = tfx.lightweight_conv %x, %w {num_heads = 3 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x16xf32>, tensor<3x3xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<4x3xf32>) {
  // expected-error @+1 {{result type 'tensor<?x8x8xf32>' must equal the input type 'tensor<?x8x16xf32>'}}
  %0 = tfx.lightweight_conv %x, %w {num_heads = 4 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x16xf32>, tensor<4x3xf32>) -> tensor<?x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<4x5xf32>) {
  // expected-error @+1 {{weight must have shape [4, 3] but has shape [4, 5]}}
  %0 = tfx.lightweight_conv %x, %w {num_heads = 4 : i64, kernel_size = 3 : i64, padding = "centered"} : (tensor<?x8x16xf32>, tensor<4x5xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<6x8xf32>) {
  // expected-error @+1 {{kernel_weight must have shape [6, 16] but has shape [6, 8]}}
  %0 = tfx.dynamic_conv %x, %w {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "causal"} : (tensor<?x8x16xf32>, tensor<6x8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<6x16xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{kernel_bias must have shape [6] but has shape [3]}}
  %0 = tfx.dynamic_conv %x, %w, %b {num_heads = 2 : i64, kernel_size = 3 : i64, padding = "causal"} : (tensor<?x8x16xf32>, tensor<6x16xf32>, tensor<3xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %w: tensor<4x16xf32>) {
  // expected-error @+1 {{centered padding needs an odd kernel_size, got 2}}
  %0 = tfx.dynamic_conv %x, %w {num_heads = 2 : i64, kernel_size = 2 : i64, padding = "centered"} : (tensor<?x8x16xf32>, tensor<4x16xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{input must be [batch, length, d_model] (rank 3) but has rank 2}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x?x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{length and d_model must be static, got input shape [?, ?, 16]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x?x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x?x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x?xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{length and d_model must be static, got input shape [?, 8, ?]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x?xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x?xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x17xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{d_model (17) must be even: the block splits it in halves}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x17xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x17xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{attention_input_offset must be 0 or 8 (a half of 16 channels), got 4}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {attention_input_offset = 4 : i64, conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{attention_output_offset must be 0 or 8 (a half of 16 channels), got 16}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {attention_output_offset = 16 : i64, conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{num_heads (3) must be positive and divide the attention width (8)}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 3 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{num_heads (0) must be positive and divide the attention width (8)}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 0 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x16xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{q_weight must have shape [8, 8] but has shape [8, 16]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x16xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<16xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{q_bias must have shape [8] but has shape [16]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<16x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{k_weight must have shape [8, 8] but has shape [16, 8]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<4xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{k_bias must have shape [8] but has shape [4]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<4xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x4xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{v_weight must have shape [8, 8] but has shape [8, 4]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x4xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8x1xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{v_bias must have shape [8] but has shape [8, 1]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8x1xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<16x16xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{out_weight must have shape [8, 8] but has shape [16, 16]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x16xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<16xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{out_bias must have shape [8] but has shape [16]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<16xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<8x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{conv_in_weight must have shape [16, 8] but has shape [8, 8]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<8xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{conv_in_bias must have shape [16] but has shape [8]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<8xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x16xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{conv_out_weight must have shape [8, 8] but has shape [8, 16]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x16xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<16xf32>) {
  // expected-error @+1 {{conv_out_bias must have shape [8] but has shape [16]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{padding must be "centered" or "causal", got "same"}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "same"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x1xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{kernel_size must be in [1, 2147483647], got 0}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 0 : i64, num_heads = 2 : i64, padding = "causal"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x1xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x4xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{centered padding needs an odd kernel_size, got 4}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 4 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x4xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<3x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{conv_heads (3) must be positive and divide the convolution width (8)}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 3 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<3x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<1x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{conv_heads (0) must be positive and divide the convolution width (8)}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 0 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<1x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>, %kb: tensor<6xf32>) {
  // expected-error @+1 {{kernel_bias is only for conv_kind = "dynamic"}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) kernel_bias(%kb) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<6xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x5xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{conv_weight must have shape [2, 3] but has shape [2, 5]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x5xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<6x16xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{conv_weight must have shape [6, 8] but has shape [6, 16]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "dynamic", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<6x16xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{conv_weight must have shape [6, 8] but has shape [2, 3]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "dynamic", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<6x8xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>, %kb: tensor<3xf32>) {
  // expected-error @+1 {{kernel_bias must have shape [6] but has shape [3]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) kernel_bias(%kb) {conv_heads = 2 : i64, conv_kind = "dynamic", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<6x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<3xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{conv_kind must be "lightweight" or "dynamic", got "depthwise"}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "depthwise", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>, %keep: tensor<?x6xi1>) {
  // expected-error @+1 {{key_padding_mask must have shape [?, 8] but has shape [?, 6]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) mask(%keep) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x6xi1>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>, %keep3: tensor<?x8x8xi1>) {
  // expected-error @+1 {{conv_mask must have shape [?, 8] or [?, 8, 1] but has shape [?, 8, 8]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) conv_mask(%keep3) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<?x8x8xi1>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>, %keep3: tensor<8xi1>) {
  // expected-error @+1 {{conv_mask must have shape [?, 8] or [?, 8, 1] but has shape [8]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) conv_mask(%keep3) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8xi1>) -> tensor<?x8x16xf32>
  return
}

// -----

func.func @f(%x: tensor<?x8x16xf32>, %wq: tensor<8x8xf32>, %bq: tensor<8xf32>, %wk: tensor<8x8xf32>, %bk: tensor<8xf32>, %wv: tensor<8x8xf32>, %bv: tensor<8xf32>, %wo: tensor<8x8xf32>, %bo: tensor<8xf32>, %win: tensor<16x8xf32>, %bin: tensor<16xf32>, %wc: tensor<2x3xf32>, %wout: tensor<8x8xf32>, %bout: tensor<8xf32>) {
  // expected-error @+1 {{result must have shape [?, 8, 16] but has shape [?, 8, 8]}}
  %0 = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo) conv(%win, %bin, %wc, %wout, %bout) {conv_heads = 2 : i64, conv_kind = "lightweight", kernel_size = 3 : i64, num_heads = 2 : i64, padding = "centered"}
      : (tensor<?x8x16xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<16x8xf32>, tensor<16xf32>, tensor<2x3xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<?x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x32xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{input must be [batch, positions, features] (rank 3) but has rank 2}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x32xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<160xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{fc1_weight must be [hidden, positions * features] (rank 2) but has rank 1}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<160xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<160xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{fc2_weight must be [outputs, hidden] (rank 2) but has rank 1}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<160xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{output_mask must be [batch, output_length] (rank 2) but has rank 1}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{result must be [batch, output_length, output_features] (rank 3) but has rank 2}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x32xf32>
  return
}

// -----

func.func @f(%x: tensor<?x?x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{input positions and features must be static, got [?, ?, 8]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x?x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{result positions and features must be static, got [?, 4, ?]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x?xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x2xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<8x5xf32>, %c2: tensor<8xf32>) {
  // expected-error @+1 {{per_position form produces one output per input position: result length must be 4, got 2}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2) {per_position}
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x2xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<8x5xf32>, tensor<8xf32>) -> tensor<?x2x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x3xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{input_mask must have shape [?, 4] but has shape [?, 3]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x3xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x3xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{output_mask must have shape [?, 4] but has shape [?, 3]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x3xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<16xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{in_norm_weight must have shape [32] but has shape [16]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<16xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<16xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{in_norm_bias must have shape [32] but has shape [16]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<16xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x16xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{fc1_weight must have shape [5, 32] but has shape [5, 16]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x16xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<6xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{fc1_bias must have shape [5] but has shape [6]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<6xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<6xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{hidden_norm_weight must have shape [5] but has shape [6]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<6xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<6xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{hidden_norm_bias must have shape [5] but has shape [6]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<6xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<8x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{fc2_weight must have shape [32, 5] but has shape [8, 5]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<8x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{fc2_weight must have shape [8, 5] but has shape [32, 5]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2) {per_position}
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<8xf32>) {
  // expected-error @+1 {{fc2_bias must have shape [32] but has shape [8]}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<8xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<2x4x8xf32>, %im: tensor<2x4xi1>, %om: tensor<3x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{result batch 3 differs from input batch 2}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
      : (tensor<2x4x8xf32>, tensor<2x4xi1>, tensor<3x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<3x4x8xf32>
  return
}

// -----

func.func @f(%x: tensor<?x4x8xf32>, %im: tensor<?x4xi1>, %om: tensor<?x4xi1>, %g1: tensor<32xf32>, %b1: tensor<32xf32>, %w1: tensor<5x32xf32>, %c1: tensor<5xf32>, %g2: tensor<5xf32>, %b2: tensor<5xf32>, %w2: tensor<32x5xf32>, %c2: tensor<32xf32>) {
  // expected-error @+1 {{negative_slope must be >= 0 and epsilon > 0}}
  %0 = tfx.flat_mlp %x, %im, %om weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2) {epsilon = 0.0 : f32}
      : (tensor<?x4x8xf32>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<32xf32>, tensor<32xf32>, tensor<5x32xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<32x5xf32>, tensor<32xf32>) -> tensor<?x4x8xf32>
  return
}


// -----

// expected-error @+1 {{'tfx.model' may only be set on a builtin.module}}
func.func @f() attributes {tfx.model = "m"} {
  return
}

// -----

// expected-error @+1 {{'tfx.model' must be a string (the model's name)}}
module attributes {tfx.model = 3 : i64} {
}

// -----

// expected-error @+1 {{unknown tfx attribute 'tfx.bogus'}}
module attributes {tfx.bogus = 1 : i64} {
}

// -----

module attributes {tfx.model = "m"} {
  func.func @encode() -> tensor<4xf32> {
    // expected-note @+1 {{first declared here}}
    %0 = tfx.param "shared" : tensor<4xf32>
    return %0 : tensor<4xf32>
  }
  func.func @decode() -> tensor<8xf32> {
    // expected-error @+1 {{parameter 'shared' is declared as 'tensor<8xf32>' here but as 'tensor<4xf32>' elsewhere}}
    %0 = tfx.param "shared" : tensor<8xf32>
    return %0 : tensor<8xf32>
  }
}
