//===- TfxDialect.td - the tfx dialect ---------------------*- tablegen -*-===//
//
// The tfx dialect describes Transformer models at the level a user or an
// importer writes them: parameters by name, embeddings, linear layers,
// attention (fused or decomposed), Lite Transformer convolutions and the
// flattened-sequence MLPs that replace attention.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_DIALECT_TD
#define TFX_DIALECT_TD

include "mlir/IR/OpBase.td"

def Tfx_Dialect : Dialect {
  let name = "tfx";
  let cppNamespace = "::tfx";
  let summary = "Transformer models: attention, LSRA, and attention-replacing MLPs";
  let description = [{
    The `tfx` dialect holds Transformer encoder-decoder models (Vaswani et al.)
    and Lite Transformer models as graphs of tensor operations.

    Conventions shared by every op:

    * Values are ranked tensors of `f32` (activations, parameters), `i1`
      (masks) or `i32`/`i64` (token ids). Shapes are static except the batch
      dimension, which may be dynamic (`?`). Sequences are padded to a fixed
      maximum length.
    * Activations are laid out `[batch, position, feature]`.
    * Parameters are not stored in the IR: `tfx.param` names a tensor of a
      safetensors weights file and gives its shape and type. Every consumer
      binds parameters by name and checks shape and type before running.
    * Masks are `i1` tensors in which **true means keep** (a real token, a
      visible key). `tfx.apply_mask` replaces the elements whose mask is false.
    * Linear layers use PyTorch's weight layout: `weight[out, in]`.
    * A module that holds a model carries the attribute `tfx.model`; the
      dialect then checks that every parameter name is declared with a single
      type across the module (a malformed `tfx.param` is left to its own
      verifier).
    * Every op checks its tensor types first (trait `TensorLimits`): each
      static dimension is at least 1 and each static element count at most
      2^31 - 1, the most a kernel indexes. The ops' own verifiers run after
      it, so their shape arithmetic can neither divide by zero nor overflow.
  }];
  let hasConstantMaterializer = 1;
  let hasOperationAttrVerify = 1;
}

// Every tfx op: static dimensions of its tensors are positive and their
// static element counts fit a kernel's int32 indexing. Trait verifiers run
// before the op's own verifier, so shape arithmetic there cannot divide by
// zero or overflow.
def Tfx_TensorLimits : NativeOpTrait<"TensorLimits"> {
  let cppNamespace = "::tfx";
}

class Tfx_Op<string mnemonic, list<Trait> traits = []>
    : Op<Tfx_Dialect, mnemonic, !listconcat([Tfx_TensorLimits], traits)>;

#endif // TFX_DIALECT_TD
