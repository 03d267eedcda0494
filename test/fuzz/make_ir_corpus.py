#!/usr/bin/env python3
"""Writes tfx-ir-fuzzer's seed corpus and dictionary from the tree.

    make_ir_corpus.py --td include/tfx/Dialect/Tfx/TfxOps.td --dict OUT.dict --out DIR SEED ...

A SEED is a .mlir file or a directory whose .mlir files are all taken.

Each seed file is split at `// -----` (lit's --split-input-file marker) and
its comment lines dropped, so every corpus entry is one module. The
dictionary lists every op name and attribute name found in the ODS file,
plus the type and syntax tokens tfx IR uses: it cannot go stale when an op
is added.
"""

import argparse
import hashlib
import os
import re

SYNTAX = [
    "tensor<", "x", "?x", "f32", "i64", "i32", "i1", "f16", "->", ":", "=",
    "func.func", "return", "builtin.module", "module", "attributes",
    "tfx.model", "tfx.kind", "\"encoder\"", "\"decoder\"", "%arg0", "%0",
    "dense<", "array<i64:", "true", "false", "0x7FFFFFFF", "9223372036854775807",
    "-1", "0", "1", "4294967296", "{", "}", "(", ")", "[", "]", "<", ">",
]


def ods_tokens(td_text):
    ops = sorted(set(re.findall(r'Tfx_Op<"([a-z_]+)"', td_text)))
    attrs = sorted(set(re.findall(r'Attr[A-Za-z0-9_<>, "]*:\$([A-Za-z_]+)', td_text)))
    return ["tfx." + o for o in ops] + attrs


def read_td(path):
    """The text of an ODS file and of the tfx ODS files it includes (they
    sit in the same directory: include "tfx/Dialect/Tfx/NAME.td")."""
    with open(path) as f:
        text = f.read()
    here = os.path.dirname(path)
    for name in re.findall(r'^include "tfx/Dialect/Tfx/([A-Za-z]+\.td)"', text, re.M):
        text += read_td(os.path.join(here, name))
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--td", required=True)
    ap.add_argument("--dict", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("seeds", nargs="+")
    args = ap.parse_args()
    tokens = ods_tokens(read_td(args.td)) + SYNTAX
    with open(args.dict, "w") as f:
        for t in dict.fromkeys(tokens):
            f.write('"%s"\n' % t.replace("\\", "\\\\").replace('"', '\\"'))
    os.makedirs(args.out, exist_ok=True)
    count = 0
    paths = []
    for seed in args.seeds:
        if os.path.isdir(seed):
            paths += sorted(os.path.join(seed, n) for n in os.listdir(seed) if n.endswith(".mlir"))
        else:
            paths.append(seed)
    for path in paths:
        with open(path) as f:
            text = f.read()
        for part in re.split(r"^// -----.*$", text, flags=re.M):
            lines = [l for l in part.splitlines() if not l.lstrip().startswith("//")]
            body = "\n".join(lines).strip() + "\n"
            if len(body) < 8:
                continue
            name = hashlib.sha1(body.encode()).hexdigest()
            with open(os.path.join(args.out, name), "w") as f:
                f.write(body)
            count += 1
    print(f"{count} seeds, {len(tokens)} dictionary tokens")


if __name__ == "__main__":
    main()
