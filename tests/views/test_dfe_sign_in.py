"""Signing in with DfE Sign-in, against a real OpenID Connect provider and a stub of DfE Sign-in's public API
on loopback (tests/dfe_sign_in_mock.py): who gets in, for which school, and the page everyone else sees.

The browser walks the same flows in tests/browser/test_dfe_sign_in.py; these tests follow the redirects
by hand so that they can look at the database and the audit trail after each.
"""

from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pytest
import requests
from django.core.cache import caches

from ecf.auth.dfe_sign_in import ID_TOKEN_SESSION_KEY, Identity, organisations
from ecf.models import Event
from schools import sign_in
from schools.middleware import CURRENT_SCHOOL_SESSION_KEY
from schools.models import DfESignInAccount, School
from tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db

OAKFIELD = {"id": "org-oakfield", "name": "Oakfield Primary School", "urn": "142301"}
HOLLINS = {"id": "org-hollins", "name": "Hollins Park School", "urn": "145872"}


@pytest.fixture
def oakfield(db):
    return SchoolFactory(urn=142301, name="Oakfield Primary School")


@pytest.fixture
def hollins(db):
    return SchoolFactory(urn=145872, name="Hollins Park School")


def given_a_dfe_sign_in_user(dfe, sub="priya", *, organisation=OAKFIELD, roles=("SchoolUser",), email=None):
    dfe.add_user(
        sub, email=email or f"{sub}@example.com", given_name="Priya", family_name="Shah", organisation=organisation
    )
    for org in organisation if isinstance(organisation, list) else [organisation]:
        if roles:
            dfe.give_role(sub, org["id"], *roles)


def sign_in_with_dfe_sign_in(client, sub="priya", *, action=None, state=None):
    """Start on our sign-in button, sign in at the provider as `sub` (or deny), come back to the callback.
    `state` replaces the one the provider sends back. Returns the callback's response."""
    start = client.post("/sign-in/dfe")
    assert start.status_code == 302, start.content
    form = {"action": action} if action else {"sub": sub}
    authorised = requests.post(start["Location"], data=form, allow_redirects=False, timeout=5)
    assert authorised.status_code == 302, authorised.text
    callback = urlsplit(authorised.headers["Location"])
    query = parse_qs(callback.query)
    if state is not None:
        query["state"] = [state]
    return client.get(urlunsplit(("", "", callback.path, urlencode(query, doseq=True), "")))


def events(event_type):
    return list(Event.objects.filter(event_type=event_type).order_by("id"))


def test_a_user_with_the_role_at_a_known_school_signs_in_and_acts_for_it(client, dfe_sign_in, oakfield):
    given_a_dfe_sign_in_user(dfe_sign_in)

    response = sign_in_with_dfe_sign_in(client)

    assert response.status_code == 302
    assert response["Location"] == "/school/enter"
    client.get("/school/enter")
    assert client.session[CURRENT_SCHOOL_SESSION_KEY] == oakfield.pk
    account = DfESignInAccount.objects.get(sub="priya")
    assert (account.user.email, account.user.get_full_name()) == ("priya@example.com", "Priya Shah")
    assert list(account.user.schools.all()) == [oakfield]
    assert client.session[ID_TOKEN_SESSION_KEY]
    [event] = events("school_user_signed_in")
    assert (event.school, event.author_user, event.metadata["method"]) == (oakfield, account.user, "dfe_sign_in")


def test_the_user_is_found_by_sub_when_their_email_has_changed(client, dfe_sign_in, oakfield):
    given_a_dfe_sign_in_user(dfe_sign_in, email="old@example.com")
    sign_in_with_dfe_sign_in(client)
    client.post("/sign-out")
    given_a_dfe_sign_in_user(dfe_sign_in, email="new@example.com")

    sign_in_with_dfe_sign_in(client)

    account = DfESignInAccount.objects.get(sub="priya")
    assert DfESignInAccount.objects.count() == 1
    assert account.user.email == "new@example.com"


