"""What the benchmark measures: load from concurrent clients, the page weight, and where the time goes in-process."""

import gzip
import html.parser
import http.client
import re
import statistics
import sys
import threading
import time
import urllib.parse
import warnings
from dataclasses import dataclass, field

from tests.bench.server import HOST, Server, get, header


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


def load(
    server: Server, run: Run, cookies: list[str], total: int, max_seconds: float, headers: dict | None = None
) -> Run:
    """`total` GETs of `run.path` from len(cookies) clients, each with its own keep-alive connection and session.

    Adds to `run`; stops early once `run.seconds` would pass `max_seconds`.
    """
    remaining = [total]
    lock = threading.Lock()
    deadline = time.monotonic() + max(0.0, max_seconds - run.seconds)

    def client(cookie: str):
        # http.client reopens the connection by itself when the server closes it (gunicorn's sync workers do).
        connection = http.client.HTTPConnection(HOST, server.port, timeout=30)
        request_headers = {"Cookie": cookie, "Accept-Encoding": "identity", **(headers or {})}
        try:
            while time.monotonic() < deadline:
                with lock:
                    if remaining[0] <= 0:
                        return
                    remaining[0] -= 1
                started = time.perf_counter()
                try:
                    connection.request("GET", run.path, headers=request_headers)
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
