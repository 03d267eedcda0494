//===- TfxOps.td - tfx operations ----------------------------*- tablegen -*-===//
//
// Every op here has a verifier (lib/Dialect/Tfx/TfxOps.cpp or
// TfxAttentionOps.cpp) whose messages are exercised by
// test/Dialect/tfx/invalid.mlir.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_OPS_TD
#define TFX_OPS_TD

include "tfx/Dialect/Tfx/TfxDialect.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/BuiltinAttributes.td"

def Tfx_F32Tensor : RankedTensorOf<[F32]>;
def Tfx_MaskTensor : RankedTensorOf<[I1]>;
def Tfx_IdTensor : RankedTensorOf<[I32, I64]>;
def Tfx_Tensor : RankedTensorOf<[F32, I1, I32, I64]>;

//===----------------------------------------------------------------------===//
// Parameters and constants
//===----------------------------------------------------------------------===//

def Tfx_ParamOp : Tfx_Op<"param", [Pure]> {
  let summary = "a named parameter, bound to a tensor of a weights file";
  let description = [{
    Declares a parameter of the model. The IR holds its name, shape and element
    type; the numbers live in a safetensors file and are bound by name when the
    model is run or compiled. The shape must be fully static.

    Within a module that carries `tfx.model`, a name may be declared several
    times (for example in `encode` and in `decode`) but always with the same
    type.

    Example:

    ```mlir
    %w = tfx.param "encoder.layers.0.ffn.fc1.weight" : tensor<512x128xf32>
    ```
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = "$name attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Tfx_ConstantOp : Tfx_Op<"constant", [Pure, ConstantLike]> {
  let summary = "a small constant tensor held in the IR";
  let description = [{
    A constant written in the IR, for scalars and small tensors such as the
    `1/sqrt(d_k)` scale of a decomposed attention. Model weights belong in
    `tfx.param`, not here.

    Example:

    ```mlir
    %scale = tfx.constant dense<2.500000e-01> : tensor<f32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Tfx_Tensor:$result);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Embeddings
//===----------------------------------------------------------------------===//

def Tfx_EmbeddingOp : Tfx_Op<"embedding", [Pure]> {
  let summary = "token embedding lookup, optionally scaled";
  let description = [{
    Looks up each token id of `ids` (`[batch, length]`) in `table`
    (`[vocab, d_model]`) and multiplies the row by `scale` (the Transformer
    uses `sqrt(d_model)`). The result is `[batch, length, d_model]`. Ids
    outside `[0, vocab)` are an error at run time.

    Example:

    ```mlir
    %x = tfx.embedding %ids, %table {scale = 11.3137083 : f32}
        : (tensor<?x50xi64>, tensor<1000x128xf32>) -> tensor<?x50x128xf32>
    ```
  }];
  let arguments = (ins Tfx_IdTensor:$ids, Tfx_F32Tensor:$table,
                       DefaultValuedAttr<F32Attr, "1.0">:$scale);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat =
      "$ids `,` $table attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def Tfx_PositionalEncodingOp
    : Tfx_Op<"positional_encoding", [Pure, SameOperandsAndResultType]> {
  let summary = "adds the sinusoidal positional encoding";
  let description = [{
    Adds the sinusoidal encoding of Vaswani et al. to `[..., length, d]`:
    `PE[p, 2i] = sin(p / 10000^(2i/d))`, `PE[p, 2i+1] = cos(p / 10000^(2i/d))`.
    `d` must be even.

    Example:

    ```mlir
    %y = tfx.positional_encoding %x : tensor<?x50x128xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Linear algebra
//===----------------------------------------------------------------------===//

def Tfx_LinearOp : Tfx_Op<"linear", [Pure]> {
  let summary = "affine layer with PyTorch's weight layout";
  let description = [{
    `result[..., o] = sum_i input[..., i] * weight[o, i] + bias[o]`, with
    `weight` of shape `[out, in]` as in `torch.nn.Linear`. The bias is
    optional.

    Example:

    ```mlir
    %h = tfx.linear %x, %w, %b
        : (tensor<?x50x128xf32>, tensor<512x128xf32>, tensor<512xf32>)
        -> tensor<?x50x512xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input, Tfx_F32Tensor:$weight,
                       Optional<Tfx_F32Tensor>:$bias);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = "$input `,` $weight (`,` $bias^)? attr-dict `:` "
                       "functional-type(operands, results)";
  let hasVerifier = 1;
}

def Tfx_MatmulOp : Tfx_Op<"matmul", [Pure]> {
  let summary = "batched matrix product";
  let description = [{
    `result[b..., m, n] = sum_k lhs[b..., m, k] * rhs[b..., k, n]`. Both
    operands have the same rank (at least 2) and the same batch dimensions.

    Example:

    ```mlir
    %s = tfx.matmul %q, %kt
        : (tensor<?x8x50x16xf32>, tensor<?x8x16x50xf32>) -> tensor<?x8x50x50xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$lhs, Tfx_F32Tensor:$rhs);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Elementwise arithmetic (NumPy broadcasting)
//===----------------------------------------------------------------------===//

class Tfx_BinaryOp<string mnemonic, string expr> : Tfx_Op<mnemonic, [Pure]> {
  let summary = "elementwise " # expr # " with broadcasting";
  let description = [{
    Elementwise `}] # expr # [{` of two f32 tensors. Shapes broadcast as in
    NumPy: trailing dimensions are aligned, and a dimension of size 1
    stretches to match the other operand. The result has the broadcast shape.

    Example:

    ```mlir
    %r = tfx.}] # mnemonic # [{ %a, %b
        : (tensor<?x50x128xf32>, tensor<128xf32>) -> tensor<?x50x128xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$lhs, Tfx_F32Tensor:$rhs);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def Tfx_AddOp : Tfx_BinaryOp<"add", "lhs + rhs">;
def Tfx_SubOp : Tfx_BinaryOp<"sub", "lhs - rhs">;
def Tfx_MulOp : Tfx_BinaryOp<"mul", "lhs * rhs">;
def Tfx_DivOp : Tfx_BinaryOp<"div", "lhs / rhs">;

//===----------------------------------------------------------------------===//
// Activations and normalisation
//===----------------------------------------------------------------------===//

def Tfx_ReluOp : Tfx_Op<"relu", [Pure, SameOperandsAndResultType]> {
  let summary = "rectified linear unit, max(x, 0)";
  let description = [{
    Example:

    ```mlir
    %y = tfx.relu %x : tensor<?x50x512xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($result)";
}

def Tfx_GeluOp : Tfx_Op<"gelu", [Pure, SameOperandsAndResultType]> {
  let summary = "Gaussian error linear unit";
  let description = [{
    `approximate = "none"` (default) computes `x * Phi(x)` with the exact
    normal CDF; `approximate = "tanh"` uses the tanh approximation, as
    `torch.nn.GELU(approximate=...)`.

    Example:

    ```mlir
    %y = tfx.gelu %x {approximate = "tanh"} : tensor<?x50x512xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input,
                       DefaultValuedAttr<StrAttr, "\"none\"">:$approximate);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Tfx_LeakyReluOp : Tfx_Op<"leaky_relu", [Pure, SameOperandsAndResultType]> {
  let summary = "leaky rectified linear unit";
  let description = [{
    `x >= 0 ? x : negative_slope * x`; the slope defaults to 0.01 as in
    `torch.nn.LeakyReLU`.

    Example:

    ```mlir
    %y = tfx.leaky_relu %x {negative_slope = 2.000000e-01 : f32} : tensor<?x800xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input,
                       DefaultValuedAttr<F32Attr, "0.01">:$negative_slope);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($result)";
}

def Tfx_GluOp : Tfx_Op<"glu", [Pure]> {
  let summary = "gated linear unit: first half times sigmoid of second half";
  let description = [{
    Splits `input` in two halves `a, b` along `axis` (default: last) and
    returns `a * sigmoid(b)`; the axis must have an even size and is halved in
    the result, as `torch.nn.functional.glu`.

    Example:

    ```mlir
    %y = tfx.glu %x : tensor<?x50x160xf32> -> tensor<?x50x80xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input,
                       DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat =
      "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

def Tfx_SoftmaxOp : Tfx_Op<"softmax", [Pure, SameOperandsAndResultType]> {
  let summary = "softmax along one axis";
  let description = [{
    `exp(x - max) / sum(exp(x - max))` along `axis` (default: last). A slice
    whose elements are all `-inf` (a query whose keys are all masked, as in
    an all-padding sentence) gives 0 everywhere, not NaN.

    Example:

    ```mlir
    %p = tfx.softmax %s : tensor<?x8x50x50xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input,
                       DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Tfx_LayerNormOp : Tfx_Op<"layer_norm", [Pure]> {
  let summary = "layer normalisation over the last dimension";
  let description = [{
    Normalises each vector along the last dimension to zero mean and unit
    (biased) variance, then applies `gamma * x + beta`, as
    `torch.nn.LayerNorm(d)`. `gamma` and `beta` have shape `[d]`.

    Example:

    ```mlir
    %y = tfx.layer_norm %x, %g, %b {epsilon = 9.99999974E-6 : f32}
        : (tensor<?x50x128xf32>, tensor<128xf32>, tensor<128xf32>)
        -> tensor<?x50x128xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input, Tfx_F32Tensor:$gamma,
                       Tfx_F32Tensor:$beta,
                       DefaultValuedAttr<F32Attr, "1.0e-5">:$epsilon);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = "$input `,` $gamma `,` $beta attr-dict `:` "
                       "functional-type(operands, results)";
  let hasVerifier = 1;
}

def Tfx_DropoutOp : Tfx_Op<"dropout", [Pure, SameOperandsAndResultType]> {
  let summary = "dropout; the identity at inference";
  let description = [{
    Records where a training graph applies dropout with probability `rate`.
    tfx compiles models for inference, where dropout is the identity; the op
    folds away under canonicalisation.

    Example:

    ```mlir
    %y = tfx.dropout %x {rate = 1.000000e-01 : f32} : tensor<?x50x128xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input, F32Attr:$rate);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def Tfx_TransposeOp : Tfx_Op<"transpose", [Pure]> {
  let summary = "permutes the dimensions of a tensor";
  let description = [{
    `result.shape[i] = input.shape[permutation[i]]`.

    Example:

    ```mlir
    %t = tfx.transpose %x [0, 2, 1, 3]
        : tensor<?x50x8x16xf32> -> tensor<?x8x50x16xf32>
    ```
  }];
  let arguments = (ins Tfx_Tensor:$input, DenseI64ArrayAttr:$permutation);
  let results = (outs Tfx_Tensor:$result);
  let assemblyFormat =
      "$input $permutation attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Tfx_ReshapeOp : Tfx_Op<"reshape", [Pure]> {
  let summary = "reinterprets a tensor with another shape (row-major)";
  let description = [{
    Keeps the elements in row-major order and gives them the result's shape.
    Static shapes must hold the same number of elements. With a dynamic batch
    dimension, both types have exactly one dynamic dimension and the static
    element counts must divide one another (the batch absorbs the factor, as
    in `[?, 50, 128] -> [?, 6400]` or `[?, 8, 50, 16] -> [?, 50, 16]`).

    Example:

    ```mlir
    %h = tfx.reshape %x : tensor<?x50x128xf32> -> tensor<?x50x8x16xf32>
    ```
  }];
  let arguments = (ins Tfx_Tensor:$input);
  let results = (outs Tfx_Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Tfx_ConcatOp : Tfx_Op<"concat", [Pure]> {
  let summary = "concatenates tensors along one axis";
  let description = [{
    All inputs have the same rank, element type, and sizes except along
    `axis`; the result's size along `axis` is the sum.

    Example:

    ```mlir
    %y = tfx.concat %a, %b {axis = 2 : i64}
        : (tensor<?x50x64xf32>, tensor<?x50x64xf32>) -> tensor<?x50x128xf32>
    ```
  }];
  let arguments = (ins Variadic<Tfx_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs Tfx_Tensor:$result);
  let assemblyFormat =
      "$inputs attr-dict `:` functional-type($inputs, results)";
  let hasVerifier = 1;
  let hasFolder = 1;  let hasCanonicalizer = 1;
}

def Tfx_SliceOp : Tfx_Op<"slice", [Pure]> {
  let summary = "a contiguous range of one axis";
  let description = [{
    `result = input[..., start : start + size, ...]` along `axis`; other
    dimensions are kept whole.

    Example:

    ```mlir
    %lo = tfx.slice %x {axis = 2 : i64, size = 64 : i64, start = 0 : i64}
        : tensor<?x50x128xf32> -> tensor<?x50x64xf32>
    ```
  }];
  let arguments = (ins Tfx_Tensor:$input, I64Attr:$axis, I64Attr:$start,
                       I64Attr:$size);
  let results = (outs Tfx_Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// Masks
//===----------------------------------------------------------------------===//

def Tfx_PaddingMaskOp : Tfx_Op<"padding_mask", [Pure]> {
  let summary = "true where a token is not padding";
  let description = [{
    `result[b, p] = ids[b, p] != pad_id` (padding id 0 by default).

    Example:

    ```mlir
    %m = tfx.padding_mask %ids : tensor<?x50xi64> -> tensor<?x50xi1>
    ```
  }];
  let arguments = (ins Tfx_IdTensor:$ids, DefaultValuedAttr<I64Attr, "0">:$pad_id);
  let results = (outs Tfx_MaskTensor:$result);
  let assemblyFormat = "$ids attr-dict `:` type($ids) `->` type($result)";
  let hasVerifier = 1;
}

def Tfx_CausalMaskOp : Tfx_Op<"causal_mask", [Pure]> {
  let summary = "lower-triangular mask: query i sees keys j <= i";
  let description = [{
    `result[i, j] = j <= i` for an `[L, L]` result.

    Example:

    ```mlir
    %c = tfx.causal_mask : tensor<50x50xi1>
    ```
  }];
  let results = (outs Tfx_MaskTensor:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Tfx_ApplyMaskOp : Tfx_Op<"apply_mask", [Pure, AllTypesMatch<["input", "result"]>]> {
  let summary = "keeps elements where the mask is true, fills the rest";
  let description = [{
    `result = mask ? input : fill`. The mask broadcasts to the input's shape
    as in NumPy. Note the polarity: **true keeps** (unlike
    `torch.Tensor.masked_fill`, whose mask marks what is filled). With the
    default `fill = 0` this zeroes padded positions; attention scores use
    `fill = -inf`.

    Example:

    ```mlir
    %s2 = tfx.apply_mask %s, %keep {fill = 0xFF800000 : f32}
        : tensor<?x8x50x50xf32>, tensor<?x1x1x50xi1>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input, Tfx_MaskTensor:$mask,
                       DefaultValuedAttr<F32Attr, "0.0">:$fill);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat =
      "$input `,` $mask attr-dict `:` type($input) `,` type($mask)";
  let hasVerifier = 1;
}

include "tfx/Dialect/Tfx/TfxAttentionOps.td"

#endif // TFX_OPS_TD
