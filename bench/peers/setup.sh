#!/bin/sh
# Creates the dev-only virtual environment of the peer benchmark
# (bench/peers_bench.py): ONNX Runtime, IREE (compiler + runtime) and onnx
# from PyPI, on top of Debian's python3 with its torch and numpy
# (--system-site-packages). Neither the build nor the tests use it.
#
#     sh bench/peers/setup.sh            # creates bench/.venv-peers (git-ignored)
#     sh bench/peers/setup.sh DIR        # elsewhere; then peers_bench.py --venv DIR
#
# Why Debian's /usr/bin/python3 (3.11): the benchmark exports the blocks with
# Debian's torch (python3-torch, importable only from that interpreter), and
# PyPI has cp311 wheels of all of them (the pyenv interpreters have no torch).
# The versions are pinned in requirements.txt; numpy is pinned to Debian's
# (a constraint): a numpy 2 in the venv would shadow Debian's and break
# Debian's torch, which is built against numpy 1.x.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
venv=${1:-$here/../.venv-peers}
py=/usr/bin/python3

"$py" -c 'import torch, numpy' || {
    echo "setup.sh: Debian's torch and numpy are needed: apt-get install python3-torch python3-numpy" >&2
    exit 1
}
sysnumpy=$("$py" -c 'import numpy; print(numpy.__version__)')
if [ ! -x "$venv/bin/python" ]; then
    "$py" -m venv --system-site-packages "$venv"
fi
cons=$(mktemp)
trap 'rm -f "$cons"' EXIT
# numpy stays Debian's (pip must not install another one into the venv).
echo "numpy==$sysnumpy" > "$cons"
"$venv/bin/python" -m pip install --disable-pip-version-check -q -c "$cons" \
    -r "$here/requirements.txt"
"$venv/bin/python" - <<'PY'
import numpy, torch, onnx, onnxruntime, iree.compiler, iree.runtime
import importlib.metadata as md
assert numpy.__file__.startswith("/usr/lib/"), f"numpy from the venv: {numpy.__file__}"
print("peers venv ready:", ", ".join(f"{n} {md.version(n)}" for n in
      ("onnxruntime", "onnx", "iree-base-compiler", "iree-base-runtime")),
      f"; torch {torch.__version__}, numpy {numpy.__version__} (Debian)")
PY