def test_a_user_of_several_schools_chooses_one(client, dfe_sign_in, oakfield, hollins):
    given_a_dfe_sign_in_user(dfe_sign_in, organisation=[OAKFIELD, HOLLINS])

    sign_in_with_dfe_sign_in(client)
    response = client.get("/school/enter")

    assert response["Location"] == "/school/choose"
    page = client.get("/school/choose").content.decode()
    assert "Oakfield Primary School" in page
    assert "Hollins Park School" in page


def test_a_school_whose_role_was_taken_away_drops_away_at_the_next_sign_in(client, dfe_sign_in, oakfield, hollins):
    given_a_dfe_sign_in_user(dfe_sign_in, organisation=[OAKFIELD, HOLLINS])
    sign_in_with_dfe_sign_in(client)
    client.post("/sign-out")
    dfe_sign_in.give_role("priya", HOLLINS["id"], "SomeOtherServiceRole")

    sign_in_with_dfe_sign_in(client)

    assert list(DfESignInAccount.objects.get(sub="priya").user.schools.all()) == [oakfield]


@pytest.mark.parametrize(
    ("organisation", "heading"),
    [
        ({"id": "org-unknown", "name": "Nowhere Academy", "urn": "999999"}, "Nowhere Academy"),
        ({"id": "org-la", "name": "Testshire County Council"}, "Testshire County Council"),
    ],
    ids=["URN we do not know", "not a school"],
)
def test_an_organisation_that_is_not_a_school_we_know_is_refused(client, dfe_sign_in, oakfield, organisation, heading):
    given_a_dfe_sign_in_user(dfe_sign_in, organisation=organisation)

    response = sign_in_with_dfe_sign_in(client)

    assert response.status_code == 403
    page = response.content.decode()
    assert "You cannot use this service with this organisation" in page
    assert heading in page
    assert "_auth_user_id" not in client.session
    [event] = events("school_user_sign_in_refused")
    assert event.metadata["reason"] == "unknown_organisation"
    assert event.author_email == "priya@example.com"


@pytest.mark.parametrize("status", [School.Status.CLOSED, School.Status.PROPOSED_TO_OPEN])
def test_a_school_that_is_closed_or_not_open_yet_is_refused(client, dfe_sign_in, status):
    SchoolFactory(urn=142301, name="Oakfield Primary School", status=status)
    given_a_dfe_sign_in_user(dfe_sign_in)

    response = sign_in_with_dfe_sign_in(client)

    assert response.status_code == 403
    assert "This school cannot use this service" in response.content.decode()
    assert events("school_user_sign_in_refused")[0].metadata["reason"] == "school_not_eligible"


@pytest.mark.parametrize("roles", [(), ("SomeOtherServiceRole",)], ids=["no access at all", "another role"])
def test_a_user_without_the_role_is_refused(client, dfe_sign_in, oakfield, roles):
    given_a_dfe_sign_in_user(dfe_sign_in, roles=roles)

    response = sign_in_with_dfe_sign_in(client)

    assert response.status_code == 403
    page = response.content.decode()
    assert "You do not have access to this service" in page
    assert "Ask an approver at your school" in page
    [event] = events("school_user_sign_in_refused")
    assert (event.metadata["reason"], event.school) == ("no_role", oakfield)
    assert not DfESignInAccount.objects.exists()


def test_a_user_who_cancels_at_dfe_sign_in_is_told_they_have_not_signed_in(client, dfe_sign_in, oakfield):
    response = sign_in_with_dfe_sign_in(client, action="deny")

    assert response.status_code == 403
    assert "You have not signed in" in response.content.decode()
    assert events("school_user_sign_in_refused")[0].metadata["reason"] == "cancelled"


