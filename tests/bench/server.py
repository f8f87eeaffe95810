"""The benchmark's database (bench_ecf, seeded once), its gunicorn on a free loopback port, and HTTP to it."""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "tests.bench.settings"
# BENCH_DATABASE_NAME: another name, for two checkouts benchmarking on one PostgreSQL server.
DATABASE_NAME = os.environ.get("BENCH_DATABASE_NAME") or "bench_ecf"
HOST = "127.0.0.1"
LARGE_SCHOOL_ECTS = 500


# --- Database ------------------------------------------------------------------------------------------------


def prepare_environment(database_name: str = DATABASE_NAME):
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
            "BENCH_DATABASE_NAME": database_name,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DJANGO_ENV": "development",
            "PERSONAS_ENABLED": "true",  # DEBUG is off, so persona sign-in must be asked for
            # One persona sign-in per client, from one address: more than the 5 attempts in 20 s allowed.
            "RATELIMIT_ENABLE": "false",
            "DEBUG": "false",
            "ALLOWED_HOSTS": HOST,
            "LOG_LEVEL": "WARNING",
            # The benchmark's one token sends more than the API's 1,000 requests in 5 minutes on purpose.
            "API_RATE_LIMIT": "1000000/5m",
        }
    )
    create_database(base_url, database_name)


def create_database(base_url: str, database_name: str = DATABASE_NAME):
    """CREATE DATABASE bench_ecf on the server of `base_url`, unless it exists. Never drops anything."""
    import psycopg

    # libpq reads the URL itself, Unix socket (?host=...) included.
    url = base_url.replace("postgis://", "postgresql://", 1).replace("pgsql://", "postgresql://", 1)
    with psycopg.connect(url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database_name]).fetchone()
        if not exists:
            print(f"Creating database {database_name} on {connection.info.host}")
            connection.execute(f'CREATE DATABASE "{database_name}"')


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
