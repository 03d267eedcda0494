#!/usr/bin/env python3
"""The table of the GPU benchmark (bench/gpu/run.sh's last step).

    python3 bench/gpu/report.py OUTDIR WORK --mode cuda|cpu --results DIR
        [--max-batch B] [--machine FILE]

Reads OUTDIR/manifest.json and what run.sh left in WORK: per row and
measured build (VARIANT tiled or simple: the CUDA library of that GEMM
schedule, or the CPU one in a dry run) the harness result
ROW.bBATCH.VARIANT.json and .safetensors, the CPU build's output
(ROW.bBATCH.ref.safetensors), and PyTorch's torch.json and torch_gemm.json.
Checks numerics (relative L2 of each measured build against the CPU build,
at most 1e-5), prints the Markdown tables on stdout (the model table, the
driver calls, the PyTorch checks, the GEMM micro-table of report_gemm.py,
the issue's targets) and writes DIR/table.md and DIR/gpubench.json (every
number). Exit 1 if a row failed or missed the numerics limit (rows the
deadline skipped are listed, not failed).
"""
import argparse
import datetime
import json
import os
import sys

sys.dont_write_bytecode = True
import gpubench as gb  # noqa: E402  (puts bench/ and test/golden on sys.path)
import report_gemm  # noqa: E402
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


def measure_build(work, row, build, peak_flops):
    """One measured build of a row (tfx: its harness JSON) and its status
    ("ok", "skipped: ..." or what failed)."""
    dev = read_json(gb.run_json(work, row, build))
    out = {"tfx": dev, "status": "ok"}
    if dev is None:
        log = last_line(gb.run_file(work, row, build, "log"))
        out["status"] = log if log.startswith("skipped") else "tfx failed: " + log
        return out
    ref_path = gb.run_output(work, row, "ref")
    if not os.path.exists(ref_path):
        out["status"] = "no CPU reference: " + last_line(gb.run_file(work, row, "ref", "log"))
        return out
    expected = safetensors_io.load(ref_path)
    actual = safetensors_io.load(gb.run_output(work, row, build))
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


def measure_row(work, row, torch_rows, peak_flops):
    """Both measured builds of a row, PyTorch's numbers, and the row's status
    ("ok", or each build's problem)."""
    out = {"row": row, "torch": torch_rows.get(row["key"])}
    for v in gb.VARIANTS:
        out[v] = measure_build(work, row, v, peak_flops)
    bad = [f"{v}: {out[v]['status']}" for v in gb.VARIANTS if out[v]["status"] != "ok"]
    out["status"] = "; ".join(bad) if bad else "ok"
    out["skipped_only"] = bool(bad) and all(
        out[v]["status"] == "ok" or out[v]["status"].startswith("skipped") for v in gb.VARIANTS)
    return out


def traffic_cell(c, key):
    n, b = c[key], c.get(key + "_bytes")
    return f"{n} ({b:,} B)" if b is not None and n else str(n)


