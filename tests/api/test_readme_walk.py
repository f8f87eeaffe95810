"""A newcomer follows README.md's "Lead provider API" section literally, against the demo data `make run` loads: the
printed token, the list command, then the withdraw and resume commands with an id picked from that list as the README
says. Each command's path, query and body are read from the README itself, so the README cannot drift from the API."""

import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

README = (Path(__file__).parents[2] / "README.md").read_text()
SECTION = README.split("## Lead provider API", 1)[1].split("\n## ", 1)[0]

pytestmark = pytest.mark.django_db


def curl_lines() -> list[str]:
    return [line for line in SECTION.splitlines() if line.startswith("curl ")]


def address(line: str) -> str:
    return re.search(r'"http://127\.0\.0\.1:8000(/api/v3/[^"]+)"', line).group(1)


def body(line: str) -> str:
    return re.search(r"-d '([^']+)'", line).group(1)


def test_the_readmes_list_withdraw_and_resume_commands_work_on_the_demo_data(client):
    printed = io.StringIO()
    call_command("seed_demo_data", stdout=printed)
    token = re.search(r"^TOKEN=(\S+)$", SECTION, re.MULTILINE).group(1)
    assert token in printed.getvalue(), "the README's token is one `make run` prints"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    list_line, withdraw_line, resume_line = curl_lines()

    listed = client.get(address(list_line), **auth).json()["data"]
    # The README says which participant to pick: one whose `participant_type` is "ect", for `ecf-induction`.
    assert '`"participant_type": "ect"`' in SECTION
    ect = next(p for p in listed if p["attributes"]["ecf_enrolments"][0]["participant_type"] == "ect")

    for line, status in ((withdraw_line, "withdrawn"), (resume_line, "active")):
        response = client.put(
            address(line).replace("<id from the list>", ect["id"]), body(line), content_type="application/json", **auth
        )
        assert response.status_code == 200, response.content
        assert json.loads(response.content)["data"]["attributes"]["ecf_enrolments"][0]["training_status"] == status
