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

#endif // TFX_TRANSFORMS_PASSES_TD
