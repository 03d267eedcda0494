#!/usr/bin/env python3
"""The table of the GPU benchmark (bench/gpu/run.sh's last step).

    python3 bench/gpu/report.py OUTDIR WORK --mode cuda|cpu --results DIR
        [--max-batch B] [--machine FILE]

Reads OUTDIR/manifest.json and what run.sh left in WORK: per row the tfx
harness result of the measured build (ROW.bBATCH.dev.json and .safetensors:
the CUDA library, or the CPU one in a dry run) and the CPU build's output
(ROW.bBATCH.ref.safetensors), and PyTorch's torch.json. Checks numerics
(relative L2 of the measured build against the CPU build, at most 1e-5),
prints the Markdown tables on stdout and writes DIR/table.md and
DIR/gpubench.json (every number). Exit 1 if a row failed or missed the
numerics limit.
"""
import argparse
import datetime
import json
import os
import sys

sys.dont_write_bytecode = True
import gpubench as gb  # noqa: E402  (puts bench/ and test/golden on sys.path)
from tfxbench import report, stats  # noqa: E402
import safetensors_io  # noqa: E402

fmt = report.formatter(".3f")


def read_json(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def last_line(path):
    try:
        with open(path) as f:
            lines = [line.strip() for line in f if line.strip()]
        return lines[-1] if lines else "(empty log)"
    except OSError:
        return "(no log)"


def measure_row(work, row, torch_rows, peak_flops):
    """Everything about one row, and its status ("ok" or why not)."""
    dev = read_json(gb.run_json(work, row, "dev"))
    out = {"row": row, "tfx": dev, "torch": torch_rows.get(row["key"]), "status": "ok"}
    if dev is None:
        out["status"] = "tfx failed: " + last_line(gb.run_file(work, row, "dev", "log"))
        return out
    ref_path = gb.run_output(work, row, "ref")
    if not os.path.exists(ref_path):
        out["status"] = "no CPU reference: " + last_line(gb.run_file(work, row, "ref", "log"))
        return out
    expected = safetensors_io.load(ref_path)
    actual = safetensors_io.load(gb.run_output(work, row, "dev"))
    errs = {}
    for name, e in expected.items():
        if name not in actual:
            out["status"] = f"output '{name}' missing"
            return out
        errs[name] = gb.rel_l2(actual[name], e)
    out["rel_l2"] = max(errs.values())
    if not out["rel_l2"] <= gb.REL_L2_LIMIT:
        out["status"] = f"numerics: rel L2 {out['rel_l2']:.3g} > {gb.REL_L2_LIMIT:g}"
    ms = dev["median_ms"]
    out["gflops"] = stats.giga_per_s(row["flops"], ms)
    out["pct_peak"] = stats.percent(out["gflops"] * 1e9, peak_flops) if peak_flops else None
    return out


def traffic_cell(c, key):
    n, b = c[key], c.get(key + "_bytes")
    return f"{n} ({b:,} B)" if b is not None and n else str(n)


def render(results, mode):
    dev_name = "tfx CUDA" if mode == "cuda" else "tfx CPU (dry run)"
    t = results["torch"] or {}
    peak = results["peak_tflops"]
    lines = [
        f"## GPU benchmark (issue 12): {results['date']}",
        "",
        f"Machine: {results['machine'] or '?'}.  ",
        f"tfx: git {results['manifest'].get('git')}, targets `{results['manifest']['cuda_target']}`"
        f" / CPU reference `{results['manifest']['cpu_target']}`, prepared "
        f"{results['manifest'].get('made')}.  ",
        f"PyTorch {t.get('torch', '?')} (CUDA {t.get('cuda')}) on {t.get('device', '?')}, fp32, "
        "TF32 off (" + ", ".join(f"{k} = {v}" for k, v in t.get("precision", {}).items()) + ").  ",
        "Peak used for the share: " + (
            f"{peak:g} TFLOP/s fp32, NVIDIA's H200 datasheet (132 SMs x 128 lanes x 2 FLOP "
            "x 1.98 GHz)." if peak else "none (CPU dry run)."),
        "",
        f"| model (random weights, length 50) | batch | {dev_name} ms (median, host to host) "
        "| PyTorch eager ms | PyTorch CUDA-graph ms | tfx / graph | rel L2 vs tfx CPU "
        "| GFLOP/s | % fp32 peak | first call ms | create ms | status |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results["rows"]:
        row, dev, tr = r["row"], r["tfx"] or {}, r["torch"] or {}
        graph = tr.get("graph_ms")
        graph_cell = (fmt(graph) if graph is not None else
                      "n/a" if mode == "cpu" else "failed" if tr.get("graph_error") else fmt(None))
        runs = f" ({dev['runs']} runs)" if dev.get("runs") not in (None, 20) else ""
        lines.append(
            f"| {row['label']} | {row['batch']} | {fmt(dev.get('median_ms'))}{runs} "
            f"| {fmt(tr.get('eager_ms'))} | {graph_cell} "
            f"| {fmt(stats.ratio(dev.get('median_ms'), graph), '.1f')} "
            f"| {fmt(r.get('rel_l2'), '.2e')} | {fmt(r.get('gflops'), '.1f')} "
            f"| {fmt(r.get('pct_peak'), '.2f')} | {fmt(dev.get('first_call_ms'), '.0f')} "
            f"| {fmt(dev.get('create_ms'), '.0f')} | {r['status']} |")

    if mode == "cuda":
        lines += [
            "",
            "CUDA driver calls per timed call (CudaTraffic.cpp; the runtime's own count "
            "in the last column), and in the first call:",
            "",
            "| row | batch | h2d | d2h | d2d | cuMemAlloc | cuMemFree | ctx + stream syncs "
            "| launches | first call: modules loaded, allocs | runtime: uploads / downloads / implicit |",
            "|---|---:|---|---|---:|---:|---:|---:|---:|---|---|",
        ]
        for r in results["rows"]:
            dev = r["tfx"] or {}
            c = (dev.get("cuda_calls") or {}).get("timed_call")
            if not c:
                continue
            first = dev["cuda_calls"]["first_call"]
            rt = (dev.get("runtime_stats") or {}).get("last_call") or {}
            vary = " (varies)" if dev["cuda_calls"].get("timed_calls_differ") else ""
            lines.append(
                f"| {r['row']['id']} | {r['row']['batch']} | {traffic_cell(c, 'h2d')} "
                f"| {traffic_cell(c, 'd2h')} | {c['d2d']} | {c['alloc']} | {c['free']} "
                f"| {c['ctx_sync']} + {c['stream_sync']} | {c['launch']}{vary} "
                f"| {first['module_load']}, {first['alloc']} "
                f"| {rt.get('uploads', '–')} / {rt.get('downloads', '–')} / "
                f"{rt.get('implicit_copies', '–')} |")

    lines += ["", "PyTorch checks: output against the tfx CPU build (same weights and inputs), "
              "graph replay against eager, and eager host to host (inputs up, outputs down):", "",
              "| row | batch | PyTorch vs tfx CPU rel L2 | graph vs eager rel L2 | eager h2h ms | error |",
              "|---|---:|---:|---:|---:|---|"]
    for r in results["rows"]:
        tr = r["torch"] or {}
        lines.append(f"| {r['row']['id']} | {r['row']['batch']} "
                     f"| {fmt(tr.get('rel_l2_vs_cpu'), '.2e')} "
                     f"| {fmt(tr.get('graph_vs_eager_rel_l2'), '.2e')} "
                     f"| {fmt(tr.get('eager_h2h_ms'))} "
                     f"| {tr.get('error') or tr.get('graph_error') or ''} |")

    if results["targets"]:
        lines += ["", "Issue 12 targets:", ""]
        lines += [f"- {t['what']}: {t['verdict']}" for t in results["targets"]]
    return "\n".join(lines) + "\n"


def targets(rows):
    """Issue 12's three targets, where both numbers exist."""
    by = {(r["row"]["id"], r["row"]["batch"]): r for r in rows}

    def pair(rid, batch, peer):
        r = by.get((rid, batch))
        if not r or not r["tfx"] or not r["torch"]:
            return None, None
        return r["tfx"]["median_ms"], r["torch"].get(peer)

    out = []
    for what, rid, batch, peer, factor, strict in [
            ("teacher encode batch 256 <= 2x PyTorch CUDA-graph", "teacher-encode", 256,
             "graph_ms", 2.0, False),
            ("teacher encode batch 1 <= PyTorch eager", "teacher-encode", 1, "eager_ms", 1.0,
             False),
            ("Lite encode (fused) batch 256 < PyTorch CUDA-graph", "lite-encode", 256,
             "graph_ms", 1.0, True)]:
        tfx, torch_ms = pair(rid, batch, peer)
        if tfx is None or torch_ms is None:
            verdict = "not measured"
        else:
            met = tfx < torch_ms * factor if strict else tfx <= torch_ms * factor
            verdict = (f"{'met' if met else 'not met'} (tfx {tfx:.3f} ms, PyTorch "
                       f"{torch_ms:.3f} ms, ratio {tfx / torch_ms:.2f})")
        out.append({"what": what, "verdict": verdict})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("work")
    ap.add_argument("--mode", choices=["cuda", "cpu"], required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--max-batch", type=int)
    ap.add_argument("--machine", help="a file with one line describing the machine")
    args = ap.parse_args()
    manifest = read_json(os.path.join(args.outdir, "manifest.json"))
    torch_res = read_json(gb.torch_json(args.work)) or {}
    peak_tflops = gb.H200_FP32_PEAK_TFLOPS if args.mode == "cuda" else None
    rows = [measure_row(args.work, row, torch_res.get("rows", {}),
                        peak_tflops * 1e12 if peak_tflops else None)
            for row in manifest["rows"]
            if args.max_batch is None or row["batch"] <= args.max_batch]
    machine = None
    if args.machine and os.path.exists(args.machine):
        with open(args.machine) as f:
            machine = f.read().strip()
    results = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "mode": args.mode,
        "machine": machine,
        "manifest": {k: v for k, v in manifest.items() if k not in ("rows", "configs")},
        "torch": {k: v for k, v in torch_res.items() if k != "rows"},
        "peak_tflops": peak_tflops,
        "rel_l2_limit": gb.REL_L2_LIMIT,
        "rows": rows,
        "targets": targets(rows) if args.mode == "cuda" else [],
    }
    markdown = render(results, args.mode)
    os.makedirs(args.results, exist_ok=True)
    report.publish(markdown, results, os.path.join(args.results, "table.md"),
                   os.path.join(args.results, "gpubench.json"))
    bad = [r for r in rows if r["status"] != "ok"]
    for r in bad:
        print(f"report.py: {r['row']['key']}: {r['status']}", file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
