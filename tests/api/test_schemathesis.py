"""schemathesis fuzzes every endpoint of the API, through its own OpenAPI document, with valid and invalid input
and a valid token: no answer may be a 5xx or break the document (status codes, content types, bodies, headers).

In process (WSGI) against the test database, so the data the fuzzer meets is the fixtures': a participant with
a mentor and a withdrawn one. Examples per endpoint: MAX_EXAMPLES per generation mode, deterministic.
"""

import collections

import hypothesis
import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from schemathesis.config import SchemathesisConfig

from ecf.wsgi import application
from tests.factories import MentorshipPeriodFactory, TrainingPeriodFactory

MAX_EXAMPLES = 25
CALLS: collections.Counter = collections.Counter()
STATUSES: collections.Counter = collections.Counter()


CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
        # A well-formed request may still be refused by a rule of the service (422, documented on every write:
        # e.g. a partnership with a school id nobody has); a 400 for well-formed input stays a failure.
        "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "401", "403", "404", "409", "422"]}},
    }
)
# Loaded when the module is collected (the document needs no database); the token comes from a fixture.
schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", application, config=CONFIG)


@pytest.fixture
def fuzzed_data(db, settings, partnership):
    """A participant with a mentor and a withdrawn one, for the fuzzer to meet; the rate limit out of its way
    (the fuzzer sends more requests than the limit allows one token; the limit has its own tests)."""
    settings.API_RATE_LIMIT = "1000000/5m"
    # As Django's test client does: the WSGI app would otherwise close the test's connection after each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    ect = TrainingPeriodFactory(school_partnership=partnership, ect_at_school_period__school=partnership.school)
    MentorshipPeriodFactory(mentee=ect.ect_at_school_period)
    TrainingPeriodFactory(
        school_partnership=partnership,
        ect_at_school_period__school=partnership.school,
        withdrawn_at="2026-10-01T12:00:00Z",
        withdrawal_reason="other",
    )
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
# The data and token are set up once per endpoint on purpose: examples act on the same participants in turn,
# as a provider's client would (a withdraw, then a resume...), all inside the test's transaction.
@hypothesis.settings(suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture], deadline=None)
def test_the_api_never_fails_and_never_breaks_its_contract(case, token, fuzzed_data):
    CALLS[f"{case.operation.method.upper()} {case.operation.path}"] += 1
    if "Authorization" in (case.headers or {}):
        # The generated bearer token is replaced by a real one; a case generated without one (negative data that
        # drops the security scheme) is sent without one, and must be refused.
        STATUSES["with a token"] += 1
        case.call_and_validate(headers={"Authorization": f"Bearer {token}"})
    else:
        STATUSES["without a token"] += 1
        case.call_and_validate()


@pytest.fixture(autouse=True, scope="module")
def report_examples():
    """Prints how many examples each endpoint got (shown with `-s`), for the figures in a change's notes."""
    yield
    print(
        f"\nschemathesis: {sum(CALLS.values())} examples over {len(CALLS)} endpoints: {dict(CALLS)}; {dict(STATUSES)}"
    )
