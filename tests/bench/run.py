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
import gzip
import html.parser
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import warnings
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "tests.bench.settings"
DATABASE_NAME = "bench_ecf"
HOST = "127.0.0.1"
BARE_PATH = "/bench/bare"
LIST_PATH = "/school/home/ects"
LARGE_SCHOOL_ECTS = 500

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


# --- Database ------------------------------------------------------------------------------------------------


def prepare_environment():
    """Environment for this process and gunicorn: bench settings, DEBUG off, loopback host, the bench database."""
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url:
        # Keeps the embedded server running for as long as this process lives; gunicorn connects by the URL.
        warnings.filterwarnings("ignore", module="platformdirs")
        sys.path.insert(0, str(ROOT))
        from ecf.embedded_postgres import database_url

        base_url = database_url(ROOT / ".local" / "pgdata")
    os.environ.update(
        {
            "DATABASE_URL": base_url,  # tests.bench.settings swaps in the database name
            "BENCH_DATABASE_NAME": DATABASE_NAME,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DJANGO_ENV": "development",  # persona sign-in
            "DEBUG": "false",
            "ALLOWED_HOSTS": HOST,
            "LOG_LEVEL": "WARNING",
        }
    )
    create_database(base_url)


def create_database(base_url: str):
    """CREATE DATABASE bench_ecf on the server of `base_url`, unless it exists. Never drops anything."""
    import psycopg

    # libpq reads the URL itself, Unix socket (?host=...) included.
    url = base_url.replace("postgis://", "postgresql://", 1).replace("pgsql://", "postgresql://", 1)
    with psycopg.connect(url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
        if not exists:
            print(f"Creating database {DATABASE_NAME} on {connection.info.host}")
            connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def large_school():
    """The school with the most current ECTs, if it has at least 500."""
    from django.db.models import Count, Q

    from schools.models import School

    return (
        School.objects.annotate(ects=Count("ect_periods", filter=Q(ect_periods__finished_on__isnull=True)))
        .filter(ects__gte=LARGE_SCHOOL_ECTS)
        .order_by("-ects", "pk")
        .first()
    )


def seed():
    from django.core.management import call_command, get_commands
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    school = large_school()
    if school is None:
        if "seed_demo_data" not in get_commands():
            sys.exit("manage.py seed_demo_data is missing: the benchmark seeds its large school with it.")
        print(f"Seeding {DATABASE_NAME}: manage.py seed_demo_data --large-school (once)")
        call_command("seed_demo_data", "--large-school")
        school = large_school()
    if school is None:
        sys.exit(f"No school with {LARGE_SCHOOL_ECTS} current ECTs after seeding.")
    # Planner statistics, as a long-lived database has them (a fresh seed has none yet).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    user = school.users.filter(is_active=True).order_by("pk").first()
    if user is None:
        sys.exit(f"{school.name} has no school user to sign in as.")
    return school, user


# --- gunicorn ------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with sync workers on a free loopback port, logging to a temporary file."""

    def __init__(self, workers: int):
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
        command = [sys.executable, "-m", "gunicorn", "ecf.wsgi:application", "--bind", f"{HOST}:{self.port}"]
        command += ["--workers", str(workers), "--log-level", "warning", "--graceful-timeout", "5"]
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)  # noqa: S603

    def wait_until_up(self, timeout: float = 60.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if get(self.port, "/healthcheck")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        log = Path(self.log.name).read_text()[-3000:]
        self.stop()
        sys.exit(f"gunicorn did not start; its log:\n{log}")

    def worker_cpu_seconds(self) -> float:
        """User + system CPU time used so far by the gunicorn workers (Linux /proc; 0 elsewhere)."""
        try:
            ticks = os.sysconf("SC_CLK_TCK")
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
            total = 0
            for pid in children:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, ValueError, IndexError, AttributeError):
            return 0.0
        return total / ticks

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)


# --- HTTP ----------------------------------------------------------------------------------------------------


def get(port: int, path: str, headers: dict | None = None, method: str = "GET", body: str | None = None):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def header(headers, name: str) -> str:
    return next((value for key, value in headers if key.lower() == name), "")


def cookies_from(headers) -> dict:
    cookies = {}
    for key, value in headers:
        if key.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0]
    return cookies


def sign_in(port: int, user, school) -> str:
    """A session cookie from the persona sign-in of `user`, acting for `school`: 'sessionid=...'."""
    from django.contrib.sessions.backends.db import SessionStore

    from schools.middleware import CURRENT_SCHOOL_SESSION_KEY

    status, headers, body = get(port, "/sign-in")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    csrf_cookie = cookies_from(headers).get("csrftoken")
    if status != 200 or not token or not csrf_cookie:
        sys.exit(f"GET /sign-in answered {status} without a CSRF token; is persona sign-in enabled?")
    status, headers, _ = get(
        port,
        f"/sign-in/persona/{user.pk}",
        method="POST",
        body=urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1).decode()}),
        headers={"Cookie": f"csrftoken={csrf_cookie}", "Content-Type": "application/x-www-form-urlencoded"},
    )
    session_key = cookies_from(headers).get("sessionid")
    if status != 302 or not session_key:
        sys.exit(f"Persona sign-in answered {status} without a session.")
    # A user with several schools is sent to choose one: act for the large school, as choosing it would.
    session = SessionStore(session_key)
    if session.get(CURRENT_SCHOOL_SESSION_KEY) != school.pk:
        session[CURRENT_SCHOOL_SESSION_KEY] = school.pk
        session.save()
    return f"sessionid={session_key}"