@pytest.mark.parametrize(
    ("fault", "state", "why"),
    [
        (None, "forged-state", "MismatchingStateError"),
        ("wrong_audience", None, "Invalid claim: 'aud'"),
        ("expired", None, "ExpiredTokenError"),
    ],
    ids=["wrong state", "ID token for another service", "expired ID token"],
)
def test_a_callback_that_fails_the_checks_signs_nobody_in(client, dfe_sign_in, oakfield, fault, state, why):
    given_a_dfe_sign_in_user(dfe_sign_in)
    dfe_sign_in.id_token_fault = fault

    response = sign_in_with_dfe_sign_in(client, state=state)

    assert response.status_code == 403
    assert "Sorry, signing in did not work" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not DfESignInAccount.objects.exists()
    [event] = events("school_user_sign_in_refused")
    assert event.metadata["reason"] == "failed"
    assert why in event.metadata["detail"]


def test_a_callback_replayed_after_sign_in_is_refused(client, dfe_sign_in, oakfield):
    given_a_dfe_sign_in_user(dfe_sign_in)
    start = client.post("/sign-in/dfe")
    callback = requests.post(start["Location"], data={"sub": "priya"}, allow_redirects=False, timeout=5)
    path = urlsplit(callback.headers["Location"])
    client.get(f"{path.path}?{path.query}")

    replayed = client.get(f"{path.path}?{path.query}")

    assert replayed.status_code == 403
    assert "Sorry, signing in did not work" in replayed.content.decode()


def test_the_public_api_not_answering_is_a_clear_page_not_an_error(client, dfe_sign_in, oakfield, settings):
    given_a_dfe_sign_in_user(dfe_sign_in)
    settings.DFE_SIGN_IN_API_SECRET = "not-the-secret-but-just-as-long-as-it"  # the stub answers 401

    response = sign_in_with_dfe_sign_in(client)

    assert response.status_code == 403
    assert "Sorry, signing in did not work" in response.content.decode()


def test_signing_out_signs_out_of_dfe_sign_in_with_the_id_token(client, dfe_sign_in, oakfield):
    given_a_dfe_sign_in_user(dfe_sign_in)
    sign_in_with_dfe_sign_in(client)
    id_token = client.session[ID_TOKEN_SESSION_KEY]

    response = client.post("/sign-out")

    end_session = urlsplit(response["Location"])
    assert f"{end_session.scheme}://{end_session.netloc}{end_session.path}" == f"{dfe_sign_in.url}/oauth2/end_session"
    query = parse_qs(end_session.query)
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == ["http://testserver/signed-out"]
    assert "_auth_user_id" not in client.session
    [event] = events("school_user_signed_out")
    assert event.author_user == DfESignInAccount.objects.get().user


def test_the_sign_in_page_offers_dfe_sign_in(client, dfe_sign_in):
    page = client.get("/sign-in").content.decode()

    assert "Sign in with DfE Sign-in" in page


@pytest.fixture
def rate_limited(settings):
    settings.RATELIMIT_ENABLE = True
    caches[settings.RATELIMIT_USE_CACHE].clear()
    yield
    caches[settings.RATELIMIT_USE_CACHE].clear()


def test_the_sixth_sign_in_attempt_in_20_seconds_from_one_address_is_refused(client, dfe_sign_in, rate_limited):
    for _ in range(5):
        assert client.post("/sign-in/dfe").status_code == 302

    response = client.post("/sign-in/dfe")

    assert response.status_code == 429
    assert response["Retry-After"] == "20"
    assert "Too many sign-in attempts" in response.content.decode()
    assert events("school_user_sign_in_refused")[0].metadata["reason"] == "too_many_attempts"
    # Another address is not held back.
    assert client.post("/sign-in/dfe", REMOTE_ADDR="192.0.2.7").status_code == 302


def test_the_callback_and_persona_sign_in_count_as_attempts_too(client, dfe_sign_in, rate_limited, school_user):
    for _ in range(3):
        client.get("/sign-in/dfe/callback?error=access_denied")
    client.post(f"/sign-in/persona/{school_user.pk}")
    client.post("/sign-in/dfe")

    assert client.get("/sign-in/dfe/callback?code=x&state=y").status_code == 429
    assert client.post(f"/sign-in/persona/{school_user.pk}").status_code == 429


