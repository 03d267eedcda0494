#!/usr/bin/python3
"""Export a PyTorch module to ONNX and import it into tfx.

    import tfx_export
    tfx_export.export(module, (src_ids,), "encoder.onnx", ["src_ids"], ["memory"])
    tfx_export.tfx_import([("encoder.onnx", "encode"), ("decoder.onnx", "decode")],
                          "model.mlir", "weights.safetensors")

`export` calls torch.onnx.export as a user would (eval mode, constant
folding on, opset 17) with the batch axis (dimension 0 of every input and
output) dynamic; every other dimension is fixed by the example inputs, as
tfx requires (pad sentences to the maximum length). `tfx_import` runs
`tfx-import` on one or more exported graphs, one function each.

Works with Debian's python3-torch (1.13) and python3-onnx.
"""

import os
import shutil
import subprocess
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "test", "golden"))
import safetensors_io  # noqa: E402

OPSET = 17


def export(module, example_inputs, path, input_names, output_names, opset=OPSET,
           constant_folding=True):
    """torch.onnx.export with a dynamic batch axis; returns `path`."""
    module = module.eval()
    dynamic = {name: {0: "batch"} for name in list(input_names) + list(output_names)}
    # Traced with grad mode on: under no_grad, nn.TransformerEncoder (torch
    # 1.13) takes its nested-tensor fast path, which has no ONNX export.
    with torch.enable_grad():
        torch.onnx.export(module, tuple(example_inputs), path, input_names=list(input_names),
                          output_names=list(output_names), opset_version=opset,
                          do_constant_folding=constant_folding, dynamic_axes=dynamic)
    return path


class EncoderEntry(torch.nn.Module):
    """`net.encoder` (src_ids -> memory) under the name `encoder`, so that the
    ONNX initializers keep the names of net's state dict
    (encoder.layers.0.self_attn.q_proj.weight)."""

    def __init__(self, net):
        super().__init__()
        self.encoder = net.encoder

    def forward(self, src_ids):
        return self.encoder(src_ids)


class DecoderEntry(torch.nn.Module):
    """`net.decoder` ((memory, src_ids, tgt_ids) -> logits) under the name
    `decoder` (see EncoderEntry)."""

    def __init__(self, net):
        super().__init__()
        self.decoder = net.decoder

    def forward(self, memory, src_ids, tgt_ids):
        return self.decoder(memory, src_ids, tgt_ids)


def find_tfx_import():
    """tfx-import from $TFX_IMPORT, the build tree, or PATH."""
    if os.environ.get("TFX_IMPORT"):
        return os.environ["TFX_IMPORT"]
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "..", "build", "bin", "tfx-import")
    if os.path.exists(built):
        return built
    found = shutil.which("tfx-import")
    if not found:
        raise FileNotFoundError("tfx-import not found: build tfx or set TFX_IMPORT")
    return found


def tfx_import(graphs, mlir_path, weights_path, model_name=None, tool=None):
    """Imports [(onnx_path, function_name), ...] into one tfx module."""
    # tfx-import takes the files first, then one --function per file.
    cmd = [tool or find_tfx_import()] + [path for path, _ in graphs]
    for _, function in graphs:
        cmd += ["--function", function]
    if model_name:
        cmd += ["--model-name", model_name]
    cmd += ["-o", mlir_path, "--weights-out", weights_path]
    subprocess.run(cmd, check=True)
    return mlir_path, weights_path


def export_translation(encode, decode, src, tgt, memory, logits, out_dir, model_name,
                       opset=OPSET, do_import=True):
    """An encoder (src_ids -> memory) and decoder (memory, src_ids, tgt_ids ->
    logits) pair: exports both, writes the inputs and PyTorch's outputs on
    them (inputs, ref-memory, ref-logits, dec-in .safetensors), and imports
    them into OUT_DIR/model.mlir + weights.safetensors (functions encode and
    decode)."""
    out = lambda name: os.path.join(out_dir, name)  # noqa: E731
    safetensors_io.save(out("inputs.safetensors"), {"src_ids": src.numpy(), "tgt_ids": tgt.numpy()})
    safetensors_io.save(out("ref-memory.safetensors"), {"memory": memory.numpy()})
    safetensors_io.save(out("ref-logits.safetensors"), {"logits": logits.numpy()})
    safetensors_io.save(out("dec-in.safetensors"), {"memory": memory.numpy(),
                                                     "src_ids": src.numpy(),
                                                     "tgt_ids": tgt.numpy()})
    export(encode, (src,), out("encoder.onnx"), ["src_ids"], ["memory"], opset=opset)
    export(decode, (memory, src, tgt), out("decoder.onnx"), ["memory", "src_ids", "tgt_ids"],
           ["logits"], opset=opset)
    if do_import:
        tfx_import([(out("encoder.onnx"), "encode"), (out("decoder.onnx"), "decode")],
                   out("model.mlir"), out("weights.safetensors"), model_name=model_name)
