//===- TfxAttentionOps.td - attention, convolutions, LSRA, MLPs -*- tablegen -*-===//
//
// The attention family of the tfx dialect: tfx.attention, Lite Transformer's
// convolutions, the fused LSRA block and the MLP that replaces attention.
// Included at the end of TfxOps.td (it uses that file's types and Tfx_Op);
// verifiers in lib/Dialect/Tfx/TfxAttentionOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_ATTENTION_OPS_TD
#define TFX_ATTENTION_OPS_TD

//===----------------------------------------------------------------------===//
// Attention
//===----------------------------------------------------------------------===//

def Tfx_AttentionOp : Tfx_Op<"attention", [Pure]> {
  let summary = "multi-head attention with its projections (self or cross)";
  let description = [{
    Multi-head scaled dot-product attention as `torch.nn.MultiheadAttention`
    (batch first), including the input projections and the output projection:

    ```
    Q = query W_q^T + b_q,  K = key_value W_k^T + b_k,  V = key_value W_v^T + b_v
    head_h = softmax(Q_h K_h^T / sqrt(d_head) + masks) V_h,  d_head = d_model / num_heads
    result = concat(head_1 .. head_H) W_o^T + b_o
    ```

    Self-attention passes the same value as `query` and `key_value`;
    cross-attention passes the encoder output as `key_value`. With `causal`,
    query `i` sees only keys `j <= i` (query and key lengths must then be
    equal). The optional `key_padding_mask` (`[batch, key_length]`, true =
    real token) hides padded keys; a query whose keys are all hidden (an
    all-padding sentence) gets `head_h = 0`, not NaN. All weights are
    `[d_model, d_model]` in PyTorch's layout and all biases `[d_model]`.

    The same computation written with primitive ops (as an ONNX-style export
    produces it) is what `--decompose-attention` emits.

    Example:

    ```mlir
    %y = tfx.attention %x, %x weights(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo)
        mask(%keep) {causal, num_heads = 8 : i64}
        : (tensor<?x50x128xf32>, tensor<?x50x128xf32>, tensor<128x128xf32>, ...,
           tensor<?x50xi1>) -> tensor<?x50x128xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$query, Tfx_F32Tensor:$key_value,
                       Tfx_F32Tensor:$q_weight, Tfx_F32Tensor:$q_bias,
                       Tfx_F32Tensor:$k_weight, Tfx_F32Tensor:$k_bias,
                       Tfx_F32Tensor:$v_weight, Tfx_F32Tensor:$v_bias,
                       Tfx_F32Tensor:$out_weight, Tfx_F32Tensor:$out_bias,
                       Optional<Tfx_MaskTensor>:$key_padding_mask,
                       I64Attr:$num_heads, UnitAttr:$causal);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = [{
    $query `,` $key_value `weights` `(` $q_weight `,` $q_bias `,` $k_weight `,`
    $k_bias `,` $v_weight `,` $v_bias `,` $out_weight `,` $out_bias `)`
    (`mask` `(` $key_padding_mask^ `)`)? attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Lite Transformer convolutions
//===----------------------------------------------------------------------===//

def Tfx_LightweightConvOp : Tfx_Op<"lightweight_conv", [Pure]> {
  let summary = "depthwise 1-D convolution with kernels shared by heads";
  let description = [{
    Lightweight convolution of Wu et al. (2019), as used by Lite Transformer's
    convolution branch. `input` is `[batch, length, channels]`; `weight` is
    `[num_heads, kernel_size]` and channel `c` uses head
    `c * num_heads / channels`. With `weight_softmax` (default) each head's
    kernel is softmax-normalised over its `kernel_size` taps first.

    `padding = "centered"` (encoder) pads `kernel_size / 2` on each side and
    needs an odd kernel; `padding = "causal"` (decoder) pads `kernel_size - 1`
    on the left so position `t` sees `t - K + 1 .. t`. Positions outside the
    sequence contribute zero; zero padded tokens first with `tfx.apply_mask`.

    ```
    result[b, t, c] = sum_k w[h(c), k] * input[b, t + k - pad_left, c]
    ```

    Example:

    ```mlir
    %y = tfx.lightweight_conv %x, %w {kernel_size = 7 : i64, num_heads = 4 : i64,
        padding = "centered"}
        : (tensor<?x50x80xf32>, tensor<4x7xf32>) -> tensor<?x50x80xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input, Tfx_F32Tensor:$weight,
                       I64Attr:$num_heads, I64Attr:$kernel_size,
                       StrAttr:$padding,
                       DefaultValuedAttr<BoolAttr, "true">:$weight_softmax);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat =
      "$input `,` $weight attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def Tfx_DynamicConvOp : Tfx_Op<"dynamic_conv", [Pure]> {
  let summary = "depthwise 1-D convolution with kernels predicted per step";
  let description = [{
    Dynamic convolution of Wu et al. (2019). At each position `t` the kernel
    is predicted from the input itself:
    `k[b, t] = input[b, t] kernel_weight^T + kernel_bias`, reshaped to
    `[num_heads, kernel_size]` and (with `weight_softmax`, the default)
    softmax-normalised over the taps; then the same head-shared depthwise
    convolution as `tfx.lightweight_conv` is applied with these per-step
    kernels. `kernel_weight` is `[num_heads * kernel_size, channels]`; the
    bias is optional. Padding as in `tfx.lightweight_conv`.

    Example:

    ```mlir
    %y = tfx.dynamic_conv %x, %kw, %kb {kernel_size = 3 : i64, num_heads = 4 : i64,
        padding = "causal"}
        : (tensor<?x50x80xf32>, tensor<12x80xf32>, tensor<12xf32>) -> tensor<?x50x80xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input, Tfx_F32Tensor:$kernel_weight,
                       Optional<Tfx_F32Tensor>:$kernel_bias,
                       I64Attr:$num_heads, I64Attr:$kernel_size,
                       StrAttr:$padding,
                       DefaultValuedAttr<BoolAttr, "true">:$weight_softmax);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = "$input `,` $kernel_weight (`,` $kernel_bias^)? attr-dict "
                       "`:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def Tfx_LsraOp : Tfx_Op<"lsra", [Pure, AttrSizedOperandSegments]> {
  let summary = "fused Long-Short Range Attention block (Lite Transformer)";
  let description = [{
    One LSRA block of Lite Transformer (Wu et al., ICLR 2020) as a single op,
    as `--fuse-lsra` produces it. The input `[batch, length, d]` is split into
    two halves of `w = d / 2` channels:

    ```
    a   = input[..., ai : ai + w]          ai = attention_input_offset
    c   = input[..., ci : ci + w]          ci = w - ai
    A   = attention(a, a; attention weights, mask, num_heads, causal)
    g   = glu(c conv_in_weight^T + conv_in_bias)      (w channels)
    g   = apply_mask(g, conv_mask)                    (if conv_mask)
    C   = conv(g) conv_out_weight^T + conv_out_bias
    result[..., ao : ao + w] = A               ao = attention_output_offset
    result[..., co : co + w] = C               co = w - ao
    ```

    `conv` is `tfx.lightweight_conv` (`conv_kind = "lightweight"`,
    `conv_weight` `[conv_heads, kernel_size]`) or `tfx.dynamic_conv`
    (`conv_kind = "dynamic"`, `conv_weight` `[conv_heads * kernel_size, w]`
    and the optional `kernel_bias`), with `padding`, `weight_softmax` as
    those ops. The attention operands are those of `tfx.attention` on `w`
    channels; `conv_mask` is `[batch, length]` or `[batch, length, 1]`.

    The lowering reads the input once and writes each branch straight into
    its half of the result: the split and the concat are never materialised,
    the GLU and the mask are fused into the input projection of the
    convolution branch.

    Example:

    ```mlir
    %y = tfx.lsra %x attention(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo)
        conv(%win, %bin, %wc, %wout, %bout) mask(%keep) conv_mask(%keep3)
        {conv_heads = 4 : i64, conv_kind = "lightweight", kernel_size = 7 : i64,
         num_heads = 4 : i64, padding = "centered"}
        : (tensor<?x50x160xf32>, tensor<80x80xf32>, tensor<80xf32>, ...) -> tensor<?x50x160xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input,
                       Tfx_F32Tensor:$q_weight, Tfx_F32Tensor:$q_bias,
                       Tfx_F32Tensor:$k_weight, Tfx_F32Tensor:$k_bias,
                       Tfx_F32Tensor:$v_weight, Tfx_F32Tensor:$v_bias,
                       Tfx_F32Tensor:$out_weight, Tfx_F32Tensor:$out_bias,
                       Tfx_F32Tensor:$conv_in_weight, Tfx_F32Tensor:$conv_in_bias,
                       Tfx_F32Tensor:$conv_weight,
                       Tfx_F32Tensor:$conv_out_weight, Tfx_F32Tensor:$conv_out_bias,
                       Optional<Tfx_F32Tensor>:$kernel_bias,
                       Optional<Tfx_MaskTensor>:$key_padding_mask,
                       Optional<Tfx_MaskTensor>:$conv_mask,
                       I64Attr:$num_heads, UnitAttr:$causal,
                       StrAttr:$conv_kind, I64Attr:$conv_heads,
                       I64Attr:$kernel_size, StrAttr:$padding,
                       DefaultValuedAttr<BoolAttr, "true">:$weight_softmax,
                       DefaultValuedAttr<I64Attr, "0">:$attention_input_offset,
                       DefaultValuedAttr<I64Attr, "0">:$attention_output_offset);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = [{
    $input `attention` `(` $q_weight `,` $q_bias `,` $k_weight `,` $k_bias `,`
    $v_weight `,` $v_bias `,` $out_weight `,` $out_bias `)`
    `conv` `(` $conv_in_weight `,` $conv_in_bias `,` $conv_weight `,`
    $conv_out_weight `,` $conv_out_bias `)`
    (`kernel_bias` `(` $kernel_bias^ `)`)?
    (`mask` `(` $key_padding_mask^ `)`)?
    (`conv_mask` `(` $conv_mask^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// The flattened-sequence MLP that replaces attention
//===----------------------------------------------------------------------===//

def Tfx_FlatMlpOp : Tfx_Op<"flat_mlp", [Pure]> {
  let summary = "shallow MLP over a whole zero-padded, flattened sequence";
  let description = [{
    The MLP of "Rethinking Attention" (AAAI 2024) that replaces an attention
    subgraph. `input` is `[batch, N, d_in]` (`N` positions; `2 L` when an
    encoder output and a decoder query are concatenated for cross-attention).
    Each position is multiplied by `input_mask` (`[batch, N]`), the sequence is
    flattened row-major `[position][feature]` into `N * d_in` values, and

    ```
    LayerNorm(N*d_in) -> Linear(N*d_in, hidden) -> LeakyReLU(negative_slope)
      -> LayerNorm(hidden) -> Linear(hidden, out)
    ```

    is applied; the first LayerNorm covers the padded zeros too.

    Whole-sequence form (default): `fc2_weight` is `[L_out * d_out, hidden]`,
    the output is reshaped to `[batch, L_out, d_out]` with `L_out` the length
    of `output_mask` (`[batch, L_out]`), and masked by it.

    `per_position` form (decoder self-attention): the same MLP is evaluated
    once per target position `i` on the input masked by
    `input_mask & (j <= i)`; `fc2_weight` is `[d_out, hidden]` and produces
    position `i` of a `[batch, N, d_out]` result, which is then masked by
    `output_mask` (`[batch, N]`).

    Example (ALR, encoder self-attention, size M):

    ```mlir
    %y = tfx.flat_mlp %x, %keep, %keep weights(%g1, %b1, %w1, %c1, %g2, %b2, %w2, %c2)
        : (tensor<?x50x128xf32>, tensor<?x50xi1>, tensor<?x50xi1>, tensor<6400xf32>,
           tensor<6400xf32>, tensor<800x6400xf32>, tensor<800xf32>, tensor<800xf32>,
           tensor<800xf32>, tensor<6400x800xf32>, tensor<6400xf32>)
        -> tensor<?x50x128xf32>
    ```
  }];
  let arguments = (ins Tfx_F32Tensor:$input, Tfx_MaskTensor:$input_mask,
                       Tfx_MaskTensor:$output_mask,
                       Tfx_F32Tensor:$in_norm_weight, Tfx_F32Tensor:$in_norm_bias,
                       Tfx_F32Tensor:$fc1_weight, Tfx_F32Tensor:$fc1_bias,
                       Tfx_F32Tensor:$hidden_norm_weight,
                       Tfx_F32Tensor:$hidden_norm_bias,
                       Tfx_F32Tensor:$fc2_weight, Tfx_F32Tensor:$fc2_bias,
                       UnitAttr:$per_position,
                       DefaultValuedAttr<F32Attr, "0.01">:$negative_slope,
                       DefaultValuedAttr<F32Attr, "1.0e-5">:$epsilon);
  let results = (outs Tfx_F32Tensor:$result);
  let assemblyFormat = [{
    $input `,` $input_mask `,` $output_mask `weights` `(` $in_norm_weight `,`
    $in_norm_bias `,` $fc1_weight `,` $fc1_bias `,` $hidden_norm_weight `,`
    $hidden_norm_bias `,` $fc2_weight `,` $fc2_bias `)` attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

#endif // TFX_ATTENTION_OPS_TD
