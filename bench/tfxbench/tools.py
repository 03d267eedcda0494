"""The tfx tools: where they are, which build they are, running tfx-run.

tfx-run's numbers come from its `--stats-json` file (schema: docs/running.md,
`tfx-run --help`), never from its human-readable output.
"""
import datetime
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time

from . import BIN, REPO

STATS_VERSION = 1


class StatsError(ValueError):
    """A --stats-json file this reader does not understand."""


def wait_for(path, tries=60, delay=5):
    """True once `path` is executable; a relink in progress makes a tool
    briefly unavailable, so this waits up to tries x delay seconds."""
    for attempt in range(tries):
        if os.access(path, os.X_OK):
            return True
        if attempt + 1 < tries:
            time.sleep(delay)
    return False


def built(path):
    """The file's modification time (ISO, seconds), or "?"."""
    try:
        return datetime.datetime.fromtimestamp(os.path.getmtime(path)).isoformat(
            timespec="seconds")
    except OSError:
        return "?"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def snapshot(names, dest, src=BIN):
    """Copies src/<names> into dest (with their mtimes), so that a rebuild by
    someone else during a run cannot mix two builds; returns dest."""
    os.makedirs(dest, exist_ok=True)
    for name in names:
        shutil.copy2(os.path.join(src, name), os.path.join(dest, name))
    return dest


def git_revision():
    """HEAD (short) and whether the compiler sources differ from it (git is
    only read)."""
    def git(*args):
        try:
            return subprocess.run(["git", "-C", REPO] + list(args), capture_output=True,
                                  text=True, timeout=30).stdout
        except (OSError, subprocess.TimeoutExpired):
            return ""
    head = git("rev-parse", "--short", "HEAD").strip() or "?"
    # Porcelain lines are "XY path": the status columns may start with a blank.
    dirty = [line[3:] for line in git("status", "--porcelain", "--", "lib", "runtime",
                                      "tools", "include").splitlines() if line]
    if not dirty:
        return head
    dirs = sorted({"/".join(path.split("/")[:2]) for path in dirty})
    return head + " + uncommitted changes in " + ", ".join(dirs)


def source_info(names, src=BIN):
    """{"git": git_revision(), "built": {tool: mtime}} for the tools `names`."""
    return {"git": git_revision(), "built": {n: built(os.path.join(src, n)) for n in names}}


def read_stats(path):
    """A `tfx-run --stats-json` file as one flat dict (the keys the reports
    use): runs, samples_ms, min_ms, median_ms, max_ms (with --bench);
    first_run_s; kernels (count), compile_s, disk_hits; and, when one
    function ran (not --greedy), its launches, buffers, buffers_reused and
    peak_bytes (bytes of intermediates). Raises StatsError on another tool,
    version or shape."""
    with open(path) as f:
        try:
            s = json.load(f)
        except ValueError as e:
            raise StatsError(f"{path}: not JSON: {e}") from None
    if not isinstance(s, dict) or s.get("tool") != "tfx-run":
        raise StatsError(f"{path}: not a tfx-run statistics file")
    if s.get("version") != STATS_VERSION:
        raise StatsError(f"{path}: version {s.get('version')!r}; this reader knows "
                         f"{STATS_VERSION}")
    try:
        kernels = s["kernels"]
        out = {"first_run_s": s["first_run_s"], "kernels": kernels["count"],
               "compile_s": kernels["compile_s"], "disk_hits": kernels["disk_hits"]}
        functions = s["functions"]
        if len(functions) == 1:
            (fn,) = functions.values()
            out.update(launches=fn["kernel_launches"], buffers=fn["buffers_allocated"],
                       buffers_reused=fn["buffers_reused"],
                       peak_bytes=fn["peak_intermediate_bytes"])
        bench = s["bench"]
        if bench is not None:
            out.update(runs=bench["runs"], min_ms=bench["min_ms"], median_ms=bench["median_ms"],
                       max_ms=bench["max_ms"], samples_ms=bench["samples_ms"])
    except (KeyError, TypeError, AttributeError, ValueError) as e:
        raise StatsError(f"{path}: unexpected shape ({type(e).__name__}: {e})") from None
    return out


def run_tfx(tfx_run, model, weights, inputs, *, outputs=None, runs=0, threads=None,
            entry=None, schedule=None, cache_dir=None, no_cache=False, env=None, timeout=900,
            attempts=1, keep_output=False):
    """Runs `tfx-run MODEL ... [--bench runs]` with --stats-json and returns
    {"ok": True, **read_stats(...), "cmd", "wall_s", "returncode"} or
    {"ok": False, "error": the last lines of stderr, ...}. Options left as
    None are not passed (tfx-run's defaults). `attempts` > 1 retries, after 5 s,
    a run that could not start or died of a signal (a tool being relinked);
    tfx-run's own errors (exit 1) are not retried. keep_output adds its
    "stdout" and "stderr" (Halide's profiler reports, for instance)."""
    cmd = [tfx_run, model]
    if entry:
        cmd += ["--entry", entry]
    cmd += ["--weights", weights, "--inputs", inputs]
    if threads is not None:
        cmd += ["--threads", str(threads)]
    if schedule:
        cmd += ["--schedule", schedule]
    if no_cache:
        cmd += ["--no-cache"]
    elif cache_dir:
        cmd += ["--cache-dir", cache_dir]
    if runs:
        cmd += ["--bench", str(runs)]
    if outputs:
        cmd += ["--outputs", outputs]
    with tempfile.TemporaryDirectory(prefix="tfx-stats-") as tmp:
        stats_path = os.path.join(tmp, "stats.json")
        cmd += ["--stats-json", stats_path]
        run_env = dict(os.environ, **(env or {}))
        t0 = time.perf_counter()
        proc, error = None, None
        for attempt in range(attempts):
            try:
                proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                      env=run_env)
            except subprocess.TimeoutExpired:
                return {"ok": False, "error": f"timed out after {timeout} s", "cmd": cmd}
            except OSError as e:
                proc, error = None, str(e)
            if proc is not None and proc.returncode in (0, 1):
                break
            if attempt + 1 < attempts:
                time.sleep(5)
        wall = time.perf_counter() - t0
        if proc is None:
            return {"ok": False, "error": error, "cmd": cmd, "wall_s": wall}
        res = {"cmd": cmd, "wall_s": wall, "returncode": proc.returncode}
        if keep_output:
            res.update(stdout=proc.stdout, stderr=proc.stderr)
        if proc.returncode != 0:
            lines = (proc.stderr.strip() or proc.stdout.strip()).splitlines()
            res.update(ok=False, error=" | ".join(lines[-3:]) or f"exit {proc.returncode}")
            return res
        try:
            stats = read_stats(stats_path)
        except (OSError, StatsError) as e:
            res.update(ok=False, error=f"--stats-json: {e}")
            return res
    if runs and "median_ms" not in stats:
        res.update(ok=False, error="--stats-json: no bench results")
        return res
    res.update(stats)
    res["ok"] = True
    return res
