"""`make audit` (bin/audit) fails on a known vulnerability in a Python or npm package.

The vulnerability services are not called: `run` is replaced by the answers pip-audit and npm audit give.
"""

import importlib.machinery
import importlib.util
import json
import subprocess

import pytest
from django.conf import settings

CLEAN_PIP = {"dependencies": [{"name": "django", "version": "5.2.19", "vulns": []}]}
VULNERABLE_PIP = {
    "dependencies": [{"name": "django", "version": "5.2.0", "vulns": [{"id": "PYSEC-2025-1", "fix_versions": []}]}]
}
UNREACHABLE_PIP = {"dependencies": [{"name": "django", "skip_reason": "Dependency not found on PyPI"}]}
CLEAN_NPM = {"vulnerabilities": {}, "metadata": {"vulnerabilities": {"total": 0}}}
VULNERABLE_NPM = {
    "vulnerabilities": {"govuk-frontend": {"severity": "high", "range": "<5.0.0"}},
    "metadata": {"vulnerabilities": {"total": 1}},
}
UNREACHABLE_NPM = {"message": "405 Method Not Allowed", "error": {"summary": ""}}


@pytest.fixture
def audit(monkeypatch):
    loader = importlib.machinery.SourceFileLoader("audit_script", str(settings.BASE_DIR / "bin" / "audit"))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    monkeypatch.delenv("AUDIT_REQUIRED", raising=False)

    def answer(pip, npm):
        def run(command):
            report = pip if "pip-audit" in command[0] else npm
            return subprocess.CompletedProcess(command, 0, stdout=json.dumps(report), stderr="")

        monkeypatch.setattr(module, "run", run)
        return module.main()

    return answer


def test_no_known_vulnerability_passes(audit):
    assert audit(CLEAN_PIP, CLEAN_NPM) == 0


@pytest.mark.parametrize(("pip", "npm"), [(VULNERABLE_PIP, CLEAN_NPM), (CLEAN_PIP, VULNERABLE_NPM)])
def test_a_known_vulnerability_fails(audit, capsys, pip, npm):
    assert audit(pip, npm) == 1
    assert "PYSEC-2025-1" in capsys.readouterr().out or npm is VULNERABLE_NPM


def test_a_known_vulnerability_fails_even_when_the_other_service_is_unreachable(audit):
    assert audit(VULNERABLE_PIP, UNREACHABLE_NPM) == 1


def test_an_unreachable_service_is_reported_and_fails_only_when_required(audit, capsys, monkeypatch):
    assert audit(UNREACHABLE_PIP, UNREACHABLE_NPM) == 0
    assert "WARNING: the audit did not run in full" in capsys.readouterr().out

    monkeypatch.setenv("AUDIT_REQUIRED", "true")
    assert audit(UNREACHABLE_PIP, CLEAN_NPM) == 2
