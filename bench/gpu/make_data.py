#!/usr/bin/python3
"""Weights, inputs and the manifest of the GPU benchmark (bench/gpu/prepare.sh).

    /usr/bin/python3 bench/gpu/make_data.py OUTDIR --cuda-target T --cpu-target T
        [--tfx-translate PATH]

Writes into OUTDIR:

* weights/MODEL.safetensors: test/golden/make_golden.py's random weights of
  examples/models/MODEL.mlir (load_model, seed 48; checked there against the
  IR's tfx.param names and shapes), those of the emitted functions only.
  PyTorch loads the same file.
* inputs/ROW.bBATCH.safetensors: padded token ids as make_golden draws them
  (row 0 full length, the others 2..49 tokens); decode also gets `memory`,
  the PyTorch encoder's output for its source ids, and target ids.
* weights/gemm.safetensors: the GEMM micro-table's weights (gemmbench.py;
  its inputs are written by run.sh on the GPU machine);
* manifest.json: the rows (gpubench.rows, gemmbench.rows), FLOPs, model
  configs, the variants, the targets and where everything came from.
"""
import argparse
import datetime
import json
import os
import sys

sys.dont_write_bytecode = True
import gpubench as gb  # noqa: E402  (puts bench/ and test/golden on sys.path)
import gemmbench  # noqa: E402
from tfxbench import tools  # noqa: E402
import make_golden as mg  # noqa: E402
import safetensors_io  # noqa: E402


def used_params(model):
    """The tfx.param names of the functions that the model's libraries emit."""
    with open(os.path.join(gb.REPO, "examples", "models", model + ".mlir")) as f:
        text = f.read()
    names = set()
    for chunk in text.split("func.func @")[1:]:
        function = chunk.split("(", 1)[0]
        if any(lib["model"] == model and function in lib["functions"]
               for lib in gb.LIBRARIES.values()):
            names |= set(mg.parse_params(chunk))
    return names


def make_inputs(row, cfg, net):
    rng = mg.rng_for(gb.SEED, "gpubench", row["key"])
    batch, vocab = row["batch"], cfg["vocab_size"]
    src = mg.padded_ids(rng, batch, gb.LENGTH, vocab, last=mg.EOS)
    if row["function"] == "encode":
        return {"src_ids": src}
    tgt = mg.padded_ids(rng, batch, gb.LENGTH, vocab, first=mg.BOS)
    memory = mg.run(net.encoder, mg.t(src))
    return {"memory": memory, "src_ids": src, "tgt_ids": tgt}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--cuda-target", required=True)
    ap.add_argument("--cpu-target", required=True)
    ap.add_argument("--tfx-translate", help="recorded in the manifest")
    args = ap.parse_args()

    for sub in ("weights", "inputs"):
        os.makedirs(os.path.join(args.outdir, sub), exist_ok=True)
    configs, nets = {}, {}
    for lib in gb.LIBRARIES.values():
        model = lib["model"]
        if model in nets:
            continue
        cfg, net, weights = mg.load_model(model, gb.SEED)
        configs[model], nets[model] = cfg, net
        # Only what the libraries read (the Lite decoder's weights stay out).
        used = used_params(model)
        safetensors_io.save(gb.weights_file(args.outdir, model),
                            {k: v for k, v in weights.items() if k in used})
        print(f"make_data: weights/{model}.safetensors ({len(used)} tensors)",
              file=sys.stderr)

    safetensors_io.save(gemmbench.weights_file(args.outdir), gemmbench.weights())
    print(f"make_data: weights/{gemmbench.LIBRARY}.safetensors "
          f"({len(gemmbench.GEMM_SHAPES)} linear layers)", file=sys.stderr)

    rows = gb.rows()
    for row in rows:
        cfg = configs[row["model"]]
        safetensors_io.save(gb.inputs_file(args.outdir, row),
                            make_inputs(row, cfg, nets[row["model"]]))
        row["flops_per_sequence"] = gb.flops_per_sequence(cfg, row["function"])
        row["flops"] = row["flops_per_sequence"] * row["batch"]

    tool = args.tfx_translate
    manifest = {
        "made": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "git": tools.git_revision(),
        "tfx_translate": ({"path": tool, "sha256": tools.sha256(tool), "built": tools.built(tool)}
                          if tool else None),
        "cuda_target": args.cuda_target,
        "cpu_target": args.cpu_target,
        "seed": gb.SEED,
        "length": gb.LENGTH,
        "libraries": gb.LIBRARIES,
        "variants": gb.VARIANTS,
        "configs": configs,
        "rows": rows,
        "gemm": {"library": gemmbench.LIBRARY, "functions": gemmbench.functions(),
                 "shapes": gemmbench.GEMM_SHAPES},
        "gemm_rows": gemmbench.rows(),
    }
    with open(os.path.join(args.outdir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(f"make_data: {len(rows)} model rows, {len(manifest['gemm_rows'])} GEMM rows, "
          "manifest.json", file=sys.stderr)


if __name__ == "__main__":
    main()
