"""Progress, number formatting and the results files (Markdown + JSON)."""
import json
import math
import os
import sys
import time

from . import REPO, machine

DASH = "–"


def log(message):
    """Progress goes to stderr (stdout carries the Markdown)."""
    print(message, file=sys.stderr, flush=True)


def fmt(x, spec=".3f", none=DASH):
    """format(x, spec), or `none` for a missing (None) or NaN number."""
    return none if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, spec)


def formatter(default_spec):
    """fmt with another default spec: fmt = formatter(".1f"); fmt(x), fmt(x, ".2f")."""
    def f(x, spec=default_spec, none=DASH):
        return fmt(x, spec, none)
    return f


def command_line(script, argv):
    """How the benchmark was started, as typed in the repository."""
    return " ".join(["/usr/bin/python3", os.path.relpath(os.path.abspath(script), REPO)]
                    + list(argv))


def machine_line(m, setting):
    """The "Machine: ..." header line of machine.machine_info() `m`."""
    simd = f" ({m['simd']})" if m.get("simd") else ""
    return (f"Machine: {m.get('Model name', '?')}, {m.get('CPU(s)', '?')} cores{simd}, "
            f"L2 {m.get('L2 cache', '?')}, L3 {m.get('L3 cache', '?')}; {setting}.  ")


def source_line(src):
    """The "Source: ..." header line of tools.source_info()."""
    return (f"Source: git {src['git']}; built "
            + ", ".join(f"{k} {v}" for k, v in src["built"].items()) + ".  ")


def load_lines(r):
    return [f"Load before: `{r['load_before']}`  ", f"Load after: `{r['load_after']}`"]


def publish(markdown, results, out_md, out_json):
    """Prints the Markdown and writes it and the results (JSON)."""
    print(markdown)
    for path in (out_md, out_json):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(out_md, "w") as f:
        f.write(markdown)
    with open(out_json, "w") as f:
        json.dump(results, f, indent=1, default=str)
        f.write("\n")


def finish(results, render, t_start, out_md, out_json):
    """Records the load after the run and its wall time (since perf_counter
    `t_start`) in `results`, then publishes render(results) and them."""
    results["load_after"] = machine.uptime()
    results["wall_s"] = time.perf_counter() - t_start
    publish(render(results), results, out_md, out_json)
