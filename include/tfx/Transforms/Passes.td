//===- Passes.td - tfx passes ---------------------------------*- tablegen -*-===//

#ifndef TFX_TRANSFORMS_PASSES_TD
#define TFX_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def DecomposeAttention : Pass<"decompose-attention", "mlir::ModuleOp"> {
  let summary = "expand tfx.attention into primitive ops, as an ONNX-style export writes it";
  let description = [{
    Rewrites every `tfx.attention` into linear projections, head split
    (reshape + transpose), `Q K^T` (matmul), scaling by `1/sqrt(d_head)`,
    masking with `-inf` (key padding, then causal), softmax, `P V`, head merge
    and the output projection. The result is the graph that
    `torch.onnx.export` produces for `nn.MultiheadAttention`, and it is what
    `replace-attention` must recognise in imported models.

    Input:

    ```mlir
    %y = tfx.attention %x, %x weights(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo)
        mask(%keep) {num_heads = 2 : i64} : (...) -> tensor<?x4x8xf32>
    ```

    Output (abridged):

    ```mlir
    %q  = tfx.linear %x, %wq, %bq : ... -> tensor<?x4x8xf32>
    %qh = tfx.reshape %q : tensor<?x4x8xf32> -> tensor<?x4x2x4xf32>
    %qt = tfx.transpose %qh [0, 2, 1, 3] : ... -> tensor<?x2x4x4xf32>
    ...
    %s  = tfx.matmul %qt, %kt : ... -> tensor<?x2x4x4xf32>
    %ss = tfx.mul %s, %scale : ...
    %sm = tfx.apply_mask %ss, %keep4 {fill = 0xFF800000 : f32} : ...
    %p  = tfx.softmax %sm : tensor<?x2x4x4xf32>
    %o  = tfx.matmul %p, %vt : ...
    ...
    %y  = tfx.linear %merged, %wo, %bo : ...
    ```
  }];
  let dependentDialects = [];
}

def ReplaceAttention : Pass<"replace-attention", "mlir::ModuleOp"> {
  let summary = "replace attention with shallow MLPs over the flattened sequence (ALR, ALRR, ASLR, ELR)";
  let description = [{
    Implements the four replacement modes of "Rethinking Attention" (AAAI 2024,
    REFERENCE.md section 2). Each selected attention site becomes a
    `tfx.flat_mlp` (LayerNorm -> Linear -> LeakyReLU -> LayerNorm -> Linear over
    the whole zero-padded sentence, padded positions masked in and out):

    | mode | replaced | MLP input | MLP output | kept |
    |---|---|---|---|---|
    | `alr` | Q/K/V projections, scores, softmax, `PV` | LN(x) | heads before W_O | W_O, LN, residual |
    | `alrr` | the whole sublayer `x + drop(MHA(LN(x)))` | x | the sublayer result | FFN sublayer |
    | `aslr` | like `alr`, one MLP per head | LN(x) | that head's output | W_O etc. |
    | `elr` | the whole encoder layer | x | the layer output | final LayerNorm |

    Sites: `enc-sa` (encoder self-attention, all modes), `dec-sa` (causal
    decoder self-attention, `alr` only: one MLP evaluated per target position
    on the causally masked input, lowered as one batched GEMM), `dec-ca`
    (cross-attention, `alr` only: input is the encoder output and the decoder
    query concatenated along positions).

    Both forms of attention are matched: the `tfx.attention` op and the
    decomposed graph an ONNX-style export writes (see `decompose-attention`;
    run `--canonicalize` first so transposes and reshapes are in canonical
    form). Every attention that is not replaced although its site was selected
    gets a remark saying why.

    Sizes: hidden = inputs / w with w = 256, 128, 8, 2 for `xs`, `s`, `m`, `l`
    (ASLR: 32, 16, 8, 4), or an explicit hidden width. New parameters are
    named `<site>.<mode>.{in_norm,fc1,hidden_norm,fc2}.{weight,bias}` (ASLR:
    `<site>.aslr.head<i>.…`; ELR: `<layer>.elr.…`), e.g.
    `encoder.layers.0.self_attn.alr.fc1.weight`, for distillation to fill.

    `tfx-opt --replace-attention=alr` is short for
    `--replace-attention="mode=alr"`.

    Input (pre-LN encoder self-attention):

    ```mlir
    %h = tfx.layer_norm %x, %g, %b : ...
    %a = tfx.attention %h, %h weights(%wq, %bq, %wk, %bk, %wv, %bv, %wo, %bo)
        mask(%keep) {num_heads = 8 : i64} : ...
    %y = tfx.add %x, %a : ...
    ```

    Output with `mode=alr size=m`:

    ```mlir
    %h = tfx.layer_norm %x, %g, %b : ...
    %heads = tfx.flat_mlp %h, %keep, %keep weights(%n1w, %n1b, %w1, %b1, %n2w, %n2b, %w2, %b2)
        : (..., tensor<800x6400xf32>, ...) -> tensor<?x50x128xf32>
    %a = tfx.linear %heads, %wo, %bo : ...
    %y = tfx.add %x, %a : ...
    ```
  }];
  let options = [
    Option<"mode", "mode", "std::string", /*default=*/"\"alr\"",
           "Replacement mode: alr, alrr, aslr or elr">,
    ListOption<"sites", "sites", "std::string",
               "Attention sites: enc-sa, dec-sa, dec-ca (default: enc-sa)">,
    ListOption<"layers", "layers", "int64_t",
               "Layer indices to replace, per site kind (default: all)">,
    Option<"size", "size", "std::string", /*default=*/"\"m\"",
           "MLP size: xs, s, m, l, or a hidden width">,
    Option<"weights", "weights", "std::string", /*default=*/"\"\"",
           "Safetensors file of distilled MLP weights: every new parameter must "
           "be in it with the right shape">,
  ];
}

