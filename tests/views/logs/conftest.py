"""The log lines a request writes, rendered exactly as production writes them (one JSON object per line)."""

import io
import json
import logging

import pytest

from ecf.logs import json_formatter
from tests.views.register_ect.conftest import setting  # noqa: F401  (the register-an-ECT journey's fixture)


class CapturedLogs:
    def __init__(self, stream):
        self.stream = stream

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    @property
    def lines(self) -> list[dict]:
        return [json.loads(line) for line in self.text.splitlines() if line.strip()]

    def events(self, name: str) -> list[dict]:
        return [line for line in self.lines if line["event"] == name]


@pytest.fixture
def production_logs():
    """Every line any logger writes at DEBUG and above while the test runs, through the production JSON
    formatter (ecf/logs.py). DEBUG is more than production writes (LOG_LEVEL=INFO), so a line that would only
    leak at a lower level is caught too. SQL stays out, as settings.LOGGING keeps django.db.backends at INFO."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(json_formatter())
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield CapturedLogs(stream)
    finally:
        root.removeHandler(handler)
        root.setLevel(previous_level)