def test_forms_may_lead_to_dfe_sign_in_and_nowhere_else(client, dfe_sign_in):
    # The sign-in and sign-out forms are redirected to the provider; CSP form-action must allow it.
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in client.get("/sign-in").headers["Content-Security-Policy"].split(";")
    )

    assert policy["form-action"].split() == ["'self'", dfe_sign_in.url]


def test_dfe_sign_in_not_answering_is_a_clear_page_not_an_error(client, dfe_sign_in, settings):
    settings.DFE_SIGN_IN_ISSUER = "http://localhost:9"  # nothing listens on the discard port

    response = client.post("/sign-in/dfe")

    assert response.status_code == 403
    assert "Sorry, signing in did not work" in response.content.decode()
    assert events("school_user_sign_in_refused")[0].metadata["reason"] == "failed"


def test_a_callback_without_any_parameters_signs_nobody_in(client, dfe_sign_in):
    response = client.get("/sign-in/dfe/callback")

    assert response.status_code == 403
    assert "Sorry, signing in did not work" in response.content.decode()


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ({"id": "o1", "name": "Oakfield", "urn": "142301"}, [("o1", "Oakfield", 142301)]),
        ('{"id": "o1", "name": "Oakfield", "urn": "142301"}', [("o1", "Oakfield", 142301)]),
        ([{"id": "o1", "urn": 142301}, {"id": "o2", "name": "Council"}], [("o1", "", 142301), ("o2", "Council", None)]),
        ({"id": "o1", "urn": "not a urn"}, [("o1", "", None)]),
        ({"name": "no id"}, []),
        (None, []),
        ("not json", []),
    ],
)
def test_the_organisation_claim_is_read_whatever_its_shape(claim, expected):
    assert [(o.id, o.name, o.urn) for o in organisations(claim)] == expected


def test_two_first_sign_ins_at_once_make_one_user(oakfield, monkeypatch):
    # The other sign-in created the account after this one looked for it (a double click at DfE Sign-in).
    identity = Identity(
        sub="priya", email="priya@example.com", first_name="Priya", last_name="Shah", organisations=(), id_token="t"
    )
    first = sign_in.sign_in_school_user(identity, [oakfield])
    monkeypatch.setattr(sign_in, "first_account", lambda sub: None)

    second = sign_in.sign_in_school_user(identity, [oakfield])

    assert second == first
    assert DfESignInAccount.objects.count() == 1


def test_a_user_support_staff_turned_off_is_refused_whatever_dfe_sign_in_says(client, dfe_sign_in, oakfield):
    given_a_dfe_sign_in_user(dfe_sign_in)
    sign_in_with_dfe_sign_in(client)
    client.post("/sign-out")
    account = DfESignInAccount.objects.get(sub="priya")
    account.user.is_active = False
    account.user.save()

    response = sign_in_with_dfe_sign_in(client)

    assert response.status_code == 403
    assert "Your account for this service has been turned off" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert events("school_user_sign_in_refused")[0].metadata["reason"] == "account_disabled"


def test_signing_out_when_dfe_sign_in_does_not_answer_still_signs_out_here(client, dfe_sign_in, oakfield, settings):
    given_a_dfe_sign_in_user(dfe_sign_in)
    sign_in_with_dfe_sign_in(client)
    settings.DFE_SIGN_IN_ISSUER = "http://localhost:9"

    response = client.post("/sign-out")

    assert response["Location"] == "/signed-out"
    assert "_auth_user_id" not in client.session


def test_the_authorisation_request_carries_state_nonce_pkce_and_the_scopes(client, dfe_sign_in):
    location = urlsplit(client.post("/sign-in/dfe")["Location"])
    query = {name: values[0] for name, values in parse_qs(location.query).items()}

    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{dfe_sign_in.url}/oauth2/authorize"
    assert query["response_type"] == "code"
    assert query["client_id"] == dfe_sign_in.client_id
    assert query["redirect_uri"] == "http://testserver/sign-in/dfe/callback"
    assert query["scope"] == "openid profile email organisation"
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) >= 43
    assert len(query["state"]) >= 20
    assert len(query["nonce"]) >= 20
