"""Checks a `tfx-run --stats-json` file against the schema of docs/running.md.

Usage: check_stats_json.py FILE --entry NAME --runs N [--no-cache] [--target T]

Every key, its type and the relations between the numbers (the bench
summary against its own samples, disk hits against the kernel count) are
checked; the first mismatch is printed and the exit code is 1. Standard
library only (the test runs it with lit's python).
"""
import argparse
import json
import sys

TOP = ["tool", "version", "model", "entry", "greedy", "schedule", "threads", "target",
       "gpu_gemm", "cache_dir", "first_run_s", "kernels", "device_load", "functions", "bench"]
KERNELS = ["count", "compile_s", "disk_hits"]
FUNCTION = ["kernel_launches", "buffers_allocated", "buffers_reused", "peak_intermediate_bytes",
            "device"]
DEVICE = ["uploads", "upload_bytes", "downloads", "download_bytes", "implicit_copies",
          "buffers_allocated", "peak_bytes"]
DEVICE_LOAD = ["uploads", "upload_bytes"]
BENCH = ["runs", "samples_ms", "min_ms", "median_ms", "max_ms"]


def fail(message):
    sys.exit(f"check_stats_json.py: {message}")


def expect(condition, message):
    if not condition:
        fail(message)


def is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def keys(obj, wanted, where):
    expect(isinstance(obj, dict), f"{where} is {type(obj).__name__}, not an object")
    expect(list(obj) == wanted, f"{where} has keys {list(obj)}, expected {wanted}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--entry", required=True)
    ap.add_argument("--runs", type=int, required=True)
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--target", default="host")
    args = ap.parse_args()
    with open(args.file) as f:
        s = json.load(f)

    keys(s, TOP, "the object")
    expect(s["tool"] == "tfx-run", f"tool is {s['tool']!r}")
    expect(is_int(s["version"]) and s["version"] == 1, f"version is {s['version']!r}")
    expect(isinstance(s["model"], str) and s["model"].endswith(".mlir"),
           f"model is {s['model']!r}")
    expect(s["entry"] == args.entry, f"entry is {s['entry']!r}, expected {args.entry!r}")
    expect(s["greedy"] is False, f"greedy is {s['greedy']!r}")
    expect(s["schedule"] == "manual", f"schedule is {s['schedule']!r}")
    expect(is_int(s["threads"]) and s["threads"] >= 0, f"threads is {s['threads']!r}")
    expect(s["target"] == args.target, f"target is {s['target']!r}, expected {args.target!r}")
    gpu = args.target != "host"
    if gpu:
        expect(s["gpu_gemm"] in ("tiled", "simple"), f"gpu_gemm is {s['gpu_gemm']!r}")
    else:
        expect(s["gpu_gemm"] is None, f"gpu_gemm is {s['gpu_gemm']!r} on the CPU")
    if args.no_cache:
        expect(s["cache_dir"] is None, f"cache_dir is {s['cache_dir']!r} with --no-cache")
    else:
        expect(isinstance(s["cache_dir"], str) and s["cache_dir"],
               f"cache_dir is {s['cache_dir']!r}")
    expect(is_number(s["first_run_s"]) and s["first_run_s"] > 0,
           f"first_run_s is {s['first_run_s']!r}")

    k = s["kernels"]
    keys(k, KERNELS, "kernels")
    expect(is_int(k["count"]) and k["count"] >= 1, f"kernels.count is {k['count']!r}")
    expect(is_number(k["compile_s"]) and k["compile_s"] >= 0,
           f"kernels.compile_s is {k['compile_s']!r}")
    expect(is_int(k["disk_hits"]) and 0 <= k["disk_hits"] <= k["count"],
           f"kernels.disk_hits is {k['disk_hits']!r} of {k['count']} kernels")
    if args.no_cache:
        expect(k["disk_hits"] == 0, "disk hits with --no-cache")

    load = s["device_load"]
    keys(load, DEVICE_LOAD, "device_load")
    for key in DEVICE_LOAD:
        expect(is_int(load[key]) and (load[key] > 0 if gpu else load[key] == 0),
               f"device_load.{key} is {load[key]!r} on target {args.target}")

    expect(isinstance(s["functions"], dict) and list(s["functions"]) == [args.entry],
           f"functions has {list(s['functions'])}, expected [{args.entry!r}]")
    fn = s["functions"][args.entry]
    keys(fn, FUNCTION, f"functions.{args.entry}")
    for key in FUNCTION[:-1]:
        expect(is_int(fn[key]) and fn[key] >= 0, f"functions.{args.entry}.{key} is {fn[key]!r}")
    expect(fn["kernel_launches"] >= 1, "no kernel launches")
    dev = fn["device"]
    keys(dev, DEVICE, f"functions.{args.entry}.device")
    for key in DEVICE:
        expect(is_int(dev[key]) and dev[key] >= 0, f"device.{key} is {dev[key]!r}")
        if not gpu:
            expect(dev[key] == 0, f"device.{key} is {dev[key]} on the CPU")
    if gpu:
        # Resident: something went up and came down, nothing moved inside kernels.
        expect(dev["uploads"] >= 1 and dev["downloads"] >= 1,
               f"device uploads/downloads are {dev['uploads']}/{dev['downloads']}")
        expect(dev["implicit_copies"] == 0, f"device.implicit_copies is {dev['implicit_copies']}")

    b = s["bench"]
    if args.runs == 0:
        expect(b is None, f"bench is {b!r} without --bench")
        return 0
    keys(b, BENCH, "bench")
    expect(is_int(b["runs"]) and b["runs"] == args.runs,
           f"bench.runs is {b['runs']!r}, expected {args.runs}")
    samples = b["samples_ms"]
    expect(isinstance(samples, list) and len(samples) == args.runs
           and all(is_number(x) and x > 0 for x in samples),
           f"bench.samples_ms is {samples!r}")
    ordered = sorted(samples)
    for key, want in (("min_ms", ordered[0]), ("median_ms", ordered[len(ordered) // 2]),
                      ("max_ms", ordered[-1])):
        expect(b[key] == want, f"bench.{key} is {b[key]!r}, the samples give {want!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