def render(results, mode):
    dev = "" if mode == "cuda" else " (dry run: the CPU build)"
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
        "Times: tfx's median of host-to-host calls through the library's C ABI; "
        "*tiled* is tfx-translate's default GEMM schedule, *simple* the same library made with "
        "`TFX_GPU_GEMM=simple`" + dev + ". GFLOP/s, % peak, first call and create: tiled.",
        "",
        "| model (random weights, length 50) | batch | tfx tiled ms | tfx simple ms "
        "| tiled / simple | PyTorch eager ms | PyTorch CUDA-graph ms | tiled / graph "
        "| rel L2 vs tfx CPU (tiled, simple) | GFLOP/s | % fp32 peak | first call ms "
        "| create ms | status |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results["rows"]:
        row, tr = r["row"], r["torch"] or {}
        ti, si = r["tiled"], r["simple"]
        tiled, simple = (ti["tfx"] or {}).get("median_ms"), (si["tfx"] or {}).get("median_ms")
        graph = tr.get("graph_ms")
        graph_cell = (fmt(graph) if graph is not None else
                      "n/a" if mode == "cpu" else "failed" if tr.get("graph_error") else fmt(None))

        def ms_cell(b):
            d = b["tfx"] or {}
            runs = f" ({d['runs']} runs)" if d.get("runs") not in (None, 20) else ""
            return fmt(d.get("median_ms")) + runs
        lines.append(
            f"| {row['label']} | {row['batch']} | {ms_cell(ti)} | {ms_cell(si)} "
            f"| {fmt(stats.ratio(tiled, simple), '.2f')} "
            f"| {fmt(tr.get('eager_ms'))} | {graph_cell} "
            f"| {fmt(stats.ratio(tiled, graph), '.1f')} "
            f"| {fmt(ti.get('rel_l2'), '.1e')}, {fmt(si.get('rel_l2'), '.1e')} "
            f"| {fmt(ti.get('gflops'), '.1f')} "
            f"| {fmt(ti.get('pct_peak'), '.2f')} "
            f"| {fmt((ti['tfx'] or {}).get('first_call_ms'), '.0f')} "
            f"| {fmt((ti['tfx'] or {}).get('create_ms'), '.0f')} | {r['status']} |")

    if mode == "cuda":
        lines += [
            "",
            "CUDA driver calls per timed call (CudaTraffic.cpp; the runtime's own count "
            "in the last column), and in the first call; the GPU time of the call's kernels "
            "(CUDA events around each launch, median of 5 more calls):",
            "",
            "| row | build | batch | h2d | d2h | d2d | cuMemAlloc | cuMemFree "
            "| ctx + stream syncs | launches | kernels: GPU ms | first call: modules loaded, allocs "
            "| runtime: uploads / downloads / implicit |",
            "|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|---|---|",
        ]
        for r in results["rows"]:
            for v in gb.VARIANTS:
                dev = r[v]["tfx"] or {}
                c = (dev.get("cuda_calls") or {}).get("timed_call")
                if not c:
                    continue
                first = dev["cuda_calls"]["first_call"]
                rt = (dev.get("runtime_stats") or {}).get("last_call") or {}
                vary = " (varies)" if dev["cuda_calls"].get("timed_calls_differ") else ""
                lines.append(
                    f"| {r['row']['id']} | {v} | {r['row']['batch']} | {traffic_cell(c, 'h2d')} "
                    f"| {traffic_cell(c, 'd2h')} | {c['d2d']} | {c['alloc']} | {c['free']} "
                    f"| {c['ctx_sync']} + {c['stream_sync']} | {c['launch']}{vary} "
                    f"| {fmt(dev.get('kernel_ms'))} "
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
                     f"| {tr.get('error') or tr.get('skipped') or tr.get('graph_error') or ''} |")

    lines += report_gemm.render(results, mode)
    if results["targets"]:
        lines += ["", "Issue 12 targets:", ""]
        lines += [f"- {t['what']}: {t['verdict']}" for t in results["targets"]]
    return "\n".join(lines) + "\n"


def targets(rows, gemm_rows):
    """Issue 12's three targets, where both numbers exist."""
    by = {(r["row"]["id"], r["row"]["batch"]): r for r in rows}

    def pair(rid, batch, peer):
        r = by.get((rid, batch))
        if not r or not r["tiled"]["tfx"] or not r["torch"]:
            return None, None
        return r["tiled"]["tfx"]["median_ms"], r["torch"].get(peer)

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
    return out + report_gemm.targets(gemm_rows)


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
    torch_gemm = read_json(gb.torch_json(args.work, gemm=True)) or {}
    peak_tflops = gb.H200_FP32_PEAK_TFLOPS if args.mode == "cuda" else None
    rows = [measure_row(args.work, row, torch_res.get("rows", {}),
                        peak_tflops * 1e12 if peak_tflops else None)
            for row in manifest["rows"]
            if args.max_batch is None or row["batch"] <= args.max_batch]
    gemm_rows = [report_gemm.measure(args.work, row, torch_gemm.get("rows", {}), args.mode,
                                     measure_build)
                 for row in manifest.get("gemm_rows", [])
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
        "torch_gemm": {k: v for k, v in torch_gemm.items() if k != "rows"},
        "peak_tflops": peak_tflops,
        "rel_l2_limit": gb.REL_L2_LIMIT,
        "rows": rows,
        "gemm_rows": gemm_rows,
        "gemm_limit": report_gemm.CUBLAS_FACTOR,
        "targets": targets(rows, gemm_rows) if args.mode == "cuda" else [],
    }
    markdown = render(results, args.mode)
    os.makedirs(args.results, exist_ok=True)
    report.publish(markdown, results, os.path.join(args.results, "table.md"),
                   os.path.join(args.results, "gpubench.json"))
    bad = 0
    for r in rows + gemm_rows:
        if r["status"] != "ok":
            bad += not r["skipped_only"]
            print(f"report.py: {r['row']['key']}: {r['status']}", file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