@dataclass
class Run:
    path: str
    latencies: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    seconds: float = 0.0
    worker_cpu_seconds: float = 0.0

    @property
    def sent(self) -> int:
        return len(self.latencies) + len(self.errors)

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]


def load(server: Server, run: Run, cookies: list[str], total: int, max_seconds: float) -> Run:
    """`total` GETs of `run.path` from len(cookies) clients, each with its own keep-alive connection and session.

    Adds to `run`; stops early once `run.seconds` would pass `max_seconds`.
    """
    remaining = [total]
    lock = threading.Lock()
    deadline = time.monotonic() + max(0.0, max_seconds - run.seconds)

    def client(cookie: str):
        # http.client reopens the connection by itself when the server closes it (gunicorn's sync workers do).
        connection = http.client.HTTPConnection(HOST, server.port, timeout=30)
        headers = {"Cookie": cookie, "Accept-Encoding": "identity"}
        try:
            while time.monotonic() < deadline:
                with lock:
                    if remaining[0] <= 0:
                        return
                    remaining[0] -= 1
                started = time.perf_counter()
                try:
                    connection.request("GET", run.path, headers=headers)
                    response = connection.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException) as error:
                    connection.close()
                    with lock:
                        run.errors.append(repr(error))
                    continue
                elapsed_ms = (time.perf_counter() - started) * 1000
                with lock:
                    if response.status == 200:
                        run.latencies.append(elapsed_ms)
                    else:
                        run.errors.append(f"HTTP {response.status}")
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(cookie,), daemon=True) for cookie in cookies]
    started, cpu_before = time.perf_counter(), server.worker_cpu_seconds()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max_seconds + 60)
    run.seconds += time.perf_counter() - started
    run.worker_cpu_seconds += server.worker_cpu_seconds() - cpu_before
    return run


# --- Page weight ---------------------------------------------------------------------------------------------


class AssetFinder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


JS_IMPORT = re.compile(rb"""(?:\bimport\s*(?:[\w*{}\s,]+from\s*)?|\bimport\s*\(\s*)["']([^"']+)["']""")


def page_weight(port: int, cookie: str, path: str) -> list[tuple[str, int, int]]:
    """(url, raw bytes, gzipped bytes) for the page, its stylesheets, and its scripts with their static imports.

    Fetched with Accept-Encoding: gzip, but the server answers uncompressed (WhiteNoise only serves
    precompressed files with the production storage, and nothing gzips the HTML), so gzip is computed
    here: level 9 for static files, as WhiteNoise compresses them; level 6 for the HTML, as Django's
    GZipMiddleware would.
    """
    headers = {"Cookie": cookie, "Accept-Encoding": "gzip"}
    rows, queue, seen = [], [path], set()
    while queue:
        url = queue.pop(0)
        if url in seen or not url.startswith("/"):
            continue
        seen.add(url)
        status, response_headers, body = get(port, url, headers)
        if status != 200:
            sys.exit(f"GET {url} answered {status}")
        if header(response_headers, "content-encoding") == "gzip":
            body = gzip.decompress(body)
        rows.append((url, len(body), len(gzip.compress(body, compresslevel=6 if url == path else 9))))
        if url == path:
            finder = AssetFinder()
            finder.feed(body.decode())
            queue += [urllib.parse.urljoin(url, asset) for asset in finder.urls]
        elif url.endswith((".js", ".mjs")):
            queue += [urllib.parse.urljoin(url, match.decode()) for match in JS_IMPORT.findall(body)]
    return rows


# --- Where the time goes -------------------------------------------------------------------------------------


def profile(school, user, path: str, count: int = 50) -> dict:
    """In this process, same settings, no HTTP: mean ms per request, in SQL and in template rendering."""
    from django.db import connection
    from django.template.backends.jinja2 import Template
    from django.test import Client

    from schools.middleware import CURRENT_SCHOOL_SESSION_KEY

    warnings.filterwarnings("ignore", message="No directory at")  # WhiteNoise: nothing ran collectstatic
    client = Client(SERVER_NAME=HOST)
    client.force_login(user)
    session = client.session
    session[CURRENT_SCHOOL_SESSION_KEY] = school.pk
    session.save()
    stats = {"queries": 0, "sql": 0.0, "render": 0.0, "queries_in_templates": 0}
    rendering = [False]
    original_render = Template.render

    def timed_render(self, context=None, request=None):
        started = time.perf_counter()
        rendering[0] = True
        try:
            return original_render(self, context, request)
        finally:
            rendering[0] = False
            stats["render"] += time.perf_counter() - started

    def timed_sql(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            stats["queries"] += 1
            stats["sql"] += time.perf_counter() - started
            stats["queries_in_templates"] += rendering[0]

    for _ in range(10):
        client.get(path)
    Template.render = timed_render
    try:
        with connection.execute_wrapper(timed_sql):
            started = time.perf_counter()
            for _ in range(count):
                response = client.get(path)
                if response.status_code != 200:
                    sys.exit(f"In-process GET {path} answered {response.status_code}")
            total = time.perf_counter() - started
    finally:
        Template.render = original_render
    return {
        "total_ms": total * 1000 / count,
        "sql_ms": stats["sql"] * 1000 / count,
        "queries": stats["queries"] / count,
        "queries_in_templates": stats["queries_in_templates"] / count,
        "render_ms": stats["render"] * 1000 / count,
        "html_kb": len(response.content) / 1024,
    }


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
