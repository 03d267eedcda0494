#!/usr/bin/python3
"""Exports a trained teacher (train.py's OUT directory) to ONNX for tfx.

Writes into --out (default: the model directory)

    encoder.onnx   src_ids I64 [batch, 50] -> memory F32 [batch, 50, 128]
    decoder.onnx   memory, src_ids, tgt_ids I64 [batch, 50] -> logits F32 [batch, 50, V]

with the TorchScript exporter (opset 17, no constant folding, the batch
dimension of every input and output dynamic), checks both with
onnx.checker and prints their op-type counts. Run it with Debian's Python
(/usr/bin/python3: torch 1.13, onnx 1.12); tfx's importer is written against
what that exporter produces.

With --inputs IN (src_ids, tgt_ids as make_inputs.py writes them) and
--reference FILE it also runs the PyTorch model on IN and saves `memory` and
`logits` (teacher forcing) there, and with --greedy `tokens` (greedy
decoding as tfx-run --greedy does it). Mind the size: logits are
N * 50 * V floats (about 1.6 MB per sentence).

Usage: /usr/bin/python3 examples/real/export_onnx.py MODEL_DIR [--out DIR]
           [--inputs IN.safetensors --reference REF.safetensors [--greedy]]
"""

import argparse
import collections
import os
import sys

import onnx
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "pytorch"))
import data  # noqa: E402
import model as teacher  # noqa: E402
import tfx_export  # noqa: E402
from tfx_export import DecoderEntry, EncoderEntry  # noqa: E402

OPSET = 17
CHUNK = 100  # sentences per forward pass for --reference


def load_model(model_dir):
    cfg = teacher.Config.load(os.path.join(model_dir, "config.json"))
    net = teacher.Transformer(cfg)
    weights = data.safetensors_io.load(os.path.join(model_dir, "teacher.safetensors"))
    net.load_state_dict({k: torch.from_numpy(v) for k, v in weights.items()})
    return net.eval()


def example_inputs(cfg):
    """Two padded sentences: only the shapes and dtypes matter for tracing."""
    src = torch.zeros(2, cfg.max_len, dtype=torch.int64)
    tgt = torch.zeros(2, cfg.max_len, dtype=torch.int64)
    src[0, :6] = torch.tensor([4, 5, 6, 7, 8, data.EOS])
    src[1, :3] = torch.tensor([9, 10, data.EOS])
    tgt[0, :5] = torch.tensor([data.BOS, 4, 5, 6, 7])
    tgt[1, :2] = torch.tensor([data.BOS, 8])
    return src, tgt


def export(module, args, path, input_names, output_names, opset=OPSET):
    """tfx_export.export without constant folding (every weight keeps its
    module name), then ONNX's checker and the op counts."""
    tfx_export.export(module, args, path, input_names, output_names, opset=opset,
                      constant_folding=False)
    graph = onnx.load(path)
    onnx.checker.check_model(graph)
    counts = collections.Counter(node.op_type for node in graph.graph.node)
    print(f"{path}: {len(graph.graph.node)} nodes, {len(graph.graph.initializer)} initializers")
    for op, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {op:12s} {n}")


@torch.no_grad()
def reference(net, inputs_path, out_path, greedy):
    inputs = data.safetensors_io.load(inputs_path)
    src, tgt = torch.from_numpy(inputs["src_ids"]), torch.from_numpy(inputs["tgt_ids"])
    results = collections.defaultdict(list)
    for i in range(0, len(src), CHUNK):
        s, t = src[i:i + CHUNK], tgt[i:i + CHUNK]
        memory = net.encoder(s)
        results["memory"].append(memory)
        results["logits"].append(net.decoder(memory, s, t))
        if greedy:
            results["tokens"].append(net.greedy(s))
    data.safetensors_io.save(out_path, {k: torch.cat(v).numpy() for k, v in results.items()})
    print(f"wrote {out_path}: {', '.join(results)} for {len(src)} sentences")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model_dir", help="directory with teacher.safetensors and config.json")
    ap.add_argument("--out", help="where to write the .onnx files (default: model_dir)")
    ap.add_argument("--inputs", help="src_ids/tgt_ids safetensors to run the model on")
    ap.add_argument("--reference", help="write memory/logits of --inputs here")
    ap.add_argument("--greedy", action="store_true", help="with --reference: also tokens")
    ap.add_argument("--opset", type=int, default=OPSET,
                    help="ONNX opset (17 writes LayerNormalization; below 17, LayerNorm is "
                    "ReduceMean/Sub/Pow/Sqrt/Div, which tfx-import raises)")
    args = ap.parse_args()
    if bool(args.inputs) != bool(args.reference):
        ap.error("--inputs and --reference go together")

    net = load_model(args.model_dir)
    out = args.out or args.model_dir
    os.makedirs(out, exist_ok=True)
    src, tgt = example_inputs(net.cfg)
    with torch.no_grad():
        memory = net.encoder(src)
    export(EncoderEntry(net).eval(), (src,), os.path.join(out, "encoder.onnx"), ["src_ids"],
           ["memory"], args.opset)
    export(DecoderEntry(net).eval(), (memory, src, tgt), os.path.join(out, "decoder.onnx"),
           ["memory", "src_ids", "tgt_ids"], ["logits"], args.opset)
    if args.reference:
        reference(net, args.inputs, args.reference, args.greedy)


if __name__ == "__main__":
    main()