def FuseLsra : Pass<"fuse-lsra", "mlir::ModuleOp"> {
  let summary = "fuse each Lite Transformer LSRA block into one tfx.lsra op";
  let description = [{
    Recognises the Long-Short Range Attention block of Lite Transformer
    (REFERENCE.md section 3) and rewrites it into one `tfx.lsra` op, which
    lowers to a single Halide pipeline:

    ```
    a = slice(x, half A)           c = slice(x, half C)
    A = tfx.attention a, a ...     g = glu(linear(c, W_in, b_in))
                                   g = apply_mask(g, m)        (optional)
                                   k = lightweight_conv(g) | dynamic_conv(g)
                                   C = linear(k, W_out, b_out)
    y = concat(A, C)  or  concat(C, A)       (along channels)
    ```

    The two slices must be the two halves of the same value's channels (in
    either order) and every intermediate value must have no other user.
    The pass first applies the canonicalisation patterns of the tfx dialect
    to each function, so the same block written with negative axes, a slice
    of a slice, nested concats or a concat of neighbouring slices is still
    found.

    Every `tfx.lightweight_conv` / `tfx.dynamic_conv` that is not fused gets a
    remark saying why (run with `-verify-diagnostics` or look at stderr).

    Input (encoder block, abridged):

    ```mlir
    %a  = tfx.slice %x {axis = 2 : i64, size = 80 : i64, start = 0 : i64} : ...
    %A  = tfx.attention %a, %a weights(...) mask(%keep) {num_heads = 4 : i64} : ...
    %c  = tfx.slice %x {axis = 2 : i64, size = 80 : i64, start = 80 : i64} : ...
    %p  = tfx.linear %c, %win, %bin : ... -> tensor<?x50x160xf32>
    %g  = tfx.glu %p : tensor<?x50x160xf32> -> tensor<?x50x80xf32>
    %gm = tfx.apply_mask %g, %keep3 : ...
    %k  = tfx.lightweight_conv %gm, %wc {kernel_size = 7 : i64, num_heads = 4 : i64,
              padding = "centered"} : ...
    %C  = tfx.linear %k, %wout, %bout : ...
    %y  = tfx.concat %A, %C {axis = 2 : i64} : ... -> tensor<?x50x160xf32>
    ```

    Output:

    ```mlir
    %y = tfx.lsra %x attention(...) conv(%win, %bin, %wc, %wout, %bout)
        mask(%keep) conv_mask(%keep3) {conv_heads = 4 : i64,
        conv_kind = "lightweight", kernel_size = 7 : i64, num_heads = 4 : i64,
        padding = "centered"} : ...
    ```
  }];
  let dependentDialects = [];
}

#endif // TFX_TRANSFORMS_PASSES_TD
