"""A DfE Sign-in session across sign-ins: a refused one leaves nobody signed in, and a new signing key at DfE
Sign-in does not stop anyone signing in. The helpers and the provider are tests/views/test_dfe_sign_in.py's."""

import pytest

from schools.models import School
from tests.dfe_sign_in_mock import running
from tests.factories import SchoolFactory
from tests.views.test_dfe_sign_in import events, given_a_dfe_sign_in_user, oakfield, sign_in_with_dfe_sign_in

pytestmark = pytest.mark.django_db
__all__ = ["oakfield"]  # a fixture the tests below use


@pytest.mark.parametrize("then", ["refused", "failed"])
def test_a_refused_or_failed_sign_in_signs_out_whoever_was_signed_in_before(client, dfe_sign_in, oakfield, then):
    given_a_dfe_sign_in_user(dfe_sign_in)
    client.get(sign_in_with_dfe_sign_in(client)["Location"])
    assert client.get("/school/home/ects").status_code == 200
    SchoolFactory(urn=990003, name="Hillside Community School", status=School.Status.CLOSED)
    hillside = {"id": "org-hillside", "name": "Hillside Community School", "urn": "990003"}
    given_a_dfe_sign_in_user(dfe_sign_in, "harry", organisation=hillside)

    response = sign_in_with_dfe_sign_in(client, "harry", state="forged-state" if then == "failed" else None)

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert client.get("/school/home/ects")["Location"].startswith("/sign-in")


def test_sign_in_keeps_working_after_dfe_sign_in_changes_its_signing_key(client, oakfield, settings):
    # DfE Sign-in rotates its keys; locally, the loopback provider makes a new one each time it restarts.
    # The service fetched the old keys once, and must fetch them again for a token naming a new `kid`.
    with running(client_id="register-ects", api_secret="local-api-secret-of-at-least-32-bytes") as before:
        port = before.url.rsplit(":", 1)[1]
        settings.DFE_SIGN_IN_ENABLED = True
        settings.DFE_SIGN_IN_ISSUER = settings.DFE_SIGN_IN_API_URL = before.url
        settings.DFE_SIGN_IN_CLIENT_ID = settings.DFE_SIGN_IN_SERVICE_ID = before.client_id
        settings.DFE_SIGN_IN_CLIENT_SECRET, settings.DFE_SIGN_IN_API_SECRET = "local", before.api_secret
        given_a_dfe_sign_in_user(before)
        assert sign_in_with_dfe_sign_in(client)["Location"] == "/school/enter"
    client.logout()

    with running(client_id="register-ects", api_secret=before.api_secret, port=int(port)) as after:
        given_a_dfe_sign_in_user(after)
        response = sign_in_with_dfe_sign_in(client)

    assert response["Location"] == "/school/enter"
    assert len(events("school_user_signed_in")) == 2
