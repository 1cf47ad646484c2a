"""R5: gunicorn on 127.0.0.1, a 30-second wrk run at 64 connections on / and on
/api/events/: counts errors and 5xx, prints requests/s and p99 latency.

    python -m bench.r5_load [--quick] [--duration S] [--connections N]

Production settings (DEBUG off, a SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, no HTTPS
redirect). The anonymous API throttle is raised for the run
(DAIS_API_THROTTLE_ANON=1000000/second): a 429 would count as an error.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench import datasets
from bench.common import BENCH_ENV, ROOT, parser

PATHS = ["/", "/api/events/"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def parse_wrk(out: str) -> dict:
    def num(pattern, default=0.0):
        m = re.search(pattern, out)
        return float(m.group(1)) if m else default

    def ms(value: str, unit: str) -> float:
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s|m)\b", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "requests": int(num(r"(\d+) requests in")),
        "rps": num(r"Requests/sec:\s+([\d.]+)"),
        "p99_ms": ms(*p99.groups()) if p99 else float("nan"),
        "non2xx": int(num(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(int(x) for x in errors.groups()) if errors else 0,
    }


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--duration", type=int, default=None, help="seconds per path (default 30)")
    p.add_argument("--connections", type=int, default=64)
    p.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2)
    args = p.parse_args(argv)
    duration = args.duration or (2 if args.quick else 30)
    connections = 8 if args.quick and args.connections == 64 else args.connections
    wrk = shutil.which("wrk")
    if not wrk:
        raise SystemExit("R5 needs wrk (apt-get install -y wrk)")
    url = datasets.ensure("quick" if args.quick else "large")
    port = free_port()
    env = {**os.environ, **BENCH_ENV, "DATABASE_URL": url, "ALLOWED_HOSTS": "127.0.0.1"}
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server = subprocess.Popen(
        [gunicorn, "tracker.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers)]
        + ["--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    results = []
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("R5: gunicorn did not start") from None
                time.sleep(0.3)
        for path in PATHS:  # warm every worker
            for _ in range(args.workers * 3):
                urllib.request.urlopen(base + path, timeout=30).read()
        for path in PATHS:
            cmd = [wrk, "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s"]
            out = subprocess.run(
                [*cmd, "--latency", base + path],
                capture_output=True,
                text=True,
                timeout=duration + 60,
                check=True,
            ).stdout
            r = parse_wrk(out)
            r["path"] = path
            results.append(r)
            print(
                f"R5 {path}: {r['requests']} requests, {r['rps']:.1f} requests/s, "
                f"p99 {r['p99_ms']:.1f} ms, non-2xx/3xx {r['non2xx']}, "
                f"socket errors {r['socket_errors']}"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    ok = all(r["non2xx"] == 0 and r["socket_errors"] == 0 and r["requests"] > 0 for r in results)
    print(f"R5: {'zero errors, zero 5xx' if ok else 'ERRORS'}")
    if not args.no_write and not args.quick:
        os.environ.setdefault("DATABASE_URL", url)
        from bench.common import setup_django
        from bench.results import machine_info, update_section

        setup_django(url)
        rows = "\n".join(
            f"| `{r['path']}` | {r['requests']} | {r['rps']:.1f} | {r['p99_ms']:.1f} | "
            f"{r['non2xx']} | {r['socket_errors']} |"
            for r in results
        )
        update_section(
            "R5 load",
            f"""Machine: {machine_info()}

gunicorn ({args.workers} sync workers) on 127.0.0.1, database of 1M claims, DEBUG off.
wrk, 2 threads, {connections} connections, {duration} s per path (wrk itself runs on the
same 2 cores). The anonymous API throttle was raised for the run
(`DAIS_API_THROTTLE_ANON=1000000/second`) since a 429 would count as an error.

| path | requests | requests/s | p99 ms | non-2xx/3xx | socket errors |
|---|---|---|---|---|---|
{rows}

Zero errors and zero 5xx: **{"met" if ok else "NOT met"}**.""",
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
