#!/usr/bin/env bash
# Regenerates the bundled model of examples/embed: teacher-tiny (random
# weights, seed 3) with every attention site (enc-sa, dec-sa, dec-ca) replaced
# by ALR MLPs of width 64, distilled by tfx-distill on 2000 random
# calibration sentences; and the input (2 sentences) as text.
# Usage: examples/embed/make-model.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/build}/bin
out=$root/examples/embed/model
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin/tfx-modelgen" "$root/examples/models/configs/teacher-tiny.json" -o "$tmp/teacher.mlir" \
  --random-weights "$tmp/w.safetensors" --example-inputs "$tmp/cal.safetensors" --batch 2000 --seed 3
"$bin/tfx-distill" "$tmp/teacher.mlir" --weights "$tmp/w.safetensors" --calibration "$tmp/cal.safetensors" \
  --replace "mode=alr sites=enc-sa,dec-sa,dec-ca size=64" --epochs 20 --batch-size 50 --lr 1e-3 \
  --threads 2 --out-weights "$tmp/mlp.safetensors" --out-model "$out/teacher-tiny-alr.mlir" \
  --out-merged-weights "$out/teacher-tiny-alr.safetensors" > "$out/distill-report.txt" 2> /dev/null
"$bin/tfx-modelgen" "$root/examples/models/configs/teacher-tiny.json" -o /dev/null \
  --example-inputs "$tmp/in.safetensors" --batch 2 --seed 11
/usr/bin/python3 -c "
import sys
sys.path.insert(0, '$root/test/golden')
import safetensors_io
t = safetensors_io.load('$tmp/in.safetensors')
with open('$out/input.txt', 'w') as f:
    f.write('# examples/embed input: token ids, one sentence per line (0 = padding)\n')
    for name in ('src_ids', 'tgt_ids'):
        a = t[name]
        f.write(f'{name} {a.shape[0]} {a.shape[1]}\n')
        for row in a:
            f.write(' '.join(str(int(v)) for v in row) + '\n')
"
echo "wrote $out"
