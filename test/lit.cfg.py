# lit configuration for tfx: tests by area (Dialect/, Transforms/, Examples/,
# Tools/, Docs/).
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "TFX"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.tfx_obj_root, "test")
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "unit",
                   "Inputs"]

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.tfx_tools_dir, append_path=True)

tool_dirs = [config.tfx_tools_dir, config.llvm_tools_dir]
llvm_config.add_tool_substitutions(
    ["tfx-opt", "tfx-modelgen", "tfx-run", "tfx-distill", "tfx-example-run-model", "mlir-tblgen",
     "tfx-lsra-opencl-check", "tfx-translate", "tfx-import",
     "FileCheck", "not", "count"],
    tool_dirs)

config.substitutions.append(("%tfx_src", config.tfx_src_root))
config.substitutions.append(("%tfx_obj", config.tfx_obj_root))
config.substitutions.append(("%mlir_include", config.mlir_include_dir))
config.substitutions.append(("%python", config.python_executable))

# test/fuzz builds the safetensors fuzzer only where clang++-14 exists.
if os.path.exists(os.path.join(config.tfx_tools_dir, "tfx-safetensors-fuzzer")):
    config.available_features.add("libfuzzer")

# Kernels compiled by tfx-run are cached on disk; the tests share one cache in
# the build tree (never the user's ~/.cache).
config.environment["TFX_CACHE_DIR"] = os.path.join(config.tfx_obj_root, "kernel-cache")
# scripts/sanitize.sh: test harnesses that link the instrumented runtime
# need the sanitizer flags too.
if "TFX_HARNESS_FLAGS" in os.environ:
    config.environment["TFX_HARNESS_FLAGS"] = os.environ["TFX_HARNESS_FLAGS"]

# Numerics/ tests compare tfx-run against the PyTorch oracle in test/golden/,
# which needs Debian's python3 with torch; they are UNSUPPORTED until both
# that and tfx-run are available.
import shutil
import subprocess
try:
    if subprocess.run(["/usr/bin/python3", "-c", "import torch"],
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                      timeout=120).returncode == 0:
        config.available_features.add("torch")
except (OSError, subprocess.TimeoutExpired):
    pass
# test/Examples/bleu.test cross-checks BLEU against sacrebleu where a
# developer installed it (pip install sacrebleu); CI has only the hand-counted
# oracle.
try:
    if subprocess.run(["python3", "-c", "import sacrebleu"], stdout=subprocess.DEVNULL,
                      stderr=subprocess.DEVNULL, timeout=60).returncode == 0:
        config.available_features.add("sacrebleu")
except (OSError, subprocess.TimeoutExpired):
    pass
# test/Import runs ONNX's node tests from Debian's libonnx-testdata.
if os.path.isdir("/usr/share/libonnx-testdata/data/node"):
    config.available_features.add("onnx-testdata")
if os.path.exists(os.path.join(config.tfx_tools_dir, "tfx-run")):
    config.available_features.add("tfx-run")

# test/gpu runs GPU schedules through Halide's OpenCL target on whatever
# OpenCL platform the ICD loader finds (PoCL from pocl-opencl-icd here).
import glob
if glob.glob("/etc/OpenCL/vendors/*.icd") and os.path.exists(
        os.path.join(config.tfx_tools_dir, "tfx-lsra-opencl-check")):
    config.available_features.add("opencl")

# tfx-translate --emit=cuda: PTX is validated with ptxas where the CUDA
# toolkit is installed (no GPU needed).
for ptxas in [shutil.which("ptxas"), "/usr/local/cuda/bin/ptxas"]:
    if ptxas and os.path.exists(ptxas):
        config.available_features.add("ptxas")
        config.substitutions.append(("%ptxas", ptxas))
        break
