#!/usr/bin/env python3
"""Mutation fuzzing of tfx IR through tfx-opt: no crash on any input.

    ir_mutate.py --tfx-opt BIN --runs N [--seed S] [--out DIR] SEED.mlir ...

Each run takes one seed file, applies 1-3 structure-aware mutations (change a
number in a shape or attribute, including to 0, -1, huge and overflowing
values; drop, duplicate or swap a line; swap an SSA name, a type, an op name
or an attribute name for another one of the file; truncate), and runs
tfx-opt on it with one of several pipelines (parse + verify, canonicalize +
CSE, decompose-attention, replace-attention, fuse-lsra). tfx-opt must exit 0
or 1: a signal, another exit code, or a timeout is a crash. Crashing inputs
are written to --out with the command. Exit status: 0 when nothing crashed.

Deterministic for a given seed. Not libFuzzer (no coverage feedback, no
sanitizers): a cheap, always-on net for crash classes in the parser,
verifiers and passes (docs/robustness.md).
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

PIPELINES = [
    [],
    ["--canonicalize", "--cse"],
    ["--decompose-attention", "--canonicalize"],
    ["--replace-attention=alr"],
    ["--replace-attention=mode=elr sites=enc-sa"],
    ["--fuse-lsra"],
]
NUMBERS = ["0", "-1", "1", "2", "3", "7", "64", "4294967296", "9223372036854775807",
           "-9223372036854775808", "18446744073709551616", "2147483648", "1e309", "nan"]


def mutate(text, rng):
    lines = text.split("\n")
    kind = rng.randrange(8)
    if kind == 0:  # a number
        spans = [m.span() for m in re.finditer(r"(?<![%\w])-?\d+(?:\.\d+)?", text)]
        if spans:
            a, b = rng.choice(spans)
            return text[:a] + rng.choice(NUMBERS) + text[b:]
    if kind == 1 and len(lines) > 2:  # drop a line
        del lines[rng.randrange(len(lines))]
        return "\n".join(lines)
    if kind == 2 and len(lines) > 2:  # duplicate a line
        i = rng.randrange(len(lines))
        lines.insert(rng.randrange(len(lines)), lines[i])
        return "\n".join(lines)
    if kind == 3 and len(lines) > 2:  # swap two lines
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines)
    for pattern in [r"%[\w#]+", r"tensor<[^<>]*>", r"\btfx\.\w+", r"\b\w+ = ", r"\[[\d, ]*\]"][
            kind % 5:]:
        found = [m for m in re.finditer(pattern, text)]
        if len(found) >= 2:
            m, other = rng.choice(found), rng.choice(found)
            return text[:m.start()] + other.group(0) + text[m.end():]
    return text[: rng.randrange(len(text) + 1)]  # truncate


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tfx-opt", required=True)
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=None, help="directory for crashing inputs")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("seeds", nargs="+")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    texts = [(p, open(p).read()) for p in args.seeds]
    crashes, exits = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "input.mlir")
        for run in range(args.runs):
            name, text = rng.choice(texts)
            for _ in range(rng.randint(1, 3)):
                text = mutate(text, rng)
            pipeline = rng.choice(PIPELINES)
            with open(path, "w") as f:
                f.write(text)
            cmd = [args.tfx_opt, path, "-o", os.devnull] + pipeline
            try:
                rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    timeout=args.timeout).returncode
            except subprocess.TimeoutExpired:
                rc = "timeout"
            exits[rc] = exits.get(rc, 0) + 1
            if rc not in (0, 1):
                crashes.append((run, name, pipeline, rc))
                if args.out:
                    os.makedirs(args.out, exist_ok=True)
                    base = os.path.join(args.out, f"crash-{run}")
                    with open(base + ".mlir", "w") as f:
                        f.write(text)
                    with open(base + ".cmd", "w") as f:
                        f.write(" ".join(["tfx-opt", base + ".mlir"] + pipeline) + f"\n# exit {rc}\n")
    print(f"{args.runs} runs, exit codes {dict(sorted(exits.items(), key=str))}, "
          f"{len(crashes)} crashes")
    for run, name, pipeline, rc in crashes[:20]:
        print(f"  run {run}: {os.path.basename(name)} {' '.join(pipeline)} -> {rc}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
