"""`make bench`: the ECTs list of a school with 500 ECTs against a bare GOV.UK page, served by gunicorn.

Steps: create and migrate the `bench_ecf` database (on DATABASE_URL's server, or the embedded one),
seed the large school once (`seed_demo_data --large-school`), start gunicorn on a free loopback port
with DEBUG off, sign in one persona session per client, warm up, then send a fixed number of requests
to each page from concurrent keep-alive clients, alternating the two pages in rounds so that other load
on the machine falls on both alike. Prints throughput and latency percentiles against the bars of
docs/quality-bars.md ("Performance"), the page weight, and where the time goes. Exits 1 when a bar is missed.
See tests/bench/README.md.
"""

import argparse
import os
import sys

from tests.bench.api import measure_api
from tests.bench.measure import Run, load, page_weight, profile
from tests.bench.server import HOST, ROOT, Server, get, prepare_environment, seed, sign_in

BARE_PATH = "/bench/bare"
LIST_PATH = "/school/home/ects"

# The bars (docs/quality-bars.md, "Performance").
MIN_RATIO = 0.5
MAX_P95_MS = 100.0
MAX_PAGE_WEIGHT_BYTES = 60 * 1024


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000, help="requests per page (default 1000)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2, for 2 cores)")
    parser.add_argument("--rounds", type=int, default=5, help="alternations of the two pages (default 5)")
    parser.add_argument("--warmup", type=int, default=100, help="warm-up requests per page (default 100)")
    parser.add_argument("--max-seconds", type=float, default=20.0, help="time limit per page, all rounds together")
    args = parser.parse_args(argv)
    if not (0 < args.rounds <= args.requests <= 100_000 and 0 < args.clients <= 64 and 0 < args.max_seconds <= 120):
        parser.error("need 1 <= --rounds <= --requests <= 100000, --clients 1..64 and --max-seconds up to 120")
    return args


# --- Main ----------------------------------------------------------------------------------------------------


def main(argv=None) -> int:
    args = parse_args(argv)
    os.chdir(ROOT)
    prepare_environment()
    import django

    django.setup()
    school, user = seed()
    print(f"School: {school.name} (pk {school.pk}); persona: user {user.pk}")

    server = Server(args.workers)
    try:
        server.wait_until_up()
        cookies = [sign_in(server.port, user, school) for _ in range(args.clients)]
        for path in (BARE_PATH, LIST_PATH):
            status, _, body = get(server.port, path, {"Cookie": cookies[0]})
            if status != 200:
                sys.exit(f"GET {path} answered {status}")
        if school.name.encode() not in body:
            sys.exit(f"The ECTs list does not show {school.name}: not acting for it?")

        print(f"gunicorn: {args.workers} sync workers on {HOST}:{server.port}; {args.clients} clients")
        print(f"Warming up ({args.warmup} requests per page)")
        for path in (BARE_PATH, LIST_PATH):
            load(server, Run(path), cookies, args.warmup, args.max_seconds)
        runs = {path: Run(path) for path in (BARE_PATH, LIST_PATH)}
        print(
            f"Measuring {args.requests} requests per page in {args.rounds} alternating rounds "
            f"(at most {args.max_seconds:g} s per page)"
        )
        for round_number in range(args.rounds):
            share = args.requests // args.rounds + (round_number < args.requests % args.rounds)
            for run in runs.values():
                load(server, run, cookies, share, args.max_seconds)
        weight = page_weight(server.port, cookies[0], LIST_PATH)
        measure_api(server, args.clients, min(args.requests, 200), min(args.warmup, 10), args.max_seconds)
    finally:
        server.stop()

    bare, ects = runs[BARE_PATH], runs[LIST_PATH]
    ratio = ects.rps / bare.rps if bare.rps else 0.0
    total_weight = sum(gzipped for _, _, gzipped in weight)
    print()
    print(f"{'page':<22}{'requests':>9}{'errors':>7}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'CPU ms':>8}")
    for run in (bare, ects):
        cpu_ms = run.worker_cpu_seconds * 1000 / max(1, run.sent)
        print(
            f"{run.path:<22}{len(run.latencies):>9}{len(run.errors):>7}{run.rps:>8.1f}{run.percentile(50):>8.1f}"
            f"{run.percentile(95):>8.1f}{run.percentile(99):>8.1f}{cpu_ms:>8.1f}"
        )
    print("(CPU ms: the gunicorn workers' CPU time per request; PostgreSQL's is not included)")
    for run in (bare, ects):
        if run.sent < args.requests:
            print(f"{run.path} reached the {args.max_seconds:g} s limit after {run.sent} requests.")
    print()
    print("Page weight of the ECTs list:")
    for url, raw, gzipped in weight:
        print(f"  {url:<34}{raw:>9} B{gzipped:>9} B gzipped")

    p95 = ects.percentile(95)
    checks = [
        (f"ECTs list throughput {ratio:.0%} of the bare page's (bar: at least {MIN_RATIO:.0%})", ratio >= MIN_RATIO),
        (f"ECTs list p95 {p95:.1f} ms at {args.clients} clients (bar: under {MAX_P95_MS:g} ms)", p95 < MAX_P95_MS),
        (
            f"HTML + CSS + JS {total_weight / 1024:.1f} KB gzipped (bar: under {MAX_PAGE_WEIGHT_BYTES // 1024} KB)",
            total_weight < MAX_PAGE_WEIGHT_BYTES,
        ),
        (f"every request answered 200 ({len(bare.errors) + len(ects.errors)} errors)", not bare.errors + ects.errors),
    ]
    print()
    for text, ok in checks:
        print(f"  {'PASS' if ok else 'FAIL'}  {text}")
    for run in (bare, ects):
        if run.errors:
            print(f"  first errors on {run.path}: {sorted(set(run.errors))[:3]}")

    print()
    print("Where the time goes (in this process, no HTTP, 50 requests each, means per request):")
    print(f"  {'page':<22}{'total ms':>10}{'SQL ms':>8}{'queries':>9}{'render ms':>11}{'HTML KB':>9}")
    for path in (BARE_PATH, LIST_PATH):
        p = profile(school, user, path)
        print(
            f"  {path:<22}{p['total_ms']:>10.1f}{p['sql_ms']:>8.1f}{p['queries']:>9.1f}"
            f"{p['render_ms']:>11.1f}{p['html_kb']:>9.1f}"
        )
        if p["queries_in_templates"]:
            print(f"    of which {p['queries_in_templates']:.1f} ran while rendering (request.school, read lazily)")
    print("  (render ms: the Jinja template, with any query it runs; the rest is middleware, session and view code)")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
