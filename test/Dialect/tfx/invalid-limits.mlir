// Robustness classes of the verifiers (issue 16): shapes that used to crash
// tfx-opt (division by zero, int64 overflow, a module check reading a
// malformed op) are errors. One case per class.
// RUN: tfx-opt %s -split-input-file -verify-diagnostics

// Class: an empty dimension (a reshape to it divided by zero).
func.func @f(%a: tensor<?x4xf32>) -> tensor<?x0xf32> {
  // expected-error @+1 {{'tfx.reshape' op result #0 has type 'tensor<?x0xf32>': tfx tensors have no empty dimensions}}
  %0 = tfx.reshape %a : tensor<?x4xf32> -> tensor<?x0xf32>
  return %0 : tensor<?x0xf32>
}

// -----

// Class: a static element count beyond int64 (overflowed the product).
func.func @f(%a: tensor<?x4xf32>) -> tensor<?x4294967296x4294967296xf32> {
  // expected-error @+1 {{result #0 has type 'tensor<?x4294967296x4294967296xf32>': more than the 2147483647 elements a tfx kernel indexes}}
  %0 = tfx.reshape %a : tensor<?x4xf32> -> tensor<?x4294967296x4294967296xf32>
  return %0 : tensor<?x4294967296x4294967296xf32>
}

// -----

// Class: an operand beyond the kernel limit (2^31 elements exactly).
func.func @f(%a: tensor<2147483648xf32>) -> tensor<2147483648xf32> {
  // expected-error @+1 {{operand #0 has type 'tensor<2147483648xf32>': more than the 2147483647 elements}}
  %0 = tfx.relu %a : tensor<2147483648xf32>
  return %0 : tensor<2147483648xf32>
}

// -----

// Class: slice bounds whose sum overflows int64.
func.func @f(%a: tensor<?x4xf32>) -> tensor<?x2xf32> {
  // expected-error @+1 {{range of 2 elements from 9223372036854775807 is outside dimension 1 of size 4}}
  %0 = tfx.slice %a {axis = 1 : i64, start = 9223372036854775807 : i64, size = 2 : i64} : tensor<?x4xf32> -> tensor<?x2xf32>
  return %0 : tensor<?x2xf32>
}

// -----

// Class: attribute products (num_heads * kernel_size) that overflow.
func.func @f(%x: tensor<?x50x64xf32>, %w: tensor<8x64xf32>) -> tensor<?x50x64xf32> {
  // expected-error @+1 {{kernel_size must be in [1, 2147483647], got 4611686018427387905}}
  %0 = tfx.dynamic_conv %x, %w {num_heads = 4 : i64, kernel_size = 4611686018427387905 : i64, padding = "causal"} : (tensor<?x50x64xf32>, tensor<8x64xf32>) -> tensor<?x50x64xf32>
  return %0 : tensor<?x50x64xf32>
}

// -----

// Class: the module-wide parameter check meets a malformed tfx.param (it
// runs before the op's own verifier, which reports it).
module attributes {tfx.model = "m"} {
  func.func @f() -> tensor<4xf32> {
    // expected-error @+1 {{'tfx.param' op requires attribute 'name'}}
    %0 = "tfx.param"() : () -> tensor<4xf32>
    return %0 : tensor<4xf32>
  }
}
