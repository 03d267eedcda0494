"""The machine: what it is, how loaded it is, measuring on a quiet machine.

Other engineers share the benchmark machine. Before a measurement the
benchmarks wait for it to be quiet, measure how much of the CPUs other
processes took meanwhile (/proc/stat minus our children's CPU time) and
re-run the measurement when that share was too high (Measurer).
"""
import datetime
import os
import platform
import re
import resource
import subprocess
import time

# Command names of other benchmarks to wait for (besides run.py and
# `tfx-run ... --bench`).
OTHER_BENCH = ("run_benchmarks.py", "peers_bench.py")


def uptime():
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def loadavg1():
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def machine_info():
    """Date, Python, lscpu's model, CPUs, caches and SIMD flags, load."""
    info = {"python": platform.python_version(),
            "date": datetime.datetime.now().isoformat(timespec="seconds")}
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for key in ("Model name", "CPU(s)", "Thread(s) per core", "L2 cache", "L3 cache"):
            m = re.search(rf"^{re.escape(key)}:\s*(.+)$", lscpu, re.M)
            if m:
                info[key] = m.group(1).strip()
        m = re.search(r"^Flags:.*$", lscpu, re.M)
        if m:
            info["simd"] = " ".join(f for f in ("avx2", "fma", "avx512f") if f" {f}" in m.group(0))
    except OSError:
        pass
    info["load"] = uptime()
    return info


def cpu_jiffies():
    """(total, idle) jiffies of all CPUs from /proc/stat."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return sum(v), v[3] + v[4]


def cpu_busy(seconds=1.0):
    """Fraction of all cores busy over `seconds` (we are idle meanwhile)."""
    a = cpu_jiffies()
    time.sleep(seconds)
    b = cpu_jiffies()
    total = b[0] - a[0]
    return 1.0 - (b[1] - a[1]) / total if total else 0.0


def wait_quiet(max_wait, threshold=0.10, log=None):
    """Waits (up to max_wait s) until other processes use < threshold of the
    machine; returns the last busy fraction seen."""
    deadline = time.monotonic() + max_wait
    busy = cpu_busy()
    said = False
    while busy >= threshold and time.monotonic() < deadline:
        if log and not said:
            log(f"  machine busy ({busy:.0%} of {os.cpu_count()} cores); waiting up to "
                f"{max_wait} s for it to go quiet ...")
            said = True
        time.sleep(4)
        busy = cpu_busy()
    return busy


class OtherLoad:
    """Measures the CPU time other processes used during a block: all busy
    jiffies minus our children's CPU time, as a fraction of wall x cores."""

    def __enter__(self):
        self.t0 = time.monotonic()
        self.j0 = cpu_jiffies()
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.c0 = ru.ru_utime + ru.ru_stime
        return self

    def __exit__(self, *exc):
        wall = time.monotonic() - self.t0
        j1 = cpu_jiffies()
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        ours = ru.ru_utime + ru.ru_stime - self.c0
        busy_s = ((j1[0] - j1[1]) - (self.j0[0] - self.j0[1])) / os.sysconf("SC_CLK_TCK")
        self.fraction = max(0.0, (busy_s - ours) / (wall * (os.cpu_count() or 1))) if wall else 0.0
        return False


def own_tree():
    """Our pid and all descendants' pids."""
    children = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(pid))
    mine, todo = set(), [os.getpid()]
    while todo:
        p = todo.pop()
        mine.add(p)
        todo += children.get(p, [])
    return mine


def other_benchmarks():
    """Command lines of other processes that are benchmarks."""
    mine = own_tree()
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) in mine:
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                argv = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
        except OSError:
            continue
        if not argv:
            continue
        names = [os.path.basename(a) for a in argv[:3]]
        if (any(a in OTHER_BENCH for a in names) or "run.py" in names
                or (os.path.basename(argv[0]) == "tfx-run" and "--bench" in argv)):
            found.append(" ".join(argv)[:160])
    return found


def wait_for_other_benchmarks(max_wait, log):
    """Waits (up to max_wait s) until no other benchmark runs; returns the
    seconds waited."""
    t0 = time.monotonic()
    said = False
    while True:
        found = other_benchmarks()
        if not found:
            return time.monotonic() - t0
        if time.monotonic() - t0 > max_wait:
            log(f"  still running after {max_wait} s, measuring anyway: {found}")
            return time.monotonic() - t0
        if not said:
            log(f"  waiting for other benchmarks to finish: {found}")
            said = True
        time.sleep(10)


class Measurer:
    """measure(fn, what) runs fn() on a quiet machine and returns (result,
    share of the CPUs other processes used meanwhile, attempts).

    Before each attempt it waits up to `benchmarks_s` seconds for other
    benchmarks to finish (None: does not look for them), then up to
    `quiet_s` seconds for other processes to use < 10% of the CPUs. It
    re-runs fn() (at most `retries` times) when others used >= `threshold`
    of the CPUs meanwhile."""

    def __init__(self, log, quiet_s, *, retries, threshold, benchmarks_s=None):
        self.log, self.quiet_s, self.retries = log, quiet_s, retries
        self.threshold, self.benchmarks_s = threshold, benchmarks_s

    def __call__(self, fn, what):
        for attempt in range(1, self.retries + 2):
            if self.benchmarks_s is not None:
                wait_for_other_benchmarks(self.benchmarks_s, self.log)
            wait_quiet(self.quiet_s, log=self.log)
            with OtherLoad() as load:
                res = fn()
            if load.fraction < self.threshold or attempt > self.retries:
                return res, load.fraction, attempt
            self.log(f"  {what}: other processes used {load.fraction:.0%} of the CPUs; "
                     "re-running")
